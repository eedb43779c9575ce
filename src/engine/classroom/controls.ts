/**
 * The trainer's controls over a room, as rules: the room's settings (locked, joins approved by
 * the trainer, the vote closed once everyone present has voted, the split shown live), and the
 * vote's clock (more time, paused and resumed). Time comes in as `now`; nothing here reads a clock.
 */

export interface RoomSettings {
  /** No one new may join (trainees already in may reconnect). */
  locked: boolean;
  /** Joiners wait in a queue until the trainer admits them. */
  approval: boolean;
  /** Close the vote as soon as everyone connected has voted. */
  autoClose: boolean;
  /** Show the split of the votes to the class while voting is open. */
  showLive: boolean;
  /** Everyone plays: trainees type their replies in their own words (the server's judge reads them). */
  ownWords: boolean;
}

export const DEFAULT_SETTINGS: Readonly<RoomSettings> = { locked: false, approval: false, autoClose: true, showLive: false, ownWords: false };

/** Settings as stored (older rooms have none, or only some): the defaults filled in. */
export function settingsOf(saved: Partial<RoomSettings> | undefined): RoomSettings {
  return { ...DEFAULT_SETTINGS, ...(saved ?? {}) };
}

/** A vote's clock: its deadline, or (paused) the time that was left when it stopped. */
export interface VoteClock {
  deadline: number;
  /** Present while paused: milliseconds left, frozen. */
  pausedLeft?: number;
}

/** What "+30 s" adds. */
export const EXTRA_TIME_MS = 30_000;
/** A vote never has more than this left, however often time is added. */
export const MAX_LEFT_MS = 3_600_000;

export const isPaused = (c: VoteClock): boolean => c.pausedLeft !== undefined;

/** Milliseconds left to vote at `now` (frozen while paused). */
export function timeLeft(c: VoteClock, now: number): number {
  return Math.max(0, c.pausedLeft ?? c.deadline - now);
}

/** The time is up: not paused, and the deadline has passed. */
export function timeUp(c: VoteClock, now: number): boolean {
  return !isPaused(c) && now >= c.deadline;
}

/** Stop the clock with what is left; undefined when it is already stopped. */
export function pauseClock<C extends VoteClock>(c: C, now: number): C | undefined {
  if (isPaused(c)) return undefined;
  return { ...c, pausedLeft: timeLeft(c, now) };
}

/** Start the clock again from what was left; undefined when it is running. */
export function resumeClock<C extends VoteClock>(c: C, now: number): C | undefined {
  if (!isPaused(c)) return undefined;
  const { pausedLeft, ...rest } = c;
  return { ...rest, deadline: now + pausedLeft! } as C;
}

/** More time (running or paused), up to MAX_LEFT_MS left. */
export function addTime<C extends VoteClock>(c: C, ms: number, now: number): C {
  const left = Math.min(MAX_LEFT_MS, timeLeft(c, now) + ms);
  return isPaused(c) ? { ...c, pausedLeft: left } : { ...c, deadline: now + left };
}

/**
 * Everyone connected has voted: at least one trainee is connected, and each of them has a vote.
 * Trainees who are away (phone locked, left) do not hold the vote open.
 */
export function everyoneVoted(connected: Iterable<string>, voted: (pid: string) => boolean): boolean {
  let any = false;
  for (const pid of connected) {
    if (!voted(pid)) return false;
    any = true;
  }
  return any;
}
