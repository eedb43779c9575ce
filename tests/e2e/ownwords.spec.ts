/**
 * "In my own words" (issue 15, item 4): a library scenario played to the debrief in typed replies, in
 * English on a desktop by keyboard and in Chinese on a phone by touch. On the way: the game's keys do not
 * act while typing, bad input is refused under the box, an input method's Enter does not send, the
 * customer asks again, one turn is answered by picking instead, the coaching marks the judge's evidence,
 * the conversation so far shows what was typed, and the debrief marks the typed turns.
 */
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readSignals } from '../../src/cli/files.js';
import { createJudge } from '../../src/engine/judge/index.js';
import { nearlyTheSame } from '../../src/engine/session/session.js';
import type { Scenario } from '../../src/engine/scenario/model.js';
import { pick, type Locale } from '../../src/engine/text.js';
import { setTextLocale, shownText } from '../../src/game/ui/theme.js';
import { catalog, loadFile } from '../unit/helpers.js';
import { controls, dojo, focusCard, open, SHOTS, until, watchErrors, type Dojo } from './helpers.js';

const ID = 'kettle-return';
const cat = catalog();
const scenario: Scenario = loadFile(`scenarios/library/${ID}.yaml`, cat);
const signals = readSignals(cat);
if ('problems' in signals) throw new Error('the judge signals do not load');
const judge = createJudge(signals.signals);

/**
 * A reply to type at this node: part of an authored one (no condition) with a few words of the trainee's own
 * in front (nearly word for word it would simply be that reply, with nothing to mark), which the judge reads
 * back as that reply, with principles to mark.
 */
function replyFor(node: string, locale: Locale): string {
  const own = locale === 'en' ? 'Right, ' : '好的，';
  const choices = scenario.nodes[node]!.choices.filter((c) => !c.when);
  const parts = (t: string) => {
    const cut = Math.ceil(t.length * 0.55);
    return [t.slice(0, cut), t.slice(t.length - cut), t];
  };
  const read = choices.flatMap((c) => parts(pick(c.text, locale)).map((p) => ({ c, text: own + p }))).map((x) => ({ ...x, r: judge(x.text, { locale, scenario, node }) }));
  // Something found for sure (a guess is not marked); and a reply the judge finds nothing wrong in is never read as
  // one that breaks a principle, so such a reply is typed only if the judge hears what it breaks.
  const breaks = (c: (typeof choices)[number]) => c.principles.some((t) => cat.get(t.id)?.polarity === 'violation');
  const hearsBad = (r: ReturnType<typeof judge>) => r.principles.some((p) => !p.guess && cat.get(p.id)?.polarity === 'violation');
  const good =
    read.find(
      ({ c, r, text }) =>
        r.principles.some((p) => !p.guess) &&
        (!breaks(c) || hearsBad(r)) &&
        r.closest?.reply === c.index &&
        r.closest.similarity >= 0.3 &&
        !choices.some((o) => nearlyTheSame(text, pick(o.text, locale), locale)),
    ) ?? read[0]!;
  return good.text;
}

/**
 * A reply the judge reads as good in itself (practices only) but close to no reply at this node: the
 * customer does not take it, and the trainee is told what was heard rather than "what do you mean?".
 */
function offTheMark(node: string, locale: Locale): string {
  const tries = locale === 'en' ? ['Thank you for bringing this to us, it helps us improve.', 'I will call you next week to make sure everything works.'] : ['这是我们的责任，我来负责。', '下周我会给您回个电话，确认一切正常。'];
  const off = tries.find((text) => {
    const r = judge(text, { locale, scenario, node });
    return r.principles.length > 0 && r.principles.every((p) => cat.get(p.id)?.polarity === 'practice') && (r.closest?.similarity ?? 0) < 0.3;
  });
  if (!off) throw new Error(`no reply good in itself but off the mark at ${node} (${locale})`);
  return off;
}

