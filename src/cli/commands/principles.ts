/** `dojo principles`: the catalog, as a table or JSON. */
import { severityOf } from '../../engine/catalog/severity.js';
import { SEVERITY_POINTS } from '../../engine/scoring/value.js';
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
    io.out(JSON.stringify({ categories: catalog.categories, principles: catalog.principles, aliases: catalog.aliases, ...(catalog.procedure ? { procedure: catalog.procedure } : {}) }, null, 2));
    return 0;
  }
  for (const c of catalog.categories) {
    io.out(`\n${pick(c.name, locale)} (${c.id})`);
    for (const p of catalog.principles.filter((x) => x.category === c.id)) {
      const mark = p.polarity === 'practice' ? '+' : '−';
      const sev = p.polarity === 'violation' ? `${severityOf(p)} (−${SEVERITY_POINTS[severityOf(p)]})` : '';
      io.out(`  ${mark} ${p.id.padEnd(26)} ${p.service.padEnd(4)} ${sev.padEnd(13)} ${pick(p.name, locale)}`);
      if (p.severity) io.out(`      ${pick(p.severity.why, locale)}`);
      io.out(`      ${pick(p.tip, locale)}`);
      io.out(`      ${p.sources.map((s) => `${s.file} · ${s.item}`).join('\n      ')}`);
    }
  }
  if (catalog.aliases.length) {
    io.out('\nRenamed (old ids still read as the new ones)');
    for (const a of catalog.aliases) io.out(`  ${a.id} → ${a.to.join(' + ')}: ${pick(a.note, locale)}`);
  }
  if (catalog.procedure) {
    io.out(`\n${pick(catalog.procedure.name, locale)}`);
    catalog.procedure.steps.forEach((s, i) => io.out(`  ${i + 1}. ${pick(s.name, locale)}: ${s.principles.join(', ')}`));
  }
  io.out(`\n${catalog.principles.length} principles.`);
  return 0;
}
