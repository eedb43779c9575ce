/**
 * What the play screen keeps in the saved progress: the game to resume (with whether the
 * last turn's coaching was still on screen) and, once the conversation has ended, the
 * attempt. A practice turn is never saved: only the live session is. A typed turn is kept in the session's
 * snapshot; a finished play with typed turns keeps the tally of what was typed.
 */
import { tallyRun } from '../../engine/progress/tally.js';
import type { Services } from '../services.js';
import type { SessionController } from '../sessionController.js';

export function saveResume(svc: Services, session: SessionController, scenario: string, seed: number): void {
  if (session.ended) {
    const d = session.debrief();
    // Kept as the game to continue until the debrief is shown: a reload during the last coaching
    // or the ending still leads there.
    svc.progress.recordAttempt(
      {
        scenario: session.play.scenario.id,
        at: new Date().toISOString(),
        overall: d.overall,
        grade: d.grade,
        outcome: d.outcome,
        path: d.path,
        seed: session.state.seed,
        // A play with typed turns is tallied now, from what was typed: its path replays only the replies they were read as.
        ...(session.state.turns.some((t) => t.said) ? { tally: tallyRun(session.play, session.state) } : {}),
      },
      { seed, snapshot: session.persisted() },
    );
    return;
  }
  svc.progress.update((p) => (p.resume = { scenario, seed, snapshot: session.persisted(), coaching: true }));
}

/** The coaching was read: a reload now goes on to the next line. */
export function dismissCoaching(svc: Services): void {
  svc.progress.update((p) => {
    if (p.resume) p.resume.coaching = false;
  });
}
