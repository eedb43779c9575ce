/** What the phone's screens may ask of the page. */
import type { LocalizedText } from '../../engine/text.js';
import type { Screen } from '../screens.js';
import type { TraineeView } from '../../server/protocol.js';

export interface JoinContext {
  /** Class vote: vote (or change the vote) in the open round. */
  vote(turn: number, choice: number): void;
  /** The vote on its way or counted in this round, if any. */
  myVote(turn: number): { choice: number; sending: boolean } | undefined;
  /** Everyone plays: reply at this turn. */
  choose(turn: number, choice: number): void;
  /** The reply on its way, if any. */
  choosing(): { turn: number; choice: number } | undefined;
  /** Everyone plays: the time limit at this turn ran out. */
  timeout(turn: number): void;
  /** A timed decision is showing (its clock starts on the server). */
  seen(turn: number): void;
  /** Everyone plays: the trainee has read the coaching for this turn. */
  coached(turn: number): void;
  /** Everyone plays in own words: send a typed reply at this turn. */
  say(turn: number, text: string): Promise<SayAnswer>;
}

/** The server's answer to a typed reply: taken (a turn, or the customer asks again), or refused (with the judge's notice). */
/** `heard`: asked again though the judge found only good in the reply (the principles' names). */
export type SayAnswer = { ok: true; askedAgain?: number; heard?: LocalizedText[] } | { ok: false; error: string; message: string; notice?: string };

export type JoinScreen = Screen<TraineeView>;
