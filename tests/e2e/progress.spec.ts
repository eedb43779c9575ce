/**
 * My progress (issue 13): three short plays by keyboard, then the page from the scenario list
 * (P) shows their figures — the same as the engine computes in Node from the saved paths — with
 * a chart per category; screenshots in both languages on a 1280×800 screen and a 390×844 phone.
 * A version-1 save placed before load shows its plays (migrated, tallied, one skipped). The
 * empty page says what to do; the page scrolls, keeps its controls on screen, returns where it
 * was opened from, and its suggestion starts the scenario.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { loadCatalog } from '../../src/engine/catalog/catalog.js';
import { progressReport, tallyAttempt, type ProgressLibrary } from '../../src/engine/progress/index.js';
import { loadScenario } from '../../src/engine/scenario/load.js';
import { STORAGE_VERSION } from '../../src/platform/storage.js';
import type { Scenario } from '../../src/engine/scenario/model.js';
import { cliPlay, dojo, open, ROOT, SHOTS, startScenario, playPicks, until, watchErrors, type Dojo , controls } from './helpers.js';

/** A play as the game saved it in version 1. */
interface SavedPlay {
  scenario: string;
  at: string;
  overall: number;
  grade: string;
  outcome: string;
  path: number[];
  seed: number;
}

const live = (page: Page) => page.evaluate(() => document.getElementById('live')!.textContent ?? '');
const saved = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('complaint-dojo')!) as { version: number; settings: Record<string, unknown>; attempts: { scenario: string; overall: number; path: number[]; seed: number; tally?: unknown }[]; best: Record<string, number>; resume: unknown; imported: unknown[] });

/** The library as the game loads it, in Node, to check the page's figures against the engine. */
function nodeLibrary(): ProgressLibrary {
  const cat = loadCatalog('principles.yaml', readFileSync(join(ROOT, 'scenarios/principles.yaml'), 'utf8'));
  if (!cat.ok) throw new Error('catalog');
  const ids = ['broadband-outage', 'door-bump', 'five-to-closing', 'kettle-return', 'router-engineer', 'hand-it-over', 'not-our-fault', 'hotpot-wait', 'birthday-table', 'quiet-passenger', 'returned-cargo', 'cannot-waive', 'damaged-cargo', 'passed-around', 'pile-pitting', 'lost-bill-of-lading'];
  const all: Scenario[] = ids.map((id) => {
    const r = loadScenario(`${id}.yaml`, readFileSync(join(ROOT, `scenarios/library/${id}.yaml`), 'utf8'), cat.catalog);
    if (!r.ok) throw new Error(id);
    return r.scenario;
  });
  return { catalog: cat.catalog, all: () => all, find: (id) => all.find((s) => s.id === id) };
}

/** A short route (at most five replies, no time-out) of a scenario: the highest-scoring such ending route. */
function shortRoute(id: string): number[] {
  const out = JSON.parse(execFileSync('node', ['bin/dojo.mjs', 'paths', `scenarios/library/${id}.yaml`, '--json'], { cwd: ROOT, encoding: 'utf8' })) as {
    endings: { best?: { picks: (number | 't')[]; overall: number }; worst?: { picks: (number | 't')[]; overall: number } }[];
  };
  const routes = out.endings.flatMap((e) => [e.best, e.worst]).filter((r): r is { picks: number[]; overall: number } => !!r && r.picks.length <= 5 && r.picks.every((p) => p !== 't'));
  expect(routes.length, `${id} has a short route`).toBeGreaterThan(0);
  return routes.sort((a, b) => b.overall - a.overall)[0]!.picks;
}

/** From the title: the list, then My progress by its key. */
async function openProgress(page: Page, listShot?: string): Promise<Dojo> {
  await page.keyboard.press('Enter');
  await until(page, (d) => d.scene === 'Select' && d.choices.length > 0, 'the scenario list');
  if (listShot) await page.screenshot({ path: join(SHOTS, listShot) });
  await page.keyboard.press('p');
  return until(page, (d) => d.scene === 'Progress' && !!d.progress, 'My progress');
}

/** Every control of the page on top lies wholly inside the window. */
async function allInView(page: Page, where: string): Promise<void> {
  const vp = page.viewportSize()!;
  const rs = await controls(page);
  expect(rs.length, where).toBeGreaterThan(0);
  for (const r of rs) expect(r.left >= -1 && r.top >= -1 && r.right <= vp.width + 1 && r.bottom <= vp.height + 1, `${where}: "${r.label}" ${JSON.stringify(r)}`).toBe(true);
}

/** The page in a fresh browser with this save, language and screen; screenshots of its top and of its foot. */
async function shoot(browser: Browser, save: string, locale: 'en' | 'zh-CN', name: 'desktop' | 'phone'): Promise<Dojo> {
  const phone = name === 'phone';
  const ctx = await browser.newContext(phone ? { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } : { viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  const check = watchErrors(page);
  const s = JSON.parse(save) as { settings: Record<string, unknown> };
  s.settings.locale = locale;
  await open(page, { storage: JSON.stringify(s), locale });
  const d = await openProgress(page);
  await allInView(page, `${locale} ${name}`);
  await page.screenshot({ path: join(SHOTS, `progress-${locale}-${name}.png`) });
  await page.keyboard.press('End');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SHOTS, `progress-${locale}-${name}-end.png`) });
  check();
  await ctx.close();
  return d;
}

