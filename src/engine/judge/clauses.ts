/**
 * Where a cue may count: clauses (sentences, and the part after 但是/不过/but/though …), and the negation
 * just before a cue within its comma-delimited phrase ("I don't understand", "我不理解").
 */
import type { Locale } from '../text.js';

export interface Span {
  start: number;
  end: number;
}

/** Sentence ends, and the connectives that turn a reply around (the connective starts the new clause). */
const BOUNDARY = /[。!?!?;;\n]+|\.(?=\s|$)|(?=但是|不过|可是|然而|\bbut\b|\bthough\b|\bhowever\b|\balthough\b)/giu;

export function clauses(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const end = m.index + m[0].length;
    if (end > start) out.push({ start, end });
    start = end;
  }
  if (start < text.length) out.push({ start, end: text.length });
  // A clause starts at its first visible character, so ^ in a cue means the clause's start.
  return out
    .map((c) => ({ start: c.start + (text.slice(c.start, c.end).length - text.slice(c.start, c.end).trimStart().length), end: c.end }))
    .filter((c) => c.end > c.start);
}

/** A negation right before the cue, perhaps with a degree word between (不太, 没有, 别再). */
const ZH_NEGATION = /[不没别未莫勿](?:太|是|有|很|大|再|怎么)?$/u;
const EN_NEGATION = /\b(?:not|never|no|cannot|don't|won't|can't|didn't|isn't|wasn't|aren't|doesn't|shouldn't|wouldn't)\b|n't\b/iu;

/** Is the text just before `at` (same phrase, a few characters or words) a negation? */
export function negated(text: string, clauseStart: number, at: number, locale: Locale): boolean {
  const before = text.slice(clauseStart, at);
  const phrase = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(','), before.lastIndexOf('、')) + 1);
  if (locale === 'zh-CN') return ZH_NEGATION.test(phrase.slice(-3));
  const words = phrase.trim().split(/\s+/).filter(Boolean).slice(-3).join(' ');
  return EN_NEGATION.test(words);
}
