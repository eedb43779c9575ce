/**
 * A saved play brought back: the scenario started with the play's seed and every reply of its
 * path taken again (as written in the file; −1 = the time ran out). The engine is
 * deterministic, so the same path through the same file reaches the same turns and ending.
 * A path that no longer fits — a reply gone, not on offer, no time limit where the time ran
 * out, the conversation over too soon or not over at the end — gives null, never a throw.
 */
import { choose, currentNode, offeredChoices, startSession, timeOut, type Play, type SessionState } from '../session/session.js';

export function replayPath(play: Play, seed: number, path: readonly number[]): SessionState | null {
  try {
    let state = startSession(play, seed);
    for (const choice of path) {
      if (state.ending || !Number.isInteger(choice)) return null;
      if (choice < 0) {
        if (!currentNode(play, state)?.onTimeout) return null;
        state = timeOut(play, state);
        continue;
      }
      const n = offeredChoices(play, state).findIndex((c) => c.index === choice);
      if (n < 0) return null;
      state = choose(play, state, n);
    }
    return state.ending ? state : null;
  } catch {
    // A file edited so that a branch no longer applies, or a reply names a principle no longer in the catalog.
    return null;
  }
}
