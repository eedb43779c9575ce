/**
 * The pages' language: i18next with the project's locales (the classroom's strings live
 * under "classroom"), scenario text picked for the locale, and the 简体中文 / English switch.
 * A page loads only the strings it shows, in its language; the other language is fetched
 * when the switch asks for it (a phone joining a class should not wait for the game's text).
 */
import type { i18n } from 'i18next';
import { typeset } from '../game/ui/wrap.js';
import { pick, type Locale, type LocalizedText } from '../engine/text.js';
import { createI18nFrom } from '../platform/i18nCore.js';
import { detectLocale } from '../platform/locale.js';
import { button, fill } from './dom.js';
import { saveLocale, savedLocale } from './prefs.js';

let inst: i18n | undefined;
let current: Locale = 'zh-CN';

const STRINGS: Record<Locale, () => Promise<{ strings: object }>> = {
  'zh-CN': () => import('./strings/zh-CN.js'),
  en: () => import('./strings/en.js'),
};

/** One language's strings (the two locales hold the same keys, tests/unit/game-pure.test.ts). */
async function bundleFor(l: Locale): Promise<object> {
  return (await STRINGS[l]()).strings;
}

export async function initLanguage(): Promise<Locale> {
  current = detectLocale(savedLocale(), navigator.languages ?? [navigator.language]);
  inst = await createI18nFrom(current, { [current]: { translation: await bundleFor(current) } });
  document.documentElement.lang = current;
  return current;
}

export const locale = (): Locale => current;

/** Chinese is written with ASCII punctuation in the files (as the game's are) and set full-width for display. */
const display = (s: string) => (current === 'zh-CN' ? typeset(s) : s);

/** A classroom string: `t('start.create')` is "classroom.start.create". */
export function t(key: string, opts?: Record<string, unknown>): string {
  return inst ? display(inst.t(`classroom.${key}`, opts ?? {})) : key;
}

/** One of the game's own strings (outcomes, grades, customer types, settings). */
export function tg(key: string, opts?: Record<string, unknown>): string {
  return inst ? display(inst.t(key, opts ?? {})) : key;
}

/** Scenario or catalog text in the page's language (Chinese with full-width punctuation). */
export function txt(text: LocalizedText | undefined): string {
  if (!text) return '';
  return display(pick(text, current));
}

/** A whole number as a percentage. */
export const pct = (share: number) => `${Math.round(share * 100)}%`;

export async function setLocale(l: Locale): Promise<void> {
  if (inst && !inst.hasResourceBundle(l, 'translation')) inst.addResourceBundle(l, 'translation', await bundleFor(l));
  current = l;
  saveLocale(l);
  await inst?.changeLanguage(l);
  document.documentElement.lang = l;
}

const NAMES: Record<Locale, string> = { 'zh-CN': '简体中文', en: 'English' };

/** The language switch in `container`: two buttons, the current one pressed. */
export function languageSwitch(container: HTMLElement, onChange: () => void): void {
  const draw = () => {
    container.setAttribute('role', 'group');
    container.setAttribute('aria-label', t('language'));
    fill(
      container,
      (['zh-CN', 'en'] as const).map((l) =>
        button(
          NAMES[l],
          () => {
            if (l === current) return;
            void setLocale(l).then(() => {
              draw();
              onChange();
            });
          },
          { key: `lang-${l}`, class: 'lang-btn', pressed: l === current, attrs: { lang: l } },
        ),
      ),
    );
  };
  draw();
}
