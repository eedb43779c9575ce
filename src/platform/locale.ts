/** Which language to start in; no i18next here, so the page's own title can ask before it loads. */
import type { Locale } from '../engine/text.js';

export function detectLocale(saved: Locale | undefined, languages: readonly string[]): Locale {
  if (saved) return saved;
  // Chinese unless the browser asks only for other languages.
  return languages.length && !languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'en' : 'zh-CN';
}
