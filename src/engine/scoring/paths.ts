/**
 * Every ending, and the best- and worst-scoring routes, by dynamic programming forward
 * over session states, one layer per turn. A state's future depends only on the node, the
 * customer machine's state and meters, the earlier choices that conditions refer to, and the
 * worst severity committed so far (it caps the overall), so states that agree on those are
 * merged, keeping the highest and the lowest sum of turn scores that reach them. Overall =
 * 80% mean turn score + 20% outcome, then capped, which for a fixed number of turns, ending
 * and worst severity only grows with that sum, so the result is exact. Only when a
 * layer holds more distinct states than `width` are the middling ones dropped, and the
 * report says it is no longer exact.
 */
import type { Scenario } from '../scenario/model.js';
import type { Outcome } from '../scenario/schema.js';
import { choose, offeredChoices, timeOut, type Play, type SessionState } from '../session/session.js';
import { overallOf, scoresAt, worstOf } from './debrief.js';

/** A step of a route: the on-screen number (1-based) or "t" for letting the time run out. */
export type RoutePick = number | 't';

export interface Route {
  ending: string;
  outcome: Outcome;
  overall: number;
  decisions: number;
  picks: RoutePick[];
  nodes: string[];
}

export interface PathsReport {
  scenario: string;
  /** False when a layer had to be thinned: the routes are then the best and worst found. */
  exact: boolean;
  states: number;
  /** The most states any layer kept. */
  width: number;
  /** Nodes where, in some reachable state, no reply is offered and there is no time limit: the trainee is stuck. */
  stuck: string[];
  /** Nodes a conversation can still be going round after the most turns searched: a loop the customer never breaks out of. */
  endless: string[];
  endings: { id: string; outcome: Outcome; reachable: boolean; best?: Route; worst?: Route }[];
  best?: Route;
  worst?: Route;
}

interface Entry {
  state: SessionState;
  /** Worst severity committed on the way (0–3). */
  worst: number;
  max: number;
  min: number;
  /** Back-pointers into the previous layer for the max and the min route. */
  maxFrom: number;
  maxPick: RoutePick;
  minFrom: number;
  minPick: RoutePick;
}

interface Completion {
  ending: string;
  turns: number;
  sum: number;
  overall: number;
  decisions: number;
  layer: number;
  from: number;
  pick: RoutePick;
  kind: 'max' | 'min';
}

interface Option {
  pick: RoutePick;
  next: SessionState;
  score: number;
  worst: number;
}

const MAX_TURNS = 60;

/** The earlier choices and visits that some condition refers to: the rest cannot change what follows. */
export function referenced(s: Scenario): { chose: Set<string>; visited: Set<string> } {
  const chose = new Set<string>();
  const visited = new Set<string>();
  const add = (c: { chose: string[]; notChose: string[]; visited: string[] } | undefined) => {
    c?.chose.forEach((x) => chose.add(x));
    c?.notChose.forEach((x) => chose.add(x));
    c?.visited.forEach((x) => visited.add(x));
  };
  for (const n of Object.values(s.nodes)) {
    for (const c of n.choices) {
      add(c.when);
      c.next.forEach((b) => add(b.when));
    }
    n.onTimeout?.next.forEach((b) => add(b.when));
  }
  return { chose, visited };
}

export function options(play: Play, state: SessionState): Option[] {
  const offered = offeredChoices(play, state);
  const indices = offered.map((c) => c.index);
  if (!offered.length && !play.scenario.nodes[state.node]?.onTimeout) return [];
  const scores = scoresAt(play, { node: state.node, offered: indices, before: state.customer.context.meters });
  const opts: Option[] = offered.map((c, n) => ({
    pick: n + 1,
    next: choose(play, state, n),
    score: scores[n] ?? 100,
    worst: worstOf(play.catalog, c),
  }));
  const timeout = play.scenario.nodes[state.node]?.onTimeout;
  if (timeout) {
    opts.push({ pick: 't', next: timeOut(play, state), score: scores[offered.length] ?? 100, worst: worstOf(play.catalog, timeout) });
  }
  return opts;
}

/** Whether route `c` is better (for 'max') or worse (for 'min') than `a`: by overall, then by the mean turn score (a cap can tie overalls), then the longer. */
function beats(c: Completion, a: Completion, kind: 'max' | 'min'): boolean {
  const sign = kind === 'max' ? 1 : -1;
  if (c.overall !== a.overall) return sign * (c.overall - a.overall) > 0;
  if (c.decisions !== a.decisions) return sign * (c.decisions - a.decisions) > 0;
  return c.turns > a.turns;
}

/** Breadth-first depth of the node graph: the expected number of layers, for sharing the budget out. */
export function graphDepth(s: Scenario): number {
  const level = new Map([[s.start, 0]]);
  const queue = [s.start];
  for (let i = 0; i < queue.length; i++) {
    const n = s.nodes[queue[i]!];
    if (!n) continue;
    for (const r of [...n.choices, ...(n.onTimeout ? [n.onTimeout] : [])]) {
      for (const b of r.next) {
        if (!level.has(b.to)) {
          level.set(b.to, level.get(queue[i]!)! + 1);
          queue.push(b.to);
        }
      }
    }
  }
  return Math.max(1, ...level.values());
}

/**
 * `budget` bounds the states expanded in all; each layer may use its share of what is left,
 * so a scenario of a few thousand states is searched exactly and a huge one stays quick.
 */
