/**
 * The host page on a 1920×1080 projector: type that scales with the screen, a large QR code,
 * the light theme (remembered), the trainer's controls by keyboard, and the board ≥ 28 px.
 * Screenshots in both languages, and each again at 25% (as read from the back of the room),
 * into test-results/screenshots/projector-*.png. Trainees are socket.io clients here.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { io as connect, type Socket } from 'socket.io-client';
import { serve, type Running } from '../../src/server/main.js';
import { ROOT, SHOTS, watchErrors } from './helpers.js';
import { longestRound } from './longestRound.js';

const PORT = Number(process.env.E2E_PROJECTOR_PORT ?? 4329);
const BASE = `http://127.0.0.1:${PORT}`;
let server: Running;
const sockets: Socket[] = [];

test.beforeAll(async () => {
  const dist = process.env.E2E_DIST ?? join(ROOT, 'dist');
  if (!existsSync(join(dist, 'host.html'))) throw new Error('dist/host.html is missing: run `npx vite build` first');
  // Every trainee here joins from this machine's one address: a join budget for the whole spec (ten-trainee classes twice per language).
  // On every address, as `npm start` listens in a classroom: the lobby's QR code and link are the LAN address's
  // (listening on loopback only, the lobby shows why phones cannot join instead: the last test here).
  server = await serve({ port: PORT, host: '0.0.0.0', db: join(mkdtempSync(join(tmpdir(), 'dojo-e2e-')), 'dojo.db'), dist, quiet: true, joinBurst: 200 });
});
test.afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.close();
});

async function hostPage(browser: Browser, lang: 'en' | 'zh-CN') {
  const context = await browser.newContext({ baseURL: BASE, reducedMotion: 'reduce', viewport: { width: 1920, height: 1080 }, locale: lang });
  const page = await context.newPage();
  const check = watchErrors(page);
  await page.goto('/host');
  await expect(page.locator('input[name="scenario"]').first()).toBeAttached();
  return { page, check, context };
}

async function trainee(code: string, nickname: string) {
  const s = connect(BASE, { transports: ['websocket'] });
  sockets.push(s);
  const r = (await s.timeout(20_000).emitWithAck('trainee.join', { code, nickname })) as { ok: boolean; token: string; error?: string; message?: string };
  return { s, r };
}

/** The screenshot, and the same scaled to 25% (a 480×270 image, as from the back of the room). */
async function shoot(page: Page, browser: Browser, name: string): Promise<void> {
  const lang = await page.evaluate(() => document.documentElement.lang);
  const path = join(SHOTS, `projector-${name}-${lang}.png`);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path });
  const small = await browser.newPage({ viewport: { width: 480, height: 270 } });
  await small.setContent(`<body style="margin:0"><img style="width:480px;height:270px" src="data:image/png;base64,${readFileSync(path).toString('base64')}"></body>`);
  await small.screenshot({ path: join(SHOTS, `projector-${name}-${lang}-25pc.png`) });
  await small.close();
}

/** The smallest font size of visible text inside `selector`. */
const smallestText = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    let min = Infinity;
    for (const root of document.querySelectorAll(sel)) {
      const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        const p = n.parentElement!;
        if (!n.textContent?.trim() || p.closest('.visually-hidden') || !p.getClientRects().length) continue;
        min = Math.min(min, parseFloat(getComputedStyle(p).fontSize));
      }
    }
    return min;
  }, selector);

/** Ten trainees (the last names long ones), as a play-test class had them. */
const TEN = {
  en: ['Ann', 'Bo', 'Cy', 'Dominika', 'Evangeline', 'Fred', 'Gunnar', 'Hiroshi Tanaka', 'Ines', 'Maximilian Okafor'],
  'zh-CN': ['小安', '老包', '陈晨', '欧阳娜娜', '王小明', '李', '张伟', '刘德华', '司马相如', '钱多多'],
} as const;

/** Px scrolled in the page, the vote screen and its two columns (none when the vote screen fits). */
const voteScrolled = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      (['html', '.vote', '.vote-stage', '.vote-side'] as const).map((sel) => {
        const e = sel === 'html' ? document.scrollingElement! : document.querySelector(sel)!;
        return [sel, Math.max(0, e.scrollHeight - e.clientHeight)];
      }),
    ),
  );
const VOTE_UNSCROLLED = { html: 0, '.vote': 0, '.vote-stage': 0, '.vote-side': 0 };

/** The element is whole on the screen and nothing covers its middle (it takes a click as it is). */
async function pressableInView(page: Page, selector: string): Promise<void> {
  // Measured in one task of the page (a push may rebuild the screen between two steps), polled while it is absent.
  const where = () =>
    page.evaluate((sel) => {
      const e = document.querySelector(sel);
      if (!e) return 'absent';
      const r = e.getBoundingClientRect();
      if (r.top < 0 || r.bottom > window.innerHeight) return `off screen: ${r.top}–${r.bottom} of ${window.innerHeight}`;
      return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.closest(sel) ? 'pressable' : 'covered';
    }, selector);
  await expect.poll(where, { message: selector }).not.toBe('absent');
  expect(await where(), selector).toBe('pressable');
}

/**
 * The bottom edge of the element, measured in one task of the page: the board is rebuilt on every push, so an element
 * found first and measured after may already be replaced (Playwright then reads no box). Null while it is absent.
 */
async function bottomOf(page: Page, selector: string): Promise<number | null> {
  return page.evaluate((sel) => document.querySelector(sel)?.getBoundingClientRect().bottom ?? null, selector);
}

