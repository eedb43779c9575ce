/**
 * The library's longest round once revealed (the most text on the projector: the four or five replies and their
 * feedback) in one language, of those offering at least `replies` replies whatever happened before, and a route to
 * it from the scenario's first node: the reply to vote for at each node on the way, following the replies whose
 * `next` is a plain node id (conditional ones are not taken).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './helpers.js';

type Text = Record<string, string>;
interface Choice {
  text: Text;
  feedback?: Text;
  next?: unknown;
  /** Offered only on a condition. */
  when?: unknown;
}
interface Node {
  id: string;
  choices?: Choice[];
}

export interface LongestRound {
  scenario: string;
  node: string;
  /** Characters of the replies and their feedback in this language. */
  chars: number;
  /** The reply (its index in the node's choices) to vote for at each node on the way. */
  route: { node: string; choice: number }[];
}

const LIBRARY = join(ROOT, 'scenarios/library');

export function longestRound(lang: 'en' | 'zh-CN', replies = 1): LongestRound {
  let best: { scenario: string; nodes: Node[]; node: string; chars: number } | undefined;
  for (const f of readdirSync(LIBRARY).filter((n) => n.endsWith('.yaml')).sort()) {
    const s = parse(readFileSync(join(LIBRARY, f), 'utf8')) as { id: string; nodes: Node[] };
    for (const n of s.nodes) {
      const chars = (n.choices ?? []).reduce((a, c) => a + (c.text[lang]?.length ?? 0) + (c.feedback?.[lang]?.length ?? 0), 0);
      if ((n.choices ?? []).filter((c) => c.when === undefined).length < replies) continue;
      if (!best || chars > best.chars) best = { scenario: s.id, nodes: s.nodes, node: n.id, chars };
    }
  }
  if (!best) throw new Error(`no scenario in ${LIBRARY}`);
  // Breadth first from the first node along the plain `next`s.
  const byId = new Map(best.nodes.map((n) => [n.id, n]));
  const from = new Map<string, { node: string; choice: number }>();
  const queue = [best.nodes[0]!.id];
  for (let id = queue.shift(); id !== undefined && id !== best.node; id = queue.shift()) {
    for (const [i, c] of (byId.get(id)?.choices ?? []).entries()) {
      if (typeof c.next === 'string' && !from.has(c.next) && c.next !== best.nodes[0]!.id) {
        from.set(c.next, { node: id, choice: i });
        queue.push(c.next);
      }
    }
  }
  const route: { node: string; choice: number }[] = [];
  for (let at = best.node; at !== best.nodes[0]!.id; ) {
    const step = from.get(at);
    if (!step) throw new Error(`no plain route to ${best.scenario}/${best.node}`);
    route.unshift(step);
    at = step.node;
  }
  return { scenario: best.scenario, node: best.node, chars: best.chars, route };
}
