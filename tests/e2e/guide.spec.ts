/**
 * The first-play guide (issue 13): over the first decision of a trainee's first play it
 * explains this customer's meters, the keys, the clock and the coaching, each step lighting
 * up what it explains; skippable, remembered, and in the pause menu again.
 */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { begin, dojo, focusCard, meanColour, open, SHOTS, startScenario, until, watchErrors } from './helpers.js';

const fresh = (locale: string) => JSON.stringify({ version: 1, settings: { locale, muted: true, volume: 0.7 }, best: {}, attempts: [], resume: null, imported: [] });
const live = (page: import('@playwright/test').Page) => page.evaluate(() => document.getElementById('live')!.textContent ?? '');

/** A first play of hotpot-wait (an angry customer) at 1280×800 in English, up to the guide's first card. */
async function guideOverHotpot(page: import('@playwright/test').Page): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, { storage: fresh('en') });
  await startScenario(page, 'hotpot-wait', { guide: true });
  await until(page, (x) => x.scene === 'Guide' && x.choices.length === 2, 'the guide');
}

for (const [locale, size, id] of [
  ['en', { width: 1280, height: 800 }, 'hotpot-wait'],
  ['zh-CN', { width: 390, height: 844 }, 'kettle-return'],
] as const) {
  test(`${locale} ${size.width}×${size.height}: a first play opens the guide over the first decision; four steps; then the replies, and never again`, async ({ page }) => {
    const check = watchErrors(page);
    await page.setViewportSize(size);
    await open(page, { storage: fresh(locale) });
    await startScenario(page, id, { guide: true });
    const steps: string[] = [];
    for (let n = 1; n <= 4; n++) {
      const d = await until(page, (x) => x.scene === 'Guide' && x.choices.length === 2, `guide step ${n}`);
      const mark = locale === 'en' ? `Step ${n} of 4` : `第 ${n} 步`;
      await expect.poll(() => live(page), `step ${n} said`).toContain(mark);
      const said = await live(page);
      steps.push(said);
      await page.screenshot({ path: join(SHOTS, `guide-${n}-${locale}-${size.width}.png`) });
      expect(d.focus, 'the primary button focused').toBe(d.choices[0]);
      if (size.width === 1280 && n === 1) {
        // The meters' card sits over the customer's column, not over the start of their line (panel at x 500).
        const rs = await page.evaluate(() => (window as unknown as { dojoControls: () => { right: number }[] }).dojoControls());
        for (const r of rs) expect(r.right + 22, 'the card ends left of the line').toBeLessThanOrEqual(490);
      }
      await page.keyboard.press('Enter');
    }
    // The meters of this customer type are explained, the keys, and what a time-out means.
    expect(steps[0]).toContain(locale === 'en' ? 'Anger' : '跑题');
    expect(steps[1]).toContain(locale === 'en' ? 'Press a reply\u2019s number' : '按回答前的数字键');
    const back = await until(page, (x) => x.scene === 'Play' && x.phase === 'choosing', 'the replies after the guide');
    expect(back.choices.length).toBeGreaterThan(1);
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('complaint-dojo')!));
    expect(saved.settings.guided).toBe(true);
    // The pause menu opens it again, over the same decision; Escape leaves it.
    await page.keyboard.press('Escape');
    const pause = await until(page, (x) => x.scene === 'Pause', 'the pause menu');
    expect(pause.choices[2]).toBe(locale === 'en' ? 'How to play' : '玩法说明');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await until(page, (x) => x.focusIndex === 2, 'focus on the guide');
    await page.keyboard.press('Enter');
    await until(page, (x) => x.scene === 'Guide', 'the guide again');
    await page.keyboard.press('Escape');
    await until(page, (x) => x.scene === 'Pause', 'back to the pause menu');
    await page.keyboard.press('Escape');
    await until(page, (x) => x.scene === 'Play' && x.phase === 'choosing', 'the replies');
    // A reload and another scenario: no guide.
    await page.reload();
    await until(page, (x) => x.scene === 'Title' && x.ready, 'the title');
    await page.keyboard.press('Tab');
    await until(page, (x) => x.scene === 'Title' && x.focusIndex === 1, 'focus on the list');
    check();
  });
}

