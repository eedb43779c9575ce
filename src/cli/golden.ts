/** Golden transcripts (in the spirit of ink-proof): a scenario, a seed, the choices, and the expected record. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Catalog } from '../engine/catalog/catalog.js';
import { playRecord, type PlayRecord } from '../engine/scoring/transcript.js';
import type { Locale } from '../engine/text.js';
import { PROJECT_ROOT, readScenario } from './files.js';
import { parseChoices, runPicks } from './commands/play.js';

export const TRANSCRIPTS = join(PROJECT_ROOT, 'scenarios/transcripts');

export interface Golden {
  /** Scenario file, relative to the project root. */
  scenario: string;
  seed: number;
  locale: Locale;
  choices: string;
  expected: PlayRecord;
}

export type Replay = { ok: true; actual: PlayRecord } | { ok: false; error: string };

export function replay(g: Pick<Golden, 'scenario' | 'seed' | 'locale' | 'choices'>, catalog: Catalog): Replay {
  const r = readScenario(join(PROJECT_ROOT, g.scenario), catalog);
  if (!r.ok) return { ok: false, error: r.problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`).join('\n') };
  const play = { scenario: r.scenario, catalog };
  const { state, error } = runPicks(play, g.seed, parseChoices(g.choices));
  if (error) return { ok: false, error };
  if (!state.ending) return { ok: false, error: `the conversation has not ended after choices ${g.choices}` };
  return { ok: true, actual: playRecord(play, state, g.locale) };
}

export function goldenPath(scenarioId: string, name: string): string {
  return join(TRANSCRIPTS, scenarioId, `${name}.json`);
}

export function writeGolden(path: string, g: Golden): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(g, null, 2) + '\n');
}

export function listGoldens(dir = TRANSCRIPTS): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
}

export function readGolden(path: string): Golden {
  return JSON.parse(readFileSync(path, 'utf8')) as Golden;
}

/** Where two records first differ, as a readable path, or undefined when equal. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${path || '(root)'}: expected ${JSON.stringify(a)}, got ${JSON.stringify(b)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k);
    if (d) return d;
  }
  return undefined;
}

export const projectRelative = (p: string) => relative(PROJECT_ROOT, p);
