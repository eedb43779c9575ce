/**
 * A laid-out scenario graph as a standalone SVG (no script, no external font or style), and as
 * an HTML page around it with a legend. Pure string building: Node and the browser alike.
 */
import { OUTCOME_NAMES } from '../vocabulary.js';
import type { Locale } from '../text.js';
import type { GraphBox, ScenarioGraph } from './graphLayout.js';
import type { Outcome } from './schema.js';

export const OUTCOME_COLOURS: Record<Outcome, { fill: string; ink: string; stroke: string }> = {
  'won-back': { fill: '#2e8b57', ink: '#ffffff', stroke: '#1e6b3a' },
  resolved: { fill: '#7fbf9a', ink: '#111111', stroke: '#2e8b57' },
  unresolved: { fill: '#d5d8dc', ink: '#111111', stroke: '#7f8c8d' },
  escalated: { fill: '#c0392b', ink: '#ffffff', stroke: '#922b21' },
  'left-silently': { fill: '#5d6d7e', ink: '#ffffff', stroke: '#34495e' },
};
export const BEST_COLOUR = '#1a7f37';
export const WORST_COLOUR = '#cf222e';

export const GRAPH_TEXT = {
  'zh-CN': {
    best: '最佳路线',
    worst: '最差路线',
    outcomes: OUTCOME_NAMES['zh-CN'],
    graphOf: (t: string) => `场景图：${t}`,
    how: '方框是客户说的话，箭头是学员的回应（编号、最主要的原则、条件）；结局按结果着色。',
  },
  en: {
    best: 'best path',
    worst: 'worst path',
    outcomes: OUTCOME_NAMES.en,
    graphOf: (t: string) => `Scenario graph: ${t}`,
    how: 'Boxes are what the customer says, arrows the trainee\u2019s replies (number, main principle, condition); endings are coloured by outcome.',
  },
} as const satisfies Record<Locale, unknown>;

export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (v: number) => String(Math.round(v * 10) / 10);

function box(b: GraphBox): string {
  const c = b.outcome ? OUTCOME_COLOURS[b.outcome] : b.kind === 'breakdown' ? { fill: '#fff8e1', ink: '#5d4037', stroke: '#a1887f' } : { fill: '#ffffff', ink: '#111111', stroke: '#57606a' };
  const x = b.x - b.width / 2;
  const y = b.y - b.height / 2;
  const ring = b.best ? BEST_COLOUR : b.worst ? WORST_COLOUR : c.stroke;
  const rx = b.kind === 'node' ? 6 : b.height / 2;
  const text = [b.title, ...b.lines]
    .map((l, i) => `<text x="${n(b.x)}" y="${n(y + 19 + i * 17)}" text-anchor="middle"${i === 0 ? ' font-weight="bold"' : ''} fill="${c.ink}">${escapeXml(l)}</text>`)
    .join('');
  return `<g class="box ${b.kind}" data-id="${escapeXml(b.id)}"${b.best ? ' data-best="true"' : ''}${b.worst ? ' data-worst="true"' : ''}><rect x="${n(x)}" y="${n(y)}" width="${n(b.width)}" height="${n(b.height)}" rx="${n(rx)}" fill="${c.fill}" stroke="${ring}" stroke-width="${b.best || b.worst ? 3 : 1.2}"${b.kind === 'breakdown' ? ' stroke-dasharray="5 3"' : ''}/>${text}</g>`;
}

export function graphSvg(graph: ScenarioGraph, locale: Locale, title: string): string {
  const t = GRAPH_TEXT[locale];
  const legendH = 28;
  const width = Math.max(graph.width, 520);
  const height = graph.height + legendH;
  const edges = graph.edges.map((e) => {
    const colour = e.best ? BEST_COLOUR : e.worst ? WORST_COLOUR : '#8c959f';
    const d = e.points.map((p, i) => `${i ? 'L' : 'M'}${n(p.x)},${n(p.y + legendH)}`).join(' ');
    const marker = e.best ? 'best' : e.worst ? 'worst' : 'plain';
    const label = e.labelAt && e.label ? `<text x="${n(e.labelAt.x)}" y="${n(e.labelAt.y + legendH + 4)}" text-anchor="middle" font-size="11" fill="${e.best || e.worst ? colour : '#424a53'}" paint-order="stroke" stroke="#ffffff" stroke-width="3">${escapeXml(e.label)}</text>` : '';
    return `<g class="edge" data-from="${escapeXml(e.from)}" data-to="${escapeXml(e.to)}"${e.best ? ' data-best="true"' : ''}${e.worst ? ' data-worst="true"' : ''}><path d="${d}" fill="none" stroke="${colour}" stroke-width="${e.best || e.worst ? 2.6 : 1.3}"${e.dashed ? ' stroke-dasharray="6 4"' : ''} marker-end="url(#arrow-${marker})"/>${label}</g>`;
  });
  const markers = (['plain', 'best', 'worst'] as const)
    .map((m) => `<marker id="arrow-${m}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${m === 'best' ? BEST_COLOUR : m === 'worst' ? WORST_COLOUR : '#8c959f'}"/></marker>`)
    .join('');
  const legend = [
    `<line x1="16" y1="14" x2="44" y2="14" stroke="${BEST_COLOUR}" stroke-width="3"/><text x="50" y="18">${escapeXml(t.best)}</text>`,
    `<line x1="130" y1="14" x2="158" y2="14" stroke="${WORST_COLOUR}" stroke-width="3"/><text x="164" y="18">${escapeXml(t.worst)}</text>`,
  ].join('');
  const boxes = graph.boxes.map((b) => box({ ...b, y: b.y + legendH }));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="'Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif" font-size="13" role="img" aria-label="${escapeXml(t.graphOf(title))}">`,
    `<title>${escapeXml(t.graphOf(title))}</title>`,
    `<defs>${markers}</defs>`,
    `<rect width="100%" height="100%" fill="#f6f8fa"/>`,
    `<g class="legend">${legend}</g>`,
    ...edges,
    ...boxes,
    '</svg>',
  ].join('\n');
}

export function graphHtml(graph: ScenarioGraph, locale: Locale, title: string): string {
  const t = GRAPH_TEXT[locale];
  const outcomes = (Object.keys(OUTCOME_COLOURS) as Outcome[])
    .map((o) => `<li><span style="background:${OUTCOME_COLOURS[o].fill}"></span>${escapeXml(t.outcomes[o])} (${o})</li>`)
    .join('');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<title>${escapeXml(t.graphOf(title))}</title>
<style>
body { font-family: 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif; margin: 1.5rem; color: #1f2328; }
ul.outcomes { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1rem; }
ul.outcomes span { display: inline-block; width: 1rem; height: 1rem; border-radius: 0.5rem; margin-right: 0.35rem; vertical-align: -0.15rem; }
.graph { overflow: auto; border: 1px solid #d0d7de; }
.graph svg { max-width: 100%; height: auto; }
</style>
</head>
<body>
<h1>${escapeXml(t.graphOf(title))}</h1>
<p>${escapeXml(t.how)}</p>
<ul class="outcomes">${outcomes}</ul>
<div class="graph">
${graphSvg(graph, locale, title)}
</div>
</body>
</html>
`;
}
