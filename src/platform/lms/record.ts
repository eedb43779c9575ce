/**
 * What the LMS is told about a play, as SCORM 1.2 writes (element, value): pure, so that it is
 * tested without a browser. The runtime (scorm12.ts) sends them through the API it found.
 *
 *   - at launch: lesson_status incomplete (unless a play already passed or failed), exit suspend;
 *   - each decision: one cmi.interactions.n (id scenario_node, type choice, student_response =
 *     the reply's id, correct_responses.0.pattern = the best reply's id, result from the turn
 *     score (cmi12.resultOf), latency, time, objectives.0.id = the reply's main principle), the
 *     objectives per principle so far, the feedback in cmi.comments while it fits, the suspend data;
 *   - the end: score.raw/min/max and passed/failed at the pass mark.
 *
 * Several plays in one attempt (the learner plays again): every decision is an interaction;
 * the score, status and objectives are those of the best finished play (a later play replaces
 * them when it scores at least as well), so a practice round never takes a pass away.
 */
import type { Play } from '../../engine/session/session.js';
import { pick, signed, type Locale } from '../../engine/text.js';
import type { LearningAnswered, LearningFinished, LearningStarted } from '../../game/learning.js';
import { fitsIdentifier, interactionId, resultOf, STRING255, STRING4096, timeOfDay, timespan } from './cmi12.js';
import { modelReplyId, objectivesOf, replayPicks } from './objectives.js';
import { encodeSuspend } from './suspend.js';
import type { TurnPick } from '../../engine/session/picks.js';

export type Write = readonly [element: string, value: string];

/** What the LMS holds for this learner at launch. */
export interface LmsState {
  /** cmi.core.lesson_status: "not attempted", "incomplete", "passed", "failed", … */
  status: string;
  /** cmi.core.score.raw ("" when none). */
  score: string;
  /** cmi.interactions._count. */
  interactions: number;
  /** cmi.objectives.n.id, by n. */
  objectives: string[];
  /** cmi.comments so far. */
  comments: string;
}

export interface RecordOptions {
  /** The pass mark, 0–100 (the LMS's mastery score when it gives one). */
  pass: number;
  /** The language of the feedback kept in cmi.comments. */
  locale: () => Locale;
  /** Told once per kind of thing that could not be kept (a limit reached). */
  warn?: (message: string) => void;
}

const FINAL = new Set(['passed', 'failed']);

export class ScormRecord {
  private nextInteraction: number;
  private readonly objectiveAt = new Map<string, number>();
  private readonly objectiveSent = new Map<string, string>();
  private comments: string;
  private commentsFull = false;
  /** The best finished play's overall this attempt (from the LMS at launch), null before any. */
  private best: number | null;
  private seed = 0;
  private picks: TurnPick[] = [];
  private readonly warned = new Set<string>();

  constructor(
    readonly play: Play,
    lms: LmsState,
    private readonly o: RecordOptions,
  ) {
    this.nextInteraction = lms.interactions;
    lms.objectives.forEach((id, i) => this.objectiveAt.set(id, i));
    this.comments = lms.comments;
    const score = lms.score === '' ? NaN : Number(lms.score);
    this.best = FINAL.has(lms.status) && Number.isFinite(score) ? score : null;
  }

  private get scenario(): string {
    return this.play.scenario.id;
  }

  /** The writes at launch. */
  launch(status: string): Write[] {
    const w: Write[] = [];
    if (!FINAL.has(status) && status !== 'incomplete') w.push(['cmi.core.lesson_status', 'incomplete']);
    w.push(['cmi.core.exit', 'suspend']);
    return w;
  }

  started(e: LearningStarted): Write[] {
    if (e.scenario !== this.scenario) return [];
    this.seed = e.seed;
    this.picks = [...e.picks];
    const state = replayPicks(this.play, e.seed, e.picks);
    return [...this.suspend(false, !!state?.ending), ...(state ? [['cmi.core.lesson_location', state.node] as const] : []), ['cmi.core.exit', 'suspend']];
  }

