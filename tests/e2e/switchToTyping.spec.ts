/**
 * Picking replies, a trainee can switch to typing mid-game (play-test: "own words is chosen only on the intro
 * card"): "Answer in my own words from here on", under the replies, by keyboard (Tab to it, Enter) and by touch.
 * It loads the judge only then, opens the text box for this turn, and the following turns are typed too (the
 * setting is saved); "Pick from the replies instead" still leaves the box for one turn, with its way back.
 */
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Scenario } from '../../src/engine/scenario/model.js';
import { pick, type Locale } from '../../src/engine/text.js';
import { catalog, loadFile } from '../unit/helpers.js';
import { controls, dojo, focusCard, open, SHOTS, until, watchErrors, type Dojo } from './helpers.js';

const ID = 'kettle-return';
const scenario: Scenario = loadFile(`scenarios/library/${ID}.yaml`, catalog());
const LABEL = { en: 'Answer in my own words from here on', 'zh-CN': '从这里起用自己的话回答' } as const;
const BACK = { en: 'Say it in my own words instead', 'zh-CN': '改为用自己的话说' } as const;
const PICK = { en: 'Pick from the replies instead', 'zh-CN': '改为从选项里挑' } as const;

const live = (page: Page) => page.evaluate(() => document.getElementById('live')!.textContent ?? '');
const box = (d: Dojo) => d.ownWords?.box ?? null;
const judgeChunk = (page: Page) => page.evaluate(() => performance.getEntriesByType('resource').some((e) => /ownWordsJudge/.test(e.name)));
const saved = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('complaint-dojo')!).settings.ownWords as boolean | undefined);
/** An authored reply of the node on screen, word for word: the judge reads it as that reply. */
const authored = (d: Dojo, locale: Locale) => pick(scenario.nodes[d.node!]!.choices.find((c) => !c.when)!.text, locale);

async function controlAt(page: Page, label: string) {
  const c = (await controls(page)).find((r) => r.label === label);
  expect(c, `"${label}" on screen: ${JSON.stringify((await controls(page)).map((r) => r.label))}`).toBeTruthy();
  return c!;
}

async function toFirstReplies(page: Page, locale: Locale): Promise<Dojo> {
  await open(page, { locale });
  await page.keyboard.press('Enter');
  await focusCard(page, ID);
  await page.keyboard.press('Enter');
  const intro = await until(page, (d) => d.scene === 'Play' && d.phase === 'intro', 'the intro card');
  expect(intro.ownWords?.on, 'picking replies (the default)').toBe(false);
  await page.keyboard.press('Enter');
  return until(page, (d) => d.scene === 'Play' && d.phase === 'choosing' && d.choices.length > 1, 'the first replies');
}

/** Typed on, sent, coached, continued: the next turn opens on the text box (own words stays on). */
async function typedTurnThenNext(page: Page, locale: Locale, send: () => Promise<void>): Promise<void> {
  let d = await dojo(page);
  await page.fill('#ow-text', authored(d, locale));
  await send();
  d = await until(page, (x) => x.phase === 'coaching', 'the coaching of the typed turn');
  expect(d.score?.turns).toBe(1);
  await page.keyboard.press('Enter');
  d = await until(page, (x) => x.phase === 'choosing' && x.score?.turns === 1, 'the second decision');
  expect(box(d), 'the second turn is typed too').not.toBeNull();
  expect(d.choices).toEqual([]);
  expect(await saved(page)).toBe(true);
}

