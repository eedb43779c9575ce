/**
 * Nicknames on the projector: what a trainee may call themselves, and when two names look the
 * same. Refused: names that show nothing (Hangul fillers, the blank braille cell, marks or
 * punctuation alone), blank-looking characters inside a name, a first character a spreadsheet
 * would run as a formula, letters buried under stacked accents, and Latin mixed with Cyrillic or
 * Greek (the way "Аlice" with a Cyrillic А passes for Alice). Any one script is fine, and Latin
 * beside Chinese, Japanese, Korean and the rest.
 *
 * Look-alikes are found by a skeleton in the spirit of Unicode TS #39: compatibility forms
 * folded (ＡＢＣ → ABC), case folded, Cyrillic and Greek letters that look Latin mapped to the
 * Latin letter, 0/1/| to o/l, rn to m, spaces and joining punctuation dropped. A small table for
 * the scripts a class here mixes, not the whole confusables file.
 */

export type NicknameProblem = 'blank' | 'invisible' | 'formula' | 'marks' | 'mixed';

/** Characters that draw nothing (or next to nothing) yet count as letters, marks or symbols: [first, last] code points. */
const INVISIBLE: readonly (readonly [number, number])[] = [
  [0x00ad, 0x00ad], // soft hyphen
  [0x034f, 0x034f], // combining grapheme joiner
  [0x115f, 0x1160], // Hangul choseong / jungseong fillers
  [0x17b4, 0x17b5], // Khmer inherent vowels
  [0x180b, 0x180f], // Mongolian variation selectors, vowel separator
  [0x200b, 0x200f], // zero-width space, joiners, direction marks
  [0x202a, 0x202e], // direction embeddings and overrides
  [0x2060, 0x206f], // word joiner, invisible operators, deprecated format characters
  [0x2800, 0x2800], // braille pattern blank
  [0x3164, 0x3164], // Hangul filler
  [0xfe00, 0xfe0f], // variation selectors
  [0xfeff, 0xfeff], // zero-width no-break space
  [0xffa0, 0xffa0], // halfwidth Hangul filler
  [0x1d159, 0x1d159], // musical symbol null notehead
  [0x1d173, 0x1d17a], // musical formatting characters
  [0xe0000, 0xe0fff], // tags, variation selectors supplement
];
const invisible = (ch: string) => {
  const cp = ch.codePointAt(0)!;
  return INVISIBLE.some(([a, b]) => cp >= a && cp <= b);
};
const withoutInvisible = (s: string) => [...s].filter((ch) => !invisible(ch)).join('');
/** An emoji presentation selector right after a symbol (❤️) is part of how it shows. */
const EMOJI_VS = /(\p{S})(?:\uFE0E|\uFE0F)/gu;
const SHOWS = /[\p{L}\p{N}\p{S}]/u;
const FORMULA = /^[=+\-@]/;
/** More combining marks than this on one letter: text piled above and below its line. */
const MAX_MARKS = 4;

const tidy = (name: string) => name.normalize('NFC').replace(/\s+/g, ' ').trim();

export function nicknameProblem(raw: string): NicknameProblem | undefined {
  const name = tidy(raw);
  const bare = name.replace(EMOJI_VS, '$1');
  if (!SHOWS.test(withoutInvisible(bare).replace(/\p{M}/gu, ''))) return 'blank';
  if ([...bare].some(invisible)) return 'invisible';
  if (FORMULA.test(name)) return 'formula';
  if (new RegExp(`\\p{M}{${MAX_MARKS + 1}}`, 'u').test(name.normalize('NFD'))) return 'marks';
  const latin = /\p{Script=Latin}/u.test(name);
  const cyrillic = /\p{Script=Cyrillic}/u.test(name);
  const greek = /\p{Script=Greek}/u.test(name);
  if (Number(latin) + Number(cyrillic) + Number(greek) > 1) return 'mixed';
  return undefined;
}

/** Capitals of other scripts that look like a Latin letter (mapped before case folding). */
const UPPER: Record<string, string> = {
  А: 'a', В: 'b', Е: 'e', Ѕ: 's', І: 'l', Ј: 'j', К: 'k', М: 'm', Н: 'h', О: 'o', Р: 'p', С: 'c', Т: 't', У: 'y', Х: 'x', Ү: 'y', Һ: 'h', Ӏ: 'l', Ԛ: 'q', Ԝ: 'w',
  Α: 'a', Β: 'b', Ε: 'e', Ζ: 'z', Η: 'h', Ι: 'l', Κ: 'k', Μ: 'm', Ν: 'n', Ο: 'o', Ρ: 'p', Τ: 't', Υ: 'y', Χ: 'x',
};
/** Small letters (and digits, signs) that look like a small Latin letter. */
const LOWER: Record<string, string> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', ѕ: 's', і: 'i', ј: 'j', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l', ԁ: 'd', ү: 'y', к: 'k',
  α: 'a', ο: 'o', ν: 'v', ρ: 'p', ι: 'i', κ: 'k', υ: 'u', χ: 'x', ω: 'w', γ: 'y', η: 'n',
  ı: 'i', ɑ: 'a', ɡ: 'g', '0': 'o', '1': 'l', '|': 'l',
};
/** Dropped from a skeleton: what separates words rather than spells them. */
const JOINERS = /[\s\-_.·•'’`"]/gu;

function skeletonOf(name: string, capitalIAsL: boolean): string {
  let s = withoutInvisible(tidy(name).normalize('NFKC'));
  s = [...s].map((ch) => UPPER[ch] ?? (capitalIAsL && ch === 'I' ? 'l' : ch)).join('');
  s = [...s.toLowerCase()].map((ch) => LOWER[ch] ?? ch).join('');
  return s.replace(JOINERS, '').replace(/rn/g, 'm').replace(/vv/g, 'w');
}

/** What a name looks like, for comparing names on the projector. */
export function nameSkeleton(name: string): string {
  return skeletonOf(name, false);
}

/**
 * Every skeleton a name may be read as: folding case loses that a capital I looks like a
 * small l (Ilya / lIya), so a second reading keeps it. Two names look alike when they share one.
 */
export function nameKeys(name: string): string[] {
  const a = skeletonOf(name, false);
  const b = skeletonOf(name, true);
  return a === b ? [a] : [a, b];
}
