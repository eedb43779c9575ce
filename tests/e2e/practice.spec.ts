/**
 * Try this turn again (issue 13): after a weaker reply the coaching offers the turn again as
 * practice; the practice is marked, its answer is coached but never replaces the first
 * answer's score, and the conversation goes on from what the trainee first said. The
 * debrief lists the practice beside the turn.
 */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { cliPaths, cliPlay, dojo, open, playPicks, SHOTS, startScenario, until, watchErrors, type Dojo } from './helpers.js';

const ID = 'five-to-closing';
const live = (page: import('@playwright/test').Page) => page.evaluate(() => document.getElementById('live')!.textContent ?? '');
const words = {
  en: { again: 'Try this turn again', back: 'Back to the conversation', marked: 'Practice, not scored', debrief: 'Practice:' },
  'zh-CN': { again: '重答这一轮', back: '回到对话', marked: '练习，不计分', debrief: '练习：' },
};

for (const [locale, size] of [
  ['en', { width: 1280, height: 800 }],
  ['zh-CN', { width: 390, height: 844 }],
] as const) {
  test(`${locale} ${size.width}×${size.height}: a weak turn tried again is practice; the first answer's score stands and the story goes on from it`, async ({ page }) => {
    const check = watchErrors(page);
    await page.setViewportSize(size);
    await open(page, { locale });
    await startScenario(page, ID);
    const { worst, best } = cliPaths(`scenarios/library/${ID}.yaml`);
    const start = await dojo(page);
    await page.keyboard.press(String(worst.picks[0]));
    const first = await until(page, (d) => d.phase === 'coaching', 'coaching of the weak reply');
    const w = words[locale];
    expect(first.choices).toEqual([locale === 'en' ? 'Continue' : '继续', w.again]);
    expect(first.practice).toBe(false);
    // The second button, by keyboard.
    await page.keyboard.press('Tab');
    await until(page, (d) => d.focus === w.again, 'focus on Try again');
    await page.keyboard.press('Enter');
    const again = await until(page, (d) => d.phase === 'choosing' && d.practice === true, 'the same turn, as practice');
    expect(again.node).toBe(start.node);
    expect(again.customer!.meters, 'the meters as they were before the first answer').toEqual(start.customer!.meters);
    expect(again.score, 'practice does not change the score').toEqual(first.score);
    expect(again.choices).toEqual(start.choices);
    expect(await live(page)).toContain(locale === 'en' ? 'Practice · turn 1 again' : '练习 · 重答第1轮');
    await expect(page.locator('.stage-speech-badge')).toBeVisible();
    await page.screenshot({ path: join(SHOTS, `practice-badge-${locale}-${size.width}.png`) });
    await expect(page.locator('.stage-speech-badge')).toContainText(locale === 'en' ? 'not scored' : '不计分');
    await page.keyboard.press(String(best.picks[0]));
    const practised = await until(page, (d) => d.phase === 'coaching' && d.practice === true, 'practice coaching');
    expect(practised.choices, 'the best reply: nothing better, no Try again').toEqual([w.back]);
    expect(practised.score).toEqual(first.score);
    expect(await live(page)).toContain(w.marked);
    await page.screenshot({ path: join(SHOTS, `practice-coaching-${locale}-${size.width}.png`) });
    // Back: the conversation goes on from the first answer.
    await page.keyboard.press('Enter');
    const on = await until(page, (d) => d.phase === 'choosing' && d.practice === false, 'the conversation again');
    await expect(page.locator('.stage-speech-badge'), 'the meters went back: said so').toContainText(locale === 'en' ? 'Back to your first answer' : '回到第一次的回答');
    expect(on.score).toEqual(first.score);
    expect(on.node, 'the line that followed the first answer').toBe(first.node);
    const end = await playPicks(page, worst.picks.slice(1));
    // The same debrief as the worst path played without practice (the CLI's replay).
    const plain = cliPlay(`scenarios/library/${ID}.yaml`, worst.picks).debrief;
    expect(end.debrief!.overall).toBe(plain.overall);
    expect(end.debrief!.path).toEqual(plain.path);
    expect(await live(page)).toContain(w.debrief);
    // Back to the list: the card just played keeps the focus.
    await page.keyboard.press('Escape');
    await until(page, (d) => d.scene === 'Select' && d.choices.length > 0 && d.focusIndex === d.choices.indexOf(ID), 'the list, focus on the card just played');
    check();
  });
}

