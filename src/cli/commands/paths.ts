/** `dojo paths FILE`: every ending, and the best and worst routes with their scores. */
import { findPaths, type Route } from '../../engine/scoring/paths.js';
import { startSession } from '../../engine/session/session.js';
import { parseArgs } from '../args.js';
import type { Output } from '../main.js';
import { playOf } from './common.js';

const routeText = (r: Route) => `${r.overall} (decisions ${r.decisions}, ${r.outcome}) via ${r.picks.join(',')}  [${r.nodes.join(' → ')}]`;

export function pathsCommand(argv: string[], io: Output): number {
  const args = parseArgs(argv, { booleans: ['json'], values: ['catalog', 'locale'] });
  const play = playOf(args, io);
  if (!play) return 1;
  const report = findPaths(play, startSession(play, 1));
  if (args.flags.has('json')) {
    io.out(JSON.stringify(report, null, 2));
    return 0;
  }
  io.out(`${play.scenario.file}: ${report.states} states explored${report.exact ? '' : ' (search budget reached: results are partial)'}`);
  for (const e of report.endings) {
    io.out(`\nending ${e.id} [${e.outcome}]${e.reachable ? '' : ': unreachable'}`);
    if (e.best) io.out(`  best  ${routeText(e.best)}`);
    if (e.worst) io.out(`  worst ${routeText(e.worst)}`);
  }
  if (report.best) io.out(`\nbest path:  ${routeText(report.best)}`);
  if (report.worst) io.out(`worst path: ${routeText(report.worst)}`);
  return 0;
}
