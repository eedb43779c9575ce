/** Reading catalog and scenario files from disk for the CLI. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog, type Catalog } from '../engine/catalog/catalog.js';
import type { Problem } from '../engine/problems.js';
import { loadSignals, type Signals } from '../engine/judge/signals.js';
import { modelProblem, type JudgeModel } from '../engine/judge/model.js';
import { loadScenario, type LoadResult } from '../engine/scenario/load.js';
import { MAX_FILE_BYTES } from '../engine/yamlSource.js';
import { declaredId } from '../engine/scenario/idRule.js';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_CATALOG = join(PROJECT_ROOT, 'scenarios/principles.yaml');
export const LIBRARY_DIR = join(PROJECT_ROOT, 'scenarios/library');

/** The bundled scenarios' ids, each with its file as messages name it (the game refuses these ids in a trainer's file). */
export function bundledIds(): Map<string, string> {
  const ids = new Map<string, string>();
  for (const name of readdirSync(LIBRARY_DIR).filter((f) => f.endsWith('.yaml')).sort()) {
    const path = join(LIBRARY_DIR, name);
    const id = declaredId(readFileSync(path, 'utf8'));
    if (id) ids.set(id, displayName(path));
  }
  return ids;
}

/** How a file is named in messages: relative to the working directory when inside it. */
export function displayName(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

function problemAt(file: string, message: string, code: string): Problem {
  return { file, line: 1, col: 1, severity: 'error', code, message };
}

/** Read a text file, or return a located problem instead of throwing. */
export function readText(path: string): { text: string; bytes: number } | { problem: Problem } {
  const name = displayName(path);
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { problem: problemAt(name, 'is a folder, not a scenario file', 'io') };
    if (st.size > MAX_FILE_BYTES) {
      return { problem: problemAt(name, `file is ${(st.size / 1_000_000).toFixed(1)} MB; a scenario file may be at most ${MAX_FILE_BYTES / 1_000_000} MB`, 'too-large') };
    }
    const buf = readFileSync(path);
    return { text: new TextDecoder('utf-8', { fatal: false }).decode(buf), bytes: buf.length };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { problem: problemAt(name, code === 'ENOENT' ? 'no such file' : `cannot read file (${code ?? String(e)})`, 'io') };
  }
}

export function readCatalog(path = DEFAULT_CATALOG): { catalog: Catalog } | { problems: Problem[] } {
  const read = readText(path);
  if ('problem' in read) return { problems: [read.problem] };
  const r = loadCatalog(displayName(path), read.text);
  return r.ok ? { catalog: r.catalog } : { problems: r.problems };
}

export function readScenario(path: string, catalog: Catalog): LoadResult {
  const read = readText(path);
  if ('problem' in read) return { ok: false, problems: [read.problem] };
  return loadScenario(displayName(path), read.text, catalog);
}

export const DEFAULT_SIGNALS = join(PROJECT_ROOT, 'scenarios/judge-signals.yaml');
export const DEFAULT_MODEL = join(PROJECT_ROOT, 'scenarios/judge-model.json');

/** The judge's trained weights (npm run judge:train), checked against the catalog; none if the file is absent. */
export function readModel(catalog: Catalog, path = DEFAULT_MODEL): { model?: JudgeModel } | { problems: Problem[] } {
  if (!existsSync(path)) return {};
  const name = displayName(path);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return { problems: [problemAt(name, `not JSON: ${(e as Error).message}`, 'bad-model')] };
  }
  const problem = modelProblem(data, new Set(catalog.principles.map((p) => p.id)));
  return problem ? { problems: [problemAt(name, problem, 'bad-model')] } : { model: data as JudgeModel };
}

/** The judge's cue patterns, compiled against the catalog, with the trained model; or the located problems that stop them loading. */
export function readSignals(catalog: Catalog, path = DEFAULT_SIGNALS, modelPath = DEFAULT_MODEL): { signals: Signals } | { problems: Problem[] } {
  const read = readText(path);
  if ('problem' in read) return { problems: [read.problem] };
  const r = loadSignals(displayName(path), read.text, catalog);
  if (!r.ok) return { problems: r.problems };
  const m = readModel(catalog, modelPath);
  if ('problems' in m) return m;
  return { signals: m.model ? { ...r.signals, model: m.model } : r.signals };
}
