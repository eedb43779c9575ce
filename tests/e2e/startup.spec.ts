/**
 * The page's own title (src/title/): drawn at once while the game loads behind it, a real
 * Start button that takes the keyboard and a finger before and after the game is ready (a
 * press made early shows "loading" and is honoured, never lost), and a handover to the game's
 * canvas title that neither moves nor changes anything on screen.
 */
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { dojo, SHOTS, until, watchErrors } from './helpers.js';

type Locale = 'zh-CN' | 'en';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
/** The game itself: the chunk the page imports once its own title is up. */
const GAME_CHUNK = /\/assets\/main-[\w-]+\.js$/;
const PICTURE = '**/backgrounds/service-counter.svg';

/** A save that has seen the guide, in `locale`, plus a layout-shift tally from the first moment. */
async function prepare(page: Page, locale: Locale, o: { reducedMotion?: boolean } = {}): Promise<void> {
  await page.emulateMedia({ reducedMotion: o.reducedMotion === false ? 'no-preference' : 'reduce' });
  await page.addInitScript((l) => {
    if (!localStorage.getItem('complaint-dojo'))
      localStorage.setItem('complaint-dojo', JSON.stringify({ version: 1, settings: { locale: l, muted: true, volume: 0.7, guided: true }, best: {}, attempts: [], resume: null, imported: [] }));
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  }, locale);
}

/** Requests matching `url` wait until `release()`. */
async function holdBack(page: Page, url: string | RegExp): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  await page.route(url, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

const cls = (page: Page) => page.evaluate(() => (window as unknown as { __cls: number }).__cls);
const start = (page: Page) => page.locator('#page-title button[data-key="start"]');

/** The page's title is up and the game is not (window.dojo already says so). */
async function pageTitleUp(page: Page): Promise<void> {
  await expect(start(page)).toBeVisible();
  const d = await dojo(page);
  expect(d.scene).toBe('Title');
  expect(d.ready).toBe(false);
}

/** The game's own title has taken over: ready, and the page's gone. */
async function gameTitleUp(page: Page): Promise<void> {
  await until(page, (d) => d.scene === 'Title' && d.ready, "the game's title");
  await expect(page.locator('#page-title')).toHaveCount(0);
}

async function toTheList(page: Page): Promise<void> {
  await until(page, (d) => d.scene === 'Select' && d.choices.length > 0, 'the scenario list');
  await expect(page.locator('#page-title')).toHaveCount(0);
}

/** The page opened with `held` held back (the game's code unless said), its Start on screen. */
async function openHeld(page: Page, locale: Locale, held: string | RegExp = GAME_CHUNK, o: { reducedMotion?: boolean } = {}): Promise<() => void> {
  await prepare(page, locale, o);
  const release = await holdBack(page, held);
  await page.goto('./', { waitUntil: 'domcontentloaded' });
  await expect(start(page)).toBeVisible();
  return release;
}

/** After a press on the page's Start: "loading" on it; once released, the list, nothing shifted. */
async function honoured(page: Page, loading: string, release: () => void, shot?: string): Promise<void> {
  await expect(start(page)).toHaveAttribute('aria-busy', 'true');
  await expect(start(page)).toHaveText(loading);
  if (shot) await page.screenshot({ path: join(SHOTS, shot) });
  release();
  await toTheList(page);
  expect(await cls(page)).toBeLessThan(0.001);
}

test('window.dojo is defined from the page\'s first script, and says "Title", not ready, while the page\'s title is up', async ({ page }) => {
  const check = watchErrors(page);
  const release = await openHeld(page, 'en');
  const d = await dojo(page);
  expect(d).toMatchObject({ scene: 'Title', ready: false, locale: 'en', focus: 'Start training', focusIndex: 0 });
  expect(d.choices[0]).toBe('Start training');
  await expect(start(page)).toBeFocused();
  release();
  await gameTitleUp(page);
  check();
});

test('Enter on Start before the game has loaded shows "loading" on the button, and is honoured once it has', async ({ page }) => {
  const check = watchErrors(page);
  await page.setViewportSize(DESKTOP);
  const release = await openHeld(page, 'zh-CN');
  await pageTitleUp(page);
  await page.keyboard.press('Enter');
  await expect(page.locator('#live')).toHaveText('加载中…');
  // Nothing else takes a press meanwhile, and a second press changes nothing.
  await expect(page.locator('#page-title button[data-key="language"]')).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Enter');
  await honoured(page, '加载中…', release, 'startup-pressed-early-zh-CN-desktop.png');
  check();
});

test('Space while the game loads the title picture (Preload) is honoured too', async ({ page }) => {
  const check = watchErrors(page);
  const release = await openHeld(page, 'en', PICTURE);
  await until(page, (d) => d.scene === 'Preload', 'the game loading its picture');
  await page.keyboard.press('Space');
  await honoured(page, 'Loading…', release);
  check();
});

test.describe('by touch on a phone', () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });

  test('a tap on Start before the game has loaded is honoured once it has', async ({ page }) => {
    const check = watchErrors(page);
    const release = await openHeld(page, 'en');
    await pageTitleUp(page);
    await start(page).tap();
    await honoured(page, 'Loading…', release, 'startup-pressed-early-en-phone.png');
    check();
  });

  test("after the handover a tap where Start was is the game's Start", async ({ page }) => {
    const check = watchErrors(page);
    const release = await openHeld(page, 'zh-CN');
    const box = (await start(page).boundingBox())!;
    release();
    await gameTitleUp(page);
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await toTheList(page);
    check();
  });
});

