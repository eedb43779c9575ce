/** Colours, fonts and sizes: one place, contrast ≥ 4.5:1 for all text on its panel. */
import { englishQuotes, typeset } from './wrap.js';
export const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Source Han Sans SC", sans-serif';
/**
 * English: a Latin face first (a Chinese font draws “ ” and ‘ ’ full-width, with wide gaps),
 * then the Chinese faces for any Chinese in the text.
 */
export const FONT_EN = '"Segoe UI", "Helvetica Neue", Roboto, "Noto Sans", "Liberation Sans", Arial, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

let textLocale: 'zh-CN' | 'en' = 'zh-CN';

/** The language text is shown in: its font, and Chinese typography only for Chinese. */
export function setTextLocale(l: 'zh-CN' | 'en'): void {
  textLocale = l;
}

export function fontFor(l: 'zh-CN' | 'en' = textLocale): string {
  return l === 'en' ? FONT_EN : FONT;
}

/** Chinese punctuation rules apply to Chinese text, never to English that quotes a Chinese name. */
export function chineseText(): boolean {
  return textLocale === 'zh-CN';
}

/** Text as the game shows it in the current language: Chinese typeset, English with typographic quotes. */
export function shownText(s: string): string {
  return chineseText() ? typeset(s) : englishQuotes(s);
}

export const COLORS = {
  ink: '#1d2433', // on paper: 14.9:1
  inkSoft: '#4a5568', // on paper: 7.4:1
  paper: '#fbfaf7',
  panel: 0xfbfaf7,
  panelDark: 0x1d2433,
  onDark: '#ffffff',
  onDarkSoft: '#d8dee9', // on panelDark: 11.6:1
  accent: 0x2f6f73,
  accentText: '#ffffff', // on accent: 5.9:1
  accentSoft: 0xdcebea,
  good: '#1e6b3a', // on paper: 6.6:1
  bad: '#a4262c', // on paper: 6.7:1
  goodFill: 0x2e8b57,
  badFill: 0xc0392b,
  warnFill: 0xd68910,
  focus: 0xf2b134,
  shade: 0x000000,
} as const;

export const TYPE_COLORS: Record<string, number> = {
  angry: 0xc0392b,
  silent: 0x5d6d7e,
  talkative: 0xd68910,
  expert: 0x2f6f73,
};
