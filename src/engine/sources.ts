/**
 * The five source documents by name, for trainees. Scenario files cite them as trainers do,
 * by file number ("file 000, item 3", "文件002 五做", "(003 麦当劳…)"); a trainee does not
 * know what file 000 is, so the game shows the document's short title instead.
 */
import type { Locale } from './text.js';

export const SOURCE_TITLES: Record<string, Record<Locale, string>> = {
  '000': { 'zh-CN': '《服务礼仪》', en: 'the etiquette guide' },
  '001': { 'zh-CN': '《客服教程》', en: 'the service course' },
  '002': { 'zh-CN': '《职业标准》', en: 'the service standard' },
  '003': { 'zh-CN': '《服务之弊》', en: 'the service-problems paper' },
  '004': { 'zh-CN': '《投诉是桥梁》', en: 'the complaints lecture' },
};

const title = (n: string, locale: Locale) => SOURCE_TITLES[n]?.[locale];

/** The text with every file-number citation replaced by the document's title in this language. */
export function readableSources(text: string, locale: Locale): string {
  // "file 000", "File 000", "files 001", "文件000", "文件 000", or a bare "003" standing as a citation
  // ("(003)", "(004“…", "002 谈吐礼仪", "002; 000 No. 3"), or "004号文件" (the words go with the
  // number: "《投诉是桥梁》号文件" said nothing): never part of a longer number or word.
  return text.replace(/(?<![\w.])(?:[Ff]iles? |文件\s?)?(00[0-4])(?:号文件|(?!\w|\.\d))( (?=[\u4e00-\u9fff]))?/g, (m, n: string, space: string | undefined) => {
    const t = title(n, locale);
    if (!t) return m;
    // In Chinese the title's own brackets set it apart: no space before the item that follows.
    if (locale === 'zh-CN') return t;
    // "File 003 says…" opens a sentence: so does its title.
    return `${m.startsWith('F') ? t[0]!.toUpperCase() + t.slice(1) : t}${space ?? ''}`;
  });
}