test("after the handover Enter is the game's Start (focus where the trainee left it)", async ({ page }) => {
  const check = watchErrors(page);
  await prepare(page, 'zh-CN');
  await page.setViewportSize(DESKTOP);
  await page.goto('./');
  await gameTitleUp(page);
  expect((await dojo(page)).focusIndex).toBe(0);
  await page.keyboard.press('Enter');
  await toTheList(page);
  check();
});

test("a language chosen on the page's title is the game's, and kept", async ({ page }) => {
  const check = watchErrors(page);
  const release = await openHeld(page, 'zh-CN');
  // Down the buttons to the language (the arrows move as on the game's title), then Enter.
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#page-title button[data-key="language"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(start(page)).toHaveText('Start training');
  expect((await dojo(page)).locale).toBe('en');
  release();
  await gameTitleUp(page);
  const d = await dojo(page);
  expect(d.locale).toBe('en');
  expect(d.choices[0]).toBe('Start training');
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('complaint-dojo')!).settings.locale)).toBe('en');
  check();
});

test('with motion allowed, the busy bar runs and the handover fades; with reduced motion neither moves', async ({ page }) => {
  const busyAnimation = () => start(page).evaluate((b) => getComputedStyle(b, '::before').animationName);
  for (const reducedMotion of [false, true]) {
    const release = await openHeld(page, 'en', GAME_CHUNK, { reducedMotion });
    await page.keyboard.press('Enter');
    expect(await busyAnimation()).toBe(reducedMotion ? 'none' : 'pt-busy');
    expect(await page.locator('#page-title .pt-cover').evaluate((c) => getComputedStyle(c).transitionDuration)).toBe(reducedMotion ? '0s' : '0.18s');
    await honoured(page, 'Loading…', release);
    await page.unrouteAll();
  }
});

/** Share of pixels that differ by more than `tolerance` (any channel, 0–255) between two PNGs of one size. */
async function differing(page: Page, a: Buffer, b: Buffer, tolerance = 40): Promise<number> {
  return page.evaluate(
    async ([a, b, tolerance]) => {
      const load = async (src: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${src}`;
        await img.decode();
        return img;
      };
      const [x, y] = await Promise.all([load(a), load(b)]);
      const pixels = (img: HTMLImageElement) => {
        const c = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
        const g = c.getContext('2d')!;
        g.drawImage(img, 0, 0);
        return g.getImageData(0, 0, c.width, c.height).data;
      };
      const [p, q] = [pixels(x), pixels(y)];
      if (p.length !== q.length) return 1;
      let n = 0;
      for (let i = 0; i < p.length; i += 4) if (Math.max(Math.abs(p[i]! - q[i]!), Math.abs(p[i + 1]! - q[i + 1]!), Math.abs(p[i + 2]! - q[i + 2]!)) > tolerance) n++;
      return n / (p.length / 4);
    },
    [a.toString('base64'), b.toString('base64'), tolerance] as const,
  );
}

for (const [device, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
  for (const locale of ['zh-CN', 'en'] as const) {
    test(`${locale} ${device}: the page's title and the game's look the same, and the handover shifts nothing`, async ({ page }) => {
      const check = watchErrors(page);
      await page.setViewportSize(viewport);
      const release = await openHeld(page, locale);
      await pageTitleUp(page);
      // The backdrop's picture in (the page asked for it first thing).
      await page.evaluate(() => Promise.all([document.fonts.ready, new Promise((r) => { const i = new Image(); i.onload = i.onerror = r; i.src = 'backgrounds/service-counter.svg'; })]));
      const before = await page.screenshot({ path: join(SHOTS, `startup-page-title-${locale}-${device}.png`) });
      const buttons = await page.locator('#page-title button:visible').evaluateAll((bs) =>
        bs.map((b) => {
          const r = b.getBoundingClientRect();
          return { label: b.textContent!, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        }),
      );
      const early = await dojo(page);
      release();
      await gameTitleUp(page);
      const after = await page.screenshot({ path: join(SHOTS, `startup-game-title-${locale}-${device}.png`) });
      // window.dojo told the same buttons, the same focused, before and after.
      const late = await dojo(page);
      expect(early.choices).toEqual(late.choices);
      expect([early.focus, early.focusIndex]).toEqual([late.focus, late.focusIndex]);
      // Every button centred where the game's is, to the pixel (the game reports its labels' bounds).
      const controls = await page.evaluate(() => (window as unknown as { dojoControls: () => typeof buttons }).dojoControls());
      expect(controls.length).toBe(buttons.length);
      for (const [i, b] of buttons.entries()) {
        const c = controls[i]!;
        expect(Math.abs((b.left + b.right) / 2 - (c.left + c.right) / 2), `${b.label}: across`).toBeLessThanOrEqual(1);
        expect(Math.abs((b.top + b.bottom) / 2 - (c.top + c.bottom) / 2), `${b.label}: down`).toBeLessThanOrEqual(1);
      }
      // The rest by the pixels: only glyph edges may differ (the canvas draws its text at the
      // game's resolution and scales it; the page at the screen's: 0.2–1 % here). The whole
      // screen moved down a pixel changes 2–3 %; a missing or different picture, far more.
      const share = await differing(page, before, after);
      test.info().annotations.push({ type: 'differing pixels', description: `${(share * 100).toFixed(2)}%` });
      expect(share, 'pixels that change at the handover').toBeLessThan(0.015);
      expect(await cls(page)).toBeLessThan(0.001);
      check();
    });
  }
}
