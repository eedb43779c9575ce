/** i18next for every UI string; resources bundled from locales/. */
import i18next, { type i18n } from 'i18next';
import en from '../../locales/en/translation.json';
import zh from '../../locales/zh-CN/translation.json';
import type { Locale } from '../engine/text.js';

export const resources = { 'zh-CN': { translation: zh }, en: { translation: en } } as const;

export { detectLocale } from './locale.js';

export async function createI18n(locale: Locale): Promise<i18n> {
  const inst = i18next.createInstance();
  await inst.init({ lng: locale, fallbackLng: 'zh-CN', resources, interpolation: { escapeValue: false }, returnNull: false });
  return inst;
}
