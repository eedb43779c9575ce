/**
 * Courtesy markers: words that make a reply sound polite whether or not it is right. The
 * `courteous` strategy picks the offered reply with the most of them, to show whether
 * politeness alone gives the answer away. The lists are fixed, so audits stay comparable.
 */
import type { Locale } from '../text.js';

/** The markers as a trainer reads them (README, CLI). */
export const COURTESY_WORDS: Record<Locale, readonly string[]> = {
  'zh-CN': ['您', '请', '抱歉', '对不起', '不好意思', '理解', '感谢', '谢谢', '多谢', '麻烦', '辛苦', '放心', '歉意', '包涵', '见谅', '劳驾', '打扰'],
  en: ['please', 'sorry', 'apolog…', 'understand…', 'thank…', 'appreciat…', 'kindly', 'pardon', 'excuse me', "I'm afraid", 'of course', 'certainly'],
};

/** English markers match at a word start, case-insensitive; "…" above means any ending (thank, thanks, thankful). */
const EN: readonly RegExp[] = [
  /\bplease\b/g,
  /\bsorry\b/g,
  /\bapolog/g,
  /\bunderstand/g,
  /\bthank/g,
  /\bappreciat/g,
  /\bkindly\b/g,
  /\bpardon\b/g,
  /\bexcuse me\b/g,
  /\bi'm afraid\b/g,
  /\bof course\b/g,
  /\bcertainly\b/g,
];

function occurrences(text: string, marker: string): number {
  let n = 0;
  for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + marker.length)) n++;
  return n;
}

/** How many courtesy markers `text` holds (each occurrence counts). */
export function courtesyCount(text: string, locale: Locale): number {
  if (locale === 'zh-CN') return COURTESY_WORDS['zh-CN'].reduce((n, m) => n + occurrences(text, m), 0);
  const t = text.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  return EN.reduce((n, re) => n + (t.match(re)?.length ?? 0), 0);
}