test('skipping the guide by touch is remembered; the clock did not run under it', async ({ page }) => {
  const check = watchErrors(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, { storage: fresh('en') });
  await startScenario(page, 'five-to-closing', { guide: true });
  const d = await until(page, (x) => x.scene === 'Guide', 'the guide');
  const skip = (await page.evaluate(() => (window as unknown as { dojoControls: () => { label: string; left: number; top: number; right: number; bottom: number }[] }).dojoControls())).find((c) => c.label === 'Skip the guide');
  expect(skip, JSON.stringify(d.choices)).toBeTruthy();
  await page.waitForTimeout(1500);
  await page.mouse.click((skip!.left + skip!.right) / 2, (skip!.top + skip!.bottom) / 2);
  await until(page, (x) => x.scene === 'Play' && x.phase === 'choosing', 'the replies');
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('complaint-dojo')!));
  expect(saved.settings.guided).toBe(true);
  expect((await dojo(page)).score!.turns).toBe(0);
  check();
});

test.describe('on a touch phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  for (const locale of ['zh-CN', 'en'] as const) {
    test(`${locale}: the guide names taps and the Pause button, not keys`, async ({ page }) => {
      const check = watchErrors(page);
      await open(page, { storage: fresh(locale) });
      await startScenario(page, 'kettle-return', { guide: true });
      const said: string[] = [];
      for (let n = 1; n <= 4; n++) {
        await until(page, (x) => x.scene === 'Guide' && x.choices.length === 2, `guide step ${n}`);
        await expect.poll(() => live(page), `step ${n} said`).toContain(locale === 'en' ? `Step ${n} of 4` : `第 ${n} 步`);
        said.push(await live(page));
        if (n === 4) await page.screenshot({ path: join(SHOTS, `guide-touch-4-${locale}.png`) });
        await page.keyboard.press('Enter');
      }
      expect(said[1]).toContain(locale === 'en' ? 'Tap a reply' : '点按一条回答');
      expect(said[1]).not.toContain(locale === 'en' ? 'arrow keys' : '方向键');
      expect(said[3]).toContain(locale === 'en' ? 'Pause button' : '暂停');
      expect(said[3]).not.toContain('Esc');
      check();
    });
  }
});

test('a customer type met for the first time after the guide: its meters alone, once', async ({ page }) => {
  const check = watchErrors(page);
  // The whole guide over an angry customer, skipped at its first step.
  await guideOverHotpot(page);
  await page.keyboard.press('Escape');
  await until(page, (x) => x.scene === 'Play' && x.phase === 'choosing', 'the replies');
  expect((await page.evaluate(() => JSON.parse(localStorage.getItem('complaint-dojo')!))).settings.metersSeen).toEqual(['angry']);
  // To the list by the pause menu's last item (End), then a talkative customer.
  const toList = async () => {
    await page.keyboard.press('Escape');
    await until(page, (x) => x.scene === 'Pause', 'the pause menu');
    await page.keyboard.press('End');
    await until(page, (x) => x.scene === 'Pause' && x.focusIndex === x.choices.length - 1, 'End: the last item');
    await page.keyboard.press('Enter');
  };
  await toList();
  await focusCard(page, 'kettle-return');
  await page.keyboard.press('Enter');
  await begin(page, 'kettle-return', { guide: true });
  const d = await until(page, (x) => x.scene === 'Guide' && x.choices.length === 1, 'the meters of a talkative customer');
  expect(d.choices).toEqual(['Got it']);
  await expect.poll(() => live(page)).toContain('A new kind of customer');
  expect(await live(page)).toContain('Drift');
  await page.screenshot({ path: join(SHOTS, 'guide-new-type-en.png') });
  await page.keyboard.press('Enter');
  await until(page, (x) => x.scene === 'Play' && x.phase === 'choosing', 'the replies');
  expect((await page.evaluate(() => JSON.parse(localStorage.getItem('complaint-dojo')!))).settings.metersSeen).toEqual(['angry', 'talkative']);
  // Another talkative customer: no guide.
  await toList();
  await focusCard(page, 'returned-cargo');
  await page.keyboard.press('Enter');
  await begin(page, 'returned-cargo');
  check();
});

