/**
 * A customer on the phone (customer.look.channel: phone) is shown in a call frame over your
 * place, never standing in it; a customer in person stands there and no call frame shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { begin, dojo, open, ROOT, SHOTS, until, watchErrors } from './helpers.js';

async function openFixture(page: Page, name: string, id: string): Promise<void> {
  await page.keyboard.press('Enter');
  await until(page, (d) => d.scene === 'Select' && d.choices.length > 0, 'the scenario list');
  // Let a phone's first layout settle: a late relayout restarts the list scene, and a restart
  // queued just as the file starts playing would bring the list back over the game.
  await page.waitForTimeout(400);
  const text = readFileSync(join(ROOT, 'tests/fixtures', name), 'utf8');
  await page.setInputFiles('#scenario-file', { name, mimeType: 'text/yaml', buffer: Buffer.from(text) });
  await begin(page, id);
}

/** What the stage shows of the customer. */
const onStage = (page: Page) =>
  page.evaluate(() => {
    const box = (s: string) => {
      const e = document.querySelector(s);
      if (!e) return null;
      const b = e.getBoundingClientRect();
      return { x: Math.round(b.x), y: Math.round(b.y), w: Math.round(b.width), h: Math.round(b.height) };
    };
    return {
      calls: document.querySelectorAll('.stage-call').length,
      standing: document.querySelectorAll('.stage-character').length,
      facesInCall: document.querySelectorAll('.stage-call-person img.stage-face').length,
      shown: [...document.querySelectorAll<HTMLImageElement>('img.stage-face.shown')].map((i) => i.getAttribute('src')),
      decoded: [...document.querySelectorAll<HTMLImageElement>('img.stage-face')].every((i) => i.complete && i.naturalWidth > 0),
      status: document.querySelector('.stage-call-status')?.textContent ?? null,
      name: document.querySelector('.stage-call-name')?.textContent ?? null,
      timer: document.querySelector('.stage-call-timer')?.textContent ?? null,
      place: (document.querySelector('.stage-call-window') as HTMLElement | null)?.style.backgroundImage ?? null,
      card: box('.stage-call'),
      speech: box('.stage-speech'),
      canvas: box('canvas'),
    };
  });

const overlaps = (a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

for (const [label, viewport] of [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  test(`a caller is in a call frame, with their own place and the call's time (${label})`, async ({ page }) => {
    const check = watchErrors(page);
    await page.setViewportSize(viewport);
    await open(page, { locale: 'zh-CN' });
    await openFixture(page, 'mini-phone.yaml', 'mini-phone');
    const d = await dojo(page);
    expect(d.customer).toMatchObject({ character: 'business-man-50s-glasses', channel: 'phone' });
    const s = await onStage(page);
    expect(s.calls, 'one call frame').toBe(1);
    expect(s.standing, 'nobody standing in the office').toBe(0);
    expect(s.facesInCall, 'all eight faces, inside the call frame').toBe(8);
    expect(s.decoded, 'every face decoded before play').toBe(true);
    expect(s.shown).toEqual([`characters/business-man-50s-glasses/${d.customer!.expression}.svg`]);
    expect(s.status).toBe('通话中');
    expect(s.name).toBe('王先生');
    expect(s.place).toContain('backgrounds/warehouse.svg');
    expect(s.timer).toMatch(/^\d\d:\d\d$/);
    // The frame is on the canvas and clear of the line the caller says.
    const c = s.canvas!;
    expect(s.card!.x).toBeGreaterThanOrEqual(c.x);
    expect(s.card!.y).toBeGreaterThanOrEqual(c.y);
    expect(s.card!.x + s.card!.w).toBeLessThanOrEqual(c.x + c.w);
    expect(overlaps(s.card!, s.speech!), `call frame ${JSON.stringify(s.card)} and speech ${JSON.stringify(s.speech)}`).toBe(false);
    // The call's time runs.
    await expect.poll(async () => (await onStage(page)).timer, { timeout: 5000 }).not.toBe(s.timer);
    await page.screenshot({ path: join(SHOTS, `call-frame-${label}-zh-CN.png`) });
    check();
  });
}

test('a customer in person stands at the counter, with no call frame', async ({ page }) => {
  const check = watchErrors(page);
  await open(page, { locale: 'en' });
  await openFixture(page, 'mini-in-person.yaml', 'mini-in-person');
  const d = await dojo(page);
  expect(d.customer).toMatchObject({ character: 'workwear-man-50s', channel: 'in-person' });
  const s = await onStage(page);
  expect(s.calls).toBe(0);
  expect(s.standing).toBe(1);
  expect(s.shown).toEqual([`characters/workwear-man-50s/${d.customer!.expression}.svg`]);
  await page.screenshot({ path: join(SHOTS, 'in-person-telecom-hall-en.png') });
  check();
});

test('the call-centre scenarios are calls by default, and the call ends with the scenario', async ({ page }) => {
  const check = watchErrors(page);
  await open(page, { locale: 'en' });
  await openFixture(page, 'mini-angry.yaml', 'mini-angry');
  expect((await dojo(page)).customer).toMatchObject({ character: 'shopkeeper-man-50s', channel: 'phone' });
  expect((await onStage(page)).calls).toBe(1);
  for (let i = 0; i < 2; i++) {
    await until(page, (x) => x.phase === 'choosing', 'the choices');
    await page.keyboard.press('1');
    await until(page, (x) => x.phase === 'coaching', 'coaching');
    await page.keyboard.press('Enter');
  }
  await until(page, (x) => x.phase === 'ending', 'the ending');
  await expect(page.locator('.stage-call-status')).toHaveText('Call ended');
  await expect(page.locator('.stage-call')).toHaveClass(/stage-call--ended/);
  check();
});
