/**
 * The play-test's layout and input bugs (issue 13): no control cut off on a 1280×800 screen or a
 * phone, the canvas filling the window once (not centred twice), a drag that scrolls the list
 * never opening a scenario, the arrows moving across the list's columns, the trainer's tools
 * apart from the learners' list, and the debrief focusing its primary action.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { controls, dojo, focusCard, open, ROOT, SHOTS, until, watchErrors } from './helpers.js';



/** Every control of the screen on top lies wholly inside the window. */
async function allInView(page: Page, where: string): Promise<void> {
  const vp = page.viewportSize()!;
  const rs = await controls(page);
  rs.forEach((a, i) =>
    rs.slice(i + 1).forEach((b) => {
      const overlap = a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
      expect(overlap, `${where}: "${a.label.split('\n')[0]}" overlaps "${b.label.split('\n')[0]}"`).toBe(false);
    }),
  );
  expect(rs.length, `${where}: controls on screen`).toBeGreaterThan(0);
  for (const r of rs) {
    const inside = r.left >= -1 && r.top >= -1 && r.right <= vp.width + 1 && r.bottom <= vp.height + 1;
    expect(inside, `${where}: "${r.label.split('\n')[0]}" at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)} in ${vp.width}×${vp.height}`).toBe(true);
    // On a phone every control is a finger's height (44 CSS pixels), and none overlaps another.
    if (vp.width < 500) expect(r.bottom - r.top, `${where}: "${r.label.split('\n')[0]}" is ${Math.round(r.bottom - r.top)} px high`).toBeGreaterThanOrEqual(44);
  }
}

const LIBRARY = readdirSync(join(ROOT, 'scenarios/library'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));

for (const [name, viewport, locale] of [
  ['desktop', { width: 1280, height: 800 }, 'en'],
  ['phone', { width: 390, height: 844 }, 'en'],
  ['phone', { width: 390, height: 844 }, 'zh-CN'],
] as const) {
  test(`${name} ${viewport.width}×${viewport.height}, ${locale}: every scenario's intro card and first replies fit the screen`, async ({ page }) => {
    test.setTimeout(240_000);
    const check = watchErrors(page);
    await page.setViewportSize(viewport);
    await open(page, { locale });
    const canvas = await page.evaluate(() => {
      const b = document.querySelector('canvas')!.getBoundingClientRect();
      return { x: b.x, y: b.y, w: b.width, h: b.height };
    });
    // Fitted once and centred once: the canvas fills the window (within a rounding pixel or two).
    expect(Math.abs(canvas.x), 'left gap').toBeLessThanOrEqual(2);
    expect(Math.abs(canvas.y), 'top gap').toBeLessThanOrEqual(2);
    expect(Math.abs(canvas.w - viewport.width), 'width').toBeLessThanOrEqual(2);
    expect(Math.abs(canvas.h - viewport.height), 'height').toBeLessThanOrEqual(2);
    await allInView(page, 'title');
    await page.keyboard.press('Enter');
    for (const id of LIBRARY) {
      await focusCard(page, id);
      await page.keyboard.press('Enter');
      await until(page, (d) => d.scene === 'Play' && d.phase === 'intro' && d.scenario === id, `the intro of ${id}`);
      await allInView(page, `${id} intro`);
      if (id === 'lost-bill-of-lading' || id === 'cannot-waive') await page.screenshot({ path: join(SHOTS, `intro-${id}-${name}-${locale}.png`) });
      await page.keyboard.press('Enter');
      await until(page, (d) => d.phase === 'choosing', `the first replies of ${id}`);
      await allInView(page, `${id} first replies`);
      if (id === LIBRARY[0]) {
        // The coaching card's buttons too (Continue, Try this turn again).
        await page.keyboard.press('2');
        await until(page, (d) => d.phase === 'coaching', `the coaching of ${id}`);
        await allInView(page, `${id} coaching`);
      }
      // Back to the list through the pause menu: its last item.
      await page.keyboard.press('Escape');
      await until(page, (d) => d.scene === 'Pause' && d.focusIndex === 0, 'the pause menu');
      await allInView(page, `${id} pause menu`);
      await page.keyboard.press('Shift+Tab');
      await until(page, (d) => d.scene === 'Pause' && d.focusIndex === d.choices.length - 1, 'focus on leaving (the last item)');
      await page.keyboard.press('Enter');
    }
    check();
  });
}

test('a drag that scrolls the list opens nothing; a click still opens the card', async ({ page }) => {
  const check = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, { locale: 'en' });
  await page.keyboard.press('Enter');
  await until(page, (d) => d.scene === 'Select' && d.choices.length > 0, 'the list');
  const card = (await controls(page))[1]!;
  const x = (card.left + card.right) / 2;
  const y = (card.top + card.bottom) / 2;
  // Press on one card, drag up over the list, release on another card.
  await page.mouse.move(x, y + 120);
  await page.mouse.down();
  for (let k = 1; k <= 10; k++) await page.mouse.move(x, y + 120 - k * 12);
  await page.mouse.up();
  await page.waitForTimeout(400);
  expect((await dojo(page)).scene, 'a drag must not open a scenario').toBe('Select');
  // A plain click opens the card under it.
  const again = (await controls(page))[0]!;
  await page.mouse.click((again.left + again.right) / 2, (again.top + again.bottom) / 2);
  await until(page, (d) => d.scene === 'Play', 'the scenario opened by a click');
  check();
});

