/**
 * Every ending, and the best- and worst-scoring routes, found by exhaustive search over
 * session states. A state's future depends only on the node, the customer machine's state
 * and meters, and the earlier choices that conditions refer to, so states are memoised on
 * exactly that; for each, the search keeps, per (turns left, ending), the best and worst
 * sum of turn scores. Overall = 80% mean turn score + 20% outcome, so the best route is
 * read off those tables exactly, without enumerating every path.
 */
import type { Scenario } from '../scenario/model.js';
import type { Outcome } from '../scenario/schema.js';
import { choose, offeredChoices, timeOut, type Play, type SessionState } from '../session/session.js';
import { OUTCOME_SCORE } from '../scenario/model.js';
import { DECISION_SHARE, OUTCOME_SHARE, turnScore } from './debrief.js';

/** A step of a route: the on-screen number (1-based) or "t" for letting the time run out. */
export type Pick = number | 't';

export interface Route {
  ending: string;
  outcome: Outcome;
  overall: number;
  decisions: number;
  picks: Pick[];
  nodes: string[];
}

export interface PathsReport {
  scenario: string;
  exact: boolean;
  states: number;
  endings: { id: string; outcome: Outcome; reachable: boolean; best?: Route; worst?: Route }[];
  best?: Route;
  worst?: Route;
}

interface Entry {
  turns: number;
  ending: string;
  max: number;
  min: number;
  maxStep: number;
  minStep: number;
}

interface Option {
  pick: Pick;
  next: SessionState;
  score: number;
}

const MAX_TURNS = 60;

function referenced(s: Scenario): { chose: Set<string>; visited: Set<string> } {
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
  const opts: Option[] = offered.map((c, n) => ({
    pick: n + 1,
    next: choose(play, state, n),
    score: turnScore(play, { node: state.node, offered: indices, choice: c.index }),
  }));
  if (play.scenario.nodes[state.node]?.onTimeout) {
    opts.push({ pick: 't', next: timeOut(play, state), score: turnScore(play, { node: state.node, offered: indices, choice: -1 }) });
  }
  return opts;
}

export function findPaths(play: Play, start: SessionState, budget = 250_000): PathsReport {
  const refs = referenced(play.scenario);
  const keyOf = (s: SessionState) =>
    `${s.node}|${s.customer.value}|${Object.values(s.customer.context.meters).join(',')}|${s.chose.filter((c) => refs.chose.has(c)).join(',')}|${s.visited.filter((v) => refs.visited.has(v)).join(',')}`;
  const memo = new Map<string, Map<string, Entry>>();
  const onStack = new Set<string>();
  let exact = true;

  const explore = (s: SessionState, depth: number): Map<string, Entry> => {
    if (s.ending) return new Map([[`0|${s.ending}`, { turns: 0, ending: s.ending, max: 0, min: 0, maxStep: -1, minStep: -1 }]]);
    const key = keyOf(s);
    const known = memo.get(key);
    if (known) return known;
    if (onStack.has(key) || depth >= MAX_TURNS) return new Map();
    if (memo.size >= budget) {
      exact = false;
      return new Map();
    }
    onStack.add(key);
    const table = new Map<string, Entry>();
    options(play, s).forEach((o, step) => {
      for (const e of explore(o.next, depth + 1).values()) {
        const turns = e.turns + 1;
        const k = `${turns}|${e.ending}`;
        const cur = table.get(k);
        const max = e.max + o.score;
        const min = e.min + o.score;
        if (!cur) table.set(k, { turns, ending: e.ending, max, min, maxStep: step, minStep: step });
        else {
          if (max > cur.max) Object.assign(cur, { max, maxStep: step });
          if (min < cur.min) Object.assign(cur, { min, minStep: step });
        }
      }
    });
    onStack.delete(key);
    memo.set(key, table);
    return table;
  };

  const root = explore(start, 0);
  const overallOf = (sum: number, turns: number, ending: string) => {
    const outcome = play.scenario.endings[ending]!.outcome;
    const decisions = turns ? sum / turns : 0;
    return { decisions, overall: Math.round(DECISION_SHARE * decisions + OUTCOME_SHARE * OUTCOME_SCORE[outcome]) };
  };

  /** Walk the tables again from the start to recover the route behind an entry. */
  const route = (entry: Entry, which: 'max' | 'min'): Route => {
    const picks: Pick[] = [];
    const nodes: string[] = [start.node];
    let s = start;
    let turns = entry.turns;
    while (!s.ending) {
      const table = memo.get(keyOf(s))!;
      const e = table.get(`${turns}|${entry.ending}`)!;
      const o = options(play, s)[which === 'max' ? e.maxStep : e.minStep]!;
      picks.push(o.pick);
      s = o.next;
      nodes.push(s.node);
      turns--;
    }
    const { decisions, overall } = overallOf(entry[which], entry.turns, entry.ending);
    return { ending: entry.ending, outcome: play.scenario.endings[entry.ending]!.outcome, overall, decisions: Math.round(decisions), picks, nodes };
  };

  let best: { e: Entry; v: number } | undefined;
  let worst: { e: Entry; v: number } | undefined;
  const perEnding = new Map<string, { best?: { e: Entry; v: number }; worst?: { e: Entry; v: number } }>();
  for (const e of root.values()) {
    const hi = overallOf(e.max, e.turns, e.ending);
    const lo = overallOf(e.min, e.turns, e.ending);
    const better = (a: { v: number; e: Entry } | undefined, v: number) => !a || v > a.v || (v === a.v && e.turns > a.e.turns);
    const worse = (a: { v: number; e: Entry } | undefined, v: number) => !a || v < a.v || (v === a.v && e.turns > a.e.turns);
    const hiV = hi.overall * 1000 + hi.decisions;
    const loV = lo.overall * 1000 + lo.decisions;
    if (better(best, hiV)) best = { e, v: hiV };
    if (worse(worst, loV)) worst = { e, v: loV };
    const pe = perEnding.get(e.ending) ?? {};
    if (better(pe.best, hiV)) pe.best = { e, v: hiV };
    if (worse(pe.worst, loV)) pe.worst = { e, v: loV };
    perEnding.set(e.ending, pe);
  }

  return {
    scenario: play.scenario.id,
    exact,
    states: memo.size,
    endings: Object.values(play.scenario.endings).map((end) => {
      const pe = perEnding.get(end.id);
      return {
        id: end.id,
        outcome: end.outcome,
        reachable: !!pe,
        ...(pe?.best ? { best: route(pe.best.e, 'max') } : {}),
        ...(pe?.worst ? { worst: route(pe.worst.e, 'min') } : {}),
      };
    }),
    ...(best ? { best: route(best.e, 'max') } : {}),
    ...(worst ? { worst: route(worst.e, 'min') } : {}),
  };
}
