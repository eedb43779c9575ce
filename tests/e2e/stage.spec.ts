/**
 * The stage under the canvas (src/game/stage): the customer, their line, the meters and the
 * countdown are page elements that must show exactly what the session holds, sit where the
 * canvas puts its panels, and stay covered by what the canvas draws over them.
 */
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { cliPaths, dojo, open, SHOTS, startScenario, until, watchErrors } from './helpers.js';

const FIRST = 'broadband-outage';

const stage = (page: Page) =>
  page.evaluate(() => {
    const q = (s: string) => document.querySelector(s);
    const shown = [...document.querySelectorAll<HTMLImageElement>('img.stage-face.shown')];
    const line = q('.stage-speech-line');
    const unsaid = q('.stage-speech-unsaid');
    return {
      faces: shown.map((i) => i.getAttribute('src')),
      faceCount: document.querySelectorAll('img.stage-face').length,
      speechHidden: (q('.stage-speech') as HTMLElement | null)?.hidden ?? null,
      line: line?.textContent ?? '',
      unsaid: unsaid?.textContent ?? '',
      meters: [...document.querySelectorAll('.stage-meter')].map((m) => [m.querySelector('.stage-meter-name')!.textContent, Number(m.querySelector('.stage-meter-value')!.textContent)] as const),
      countdown: q('.stage-countdown-label')?.textContent ?? null,
      live: q('#live')?.textContent ?? '',
    };
  });

/** Where the stage and the canvas are on the page. */
const boxes = (page: Page) =>
  page.evaluate(() => {
    const r = (e: Element) => {
      const b = e.getBoundingClientRect();
      return { x: Math.round(b.x), y: Math.round(b.y), w: Math.round(b.width), h: Math.round(b.height) };
    };
    return { stage: r(document.querySelector('.stage')!), canvas: r(document.querySelector('canvas')!) };
  });

test('the stage shows what the session holds: face, line typed out, meters', async ({ page }) => {
  const check = watchErrors(page);
  await open(page, { locale: 'en', reducedMotion: false });
  await page.keyboard.press('Enter');
  await until(page, (d) => d.scene === 'Select' && d.choices.length > 0, 'the scenario list');
  await page.keyboard.press('Enter');
  await until(page, (d) => d.phase === 'intro', 'the intro');
  const intro = await stage(page);
  const atIntro = await dojo(page);
  expect(intro.faceCount).toBe(8);
  expect(intro.faces, 'the customer stands there from the start').toEqual([`characters/${atIntro.customer!.character}/${atIntro.customer!.expression}.svg`]);
  expect(intro.speechHidden, 'no empty speech panel under the intro card').toBe(true);

  await page.keyboard.press('Enter');
  await until(page, (d) => d.phase === 'line', 'the line being typed');
  const typing = await stage(page);
  expect(typing.speechHidden).toBe(false);
  expect(typing.unsaid.length, 'part of the line still to come').toBeGreaterThan(0);

  const d = await until(page, (x) => x.phase === 'choosing', 'the choices');
  const s = await stage(page);
  expect(s.unsaid).toBe('');
  // The whole line was laid out from the start (the rest only not yet visible): nothing re-wraps.
  expect(typing.line).toBe(s.line);
  expect(s.live, 'the live region speaks the same line').toContain(s.line);
  expect(s.faces).toEqual([`characters/${d.customer!.character}/${d.customer!.expression}.svg`]);
  expect(s.meters.map(([, v]) => v)).toEqual(Object.values(d.customer!.meters));
  expect(s.meters.map(([n]) => n)).toEqual(['Anger', 'Trust', 'Patience']);
  const b = await boxes(page);
  expect(b.stage).toEqual(b.canvas);

  // After a reply the face and the meters follow the customer.
  await page.keyboard.press('2');
  const after = await until(page, (x) => x.phase === 'coaching', 'coaching');
  await page.waitForTimeout(700);
  const s2 = await stage(page);
  expect(s2.faces).toEqual([`characters/${after.customer!.character}/${after.customer!.expression}.svg`]);
  expect(s2.meters.map(([, v]) => v)).toEqual(Object.values(after.customer!.meters));

  // A click on the line panel shows the rest of the line at once: long before the
  // typewriter (two characters per 30 ms) would have got there.
  await page.keyboard.press('Enter');
  await until(page, (x) => x.phase === 'line', 'the next line being typed');
  const before = await stage(page);
  expect(before.unsaid.length, 'enough of the line left to tell a click from the typewriter').toBeGreaterThan(30);
  await page.mouse.click(900, 140);
  await until(page, (x) => x.phase === 'choosing', 'the choices after the click', 300);
  expect((await stage(page)).unsaid).toBe('');
  check();
});

test('the stage follows the canvas when a phone turns, and leaves with the scene', async ({ page }) => {
  const check = watchErrors(page);
  await open(page, { locale: 'zh-CN' });
  await startScenario(page, FIRST);
  const wide = await boxes(page);
  expect(wide.stage).toEqual(wide.canvas);
  await page.setViewportSize({ width: 390, height: 844 });
  // The rebuilt scene lays the meters out for portrait (the first at x = 130).
  await expect.poll(() => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.stage-meter')].map((m) => m.style.left)[0])).toBe('130px');
  await until(page, (d) => d.scene === 'Play' && d.phase === 'choosing', 'the choices after turning');
  const tall = await boxes(page);
  expect(tall.canvas.h).toBeGreaterThan(tall.canvas.w);
  expect(tall.stage).toEqual(tall.canvas);
  // One set of stage elements: the rebuilt scene removed the old ones.
  const s = await stage(page);
  expect(s.faceCount).toBe(8);
  expect(s.meters).toHaveLength(3);
  await page.keyboard.press('Escape');
  await until(page, (d) => d.scene === 'Pause', 'the pause menu');
  await page.keyboard.press('Shift+Tab');
  await until(page, (d) => d.scene === 'Pause' && d.focusIndex === d.choices.length - 1, 'focus on leaving (the last item)');
  await page.keyboard.press('Enter');
  await until(page, (d) => d.scene === 'Select', 'the scenario list');
  expect(await page.locator('.stage > *').count(), 'nothing left on the stage').toBe(0);
  check();
});

test('a timed decision shows the countdown on the stage, and it runs down', async ({ page }) => {
  const check = watchErrors(page);
  await open(page, { locale: 'en' });
  await startScenario(page, FIRST);
  const picks = cliPaths(`scenarios/library/${FIRST}.yaml`).best.picks;
  for (const p of picks) {
    const d = await until(page, (x) => x.phase === 'choosing', 'choices');
    if (d.node === 'when-fixed') break;
    await page.keyboard.press(String(p));
    await until(page, (x) => x.phase === 'coaching', 'coaching');
    await page.keyboard.press('Enter');
  }
  expect((await dojo(page)).node).toBe('when-fixed');
  const first = Number((await stage(page)).countdown?.match(/\d+/)?.[0]);
  // The customer's 20 seconds, after the time to read the replies (engine/reading.ts).
  expect(first).toBeGreaterThan(25);
  expect(first).toBeLessThanOrEqual(60);
  await page.waitForTimeout(2200);
  const later = Number((await stage(page)).countdown?.match(/\d+/)?.[0]);
  expect(later).toBeLessThan(first);
  await page.screenshot({ path: join(SHOTS, 'play-countdown-en.png') });
  await page.keyboard.press('1');
  await until(page, (x) => x.phase === 'coaching', 'coaching');
  expect((await stage(page)).countdown, 'the countdown goes with the choices').toBeNull();
  check();
});
