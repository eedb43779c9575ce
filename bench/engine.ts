/**
 * Engine benchmarks: each figure is a median over repeated runs, reported with a floor
 * measured in the same run on the same machine, so the ratio is what to watch.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createActor, createMachine } from 'xstate';
import { loadCatalog, type Catalog } from '../src/engine/catalog/catalog.js';
import { loadScenario } from '../src/engine/scenario/load.js';
import type { Scenario } from '../src/engine/scenario/model.js';
import { turnScore } from '../src/engine/scoring/debrief.js';
import { findPaths } from '../src/engine/scoring/paths.js';
import { choose, offeredChoices, startSession, type Play } from '../src/engine/session/session.js';
import { generateScenario } from './generate.js';

export interface Figure {
  name: string;
  unit: string;
  value: number;
  floor?: { what: string; value: number };
  ratio?: number;
  target: string;
  pass: boolean;
}

const ROOT = join(import.meta.dirname, '..');

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

function libraryTexts(): { file: string; text: string }[] {
  const dir = join(ROOT, 'scenarios/library');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ file: `scenarios/library/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
}

function loadAll(catalogText: string, texts: { file: string; text: string }[]): { catalog: Catalog; scenarios: Scenario[] } {
  const c = loadCatalog('scenarios/principles.yaml', catalogText);
  if (!c.ok) throw new Error('catalog does not load');
  const scenarios = texts.map(({ file, text }) => {
    const r = loadScenario(file, text, c.catalog);
    if (!r.ok) throw new Error(`${file} does not load`);
    return r.scenario;
  });
  return { catalog: c.catalog, scenarios };
}

/** µs per choose step including the turn's scoring, over random walks through every bundled scenario. */
function chooseStep(plays: Play[]): number {
  const samples: number[] = [];
  for (let round = 0; round < 15; round++) {
    let steps = 0;
    const t = performance.now();
    for (const play of plays) {
      for (let seed = 0; seed < 20; seed++) {
        let s = startSession(play, seed);
        let k = seed;
        while (!s.ending) {
          const offered = offeredChoices(play, s);
          const n = k++ % offered.length;
          turnScore(play, { node: s.node, offered: offered.map((c) => c.index), choice: offered[n]!.index, before: s.customer.context.meters });
          s = choose(play, s, n);
          steps++;
        }
      }
    }
    samples.push(((performance.now() - t) * 1000) / steps);
  }
  return median(samples.slice(3));
}

/** Floor: µs per event for a bare XState actor with one guarded transition and one assign. */
function xstateFloor(): number {
  const m = createMachine({
    context: { n: 0 },
    initial: 'a',
    states: {
      a: { on: { go: { target: 'b', guard: ({ context }) => context.n >= 0, actions: ({ context }) => void context.n } } },
      b: { on: { go: 'a' } },
    },
  });
  const samples: number[] = [];
  for (let round = 0; round < 15; round++) {
    const a = createActor(m).start();
    const t = performance.now();
    for (let i = 0; i < 5000; i++) a.send({ type: 'go' });
    samples.push(((performance.now() - t) * 1000) / 5000);
    a.stop();
  }
  return median(samples.slice(3));
}

/** Floor for the paths search: a breadth-first walk over the same node graph, ignoring state. */
function bfs(s: Scenario): number {
  const seen = new Set([s.start]);
  const q = [s.start];
  for (let i = 0; i < q.length; i++) {
    for (const c of s.nodes[q[i]!]?.choices ?? []) {
      for (const b of c.next) {
        if (seen.has(b.to)) continue;
        seen.add(b.to);
        q.push(b.to);
      }
    }
  }
  return seen.size;
}

export function engineFigures(): Figure[] {
  const catalogText = readFileSync(join(ROOT, 'scenarios/principles.yaml'), 'utf8');
  const texts = libraryTexts();
  const { catalog, scenarios } = loadAll(catalogText, texts);
  const plays = scenarios.map((scenario) => ({ scenario, catalog }));

  const stepUs = chooseStep(plays);
  const floorUs = xstateFloor();

  const loadMs = median(Array.from({ length: 9 }, () => time(() => loadAll(catalogText, texts))).slice(2));
  const yamlMs = median(Array.from({ length: 9 }, () => time(() => [catalogText, ...texts.map((t) => t.text)].forEach((t) => parse(t)))).slice(2));

  const genText = generateScenario(catalog, 2000);
  const gen = loadScenario('generated.yaml', genText, catalog);
  if (!gen.ok) throw new Error('generated scenario does not load');
  const genPlay = { scenario: gen.scenario, catalog };
  let report = findPaths(genPlay, startSession(genPlay, 1));
  const pathsMs = median(
    Array.from({ length: 5 }, () => time(() => (report = findPaths(genPlay, startSession(genPlay, 1))))),
  );
  const bfsMs = median(Array.from({ length: 50 }, () => time(() => bfs(gen.scenario))));

  return [
    {
      name: 'engine.choose_step_us',
      unit: 'µs',
      value: round(stepUs),
      floor: { what: 'bare XState actor send, guarded transition + action', value: round(floorUs) },
      ratio: round(stepUs / floorUs),
      target: '≤ 100 µs',
      pass: stepUs <= 100,
    },
    {
      name: 'engine.load_all_scenarios_ms',
      unit: 'ms',
      value: round(loadMs),
      floor: { what: `yaml.parse of the same ${texts.length + 1} files, no validation`, value: round(yamlMs) },
      ratio: round(loadMs / yamlMs),
      target: '≤ 200 ms',
      pass: loadMs <= 200,
    },
    {
      name: 'engine.paths_2000_nodes_ms',
      unit: 'ms',
      value: round(pathsMs),
      floor: { what: 'breadth-first walk of the same 2,000-node graph', value: round(bfsMs) },
      ratio: round(pathsMs / bfsMs),
      target: `≤ 1000 ms (${report.states} states, widest layer ${report.width}, exact: ${report.exact})`,
      pass: pathsMs <= 1000,
    },
  ];
}

const round = (x: number) => Math.round(x * 100) / 100;
