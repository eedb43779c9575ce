/** `dojo test`: replay every golden transcript in scenarios/transcripts and report differences. */
import { firstDifference, listGoldens, projectRelative, readGolden, replay } from '../golden.js';
import { parseArgs } from '../args.js';
import type { Output } from '../main.js';
import { catalogOf } from './common.js';

export function testCommand(argv: string[], io: Output): number {
  const args = parseArgs(argv, { values: ['catalog'] });
  const catalog = catalogOf(args, io);
  if (!catalog) return 1;
  const files = args.positionals.length ? args.positionals : listGoldens();
  let failed = 0;
  for (const f of files) {
    let diff: string | undefined;
    try {
      const g = readGolden(f);
      const r = replay(g, catalog);
      diff = r.ok ? firstDifference(g.expected, r.actual) : r.error;
    } catch (e) {
      diff = `cannot read transcript: ${e instanceof Error ? e.message : String(e)}`;
    }
    if (diff) {
      failed++;
      io.out(`FAIL ${projectRelative(f)}\n     ${diff}`);
    } else io.out(`ok   ${projectRelative(f)}`);
  }
  io.out(`${files.length - failed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}
