/** The game as a person uses it: language, sound, resuming, bad saved data, phones, every scene on screen. */
import { join } from 'node:path';
import { expect, test, type Route } from '@playwright/test';
import { dojo, open, SHOTS, startScenario, until, watchErrors } from './helpers.js';

const FIRST = 'broadband-outage';

test('switching language mid-game takes effect at once and keeps the conversation', async ({ page }) => {
  const check = watchErrors(page);
  await open(page, { locale: 'zh-CN' });
  await startScenario(page, FIRST);
  await page.keyboard.press('1');
  await until(page, (d) => d.phase === 'coaching', 'coaching');
  await page.keyboard.press('Enter');
  const before = await until(page, (d) => d.phase === 'choosing', 'choices');
  expect(before.choices.join('')).toMatch(/[\u4e00-\u9fff]/);
  await page.keyboard.press('Escape');
  const pause = await until(page, (d) => d.scene === 'Pause', 'the pause menu');
  await page.screenshot({ path: join(SHOTS, 'pause-zh-CN.png') });
  expect(pause.choices[4]).toBe('Switch to English');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await until(page, (d) => d.focus === 'Switch to English', 'focus on the language button');
  await page.keyboard.press('Enter');
  await until(page, (d) => d.locale === 'en' && d.scene === 'Pause' && d.choices[0] === 'Resume', 'the pause menu in English');
  await page.screenshot({ path: join(SHOTS, 'pause-en.png') });
  await page.keyboard.press('Escape');
  const after = await until(page, (d) => d.scene === 'Play' && d.phase === 'choosing', 'choices in English');
  expect(after.node).toBe(before.node);
  expect(after.choices.join('')).not.toMatch(/[\u4e00-\u9fff]/);
  check();
});

test('mute is remembered across a reload', async ({ page }) => {
  const check = watchErrors(page);
  await open(page, { storage: JSON.stringify({ version: 1, settings: { locale: 'en', muted: false, volume: 0.7 }, best: {}, attempts: [], resume: null, imported: [] }) });
  expect((await dojo(page)).choices).toContain('Sound: on');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await until(page, (d) => d.focus === 'Sound: on', 'focus on the sound button');
  await page.keyboard.press('Enter');
  await until(page, (d) => d.choices.includes('Sound: off'), 'sound off');
  await page.reload();
  const d = await until(page, (x) => x.scene === 'Title' && x.ready, 'the title after reload');
  expect(d.choices).toContain('Sound: off');
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('complaint-dojo')!));
  expect(saved.settings.muted).toBe(true);
  check();
});

test('a reload resumes the conversation where it was', async ({ page }) => {
  const check = watchErrors(page);
  await open(page, { locale: 'en' });
  await startScenario(page, FIRST);
  // Two replies that keep the conversation going (broadband-outage: 2, then 3).
  for (const k of ['2', '3']) {
    await until(page, (d) => d.phase === 'choosing', 'choices');
    await page.keyboard.press(k);
    await until(page, (d) => d.phase === 'coaching', 'coaching');
    await page.keyboard.press('Enter');
  }
  const before = await until(page, (d) => d.phase === 'choosing', 'choices');
  await page.reload();
  const title = await until(page, (d) => d.scene === 'Title' && d.ready, 'the title after reload');
  expect(title.choices[1]).toBe('Continue where I left off');
  // Focus is already on it: a reload with a game under way offers to continue first.
  expect(title.focus).toBe('Continue where I left off');
  await page.keyboard.press('Enter');
  const after = await until(page, (d) => d.scene === 'Play' && d.phase === 'choosing', 'the resumed conversation');
  expect(after.node).toBe(before.node);
  expect(after.customer?.meters).toEqual(before.customer?.meters);
  expect(after.choices).toEqual(before.choices);
  check();
});

test('corrupt saved progress shows a notice and the game still plays', async ({ page }) => {
  const check = watchErrors(page);
  await open(page, { storage: '{"version":1,"settings":' });
  const d = await dojo(page);
  expect(d.notice).toBe('corrupt');
  await page.screenshot({ path: join(SHOTS, 'title-corrupt-notice.png') });
  // A reset save is a first play again: the guide comes first.
  await startScenario(page, FIRST, { guide: true });
  await page.keyboard.press('Escape');
  await until(page, (x) => x.scene === 'Play' && x.phase === 'choosing', 'the replies after the guide');
  await page.keyboard.press('1');
  await until(page, (x) => x.phase === 'coaching', 'the game playing after the reset');
  check();
});

