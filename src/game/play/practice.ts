/**
 * Try this turn again: a practice session from the moment before the live session's last
 * reply (SessionController.rewound replays every turn but the last). Its answer is coached
 * like any turn but never saved or scored; the live session stays where it was, and the
 * conversation goes on from the first answer.
 */
import type { SessionController } from '../sessionController.js';

export class PracticeRun {
  private constructor(
    readonly session: SessionController,
    /** The turn being practised (1-based). */
    readonly turn: number,
    /** The first answer's score, which stands. */
    readonly first: number,
    private readonly unsubscribe: () => void,
  ) {}

  /** Null when there is no reply to practise again. `onAnswered` runs once the practice reply (or its time-out) is in. */
  static from(live: SessionController, first: number, onAnswered: () => void): PracticeRun | null {
    const session = live.rewound();
    if (!session) return null;
    let shown = session.state.turns.length;
    const unsubscribe = session.subscribe((s) => {
      if (s.turns.length > shown) {
        shown = s.turns.length;
        onAnswered();
      }
    });
    return new PracticeRun(session, live.state.turns.length, first, unsubscribe);
  }

  stop(): void {
    this.unsubscribe();
    this.session.stop();
  }
}
