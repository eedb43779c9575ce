/**
 * What a learning platform hears about a play: the game emits these on the services'
 * event emitter (`svc.events`), and whatever records learning (a SCORM runtime in an LMS,
 * xAPI statements) listens there. Only the live session is reported: a practice turn never is.
 */
import type { Debrief } from '../engine/scoring/debrief.js';
import type { TurnPick } from '../engine/session/picks.js';
import type { LocalizedText } from '../engine/text.js';

export const LEARNING_STARTED = 'learning.started';
export const LEARNING_ANSWERED = 'learning.answered';
export const LEARNING_FINISHED = 'learning.finished';

/** Also after a rebuild of the play screen (a language switch, a turned phone): listeners take it as idempotent. */
export interface LearningStarted {
  scenario: string;
  title: LocalizedText;
  seed: number;
  /** Turns already taken (a resumed game): the picks so far, as in `LearningAnswered.picks`. */
  picks: TurnPick[];
}

export interface LearningAnswered {
  scenario: string;
  seed: number;
  /** 1-based. */
  turn: number;
  node: string;
  /** The reply's index in the node as written, −1 for a time-out; and its id (the file's `id:`, else `c<index>`, `timeout`). */
  choice: number;
  reply: string;
  /** The offered replies' ids, in the order shown. */
  offered: string[];
  /** −100–100, as the coaching shows it. */
  score: number;
  honoured: string[];
  broken: string[];
  /** The reply's first principle (its main one), if it has any. */
  principle: string | null;
  feedback: LocalizedText;
  /** From the replies appearing to the answer (the countdown's reading time included). */
  latencyMs: number;
  /** Typed in the trainee's own words (`choice` is then the reply it was read as): the text. */
  typed?: string;
  /** Every turn so far, in order (engine/session/picks.ts): with the seed they replay the game (SessionController.replay). */
  picks: TurnPick[];
}

export interface LearningFinished {
  scenario: string;
  seed: number;
  debrief: Debrief;
  picks: TurnPick[];
}

/** A reply's id for a learning record: the file's own id, else its position. */
export function replyId(choice: { id?: string; index: number } | undefined): string {
  return choice ? (choice.id ?? `c${choice.index}`) : 'timeout';
}
