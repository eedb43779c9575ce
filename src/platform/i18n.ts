/** i18next for every UI string; resources bundled from locales/. */
import type { i18n } from 'i18next';
import en from '../../locales/en/translation.json';
import zh from '../../locales/zh-CN/translation.json';
import type { Locale } from '../engine/text.js';
import { createI18nFrom } from './i18nCore.js';

export const resources = { 'zh-CN': { translation: zh }, en: { translation: en } } as const;

export { detectLocale } from './locale.js';

export function createI18n(locale: Locale): Promise<i18n> {
  return createI18nFrom(locale, resources);
}
