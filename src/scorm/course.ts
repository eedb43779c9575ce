/**
 * dojo-course.json, written into a SCORM package beside the game: which scenarios it holds
 * (each file under scenarios/, one SCO each, launched as scorm.html?scenario=ID), the pass
 * mark and the language. Read by the launch page; a damaged file is a clear error.
 */
import { LOCALES, type Locale } from '../engine/text.js';

export const COURSE_FILE = 'dojo-course.json';
export const LAUNCH_PAGE = 'scorm.html';
export const DEFAULT_PASS = 65;

export type CourseLocale = Locale | 'both';

export interface Course {
  version: 1;
  title: string;
  /** 0–100: overall at or above it is passed. */
  pass: number;
  /** One language for everyone, or both (the learner's browser decides, and they can switch). */
  locale: CourseLocale;
  scenarios: { id: string; file: string }[];
}

export function parseCourse(text: string): Course {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`${COURSE_FILE} is not JSON`);
  }
  const c = data as Partial<Course> | null;
  const fail = (what: string) => new Error(`${COURSE_FILE}: ${what}`);
  if (!c || typeof c !== 'object' || c.version !== 1) throw fail('unknown version');
  if (typeof c.pass !== 'number' || !(c.pass >= 0 && c.pass <= 100)) throw fail('pass must be a number from 0 to 100');
  if (c.locale !== 'both' && !(LOCALES as readonly unknown[]).includes(c.locale)) throw fail(`locale must be ${LOCALES.join(', ')} or both`);
  if (!Array.isArray(c.scenarios) || !c.scenarios.length) throw fail('no scenarios');
  for (const s of c.scenarios) {
    if (typeof s?.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(s.id) || typeof s.file !== 'string' || !/^scenarios\/[a-z0-9][a-z0-9-]*\.yaml$/.test(s.file)) throw fail('a scenario entry is malformed');
  }
  return { version: 1, title: typeof c.title === 'string' ? c.title : '', pass: c.pass, locale: c.locale as CourseLocale, scenarios: c.scenarios };
}

/** The pass mark in force: the LMS's mastery score (from the manifest, or set by the trainer there) when it gives one. */
export function passMark(course: Course, mastery: number | null): number {
  return mastery ?? course.pass;
}