/**
 * The next scenario's lobby on one screen (play-test: the leaderboard under the fold): the leaderboard's every row
 * above Start's bar, the QR still large, Start on the screen, nothing to scroll.
 */
async function leaderboardInLobby(page: Page): Promise<void> {
  const fit = await page.evaluate(() => {
    const foot = document.querySelector('.lobby-actions')!.getBoundingClientRect().top;
    const rows = [...document.querySelectorAll('.lobby .leaderboard caption, .lobby .leaderboard tr')].map((e) => e.getBoundingClientRect());
    return {
      below: rows.filter((r) => r.bottom > foot + 1 || r.top < 0).length,
      lastRow: Math.round(Math.max(...rows.map((r) => r.bottom))),
      foot: Math.round(foot),
      scroll: document.scrollingElement!.scrollHeight - window.innerHeight,
      qr: document.querySelector('.lobby .qr')!.getBoundingClientRect().width,
    };
  });
  expect(fit.below, `leaderboard rows under Start's bar or off the screen: ${JSON.stringify(fit)}`).toBe(0);
  expect(fit.scroll, 'px to scroll in the next lobby').toBeLessThanOrEqual(0);
  expect(fit.qr, 'the QR').toBeGreaterThanOrEqual(0.3 * 1080);
  expect(await smallestText(page, '.lobby .leaderboard')).toBeGreaterThanOrEqual(28);
  await pressableInView(page, '[data-key="start"]');
}

/** How many keydown listeners the document holds (Chromium's DevTools protocol). */
async function documentKeydownListeners(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const { result } = (await cdp.send('Runtime.evaluate', { expression: 'document' })) as { result: { objectId: string } };
  const { listeners } = (await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId })) as { listeners: { type: string }[] };
  await cdp.detach();
  return listeners.filter((l) => l.type === 'keydown').length;
}