for (const locale of ['zh-CN', 'en'] as const) {
  for (const [device, viewport] of [
    ['desktop', { width: 1280, height: 720 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    test(`every scene on screen: ${locale}, ${device}`, async ({ page }) => {
      const check = watchErrors(page);
      await page.setViewportSize(viewport);
      await open(page, { locale });
      const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${device}-${locale}-${name}.png`) });
      await shot('1-title');
      await page.keyboard.press('Enter');
      await until(page, (d) => d.scene === 'Select' && d.choices.length > 0, 'select');
      await shot('2-select');
      await page.keyboard.press('Enter');
      await until(page, (d) => d.scene === 'Play' && d.phase === 'intro', 'the intro');
      await shot('3-intro');
      await page.keyboard.press('Enter');
      await until(page, (d) => d.scene === 'Play' && d.phase === 'choosing', 'play');
      await shot('3-play');
      await page.keyboard.press('2');
      await until(page, (d) => d.phase === 'coaching', 'coaching');
      await shot('4-coaching');
      await page.keyboard.press('Enter');
      await until(page, (d) => d.phase === 'choosing', 'choices');
      await page.keyboard.press('Escape');
      await until(page, (d) => d.scene === 'Pause', 'pause');
      await shot('5-pause');
      await page.keyboard.press('Escape');
      await until(page, (d) => d.scene === 'Play', 'play again');
      // Play on with the first reply each time until the conversation ends.
      for (let turn = 0; turn < 40; turn++) {
        const d = await until(page, (x) => x.phase === 'choosing' || x.phase === 'ending', 'choices or the ending');
        if (d.phase === 'ending') break;
        await page.keyboard.press('1');
        await until(page, (x) => x.phase === 'coaching', 'coaching');
        await page.keyboard.press('Enter');
      }
      await until(page, (x) => x.phase === 'ending' && x.choices.length === 1, 'the ending');
      await shot('6-ending');
      await page.keyboard.press('Enter');
      await until(page, (x) => x.scene === 'Debrief' && !!x.debrief, 'the debrief');
      await shot('7-debrief');
      await page.mouse.wheel(0, 2000);
      await page.waitForTimeout(200);
      await shot('8-debrief-replay');
      check();
    });
  }
}

test('on a slow connection the loaders show their progress, then the game goes on', async ({ page }) => {
  const check = watchErrors(page);
  // Files held back until the test has seen the progress bar, however slowly the page starts.
  const gate = () => {
    let open = () => {};
    const opened = new Promise<void>((r) => (open = r));
    return { open, hold: (extraMs = 0) => async (route: Route) => {
      await opened;
      await new Promise((r) => setTimeout(r, extraMs));
      await route.continue();
    } };
  };
  const title = gate();
  const faceGate = gate();
  await page.route('**/backgrounds/service-counter.svg', title.hold());
  // The faces arrive one by one, 150 ms apart, once the bar is up.
  let faces = 0;
  await page.route('**/characters/**/*.svg', (route) => faceGate.hold(150 * ++faces)(route));
  await page.emulateMedia({ reducedMotion: 'reduce' });
  // Not until "load": the title's picture is preloaded by the page and held back here, and a held
  // preload can keep the load event from firing at all.
  await page.goto('./', { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => 'dojo' in window);
  const loading = await until(page, (d) => d.scene === 'Preload' && d.loading !== undefined, 'the start-up progress bar');
  expect(loading.loading).toBe(0);
  await page.screenshot({ path: join(SHOTS, 'loading-start.png') });
  title.open();
  await until(page, (d) => d.scene === 'Title' && d.ready && d.loading === undefined, 'the title after the picture arrived');
  await page.keyboard.press('Enter');
  await until(page, (d) => d.scene === 'Select' && d.choices.length > 0, 'the list');
  await page.keyboard.press('Enter');
  await until(page, (d) => d.scene === 'Play' && d.loading !== undefined, "the customer's progress bar");
  faceGate.open();
  await until(page, (d) => (d.loading ?? 0) > 0, 'the first faces');
  await page.screenshot({ path: join(SHOTS, 'loading-customer.png') });
  const shares = new Set<number>();
  for (let d = await dojo(page); d.phase !== 'intro'; d = await dojo(page)) {
    if (d.loading !== undefined) shares.add(d.loading);
    await page.waitForTimeout(20);
  }
  expect([...shares].some((s) => s > 0 && s < 1), `partial progress seen: ${[...shares].join(', ')}`).toBe(true);
  expect((await dojo(page)).loading).toBeUndefined();
  expect(await page.locator('img.stage-face').count()).toBe(8);
  check();
});

test('with motion on, the line types out and Enter shows it at once (the key that began it does not skip it)', async ({ page }) => {
  const check = watchErrors(page);
  await open(page, { locale: 'zh-CN', reducedMotion: false });
  await page.keyboard.press('Enter');
  const sel = await until(page, (d) => d.scene === 'Select' && d.choices.length > 0, 'the list');
  expect(sel.choices[0]).toBe(FIRST);
  await page.keyboard.press('Enter');
  await until(page, (d) => d.scene === 'Play' && d.phase === 'intro', 'the intro');
  await page.keyboard.press('Enter');
  await until(page, (d) => d.phase === 'line', 'the line typing out');
  await page.waitForTimeout(150);
  expect((await dojo(page)).phase).toBe('line');
  await page.keyboard.press('Enter');
  await until(page, (d) => d.phase === 'choosing', 'the line shown in full and the replies', 3000);
  // A second press at once is held back (it may be the skip's twin), but not silently: the
  // focused reply lights up; a press after the moment picks it.
  await page.keyboard.press('Enter');
  const held = await until(page, (d) => (d.heldPresses ?? 0) > 0, 'the held press shown');
  expect(held.phase).toBe('choosing');
  await page.waitForTimeout(600);
  await page.keyboard.press('Enter');
  await until(page, (d) => d.phase === 'coaching', 'the reply picked after the moment');
  check();
});
