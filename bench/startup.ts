/**
 * Start-up on a phone: 390×844 at 3× density, touch, the CPU slowed 4× through the DevTools
 * protocol (Emulation.setCPUThrottlingRate), each figure against a floor measured in the same
 * run, floor and page taking turns:
 * - the game: when a trainee can press Start (the page's own title: its Start button painted,
 *   by Element Timing, and wired), against the floor page's scene create() (bench/floor); the
 *   game's own (canvas) title; a Start tapped as soon as it shows, through to the scenario
 *   list; and the layout shift (CLS) over all of it;
 * - the classroom's /join, served by the Dojo server: the form on the page and the socket
 *   connected, against a bare socket.io page (bench/socketfloor) with its form in plain HTML.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { sizeFor } from '../src/game/layout.js';
import { titleLayout } from '../src/game/titleLayout.js';
import { median, type Figure } from './engine.js';

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true } as const;
export const THROTTLE = 4;
const RUNS = 5;

/**
 * Probes installed before any of the page's scripts. A string: the TypeScript loader would
 * wrap functions passed to the page in helpers the page lacks.
 */
const PROBES = `(() => {
  const w = window;
  w.__cls = 0;
  w.__shifts = [];
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        if (e.hadRecentInput) continue;
        w.__cls += e.value;
        w.__shifts.push({ at: Math.round(e.startTime), value: e.value, nodes: (e.sources || []).map((s) => s.node ? s.node.nodeName + '.' + (s.node.id || s.node.className || '') : '?') });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) if (e.identifier === 'title-start') w.__startPaintAt = Math.min(w.__startPaintAt ?? Infinity, e.renderTime || e.loadTime);
    }).observe({ type: 'element', buffered: true });
  } catch {}
  w.__long = [];
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__long.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
  } catch {}
  // The first press: when the input event was made, and when the page got to handle it.
  addEventListener('click', (e) => {
    if (w.__tapAt === undefined) { w.__tapAt = e.timeStamp; w.__tapHandledAt = performance.now(); }
  }, true);
  w.__inputs = [];
  for (const type of ['touchstart', 'touchend', 'pointerdown', 'pointerup', 'click']) addEventListener(type, (e) => w.__inputs.push([type, Math.round(e.timeStamp), Math.round(performance.now()), e.target && (e.target.dataset && e.target.dataset.key || e.target.nodeName)]), true);
  // When the game first showed each scene (window.dojo), and each with its choices.
  w.__sceneAt = {};
  setInterval(() => {
    const d = w.dojo;
    if (!d) return;
    const key = d.scene + (d.choices && d.choices.length ? ':ready' : '');
    if (w.__sceneAt[key] === undefined) w.__sceneAt[key] = performance.now();
  }, 20);
  // socket.io: connected when the server's CONNECT packet ("40…") arrives.
  const WS = w.WebSocket;
  w.WebSocket = class extends WS {
    constructor(...a) {
      super(...a);
      this.addEventListener('message', (m) => {
        if (w.__socketAt === undefined && typeof m.data === 'string' && m.data.startsWith('40')) w.__socketAt = performance.now();
      });
    }
  };
  // A form that can take a nickname: its submit button is on the page.
  new MutationObserver(() => {
    if (w.__formAt === undefined && document.querySelector('form button[type=submit]')) w.__formAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
})()`;

interface Probed {
  __readyAt?: number;
  __pageTitleAt?: number;
  __startPaintAt?: number;
  __pressedAt?: number;
  __tapAt?: number;
  __tapHandledAt?: number;
  __sceneAt?: Record<string, number>;
  __socketAt?: number;
  __formAt?: number;
  __cls: number;
  __shifts: { at: number; value: number; nodes: string[] }[];
  __long: [number, number][];
  /** Input events: type, made at, handled at, target. */
  __inputs: [string, number, number, string][];
}

const READ = `(() => { const w = window; return { __readyAt: w.__readyAt, __pageTitleAt: w.__pageTitleAt, __startPaintAt: w.__startPaintAt, __pressedAt: w.__pressedAt, __tapAt: w.__tapAt, __tapHandledAt: w.__tapHandledAt, __sceneAt: w.__sceneAt, __socketAt: w.__socketAt, __formAt: w.__formAt, __cls: w.__cls, __shifts: w.__shifts, __long: w.__long, __inputs: w.__inputs }; })()`;

