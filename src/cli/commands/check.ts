/** `dojo check FILE…`: validate; every problem printed as file:line:col: message. */
import { parseArgs, UsageError } from '../args.js';
import { bundledIdProblem } from '../../engine/scenario/idRule.js';
import { bundledIds, readScenario } from '../files.js';
import type { Output } from '../main.js';
import { catalogOf, duplicateId, messageLocale, printProblems } from './common.js';

export function checkCommand(argv: string[], io: Output): number {
  const args = parseArgs(argv, { booleans: ['quiet'], values: ['catalog', 'locale'] });
  const locale = messageLocale(args);
  if (!args.positionals.length) throw new UsageError('give one or more scenario files');
  const catalog = catalogOf(args, io);
  if (!catalog) return 1;
  let bad = 0;
  const ids = new Map<string, string>();
  const bundled = bundledIds();
  for (const file of args.positionals) {
    const r = readScenario(file, catalog);
    printProblems(io, r.problems, locale);
    if (!r.ok) {
      bad++;
      continue;
    }
    const dup = bundledIdProblem(r.scenario, bundled) ?? duplicateId(ids, r.scenario);
    if (dup) {
      printProblems(io, [dup], locale);
      bad++;
      continue;
    }
    if (!args.flags.has('quiet')) io.out(`ok ${r.scenario.file}`);
  }
  return bad ? 1 : 0;
}