test('en, desktop, keyboard: from picking to typing at the first decision, and typed from then on', async ({ page }) => {
  const check = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  let d = await toFirstReplies(page, 'en');
  const n = d.choices.length;
  expect(await judgeChunk(page), 'the judge not loaded while picking').toBe(false);
  const under = await controlAt(page, LABEL.en);
  const last = (await controls(page)).filter((c) => d.choices.includes(c.label)).at(-1)!;
  expect(under.top, 'under the replies').toBeGreaterThanOrEqual(last.bottom);
  expect(under.bottom).toBeLessThanOrEqual(800);
  await page.screenshot({ path: join(SHOTS, 'switch-typing-replies-en-desktop.png') });
  // Tab walks the replies, then to the action under them.
  for (let i = 0; i < n; i++) await page.keyboard.press('Tab');
  await until(page, (x) => x.focus === LABEL.en, 'focus on the switch');
  // Enter waits a moment after the replies appear (a press meant for the line before must not pick).
  await page.waitForTimeout(500);
  await page.keyboard.press('Enter');
  d = await until(page, (x) => x.phase === 'choosing' && !!box(x), 'the text box');
  expect(d.ownWords?.on).toBe(true);
  expect(d.choices).toEqual([]);
  expect(d.score?.turns, 'nothing answered by switching').toBe(0);
  await until(page, (x) => !!box(x)?.focused, 'keyboard focus in the text box');
  await expect.poll(() => judgeChunk(page), { timeout: 20_000 }).toBe(true);
  expect(await live(page)).toContain('Your reply, in your own words');
  await page.screenshot({ path: join(SHOTS, 'switch-typing-box-en-desktop.png') });
  // The box's own way out for this turn, and the way back (symmetric): both still there.
  await page.locator('.ow-pick').click();
  d = await until(page, (x) => x.phase === 'choosing' && x.choices.length === n, 'the replies, this turn only');
  await controlAt(page, BACK.en);
  expect((await controls(page)).some((c) => c.label === LABEL.en)).toBe(false);
  for (let i = 0; i < n; i++) await page.keyboard.press('Tab');
  await until(page, (x) => x.focus === BACK.en, 'focus on the way back');
  await page.waitForTimeout(500);
  await page.keyboard.press('Enter');
  await until(page, (x) => x.phase === 'choosing' && !!box(x)?.focused, 'the text box again');
  await typedTurnThenNext(page, 'en', () => page.keyboard.press('Enter'));
  check();
});

test.describe('on a touch phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  for (const locale of ['zh-CN', 'en'] as const) {
    test(`${locale}, phone, touch: the switch under the replies is a finger's size and opens the text box`, async ({ page }) => {
      const check = watchErrors(page);
      await toFirstReplies(page, locale);
      const under = await controlAt(page, LABEL[locale]);
      expect(under.bottom - under.top, 'a finger\'s height').toBeGreaterThanOrEqual(44);
      expect(under.bottom).toBeLessThanOrEqual(844);
      await page.screenshot({ path: join(SHOTS, `switch-typing-replies-${locale}-phone.png`) });
      await page.touchscreen.tap((under.left + under.right) / 2, (under.top + under.bottom) / 2);
      const d = await until(page, (x) => x.phase === 'choosing' && !!box(x), 'the text box');
      expect(d.ownWords?.on).toBe(true);
      await expect(page.locator('.ow-pick')).toHaveText(PICK[locale]);
      await page.screenshot({ path: join(SHOTS, `switch-typing-box-${locale}-phone.png`) });
      await typedTurnThenNext(page, locale, () => page.locator('.ow-send').tap());
      check();
    });
  }
});

test('the pause menu switches too, both ways: typing from here on, then picking from here on', async ({ page }) => {
  const check = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  const first = await toFirstReplies(page, 'en');
  const toItem = async (label: string) => {
    await page.keyboard.press('Escape');
    const menu = await until(page, (x) => x.scene === 'Pause' && x.focusIndex === 0, 'the pause menu');
    const at = menu.choices.indexOf(label);
    expect(at, `"${label}" in ${JSON.stringify(menu.choices)}`).toBeGreaterThan(0);
    // Leaving stays the last item.
    expect(menu.choices.at(-1)).toBe('Quit to the scenario list');
    await page.screenshot({ path: join(SHOTS, `switch-typing-pause-${at}-en.png`) });
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await until(page, (x) => x.scene === 'Pause' && x.focus === label, `focus on "${label}"`);
    await page.keyboard.press('Enter');
  };
  await toItem(LABEL.en);
  let d = await until(page, (x) => x.scene === 'Play' && x.phase === 'choosing' && !!box(x)?.focused, 'the text box, in focus');
  expect(d.ownWords?.on).toBe(true);
  expect(await live(page)).toContain('Your reply, in your own words');
  await toItem('Pick replies from here on');
  d = await until(page, (x) => x.scene === 'Play' && x.phase === 'choosing' && x.choices.length === first.choices.length, 'the replies');
  expect(d.ownWords?.on).toBe(false);
  expect(await saved(page)).toBe(false);
  expect(await live(page)).toContain(`1. `);
  await controlAt(page, LABEL.en);
  check();
});
