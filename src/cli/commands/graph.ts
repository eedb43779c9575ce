/** `dojo graph FILE`: a Mermaid flowchart of the scenario, endings coloured by outcome. */
import { severityOf } from '../../engine/catalog/catalog.js';
import { SEVERITY_POINTS } from '../../engine/scoring/value.js';
import type { Catalog } from '../../engine/catalog/catalog.js';
import type { Condition, Scenario } from '../../engine/scenario/model.js';
import { pick, type Locale } from '../../engine/text.js';
import { parseArgs } from '../args.js';
import type { Output } from '../main.js';
import { localeOf, playOf } from './common.js';

const OUTCOME_STYLE: Record<string, string> = {
  'won-back': 'fill:#2e8b57,color:#fff,stroke:#1e6b3a',
  resolved: 'fill:#7fbf9a,color:#111,stroke:#2e8b57',
  unresolved: 'fill:#d5d8dc,color:#111,stroke:#7f8c8d',
  escalated: 'fill:#c0392b,color:#fff,stroke:#922b21',
  'left-silently': 'fill:#5d6d7e,color:#fff,stroke:#34495e',
};

/** Mermaid-safe label text. */
const label = (s: string, max = 40) => {
  const flat = [...s.replace(/\s+/g, ' ').trim()];
  return (flat.length > max ? flat.slice(0, max - 1).join('') + '…' : flat.join('')).replace(/"/g, '#quot;').replace(/[<>]/g, '');
};
const safeId = (id: string) => `n_${id.replace(/-/g, '_')}`;

function condition(c: Condition | undefined): string {
  if (!c) return '';
  const parts = Object.entries(c.meters).map(([m, r]) => (r.min !== undefined && r.max !== undefined ? `${r.min}≤${m}≤${r.max}` : r.min !== undefined ? `${m}≥${r.min}` : `${m}≤${r.max}`));
  parts.push(...c.chose.map((x) => `chose ${x}`), ...c.notChose.map((x) => `not ${x}`), ...c.visited.map((x) => `visited ${x}`));
  return parts.join(', ');
}

export function mermaid(s: Scenario, catalog: Catalog, locale: Locale): string {
  const out = ['flowchart TD'];
  for (const id of s.order) {
    const n = s.nodes[id]!;
    out.push(`  ${safeId(id)}["${id}: ${label(pick(n.line[0]!, locale))}"]`);
  }
  for (const e of Object.values(s.endings)) out.push(`  ${safeId(e.id)}(["${e.id} · ${e.outcome}"]):::${e.outcome.replace('-', '_')}`);
  const heft = (t: { id: string; weight: number }) => {
    const p = catalog.get(t.id);
    return p?.polarity === 'violation' ? (t.weight * SEVERITY_POINTS[severityOf(p)]) / SEVERITY_POINTS.minor : t.weight;
  };
  for (const id of s.order) {
    const n = s.nodes[id]!;
    const replies = [...n.choices.map((c, i) => ({ r: c, name: String(i + 1) })), ...(n.onTimeout ? [{ r: n.onTimeout, name: '⏱' }] : [])];
    for (const { r, name } of replies) {
      // The tag that weighs most: violations by their cost, practices by their weight.
      const main = [...r.principles].sort((a, b) => heft(b) - heft(a))[0];
      const p = main ? catalog.get(main.id) : undefined;
      const tag = p ? ` ${p.polarity === 'practice' ? '✓' : '✗'} ${main!.id}` : '';
      for (const b of r.next) {
        const cond = condition(b.when);
        out.push(`  ${safeId(id)} -->|"${name}${tag}${cond ? ` [${cond}]` : ''}"| ${safeId(b.to)}`);
      }
    }
  }
  if (s.breakdown) out.push(`  breakdown{{"any turn: the customer breaks off"}} -.-> ${safeId(s.breakdown)}`);
  for (const [o, style] of Object.entries(OUTCOME_STYLE)) out.push(`  classDef ${o.replace('-', '_')} ${style}`);
  return out.join('\n');
}

export function graphCommand(argv: string[], io: Output): number {
  const args = parseArgs(argv, { values: ['catalog', 'locale'] });
  const play = playOf(args, io);
  if (!play) return 1;
  io.out(mermaid(play.scenario, play.catalog, localeOf(args)));
  return 0;
}