test('three plays by keyboard: My progress shows their figures and a chart per category, in both languages, on a desktop and a phone', async ({ page, browser }) => {
  test.setTimeout(300_000);
  const check = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, { locale: 'en' });
  const played: { id: string; overall: number; path: number[] }[] = [];
  for (const id of ['door-bump', 'kettle-return', 'five-to-closing']) {
    await startScenario(page, id);
    const d = await playPicks(page, shortRoute(id));
    played.push({ id, overall: d.debrief!.overall, path: d.debrief!.path });
    // Back to the title, ready for the next.
    await page.keyboard.press('Escape');
    await until(page, (x) => x.scene === 'Select', 'the list');
    await page.keyboard.press('Escape');
    await until(page, (x) => x.scene === 'Title' && x.ready, 'the title');
  }
  const d = await openProgress(page, 'progress-en-desktop-list-button.png');
  const p = d.progress!;
  expect(p).toMatchObject({ plays: 3, counted: 3, skipped: 0, scenarios: 3, charts: true });
  expect(p.average).toBe(Math.round(played.reduce((s, x) => s + x.overall, 0) / 3));
  // The saved plays are the ones played, each with its tally, and the page shows what the engine computes from them in Node.
  const save = await saved(page);
  expect(save.version).toBe(STORAGE_VERSION);
  expect(save.attempts.map((a) => [a.scenario, a.overall, a.path])).toEqual(played.map((x) => [x.id, x.overall, x.path]));
  expect(save.attempts.every((a) => a.tally)).toBe(true);
  const lib = nodeLibrary();
  const fromPaths = save.attempts.map((a) => ({ ...a, tally: tallyAttempt(lib, a)! }));
  expect(save.attempts.map((a) => a.tally)).toEqual(fromPaths.map((a) => a.tally));
  const r = progressReport(fromPaths, lib, save.best);
  expect(p.principles).toEqual(r.principles.map((x) => ({ id: x.id, honoured: x.honoured, broken: x.broken, trend: x.trend })));
  expect(p.categories).toEqual(Object.fromEntries(r.categories.map((c) => [c.id, c.scores])));
  expect(p.weakest).toBe(r.weakest);
  expect(p.suggestion).toEqual({ scenario: r.suggestion!.scenario, principle: r.suggestion!.principle });
  expect(p.principles.some((x) => x.broken > 0)).toBe(true);
  // Each category chart holds the three plays (null where the category was not at stake).
  for (const scores of Object.values(p.categories)) expect(scores).toHaveLength(3);
  // A screen reader hears the overview, the suggestion and the principles.
  const said = await live(page);
  expect(said).toContain('Plays: 3');
  expect(said).toContain('Work on next');
  await page.screenshot({ path: join(SHOTS, 'progress-en-desktop-played.png') });
  // Escape returns to the list it was opened from.
  await page.keyboard.press('Escape');
  await until(page, (x) => x.scene === 'Select' && !x.progress, 'the list again');
  check();

  const text = JSON.stringify(save);
  for (const locale of ['en', 'zh-CN'] as const) {
    for (const name of ['desktop', 'phone'] as const) {
      const shown = await shoot(browser, text, locale, name);
      expect(shown.progress, `${locale} ${name}`).toEqual(p);
    }
  }
});

test('a version-1 save placed before load shows its plays: migrated, tallied, a removed scenario skipped', async ({ page }) => {
  const check = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  const routes = [
    ['five-to-closing', [2, 2]],
    ['router-engineer', [1, 1]],
    ['broadband-outage', [1, 3]],
  ] as const;
  const attempts = routes.map(([id, picks], i): SavedPlay => {
    const d = cliPlay(`scenarios/library/${id}.yaml`, [...picks]).debrief;
    return { scenario: id, at: `2026-11-2${i}T10:00:00.000Z`, overall: d.overall, grade: d.grade, outcome: d.outcome, path: d.path, seed: 1 };
  });
  attempts.push({ scenario: 'a-file-since-removed', at: '2026-11-23T10:00:00.000Z', overall: 40, grade: 'D', outcome: 'unresolved', path: [0, 1], seed: 1 });
  const v1 = { version: 1, settings: { locale: 'en', muted: true, volume: 0.5, guided: true }, best: Object.fromEntries(attempts.map((a) => [a.scenario, a.overall])), attempts, resume: null, imported: [] };
  await open(page, { storage: JSON.stringify(v1) });
  expect((await dojo(page)).notice, 'a valid version-1 save is not reset').toBeNull();
  const d = await openProgress(page);
  expect(d.progress).toMatchObject({ plays: 4, counted: 3, skipped: 1, scenarios: 4, charts: true, average: Math.round(attempts.reduce((s, a) => s + a.overall, 0) / 4) });
  expect(await live(page)).toContain('1 play could not be read again');
  const save = await saved(page);
  expect(save.version).toBe(STORAGE_VERSION);
  expect(save.settings).toMatchObject({ locale: 'en', muted: true, volume: 0.5, guided: true, ownWords: false });
  expect(save.attempts.map((a) => !!a.tally)).toEqual([true, true, true, false]);
  expect(save.attempts.map(({ tally: _, ...a }) => a)).toEqual(attempts);
  await page.screenshot({ path: join(SHOTS, 'progress-en-desktop-migrated.png') });
  check();
});