for (const lang of ['en', 'zh-CN'] as const) {
  test(`lobby on the projector (${lang}): big QR, type scaled, controls by keyboard, a locked room refuses a late joiner`, async ({ browser }) => {
    const { page, check, context } = await hostPage(browser, lang);
    await page.locator('input[name="scenario"][value="broadband-outage"]').check();
    await page.locator('input[name="mode"][value="vote"]').check();
    await page.locator('[data-key="create"]').click();
    const code = (await page.locator('.room-code').getAttribute('data-code'))!;
    const ann = await trainee(code, lang === 'en' ? 'Ann' : '小安');
    expect(ann.r.ok).toBe(true);
    await expect(page.locator('.lobby-people .person')).toHaveCount(1);
    const qr = await page.locator('.lobby .qr').boundingBox();
    expect(qr!.width).toBeGreaterThanOrEqual(0.4 * 1080);
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBeGreaterThanOrEqual(32);
    await shoot(page, browser, 'lobby');
    // The whole lobby fits the projector: nothing to scroll.
    const noScroll = () => page.evaluate(() => document.scrollingElement!.scrollHeight <= window.innerHeight);
    expect(await noScroll()).toBe(true);

    // Keyboard only: open the room controls and lock the room.
    await page.locator('.room-controls-summary').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.room-controls')).toHaveAttribute('open', '');
    // Opened at the foot of the screen, the switches are brought into view whole.
    await expect(async () => {
      const sw = (await page.locator('.room-controls .switches').boundingBox())!;
      expect(sw.y).toBeGreaterThanOrEqual(0);
      expect(sw.y + sw.height).toBeLessThanOrEqual(1080);
    }).toPass();
    await page.keyboard.press('Tab');
    await expect(page.locator('[data-key="setting-locked"]')).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.locator('[data-key="setting-locked"]')).toHaveAttribute('aria-pressed', 'true');
    const late = await trainee(code, 'Late');
    expect(late.r).toMatchObject({ ok: false, error: 'locked' });
    // Esc closes them, the focus on their heading, and the page is back where it was (nothing scrolled).
    await page.keyboard.press('Escape');
    await expect(page.locator('.room-controls')).not.toHaveAttribute('open', '');
    await expect(page.locator('.room-controls-summary')).toBeFocused();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    await page.keyboard.press('Enter');
    await expect(page.locator('.room-controls')).toHaveAttribute('open', '');
    // Approval on, lock off: the next joiner waits and is let in from the keyboard.
    await page.locator('[data-key="setting-approval"]').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-key="setting-approval"]')).toHaveAttribute('aria-pressed', 'true');
    await page.locator('[data-key="setting-locked"]').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-key="setting-locked"]')).toHaveAttribute('aria-pressed', 'false');
    const bo = await trainee(code, 'Bo');
    expect(bo.r.ok).toBe(true);
    await expect(page.locator('.person--waiting')).toHaveCount(1);
    await shoot(page, browser, 'lobby-waiting');
    await page.locator('.person--waiting .person-admit').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.person--waiting')).toHaveCount(0);
    // Rename from the keyboard: the dialog opens with the name, Enter confirms.
    await page.locator('.lobby-people-list .person-rename').first().focus();
    await page.keyboard.press('Enter');
    await page.locator('#rename-name').fill('Annie');
    await page.keyboard.press('Enter');
    await expect(page.locator('.lobby-people-list [data-person="Annie"]')).toBeVisible();

    // The light theme, remembered across a reload.
    await page.locator('[data-key="theme"]').click();
    await page.reload();
    await expect(page.locator('body')).toHaveClass(/theme-light/);
    await expect(page.locator('[data-key="theme"]')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.room-code')).toBeVisible();
    await shoot(page, browser, 'lobby-light');
    check();
    await context.close();
  });

  test(`class vote on the projector (${lang}): the open round and the debrief read from the back (≥ 24 px)`, async ({ browser }) => {
    test.setTimeout(180_000);
    const { page, check, context } = await hostPage(browser, lang);
    await page.locator('input[name="scenario"][value="broadband-outage"]').check();
    await page.locator('input[name="mode"][value="vote"]').check();
    await page.locator('[data-key="create"]').click();
    const code = (await page.locator('.room-code').getAttribute('data-code'))!;
    const ts = await Promise.all((lang === 'en' ? ['Ann', 'Bo'] : ['小安', '老包']).map((n) => trainee(code, n)));
    await expect(page.locator('.lobby-people .person')).toHaveCount(2);
    await page.locator('[data-key="start"]').click();
    // Every round: both vote for the first reply on offer; the host closes (if still open) and goes on.
    for (let turn = 0; turn < 15 && !(await page.locator('.debrief').isVisible()); turn++) {
      await expect(page.locator('.debrief, .round-state[data-status="open"]').first()).toBeVisible();
      if (await page.locator('.debrief').isVisible()) break;
      const first = Number(await page.locator('.option').first().getAttribute('data-choice'));
      for (const t of ts) await t.s.timeout(20_000).emitWithAck('trainee.vote', { code, token: t.r.token, turn, choice: first, seq: turn + 1 });
      await expect(page.locator('.round-state[data-status="open"]')).toHaveCount(0);
      if (turn === 0) {
        await page.locator('[data-key="reveal"]').click();
        await expect(page.locator('.option-reveal')).not.toHaveCount(0);
        expect(await smallestText(page, '.round, .options')).toBeGreaterThanOrEqual(24);
        await shoot(page, browser, 'vote-revealed');
      }
      await page.locator('[data-key="continue"]').click();
      await page.waitForTimeout(200);
    }
    await expect(page.locator('.debrief')).toBeVisible();
    expect(await smallestText(page, '.debrief')).toBeGreaterThanOrEqual(24);
    await shoot(page, browser, 'vote-debrief');
    // The next scenario with the same class: the class's score per scenario on the lobby's one screen.
    await page.locator('#next-scenario').selectOption('door-bump');
    await page.locator('#next-scenario').press('Enter');
    await expect(page.locator('.lobby .leaderboard tbody tr')).toHaveCount(1);
    await shoot(page, browser, 'leaderboard-vote');
    await leaderboardInLobby(page);
    check();
    await context.close();
  });

  test(`class vote with long lines (${lang}): at 1920×1080 and 1280×720 the customer's line and the replies are whole, not scrolled in their columns; the scenario cards use the width`, async ({ browser }) => {
    const { page, check, context } = await hostPage(browser, lang);
    // The scenario cards span the projector's width (play-test: half of it at 1920×1080).
    const cards = await page.evaluate(() => {
      const rs = [...document.querySelectorAll('.cards')].map((c) => [...c.children].map((k) => k.getBoundingClientRect()));
      const widest = Math.max(...rs.map((r) => Math.max(...r.map((b) => b.right)) - Math.min(...r.map((b) => b.left))));
      return { widest, width: document.documentElement.clientWidth };
    });
    expect(cards.widest, 'the widest row of scenario cards').toBeGreaterThanOrEqual(0.9 * cards.width);
    await shoot(page, browser, 'scenario-picker');
    // The longest customer lines and replies of the library's first turns.
    await page.locator('input[name="scenario"][value="lost-bill-of-lading"]').check();
    await page.locator('input[name="mode"][value="vote"]').check();
    await page.locator('[data-key="create"]').click();
    const code = (await page.locator('.room-code').getAttribute('data-code'))!;
    await trainee(code, lang === 'en' ? 'Ann' : '小安');
    await expect(page.locator('.lobby-people .person')).toHaveCount(1);
    await page.locator('[data-key="start"]').click();
    await expect(page.locator('.round-state[data-status="open"]')).toBeVisible();
    for (const size of [
      { width: 1920, height: 1080 },
      { width: 1280, height: 720 },
    ]) {
      await page.setViewportSize(size);
      // The columns are fitted on the next frame after a resize.
      await expect
        .poll(() => page.evaluate(() => ['html', '.vote-stage', '.vote-side'].map((sel) => { const e = document.querySelector(sel)!; return e.scrollHeight - e.clientHeight; })), { message: `${size.width}×${size.height}: nothing scrolled, the page nor the columns` })
        .toEqual([0, 0, 0]);
      // Nothing of the line or the replies hidden under the controls' row either.
      const whole = await page.evaluate(() => {
        const foot = document.querySelector('.vote .controls')!.getBoundingClientRect().top;
        return [...document.querySelectorAll('.vote .stage-line, .vote .option')].every((e) => e.getBoundingClientRect().bottom <= foot + 1);
      });
      expect(whole, `${size.width}×${size.height}: the line and the replies above the controls`).toBe(true);
      // Readable from the back: ≥ 28 px at 1080p (0.85rem), the same share of the screen at 720p.
      expect(await smallestText(page, '.vote .stage-line, .vote .option-text')).toBeGreaterThanOrEqual(size.height === 1080 ? 28 : 18.5);
      await shoot(page, browser, `vote-long-${size.width}`);
    }
    check();
    await context.close();
  });

  // The longest round, and the longest of five replies (one more card to place).
  for (const replies of [1, 5]) {
    test(`the library's longest round${replies > 1 ? ` of ${replies} replies` : ''} revealed (${lang}): at 1920×1080 and 1280×720 the shares, verdicts and feedback on one screen, nothing scrolls, ≥ 28 px at 1080p`, async ({ browser }) => {
      test.setTimeout(180_000);
      const longest = longestRound(lang, replies);
      const { page, check, context } = await hostPage(browser, lang);
      await page.locator(`input[name="scenario"][value="${longest.scenario}"]`).check();
      await page.locator('input[name="mode"][value="vote"]').check();
      await page.locator('[data-key="create"]').click();
      const code = (await page.locator('.room-code').getAttribute('data-code'))!;
      const ts = await Promise.all((lang === 'en' ? ['Ann', 'Bo', 'Cy'] : ['小安', '老包', '陈晨']).map((n) => trainee(code, n)));
      await expect(page.locator('.lobby-people .person')).toHaveCount(3);
      await page.locator('[data-key="start"]').click();
      let seq = 0;
      const now = async () => {
        const a = (await ts[0]!.s.timeout(20_000).emitWithAck('trainee.attach', { code, token: ts[0]!.r.token })) as { view: { vote: { now: { turn: number; node: string; choices: { choice: number }[] } } } };
        return a.view.vote.now;
      };
      const vote = async (turn: number, choices: number[]) => {
        seq++;
        for (const [i, t] of ts.entries()) await t.s.timeout(20_000).emitWithAck('trainee.vote', { code, token: t.r.token, turn, choice: choices[i]!, seq });
        await expect(page.locator('.round-state[data-status="open"]')).toHaveCount(0);
      };
      // The class takes the route to the round: everyone votes the reply that leads there, the host goes on.
      for (const step of longest.route) {
        await expect(page.locator('.round-state[data-status="open"]')).toBeVisible();
        const at = await now();
        expect(at.node, 'the route through the scenario').toBe(step.node);
        await vote(at.turn, ts.map(() => step.choice));
        await page.locator('[data-key="continue"]').click();
        await expect.poll(async () => (await now()).turn).toBe(at.turn + 1);
      }
      await expect(page.locator('.round-state[data-status="open"]')).toBeVisible();
      const at = await now();
      expect(at.node).toBe(longest.node);
      expect(at.choices.length).toBeGreaterThanOrEqual(replies);
      // A split class: two for the first reply on offer, one for the second.
      await vote(at.turn, [at.choices[0]!.choice, at.choices[0]!.choice, at.choices[1]!.choice]);
      await page.locator('[data-key="reveal"]').click();
      await expect(page.locator('.option-reveal')).toHaveCount(at.choices.length);
      for (const size of [
        { width: 1920, height: 1080 },
        { width: 1280, height: 720 },
      ]) {
        await page.setViewportSize(size);
        // Nothing scrolls: the page, the vote screen and its columns (fitted on the next frame after a resize; the
        // screenshot first, to look at when it fails).
        const scrolled = () => voteScrolled(page);
        const none = VOTE_UNSCROLLED;
        await expect.poll(scrolled).toEqual(none).catch(() => undefined);
        await shoot(page, browser, `vote-longest${replies > 1 ? replies : ''}-revealed-${size.width}`);
        expect(await scrolled(), `${size.width}×${size.height}: px scrolled after Reveal`).toEqual(none);
        // What the class must see, each whole above the controls: every reply with its share, badges and principles, and the feedback shown.
        const hidden = await page.evaluate(() => {
          const foot = document.querySelector('.vote .controls')!.getBoundingClientRect().top;
          const shown = [...document.querySelectorAll('.vote .option-text, .vote .reveal-row, .vote .option-feedback')].filter((e) => e.getClientRects().length);
          return shown.filter((e) => e.getBoundingClientRect().bottom > foot + 1 || e.getBoundingClientRect().top < 0).map((e) => e.className);
        });
        expect(hidden, `${size.width}×${size.height}: below the controls or off the screen`).toEqual([]);
        expect(await page.locator('.vote .reveal-row:visible').count()).toBe(at.choices.length);
        expect(await page.locator('.vote .option-feedback:visible').count()).toBeGreaterThanOrEqual(1);
        // Readable from the back: ≥ 28 px at 1080p (0.85rem), the same share of the screen at 720p.
        expect(await smallestText(page, '.vote .options, .vote .stage-line')).toBeGreaterThanOrEqual(size.height === 1080 ? 28 : 18.5);
        // Where not all the feedback fits, the class's choice is shown whole with its feedback; the trainer presses
        // another reply's number (here from the keyboard) and that one is, still without scrolling.
        const mode = await page.locator('.vote').getAttribute('data-reveal');
        expect(mode, `${size.width}×${size.height}`).toMatch(/^(all|one|short-3|short-2)$/);
        if (mode === 'all') {
          await expect(page.locator('.option-why:disabled')).toHaveCount(at.choices.length);
          continue;
        }
        // Whole: shown, and not cut to a few lines.
        const whole = () =>
          page.evaluate(() => [...document.querySelectorAll('.vote .option--shown .option-text, .vote .option--shown .option-feedback')].map((e) => getComputedStyle(e).display !== 'none' && getComputedStyle(e).webkitLineClamp === 'none'));
        await expect(page.locator(`.option--shown[data-choice="${at.choices[0]!.choice}"]`)).toHaveCount(1);
        expect(await whole()).toEqual([true, true]);
        await page.locator(`[data-key="why-${at.choices[1]!.choice}"]`).focus();
        await page.keyboard.press('Enter');
        await expect(page.locator(`.option--shown[data-choice="${at.choices[1]!.choice}"]`)).toHaveCount(1);
        await expect(page.locator(`[data-key="why-${at.choices[1]!.choice}"]`)).toHaveAttribute('aria-pressed', 'true');
        await expect.poll(scrolled).toEqual(none).catch(() => undefined);
        await shoot(page, browser, `vote-longest${replies > 1 ? replies : ''}-revealed-${size.width}-reply2`);
        expect(await scrolled(), `${size.width}×${size.height}: px scrolled with reply 2 shown`).toEqual(none);
        expect(await whole()).toEqual([true, true]);
        await page.locator(`[data-key="why-${at.choices[0]!.choice}"]`).click();
        await expect(page.locator(`.option--shown[data-choice="${at.choices[0]!.choice}"]`)).toHaveCount(1);
      }
      check();
      await context.close();
    });
  }

  test(`the live split of the longest five-reply round (${lang}): at 1920×1080 and 1280×720 every reply's bar and count whole in its column, nothing scrolls`, async ({ browser }) => {
    test.setTimeout(180_000);
    const longest = longestRound(lang, 5);
    const { page, check, context } = await hostPage(browser, lang);
    await page.locator(`input[name="scenario"][value="${longest.scenario}"]`).check();
    await page.locator('input[name="mode"][value="vote"]').check();
    await page.locator('[data-key="create"]').click();
    const code = (await page.locator('.room-code').getAttribute('data-code'))!;
    const ts = await Promise.all((lang === 'en' ? ['Ann', 'Bo', 'Cy', 'Dominika'] : ['小安', '老包', '陈晨', '欧阳娜娜']).map((n) => trainee(code, n)));
    await expect(page.locator('.lobby-people .person')).toHaveCount(4);
    // The trainer shows the split live (room controls), and the vote does not close itself once all have voted.
    await page.locator('.room-controls-summary').click();
    await page.locator('[data-key="setting-showLive"]').click();
    await expect(page.locator('[data-key="setting-showLive"]')).toHaveAttribute('aria-pressed', 'true');
    await page.locator('[data-key="setting-autoClose"]').click();
    await expect(page.locator('[data-key="setting-autoClose"]')).toHaveAttribute('aria-pressed', 'false');
    await page.locator('[data-key="start"]').click();
    let seq = 0;
    const now = async () => {
      const a = (await ts[0]!.s.timeout(20_000).emitWithAck('trainee.attach', { code, token: ts[0]!.r.token })) as { view: { vote: { now: { turn: number; node: string; choices: { choice: number }[] } } } };
      return a.view.vote.now;
    };
    for (const step of longest.route) {
      await expect(page.locator('.round-state[data-status="open"]')).toBeVisible();
      const at = await now();
      expect(at.node, 'the route through the scenario').toBe(step.node);
      seq++;
      for (const t of ts) await t.s.timeout(20_000).emitWithAck('trainee.vote', { code, token: t.r.token, turn: at.turn, choice: step.choice, seq });
      await page.locator('[data-key="close"]').click();
      await page.locator('[data-key="continue"]').click();
      await expect.poll(async () => (await now()).turn).toBe(at.turn + 1);
    }
    await expect(page.locator('.round-state[data-status="open"]')).toBeVisible();
    const at = await now();
    expect(at.node).toBe(longest.node);
    expect(at.choices.length).toBe(5);
    // A split class, the last reply on offer among the votes: 2, 1, and 1 for reply 5.
    seq++;
    const picks = [at.choices[0]!.choice, at.choices[0]!.choice, at.choices[2]!.choice, at.choices[4]!.choice];
    for (const [i, t] of ts.entries()) await t.s.timeout(20_000).emitWithAck('trainee.vote', { code, token: t.r.token, turn: at.turn, choice: picks[i]!, seq });
    await expect(page.locator('.round-tally')).toHaveAttribute('data-voters', '4');
    await expect(page.locator('.vote .option-live')).toHaveCount(5);
    for (const size of [
      { width: 1920, height: 1080 },
      { width: 1280, height: 720 },
    ]) {
      await page.setViewportSize(size);
      const scrolled = () => voteScrolled(page);
      const none = VOTE_UNSCROLLED;
      await expect.poll(scrolled).toEqual(none).catch(() => undefined);
      await shoot(page, browser, `vote-live5-${size.width}`);
      expect(await scrolled(), `${size.width}×${size.height}: px scrolled with the live split`).toEqual(none);
      // Every reply's bar and count: whole, inside the replies' column, above the controls, and reading its votes.
      const bars = await page.evaluate(() => {
        const side = document.querySelector('.vote .vote-side')!.getBoundingClientRect();
        const foot = document.querySelector('.vote .controls')!.getBoundingClientRect().top;
        return [...document.querySelectorAll('.vote .option')].map((li) => {
          const parts = [...li.querySelectorAll('.option-live .bar-track, .option-live .bar-label')].map((e) => e.getBoundingClientRect());
          const out = parts.flatMap((r) => [r.top < side.top - 1 ? `top ${r.top} < ${side.top}` : '', r.bottom > Math.min(side.bottom, foot) + 1 ? `bottom ${r.bottom} > ${Math.min(side.bottom, foot)}` : '', r.right > side.right + 1 ? `right ${r.right} > ${side.right}` : '', r.width < 1 ? 'no width' : ''].filter(Boolean));
          return { label: li.querySelector('.option-live .bar-label')?.textContent ?? '', parts: parts.length, out };
        });
      });
      expect(bars.map((b) => b.parts), `${size.width}×${size.height}: a bar and a count for each reply`).toEqual([2, 2, 2, 2, 2]);
      expect(bars.map((b) => b.out), `${size.width}×${size.height}: the bars and counts cut off`).toEqual([[], [], [], [], []]);
      expect(bars[4]!.label, 'reply 5 reads its one vote').toMatch(/25\s?%/);
      // Readable from the back: ≥ 28 px at 1080p (0.85rem), the same share of the screen at 720p.
      expect(await smallestText(page, '.vote .stage-line, .vote .option-text, .vote .option-live')).toBeGreaterThanOrEqual(size.height === 1080 ? 28 : 18.5);
    }
    check();
    await context.close();
  });

  test(`everyone plays on the projector (${lang}): the board, heat map and results ≥ 28 px; the next scenario shows the leaderboard`, async ({ browser }) => {
    const { page, check, context } = await hostPage(browser, lang);
    await page.locator('input[name="scenario"][value="broadband-outage"]').check();
    await page.locator('input[name="mode"][value="solo"]').check();
    await page.locator('[data-key="create"]').click();
    const code = (await page.locator('.room-code').getAttribute('data-code'))!;
    const names = lang === 'en' ? ['Ann', 'Bo', 'Cy'] : ['小安', '老包', '陈晨'];
    const ts = await Promise.all(names.map((n) => trainee(code, n)));
    await expect(page.locator('.lobby-people .person')).toHaveCount(3);
    await page.locator('[data-key="start"]').click();
    await expect(page.locator('.board')).toBeVisible();
    for (const [i, t] of ts.entries()) {
      const a = (await t.s.timeout(20_000).emitWithAck('trainee.attach', { code, token: t.r.token })) as { view: { solo: { now: { choices: { choice: number }[] } } } };
      await t.s.timeout(20_000).emitWithAck('trainee.choose', { code, token: t.r.token, turn: 0, choice: a.view.solo.now.choices[i % a.view.solo.now.choices.length]!.choice, seq: 1 });
    }
    await expect(page.locator('.heat-wrap li, .heat-wrap tr').first()).toBeVisible();
    expect(await smallestText(page, '.board .table-wrap, .heat-wrap')).toBeGreaterThanOrEqual(28);
    // The running score says what it is (play-test: a bare number): its heading names it and points at a note
    // under the table, on the screen, that tells its scale.
    const scoreHead = page.locator('.board-table thead th[aria-describedby="board-score-note"]');
    await expect(scoreHead).toHaveText(lang === 'en' ? 'Avg score' : '平均每轮得分');
    await expect(page.locator('#board-score-note')).toContainText(lang === 'en' ? '100 = the best reply on offer' : '100 = 每轮都选了当时最佳的回答');
    expect(await bottomOf(page, '#board-score-note')).toBeLessThanOrEqual(1080);
    await shoot(page, browser, 'board');
    await page.locator('[data-key="end-round"]').click();
    await page.locator('[data-key="end-round"]').click();
    await expect(page.locator('.board-after')).not.toBeEmpty();
    // The ranking's numbers are points of 100, the unfinished ones so far, as the note under its heading says.
    await expect(page.locator('.ranking-note')).toContainText(lang === 'en' ? 'Points of 100' : '满分 100');
    for (const score of await page.locator('.ranking .rank-score').allTextContents()) expect(score).toMatch(lang === 'en' ? /^\d+ pts (so far|·)/ : /\d+ 分/);
    expect(await smallestText(page, '.board-after, .board .table-wrap, .heat-wrap')).toBeGreaterThanOrEqual(28);
    await shoot(page, browser, 'results');
    await page.locator('#next-scenario').selectOption('door-bump');
    await page.locator('#next-scenario').press('Enter');
    await expect(page.locator('.leaderboard tbody tr')).toHaveCount(3);
    expect(await smallestText(page, '.leaderboard')).toBeGreaterThanOrEqual(28);
    await shoot(page, browser, 'leaderboard');
    await leaderboardInLobby(page);
    check();
    await context.close();
  });
  test(`ten trainees on the projector (${lang}): Start is on screen in the lobby, with the room controls open too`, async ({ browser }) => {
    const { page, check, context } = await hostPage(browser, lang);
    await page.locator('input[name="scenario"][value="broadband-outage"]').check();
    await page.locator('input[name="mode"][value="vote"]').check();
    await page.locator('[data-key="create"]').click();
    const code = (await page.locator('.room-code').getAttribute('data-code'))!;
    for (const n of TEN[lang]) expect((await trainee(code, n)).r.ok).toBe(true);
    await expect(page.locator('.lobby-people .person')).toHaveCount(10);
    await pressableInView(page, '[data-key="start"]');
    await shoot(page, browser, 'lobby-ten');
    await page.locator('.room-controls-summary').click();
    await expect(page.locator('.room-controls')).toHaveAttribute('open', '');
    // The switches are brought into view, and Start is still there to press.
    await expect(async () => {
      const sw = (await page.locator('.room-controls .switches').boundingBox())!;
      expect(sw.y + sw.height).toBeLessThanOrEqual(1080);
      await pressableInView(page, '[data-key="start"]');
    }).toPass();
    await shoot(page, browser, 'lobby-ten-controls');
    // Esc closes the controls (one listener, however often the screens were built: three language switches here).
    const listeners = await documentKeydownListeners(page);
    for (const l of [lang === 'en' ? 'zh-CN' : 'en', lang, lang === 'en' ? 'zh-CN' : 'en', lang]) {
      await page.locator(`#lang button[lang="${l}"]`).click();
      await expect(page.locator('html')).toHaveAttribute('lang', l);
    }
    expect(await documentKeydownListeners(page)).toBeLessThanOrEqual(listeners);
    await page.locator('.room-controls-summary').focus();
    if (!(await page.locator('.room-controls').getAttribute('open'))) await page.keyboard.press('Enter');
    await expect(page.locator('.room-controls')).toHaveAttribute('open', '');
    await page.keyboard.press('Escape');
    await expect(page.locator('.room-controls')).not.toHaveAttribute('open', '');
    await expect(page.locator('.room-controls-summary')).toBeFocused();
    await pressableInView(page, '[data-key="start"]');
    await page.locator('[data-key="start"]').click();
    await expect(page.locator('.vote')).toBeVisible();
    check();
    await context.close();
  });

  test(`ten trainees on the live board (${lang}): every row on one 1920×1080 screen, ≥ 28 px, nothing to scroll`, async ({ browser }) => {
    const { page, check, context } = await hostPage(browser, lang);
    await page.locator('input[name="scenario"][value="broadband-outage"]').check();
    await page.locator('input[name="mode"][value="solo"]').check();
    await page.locator('[data-key="create"]').click();
    const code = (await page.locator('.room-code').getAttribute('data-code'))!;
    const ts = [];
    for (const n of TEN[lang]) ts.push(await trainee(code, n));
    expect(ts.map((t) => t.r.error ?? 'ok')).toEqual(TEN[lang].map(() => 'ok'));
    await expect(page.locator('.lobby-people .person')).toHaveCount(10);
    await page.locator('[data-key="start"]').click();
    await expect(page.locator('.board-table tbody tr')).toHaveCount(10);
    for (const [i, t] of ts.entries()) {
      const a = (await t.s.timeout(20_000).emitWithAck('trainee.attach', { code, token: t.r.token })) as { view: { solo: { now: { choices: { choice: number }[] } } } };
      await t.s.timeout(20_000).emitWithAck('trainee.choose', { code, token: t.r.token, turn: 0, choice: a.view.solo.now.choices[i % a.view.solo.now.choices.length]!.choice, seq: 1 });
    }
    await expect(page.locator('.board-table [data-turns="1"]')).toHaveCount(10);
    await expect(page.locator('.heat-wrap li').first()).toBeVisible();
    expect(await smallestText(page, '.board .table-wrap, .heat-wrap, .board-head')).toBeGreaterThanOrEqual(28);
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight)).toBeLessThanOrEqual(1080);
    // Every row and every heat cell whole on the screen (nothing hidden in a scrolled box), End round too.
    for (const sel of ['.board-table tbody tr:last-child', '.heat-wrap li:last-child']) {
      await expect.poll(() => bottomOf(page, sel), { message: sel }).not.toBeNull();
      expect(await bottomOf(page, sel), sel).toBeLessThanOrEqual(1080);
    }
    await pressableInView(page, '[data-key="end-round"]');
    expect(await bottomOf(page, '#board-score-note'), 'the note on the running score').toBeLessThanOrEqual(1080);
    await shoot(page, browser, 'board-ten');
    // Three turns more, each trainee a different reply: the heat map grows past what a screen holds and shows the
    // principles that came up for the most trainees, saying how many more the end of the round will show.
    for (let k = 1; k <= 3; k++) {
      for (const [i, t] of ts.entries()) {
        const a = (await t.s.timeout(20_000).emitWithAck('trainee.attach', { code, token: t.r.token })) as { view: { solo: { now: { turn: number; choices: { choice: number }[] }; result?: unknown } } };
        const now = a.view.solo.now;
        if (a.view.solo.result || !now.choices.length) continue;
        await t.s.timeout(20_000).emitWithAck('trainee.choose', { code, token: t.r.token, turn: now.turn, choice: now.choices[(i + 3 * k) % now.choices.length]!.choice, seq: k + 1 });
      }
    }
    await expect(page.locator('.heat-more')).toBeVisible();
    expect(await page.locator('.heat-wrap li').count()).toBeLessThanOrEqual(10);
    expect(await smallestText(page, '.board .table-wrap, .heat-wrap, .board-head')).toBeGreaterThanOrEqual(28);
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight)).toBeLessThanOrEqual(1080);
    for (const sel of ['.board-table tbody tr:last-child', '.heat-more']) {
      await expect.poll(() => bottomOf(page, sel), { message: sel }).not.toBeNull();
      expect(await bottomOf(page, sel), sel).toBeLessThanOrEqual(1080);
    }
    await shoot(page, browser, 'board-ten-later');
    // Ended: every principle again (none held back).
    await page.locator('[data-key="end-round"]').click();
    await page.locator('[data-key="end-round"]').click();
    await expect(page.locator('.board-after')).not.toBeEmpty();
    await expect(page.locator('.heat-more')).toHaveCount(0);
    expect(await page.locator('.heat-wrap li').count()).toBeGreaterThan(10);
    // The next scenario with the same ten: their leaderboard on the lobby's one screen.
    await page.locator('#next-scenario').selectOption('door-bump');
    await page.locator('#next-scenario').press('Enter');
    await expect(page.locator('.leaderboard tbody tr')).toHaveCount(10);
    await expect(page.locator('.lobby-people .person')).toHaveCount(10);
    await shoot(page, browser, 'leaderboard-ten');
    await leaderboardInLobby(page);
    check();
    await context.close();
  });
}

