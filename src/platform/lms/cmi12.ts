/**
 * The SCORM 1.2 data model's rules that the game's reports must keep (SCORM 1.2 Run-Time
 * Environment, section 3.4 and appendix A). LMS runtimes are often more lenient than the
 * spec (scorm-again takes spaces in ids and 64,000 characters of suspend data); an LMS that
 * is not may drop a value or a whole commit, so every value is checked here before it is sent.
 */

/** CMIIdentifier: letters, digits, hyphen and underscore (no spaces or dots), 1–255 characters. */
export const IDENTIFIER = /^[A-Za-z0-9_-]{1,255}$/;
export const IDENTIFIER_MAX = 255;
/** CMIString4096: cmi.suspend_data and cmi.comments. */
export const STRING4096 = 4096;
/** CMIString255: cmi.core.lesson_location; CMIFeedback (student_response, correct_responses.n.pattern) is 255 too. */
export const STRING255 = 255;

/** The separator between scenario and node in an interaction id: ids never hold an underscore, so it cannot be ambiguous. */
export const ID_JOIN = '_';

/**
 * A turn's result from its score (−100–100, as the coaching shows it):
 *   correct  ≥ 75: the best reply on offer, or within a quarter of its worth with nothing lost;
 *   wrong    < 0: what the reply broke cost more than it earned;
 *   neutral  0–74: partial credit.
 * Measured over 8,100 replies on offer in random walks through the library: 28% score 100,
 * 0.6% 50–99, 5% 0–49, 66% below 0, so the lines fall in the gaps.
 */
export const CORRECT_FROM = 75;
export type InteractionResult = 'correct' | 'wrong' | 'neutral';

export function resultOf(score: number): InteractionResult {
  return score >= CORRECT_FROM ? 'correct' : score < 0 ? 'wrong' : 'neutral';
}

export function interactionId(scenario: string, node: string): string {
  return `${scenario}${ID_JOIN}${node}`;
}

export function fitsIdentifier(id: string): boolean {
  return IDENTIFIER.test(id);
}

const two = (n: number) => String(n).padStart(2, '0');

/** CMITimespan, HHHH:MM:SS.SS (hours 2–4 digits; longer spans are capped at 9999 hours). */
export function timespan(ms: number): string {
  const cs = Math.max(0, Math.min(Math.round(ms / 10), 9999 * 360_000 + 359_999));
  const h = Math.floor(cs / 360_000);
  const m = Math.floor((cs % 360_000) / 6000);
  const s = Math.floor((cs % 6000) / 100);
  return `${two(h)}:${two(m)}:${two(s)}.${two(cs % 100)}`;
}

/** CMITime, HH:MM:SS (the time of day, the learner's clock). */
export function timeOfDay(d: Date): string {
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** Why a value may not be written to an element (null: it may). */
export function refusal(element: string, value: string): string | null {
  if (/^cmi\.(objectives\.\d+\.id|interactions\.\d+\.id|interactions\.\d+\.objectives\.\d+\.id)$/.test(element)) {
    return fitsIdentifier(value) ? null : `not a SCORM 1.2 identifier ([A-Za-z0-9_-], 1–${IDENTIFIER_MAX} characters): "${value.slice(0, 40)}"`;
  }
  if (element === 'cmi.suspend_data' || element === 'cmi.comments') {
    return value.length <= STRING4096 ? null : `${value.length} characters, over the SCORM 1.2 limit of ${STRING4096}`;
  }
  if (element === 'cmi.core.lesson_location' || /^cmi\.interactions\.\d+\.(student_response|correct_responses\.\d+\.pattern)$/.test(element)) {
    return value.length <= STRING255 ? null : `${value.length} characters, over the SCORM 1.2 limit of ${STRING255}`;
  }
  if (/score\.(raw|min|max)$/.test(element)) {
    const n = Number(value);
    return value !== '' && Number.isFinite(n) && n >= 0 && n <= 100 ? null : `score "${value}" is not a number from 0 to 100`;
  }
  if (element === 'cmi.core.session_time' || /^cmi\.interactions\.\d+\.latency$/.test(element)) {
    return /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/.test(value) ? null : `"${value}" is not a CMITimespan (HHHH:MM:SS.SS)`;
  }
  return null;
}
