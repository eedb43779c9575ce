/**
 * Everyone plays in own words, in the browser: the trainer ticks "in their own words" on /host;
 * a trainee on a phone types (Enter that ends an IME composition does not send; Shift+Enter is a
 * new line), is asked again when the customer cannot follow, sends a reply that is read as one on
 * offer and sees the coaching with what was found marked; the board shows the principles found;
 * "pick from the replies instead" works for a turn. Screens in both languages.
 */
import { join } from 'node:path';
import { expect, test, type BrowserContextOptions, type Page } from '@playwright/test';
import { classServer } from './classServer.js';
import { SHOTS } from './helpers.js';

const classroom = classServer(Number(process.env.E2E_OWNWORDS_CLASS_PORT ?? 4335), 'join.html');
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const open = classroom.open;

/** The page in its language and in the other one (its own language buttons), then back. */
async function shoot(page: Page, name: string): Promise<void> {
  const start = await page.evaluate(() => document.documentElement.lang);
  const other = start === 'en' ? 'zh-CN' : 'en';
  await page.screenshot({ path: join(SHOTS, `classroom-ownwords-${name}-${start}.png`), fullPage: true });
  await page.locator(`#lang button[lang="${other}"]`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', other);
  await page.screenshot({ path: join(SHOTS, `classroom-ownwords-${name}-${other}.png`), fullPage: true });
  await page.locator(`#lang button[lang="${start}"]`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', start);
}

/** A control's colours as drawn (a transparent fill shows the page's), and the page's. */
async function actionLook(page: Page, sel: string): Promise<{ color: string; fill: string; border: string; page: string; opacity: number }> {
  return page.locator(sel).evaluate((b) => {
    const cs = getComputedStyle(b);
    let at: Element | null = document.body;
    let pageBg = 'rgb(0, 0, 0)';
    for (; at; at = at.parentElement) {
      const bg = getComputedStyle(at).backgroundColor;
      if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') {
        pageBg = bg;
        break;
      }
    }
    if (getComputedStyle(document.body).backgroundColor === 'rgba(0, 0, 0, 0)') pageBg = getComputedStyle(document.documentElement).backgroundColor;
    const fill = cs.backgroundColor === 'rgba(0, 0, 0, 0)' ? pageBg : cs.backgroundColor;
    return { color: cs.color, fill, border: cs.borderTopColor, page: pageBg, opacity: Number(cs.opacity) };
  });
}

/** WCAG contrast of two rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => Number(v) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

test('everyone plays in own words: typed replies, asked again, marked coaching, the board, and picking for a turn', async ({ browser }) => {
  test.setTimeout(180_000);
  const host = await open(browser, '/host', { locale: 'en', viewport: { width: 1280, height: 800 } });
  await host.page.locator('input[name="scenario"][value="kettle-return"]').check();
  // The choice is only there for everyone-plays rooms.
  await expect(host.page.locator('#own-words')).toBeHidden();
  await host.page.locator('input[name="mode"][value="solo"]').check();
  await host.page.locator('#own-words').check();
  await host.page.screenshot({ path: join(SHOTS, 'classroom-ownwords-start-en.png'), fullPage: true });
  await host.page.locator('[data-key="create"]').click();
  const code = (await host.page.locator('.room-code').getAttribute('data-code'))!;

  const lin = await open(browser, `/join?code=${code}`, { locale: 'zh-CN', ...PHONE });
  await lin.page.locator('#join-name').fill('林');
  await lin.page.locator('[data-key="join"]').click();
  await expect(host.page.locator('.people .person')).toHaveCount(1);
  // Before it starts, the phone says the replies will be typed.
  await expect(lin.page.locator('.lobby-phone .own-words-about')).toContainText('自己的话');
  await host.page.locator('[data-key="start"]').click();

  const box = lin.page.locator('#say-input');
  await expect(box).toBeVisible();
  await expect(box).toBeFocused();
  await expect(lin.page.locator('.choices')).toHaveCount(0);

  // Shift+Enter: a new line. An Enter that ends an IME composition: the IME's, nothing sent.
  await box.fill('What colour is the sky');
  await box.press('Shift+Enter');
  await box.pressSequentially('today?');
  await expect(box).toHaveValue('What colour is the sky\ntoday?');
  await box.evaluate((el) => el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, cancelable: true })));
  await lin.page.waitForTimeout(500);
  await expect(lin.page.locator('.say-status--again')).toHaveCount(0);
  await expect(box).toHaveValue('What colour is the sky\ntoday?');

  // Sent with Enter: the customer cannot follow and asks again; the text stays to be reworded.
  await box.press('Enter');
  await expect(lin.page.locator('.say-status--again')).toBeVisible();
  await expect(box).toHaveValue('What colour is the sky\ntoday?');
  await shoot(lin.page, 'phone-asked-again');
  // The trainer's board says the customer did not follow.
  await expect(host.page.locator('.board-table tr[data-row="林"] .asked-again-count')).toContainText('Not followed once');
  // Switching the language twice rebuilt the screen: what was typed is still there.
  await expect(box).toHaveValue('What colour is the sky\ntoday?');

  // Good in itself but the way of no reply here: asked again, told what was heard.
  await box.fill('这是我们的责任，我来负责。');
  await lin.page.locator('[data-key="say-send"]').tap();
  await expect(lin.page.locator('.say-status--again')).toContainText('听出了：“有错就认”、“主动承担解决责任”');
  await shoot(lin.page, 'phone-heard-not-now');

  // Nothing in it: said so under the box, nothing sent.
  await box.fill('   ');
  await lin.page.locator('[data-key="say-send"]').tap();
  await expect(lin.page.locator('#say-status')).toContainText('先写下');

  // A reply read as one on offer: the coaching shows it marked, and the reply it was read as.
  // Its own wording (nearly word for word a reply would simply be that reply, with nothing to mark).
  await box.fill("Hi there, take your time and put the box on the counter, dear. What's gone wrong with the kettle?");
  await lin.page.locator('[data-key="say-send"]').tap();
  await expect(lin.page.locator('.coaching')).toBeVisible();
  await expect(lin.page.locator('.coaching mark.found--good')).toHaveCount(2);
  await expect(lin.page.locator('.coaching mark.found--good').first()).toHaveText(/take your time/i);
  await expect(lin.page.locator('.coaching .read-as')).toContainText('读作最接近这句回答');
  await expect(lin.page.locator('.coaching .typed-badge')).toBeVisible();
  // What the reply read as is credited with, not found in the words, apart under its own label.
  await expect(lin.page.locator('.coaching .credited-label')).toHaveText('按读作的那句回答计入（你的话里没有读出）：');
  await expect(lin.page.locator('.coaching .credited-label + .chips .chip--good')).not.toHaveCount(0);
  await shoot(lin.page, 'phone-coaching');

  // The trainer's board: the last typed reply's principles, and the class heat map.
  const row = host.page.locator('.board-table tr[data-row="林"]');
  await expect(row.locator('[data-turns]')).toHaveAttribute('data-turns', '1');
  // Two found: while the round runs the row keeps to one line, the first of them and how many more.
  await expect(row.locator('.found-cell .chip--good')).toHaveCount(1);
  await expect(row.locator('.found-cell .chip--more')).toContainText('+1');
  await expect(host.page.locator('.board-table thead')).toContainText('Last typed reply');
  // The room's controls say so, and could turn it off for everyone.
  await expect(host.page.locator('[data-key="setting-ownWords"]')).toHaveAttribute('aria-pressed', 'true');
  await shoot(host.page, 'host-board');

  // The next turn, picked from the replies instead: a turn like any other.
  await lin.page.locator('[data-key="coach-next"]').tap();
  await expect(box).toBeVisible();
  // A draft, then the replies instead; back to the box (the draft is there), then the replies after all.
  await box.fill('我想想');
  await lin.page.locator('[data-key="say-pick"]').tap();
  await expect(lin.page.locator('.choices button.choice')).not.toHaveCount(0);
  await lin.page.locator('[data-key="type-instead"]').tap();
  await expect(box).toBeVisible();
  await expect(box).toHaveValue('我想想');
  await lin.page.locator('[data-key="say-pick"]').tap();
  await expect(lin.page.locator('[data-key="type-instead"]')).toBeVisible();
  // An enabled secondary action, not a grey one (play-test): its words 4.5:1 on its fill, its frame 3:1 on the page.
  const look = await actionLook(lin.page, '[data-key="type-instead"]');
  expect(look.opacity).toBe(1);
  expect(contrast(look.color, look.fill), `words ${look.color} on ${look.fill}`).toBeGreaterThanOrEqual(4.5);
  expect(contrast(look.border, look.page), `frame ${look.border} on ${look.page}`).toBeGreaterThanOrEqual(3);
  await shoot(lin.page, 'phone-picking');
  await lin.page.locator('.choices button.choice').first().tap();
  await expect(lin.page.locator('.coaching')).toBeVisible();
  await expect(lin.page.locator('.coaching .typed-badge')).toHaveCount(0);
  await expect(row.locator('[data-turns]')).toHaveAttribute('data-turns', '2');
  // …and the turn after that is typed again.
  await lin.page.locator('[data-key="coach-next"]').tap();
  await expect(box).toBeVisible();
  await expect(box).toHaveValue('');

  lin.check();
  host.check();
  await lin.close();
  await host.close();
});
