/** `dojo paths FILE`: every ending, and the best and worst routes with their scores. */
import { findPaths, type Route } from '../../engine/scoring/paths.js';
import { startSession } from '../../engine/session/session.js';
import { parseArgs, UsageError } from '../args.js';
import { readScenario } from '../files.js';
import type { Output } from '../main.js';
import { catalogOf, printProblems } from './common.js';

const routeText = (r: Route) => `${r.overall} (decisions ${r.decisions}, ${r.outcome}) via ${r.picks.join(',')}  [${r.nodes.join(' → ')}]`;

export function pathsCommand(argv: string[], io: Output): number {
  const args = parseArgs(argv, { booleans: ['json'], values: ['catalog', 'locale'] });
  if (args.positionals.length !== 1) throw new UsageError('give exactly one scenario file');
  const catalog = catalogOf(args, io);
  if (!catalog) return 1;
  const r = readScenario(args.positionals[0]!, catalog);
  printProblems(io, r.problems);
  if (!r.ok) return 1;
  const play = { scenario: r.scenario, catalog };
  const report = findPaths(play, startSession(play, 1));
  if (args.flags.has('json')) {
    io.out(JSON.stringify(report, null, 2));
    return 0;
  }
  io.out(`${r.scenario.file}: ${report.states} states explored${report.exact ? '' : ' (search budget reached: results are partial)'}`);
  for (const e of report.endings) {
    io.out(`\nending ${e.id} [${e.outcome}]${e.reachable ? '' : ': unreachable'}`);
    if (e.best) io.out(`  best  ${routeText(e.best)}`);
    if (e.worst) io.out(`  worst ${routeText(e.worst)}`);
  }
  if (report.best) io.out(`\nbest path:  ${routeText(report.best)}`);
  if (report.worst) io.out(`worst path: ${routeText(report.worst)}`);
  return 0;
}
