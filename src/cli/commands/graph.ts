/**
 * `dojo graph FILE`: a Mermaid flowchart of the scenario, endings coloured by outcome; with --svg
 * or --html, a picture laid out by the same module the studio uses, best and worst paths marked.
 */
import { writeFileSync } from 'node:fs';
import type { Catalog } from '../../engine/catalog/catalog.js';
import { conditionLabel, layoutScenario, mainTag, namedReplies } from '../../engine/scenario/graphLayout.js';
import { graphHtml, graphSvg, OUTCOME_COLOURS } from '../../engine/scenario/graphSvg.js';
import type { Scenario } from '../../engine/scenario/model.js';
import { findPaths } from '../../engine/scoring/paths.js';
import { startSession } from '../../engine/session/session.js';
import { pick, type Locale } from '../../engine/text.js';
import { parseArgs, stringFlag, UsageError } from '../args.js';
import type { Output } from '../main.js';
import { localeOf, playOf } from './common.js';

/** Mermaid-safe label text. */
const label = (s: string, max = 40) => {
  const flat = [...s.replace(/\s+/g, ' ').trim()];
  return (flat.length > max ? flat.slice(0, max - 1).join('') + '…' : flat.join('')).replace(/"/g, '#quot;').replace(/[<>]/g, '');
};
const safeId = (id: string) => `n_${id.replace(/-/g, '_')}`;

export function mermaid(s: Scenario, catalog: Catalog, locale: Locale): string {
  const out = ['flowchart TD'];
  for (const id of s.order) out.push(`  ${safeId(id)}["${id}: ${label(pick(s.nodes[id]!.line[0]!, locale))}"]`);
  for (const e of Object.values(s.endings)) out.push(`  ${safeId(e.id)}(["${e.id} · ${e.outcome}"]):::${e.outcome.replace('-', '_')}`);
  for (const id of s.order) {
    for (const { reply, name } of namedReplies(s, id)) {
      const tag = mainTag(catalog, reply);
      for (const b of reply.next) {
        const cond = conditionLabel(b.when);
        out.push(`  ${safeId(id)} -->|"${name}${tag ? ` ${tag}` : ''}${cond ? ` [${cond}]` : ''}"| ${safeId(b.to)}`);
      }
    }
  }
  if (s.breakdown) out.push(`  breakdown{{"any turn: the customer breaks off"}} -.-> ${safeId(s.breakdown)}`);
  for (const [o, c] of Object.entries(OUTCOME_COLOURS)) out.push(`  classDef ${o.replace('-', '_')} fill:${c.fill},color:${c.ink === '#ffffff' ? '#fff' : c.ink},stroke:${c.stroke}`);
  return out.join('\n');
}

export function graphCommand(argv: string[], io: Output): number {
  const args = parseArgs(argv, { booleans: ['svg', 'html'], values: ['catalog', 'locale', 'out'] });
  if (args.flags.has('svg') && args.flags.has('html')) throw new UsageError('give --svg or --html, not both');
  const play = playOf(args, io);
  if (!play) return 1;
  const locale = localeOf(args);
  const picture = args.flags.has('svg') ? 'svg' : args.flags.has('html') ? 'html' : undefined;
  let text: string;
  if (!picture) text = mermaid(play.scenario, play.catalog, locale);
  else {
    const report = findPaths(play, startSession(play, 1));
    const graph = layoutScenario(play.scenario, play.catalog, locale, { ...(report.best ? { best: report.best } : {}), ...(report.worst ? { worst: report.worst } : {}) });
    const title = pick(play.scenario.title, locale);
    text = picture === 'svg' ? graphSvg(graph, locale, title) : graphHtml(graph, locale, title);
  }
  const out = stringFlag(args, 'out');
  if (!out) {
    io.out(text);
    return 0;
  }
  try {
    writeFileSync(out, text.endsWith('\n') ? text : text + '\n');
  } catch (e) {
    io.err(`${out}:1:1: cannot write the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    return 1;
  }
  io.out(`wrote ${out}`);
  return 0;
}
