/**
 * The scenario graph laid out for drawing: a box per node and ending, an arrow per reply branch,
 * the best and worst routes marked. Pure (dagre is plain JavaScript): `dojo graph --svg|--html`
 * uses it in Node, and the browser studio can import it as it is.
 */
import dagre from '@dagrejs/dagre';
import type { Catalog } from '../catalog/catalog.js';
import { severityOf } from '../catalog/severity.js';
import type { Route } from '../scoring/paths.js';
import { SEVERITY_POINTS } from '../scoring/value.js';
import { pick, type Locale } from '../text.js';
import type { Condition, Reply, Scenario, Tag } from './model.js';
import type { Outcome } from './schema.js';

export interface GraphBox {
  id: string;
  kind: 'node' | 'ending' | 'breakdown';
  /** Centre, and size, in SVG units. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** First line (the id, and the outcome of an ending) and the wrapped customer line under it. */
  title: string;
  lines: string[];
  outcome?: Outcome;
  best: boolean;
  worst: boolean;
}

export interface GraphEdge {
  from: string;
  to: string;
  label: string;
  points: { x: number; y: number }[];
  labelAt?: { x: number; y: number };
  best: boolean;
  worst: boolean;
  dashed: boolean;
}

export interface ScenarioGraph {
  width: number;
  height: number;
  boxes: GraphBox[];
  edges: GraphEdge[];
}

export const BREAKDOWN_BOX = '(breakdown)';
const BOX_WIDTH = 210;
const FONT = 13;
const LINE = 17;

/** Rough rendered width of text at FONT px: CJK glyphs are square, Latin ones about half as wide. */
export function textWidth(text: string, font = FONT): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffff]/.test(ch) ? font : font * 0.56;
  return w;
}

/** Text broken into lines no wider than `width` (at spaces when there are any, else between glyphs), at most `max` lines. */
export function wrap(text: string, width: number, max = 3): string[] {
  const lines: string[] = [];
  let line = '';
  const tokens = text.replace(/\s+/g, ' ').trim().match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+\s*|\s+/g) ?? [];
  for (const tok of tokens) {
    if (line && textWidth(line + tok.trimEnd()) > width) {
      lines.push(line.trimEnd());
      line = '';
      if (lines.length === max) break;
    }
    line += tok;
  }
  if (lines.length < max && line.trim()) lines.push(line.trimEnd());
  else if (lines.length === max && tokens.join('').trim().length > lines.join('').length) lines[max - 1] = lines[max - 1]!.replace(/.$/u, '…');
  return lines;
}

/** A condition as a short label: trust≥45, chose open.right … */
export function conditionLabel(c: Condition | undefined): string {
  if (!c) return '';
  const parts = Object.entries(c.meters).map(([m, r]) => (r.min !== undefined && r.max !== undefined ? `${r.min}≤${m}≤${r.max}` : r.min !== undefined ? `${m}≥${r.min}` : `${m}≤${r.max}`));
  parts.push(...c.chose.map((x) => `chose ${x}`), ...c.notChose.map((x) => `not ${x}`), ...c.visited.map((x) => `visited ${x}`));
  return parts.join(', ');
}

/** The tag that weighs most on a reply: violations by their cost, practices by their weight; shown as ✓ id or ✗ id. */
export function mainTag(catalog: Catalog, r: Reply): string {
  const heft = (t: Tag) => {
    const p = catalog.get(t.id);
    return p?.polarity === 'violation' ? (t.weight * SEVERITY_POINTS[severityOf(p)]) / SEVERITY_POINTS.minor : t.weight;
  };
  const main = [...r.principles].sort((a, b) => heft(b) - heft(a))[0];
  const p = main ? catalog.get(main.id) : undefined;
  return p ? `${p.polarity === 'practice' ? '✓' : '✗'} ${main!.id}` : '';
}

/** Every reply of a node with its on-screen name: 1, 2 … and ⏱ for letting the time run out. */
export function namedReplies(s: Scenario, id: string): { reply: Reply; name: string }[] {
  const n = s.nodes[id]!;
  return [...n.choices.map((c, i) => ({ reply: c as Reply, name: String(i + 1) })), ...(n.onTimeout ? [{ reply: n.onTimeout, name: '⏱' }] : [])];
}

const BREAKDOWN_TEXT = { 'zh-CN': '任何一轮:客户中途离开', en: 'any turn: the customer breaks off' } as const;

