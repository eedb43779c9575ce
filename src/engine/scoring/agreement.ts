/**
 * Do the score and the customer agree? At every decision the scenario can reach, each pair of
 * replies on offer is compared: if the customer takes one clearly worse than the other
 * (its mood falls by more than MARGIN below the other's, or it makes them break off while
 * the other does not), it must not score higher. A reply whose `moodException` says why the
 * two part ways on purpose is left out. Lint reports what disagrees; the library test
 * demands none.
 */
import { customerProfiles } from '../customers/index.js';
import type { Loc } from '../scenario/model.js';
import { choose, offeredChoices, startSession, timeOut, type Play, type SessionState } from '../session/session.js';
import { alternatives, scoresAt } from './debrief.js';
import { referenced } from './paths.js';

/**
 * Mood points (0–100 scale) by which one reaction must trail another to count as clearly
 * worse: half of the smallest change a customer's face shows (10 points on its main meter).
 * Fixed before the library was measured against it.
 */
export const MARGIN = 5;
/**
 * A reply that makes the customer break off counts as a fall of at least this much: the size
 * of a grave mistake's reaction. (Counted as infinitely bad, two terrible replies either side
 * of a threshold were flagged against each other.)
 */
export const BREAK_OFF = 25;

export interface Disagreement {
  node: string;
  /** The reply that scores higher though the customer takes it clearly worse (choice index; -1 = the time-out). */
  higher: number;
  lower: number;
  scores: [number, number];
  /** Mood change each caused (at most −BREAK_OFF when the customer broke off). */
  moods: [number, number];
  /** Customer state and meters where it was first seen, and how many reachable states show it. */
  state: string;
  meters: Record<string, number>;
  count: number;
  loc: Loc;
}

export interface AgreementReport {
  states: number;
  /** False when the state budget ran out before every reachable decision was seen. */
  complete: boolean;
  disagreements: Disagreement[];
}

export function checkAgreement(play: Play, budget = 40_000): AgreementReport {
  const { scenario } = play;
  const profile = customerProfiles[scenario.customer.type];
  const found = new Map<string, Disagreement>();
  const refs = referenced(scenario);
  const seen = new Set<string>();
  let frontier: SessionState[] = [startSession(play, 1)];
  let complete = true;
  while (frontier.length) {
    const next: SessionState[] = [];
    for (const s of frontier) {
      if (s.ending) continue;
      const key = `${s.node}|${Object.values(s.customer.context.meters).join(',')}|${[...new Set(s.chose.filter((c) => refs.chose.has(c)))].sort().join(',')}|${[...new Set(s.visited.filter((v) => refs.visited.has(v)))].sort().join(',')}`;
      if (seen.has(key)) continue;
      if (seen.size >= budget) {
        complete = false;
        break;
      }
      seen.add(key);
      const node = scenario.nodes[s.node]!;
      const offered = offeredChoices(play, s);
      const before = s.customer.context.meters;
      const turn = { node: s.node, offered: offered.map((c) => c.index), before };
      const scores = scoresAt(play, turn);
      const replies = alternatives(scenario, turn);
      const mood0 = profile.mood(before);
      const outcomes = replies.map((_, i) => (i < offered.length ? choose(play, s, i) : timeOut(play, s)));
      const moods = outcomes.map((o) => {
        const change = profile.mood(o.customer.context.meters) - mood0;
        return o.customer.done ? Math.min(change, -BREAK_OFF) : change;
      });
      const ids = replies.map((_, i) => (i < offered.length ? offered[i]!.index : -1));
      for (let a = 0; a < replies.length; a++) {
        for (let b = 0; b < replies.length; b++) {
          const sa = scores[a] ?? 100;
          const sb = scores[b] ?? 100;
          if (!(sa > sb && moods[a]! < moods[b]! - MARGIN)) continue;
          if (replies[a]!.moodException || replies[b]!.moodException) continue;
          const k = `${s.node}|${ids[a]}|${ids[b]}`;
          const cur = found.get(k);
          if (cur) cur.count++;
          else {
            found.set(k, {
              node: node.id,
              higher: ids[a]!,
              lower: ids[b]!,
              scores: [Math.round(sa), Math.round(sb)],
              moods: [moods[a]!, moods[b]!],
              state: s.customer.value,
              meters: before,
              count: 1,
              loc: replies[a]!.loc,
            });
          }
        }
      }
      for (const o of outcomes) if (!o.ending) next.push(o.turns.length > 1 ? { ...o, turns: [] } : o);
    }
    frontier = next;
  }
  return { states: seen.size, complete, disagreements: [...found.values()] };
}