const live = (page: Page) => page.evaluate(() => document.getElementById('live')!.textContent ?? '');
const box = (d: Dojo) => d.ownWords?.box ?? null;
const typing = (page: Page, what: string) => until(page, (d) => d.scene === 'Play' && d.phase === 'choosing' && !!box(d), what);
const tapAt = async (page: Page, label: string) => {
  const c = (await controls(page)).find((r) => r.label === label);
  expect(c, `a control "${label}" on screen`).toBeTruthy();
  await page.touchscreen.tap((c!.left + c!.right) / 2, (c!.top + c!.bottom) / 2);
};

/** An input method composing: its Enter (isComposing, keyCode 229) commits the candidate and must not send. */
async function imeEnter(page: Page): Promise<void> {
  await page.evaluate(() => {
    const area = document.getElementById('ow-text') as HTMLTextAreaElement;
    area.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
    area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', isComposing: true, keyCode: 229, bubbles: true, cancelable: true }));
  });
  await page.waitForTimeout(300);
  const d = await dojo(page);
  expect(box(d)?.composing, 'composing').toBe(true);
  await page.evaluate(() => {
    const area = document.getElementById('ow-text') as HTMLTextAreaElement;
    area.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '' }));
    // Safari: compositionend first, then the keydown of that Enter with keyCode 229.
    area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 229, bubbles: true, cancelable: true }));
  });
  await page.waitForTimeout(300);
}

