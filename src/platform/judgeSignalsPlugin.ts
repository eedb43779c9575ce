/**
 * `virtual:dojo-judge-signals`: the own-words judge's cue patterns (scenarios/judge-signals.yaml), read and
 * checked by the engine's loader when the game is built (or served in development) and shipped as plain
 * data (src/engine/judge/portable.ts), with the trained weights (scenarios/judge-model.json, npm run judge:train). Only the own-words chunk imports it, so neither the data nor a YAML
 * parser reaches the game's first download; a file that does not load stops the build, at its file:line:col.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { loadCatalog } from '../engine/catalog/catalog.js';
import { loadSignals } from '../engine/judge/signals.js';
import { toPortable, type PortableSignals } from '../engine/judge/portable.js';
import { modelProblem, type JudgeModel } from '../engine/judge/model.js';
import type { Problem } from '../engine/problems.js';

export const SIGNALS_ID = 'virtual:dojo-judge-signals';
const RESOLVED = `\0${SIGNALS_ID}`;
const CATALOG = 'scenarios/principles.yaml';
const SIGNALS = 'scenarios/judge-signals.yaml';
const MODEL = 'scenarios/judge-model.json';

const where = (p: Problem) => `${p.file}:${p.line}:${p.col}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`;

/** The signals under `root` (the project folder), as data; or the problems that stop them loading. */
export async function readPortableSignals(root: string): Promise<{ signals: PortableSignals } | { problems: Problem[] }> {
  const cat = loadCatalog(CATALOG, await readFile(join(root, CATALOG), 'utf8'));
  if (!cat.ok) return { problems: cat.problems };
  const r = loadSignals(SIGNALS, await readFile(join(root, SIGNALS), 'utf8'), cat.catalog);
  if (!r.ok) return { problems: r.problems };
  const model: unknown = JSON.parse(await readFile(join(root, MODEL), 'utf8'));
  const problem = modelProblem(model, new Set(cat.catalog.principles.map((p) => p.id)));
  if (problem) return { problems: [{ file: MODEL, line: 1, col: 1, severity: 'error', code: 'bad-model', message: problem }] };
  return { signals: toPortable({ ...r.signals, model: model as JudgeModel }) };
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
      this.addWatchFile(join(root, MODEL));
      const r = await readPortableSignals(root);
      if ('problems' in r) this.error(`the judge's signals do not load:\n${r.problems.map(where).join('\n')}`);
      return { code: `export default JSON.parse(${JSON.stringify(JSON.stringify(r.signals))});`, moduleType: 'js' };
    },
    hotUpdate({ file }) {
      if (!file.endsWith(SIGNALS) && !file.endsWith(CATALOG) && !file.endsWith(MODEL)) return;
      const mod = this.environment.moduleGraph.getModuleById(RESOLVED);
      if (mod) this.environment.moduleGraph.invalidateModule(mod);
    },
  };
}
