/**
 * The classroom pages in a browser against a real classroom server: a trainer's /host page
 * and trainees' /join pages (separate browser contexts, one a phone) play a class vote to the
 * debrief and an everyone-plays round to its ranking. Every screen is photographed in both
 * languages into test-results/screenshots/classroom-*.png.
 */
import { join } from 'node:path';
import { expect, test, type BrowserContextOptions, type Page } from '@playwright/test';
import { classServer } from './classServer.js';
import { SHOTS } from './helpers.js';

// Its own server (E2E_CLASSROOM_PORT and E2E_DIST let several people run it at once on one machine).
const classroom = classServer(Number(process.env.E2E_CLASSROOM_PORT ?? 4319));
const BASE = classroom.base;
const SCENARIO = 'broadband-outage';
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const open = classroom.open;

/** Photograph the page in both languages (switching with its own language buttons), then switch back. */
async function shoot(page: Page, name: string): Promise<void> {
  const start = await page.evaluate(() => document.documentElement.lang);
  const other = start === 'en' ? 'zh-CN' : 'en';
  const switchTo = async (l: string) => {
    await page.locator(`#lang button[lang="${l}"]`).click();
    await expect(page.locator('html')).toHaveAttribute('lang', l);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  };
  await page.screenshot({ path: join(SHOTS, `classroom-${name}-${start}.png`), fullPage: true });
  await switchTo(other);
  await page.screenshot({ path: join(SHOTS, `classroom-${name}-${other}.png`), fullPage: true });
  await switchTo(start);
}

async function createRoom(host: Page, mode: 'vote' | 'solo', seconds?: number): Promise<string> {
  await host.locator(`input[name="scenario"][value="${SCENARIO}"]`).check();
  await host.locator(`input[name="mode"][value="${mode}"]`).check();
  if (seconds !== undefined) await host.locator('#vote-seconds').fill(String(seconds));
  await host.locator('[data-key="create"]').click();
  const code = await host.locator('.room-code').getAttribute('data-code');
  expect(code).toMatch(/^[A-Z0-9]{5}$/);
  await expect(host).toHaveURL(new RegExp(`\\?room=${code}$`));
  return code!;
}

async function join_(page: Page, name: string, code?: string): Promise<void> {
  if (code !== undefined) await page.locator('#join-code').fill(code);
  await page.locator('#join-name').fill(name);
  await page.locator('[data-key="join"]').click();
  await expect(page.locator('.lobby-phone, .vote-phone, .solo-phone')).toBeVisible();
}

/** Tap the reply at screen position `n` (1-based). */
const tap = (page: Page, n: number) => page.locator('.choices button.choice').nth(n - 1).click();