for (const [locale, size, touch] of [
  ['en', { width: 1280, height: 800 }, false],
  ['zh-CN', { width: 390, height: 844 }, true],
] as const) {
  test(`${locale} ${size.width}×${size.height}: the guide leaves the Pause button in view and usable; closed, the screen reader hears the play screen again`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: size, hasTouch: touch, isMobile: touch });
    const page = await context.newPage();
    const check = watchErrors(page);
    await open(page, { storage: fresh(locale) });
    await startScenario(page, 'kettle-return', { guide: true });
    await until(page, (x) => x.scene === 'Guide' && x.choices.length === 2, 'guide step 1');
    await expect.poll(() => live(page)).toContain(locale === 'en' ? 'Step 1 of 4' : '第 1 步');
    const underGuide = await page.screenshot({ scale: 'css' });
    await page.screenshot({ path: join(SHOTS, `guide-pause-${locale}-${size.width}.png`) });
    // Skipped: the play screen, and what the screen reader hears is its line and replies, not the guide.
    await page.keyboard.press('Escape');
    const d = await until(page, (x) => x.scene === 'Play' && x.phase === 'choosing', 'the replies');
    await expect.poll(() => live(page)).not.toContain(locale === 'en' ? 'Step 1 of 4' : '第 1 步');
    expect(await live(page)).toContain(locale === 'en' ? 'Mrs Zhou' : '周老师');
    expect(await live(page)).toContain('1. ');
    expect(d.choices.length).toBeGreaterThan(1);
    // The Pause button (play/playLayout.ts; a phone's controls are a finger high, 84 canvas pixels), in CSS pixels.
    const k = size.width / (touch ? 720 : 1280);
    const [cx, cy, bw, bh] = touch ? [62, 52, 104, 84] : [88, 42, 156, 48];
    const pause = { left: (cx - bw / 2) * k, top: (cy - bh / 2) * k, right: (cx + bw / 2) * k, bottom: (cy + bh / 2) * k };
    // Inside its frame, a few pixels in.
    const inner = { x: Math.round(pause.left) + 4, y: Math.round(pause.top) + 4, w: Math.round(pause.right - pause.left) - 8, h: Math.round(pause.bottom - pause.top) - 8 };
    // Under the guide it looked as it does now: not under the card, not dimmed.
    const [before, after] = [await meanColour(page, underGuide, inner), await meanColour(page, await page.screenshot({ scale: 'css' }), inner)];
    for (let k = 0; k < 3; k++) expect(Math.abs(before[k]! - after[k]!), `the Pause button under the guide (${before} vs ${after})`).toBeLessThan(6);

    // Usable: the guide again (through the pause menu), then a tap on Pause closes it and opens the pause menu.
    await page.keyboard.press('Escape');
    await until(page, (x) => x.scene === 'Pause', 'the pause menu');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await until(page, (x) => x.focusIndex === 2, 'focus on the guide');
    await page.keyboard.press('Enter');
    await until(page, (x) => x.scene === 'Guide', 'the guide from the pause menu');
    const at = { x: (pause.left + pause.right) / 2, y: (pause.top + pause.bottom) / 2 };
    if (touch) await page.touchscreen.tap(at.x, at.y);
    else await page.mouse.click(at.x, at.y);
    await until(page, (x) => x.scene === 'Pause', 'back to the pause menu by the Pause button');
    await expect.poll(() => live(page)).not.toContain(locale === 'en' ? 'Step 1 of 4' : '第 1 步');
    await page.keyboard.press('Escape');
    await until(page, (x) => x.scene === 'Play' && x.phase === 'choosing', 'the replies');
    await context.close();
    check();
  });
}

test('a first play: a tap on Pause under the guide opens the pause menu; Resume goes back to the replies', async ({ page }) => {
  const check = watchErrors(page);
  await guideOverHotpot(page);
  // The play screen's Pause button, top left (play/playLayout.ts: centred at 88,42, 156 wide).
  await page.mouse.click(88, 42);
  const p = await until(page, (x) => x.scene === 'Pause', 'the pause menu');
  expect(p.choices[0]).toBe('Resume');
  expect(await live(page)).toContain('Resume');
  await page.keyboard.press('Enter');
  await until(page, (x) => x.scene === 'Play' && x.phase === 'choosing', 'the replies');
  expect(await live(page)).not.toContain('Step 1 of 4');
  expect((await dojo(page)).score!.turns).toBe(0);
  check();
});
