/**
 * window.dojo before the game defines its own (game/main.ts takes it over): from the page's
 * first script, "Boot", then "Title" while the page's own title is up, never `ready` (that
 * is the game's title, interactive). Tests and tools never find it undefined.
 */
import type { DojoSnapshot } from '../game/services.js';
import { detectLocale } from '../platform/locale.js';
import { readSave } from '../platform/storage.js';

let early: DojoSnapshot | undefined;

/** Tell window.dojo `patch` (defining it the first time), unless the game has taken it over. */
export function tellEarly(win: Window, patch: Partial<DojoSnapshot> = {}): void {
  if (!early) {
    const locale = patch.locale ?? detectLocale(readSave(win.localStorage).save.settings.locale, win.navigator.languages ?? [win.navigator.language]);
    early = { scene: 'Boot', scenario: null, node: null, choices: [], customer: null, score: null, outcome: null, locale, notice: null, ready: false };
    const snapshot = early;
    Object.defineProperty(win, 'dojo', { configurable: true, get: () => structuredClone(snapshot) });
  }
  Object.assign(early, patch);
}