export function findPaths(play: Play, start: SessionState, budget = 8_000): PathsReport {
  const depth = graphDepth(play.scenario);
  let width = 0;
  const refs = referenced(play.scenario);
  const keyOf = (s: SessionState, worst: number) =>
    `${worst}|${s.node}|${s.customer.value}|${Object.values(s.customer.context.meters).join(',')}|${[...new Set(s.chose.filter((c) => refs.chose.has(c)))].sort().join(',')}|${[...new Set(s.visited.filter((v) => refs.visited.has(v)))].sort().join(',')}`;
  // The search keeps no turn records: it needs only what decides the future.
  const lean = (s: SessionState): SessionState => (s.turns.length ? { ...s, turns: [] } : s);
  let exact = true;
  let states = 0;
  const layers: Entry[][] = [[{ state: lean(start), worst: 0, max: 0, min: 0, maxFrom: -1, maxPick: 0, minFrom: -1, minPick: 0 }]];
  const stuck = new Set<string>();
  const best = new Map<string, Completion>();
  const worst = new Map<string, Completion>();

  const complete = (ending: string, turns: number, sum: number, sev: number, layer: number, from: number, pick: RoutePick, kind: 'max' | 'min') => {
    const decisions = sum / turns;
    const { overall } = overallOf(decisions, play.scenario.endings[ending]!.outcome, sev);
    const c: Completion = { ending, turns, sum, overall, decisions, layer, from, pick, kind };
    const table = kind === 'max' ? best : worst;
    const cur = table.get(ending);
    if (!cur || beats(c, cur, kind)) table.set(ending, c);
  };

  for (let d = 0; d < MAX_TURNS; d++) {
    const frontier = layers[d]!;
    if (!frontier.length) break;
    const next = new Map<string, Entry>();
    frontier.forEach((e, i) => {
      states++;
      const opts = options(play, e.state);
      if (!opts.length) stuck.add(e.state.node);
      for (const o of opts) {
        const max = e.max + o.score;
        const min = e.min + o.score;
        const worst = Math.max(e.worst, o.worst);
        if (o.next.ending) {
          complete(o.next.ending, d + 1, max, worst, d, i, o.pick, 'max');
          complete(o.next.ending, d + 1, min, worst, d, i, o.pick, 'min');
          continue;
        }
        const k = keyOf(o.next, worst);
        const cur = next.get(k);
        if (!cur) next.set(k, { state: lean(o.next), worst, max, min, maxFrom: i, maxPick: o.pick, minFrom: i, minPick: o.pick });
        else {
          if (max > cur.max) Object.assign(cur, { max, maxFrom: i, maxPick: o.pick });
          if (min < cur.min) Object.assign(cur, { min, minFrom: i, minPick: o.pick });
        }
      }
    });
    let layer = [...next.values()];
    const cap = Math.max(64, Math.floor((budget - states) / Math.max(1, depth - d)));
    width = Math.max(width, Math.min(cap, layer.length));
    if (layer.length > cap) {
      exact = false;
      const half = Math.floor(cap / 2);
      const keep = new Set([...[...layer].sort((a, b) => b.max - a.max).slice(0, half), ...[...layer].sort((a, b) => a.min - b.min).slice(0, half)]);
      layer = layer.filter((e) => keep.has(e));
    }
    layers.push(layer);
  }
  // Still going after the most turns searched: name the nodes the last few turns went round.
  const endless = layers[MAX_TURNS]?.length ? [...new Set(layers.slice(MAX_TURNS - 6).flatMap((l) => l.map((e) => e.state.node)))] : [];
  if (endless.length) exact = false;

  const route = (c: Completion): Route => {
    const picks: RoutePick[] = [c.pick];
    let layer = c.layer;
    let at = c.from;
    while (layer > 0) {
      const e = layers[layer]![at]!;
      picks.unshift(c.kind === 'max' ? e.maxPick : e.minPick);
      at = c.kind === 'max' ? e.maxFrom : e.minFrom;
      layer--;
    }
    // Replay the picks to list the nodes visited (and to prove the route is real).
    const nodes = [start.node];
    let s = start;
    for (const p of picks) {
      s = p === 't' ? timeOut(play, s) : choose(play, s, p - 1);
      nodes.push(s.node);
    }
    return { ending: c.ending, outcome: play.scenario.endings[c.ending]!.outcome, overall: c.overall, decisions: Math.round(c.decisions), picks, nodes };
  };

  const all = (table: Map<string, Completion>, kind: 'max' | 'min') =>
    [...table.values()].reduce<Completion | undefined>(
      (a, c) => (!a || beats(c, a, kind) ? c : a),
      undefined,
    );
  const top = all(best, 'max');
  const bottom = all(worst, 'min');
  return {
    scenario: play.scenario.id,
    exact,
    states,
    width,
    stuck: [...stuck],
    endless,
    endings: Object.values(play.scenario.endings).map((end) => {
      const b = best.get(end.id);
      const w = worst.get(end.id);
      return { id: end.id, outcome: end.outcome, reachable: !!b, ...(b ? { best: route(b) } : {}), ...(w ? { worst: route(w) } : {}) };
    }),
    ...(top ? { best: route(top) } : {}),
    ...(bottom ? { worst: route(bottom) } : {}),
  };
}