/**
 * A phone on the scenario list (tapped in from the title), and a finger on it through the DevTools
 * protocol: `swipe(from, ys)` touches at the first card's column and `from`, moves through `ys`, lets go.
 */
async function phoneList(browser: Browser) {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await ctx.newPage();
  const check = watchErrors(page);
  await open(page, { locale: 'zh-CN' });
  const start = (await controls(page))[0]!;
  await page.touchscreen.tap((start.left + start.right) / 2, (start.top + start.bottom) / 2);
  await until(page, (d) => d.scene === 'Select' && d.choices.length > 0, 'the list');
  const first = (await controls(page))[0]!;
  const cdp = await ctx.newCDPSession(page);
  const x = (first.left + first.right) / 2;
  const swipe = async (from: number, ys: number[]) => {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: from }] });
    for (const y of ys) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page.waitForTimeout(400);
  };
  return { page, check, first, swipe, close: () => ctx.close() };
}

test('a swipe on a phone scrolls the list without opening a scenario', async ({ browser }) => {
  const { page, check, first, swipe, close } = await phoneList(browser);
  const y0 = (first.top + first.bottom) / 2 + 300;
  await swipe(y0, Array.from({ length: 12 }, (_, k) => y0 - (k + 1) * 20));
  expect((await dojo(page)).scene, 'a swipe must not open a scenario').toBe('Select');
  const moved = (await controls(page))[0]!;
  expect(moved.top, 'the list scrolled').toBeLessThan(first.top - 100);
  await page.screenshot({ path: join(SHOTS, 'select-phone-scrolled.png') });
  check();
  await close();
});

test('at the top of the list, a pull down or a swipe that comes back opens nothing', async ({ browser }) => {
  const { page, check, first, swipe, close } = await phoneList(browser);
  const y0 = (first.top + first.bottom) / 2;
  // Pulled down at the top: the list cannot move, the finger did.
  await swipe(y0, [y0 + 20, y0 + 60, y0 + 120]);
  expect((await dojo(page)).scene, 'a pull at the top must not open a scenario').toBe('Select');
  // Up and back down to where it began (a swipe that changed its mind).
  const steps = Array.from({ length: 15 }, (_, k) => y0 - 4 * (k + 1));
  await swipe(y0, [...steps, ...steps.reverse(), y0 + 1]);
  expect((await dojo(page)).scene, 'a swipe that came back must not open a scenario').toBe('Select');
  check();
  await close();
});

test('the arrows move across the list\'s columns; the trainer\'s tools sit below the learners\' scenarios', async ({ page }) => {
  const check = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, { locale: 'en' });
  await page.keyboard.press('Enter');
  await until(page, (d) => d.scene === 'Select' && d.focusIndex === 0, 'the list, first card focused');
  const rs = await controls(page);
  await page.keyboard.press('ArrowRight');
  const right = await until(page, (d) => d.focusIndex !== 0, 'focus moved right');
  const moved = rs[right.focusIndex!]!;
  expect(moved.left, 'the next column').toBeGreaterThan(rs[0]!.right);
  expect(Math.abs(moved.top - rs[0]!.top), 'the same row').toBeLessThan(40);
  await page.keyboard.press('ArrowLeft');
  await until(page, (d) => d.focusIndex === 0, 'back to the first card');
  // End and Home: the list's last item and its first.
  await page.keyboard.press('End');
  await until(page, (d) => d.focusIndex === rs.length - 1, 'End: the last item');
  await page.keyboard.press('Home');
  await until(page, (d) => d.focusIndex === 0, 'Home: the first card');
  const open_ = rs.find((r) => r.label.startsWith('Open a scenario file'))!;
  const studio = rs.find((r) => r.label.startsWith('Open the scenario studio'))!;
  const lowestCard = Math.max(...rs.filter((r) => r !== open_ && r !== studio && r.label !== 'Back').map((r) => r.bottom));
  expect(open_.top, 'the open-file button below every card').toBeGreaterThan(lowestCard);
  expect(studio.top, 'the studio beside it, among the trainer\'s tools').toBeGreaterThan(open_.bottom);
  // It opens the studio in a tab of its own; the game stays on the list.
  for (let i = 0; i < 3 && !(await dojo(page)).focus?.startsWith('Open the scenario studio'); i++) await page.keyboard.press('Shift+Tab');
  const [tab] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('Enter')]);
  await tab.waitForLoadState();
  expect(new URL(tab.url()).pathname).toMatch(/studio(\.html)?$/);
  await tab.close();
  expect((await dojo(page)).scene).toBe('Select');
  check();
});
