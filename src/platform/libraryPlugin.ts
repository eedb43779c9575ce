/**
 * `virtual:dojo-library`: the principle catalog and every bundled scenario, read and checked
 * by the engine's own loader when the game is built (or served in development), and shipped
 * as plain data. A phone then parses JSON instead of sixteen YAML files on its main thread
 * (about a second with the CPU slowed 4×), and the YAML parsers and the schema are fetched
 * only when a trainer opens a file of their own.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { loadCatalog } from '../engine/catalog/catalog.js';
import type { CatalogData } from '../engine/catalog/make.js';
import type { Problem } from '../engine/problems.js';
import type { Scenario } from '../engine/scenario/model.js';
import { loadScenario } from '../engine/scenario/load.js';

export const LIBRARY_ID = 'virtual:dojo-library';
const RESOLVED = `\0${LIBRARY_ID}`;

export interface BundledLibrary {
  catalog: CatalogData;
  scenarios: Scenario[];
  /** Files that did not load: the game shows their problems. */
  problems: Problem[];
}

const where = (p: Problem) => `${p.file}:${p.line}:${p.col}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`;

/** Read the catalog and the library under `root` (the project folder). */
export async function readBundledLibrary(root: string): Promise<{ library?: BundledLibrary; problems: Problem[]; files: string[] }> {
  const catalogFile = join(root, 'scenarios/principles.yaml');
  const dir = join(root, 'scenarios/library');
  const names = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  const files = [catalogFile, ...names.map((n) => join(dir, n))];
  const cat = loadCatalog('scenarios/principles.yaml', await readFile(catalogFile, 'utf8'));
  if (!cat.ok) return { problems: cat.problems, files };
  const scenarios: Scenario[] = [];
  const problems: Problem[] = [];
  for (const n of names) {
    const file = relative(root, join(dir, n)).split('\\').join('/');
    const r = loadScenario(file, await readFile(join(dir, n), 'utf8'), cat.catalog);
    if (r.ok) scenarios.push(r.scenario);
    else problems.push(...r.problems.filter((p) => p.severity === 'error'));
  }
  const catalog: CatalogData = { categories: cat.catalog.categories, principles: [...cat.catalog.principles], aliases: [...cat.catalog.aliases], ...(cat.catalog.procedure ? { procedure: cat.catalog.procedure } : {}) };
  return { library: { catalog, scenarios, problems }, problems, files };
}

export function bundledLibrary(root = process.cwd()): Plugin {
  let building = false;
  return {
    name: 'dojo-bundled-library',
    configResolved(c) {
      building = c.command === 'build';
    },
    resolveId(id) {
      return id === LIBRARY_ID ? RESOLVED : null;
    },
    async load(id) {
      if (id !== RESOLVED) return null;
      const r = await readBundledLibrary(root);
      for (const f of r.files) this.addWatchFile(f);
      if (!r.library) this.error(`the principle catalog does not load:\n${r.problems.map(where).join('\n')}`);
      // A library file that does not load is left out and its problems travel with the data: the game shows
      // them in its problem panel, as it does for a trainer's own file, and plays the others.
      if (building && r.problems.length) this.warn(`left out of the game:\n${r.problems.map(where).join('\n')}`);
      // JSON.parse of one string is faster for the browser than the same data as a literal.
      return { code: `export default JSON.parse(${JSON.stringify(JSON.stringify(r.library))});`, moduleType: 'js' };
    },
    hotUpdate({ file }) {
      // A development server: the next load of the page reads the files again. (A library file's
      // new text reaches a running game through the hot-reload event in vite.config.ts.)
      const rel = relative(root, file).split('\\').join('/');
      if (!/^scenarios\/(principles|library\/[^/]+)\.ya?ml$/.test(rel)) return;
      const mod = this.environment.moduleGraph.getModuleById(RESOLVED);
      if (mod) this.environment.moduleGraph.invalidateModule(mod);
      // Everything depends on the catalog: the page starts again.
      if (rel.startsWith('scenarios/principles.')) {
        this.environment.hot.send({ type: 'full-reload' });
        return [];
      }
    },
  };
}