test('en, desktop, keyboard: a scenario in my own words to the debrief', async ({ page }) => {
  test.setTimeout(240_000);
  setTextLocale('en');
  const check = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, { locale: 'en' });
  await page.keyboard.press('Enter');
  await focusCard(page, ID);
  await page.keyboard.press('Enter');
  const intro = await until(page, (d) => d.scene === 'Play' && d.phase === 'intro', 'the intro card');
  expect(intro.choices).toEqual(['Pick replies', 'In my own words']);
  expect(intro.ownWords?.on).toBe(false);
  // The judge is not fetched until it is needed.
  const judgeChunk = () => page.evaluate(() => performance.getEntriesByType('resource').some((e) => /ownWordsJudge/.test(e.name)));
  expect(await judgeChunk()).toBe(false);
  await page.screenshot({ path: join(SHOTS, 'ownwords-intro-en.png') });
  await page.keyboard.press('Tab');
  await until(page, (d) => d.focus === 'In my own words', 'focus on In my own words');
  await page.keyboard.press('Enter');
  let d = await typing(page, 'the text box');
  expect(d.ownWords?.on).toBe(true);
  expect(d.choices).toEqual([]);
  await until(page, (x) => !!box(x)?.focused, 'keyboard focus in the text box');
  expect(await page.getAttribute('#ow-text', 'id')).toBe('ow-text');
  expect(await page.evaluate(() => document.querySelector('label[for="ow-text"]')?.textContent)).toBe('Your reply, in your own words');
  // Fetched in the background once the box is up (under load the download may take a moment to finish).
  await expect.poll(judgeChunk, { timeout: 20_000 }).toBe(true);

  // The game's keys are the box's while typing: 1 picks nothing, H opens nothing, Space is a space.
  await page.keyboard.type('1 h');
  await page.waitForTimeout(300);
  d = await dojo(page);
  expect(d.scene).toBe('Play');
  expect(box(d)!.text).toBe('1 h');
  expect(d.score?.turns).toBe(0);
  // Shift+Enter is a new line, not a send.
  await page.keyboard.press('Shift+Enter');
  await page.waitForTimeout(200);
  expect(box(await dojo(page))!.text).toBe('1 h\n');

  // Bad input: said under the box, nothing sent.
  await page.fill('#ow-text', '   ');
  await page.keyboard.press('Enter');
  d = await until(page, (x) => !!box(x)?.message, 'the empty reply refused');
  expect(box(d)!.message).toMatch(/Write something/);
  await page.fill('#ow-text', '😀🙏👍');
  await page.keyboard.press('Enter');
  d = await until(page, (x) => /no words/.test(box(x)?.message ?? ''), 'the emoji-only reply refused');
  await page.fill('#ow-text', 'a'.repeat(10_000));
  await page.keyboard.press('Enter');
  d = await until(page, (x) => /10,000 characters: keep it under 2,000/.test(box(x)?.message ?? ''), 'the 10,000-character reply refused');
  expect(d.score?.turns).toBe(0);
  expect(box(d)!.askedAgain).toBe(0);
  await page.screenshot({ path: join(SHOTS, 'ownwords-refused-en.png') });

  // An input method's Enter does not send.
  await page.fill('#ow-text', 'What colour is the sky over the harbour today?');
  await imeEnter(page);
  d = await dojo(page);
  expect(d.phase).toBe('choosing');
  expect(box(d)!.askedAgain, 'nothing sent while composing').toBe(0);
  expect(box(d)!.composing).toBe(false);

  // Sent for real, it makes no sense here: the customer asks again.
  await page.keyboard.press('Enter');
  d = await until(page, (x) => box(x)?.askedAgain === 1, 'the customer asking again');
  expect(box(d)!.asked).toMatch(/what do you mean/i);
  expect(d.score?.turns).toBe(0);
  expect(await live(page)).toContain('say it another way');
  await page.screenshot({ path: join(SHOTS, 'ownwords-ask-again-en.png') });
  // Asked again a second time, in other words (the trainee can tell the second try was heard).
  const firstAsk = box(d)!.asked;
  // The reply not followed is still there to edit, selected: what is typed next replaces it.
  await expect(page.locator('#ow-text')).toBeFocused();
  const notFollowed = box(d)!.text;
  expect(notFollowed.length).toBeGreaterThan(0);
  expect(await page.locator('#ow-text').evaluate((a: HTMLTextAreaElement) => [a.selectionStart, a.selectionEnd])).toEqual([0, notFollowed.length]);
  await page.keyboard.type('Purple elephants dance on Tuesdays.');
  await expect(page.locator('#ow-text')).toHaveValue('Purple elephants dance on Tuesdays.');
  await page.keyboard.press('Enter');
  d = await until(page, (x) => box(x)?.askedAgain === 2, 'the customer asking again, a second time');
  expect(box(d)!.asked).not.toBe(firstAsk);
  expect(d.score?.turns).toBe(0);
  // Good in itself but the way of no reply here: not taken, and told what was heard.
  await page.fill('#ow-text', offTheMark(d.node!, 'en'));
  await page.keyboard.press('Enter');
  d = await until(page, (x) => box(x)?.askedAgain === 3, 'a good reply off the mark, not taken');
  expect(box(d)!.asked).not.toMatch(/what do you mean/i);
  expect(box(d)!.message).toMatch(/^Heard: “.+”\. Good in itself, but no reply here goes that way/);
  expect(d.score?.turns).toBe(0);
  expect(await live(page)).toContain('Good in itself');
  await page.screenshot({ path: join(SHOTS, 'ownwords-off-the-mark-en.png') });
  // Turned to portrait and back (the screen is rebuilt each time): still said.
  for (const size of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
    await page.setViewportSize(size);
    await expect.poll(async () => ((await page.locator('#ow-text').boundingBox())?.width ?? 0) < 390 === size.width < 400, { timeout: 20_000 }).toBe(true);
    d = await until(page, (x) => !!box(x), `rebuilt at ${size.width}×${size.height}`);
    expect(box(d)!.message).toMatch(/^Heard: /);
    expect(box(d)!.asked).not.toMatch(/what do you mean/i);
  }

  // Typed again, in words the customer follows: the coaching marks the evidence.
  const first = replyFor(d.node!, 'en');
  await page.fill('#ow-text', first);
  await page.keyboard.press('Enter');
  d = await until(page, (x) => x.phase === 'coaching', 'coaching of the typed turn');
  expect(d.score?.turns).toBe(1);
  const marks = await page.locator('.ow-echo mark').count();
  expect(marks, 'evidence marked in the typed reply').toBeGreaterThan(0);
  expect(await page.locator('.ow-echo').textContent()).toContain(shownText(first));
  const note = await live(page);
  expect(note).toContain('You wrote:');
  expect(note).toMatch(/Read as closest to the reply “/);
  expect(note).toMatch(/This turn: /);
  // The read-as reply's practices not found in the words are credited apart, said so (part of a reply was typed).
  // In full from 0.7 alike; in part, with the share, below (part of a reply was typed here).
  expect(note).toMatch(/Credited (?:at \d+ % \(as close as your words came\) )?as in the reply it was read as \(not found in your words\): /);
  await page.screenshot({ path: join(SHOTS, 'ownwords-coaching-en.png') });
  // The conversation so far says what was typed, as You.
  await page.keyboard.press('h');
  d = await until(page, (x) => x.scene === 'History' && !!x.history?.length, 'the conversation so far');
  expect(d.history).toContain(`You: ${first}`);
  expect(await page.locator('.ow-echo').isVisible(), 'page text hidden under the overlay').toBe(false);
  await page.keyboard.press('Escape');
  await until(page, (x) => x.scene === 'Play' && x.phase === 'coaching', 'back to the coaching');
  await page.keyboard.press('Enter');

  // Next turn: pick from the replies instead (Tab to the button, Enter), this turn only.
  await typing(page, 'the text box at turn 2');
  await until(page, (x) => !!box(x)?.focused, 'focus in the box at turn 2');
  // The last turn's "what do you mean?" is not carried over to this one.
  expect(box(await dojo(page))!.asked).toBe('');
  expect(box(await dojo(page))!.askedAgain).toBe(0);
  // Esc pauses (the box hides under the menu); back from the pause, the draft is still there, in focus,
  // also after the language was switched there (the screen is rebuilt in the other language).
  await page.keyboard.type('A draft');
  await page.keyboard.press('Escape');
  await until(page, (x) => x.scene === 'Pause', 'the pause menu');
  expect(await page.locator('#ow-text').isVisible()).toBe(false);
  await page.keyboard.press('Escape');
  d = await until(page, (x) => x.scene === 'Play' && !!box(x)?.focused, 'back, in the box');
  expect(box(d)!.text).toBe('A draft');
  for (const [item, label] of [['切换为简体中文', '你的回复（用自己的话）'], ['Switch to English', 'Your reply, in your own words']] as const) {
    await page.keyboard.press('Escape');
    const menu = await until(page, (x) => x.scene === 'Pause' && x.focusIndex === 0, 'the pause menu');
    const at = menu.choices.indexOf(item);
    // One Tab at a time, each seen to land; a key pressed while the menu is still being drawn is lost, so a Tab
    // that moved nothing in 2 s is pressed again (focus still where it was), as a person would.
    for (let i = 0; i < at; i++) {
      for (let tries = 0; ; tries++) {
        await page.keyboard.press('Tab');
        const moved = await until(page, (x) => x.scene === 'Pause' && x.focusIndex === i + 1, `focus on item ${i + 2} of the menu`, 2_000).catch(() => null);
        if (moved) break;
        expect((await dojo(page)).focusIndex, 'a lost Tab leaves the focus where it was').toBe(i);
        if (tries >= 3) throw new Error(`focus did not reach item ${i + 2} of the menu after ${tries + 1} Tabs`);
      }
    }
    await page.keyboard.press('Enter');
    await until(page, (x) => x.scene === 'Pause' && x.choices[0] !== menu.choices[0], 'the menu in the other language');
    await page.keyboard.press('Escape');
    d = await until(page, (x) => x.scene === 'Play' && x.phase === 'choosing' && !!box(x)?.focused, 'the box again, in the other language');
    expect(box(d)!.text, 'the draft kept over the rebuild').toBe('A draft');
    expect(await page.locator('label[for="ow-text"]').innerText()).toBe(label);
  }
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.className)).toBe('ow-pick');
  await page.keyboard.press('Enter');
  d = await until(page, (x) => x.phase === 'choosing' && x.choices.length > 0 && !box(x), 'the replies for this turn');
  expect(await page.locator('#ow-text').count()).toBe(0);
  // A way back under the replies: the box again, with what was typed; then picking after all.
  const back = (await controls(page)).find((c) => c.label === 'Say it in my own words instead');
  expect(back, 'the way back to the box, under the replies').toBeTruthy();
  const replies = (await controls(page)).filter((c) => d.choices.includes(c.label));
  expect(replies).toHaveLength(d.choices.length);
  expect(back!.top).toBeGreaterThan(Math.max(...replies.map((c) => c.bottom)));
  expect(back!.bottom).toBeLessThanOrEqual(800);
  await page.waitForTimeout(500);
  await page.mouse.click((back!.left + back!.right) / 2, (back!.top + back!.bottom) / 2);
  d = await until(page, (x) => x.phase === 'choosing' && !!box(x)?.focused, 'the box again');
  expect(box(d)!.text, 'what was typed, kept').toBe('A draft');
  expect(d.choices).toEqual([]);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.className)).toBe('ow-pick');
  await page.keyboard.press('Enter');
  d = await until(page, (x) => x.phase === 'choosing' && x.choices.length > 0 && !box(x), 'the replies for this turn, again');
  await page.waitForTimeout(500);
  await page.keyboard.press('1');
  await until(page, (x) => x.phase === 'coaching' && x.score?.turns === 2, 'coaching of the picked turn');
  expect(await page.locator('.ow-echo').count(), 'no typed text for a picked turn').toBe(0);
  await page.keyboard.press('Enter');

  // The rest typed, to the ending (a reply the customer does not follow is picked instead).
  let picked = 1;
  for (let turn = 3; turn < 15; turn++) {
    d = await until(page, (x) => (x.phase === 'choosing' && !!box(x)) || x.phase === 'ending', `turn ${turn} or the ending`);
    if (d.phase === 'ending') break;
    await page.fill('#ow-text', replyFor(d.node!, 'en'));
    await page.keyboard.press('Enter');
    d = await until(page, (x) => x.phase === 'coaching' || (box(x)?.askedAgain ?? 0) > 0, `turn ${turn} answered`);
    if (d.phase !== 'coaching') {
      picked++;
      await page.locator('.ow-pick').click();
      await until(page, (x) => x.choices.length > 0, 'replies');
      await page.waitForTimeout(500);
      await page.keyboard.press('1');
      await until(page, (x) => x.phase === 'coaching', 'coaching');
    }
    await page.keyboard.press('Enter');
  }
  await until(page, (x) => x.phase === 'ending' && x.choices.length === 1, 'the ending');
  await page.keyboard.press('Enter');
  d = await until(page, (x) => x.scene === 'Debrief' && !!x.debrief, 'the debrief');
  const debrief = await live(page);
  expect(debrief).toContain(shownText(`You: [typed] “${first}”`));
  expect(debrief.match(/\[typed\]/g)!.length, 'every typed turn marked, the picked ones not').toBe(d.score!.turns - picked);
  // The turn-by-turn replay, further down.
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SHOTS, 'ownwords-debrief-en.png') });
  // The choice is kept for the next scenario; the play is saved with the tally of what was typed.
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('complaint-dojo')!));
  expect(saved.settings.ownWords).toBe(true);
  expect(saved.version).toBe(3);
  expect(Object.keys(saved.attempts.at(-1).tally.principles).length).toBeGreaterThan(0);
  check();
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('zh-CN, phone, touch: a scenario in my own words to the debrief', async ({ page }) => {
    test.setTimeout(240_000);
    setTextLocale('zh-CN');
    const check = watchErrors(page);
    await open(page, { locale: 'zh-CN' });
    await page.keyboard.press('Enter');
    await focusCard(page, ID);
    await page.keyboard.press('Enter');
    await until(page, (d) => d.scene === 'Play' && d.phase === 'intro', 'the intro card');
    await page.screenshot({ path: join(SHOTS, 'ownwords-intro-zh-CN-phone.png') });
    await tapAt(page, '用自己的话');
    let d = await typing(page, 'the text box');
    await page.screenshot({ path: join(SHOTS, 'ownwords-box-zh-CN-phone.png') });
    // A finger-sized Send and Pick, inside the screen.
    for (const sel of ['.ow-send', '.ow-pick', '#ow-text']) {
      const r = (await page.locator(sel).boundingBox())!;
      expect(r.x, sel).toBeGreaterThanOrEqual(0);
      expect(r.x + r.width, sel).toBeLessThanOrEqual(390);
      expect(r.y + r.height, sel).toBeLessThanOrEqual(844);
      if (sel !== '#ow-text') expect(r.height, sel).toBeGreaterThanOrEqual(44);
    }
    // Typed with an input method: its Enter does not send.
    await page.locator('#ow-text').tap();
    await page.fill('#ow-text', '今天的天气怎么样啊');
    await imeEnter(page);
    expect(box(await dojo(page))!.askedAgain).toBe(0);
    // Sent with the Send button: the customer asks again.
    await page.locator('.ow-send').tap();
    d = await until(page, (x) => box(x)?.askedAgain === 1, 'the customer asking again');
    expect(box(d)!.asked).toContain('没听明白');
    await page.screenshot({ path: join(SHOTS, 'ownwords-ask-again-zh-CN-phone.png') });
    // Good in itself but off the mark here: told what was heard.
    await page.fill('#ow-text', offTheMark(d.node!, 'zh-CN'));
    await page.locator('.ow-send').tap();
    d = await until(page, (x) => box(x)?.askedAgain === 2, 'a good reply off the mark, not taken');
    expect(box(d)!.message).toMatch(/^听出了：“.+”。这本身没错/);
    await page.screenshot({ path: join(SHOTS, 'ownwords-off-the-mark-zh-CN-phone.png') });
    // Empty: refused.
    await page.fill('#ow-text', '');
    await page.locator('.ow-send').tap();
    await until(page, (x) => /请先写下/.test(box(x)?.message ?? ''), 'the empty reply refused');
    // Typed again, understood.
    const first = replyFor(d.node!, 'zh-CN');
    await page.fill('#ow-text', first);
    await page.locator('.ow-send').tap();
    d = await until(page, (x) => x.phase === 'coaching', 'coaching of the typed turn');
    expect(await page.locator('.ow-echo mark').count()).toBeGreaterThan(0);
    expect(await live(page)).toMatch(/读作最接近这句回答：“/);
    await page.screenshot({ path: join(SHOTS, 'ownwords-coaching-zh-CN-phone.png') });
    await tapAt(page, '继续');
    // Turn 2: pick from the replies instead, by touch.
    await typing(page, 'the box at turn 2');
    await page.locator('.ow-pick').tap();
    d = await until(page, (x) => x.choices.length > 0 && !box(x), 'the replies for this turn');
    await page.screenshot({ path: join(SHOTS, 'ownwords-picking-zh-CN-phone.png') });
    const back = (await controls(page)).find((c) => c.label === '改为用自己的话说');
    expect(back, 'the way back to the box, on the phone').toBeTruthy();
    expect(back!.bottom - back!.top, 'finger-sized').toBeGreaterThanOrEqual(44);
    expect(back!.bottom).toBeLessThanOrEqual(844);
    const firstReply = (await controls(page)).find((c) => c.label === d.choices[0]) ?? (await controls(page)).find((c) => c.label.includes(d.choices[0]!.slice(0, 4)));
    expect(firstReply, 'the first reply on screen').toBeTruthy();
    await page.waitForTimeout(500);
    await page.touchscreen.tap((firstReply!.left + firstReply!.right) / 2, (firstReply!.top + firstReply!.bottom) / 2);
    await until(page, (x) => x.phase === 'coaching' && x.score?.turns === 2, 'coaching of the picked turn');
    await tapAt(page, '继续');
    let picked = 1;
    for (let turn = 3; turn < 15; turn++) {
      d = await until(page, (x) => (x.phase === 'choosing' && !!box(x)) || x.phase === 'ending', `turn ${turn} or the ending`);
      if (d.phase === 'ending') break;
      await page.fill('#ow-text', replyFor(d.node!, 'zh-CN'));
      await page.locator('.ow-send').tap();
      d = await until(page, (x) => x.phase === 'coaching' || (box(x)?.askedAgain ?? 0) > 0, `turn ${turn} answered`);
      if (d.phase !== 'coaching') {
        picked++;
        await page.locator('.ow-pick').tap();
        d = await until(page, (x) => x.choices.length > 0, 'replies');
        await page.waitForTimeout(500);
        const c = (await controls(page))[0]!;
        await page.touchscreen.tap((c.left + c.right) / 2, (c.top + c.bottom) / 2);
        await until(page, (x) => x.phase === 'coaching', 'coaching');
      }
      await tapAt(page, (await dojo(page)).choices[0]!);
    }
    d = await until(page, (x) => x.phase === 'ending' && x.choices.length === 1, 'the ending');
    await tapAt(page, d.choices[0]!);
    d = await until(page, (x) => x.scene === 'Debrief' && !!x.debrief, 'the debrief');
    const debrief = await live(page);
    expect(debrief).toContain(shownText(`〔自己的话〕“${first}”`));
    expect(debrief.match(/〔自己的话〕/g)!.length).toBe(d.score!.turns - picked);
    // The turn-by-turn replay, further down (a drag scrolls the canvas).
    await page.mouse.wheel(0, 1400);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'ownwords-debrief-zh-CN-phone.png') });
    check();
  });
});