test('own words, ten trainees on the live board (en): each row one line, every column on the 1920×1080 screen', async ({ browser }) => {
  const { page, check, context } = await hostPage(browser, 'en');
  await page.locator('input[name="scenario"][value="broadband-outage"]').check();
  await page.locator('input[name="mode"][value="solo"]').check();
  await page.locator('#own-words').check();
  await page.locator('[data-key="create"]').click();
  const code = (await page.locator('.room-code').getAttribute('data-code'))!;
  const ts = [];
  for (const n of TEN.en) ts.push(await trainee(code, n));
  await page.locator('[data-key="start"]').click();
  await expect(page.locator('.board-table tbody tr')).toHaveCount(10);
  // Replies that break several principles (long names), one that is not followed, and good ones.
  const says = [
    "That's our policy and there is nothing I can do, you should have read the terms, calm down.",
    'Hmm.',
    'I am so sorry, I understand how frustrating a day without the line is. Let me write down the details.',
    "It's not my department, talk to the engineers, they never tell us anything anyway.",
  ];
  for (const [i, t] of ts.entries()) {
    await t.s.timeout(20_000).emitWithAck('trainee.attach', { code, token: t.r.token });
    await t.s.timeout(20_000).emitWithAck('trainee.say', { code, token: t.r.token, turn: 0, text: says[i % says.length], seq: 1 });
  }
  // Every trainee's reply on the board: principles found, or not followed.
  await expect(page.locator('.board-table .found-cell:has(.chips, .asked-again-count)')).toHaveCount(10);
  await expect(page.locator('.board-table .found-cell .chip--more').first()).toBeVisible();
  await expect(page.locator('.board-table .asked-again-count').first()).toBeVisible();
  expect(await smallestText(page, '.board .table-wrap, .heat-wrap, .board-head')).toBeGreaterThanOrEqual(28);
  const fit = await page.evaluate(() => {
    const wrap = document.querySelector('.board .table-wrap')!;
    const line = parseFloat(getComputedStyle(document.querySelector('.board-table tbody th')!).lineHeight);
    return {
      overflow: wrap.scrollWidth - wrap.clientWidth,
      tallest: Math.max(...[...document.querySelectorAll('.board-table tbody tr')].map((r) => r.getBoundingClientRect().height)),
      line,
      page: document.scrollingElement!.scrollHeight,
    };
  });
  await shoot(page, browser, 'board-ten-own-words');
  expect(fit.overflow, 'the table scrolls sideways').toBeLessThanOrEqual(0);
  expect(fit.tallest, 'a row of more than one line').toBeLessThan(2 * fit.line);
  expect(fit.page).toBeLessThanOrEqual(1080);
  check();
  await context.close();
});

