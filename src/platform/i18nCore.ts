/** An i18next instance over the resources a page brings: the game all of its strings, a classroom page only its own. */
import i18next, { type i18n, type Resource } from 'i18next';
import type { Locale } from '../engine/text.js';

export async function createI18nFrom(locale: Locale, resources: Resource): Promise<i18n> {
  const inst = i18next.createInstance();
  await inst.init({ lng: locale, fallbackLng: 'zh-CN', resources, interpolation: { escapeValue: false }, returnNull: false });
  return inst;
}