test('class vote: a host and three trainees play a scenario to the class debrief', async ({ browser }) => {
  test.setTimeout(240_000);
  const host = await open(browser, '/host', { locale: 'zh-CN', viewport: { width: 1280, height: 720 } });
  await expect(host.page.locator('input[name="scenario"]')).not.toHaveCount(0);
  await shoot(host.page, 'host-start');

  const code = await createRoom(host.page, 'vote', 120);
  // The join link carries the code, and a QR code of it is drawn.
  const link = await host.page.locator('.join-link a').getAttribute('href');
  expect(link).toMatch(new RegExp(`^https?://[^/]+/join\\?code=${code}$`));
  // The server listens on 127.0.0.1 only: the link is that address (never a LAN address it does not listen on), and
  // the page says phones cannot reach it and how to start the server so they can.
  expect(link).toBe(`${BASE}/join?code=${code}`);
  await expect(host.page.locator('.hint--unreachable')).toContainText('npm start');
  await expect(host.page.locator('.hint--unreachable')).toContainText('--host 0.0.0.0');
  // No QR code a phone would scan in vain.
  await expect(host.page.locator('canvas.qr')).toHaveCount(0);
  const phone = await open(browser, `/join?code=${code}`, { locale: 'zh-CN', ...PHONE });
  await expect(phone.page.locator('#join-code')).toHaveValue(code);
  await phone.page.locator('#join-name').fill('小王');
  await shoot(phone.page, 'phone-join');
  await phone.page.locator('[data-key="join"]').click();
  await expect(phone.page.locator('.lobby-phone')).toBeVisible();
  await shoot(phone.page, 'phone-lobby');

  // The second trainee first mistypes the code (a friendly alert), then types it in lower case with a dash.
  const alice = await open(browser, '/join', { locale: 'en' });
  await alice.page.locator('#join-code').fill('ZZZZZ');
  await alice.page.locator('#join-name').fill('Alice');
  await alice.page.locator('[data-key="join"]').click();
  await expect(alice.page.locator('#alert')).toHaveText("There's no open room with that code. Check it and try again.");
  await join_(alice.page, 'Alice', `${code.slice(0, 3).toLowerCase()}-${code.slice(3).toLowerCase()}`);
  await expect(alice.page.locator('#alert')).toBeHidden();
  const li = await open(browser, '/join', { locale: 'zh-CN', viewport: { width: 414, height: 896 } });
  await join_(li.page, '李明', code);

  await expect(host.page.locator('.people .person')).toHaveCount(3);
  await expect(host.page.locator('.people')).toContainText('小王');
  await expect(host.page.locator('.people .dot--on')).toHaveCount(3);
  await shoot(host.page, 'host-lobby');
  // A trainee changes their mind below, after everyone has voted: the trainer closes the vote by hand here
  // (closing by itself once all have voted is on by default; the room controls turn it off).
  await host.page.locator('details:has([data-key="setting-autoClose"]) > summary').click();
  await host.page.locator('[data-key="setting-autoClose"]').click();
  await expect(host.page.locator('[data-key="setting-autoClose"]')).toHaveAttribute('aria-pressed', 'false');
  await host.page.locator('[data-key="start"]').click();

  // ---- decision 1: two vote for reply 2, one changes their mind from 3 to 1 ----
  for (const p of [phone.page, alice.page, li.page]) await expect(p.locator('.phone-status[data-status="open"]')).toBeVisible();
  await expect(host.page.locator('.round-state[data-status="open"]')).toBeVisible();
  await expect(host.page.locator('.round-tally')).toHaveAttribute('data-voters', '0');
  await tap(phone.page, 2);
  await expect(phone.page.locator('.vote-note--ok')).toBeVisible();
  await expect(phone.page.locator('button.choice[aria-pressed="true"]')).toHaveCount(1);
  await tap(alice.page, 2);
  await tap(li.page, 3);
  await expect(li.page.locator('.vote-note--ok')).toBeVisible();
  await tap(li.page, 1);
  await expect(li.page.locator('button.choice').nth(0)).toHaveAttribute('aria-pressed', 'true');
  await expect(li.page.locator('.vote-note--ok')).toBeVisible();
  await expect(host.page.locator('.round-tally')).toHaveAttribute('data-voters', '3');
  // While voting is open the host sees how many voted, never the split.
  await expect(host.page.locator('.option-reveal')).toHaveCount(0);
  await expect(host.page.locator('.countdown')).toBeVisible();
  await shoot(host.page, 'host-voting');
  await shoot(phone.page, 'phone-vote');

  await host.page.locator('[data-key="close"]').click();
  await expect(phone.page.locator('.phone-status[data-status="closed"]')).toBeVisible();
  await host.page.locator('[data-key="reveal"]').click();
  // Revealed (on a wide screen the state's badge gives the replies its room; the change is announced).
  await expect(host.page.locator('.vote[data-status="revealed"] .round-state[data-status="revealed"]')).toBeAttached();
  await expect(host.page.locator('.option-reveal')).not.toHaveCount(0);
  await expect(host.page.locator('.option--majority')).toHaveCount(1);
  await expect(host.page.locator('.option--majority .bar-label')).toContainText('67%');
  await expect(phone.page.locator('.phone-status[data-status="revealed"]')).toBeVisible();
  await expect(phone.page.locator('.feedback-card')).toBeVisible();
  await shoot(host.page, 'host-revealed');
  await shoot(phone.page, 'phone-revealed');
  await host.page.locator('[data-key="continue"]').click();

  // ---- decision 2: the class picks reply 1, the trainer overrides with reply 2 ----
  await expect(host.page.locator('.round-state[data-status="open"]')).toBeVisible();
  await expect(host.page.locator('.round-turn')).toContainText('2');
  // A reload on a phone attaches again with the stored token.
  await alice.page.reload();
  await expect(alice.page.locator('.phone-status[data-status="open"]')).toBeVisible();
  // Every connection drops: the pages reconnect, attach again, and votes sent meanwhile still count.
  const dropped = [...classroom.running().io.sockets.sockets.values()];
  expect(dropped.length).toBeGreaterThanOrEqual(4);
  let reconnected = 0;
  const count = () => reconnected++;
  classroom.running().io.on('connection', count);
  for (const socket of dropped) socket.conn.close();
  for (const p of [phone.page, alice.page, li.page]) await tap(p, 1);
  await expect(host.page.locator('.round-tally')).toHaveAttribute('data-voters', '3');
  for (const p of [phone.page, alice.page, li.page]) await expect(p.locator('.vote-note--ok')).toBeVisible();
  // All four came back (on new connections; the server may have recovered their sessions).
  await expect.poll(() => reconnected).toBeGreaterThanOrEqual(4);
  classroom.running().io.off('connection', count);
  await host.page.locator('[data-key="reveal"]').click();
  await expect(host.page.locator('.round-state[data-status="revealed"]')).toBeAttached();
  const second = host.page.locator('.option').nth(1);
  const choice = await second.getAttribute('data-choice');
  await host.page.locator(`[data-key="override-${choice}"]`).click();

  // Should the worst route not end here, let the class go on with the majority until it does.
  for (let i = 0; i < 12 && !(await host.page.locator('.debrief').isVisible()); i++) {
    await expect(host.page.locator('.debrief, .round-state[data-status="open"]').first()).toBeVisible();
    if (await host.page.locator('.debrief').isVisible()) break;
    for (const p of [phone.page, alice.page, li.page]) await tap(p, 1);
    await expect(host.page.locator('.round-tally')).toHaveAttribute('data-voters', '3');
    await host.page.locator('[data-key="close"]').click();
    await host.page.locator('[data-key="continue"]').click();
    await host.page.waitForTimeout(200);
  }

  // ---- the debrief ----
  await expect(host.page.locator('.debrief')).toBeVisible();
  await expect(host.page.locator('.result-card')).toHaveCount(3);
  const rows = host.page.locator('.turns-table tbody tr');
  expect(await rows.count()).toBeGreaterThanOrEqual(2);
  await expect(rows.nth(1).locator('.by')).toHaveText('讲师选定');
  await expect(rows.nth(0).locator('.turn-option--picked')).toHaveCount(1);
  await expect(host.page.locator('.turn-option--model')).not.toHaveCount(0);
  await shoot(host.page, 'host-debrief');
  await expect(phone.page.locator('.ended-phone .result-card')).toBeVisible();
  await shoot(phone.page, 'phone-class-result');

  // The exports: CSV with a BOM and the Chinese intact, JSON that parses.
  const csvHref = await host.page.locator('a[data-export="csv"]').getAttribute('href');
  expect(csvHref).toBe(`/api/rooms/${code}/export.csv?lang=zh-CN`);
  const csv = await host.page.request.get(`${BASE}${csvHref}`);
  expect(csv.status()).toBe(200);
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text).toContain('顾客的话');
  expect(text).toMatch(/刘先生|宽带|刷卡机/);
  const json = await host.page.request.get(`${BASE}${await host.page.locator('a[data-export="json"]').getAttribute('href')}`);
  expect(json.status()).toBe(200);
  expect(await json.json()).toBeTruthy();

  for (const o of [host, phone, alice, li]) o.check();
  for (const o of [host, phone, alice, li]) await o.close();
});

