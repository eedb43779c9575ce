/** `dojo coverage [FILE|DIR…] [--json]`: the principles each scenario and the whole set exercise. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { folderCoverage, scenarioCoverage, type ScenarioCoverage } from '../../engine/scenario/coverage.js';
import { parseArgs } from '../args.js';
import { LIBRARY_DIR, readScenario } from '../files.js';
import type { Output } from '../main.js';
import { catalogOf, messageLocale, printProblems } from './common.js';

const T = {
  en: {
    scenario: (f: string, n: number) => `${f}: ${n} principle(s) exercised`,
    best: 'best reply',
    tempting: 'tempting wrong reply',
    unused: 'trains, but no reply uses',
    all: (n: number) => `Across ${n} scenario(s): principle, scenarios, replies, best, tempting`,
    never: 'No scenario exercises',
    none: '(none)',
  },
  'zh-CN': {
    scenario: (f: string, n: number) => `${f}:练到 ${n} 条原则`,
    best: '最佳回应',
    tempting: '诱人的错误回应',
    unused: 'trains 里列了、但没有回应用到',
    all: (n: number) => `${n} 个场景合计:原则、场景数、回应数、最佳、诱人的错误`,
    never: '没有任何场景练到',
    none: '(无)',
  },
} as const;

/** Files given, with each folder replaced by its .yaml files; the library when nothing is given. */
export function scenarioFiles(paths: readonly string[]): string[] {
  const list = paths.length ? paths : [LIBRARY_DIR];
  return list.flatMap((p) => {
    try {
      if (statSync(p).isDirectory()) return readdirSync(p).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(p, f));
    } catch {
      // A missing path is reported by the reader, located.
    }
    return [p];
  });
}

export function coverageCommand(argv: string[], io: Output): number {
  const args = parseArgs(argv, { booleans: ['json'], values: ['catalog', 'locale'] });
  const locale = messageLocale(args);
  const catalog = catalogOf(args, io);
  if (!catalog) return 1;
  const list: ScenarioCoverage[] = [];
  let bad = 0;
  for (const file of scenarioFiles(args.positionals)) {
    const r = readScenario(file, catalog);
    if (!r.ok) {
      printProblems(io, r.problems, locale);
      bad++;
      continue;
    }
    list.push(scenarioCoverage(r.scenario, catalog));
  }
  const all = folderCoverage(list, catalog);
  if (args.flags.has('json')) {
    io.out(JSON.stringify(all, null, 2));
    return bad ? 1 : 0;
  }
  const t = T[locale];
  const ids = (xs: readonly string[]) => (xs.length ? xs.join(', ') : t.none);
  for (const sc of all.scenarios) {
    io.out(t.scenario(sc.file, sc.principles.length));
    io.out(`  ${t.best}: ${ids(sc.principles.filter((p) => p.best).map((p) => `${p.id} ×${p.best}`))}`);
    io.out(`  ${t.tempting}: ${ids(sc.principles.filter((p) => p.tempting).map((p) => `${p.id} ×${p.tempting}`))}`);
    if (sc.unusedTrains.length) io.out(`  ${t.unused}: ${sc.unusedTrains.join(', ')}`);
  }
  io.out(`\n${t.all(all.scenarios.length)}`);
  const width = Math.max(...all.principles.map((p) => p.id.length), 10);
  for (const p of all.principles) {
    const name = catalog.get(p.id)?.name[locale] ?? '';
    io.out(`  ${p.id.padEnd(width)} ${String(p.scenarios).padStart(3)} ${String(p.replies).padStart(4)} ${String(p.best).padStart(4)} ${String(p.tempting).padStart(4)}  ${name}`);
  }
  io.out(`\n${t.never}: ${ids(all.neverExercised)}`);
  return bad ? 1 : 0;
}
