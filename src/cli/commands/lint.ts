/** `dojo lint FILE… [--json]`: check plus the graph and teaching checks; exit 1 on any error. */
import { lintScenario } from '../../engine/scenario/lint.js';
import { byPosition, formatProblem, type Problem } from '../../engine/problems.js';
import { parseArgs, UsageError } from '../args.js';
import { bundledIdProblem } from '../../engine/scenario/idRule.js';
import { bundledIds, displayName, readText } from '../files.js';
import type { Output } from '../main.js';
import { catalogOf, duplicateId, messageLocale } from './common.js';

export function lintCommand(argv: string[], io: Output): number {
  const args = parseArgs(argv, { booleans: ['json'], values: ['catalog', 'locale'] });
  const locale = messageLocale(args);
  if (!args.positionals.length) throw new UsageError('give one or more scenario files');
  const catalog = catalogOf(args, io);
  if (!catalog) return 1;
  const all: Problem[] = [];
  const ids = new Map<string, string>();
  const bundled = bundledIds();
  for (const file of args.positionals) {
    const read = readText(file);
    if ('problem' in read) {
      all.push(read.problem);
      continue;
    }
    const r = lintScenario(displayName(file), read.text, catalog);
    all.push(...r.problems);
    const dup = r.scenario && (bundledIdProblem(r.scenario, bundled) ?? duplicateId(ids, r.scenario));
    if (dup) all.push(dup);
  }
  all.sort(byPosition);
  if (args.flags.has('json')) io.out(JSON.stringify(all, null, 2));
  else {
    for (const p of all) io.out(formatProblem(p, locale));
    const count = (sev: string) => all.filter((p) => p.severity === sev).length;
    const n = args.positionals.length;
    io.out(
      locale === 'en'
        ? `${n} file(s): ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} note(s)`
        : `${n} 个文件:${count('error')} 个错误,${count('warning')} 个警告,${count('info')} 条提示`,
    );
  }
  return all.some((p) => p.severity === 'error') ? 1 : 0;
}