test('New session over a live class vote asks once more, and the second click still counts after votes came in between', async ({ browser }) => {
  const { page, check, context } = await hostPage(browser, 'en');
  await page.locator('input[name="scenario"][value="broadband-outage"]').check();
  await page.locator('input[name="mode"][value="vote"]').check();
  await page.locator('[data-key="create"]').click();
  const code = (await page.locator('.room-code').getAttribute('data-code'))!;
  const ts = await Promise.all(['Ann', 'Bo', 'Cy'].map((n) => trainee(code, n)));
  await page.locator('[data-key="start"]').click();
  await expect(page.locator('.round-state[data-status="open"]')).toBeVisible();
  const choice = Number(await page.locator('.option').first().getAttribute('data-choice'));
  const leave = page.locator('[data-key="top-new"]');
  await leave.click();
  await expect(leave).toHaveText(/Click again/);
  // The host's screen is updated as votes come in: the button keeps its first click.
  for (const [i, t] of ts.slice(0, 2).entries()) {
    expect(await t.s.timeout(20_000).emitWithAck('trainee.vote', { code, token: t.r.token, turn: 0, choice, seq: 1 })).toMatchObject({ ok: true });
    await expect(page.locator('.vote [data-voters]')).toHaveAttribute('data-voters', String(i + 1));
  }
  await expect(leave).toHaveText(/Click again/);
  await leave.click();
  await expect(page.locator('h1').first()).toHaveText('Host a class session');
  check();
  await context.close();
});