test('practice can be tried more than once, and a reload during practice returns to the first answer\'s coaching', async ({ page }) => {
  const check = watchErrors(page);
  await open(page, { locale: 'en' });
  await startScenario(page, ID);
  const { worst } = cliPaths(`scenarios/library/${ID}.yaml`);
  await page.keyboard.press(String(worst.picks[0]));
  const first = await until(page, (d) => d.phase === 'coaching', 'coaching');
  for (let k = 0; k < 2; k++) {
    await page.keyboard.press('Tab');
    await until(page, (d) => d.focus === 'Try this turn again', 'focus on Try again');
    await page.keyboard.press('Enter');
    await until(page, (d) => d.phase === 'choosing' && d.practice === true, 'practice');
    await page.keyboard.press(String(worst.picks[0]));
    const p = await until(page, (d) => d.phase === 'coaching' && d.practice === true, 'practice coaching');
    expect(p.choices).toEqual(['Back to the conversation', 'Try this turn again']);
    expect(p.score).toEqual(first.score);
  }
  await page.reload();
  await until(page, (d) => d.scene === 'Title' && d.ready && d.focus === 'Continue where I left off', 'the title');
  await page.keyboard.press('Enter');
  const back = await until(page, (d) => d.scene === 'Play' && d.phase === 'coaching', 'the first answer\'s coaching');
  expect(back.practice).toBe(false);
  expect(back.choices).toEqual(['Continue', 'Try this turn again']);
  check();
});

test('the last turn tried again: the ending shows the conversation\'s meters, not the practice\'s', async ({ page }) => {
  const check = watchErrors(page);
  await open(page, { locale: 'en' });
  await startScenario(page, ID);
  const { worst } = cliPaths(`scenarios/library/${ID}.yaml`);
  // The worst path to its last turn, then that turn tried again with another reply.
  for (const p of worst.picks.slice(0, -1)) {
    await until(page, (d) => d.phase === 'choosing', 'choices');
    await page.keyboard.press(String(p));
    await until(page, (d) => d.phase === 'coaching', 'coaching');
    await page.keyboard.press('Enter');
  }
  await until(page, (d) => d.phase === 'choosing', 'the last choices');
  await page.keyboard.press(String(worst.picks.at(-1)));
  const last = await until(page, (d) => d.phase === 'coaching', 'the last coaching');
  const meters = (d: Dojo) => d.customer!.meters;
  const shown = () => page.evaluate(() => [...document.querySelectorAll('.stage-meter-value')].map((e) => Number(e.textContent)));
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const again = await until(page, (d) => d.phase === 'choosing' && d.practice === true, 'the last turn, as practice');
  const other = worst.picks.at(-1) === 1 ? 2 : 1;
  await page.keyboard.press(String(Math.min(again.choices.length, other)));
  await until(page, (d) => d.phase === 'coaching' && d.practice === true, 'practice coaching');
  const practised = await shown();
  await page.keyboard.press('Enter');
  const ending = await until(page, (d) => d.phase === 'ending' && d.practice === false, 'the ending');
  expect(meters(ending), 'the conversation as it ended').toEqual(meters(last));
  await expect.poll(shown, { message: 'the meters on screen' }).toEqual(Object.values(meters(last)));
  expect(practised, 'the practice had moved them').not.toEqual(Object.values(meters(last)));
  check();
});
