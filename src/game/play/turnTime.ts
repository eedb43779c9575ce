/**
 * The real time a countdown has run, for play/turnClock.ts: a Phaser timer fires at most once
 * a frame, so on a slow machine counting its calls runs slow. Each step measures the time
 * since the last one instead, leaving out any time the clock was held (the scene paused or
 * asleep, the page hidden) and capping one step as a safety. The reading grace comes before
 * the customer's limit. Pure: the time source is passed in.
 */

/** The longest one step may count (a stalled frame or a missed resume must not eat the turn). */
export const MAX_STEP_MS = 1000;

export class StepTimer {
  private last: number;
  private readonly holds = new Set<string>();
  private heldAt = 0;

  constructor(
    private readonly now: () => number,
    private readonly maxStep = MAX_STEP_MS,
  ) {
    this.last = now();
  }

  /** Stop counting for `why` (several holds can overlap: the time counts again when all are released). */
  hold(why: string): void {
    if (!this.holds.size) this.heldAt = this.now();
    this.holds.add(why);
  }

  release(why: string): void {
    if (!this.holds.delete(why) || this.holds.size) return;
    this.last += Math.max(0, this.now() - this.heldAt);
  }

  get held(): boolean {
    return this.holds.size > 0;
  }

  /** The milliseconds counted since the last step (0 while held). */
  step(): number {
    if (this.held) return 0;
    const t = this.now();
    const ms = Math.min(this.maxStep, Math.max(0, t - this.last));
    this.last = t;
    return ms;
  }
}

/** Spend `ms` on the reading grace first; what is left over goes to the session's limit. */
export function spendGrace(grace: number, ms: number): { grace: number; toSession: number } {
  const used = Math.min(grace, ms);
  return { grace: grace - used, toSession: ms - used };
}
