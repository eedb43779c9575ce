/**
 * Views carry "milliseconds left" as of when they were sent. A screen drawn later (after a
 * language switch, say) should count down from what is left now, not from then.
 */
import type { HostView, TraineeView } from '../server/protocol.js';

export function aged<V extends HostView | TraineeView>(v: V, elapsedMs: number): V {
  if (elapsedMs <= 0) return v;
  const less = (ms: number) => Math.max(0, ms - elapsedMs);
  let out = v;
  const round = v.vote?.round;
  if (v.vote && round && round.status === 'open') out = { ...out, vote: { ...v.vote, round: { ...round, remainingMs: less(round.remainingMs) } } };
  const solo = (v as TraineeView).solo;
  if (solo && 'now' in solo && solo.remainingMs !== undefined) out = { ...out, solo: { ...solo, remainingMs: less(solo.remainingMs) } };
  return out;
}
