/**
 * What a trainee play-test found on the play screen (issue 13's second round): a language
 * switch mid-turn keeps the turn (its countdown, the call's running time, the intro card),
 * the pause menu keeps focus on the language item, dims the game and fits its buttons.
 */
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { dojo, meanColour, open, SHOTS, startScenario, until, watchErrors } from './helpers.js';

/** The countdown's seconds left, as drawn (either language). */
const brightness = (c: [number, number, number]) => (c[0] + c[1] + c[2]) / 3;

async function secondsLeft(page: Page): Promise<number> {
  const label = await page.locator('.stage-countdown-label').first().textContent();
  const n = Number(/(\d+)/.exec(label ?? '')?.[1]);
  expect(Number.isFinite(n), `a countdown label: ${label}`).toBe(true);
  return n;
}

/** Open the pause menu, switch language there, and check focus stays on the language item. */
async function switchLanguageInPause(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  const menu = await until(page, (d) => d.scene === 'Pause' && d.focusIndex === 0, 'the pause menu');
  const lang = menu.choices.findIndex((c) => c === '切换为简体中文' || c === 'Switch to English');
  expect(lang, `a language item in ${JSON.stringify(menu.choices)}`).toBeGreaterThan(0);
  for (let i = 0; i < lang; i++) await page.keyboard.press('Tab');
  await until(page, (d) => d.focusIndex === lang, 'focus on the language item');
  const before = menu.choices[0];
  await page.keyboard.press('Enter');
  const after = await until(page, (d) => d.scene === 'Pause' && d.choices[0] !== before, 'the menu in the other language');
  // Rebuilt in the new language, the menu keeps focus where it was.
  expect.soft(after.focusIndex, 'focus stays on the language item').toBe(lang);
}

test('a language switch in the pause menu keeps the countdown where it was', async ({ page }) => {
  const check = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, { locale: 'en' });
  await startScenario(page, 'five-to-closing');
  const full = await secondsLeft(page);
  await page.waitForTimeout(3500);
  const before = await secondsLeft(page);
  expect(before, 'the clock runs').toBeLessThan(full);
  await switchLanguageInPause(page);
  await page.keyboard.press('Escape');
  await until(page, (d) => d.scene === 'Play' && d.phase === 'choosing', 'the replies again');
  const after = await secondsLeft(page);
  await page.screenshot({ path: join(SHOTS, 'playfixes-language-countdown.png') });
  expect(after, `the countdown went on from ${before} s (it was ${full} s at the start)`).toBeLessThanOrEqual(before);
  expect((await dojo(page)).phase).toBe('choosing');
  check();
});

test('phone: a language switch keeps the call clock, and the intro card comes back in the new language', async ({ page }) => {
  const check = watchErrors(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, { locale: 'zh-CN' });
  await page.keyboard.press('Enter');
  const { focusCard } = await import('./helpers.js');
  await focusCard(page, 'router-engineer');
  await page.keyboard.press('Enter');
  await until(page, (d) => d.scene === 'Play' && d.phase === 'intro', 'the intro card');
  // On the intro card: the switch brings the card back, not the first line.
  await switchLanguageInPause(page);
  await page.keyboard.press('Escape');
  const intro = await until(page, (d) => d.scene === 'Play' && d.phase !== 'loading', 'the play screen again');
  expect(intro.phase, 'the intro card again').toBe('intro');
  await page.screenshot({ path: join(SHOTS, 'playfixes-intro-en-phone.png') });
  await page.keyboard.press('Enter');
  await until(page, (d) => d.phase === 'choosing', 'the first replies');
  await page.waitForTimeout(4200);
  const timer = page.locator('.stage-call-timer');
  const seconds = async () => {
    const [m, s] = (await timer.textContent())!.split(':').map(Number);
    return m! * 60 + s!;
  };
  const before = await seconds();
  expect(before, 'the call has run').toBeGreaterThanOrEqual(3);
  await switchLanguageInPause(page);
  await page.keyboard.press('Escape');
  await until(page, (d) => d.scene === 'Play' && d.phase === 'choosing', 'the replies again');
  expect(await seconds(), 'the call clock goes on').toBeGreaterThanOrEqual(before);
  check();
});

test('the pause menu dims the game behind it and its last button sits inside the panel', async ({ page }) => {
  const check = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, { locale: 'en', reducedMotion: false });
  await startScenario(page, 'five-to-closing');
  // The customer, left of the menu.
  const customer = { x: 120, y: 560, w: 160, h: 120 };
  const before = brightness(await meanColour(page, await page.screenshot(), customer));
  await page.keyboard.press('Escape');
  await until(page, (d) => d.scene === 'Pause' && d.focusIndex === 0, 'the pause menu');
  await page.waitForTimeout(300);
  const shot = await page.screenshot({ path: join(SHOTS, 'playfixes-pause-en.png') });
  const after = brightness(await meanColour(page, shot, customer));
  expect.soft(after, `dimmed: ${after.toFixed(0)} against ${before.toFixed(0)} before`).toBeLessThan(before * 0.6);
  const controls = await page.evaluate(() => (window as unknown as { dojoControls: () => { bottom: number; left: number; right: number }[] }).dojoControls());
  const last = controls.at(-1)!;
  // Under the last button, the panel's own colour (light), not the dimmed game.
  const below = await meanColour(page, shot, { x: Math.round((last.left + last.right) / 2) - 20, y: Math.round(last.bottom) + 10, w: 40, h: 4 });
  expect(brightness(below), `panel under the last button: ${below.map(Math.round).join(',')}`).toBeGreaterThan(200);
  check();
});

test('phone: the stage direction is at least 14 CSS px', async ({ page }) => {
  const check = watchErrors(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, { locale: 'zh-CN' });
  await page.keyboard.press('Enter');
  const { focusCard } = await import('./helpers.js');
  await focusCard(page, 'five-to-closing');
  await page.keyboard.press('Enter');
  await until(page, (d) => d.scene === 'Play' && d.phase === 'intro', 'the intro card');
  await page.screenshot({ path: join(SHOTS, 'playfixes-intro-zh-phone.png') });
  await page.keyboard.press('Enter');
  await until(page, (d) => d.phase === 'choosing', 'the first replies');
  // The note's font size as drawn: its CSS size times the stage's scale on the page.
  const px = await page.evaluate(() => {
    const note = document.querySelector('.stage-speech-note') as HTMLElement;
    const stage = document.querySelector('.stage') as HTMLElement;
    const scale = stage.getBoundingClientRect().width / stage.offsetWidth;
    return parseFloat(getComputedStyle(note).fontSize) * scale;
  });
  expect(px, `the stage direction is ${px.toFixed(1)} CSS px`).toBeGreaterThanOrEqual(14);
  await page.keyboard.press('1');
  await until(page, (d) => d.phase === 'coaching', 'coaching');
  await page.screenshot({ path: join(SHOTS, 'playfixes-coaching-zh-phone.png') });
  check();
});
