/** `dojo principles`: the catalog, as a table or JSON. */
import { pick } from '../../engine/text.js';
import { parseArgs } from '../args.js';
import type { Output } from '../main.js';
import { catalogOf, localeOf } from './common.js';

export function principlesCommand(argv: string[], io: Output): number {
  const args = parseArgs(argv, { booleans: ['json'], values: ['catalog', 'locale'] });
  const locale = localeOf(args);
  const catalog = catalogOf(args, io);
  if (!catalog) return 1;
  if (args.flags.has('json')) {
    io.out(JSON.stringify({ categories: catalog.categories, principles: catalog.principles }, null, 2));
    return 0;
  }
  for (const c of catalog.categories) {
    io.out(`\n${pick(c.name, locale)} (${c.id})`);
    for (const p of catalog.principles.filter((x) => x.category === c.id)) {
      const mark = p.polarity === 'practice' ? '+' : '−';
      io.out(`  ${mark} ${p.id.padEnd(26)} ${p.service.padEnd(4)} ${pick(p.name, locale)}`);
      io.out(`      ${pick(p.tip, locale)}`);
      io.out(`      ${p.sources.map((s) => `${s.file} · ${s.item}`).join('\n      ')}`);
    }
  }
  io.out(`\n${catalog.principles.length} principles.`);
  return 0;
}