/**
 * A fresh phone (no cache, no storage) with the CPU slowed, on `url`, until `until` holds in the
 * page (a function, not a string: the Dojo server's pages forbid eval).
 */
async function onPhone(browser: Browser, url: string, until: () => boolean, act?: (page: Page, navigatedAt: number) => Promise<void>): Promise<Probed> {
  const ctx: BrowserContext = await browser.newContext({ ...PHONE, locale: 'zh-CN' });
  try {
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    await page.addInitScript(PROBES);
    const navigatedAt = Date.now();
    await page.goto(url, { waitUntil: 'commit' });
    await act?.(page, navigatedAt);
    await page.waitForFunction(until, null, { timeout: 120_000, polling: 50 });
    // Room for a late layout shift to be counted.
    await page.waitForTimeout(400);
    return (await page.evaluate(READ)) as Probed;
  } finally {
    await ctx.close();
  }
}

/**
 * A trainee's tap on Start `afterMs` after navigation: a touch at the button's centre (where
 * titleLayout puts it on this screen), sent from here without asking the page anything, so
 * that a busy page does not delay the sending, only the handling.
 */
function tapStartAt(afterMs: number): (page: Page, navigatedAt: number) => Promise<void> {
  const { width: w, height: h } = sizeFor(PHONE.viewport.width, PHONE.viewport.height);
  const scale = Math.min(PHONE.viewport.width / w, PHONE.viewport.height / h);
  const start = titleLayout(w, h, false).items[0]!;
  const x = (PHONE.viewport.width - w * scale) / 2 + start.x * scale;
  const y = (PHONE.viewport.height - h * scale) / 2 + start.y * scale;
  return async (page, navigatedAt) => {
    await new Promise((r) => setTimeout(r, Math.max(0, navigatedAt + afterMs - Date.now())));
    await page.touchscreen.tap(x, y);
  };
}

const FLOOR_READY = () => (window as unknown as Probed).__readyAt !== undefined;
const GAME_TITLE_GONE = () => (window as unknown as Probed).__readyAt !== undefined && !document.getElementById('page-title');
const LIST_SHOWN = () => (window as unknown as Probed).__sceneAt?.['Select:ready'] !== undefined && !document.getElementById('page-title');
const JOIN_READY = () => (window as unknown as Probed).__formAt !== undefined && (window as unknown as Probed).__socketAt !== undefined;

export interface PhoneStart {
  floor: number[];
  /** Navigation → Start painted and wired (the page's own title). */
  pressable: number[];
  /** Navigation → the game's canvas title interactive. */
  canvasTitle: number[];
  /** Start tapped just after it showed: navigation → tap, tap → handled, tap → scenario list. */
  tapAt: number[];
  tapHandled: number[];
  tapToList: number[];
  /** How many of those taps the page's own title took (the others came after the game's took over). */
  tapsOnPage: number;
  cls: number[];
  shifts: Probed['__shifts'];
}

export async function phoneStart(browser: Browser, floorUrl: string, gameUrl: string): Promise<PhoneStart> {
  const r: PhoneStart = { floor: [], pressable: [], canvasTitle: [], tapAt: [], tapHandled: [], tapToList: [], tapsOnPage: 0, cls: [], shifts: [] };
  for (let i = 0; i < RUNS; i++) {
    const f = await onPhone(browser, floorUrl, FLOOR_READY);
    r.floor.push(f.__readyAt!);
    const g = await onPhone(browser, gameUrl, GAME_TITLE_GONE);
    if (g.__pageTitleAt === undefined || g.__startPaintAt === undefined) throw new Error(`benchmark: the page's title did not show: ${JSON.stringify(g)}`);
    r.pressable.push(Math.max(g.__pageTitleAt, g.__startPaintAt));
    r.canvasTitle.push(g.__readyAt!);
    r.cls.push(g.__cls);
    r.shifts.push(...g.__shifts);
  }
  // A trainee who taps a fifth of a second after Start is there (as the runs above found it).
  const tap = tapStartAt(median(r.pressable) + 200);
  for (let i = 0; i < RUNS; i++) {
    const t = await onPhone(browser, gameUrl, LIST_SHOWN, tap);
    const down = t.__inputs.find((e) => e[0] === 'pointerdown');
    // A tap on the game's canvas (its title took over first) makes no click: it was handled at its pointerup.
    const up = t.__inputs.find((e) => e[0] === 'pointerup' && e[3] === 'CANVAS');
    const handledAt = t.__tapHandledAt ?? up?.[2];
    if (!down || handledAt === undefined) throw new Error(`benchmark: the tap on Start was not taken: ${JSON.stringify(t)}`);
    r.tapAt.push(down[1]);
    r.tapHandled.push(handledAt - down[1]);
    r.tapToList.push(t.__sceneAt!['Select:ready']! - down[1]);
    if (t.__pressedAt !== undefined) r.tapsOnPage++;
    r.cls.push(t.__cls);
    r.shifts.push(...t.__shifts);
  }
  return r;
}

