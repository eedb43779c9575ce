/**
 * `virtual:dojo-judge-signals`: the own-words judge's cue patterns (scenarios/judge-signals.yaml), read and
 * checked by the engine's loader when the game is built (or served in development) and shipped as plain
 * data (src/engine/judge/portable.ts). Only the own-words chunk imports it, so neither the data nor a YAML
 * parser reaches the game's first download; a file that does not load stops the build, at its file:line:col.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { loadCatalog } from '../engine/catalog/catalog.js';
import { loadSignals } from '../engine/judge/signals.js';
import { toPortable, type PortableSignals } from '../engine/judge/portable.js';
import type { Problem } from '../engine/problems.js';

export const SIGNALS_ID = 'virtual:dojo-judge-signals';
const RESOLVED = `\0${SIGNALS_ID}`;
const CATALOG = 'scenarios/principles.yaml';
const SIGNALS = 'scenarios/judge-signals.yaml';

const where = (p: Problem) => `${p.file}:${p.line}:${p.col}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`;

/** The signals under `root` (the project folder), as data; or the problems that stop them loading. */
export async function readPortableSignals(root: string): Promise<{ signals: PortableSignals } | { problems: Problem[] }> {
  const cat = loadCatalog(CATALOG, await readFile(join(root, CATALOG), 'utf8'));
  if (!cat.ok) return { problems: cat.problems };
  const r = loadSignals(SIGNALS, await readFile(join(root, SIGNALS), 'utf8'), cat.catalog);
  return r.ok ? { signals: toPortable(r.signals) } : { problems: r.problems };
}

export function judgeSignals(root = process.cwd()): Plugin {
  return {
    name: 'dojo-judge-signals',
    resolveId(id) {
      return id === SIGNALS_ID ? RESOLVED : null;
    },
    async load(id) {
      if (id !== RESOLVED) return null;
      this.addWatchFile(join(root, CATALOG));
      this.addWatchFile(join(root, SIGNALS));
      const r = await readPortableSignals(root);
      if ('problems' in r) this.error(`the judge's signals do not load:\n${r.problems.map(where).join('\n')}`);
      return { code: `export default JSON.parse(${JSON.stringify(JSON.stringify(r.signals))});`, moduleType: 'js' };
    },
    hotUpdate({ file }) {
      if (!file.endsWith(SIGNALS) && !file.endsWith(CATALOG)) return;
      const mod = this.environment.moduleGraph.getModuleById(RESOLVED);
      if (mod) this.environment.moduleGraph.invalidateModule(mod);
    },
  };
}
