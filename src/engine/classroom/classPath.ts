/**
 * Class vote: the class plays one shared customer, one vote per decision. The class debrief
 * sets each turn's vote shares and the reply the customer heard against the model reply
 * (the best on offer at that turn), and the class's whole route against the best route the
 * scenario allows from the start.
 */
import { debrief, modelChoice, principleSides, replyOf, replyValue, roundScore, turnScore, type Debrief } from '../scoring/debrief.js';
import { findPaths, type Route } from '../scoring/paths.js';
import { startSession, type Play, type SessionState } from '../session/session.js';
import type { Meters } from '../customers/reaction.js';
import type { VoteTally } from './tally.js';

/** How a turn's reply was settled. */
export type DecidedBy = 'majority' | 'host' | 'timeout';

export interface ClassRound {
  turn: number;
  node: string;
  tally: VoteTally;
  /** Choice index the customer heard; -1 = the time ran out with no reply. */
  picked: number;
  by: DecidedBy;
}

export interface ClassOption {
  choice: number;
  votes: number;
  share: number;
  /** −100–100: this reply's turn score against the others on offer. */
  score: number;
  honoured: string[];
  broken: string[];
}

export interface ClassTurn {
  n: number;
  node: string;
  variant: number;
  options: ClassOption[];
  voters: number;
  picked: number;
  by: DecidedBy;
  model: number;
  score: number;
}

export interface ClassDebrief {
  debrief: Debrief;
  turns: ClassTurn[];
  /** The best route from the start, for "the model path". */
  model?: Route;
  /** Turns where the class's reply was the model reply. */
  agreed: number;
}

/** Each offered reply judged as if it had been chosen: for the reveal and the debrief. */
export function optionsAt(play: Play, node: string, offered: readonly number[], before: Meters, t: VoteTally | undefined): ClassOption[] {
  const n = play.scenario.nodes[node]!;
  return offered.map((choice) => {
    const i = t ? t.options.indexOf(choice) : -1;
    return {
      choice,
      votes: i >= 0 ? t!.counts[i]! : 0,
      share: i >= 0 ? t!.shares[i]! : 0,
      score: roundScore(turnScore(play, { node, offered: [...offered], choice, before })),
      ...principleSides(play.catalog, n.choices[choice]!.principles),
    };
  });
}

const routes = new WeakMap<Play['scenario'], WeakMap<Play['catalog'], Route | undefined>>();

/**
 * The best route from the start: the class's "model path" (it does not depend on the seed, which only picks line
 * variants). The search costs seconds of CPU on a large scenario, so it is kept per scenario and catalog: every
 * room that plays the same loaded scenario (and each next scenario of a sequence) pays for it once.
 */
export function modelRoute(play: Play, seed: number): Route | undefined {
  let byCatalog = routes.get(play.scenario);
  if (!byCatalog) routes.set(play.scenario, (byCatalog = new WeakMap()));
  if (byCatalog.has(play.catalog)) return byCatalog.get(play.catalog);
  const best = findPaths(play, startSession(play, seed)).best;
  byCatalog.set(play.catalog, best);
  return best;
}

export function classDebrief(play: Play, state: SessionState, rounds: readonly ClassRound[], model: Route | undefined = modelRoute(play, state.seed)): ClassDebrief {
  const d = debrief(play, state);
  const turns = state.turns.map((t, i): ClassTurn => {
    const r = rounds[i];
    return {
      n: i + 1,
      node: t.node,
      variant: t.variant,
      options: optionsAt(play, t.node, t.offered, t.before, r?.tally),
      voters: r?.tally.voters ?? 0,
      picked: t.choice,
      by: r?.by ?? 'host',
      model: modelChoice(play, t),
      score: d.turns[i]!.score,
    };
  });
  const value = (node: string, choice: number) => replyValue(play.catalog, replyOf(play.scenario, { node, choice }));
  const agreed = turns.filter((t) => t.picked === t.model || value(t.node, t.picked) === value(t.node, t.model)).length;
  return { debrief: d, turns, ...(model ? { model } : {}), agreed };
}