test('everyone plays: the live board follows two trainees and ends with a ranking', async ({ browser }) => {
  test.setTimeout(240_000);
  const host = await open(browser, '/host', { locale: 'en', viewport: { width: 1280, height: 720 } });
  await expect(host.page.locator('input[name="scenario"]')).not.toHaveCount(0);
  const code = await createRoom(host.page, 'solo');
  const ann = await open(browser, `/join?code=${code}`, { locale: 'zh-CN', ...PHONE });
  await join_(ann.page, '安娜');
  const bo = await open(browser, `/join?code=${code}`, { locale: 'en' });
  await join_(bo.page, 'Bo');
  await expect(host.page.locator('.people .person')).toHaveCount(2);
  await host.page.locator('[data-key="start"]').click();

  const row = (name: string) => host.page.locator(`.board-table tr[data-row="${name}"]`);
  await expect(host.page.locator('.board-table tbody tr')).toHaveCount(2);
  await expect(row('安娜').locator('[data-turns]')).toHaveAttribute('data-turns', '0');
  await expect(ann.page.locator('.solo-play')).toBeVisible();

  // Ann's first reply: coaching on her phone, one turn on the board.
  await tap(ann.page, 2);
  await expect(ann.page.locator('.coaching')).toBeVisible();
  await expect(row('安娜').locator('[data-turns]')).toHaveAttribute('data-turns', '1');
  await shoot(ann.page, 'phone-solo-coaching');
  await ann.page.locator('[data-key="coach-next"]').click();
  await expect(ann.page.locator('.solo-play')).toBeVisible();
  await shoot(ann.page, 'phone-solo-play');

  // Bo replies twice (2, then 3: the conversation goes on).
  await tap(bo.page, 2);
  await bo.page.locator('[data-key="coach-next"]').click();
  await tap(bo.page, 3);
  await expect(row('Bo').locator('[data-turns]')).toHaveAttribute('data-turns', '2');
  await expect(host.page.locator('.heat .heat-cell')).not.toHaveCount(0);
  // A reload of the host page attaches again with the stored host token.
  await host.page.reload();
  await expect(row('Bo').locator('[data-turns]')).toHaveAttribute('data-turns', '2');
  await shoot(host.page, 'host-board');

  // Ann goes on (reply 2 again, then the first reply until the conversation ends).
  await tap(ann.page, 2);
  await expect(ann.page.locator('.coaching')).toBeVisible();
  await ann.page.locator('[data-key="coach-next"]').click();
  for (let i = 0; i < 12 && !(await ann.page.locator('.solo-result').isVisible()); i++) {
    await tap(ann.page, 1);
    await ann.page.locator('[data-key="coach-next"]').click();
  }
  await expect(ann.page.locator('.solo-result')).toBeVisible();
  await shoot(ann.page, 'phone-solo-result');
  await expect(row('安娜')).toContainText(/Escalated|Resolved|Unresolved|Won back|Left without a word/);

  // End the round (it asks once more), then the ranking and the commonest mistakes.
  await host.page.locator('[data-key="end-round"]').click();
  await host.page.locator('[data-key="end-round"]').click();
  await expect(host.page.locator('.ranking .rank')).toHaveCount(2);
  // One scale, highest first: Ann's overall (finished) and Bo's overall so far (still playing, said so).
  const ranks = await host.page.locator('.ranking .rank-score').allTextContents();
  const points = ranks.map((r) => Number(/\d+/.exec(r)![0]));
  expect(points, ranks.join(' | ')).toEqual([...points].sort((a, b) => b - a));
  await expect(host.page.locator('.ranking .rank', { hasText: 'Bo' })).toContainText('so far · unfinished');
  await expect(host.page.locator('.mistakes')).toBeVisible();
  // Bo was still reading his coaching: it stays until he has read it, then the round's end.
  await expect(bo.page.locator('.coaching')).toBeVisible();
  await bo.page.locator('[data-key="coach-next"]').click();
  await expect(bo.page.locator('.phone-other')).toContainText(/ended/);
  await shoot(host.page, 'host-board-ended');

  for (const o of [host, ann, bo]) o.check();
  for (const o of [host, ann, bo]) await o.close();
});