test('a first play in my own words: the guide says how to type, not how to pick', async ({ page }) => {
  const check = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  // Each time the text box takes the focus (play-test: the guide opened over a box already focused, taking what was typed).
  await page.addInitScript(() => {
    const w = window as unknown as { __boxFocused: number };
    w.__boxFocused = 0;
    document.addEventListener('focusin', (e) => {
      if ((e.target as HTMLElement | null)?.id === 'ow-text') w.__boxFocused++;
    });
  });
  const boxFocused = () => page.evaluate(() => (window as unknown as { __boxFocused: number }).__boxFocused);
  await open(page, { storage: JSON.stringify({ version: 1, settings: { locale: 'en', muted: true, volume: 0.7 }, best: {}, attempts: [], resume: null, imported: [] }) });
  await page.keyboard.press('Enter');
  await focusCard(page, ID);
  await page.keyboard.press('Enter');
  await until(page, (d) => d.scene === 'Play' && d.phase === 'intro', 'the intro card');
  await page.keyboard.press('Tab');
  await until(page, (d) => d.focus === 'In my own words', 'focus on In my own words');
  await page.keyboard.press('Enter');
  await until(page, (d) => d.scene === 'Guide', 'the first-play guide');
  // The text box waits hidden under the guide, and never had the focus: the guide opened before it could take any.
  await expect(page.locator('#ow-text')).toBeHidden();
  expect(await boxFocused(), 'times the text box took the focus before the guide was done').toBe(0);
  expect(await page.evaluate(() => document.activeElement?.id ?? '')).not.toBe('ow-text');
  // Typed while the guide is up: nothing reaches the box.
  await page.keyboard.type('hello');
  await page.keyboard.press('Enter');
  await expect.poll(() => live(page)).toContain('Step 2 of 4');
  const said = await live(page);
  expect(said).toContain('Say it in your own words');
  expect(said).toContain('Enter sends');
  expect(said).not.toContain('number');
  // The text box waits under the guide, and is there once it is done.
  await expect(page.locator('#ow-text')).toBeHidden();
  await page.screenshot({ path: join(SHOTS, 'ownwords-guide-en.png') });
  // The clock's step points at the bar above the box, not above replies that are not there.
  await page.keyboard.press('Enter');
  await expect.poll(() => live(page)).toContain('Step 3 of 4');
  expect(await live(page)).toContain('your reply box');
  expect(await live(page)).not.toContain('above the replies');
  for (let i = 0; i < 2; i++) await page.keyboard.press('Enter');
  const after = await typing(page, 'the text box after the guide');
  await expect(page.locator('#ow-text')).toBeVisible();
  // The box takes the focus once the guide is done, empty.
  await expect.poll(boxFocused).toBeGreaterThan(0);
  expect(box(after)?.text).toBe('');
  await expect(page.locator('#ow-text')).toBeFocused();
  check();
});
