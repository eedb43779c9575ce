/** Localised text as written in scenario and catalog files. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export type LocalizedText = Partial<Record<Locale, string>>;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** A plain string is taken as Chinese when it holds any CJK character, English otherwise. */
export function toLocalized(value: string | LocalizedText): LocalizedText {
  if (typeof value !== 'string') return value;
  return CJK.test(value) ? { 'zh-CN': value } : { en: value };
}

/** The text in `locale`, falling back to whichever language exists. */
export function pick(text: LocalizedText, locale: Locale): string {
  const other: Locale = locale === 'en' ? 'zh-CN' : 'en';
  return text[locale] ?? text[other] ?? '';
}

/** "a" or "an" before an English word. */
export const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

export function missingLocales(text: LocalizedText): Locale[] {
  return LOCALES.filter((l) => !text[l]);
}

/** A score as shown: negatives with a true minus sign (−37, not -37). */
export const signed = (n: number): string => (n < 0 ? `\u2212${Math.abs(n)}` : String(n));