/** Every button and link a thumb can reach on the phone, with its height, those under `min` px. */
const smallTargets = (page: Page, min: number) =>
  page.evaluate(
    (m) =>
      [...document.querySelectorAll<HTMLElement>('button, a[href], summary, select')]
        .filter((b) => b.getClientRects().length && !b.closest('.visually-hidden'))
        .map((b) => `${b.textContent!.trim().slice(0, 24)}: ${Math.round(b.getBoundingClientRect().height)} px`)
        .filter((s) => Number(s.split(': ').at(-1)!.split(' ')[0]) < m),
    min,
  );

for (const lang of ['en', 'zh-CN'] as const) {
  test(`the phone in an everyone-plays round (${lang}): every button in the coaching and after the round is a touch target (≥ 44 px)`, async ({ browser }) => {
    const host = await open(browser, '/host', { locale: 'en', viewport: { width: 1280, height: 720 } });
    await expect(host.page.locator('input[name="scenario"]')).not.toHaveCount(0);
    const code = await createRoom(host.page, 'solo');
    const phone = await open(browser, `/join?code=${code}`, { locale: lang, ...PHONE });
    await join_(phone.page, lang === 'en' ? 'Ann' : '安娜');
    await host.page.locator('[data-key="start"]').click();
    await tap(phone.page, 2);
    await expect(phone.page.locator('.coaching')).toBeVisible();
    expect(await smallTargets(phone.page, 44)).toEqual([]);
    // Continue: the width of the card, not a word-sized target.
    expect((await phone.page.locator('[data-key="coach-next"]').boundingBox())!.width).toBeGreaterThanOrEqual(0.8 * 390);
    await shoot(phone.page, 'phone-coaching-targets');
    await phone.page.locator('[data-key="coach-next"]').click();
    await host.page.locator('[data-key="end-round"]').click();
    await host.page.locator('[data-key="end-round"]').click();
    await expect(phone.page.locator('[data-key="leave"]')).toBeVisible();
    expect(await smallTargets(phone.page, 44)).toEqual([]);
    await shoot(phone.page, 'phone-ended-targets');
    for (const o of [host, phone]) o.check();
    for (const o of [host, phone]) await o.close();
  });
}