  answered(e: LearningAnswered, now: Date): Write[] {
    if (e.scenario !== this.scenario) return [];
    this.seed = e.seed;
    this.picks = [...e.picks];
    const state = replayPicks(this.play, e.seed, e.picks);
    const n = this.nextInteraction++;
    const at = `cmi.interactions.${n}`;
    const w: Write[] = [
      [`${at}.id`, interactionId(e.scenario, e.node)],
      // A typed reply is a fill-in: what was written (cut to SCORM 1.2's 255 characters), read as `reply`.
      [`${at}.type`, e.typed !== undefined ? 'fill-in' : 'choice'],
      [`${at}.time`, timeOfDay(now)],
      [`${at}.weighting`, '1'],
      [`${at}.student_response`, e.typed !== undefined ? cut255(e.typed) : e.reply],
      [`${at}.result`, resultOf(e.score)],
      [`${at}.latency`, timespan(e.latencyMs)],
    ];
    const model = state && e.typed === undefined ? modelReplyId(this.play, state, e.turn - 1) : null;
    if (model) w.push([`${at}.correct_responses.0.pattern`, model]);
    if (e.principle && fitsIdentifier(e.principle)) w.push([`${at}.objectives.0.id`, e.principle]);
    // Objectives follow the play in progress until one play of this attempt has finished; after that, only a better finished play.
    if (state && this.best === null) w.push(...this.objectives(state));
    w.push(...this.comment(e));
    w.push(...this.suspend(true, !!state?.ending));
    if (state) w.push(['cmi.core.lesson_location', state.node]);
    return w;
  }

  finished(e: LearningFinished): Write[] {
    if (e.scenario !== this.scenario) return [];
    const overall = e.debrief.overall;
    const w: Write[] = [];
    if (this.best === null || overall >= this.best) {
      this.best = overall;
      const state = replayPicks(this.play, e.seed, e.picks);
      if (state) w.push(...this.objectives(state));
      w.push(['cmi.core.score.min', '0'], ['cmi.core.score.max', '100'], ['cmi.core.score.raw', String(overall)], ['cmi.core.lesson_status', overall >= this.o.pass ? 'passed' : 'failed']);
    }
    w.push(...this.suspend(false, true), ['cmi.core.exit', '']);
    return w;
  }

  /** At the end of the launch: how long it lasted. */
  end(elapsedMs: number): Write[] {
    return [['cmi.core.session_time', timespan(elapsedMs)]];
  }

  private objectives(state: NonNullable<ReturnType<typeof replayPicks>>): Write[] {
    const w: Write[] = [];
    for (const o of objectivesOf(this.play, state)) {
      if (!fitsIdentifier(o.id)) {
        this.warnOnce('objective-id', `principle id "${o.id}" is not a SCORM 1.2 identifier: its objective is not reported`);
        continue;
      }
      let n = this.objectiveAt.get(o.id);
      const fresh = n === undefined;
      if (n === undefined) this.objectiveAt.set(o.id, (n = this.objectiveAt.size));
      const value = `${o.score}|${o.status}`;
      if (!fresh && this.objectiveSent.get(o.id) === value) continue;
      this.objectiveSent.set(o.id, value);
      const at = `cmi.objectives.${n}`;
      w.push([`${at}.id`, o.id], [`${at}.score.min`, '0'], [`${at}.score.max`, '100'], [`${at}.score.raw`, String(o.score)], [`${at}.status`, o.status]);
    }
    return w;
  }

  /** The turn's feedback, appended to cmi.comments while the 4,096 characters last. */
  private comment(e: LearningAnswered): Write[] {
    if (this.commentsFull) return [];
    const line = `${e.turn}. ${e.node} → ${e.reply} (${signed(e.score)}): ${pick(e.feedback, this.o.locale())}`;
    const next = this.comments ? `${this.comments}\n${line}` : line;
    if (next.length > STRING4096) {
      this.commentsFull = true;
      this.warnOnce('comments', `cmi.comments is full (SCORM 1.2 allows ${STRING4096} characters): later feedback is not kept there`);
      return [];
    }
    this.comments = next;
    return [['cmi.comments', next]];
  }

  private suspend(coaching: boolean, done: boolean): Write[] {
    const data = encodeSuspend({ scenario: this.scenario, seed: this.seed, picks: this.picks, coaching, done });
    if (data === null) {
      this.warnOnce('suspend', `the game is too long to keep in cmi.suspend_data (SCORM 1.2 allows ${4096} characters): resuming starts it again`);
      return [['cmi.suspend_data', '']];
    }
    return [['cmi.suspend_data', data]];
  }

  private warnOnce(kind: string, message: string): void {
    if (this.warned.has(kind)) return;
    this.warned.add(kind);
    this.o.warn?.(message);
  }
}

/** A free text within CMIFeedback's 255 characters, as the LMS counts them (a surrogate pair is not split). */
function cut255(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= STRING255) return flat;
  let out = '';
  for (const ch of flat) {
    if (out.length + ch.length > STRING255 - 1) break;
    out += ch;
  }
  return `${out}…`;
}