for (const lang of ['en', 'zh-CN'] as const) {
  test(`a server on loopback only (${lang}): the lobby says phones cannot reach it and how to start it, no QR code to scan in vain, on one screen`, async ({ browser }) => {
    // A server of its own on 127.0.0.1 (as `node bin/serve.mjs --host 127.0.0.1`).
    const port = Number(process.env.E2E_PROJECTOR_LOOPBACK_PORT ?? 4337);
    const local = await serve({ port, host: '127.0.0.1', db: join(mkdtempSync(join(tmpdir(), 'dojo-e2e-')), 'dojo.db'), dist: process.env.E2E_DIST ?? join(ROOT, 'dist'), quiet: true });
    try {
      const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}`, reducedMotion: 'reduce', viewport: { width: 1920, height: 1080 }, locale: lang });
      const page = await context.newPage();
      const check = watchErrors(page);
      await page.goto('/host');
      await page.locator('input[name="scenario"][value="broadband-outage"]').check();
      await page.locator('input[name="mode"][value="vote"]').check();
      await page.locator('[data-key="create"]').click();
      const code = (await page.locator('.room-code').getAttribute('data-code'))!;
      // The link is the loopback address the server listens on (not a LAN address it does not), and it says so.
      expect(await page.locator('.join-link a').getAttribute('href')).toBe(`http://127.0.0.1:${port}/join?code=${code}`);
      const note = page.locator('.hint--unreachable');
      await expect(note).toContainText(lang === 'en' ? "Phones can't reach this server" : '学员的手机连不上这台服务器');
      await expect(note).toContainText('npm start');
      await expect(note).toContainText('--host 0.0.0.0');
      await expect(page.locator('canvas.qr')).toHaveCount(0);
      expect(await smallestText(page, '.lobby')).toBeGreaterThanOrEqual(28);
      expect(await page.evaluate(() => document.scrollingElement!.scrollHeight - window.innerHeight), 'px to scroll').toBeLessThanOrEqual(0);
      expect(await bottomOf(page, '.hint--unreachable')).toBeLessThanOrEqual(1080);
      await shoot(page, browser, 'lobby-loopback');
      check();
      await context.close();
    } finally {
      await local.close();
    }
  });
}
