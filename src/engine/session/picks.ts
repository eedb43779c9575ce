/**
 * A play kept as its seed and its picks, for a learning platform's few kilobytes (SCORM suspend
 * data, the xAPI outbox): each turn is the reply picked (its index in the node as written), −1 for
 * a time-out, or a reply typed in the trainee's own words kept as what scoring and the customer
 * use of it: the reply it was read as and the principles the judge found (never the text).
 * Replayed with the same seed, the engine reaches the same state, scores and meters.
 */
import { choose, offeredChoices, say, startSession, timeOut, type JudgedText, type Play, type SessionState, type TurnRecord } from './session.js';

/**
 * A typed turn: the reply (index as written) the conversation followed, the principles found in the text, how
 * close the text was to that reply (`sim`, in hundredths; absent: 1, as records made before it have it) and the
 * judge's under-threshold guesses with their confidence (in hundredths), which the score weighs by it.
 */
export interface TypedPick {
  reply: number;
  said: string[];
  sim?: number;
  guesses?: { id: string; confidence: number }[];
}

export type TurnPick = number | TypedPick;

/** The pick that replays this turn. A reply typed word for word is that reply, so it is kept as a pick. */
export function pickOf(turn: TurnRecord): TurnPick {
  if (!turn.said || turn.said.verbatim) return turn.choice;
  const said = [...new Set(turn.said.principles.filter((p) => !p.guess).map((p) => p.id))];
  const guesses = turn.said.principles.filter((p) => p.guess && !said.includes(p.id)).map((p) => ({ id: p.id, confidence: hundredths(p.confidence) }));
  const sim = hundredths(turn.said.similarity);
  return { reply: turn.choice, said, ...(sim < 1 ? { sim } : {}), ...(guesses.length ? { guesses } : {}) };
}

const hundredths = (n: number) => Math.max(0, Math.min(1, Math.round(n * 100) / 100));

/** The principles a typed pick replays: those found, sure; the guesses at their confidence. */
function principlesOf(p: TypedPick): JudgedText['principles'] {
  return [...p.said.map((id) => ({ id, confidence: 1, evidence: [0, 0] })), ...(p.guesses ?? []).map((g) => ({ id: g.id, confidence: g.confidence, evidence: [0, 0], guess: true }))];
}

/** The judge's reading a typed pick replays: taken as the reply it was read as, as close as it was. */
export function replayedReading(p: TypedPick): JudgedText {
  return { text: '', principles: principlesOf(p), readAs: { reply: p.reply, similarity: p.sim ?? 1 } };
}

export function picksOf(turns: readonly TurnRecord[]): TurnPick[] {
  return turns.map(pickOf);
}

/** The same turn: the same reply, and for typed ones the same principles found. */
export function samePick(a: TurnPick | undefined, b: TurnPick | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (!isTyped(a) || !isTyped(b)) return a === b;
  const guesses = (p: TypedPick) => (p.guesses ?? []).map((g) => `${g.id}~${g.confidence}`).join('+');
  return a.reply === b.reply && a.said.length === b.said.length && a.said.every((id, i) => b.said[i] === id) && (a.sim ?? 1) === (b.sim ?? 1) && guesses(a) === guesses(b);
}

/** Every principle id a typed pick names: those found and those guessed. */
export function pickIds(p: TypedPick): string[] {
  return [...p.said, ...(p.guesses ?? []).map((g) => g.id)];
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
    if (pickIds(p).some((id) => !play.catalog.get(id))) return null;
    // No text: read as that reply, as close as it was, scored on the principles found.
    next = say(play, state, replayedReading(p));
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
