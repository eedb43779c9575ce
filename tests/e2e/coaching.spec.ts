/**
 * Coaching that teaches at the moment (issue 13): after a weaker reply the card shows the
 * better one that was on offer and what it practises; a reload during coaching brings the
 * note back; a Space still held as the replies appear does not pick the first one.
 */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { cliPaths, controls, dojo, open, playPicks, SHOTS, startScenario, until, watchErrors } from './helpers.js';
import { englishQuotes } from '../../src/game/ui/wrap.js';

const ID = 'five-to-closing';
const live = (page: import('@playwright/test').Page) => page.evaluate(() => document.getElementById('live')!.textContent ?? '');

for (const locale of ['en', 'zh-CN'] as const) {
  test(`${locale}: a weak reply's coaching shows the better reply and why; the best reply's does not`, async ({ page }) => {
    const check = watchErrors(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await open(page, { locale });
    await startScenario(page, ID);
    const { worst, best } = cliPaths(`scenarios/library/${ID}.yaml`);
    const weak = worst.picks[0]!;
    expect(weak, 'the worst path begins with a reply, not a time-out').not.toBe('t');
    await page.keyboard.press(String(weak));
    await until(page, (d) => d.phase === 'coaching', 'coaching');
    const said = await live(page);
    expect(said).toContain(locale === 'en' ? 'A better reply was on offer' : '当时更好的回应');
    await page.screenshot({ path: join(SHOTS, `coaching-better-${locale}.png`) });
    // Start again and take the best reply: nothing better to show.
    await page.keyboard.press('Escape');
    await until(page, (d) => d.scene === 'Pause', 'the pause menu');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await until(page, (d) => d.focusIndex === 3, 'focus on starting again');
    await page.keyboard.press('Enter');
    await until(page, (d) => d.scene === 'Play' && d.phase === 'intro', 'the intro again');
    await page.keyboard.press('Enter');
    await until(page, (d) => d.phase === 'choosing', 'the first replies');
    await page.keyboard.press(String(best.picks[0]));
    await until(page, (d) => d.phase === 'coaching', 'coaching');
    expect(await live(page)).not.toContain(locale === 'en' ? 'A better reply was on offer' : '当时更好的回应');
    check();
  });
}

test('a reload during coaching shows the same coaching again, then goes on', async ({ page }) => {
  const check = watchErrors(page);
  await open(page, { locale: 'en' });
  await startScenario(page, ID);
  await page.keyboard.press('1');
  const coaching = await until(page, (d) => d.phase === 'coaching', 'coaching');
  const note = await live(page);
  await page.reload();
  await until(page, (d) => d.scene === 'Title' && d.ready && d.focus === 'Continue where I left off', 'the title, Continue focused');
  await page.keyboard.press('Enter');
  const again = await until(page, (d) => d.scene === 'Play' && d.phase === 'coaching', 'the coaching again');
  expect(again.node).toBe(coaching.node);
  expect(await live(page)).toBe(note);
  await page.keyboard.press('Enter');
  await until(page, (d) => d.phase === 'choosing', 'the next replies');
  // Read and gone on: a second reload goes to the next line, not the note.
  await page.reload();
  await until(page, (d) => d.scene === 'Title' && d.ready && d.focus === 'Continue where I left off', 'the title');
  await page.keyboard.press('Enter');
  await until(page, (d) => d.scene === 'Play' && d.phase === 'choosing', 'the replies, not the coaching');
  check();
});

test('a Space pressed as the replies appear does not pick the first reply; a moment later it does', async ({ page }) => {
  const check = watchErrors(page);
  await open(page, { locale: 'en' });
  await startScenario(page, ID);
  await page.keyboard.press('1');
  await until(page, (d) => d.phase === 'coaching', 'coaching');
  await page.keyboard.press('Enter');
  await until(page, (d) => d.phase === 'choosing', 'the next replies');
  await page.keyboard.press(' ');
  await page.waitForTimeout(200);
  expect((await dojo(page)).phase, 'still choosing').toBe('choosing');
  await page.waitForTimeout(500);
  await page.keyboard.press(' ');
  await until(page, (d) => d.phase === 'coaching', 'the focused reply picked by Space');
  check();
});

test('the conversation so far: H during play, or the pause menu, shows every line and reply; closing returns', async ({ page }) => {
  const check = watchErrors(page);
  await open(page, { locale: 'en' });
  await startScenario(page, ID);
  const first = await until(page, (d) => d.phase === 'choosing', 'the first replies');
  const reply = first.choices[0]!;
  await page.keyboard.press('1');
  await until(page, (d) => d.phase === 'coaching', 'coaching');
  await page.keyboard.press('Enter');
  await until(page, (d) => d.phase === 'choosing', 'the second replies');
  await page.keyboard.press('h');
  const h = await until(page, (d) => d.scene === 'History' && !!d.history, 'the conversation');
  // The first line, my reply, and the line being answered now.
  expect(h.history).toHaveLength(3);
  expect(h.history![1]).toBe(`You: ${reply}`);
  // Said as the canvas writes it: typographic quotes ("What’s the number?").
  expect(await live(page)).toContain(englishQuotes(reply));
  await page.screenshot({ path: join(SHOTS, 'history-en.png') });
  await page.keyboard.press('Escape');
  await until(page, (d) => d.scene === 'Play' && d.phase === 'choosing', 'back to the replies');
  // From the pause menu (a touch screen has no H key): its second item.
  await page.keyboard.press('Escape');
  await until(page, (d) => d.scene === 'Pause', 'the pause menu');
  await page.keyboard.press('Tab');
  await until(page, (d) => d.focusIndex === 1, 'focus on the conversation');
  await page.keyboard.press('Enter');
  await until(page, (d) => d.scene === 'History' && d.history?.length === 3, 'the conversation from the pause menu');
  await page.keyboard.press('Enter');
  await until(page, (d) => d.scene === 'Pause', 'back to the pause menu');
  check();
});

test('a reload on the last coaching still leads to the ending and the debrief; after the debrief there is nothing to continue', async ({ page }) => {
  const check = watchErrors(page);
  await open(page, { locale: 'en' });
  await startScenario(page, ID);
  const { worst } = cliPaths(`scenarios/library/${ID}.yaml`);
  for (const [n, p] of worst.picks.entries()) {
    await until(page, (d) => d.phase === 'choosing', `replies at turn ${n + 1}`);
    if (p === 't') await until(page, (d) => d.phase === 'coaching', 'the time-out', 120_000);
    else await page.keyboard.press(String(p));
    await until(page, (d) => d.phase === 'coaching', `coaching at turn ${n + 1}`);
    if (n < worst.picks.length - 1) await page.keyboard.press('Enter');
  }
  await page.reload();
  await until(page, (d) => d.scene === 'Title' && d.ready && d.focus === 'Continue where I left off', 'Continue after the last turn');
  await page.keyboard.press('Enter');
  await until(page, (d) => d.scene === 'Play' && d.phase === 'coaching', 'the last coaching again');
  await page.keyboard.press('Enter');
  await until(page, (d) => d.phase === 'ending' && d.choices.length > 0, 'the ending');
  await page.keyboard.press('Enter');
  await until(page, (d) => d.scene === 'Debrief', 'the debrief');
  await page.reload();
  const title = await until(page, (d) => d.scene === 'Title' && d.ready, 'the title');
  expect(title.choices).not.toContain('Continue where I left off');
  check();
});

test('the debrief replays each turn with its stage direction, and says how a negative decision score counts', async ({ page }) => {
  const check = watchErrors(page);
  await open(page, { locale: 'en' });
  await startScenario(page, ID);
  const { worst } = cliPaths(`scenarios/library/${ID}.yaml`);
  // The worst path ends with him gone, told by the narrator: no name over that line.
  const end = await playPicks(page, worst.picks, undefined, async () => {
    await expect(page.locator('.stage-speech-line')).toContainText(/walks away|without/);
    await expect(page.locator('.stage-speech-name')).toBeHidden();
    // He has gone (reduced motion here: he fades where he stands rather than walking off).
    await expect.poll(() => page.evaluate(() => Number(getComputedStyle(document.querySelector('.stage-character')!).opacity))).toBeLessThan(0.05);
    await page.screenshot({ path: join(SHOTS, 'ending-narrated-en.png') });
  });
  const said = await live(page);
  // The first line's stage direction, as it was played.
  expect(said).toContain(englishQuotes("(5:55 pm. The ticket machine already reads 'Queue closed'"));
  // The overall is never below 0: a negative decision score is shown as counted as 0.
  if (end.debrief!.decisions < 0) expect(said).toMatch(/Decision score −\d+, counted as 0 \(80%\); outcome \d+ \(20%\)/);
  else expect(said).toMatch(/Decision score \d+ \(80%\), outcome \d+ \(20%\)/);
  await page.screenshot({ path: join(SHOTS, 'debrief-negative-en.png') });
  check();
});

/**
 * The debrief's actions stay at the foot of the screen while it scrolls: the one focused at first (Next scenario) is
 * in sight at 1280×720 and on a phone, at the top of the page and at the end of the replay.
 */
for (const [what, viewport, touch] of [
  ['desktop 1280×720', { width: 1280, height: 720 }, false],
  ['phone', { width: 390, height: 844 }, true],
] as const) {
  test(`${what}: the debrief's actions are on screen from the start, and stay there as it scrolls`, async ({ browser }) => {
    const context = await browser.newContext({ viewport, isMobile: touch, hasTouch: touch, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const check = watchErrors(page);
    await open(page, { locale: 'zh-CN' });
    await startScenario(page, 'broadband-outage');
    await playPicks(page, cliPaths('scenarios/library/broadband-outage.yaml').worst.picks);
    const onScreen = async (when: string) => {
      const rects = await controls(page);
      expect(rects.map((r) => r.label), when).toHaveLength(3);
      for (const r of rects) {
        expect(r.top, `${r.label} ${when}`).toBeGreaterThanOrEqual(0);
        expect(r.bottom, `${r.label} ${when}`).toBeLessThanOrEqual(viewport.height);
      }
      return rects;
    };
    await onScreen('at first');
    expect((await dojo(page)).focusIndex, 'Next scenario focused').toBe(1);
    // Scrolled to the end (End on a keyboard; a swipe on a phone).
    if (touch) for (let i = 0; i < 20; i++) await page.mouse.wheel(0, 600);
    else await page.keyboard.press('End');
    await page.waitForTimeout(300);
    await onScreen('at the end');
    await page.screenshot({ path: join(SHOTS, `debrief-actions-${touch ? 'phone' : 'desktop'}-zh-CN.png`) });
    check();
    await context.close();
  });
}
