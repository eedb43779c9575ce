/** Load and query the principle catalog. */
import type { Problem } from '../problems.js';
import { parseYaml, schemaProblems } from '../yamlSource.js';
import { makeCatalog } from './make.js';
import { CatalogSchema, CATEGORY_IDS, type Alias, type CatalogFile, type Principle, type Procedure } from './schema.js';

export interface Catalog {
  readonly categories: CatalogFile['categories'];
  readonly principles: readonly Principle[];
  readonly aliases: readonly Alias[];
  readonly procedure?: Procedure;
  get(id: string): Principle | undefined;
  /** The principles an old id now stands for, or undefined when `id` is not an alias. */
  alias(id: string): Alias | undefined;
}

export { severityOf } from './severity.js';

export { makeCatalog } from './make.js';

export type CatalogResult = { ok: true; catalog: Catalog; problems: Problem[] } | { ok: false; problems: Problem[] };

export function loadCatalog(file: string, text: string): CatalogResult {
  const parsed = parseYaml(file, text);
  if (!parsed.source || parsed.problems.some((p) => p.severity === 'error')) return { ok: false, problems: parsed.problems };
  const src = parsed.source;
  const result = CatalogSchema.safeParse(parsed.data);
  if (!result.success) return { ok: false, problems: schemaProblems(src, result.error, parsed.data) };
  const problems: Problem[] = [];
  const data = result.data;
  const seen = new Set<string>();
  data.principles.forEach((p, i) => {
    if (seen.has(p.id)) problems.push(src.problem(['principles', i, 'id'], 'duplicate-id', `duplicate principle id "${p.id}"`));
    seen.add(p.id);
    if (p.severity && p.polarity === 'practice') {
      problems.push(src.problem(['principles', i, 'severity'], 'schema', `"${p.id}" is a practice: only violations have a severity`, { key: true }));
    }
  });
  const cats = new Set(data.categories.map((c) => c.id));
  for (const c of CATEGORY_IDS) {
    if (!cats.has(c)) problems.push(src.problem(['categories'], 'schema', `category "${c}" is not described`));
  }
  (data.aliases ?? []).forEach((a, i) => {
    if (seen.has(a.id)) problems.push(src.problem(['aliases', i, 'id'], 'duplicate-id', `alias "${a.id}" is also a principle id`));
    seen.add(a.id);
    a.to.forEach((t, j) => {
      if (!data.principles.some((p) => p.id === t)) problems.push(src.problem(['aliases', i, 'to', j], 'unknown-principle', `alias "${a.id}" points to unknown principle "${t}"`));
    });
  });
  const stepOf = new Map<string, string>();
  (data.procedure?.steps ?? []).forEach((s, i) => {
    s.principles.forEach((id, j) => {
      const path = ['procedure', 'steps', i, 'principles', j];
      if (!data.principles.some((p) => p.id === id)) problems.push(src.problem(path, 'unknown-principle', `procedure step "${s.id}" names unknown principle "${id}"`));
      else if (data.principles.find((p) => p.id === id)!.polarity !== 'practice') problems.push(src.problem(path, 'schema', `procedure step "${s.id}" names "${id}", a violation: steps are carried out by practices`));
      const other = stepOf.get(id);
      if (other) problems.push(src.problem(path, 'duplicate-id', `"${id}" is already in procedure step "${other}"`));
      stepOf.set(id, s.id);
    });
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, catalog: makeCatalog(data), problems: parsed.problems };
}