export interface PhoneJoin {
  floor: number[];
  join: number[];
}

/** /join on the Dojo server (the built pages in `dist`) against the bare socket.io page. */
export async function phoneJoin(browser: Browser, socketFloorUrl: string, dist: string): Promise<PhoneJoin> {
  const { serve } = await import('../src/server/main.js');
  const dir = mkdtempSync(join(tmpdir(), 'dojo-bench-'));
  const server = await serve({ port: 0, host: '127.0.0.1', db: join(dir, 'bench.db'), dist, quiet: true });
  const interactive = (p: Probed) => Math.max(p.__formAt!, p.__socketAt!);
  const r: PhoneJoin = { floor: [], join: [] };
  try {
    for (let i = 0; i < RUNS; i++) {
      r.floor.push(interactive(await onPhone(browser, socketFloorUrl, JOIN_READY)));
      r.join.push(interactive(await onPhone(browser, `http://127.0.0.1:${server.port}/join`, JOIN_READY)));
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return r;
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const phoneWhat = `phone 390×844, CPU ${THROTTLE}× slower, median of ${RUNS}`;

export function startupFigures(s: PhoneStart, j: PhoneJoin): Figure[] {
  const floor = median(s.floor);
  const pressable = median(s.pressable);
  const canvas = median(s.canvasTitle);
  const cls = Math.max(...s.cls);
  const join = median(j.join);
  const joinFloor = median(j.floor);
  const floorWhat = `navigation → floor scene create(), ${phoneWhat}`;
  return [
    {
      name: 'game.phone_start_pressable_ms',
      unit: 'ms',
      value: r2(pressable),
      floor: { what: floorWhat, value: r2(floor) },
      ratio: r2(pressable / floor),
      target: `≤ 0.6 × floor (navigation → the page's Start button painted, by Element Timing, and wired; runs: ${s.pressable.map(Math.round).join(', ')})`,
      pass: pressable <= 0.6 * floor,
    },
    {
      name: 'game.phone_title_layout_shift',
      unit: 'CLS',
      value: Math.round(cls * 10000) / 10000,
      target: `≈ 0: the largest cumulative layout shift of ${s.cls.length} loads, to the canvas title or through an early Start to the list${s.shifts.length ? `; shifts: ${JSON.stringify(s.shifts.slice(0, 5))}` : ''}`,
      pass: cls < 0.001,
    },
    {
      name: 'game.phone_canvas_title_ms',
      unit: 'ms',
      value: r2(canvas),
      floor: { what: floorWhat, value: r2(floor) },
      ratio: r2(canvas / floor),
      target: "report only: navigation → the game's own (canvas) title interactive, behind the page's",
      pass: true,
    },
    {
      name: 'game.phone_early_start_to_list_ms',
      unit: 'ms',
      value: r2(median(s.tapToList)),
      target: `report only: Start tapped 200 ms after it showed (at ${r2(median(s.tapAt))} ms; handled ${r2(median(s.tapHandled))} ms after the tap, worst ${r2(Math.max(...s.tapHandled))} ms; ${s.tapsOnPage} of ${s.tapAt.length} taps taken by the page's title, the others by the game's) → the scenario list with its cards`,
      pass: true,
    },
    {
      name: 'join.phone_interactive_ms',
      unit: 'ms',
      value: r2(join),
      floor: { what: `bare socket.io page (form in plain HTML), ${phoneWhat}`, value: r2(joinFloor) },
      ratio: r2(join / joinFloor),
      target: `≤ 1.2 × floor (navigation → the join form on the page and the socket connected; runs: ${j.join.map(Math.round).join(', ')})`,
      pass: join <= 1.2 * joinFloor,
    },
  ];
}
