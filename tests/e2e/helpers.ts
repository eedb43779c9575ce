import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { DojoSnapshot } from '../../src/game/services.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SHOTS = join(ROOT, 'test-results/screenshots');
mkdirSync(SHOTS, { recursive: true });

/** window.dojo, as the game defines it. */
export type Dojo = DojoSnapshot;

export const dojo = (page: Page) => page.evaluate(() => (window as unknown as { dojo: Dojo }).dojo);

export async function until(page: Page, pred: (d: Dojo) => boolean, what: string, timeout = 20_000): Promise<Dojo> {
  const start = Date.now();
  let last: Dojo | undefined;
  while (Date.now() - start < timeout) {
    // Right after a navigation the page may not have told window.dojo anything yet.
    last = await dojo(page).catch(() => undefined);
    if (last && pred(last)) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`timed out waiting for ${what}; window.dojo = ${JSON.stringify(last)}`);
}

/** Collect page errors and console errors; fail the test on any. */
export function watchErrors(page: Page): () => void {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()} ${m.location().url}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`);
  });
  return () => expect(errors).toEqual([]);
}

export async function open(page: Page, opts: { locale?: 'zh-CN' | 'en'; reducedMotion?: boolean; storage?: string; url?: string } = {}): Promise<void> {
  if (opts.reducedMotion !== false) await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.addInitScript(
    ([locale, storage]) => {
      if (sessionStorage.getItem('e2e-init')) return;
      sessionStorage.setItem('e2e-init', '1');
      if (storage != null) localStorage.setItem('complaint-dojo', storage);
      // The first-play guide already seen, unless a test brings its own save.
      else if (locale) localStorage.setItem('complaint-dojo', JSON.stringify({ version: 1, settings: { locale, muted: true, volume: 0.7, guided: true }, best: {}, attempts: [], resume: null, imported: [] }));
    },
    [opts.locale ?? 'zh-CN', opts.storage] as const,
  );
  await page.goto(opts.url ?? './');
  await until(page, (d) => d.scene === 'Title' && d.ready, 'the title screen');
}

function focusIsCard(d: Dojo, i: number): boolean {
  return d.focusIndex === i;
}

/** From the title, open a scenario by keyboard. */
export async function startScenario(page: Page, id: string, o: { guide?: boolean } = {}): Promise<void> {
  await page.keyboard.press('Enter');
  await focusCard(page, id);
  await page.keyboard.press('Enter');
  await begin(page, id, o);
}

/**
 * On the scenario list, move the focus to a scenario's card by Tab (Shift+Tab backwards): the list opens on the
 * first card, or on the card last played when coming back to it.
 */
export async function focusCard(page: Page, id: string): Promise<void> {
  const sel = await until(page, (d) => d.scene === 'Select' && d.choices.length > 0 && typeof d.focusIndex === 'number', 'the scenario list');
  const i = sel.choices.indexOf(id);
  expect(i, `scenario ${id} on the list`).toBeGreaterThanOrEqual(0);
  const from = sel.focusIndex!;
  // Tab walks the list in its order (the arrows move on screen, column to column).
  for (let k = from; k < i; k++) await page.keyboard.press('Tab');
  for (let k = from; k > i; k--) await page.keyboard.press('Shift+Tab');
  await until(page, (d) => d.focus !== undefined && d.choices.indexOf(id) === i && d.scene === 'Select' && focusIsCard(d, i), `focus on ${id}`);
}

/** The intro card (brief and persona) comes first: begin. */
export async function begin(page: Page, id: string, o: { guide?: boolean } = {}): Promise<void> {
  await until(page, (d) => d.scene === 'Play' && d.phase === 'intro' && d.scenario === id, `the intro of ${id}`);
  await page.keyboard.press('Enter');
  // On a first play the guide opens over the first choices.
  if (o.guide) await until(page, (d) => d.scene === 'Guide', `the first-play guide over ${id}`);
  else await until(page, (d) => d.scene === 'Play' && d.phase === 'choosing', `the first choices of ${id}`);
}

/** Play picks (1-based numbers, or "t" to let the timer run out) with the keyboard, to the debrief. */
export async function playPicks(page: Page, picks: (number | 't')[], onTurn?: (n: number) => Promise<void>, onEnding?: () => Promise<void>): Promise<Dojo> {
  for (const [n, p] of picks.entries()) {
    const before = await until(page, (d) => d.phase === 'choosing', `choices at turn ${n + 1}`);
    if (p === 't') {
      await until(page, (d) => d.phase === 'coaching', `the timeout at turn ${n + 1}`, 700_000);
    } else {
      expect(p, `turn ${n + 1} offers choice ${p}: ${JSON.stringify(before.choices)}`).toBeLessThanOrEqual(before.choices.length);
      await page.keyboard.press(String(p));
      await until(page, (d) => d.phase === 'coaching', `coaching after turn ${n + 1}`);
    }
    if (onTurn) await onTurn(n);
    await page.keyboard.press('Enter');
  }
  await until(page, (d) => d.phase === 'ending' && d.choices.length === 1, 'the ending');
  if (onEnding) await onEnding();
  await page.keyboard.press('Enter');
  return until(page, (d) => d.scene === 'Debrief' && !!d.debrief, 'the debrief');
}

export interface CliPlay {
  debrief: { overall: number; grade: string; decisions: number; outcome: string; service: { quadrant: string }; categories: Record<string, number | null>; path: number[] };
}

export function cliPlay(file: string, picks: (number | 't')[]): CliPlay {
  const out = execFileSync('node', ['bin/dojo.mjs', 'play', file, '--choices', picks.join(','), '--json'], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out) as CliPlay;
}

export function cliPaths(file: string): { best: { picks: (number | 't')[] }; worst: { picks: (number | 't')[] } } {
  return JSON.parse(execFileSync('node', ['bin/dojo.mjs', 'paths', file, '--json'], { cwd: ROOT, encoding: 'utf8' }));
}

/** A control on screen: its label and where it is on the page, in CSS pixels (window.dojoControls). */
export interface ControlRect {
  label: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The buttons of the screen on top. */
export const controls = (page: Page): Promise<ControlRect[]> => page.evaluate(() => (window as unknown as { dojoControls: () => ControlRect[] }).dojoControls());

/** The mean colour of a screenshot's pixels in a box (decoded by the page itself). */
export async function meanColour(page: Page, png: Buffer, box: { x: number; y: number; w: number; h: number }): Promise<[number, number, number]> {
  return page.evaluate(
    async ([b64, b]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const d = g.getImageData(b.x, b.y, b.w, b.h).data;
      const sum = [0, 0, 0];
      for (let i = 0; i < d.length; i += 4) for (let k = 0; k < 3; k++) sum[k]! += d[i + k]!;
      const n = d.length / 4;
      return [sum[0]! / n, sum[1]! / n, sum[2]! / n] as [number, number, number];
    },
    [png.toString('base64'), box] as const,
  );
}
