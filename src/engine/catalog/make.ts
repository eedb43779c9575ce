/** The catalog's lookups over its file's data, apart from reading the file (the game gets the data ready-made). */
import type { Catalog } from './catalog.js';
import type { CatalogFile } from './schema.js';

/** What the lookups need of a catalog file. */
export type CatalogData = Pick<CatalogFile, 'categories' | 'principles' | 'aliases' | 'procedure'>;

export function makeCatalog(file: CatalogData): Catalog {
  const byId = new Map(file.principles.map((p) => [p.id, p]));
  const aliases = file.aliases ?? [];
  const byAlias = new Map(aliases.map((a) => [a.id, a]));
  return {
    categories: file.categories,
    principles: file.principles,
    aliases,
    ...(file.procedure ? { procedure: file.procedure } : {}),
    get: (id) => byId.get(id),
    alias: (id) => byAlias.get(id),
  };
}
