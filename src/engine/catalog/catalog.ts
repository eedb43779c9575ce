/** Load and query the principle catalog. */
import type { Problem } from '../problems.js';
import { parseYaml, schemaProblems } from '../yamlSource.js';
import { CatalogSchema, CATEGORY_IDS, type CatalogFile, type Principle } from './schema.js';

export interface Catalog {
  readonly categories: CatalogFile['categories'];
  readonly principles: readonly Principle[];
  get(id: string): Principle | undefined;
}

export function makeCatalog(file: CatalogFile): Catalog {
  const byId = new Map(file.principles.map((p) => [p.id, p]));
  return { categories: file.categories, principles: file.principles, get: (id) => byId.get(id) };
}

export type CatalogResult = { ok: true; catalog: Catalog; problems: Problem[] } | { ok: false; problems: Problem[] };

export function loadCatalog(file: string, text: string): CatalogResult {
  const parsed = parseYaml(file, text);
  if (!parsed.source || parsed.problems.some((p) => p.severity === 'error')) return { ok: false, problems: parsed.problems };
  const src = parsed.source;
  const result = CatalogSchema.safeParse(parsed.data);
  if (!result.success) return { ok: false, problems: schemaProblems(src, result.error, parsed.data) };
  const problems: Problem[] = [];
  const seen = new Set<string>();
  result.data.principles.forEach((p, i) => {
    if (seen.has(p.id)) problems.push(src.problem(['principles', i, 'id'], 'duplicate-id', `duplicate principle id "${p.id}"`));
    seen.add(p.id);
  });
  const cats = new Set(result.data.categories.map((c) => c.id));
  for (const c of CATEGORY_IDS) {
    if (!cats.has(c)) problems.push(src.problem(['categories'], 'schema', `category "${c}" is not described`));
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, catalog: makeCatalog(result.data), problems: parsed.problems };
}
