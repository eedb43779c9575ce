/**
 * A play kept as its seed and its picks, for a learning platform's few kilobytes (SCORM suspend
 * data, the xAPI outbox): each turn is the reply picked (its index in the node as written), −1 for
 * a time-out, or a reply typed in the trainee's own words kept as what scoring and the customer
 * use of it: the reply it was read as and the principles the judge found (never the text).
 * Replayed with the same seed, the engine reaches the same state, scores and meters.
 */
import { choose, offeredChoices, say, startSession, timeOut, type Play, type SessionState, type TurnRecord } from './session.js';

/** A typed turn: the reply (index as written) the conversation followed, and the principles found in the text. */
export interface TypedPick {
  reply: number;
  said: string[];
}

export type TurnPick = number | TypedPick;

/** The pick that replays this turn. A reply typed word for word is that reply, so it is kept as a pick. */
export function pickOf(turn: TurnRecord): TurnPick {
  if (!turn.said || turn.said.verbatim) return turn.choice;
  // The judge's under-threshold guess is left out: replayed, it would count as a sure finding.
  return { reply: turn.choice, said: [...new Set(turn.said.principles.filter((p) => !p.guess).map((p) => p.id))] };
}

export function picksOf(turns: readonly TurnRecord[]): TurnPick[] {
  return turns.map(pickOf);
}

/** The same turn: the same reply, and for typed ones the same principles found. */
export function samePick(a: TurnPick | undefined, b: TurnPick | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (!isTyped(a) || !isTyped(b)) return a === b;
  return a.reply === b.reply && a.said.length === b.said.length && a.said.every((id, i) => b.said[i] === id);
}

export function isTyped(p: TurnPick): p is TypedPick {
  return typeof p === 'object';
}

/** The state after one more pick; null when it does not fit (the scenario was edited since, or the data is damaged). */
export function applyPick(play: Play, state: SessionState, p: TurnPick): SessionState | null {
  if (state.ending) return null;
  const before = state.turns.length;
  let next: SessionState;
  if (isTyped(p)) {
    if (!offeredChoices(play, state).some((c) => c.index === p.reply)) return null;
    if (p.said.some((id) => !play.catalog.get(id))) return null;
    // No text: read as that reply outright (similarity 1), scored on the principles found.
    next = say(play, state, { text: '', principles: p.said.map((id) => ({ id, confidence: 1, evidence: [0, 0] })), closest: { node: state.node, reply: p.reply, similarity: 1 } });
  } else if (!Number.isInteger(p)) {
    return null;
  } else if (p < 0) {
    if (!play.scenario.nodes[state.node]?.onTimeout) return null;
    next = timeOut(play, state);
  } else {
    const n = offeredChoices(play, state).findIndex((c) => c.index === p);
    if (n < 0) return null;
    next = choose(play, state, n);
  }
  const turn = next.turns[before];
  return next.turns.length === before + 1 && turn && turn.choice === (isTyped(p) ? p.reply : p) ? next : null;
}

/** The session after these picks; null when they do not fit the scenario. */
export function replayPicks(play: Play, seed: number, picks: readonly TurnPick[]): SessionState | null {
  try {
    let state: SessionState | null = startSession(play, seed);
    for (const p of picks) {
      state = applyPick(play, state, p);
      if (!state) return null;
    }
    return state;
  } catch {
    return null;
  }
}
