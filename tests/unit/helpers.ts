import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCatalog, type Catalog } from '../../src/engine/catalog/catalog.js';
import { loadScenario } from '../../src/engine/scenario/load.js';
import type { Scenario } from '../../src/engine/scenario/model.js';
import type { Play } from '../../src/engine/session/session.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const LIBRARY = join(ROOT, 'scenarios/library');
/**
 * The five source documents the catalog quotes: the folder named by DOJO_SOURCES (relative paths from the
 * repository root), else ../shared/seeds beside the repository. A fresh clone has neither; the tests that
 * check quotes against them are skipped there.
 */
export const SEEDS = resolve(ROOT, process.env.DOJO_SOURCES || '../shared/seeds');

export function catalog(): Catalog {
  const r = loadCatalog('scenarios/principles.yaml', readFileSync(join(ROOT, 'scenarios/principles.yaml'), 'utf8'));
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.catalog;
}

export function loadFile(path: string, cat = catalog()): Scenario {
  const r = loadScenario(path, readFileSync(join(ROOT, path), 'utf8'), cat);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`).join('\n'));
  return r.scenario;
}

export function libraryFiles(): string[] {
  return readdirSync(LIBRARY)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `scenarios/library/${f}`);
}

export function playOf(path: string): Play {
  const cat = catalog();
  return { scenario: loadFile(path, cat), catalog: cat };
}

/** Run the dojo CLI in-process, as a trainer would from the shell: exit code, standard output and error. */
export async function runDojo(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { main } = await import('../../src/cli/main.js');
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
