/**
 * The time a trainee needs to read the replies on offer before a timed line's clock starts.
 * A scenario's `timeLimit` is the customer's patience for the trainee's thinking; reading four
 * printed replies is the game's doing, not the conversation's, so the game adds it. Speeds are
 * the averages for silent reading of non-fiction reported by Brysbaert (2019, "How many words
 * do we read per minute?"): 238 words a minute in English, 255 characters a minute in Chinese.
 */
import type { Locale } from './text.js';

export const READING_SPEED: Record<Locale, { perMinute: number; unit: 'words' | 'characters' }> = {
  en: { perMinute: 238, unit: 'words' },
  'zh-CN': { perMinute: 255, unit: 'characters' },
};

/** No more than this, however long the replies. */
export const MAX_READING_MS = 40_000;

export function readingUnits(text: string, locale: Locale): number {
  if (locale === 'en') return text.split(/\s+/).filter(Boolean).length;
  // Chinese: the characters that carry meaning (Han, letters, digits), not punctuation or spaces.
  return [...text].filter((c) => /[\p{Script=Han}\p{L}\p{N}]/u.test(c)).length;
}

export function readingMs(texts: readonly string[], locale: Locale): number {
  const units = texts.reduce((n, t) => n + readingUnits(t, locale), 0);
  return Math.min(MAX_READING_MS, Math.round((units / READING_SPEED[locale].perMinute) * 60_000));
}