test('with no plays the page says what to do; it scrolls, keeps Back on screen, returns where it was opened, and its suggestion starts a scenario', async ({ page }) => {
  const check = watchErrors(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, { locale: 'zh-CN' });
  await page.keyboard.press('Enter');
  await until(page, (d) => d.scene === 'Select' && d.choices.length > 0, 'the list');
  // The button at the top of the list opens it too.
  await page.screenshot({ path: join(SHOTS, 'progress-zh-CN-phone-list-button.png') });
  const button = (await controls(page)).find((c) => c.label === '我的进度')!;
  expect(button, 'My progress on the list').toBeTruthy();
  await page.mouse.click((button.left + button.right) / 2, (button.top + button.bottom) / 2);
  const d = await until(page, (x) => x.scene === 'Progress' && !!x.progress, 'My progress');
  expect(d.progress).toMatchObject({ plays: 0, counted: 0, charts: false, principles: [], weakest: null });
  expect(await live(page)).toContain('还没有练习记录');
  await allInView(page, 'empty');
  await page.screenshot({ path: join(SHOTS, 'progress-zh-CN-phone-empty.png') });
  // P closes it again, back on the list.
  await page.keyboard.press('p');
  await until(page, (x) => x.scene === 'Select' && !x.progress, 'the list again');
  check();
});

test('a long page scrolls by keys and wheel with Back fixed, and the suggestion starts its scenario', async ({ page }) => {
  const check = watchErrors(page);
  await page.setViewportSize({ width: 390, height: 844 });
  const attempts = (
    [
      ['five-to-closing', [2, 2]],
      ['router-engineer', [1, 1]],
      ['five-to-closing', [3, 2, 2, 3, 2, 3, 1, 2, 2]],
      ['broadband-outage', [1, 3]],
      ['kettle-return', [3, 2]],
    ] as const
  ).map(([id, picks], i) => {
    const x = cliPlay(`scenarios/library/${id}.yaml`, [...picks]).debrief;
    return { scenario: id, at: `2026-11-2${i}T10:00:00.000Z`, overall: x.overall, grade: x.grade, outcome: x.outcome, path: x.path, seed: 1 };
  });
  await open(page, { storage: JSON.stringify({ version: 1, settings: { locale: 'en', muted: true, volume: 0.7, guided: true }, best: {}, attempts, resume: null, imported: [] }) });
  await page.keyboard.press('Enter');
  await until(page, (x) => x.scene === 'Select' && x.choices.length > 0, 'the scenario list');
  // The list's header: Back and My progress side by side, wholly on screen.
  const header = (await controls(page)).filter((c) => c.label === 'Back' || c.label === 'My progress');
  expect(header).toHaveLength(2);
  for (const c of header) expect(c.left >= 0 && c.top >= 0 && c.right <= 390 && c.bottom <= 844, JSON.stringify(c)).toBe(true);
  await page.screenshot({ path: join(SHOTS, 'progress-en-phone-list-button.png') });
  await page.keyboard.press('P');
  const d = await until(page, (x) => x.scene === 'Progress' && !!x.progress, 'My progress');
  const top = await controls(page);
  const play = top.find((c) => c.label.startsWith('Play'))!;
  const back = top.find((c) => c.label === 'Back')!;
  expect(d.focus, 'the suggestion is focused first').toBe(play.label);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.waitForTimeout(200);
  const scrolled = await controls(page);
  // Two presses of 80 game pixels: about 85 CSS pixels on a 390-wide phone.
  expect(scrolled.find((c) => c.label === play.label)!.top, 'the arrows scroll the page').toBeLessThan(play.top - 60);
  expect(scrolled.find((c) => c.label === 'Back'), 'Back stays put').toEqual(back);
  expect((await dojo(page)).focus, 'the arrows do not move the focus').toBe(play.label);
  // Five-to-closing played badly, then well: its principles show a trend.
  expect(d.progress!.principles.some((x) => x.trend === 'up')).toBe(true);
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SHOTS, 'progress-en-phone-trends.png') });
  await page.keyboard.press('End');
  await page.mouse.move(195, 400);
  await page.mouse.wheel(0, -20_000);
  // The wheel brings the top back (Chromium may deliver a big wheel turn as several events).
  await expect.poll(async () => (await controls(page)).find((c) => c.label === play.label)?.top, { message: 'the wheel scrolls back to the top' }).toBeCloseTo(play.top, 0);
  await page.keyboard.press('Enter');
  await until(page, (x) => x.scene === 'Play' && x.scenario === d.progress!.suggestion!.scenario, 'the suggested scenario');
  check();
});