test('past sessions list the rooms with their exports', async ({ browser }) => {
  const host = await open(browser, '/host', { locale: 'zh-CN', viewport: { width: 1280, height: 720 } });
  await host.page.locator('[data-key="past"]').click();
  await expect(host.page.locator('.past-table tbody tr')).not.toHaveCount(0);
  await expect(host.page.locator('.past-table a[data-export="csv"]').first()).toHaveAttribute('href', /\/api\/rooms\/[^/]+\/export\.csv\?lang=zh-CN$/);
  await shoot(host.page, 'host-past');
  host.check();
  await host.close();
});

test('a trainer in another browser takes a room over; the old screen is told', async ({ browser }) => {
  const first = await open(browser, '/host', { locale: 'en', viewport: { width: 1280, height: 720 } });
  const code = await createRoom(first.page, 'solo');
  const second = await open(browser, `/host?room=${code}`, { locale: 'zh-CN', viewport: { width: 1280, height: 720 } });
  await expect(second.page.locator('[data-key="claim"]')).toBeVisible();
  await expect(second.page.locator('h1')).toContainText(code);
  await shoot(second.page, 'host-claim');
  await second.page.locator('[data-key="claim"]').click();
  await expect(second.page.locator('.room-code')).toHaveAttribute('data-code', code);
  // A nickname not fit for the projector: the trainer removes it, and bans it (the dialog asks first).
  const rude = await open(browser, `/join?code=${code}`, PHONE);
  await join_(rude.page, 'Rude name');
  const chip = second.page.locator('.person[data-person="Rude name"]');
  await expect(chip).toBeVisible();
  const dialog = second.page.locator('dialog.remove-dialog');
  await chip.locator('.person-remove').click();
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('h2')).toContainText('Rude name');
  // Escape cancels: nobody is removed.
  await second.page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(chip).toBeVisible();
  await chip.locator('.person-remove').click();
  await dialog.locator('#remove-ban').check();
  await second.page.screenshot({ path: join(SHOTS, 'classroom-host-lobby-remove-zh-CN.png'), fullPage: true });
  await dialog.locator('[data-key="remove-confirm"]').click();
  await expect(second.page.locator('.person')).toHaveCount(0);
  await expect(rude.page.locator('.removed-phone')).toBeVisible();
  await rude.page.locator('[data-key="join-again"]').click();
  await expect(rude.page.locator('#join-name')).toHaveValue('');
  // A name a spreadsheet would run, or one that shows nothing, is refused on the phone before it is sent.
  await rude.page.locator('#join-name').fill('=HYPERLINK("x")');
  await rude.page.locator('[data-key="join"]').click();
  await expect(rude.page.locator('#join-name-help')).toContainText('= + - or @');
  await rude.page.locator('#join-name').fill('\u3164\u3164');
  await rude.page.locator('[data-key="join"]').click();
  await expect(rude.page.locator('#join-name-help')).toContainText('shows nothing');
  await expect(rude.page.locator('#join-name')).toHaveAttribute('aria-invalid', 'true');
  await rude.page.screenshot({ path: join(SHOTS, 'classroom-phone-name-blank-en.png') });
  // The banned name, or one that looks like it, cannot come back; another can.
  await rude.page.locator('#join-name').fill('RUDE NAME');
  await rude.page.locator('[data-key="join"]').click();
  await expect(rude.page.locator('#alert')).toContainText(/not allow|doesn't allow/);
  await rude.page.screenshot({ path: join(SHOTS, 'classroom-phone-name-banned-en.png') });
  await join_(rude.page, 'Polite name');
  await expect(second.page.locator('.person[data-person="Polite name"]')).toBeVisible();
  rude.check();
  await rude.close();

  await first.page.locator('[data-key="start"]').click();
  await expect(first.page.locator('#alert')).toBeVisible();
  await expect(first.page.locator('[data-key="claim"]')).toBeVisible();
  first.check();
  second.check();
  await first.close();
  await second.close();
});