export function layoutScenario(s: Scenario, catalog: Catalog, locale: Locale, routes: { best?: Route; worst?: Route } = {}): ScenarioGraph {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 30, ranksep: 56, edgesep: 12, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  // A step of a route is from→to with the reply picked; a pick is the on-screen number, which is the
  // written one unless a condition hid an earlier choice (then every reply of that step is marked).
  const steps = (r: Route | undefined) => new Set((r?.nodes ?? []).slice(1).flatMap((to, i) => [`${r!.nodes[i]}→${to}`, `${r!.nodes[i]}→${to}#${r!.picks[i] === 't' ? '⏱' : r!.picks[i]}`]));
  const onPath = { best: steps(routes.best), worst: steps(routes.worst) };
  const visits = { best: new Set(routes.best?.nodes), worst: new Set(routes.worst?.nodes) };
  const boxes = new Map<string, Omit<GraphBox, 'x' | 'y'>>();
  const add = (b: Omit<GraphBox, 'x' | 'y' | 'width' | 'height' | 'best' | 'worst'>) => {
    const box = { ...b, width: BOX_WIDTH, height: 12 + LINE * (1 + b.lines.length), best: visits.best.has(b.id), worst: visits.worst.has(b.id) };
    boxes.set(b.id, box);
    g.setNode(b.id, { width: box.width, height: box.height });
  };
  for (const id of s.order) add({ id, kind: 'node', title: id, lines: wrap(pick(s.nodes[id]!.line[0]!, locale), BOX_WIDTH - 16) });
  for (const e of Object.values(s.endings)) add({ id: e.id, kind: 'ending', title: `${e.id} · ${e.outcome}`, lines: wrap(pick(e.summary, locale), BOX_WIDTH - 16, 2), outcome: e.outcome });
  const edges: (Omit<GraphEdge, 'points' | 'labelAt'> & { name: string })[] = [];
  for (const id of s.order) {
    for (const { reply, name } of namedReplies(s, id)) {
      const tag = mainTag(catalog, reply);
      for (const b of reply.next) {
        const cond = conditionLabel(b.when);
        const key = `${id}→${b.to}`;
        edges.push({ from: id, to: b.to, label: `${name}${tag ? ` ${tag}` : ''}${cond ? ` [${cond}]` : ''}`, best: onPath.best.has(key), worst: onPath.worst.has(key), dashed: false, name });
      }
    }
  }
  for (const kind of ['best', 'worst'] as const) {
    // Where the picked reply's arrow is known, only it stays marked.
    const picked = (e: (typeof edges)[number]) => onPath[kind].has(`${e.from}→${e.to}#${e.name}`);
    const exact = new Set(edges.filter(picked).map((e) => `${e.from}→${e.to}`));
    for (const e of edges) if (e[kind] && exact.has(`${e.from}→${e.to}`) && !picked(e)) e[kind] = false;
  }
  if (s.breakdown && s.endings[s.breakdown]) {
    add({ id: BREAKDOWN_BOX, kind: 'breakdown', title: BREAKDOWN_TEXT[locale], lines: [] });
    // A route that ends in the breakdown without a reply leading there went through this arrow.
    const broke = (r: Route | undefined) => !!r && r.ending === s.breakdown && !edges.some((e) => e.to === s.breakdown && (r.nodes.at(-2) ?? '') === e.from);
    edges.push({ from: BREAKDOWN_BOX, to: s.breakdown, label: '', best: broke(routes.best), worst: broke(routes.worst), dashed: true, name: '' });
  }
  edges.forEach((e, i) => g.setEdge(e.from, e.to, { width: Math.min(220, textWidth(e.label, 11)), height: e.label ? 14 : 0, labelpos: 'c' }, String(i)));
  dagre.layout(g);
  const graph = g.graph();
  return {
    width: Math.ceil(graph.width ?? 0),
    height: Math.ceil(graph.height ?? 0),
    boxes: [...boxes.values()].map((b) => ({ ...b, x: g.node(b.id).x, y: g.node(b.id).y })),
    edges: edges.map(({ name: _name, ...e }, i) => {
      const laid = g.edge({ v: e.from, w: e.to, name: String(i) });
      return { ...e, points: laid.points ?? [], ...(e.label && laid.x !== undefined ? { labelAt: { x: laid.x, y: laid.y! } } : {}) };
    }),
  };
}
