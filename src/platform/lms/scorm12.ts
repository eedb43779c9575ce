/**
 * The game in an LMS: hears the game's learning events (game/learning.ts) and reports them
 * through the SCORM 1.2 API (record.ts says what is written), committing after every
 * decision and at the end, and finishing when the page goes away.
 */
import type { Play } from '../../engine/session/session.js';
import type { Locale } from '../../engine/text.js';
import { LEARNING_ANSWERED, LEARNING_FINISHED, LEARNING_STARTED, type LearningAnswered, type LearningFinished, type LearningStarted } from '../../game/learning.js';
import type { LmsClient } from './api.js';
import { ScormRecord, type LmsState, type Write } from './record.js';
import { decodeSuspend, type Suspended } from './suspend.js';

export interface LearningEvents {
  on(event: string, fn: (...args: never[]) => void): unknown;
}

/** What the LMS holds at launch, read through the client. */
export function readLms(lms: LmsClient): LmsState & { entry: string; suspend: Suspended | null; mastery: number | null; student: { id: string; name: string } } {
  const count = (el: string) => {
    const n = Number(lms.get(el));
    return Number.isInteger(n) && n >= 0 ? n : 0;
  };
  const objectives: string[] = [];
  for (let i = 0, n = count('cmi.objectives._count'); i < n; i++) objectives.push(lms.get(`cmi.objectives.${i}.id`));
  const mastery = lms.get('cmi.student_data.mastery_score');
  const m = mastery === '' ? NaN : Number(mastery);
  return {
    status: lms.get('cmi.core.lesson_status'),
    score: lms.get('cmi.core.score.raw'),
    interactions: count('cmi.interactions._count'),
    objectives,
    comments: lms.get('cmi.comments'),
    entry: lms.get('cmi.core.entry'),
    suspend: decodeSuspend(lms.get('cmi.suspend_data')),
    mastery: Number.isFinite(m) && m >= 0 && m <= 100 ? m : null,
    student: { id: lms.get('cmi.core.student_id'), name: lms.get('cmi.core.student_name') },
  };
}

export interface ScormSession {
  /** Send the session time and finish (the page is going away). */
  end(): void;
}

export function reportToLms(o: { lms: LmsClient; state: LmsState; events: LearningEvents; play: Play; pass: number; locale: () => Locale; now?: () => number }): ScormSession {
  const now = o.now ?? (() => Date.now());
  const startedAt = now();
  const record = new ScormRecord(o.play, o.state, { pass: o.pass, locale: o.locale, warn: (m) => console.warn(`SCORM: ${m}`) });
  let ended = false;
  const send = (writes: Write[], commit = true) => {
    if (ended || !writes.length) return;
    for (const [el, v] of writes) o.lms.set(el, v);
    if (commit) o.lms.commit();
  };
  send(record.launch(o.state.status));
  o.events.on(LEARNING_STARTED, (e: LearningStarted) => send(record.started(e)));
  o.events.on(LEARNING_ANSWERED, (e: LearningAnswered) => send(record.answered(e, new Date(now()))));
  o.events.on(LEARNING_FINISHED, (e: LearningFinished) => send(record.finished(e)));
  return {
    end() {
      if (ended) return;
      send(record.end(now() - startedAt), false);
      ended = true;
      o.lms.commit();
      o.lms.finish();
    },
  };
}