test('a session of two scenarios: the second one coaches its first turn again on the phone (turns count from 1 per scenario)', async ({ browser }) => {
  test.setTimeout(180_000);
  const host = await open(browser, '/host', { locale: 'en', viewport: { width: 1280, height: 720 } });
  await expect(host.page.locator('input[name="scenario"]')).not.toHaveCount(0);
  const code = await createRoom(host.page, 'solo');
  const ann = await open(browser, `/join?code=${code}`, { locale: 'en', ...PHONE });
  await join_(ann.page, 'Ann');
  await expect(host.page.locator('.people .person')).toHaveCount(1);
  await host.page.locator('[data-key="start"]').click();
  // The first scenario's first turn, coached and read.
  await tap(ann.page, 2);
  await expect(ann.page.locator('.coaching')).toBeVisible();
  await ann.page.locator('[data-key="coach-next"]').click();
  await expect(ann.page.locator('.solo-play')).toBeVisible();
  // The trainer ends it and runs the next one.
  await host.page.locator('[data-key="end-round"]').click();
  await host.page.locator('[data-key="end-round"]').click();
  await host.page.locator('#next-scenario').selectOption('door-bump');
  await host.page.locator('#next-scenario').press('Enter');
  await host.page.locator('[data-key="start"]').click();
  await expect(ann.page.locator('.solo-play')).toBeVisible();
  // Its first turn is coached too (a mark kept by turn number alone skipped it).
  await tap(ann.page, 1);
  await expect(ann.page.locator('.coaching')).toBeVisible();
  // A reload keeps what was read in this scenario, not the last one.
  await ann.page.reload();
  await expect(ann.page.locator('.coaching')).toBeVisible();
  await ann.page.locator('[data-key="coach-next"]').click();
  await expect(ann.page.locator('.coaching')).toBeHidden();
  ann.check();
  host.check();
  await Promise.all([ann.close(), host.close()]);
});

test('a vote that closes by itself (everyone voted): the phones learn it with the reveal; a changed vote shows it closed, without an alert', async ({ browser }) => {
  test.setTimeout(120_000);
  const host = await open(browser, '/host', { locale: 'en', viewport: { width: 1280, height: 720 } });
  await expect(host.page.locator('input[name="scenario"]')).not.toHaveCount(0);
  const code = await createRoom(host.page, 'vote', 120);
  const ann = await open(browser, `/join?code=${code}`, { locale: 'en', ...PHONE });
  await join_(ann.page, 'Ann');
  const li = await open(browser, `/join?code=${code}`, { locale: 'zh-CN', ...PHONE });
  await join_(li.page, '李明');
  await expect(host.page.locator('.people .person')).toHaveCount(2);
  await host.page.locator('[data-key="start"]').click();
  for (const p of [ann.page, li.page]) await expect(p.locator('.phone-status[data-status="open"]')).toBeVisible();
  await tap(ann.page, 2);
  await expect(ann.page.locator('.vote-note--ok')).toBeVisible();
  await tap(li.page, 1);
  // Everyone has voted: the host's screen shows the vote closed; the phones still show their vote taken.
  await expect(host.page.locator('.round-state[data-status="closed"]')).toBeVisible();
  await expect(li.page.locator('.vote-note--ok')).toBeVisible();
  // Ann changes her mind: the server says the vote has closed, and her phone shows it, with the vote that counted.
  await tap(ann.page, 3);
  await expect(ann.page.locator('.phone-status[data-status="closed"]')).toBeVisible();
  await expect(ann.page.locator('.vote-note')).toHaveText('Voting has closed. Waiting for the trainer to reveal the votes.');
  await expect(ann.page.locator('#alert')).toBeHidden();
  await host.page.locator('[data-key="reveal"]').click();
  for (const p of [ann.page, li.page]) await expect(p.locator('.phone-status[data-status="revealed"]')).toBeVisible();
  // Her vote is the one she made before the vote closed (the second reply).
  await expect(ann.page.locator('.choice--mine')).toHaveCount(1);
  await expect(ann.page.locator('.choices--static .choice').nth(1)).toHaveClass(/choice--mine/);
  ann.check();
  li.check();
  host.check();
  await Promise.all([ann.close(), li.close(), host.close()]);
});
