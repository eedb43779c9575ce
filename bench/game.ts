/**
 * Game benchmarks in Debian's Chromium, each against the floor page (bench/floor: one Phaser
 * scene, one Chinese text, one button, with xstate, howler and i18next) built and measured in
 * the same run: initial JS size, start-up time, frame gaps during a dialogue turn, and heap
 * growth across repeated plays; and start-up on a throttled phone (bench/startup.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'vite';
import { CHROMIUM } from '../playwright.config.js';
import { median, type Figure } from './engine.js';
import { serve } from './serve.js';
import { makeBenchJudge } from './judge.js';
import { phoneJoin, phoneStart, startupFigures, THROTTLE } from './startup.js';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/out');

/**
 * gzip -9 bytes of the JS the page loads before anything is imported dynamically, and of the
 * dynamically imported chunks whose names match `follow` (with what they import).
 */
function initialJsBytes(dir: string, follow?: RegExp): number {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const seen = new Set<string>();
  const queue = [...html.matchAll(/<script[^>]+src="\.?\/?([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.?\/?([^"]+)"/g)].map((m) => m[1]!);
  let total = 0;
  while (queue.length) {
    const f = queue.shift()!;
    if (seen.has(f)) continue;
    seen.add(f);
    const code = readFileSync(join(dir, f));
    total += gzipSync(code, { level: 9 }).length;
    // Static imports only (`import … from "./x.js"`), not import("./x.js").
    for (const m of code.toString('utf8').matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+)["']/g)) queue.push(join(f, '..', m[1]!));
    if (follow) for (const m of code.toString('utf8').matchAll(/import\(\s*[`"']\.\/([^`"']+)[`"']/g)) if (follow.test(m[1]!)) queue.push(join(f, '..', m[1]!));
  }
  return total;
}

/** What "In my own words" adds to the game (gzip -9): its chunk and whatever it imports that the game has not loaded. */
export function ownWordsJsBytes(dir: string, titleBytes = initialJsBytes(dir, /^main-[\w-]+\.js$/)): number {
  return initialJsBytes(dir, /^(main|ownWordsJudge)-[\w-]+\.js$/) - titleBytes;
}

/**
 * The own-words judge in the built game's own chunk, on a throttled phone: the median time per reply
 * over the labelled replies (tests/judge/replies.jsonl), and the same replies judged here in Node in
 * the same run (the floor: what the judge costs without the browser and the throttle).
 */
export async function judgeOnPhone(browser: Browser, url: string, dir: string): Promise<{ phoneMs: number; nodeMs: number; replies: number }> {
  const chunk = readdirSync(join(dir, 'assets')).find((f) => /^ownWordsJudge-[\w-]+\.js$/.test(f));
  if (!chunk) throw new Error('no ownWordsJudge chunk in the build');
  const replies = readFileSync(join(ROOT, 'tests/judge/replies.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; locale: 'zh-CN' | 'en' });
  const { judge } = makeBenchJudge();
  // Each reply judged REPEAT times between two clock readings: the browser's clock is coarse (0.1 ms).
  const REPEAT = 10;
  const node: number[] = [];
  for (const r of replies) {
    const t0 = performance.now();
    for (let k = 0; k < REPEAT; k++) judge(r.text, { locale: r.locale });
    node.push((performance.now() - t0) / REPEAT);
  }
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    await page.goto(url);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    const times = await page.evaluate(
      async ([src, rs, repeat]) => {
        const m = (await import(new URL(src, location.href).href)) as { judge: (t: string, o: { locale: string }) => unknown };
        const out: number[] = [];
        for (const r of rs) {
          const t0 = performance.now();
          for (let k = 0; k < repeat; k++) m.judge(r.text, { locale: r.locale });
          out.push((performance.now() - t0) / repeat);
        }
        return out;
      },
      [`assets/${chunk}`, replies, REPEAT] as const,
    );
    return { phoneMs: median(times), nodeMs: median(node), replies: replies.length };
  } finally {
    await page.close();
  }
}

async function startup(browser: Browser, url: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __readyAt?: number }).__readyAt !== undefined, null, { timeout: 30_000 });
    times.push(await page.evaluate(() => (window as unknown as { __readyAt: number }).__readyAt));
    await page.close();
  }
  return median(times);
}

/** p95 gap between animation-frame callbacks and long tasks, while `during` runs. */
async function frames(page: Page, during: () => Promise<void>): Promise<{ p95: number; longTasks: number }> {
  // Passed as a string: the TypeScript loader would otherwise wrap inner functions in helpers the page lacks.
  await page.evaluate(`(() => {
    window.__gaps = [];
    window.__long = 0;
    window.__stop = false;
    new PerformanceObserver((l) => { window.__long += l.getEntries().filter((e) => e.duration > 50).length; }).observe({ type: 'longtask' });
    let last = performance.now();
    const f = () => {
      const now = performance.now();
      window.__gaps.push(now - last);
      last = now;
      if (!window.__stop) requestAnimationFrame(f);
    };
    requestAnimationFrame(f);
  })()`);
  await during();
  return page.evaluate(`(() => {
    window.__stop = true;
    const g = window.__gaps.slice(2).sort((a, b) => a - b);
    return { p95: g[Math.floor(g.length * 0.95)] ?? 0, longTasks: window.__long };
  })()`) as Promise<{ p95: number; longTasks: number }>;
}

interface Dojo {
  scene: string;
  phase?: string;
  choices: string[];
  ready: boolean;
}
const dojo = (page: Page) => page.evaluate(() => (window as unknown as { dojo: Dojo }).dojo);
async function until(page: Page, pred: (d: Dojo) => boolean): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (pred(await dojo(page))) return;
    await page.waitForTimeout(25);
  }
  throw new Error(`benchmark: state not reached: ${JSON.stringify(await dojo(page))}`);
}

async function heap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
}

/**
 * Start the game in Chinese with the sound off, as a trainee would after choosing so, who has
 * seen the first-play guide (it would open over the first decision and stop the scripted play).
 */
async function quietChinese(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (!localStorage.getItem('complaint-dojo'))
      localStorage.setItem('complaint-dojo', JSON.stringify({ version: 1, settings: { locale: 'zh-CN', muted: true, volume: 0.7, guided: true }, best: {}, attempts: [], resume: null, imported: [] }));
  });
}

/** One short play: title → first scenario → its first reply each time → debrief → title. */
async function playOnce(page: Page): Promise<void> {
  await until(page, (d) => d.scene === 'Title' && d.ready);
  await page.keyboard.press('Enter');
  await until(page, (d) => d.scene === 'Select' && d.choices.length > 0);
  await page.keyboard.press('Enter');
  await until(page, (d) => d.phase === 'intro');
  await page.keyboard.press('Enter');
  for (let turn = 0; turn < 40; turn++) {
    await until(page, (d) => d.phase === 'choosing' || (d.phase === 'ending' && d.choices.length === 1));
    const d = await dojo(page);
    if (d.phase === 'ending') break;
    await page.keyboard.press('3');
    await until(page, (x) => x.phase === 'coaching');
    await page.keyboard.press('Enter');
  }
  await page.keyboard.press('Enter');
  await until(page, (d) => d.scene === 'Debrief' && d.choices.length === 3);
  await page.keyboard.press('Escape');
  await until(page, (d) => d.scene === 'Select' && d.choices.length > 0);
  await page.keyboard.press('Escape');
  await until(page, (d) => d.scene === 'Title' && d.ready);
}

/**
 * `desktop`: size, start-up, frame and heap figures at 1280×720; `phone`: start-up on a
 * throttled phone, the game's and /join's (bench/startup.ts). Sizes come with either.
 */
export async function gameFigures(o: { desktop: boolean; phone: boolean } = { desktop: true, phone: true }): Promise<Figure[]> {
  const floorDir = join(OUT, 'floor');
  const gameDir = join(OUT, 'game');
  await build({ root: join(ROOT, 'bench/floor'), base: './', logLevel: 'warn', build: { outDir: floorDir, emptyOutDir: true, chunkSizeWarningLimit: 4000 } });
  const socketFloorDir = join(OUT, 'socketfloor');
  await build({ root: join(ROOT, 'bench/socketfloor'), base: './', logLevel: 'warn', build: { outDir: socketFloorDir, emptyOutDir: true } });
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: gameDir, emptyOutDir: true } });
  const floor = await serve(floorDir);
  const game = await serve(gameDir);
  const socketFloor = await serve(socketFloorDir, '/', { socket: true });
  const browser = await chromium.launch(CHROMIUM);
  try {
    const floorBytes = initialJsBytes(floorDir);
    const gameBytes = initialJsBytes(gameDir);
    // The game itself (src/game/main.ts), which the page imports once its own title is up.
    const titleBytes = initialJsBytes(gameDir, /^main-[\w-]+\.js$/);
    const r = (x: number) => Math.round(x * 100) / 100;
    const size = (name: string, value: number, what: string): Figure => ({
      name,
      unit: 'B',
      value,
      floor: { what: 'minimal Phaser 4 page with xstate, howler, i18next (gzip -9)', value: floorBytes },
      ratio: r(value / floorBytes),
      target: `≤ 1.3 × floor (${what})`,
      pass: value <= 1.3 * floorBytes,
    });
    // "In my own words": the judge and its signals, fetched only when a trainee answers in their own words.
    const ownWordsBytes = ownWordsJsBytes(gameDir, titleBytes);
    const sizes: Figure[] = [
      size('game.initial_js_gzip_bytes', gameBytes, "what loads before the first screen: the page's own title; the game follows, see title_js"),
      size('game.title_js_gzip_bytes', titleBytes, "the page's title and the game it loads behind it"),
      {
        name: 'game.ownwords_js_gzip_bytes',
        unit: 'B',
        value: ownWordsBytes,
        floor: { what: 'minimal Phaser 4 page with xstate, howler, i18next (gzip -9)', value: floorBytes },
        ratio: r(ownWordsBytes / floorBytes),
        target: '≤ 300 KB (the own-words chunk, with what it imports that the game has not loaded)',
        pass: ownWordsBytes > 0 && ownWordsBytes <= 300_000,
      },
    ];
    const phoneFigures = o.phone ? startupFigures(await phoneStart(browser, floor.url, game.url), await phoneJoin(browser, socketFloor.url, gameDir)) : [];
    if (o.phone) {
      const j = await judgeOnPhone(browser, game.url, gameDir);
      phoneFigures.push({
        name: 'game.judge_phone_median_ms',
        unit: 'ms',
        value: r(j.phoneMs),
        floor: { what: `the same ${j.replies} labelled replies judged in Node, same run`, value: r(j.nodeMs) },
        ...(j.nodeMs > 0 ? { ratio: r(j.phoneMs / j.nodeMs) } : {}),
        target: `≤ 50 ms per reply (the game's own-words chunk on a phone profile: 390×844, CPU ${THROTTLE}× slower)`,
        pass: j.phoneMs <= 50,
      });
    }
    if (!o.desktop) return [...sizes, ...phoneFigures];

    const floorStart = await startup(browser, floor.url);
    const gameStart = await startup(browser, game.url);

    // Frame gaps: the floor idle, the game through a dialogue turn with its animations.
    const fp = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await fp.goto(floor.url);
    await fp.waitForFunction(() => (window as unknown as { __readyAt?: number }).__readyAt !== undefined);
    const floorFrames = await frames(fp, () => fp.waitForTimeout(5000));
    await fp.close();

    const gp = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await quietChinese(gp);
    await gp.goto(game.url);
    await until(gp, (d) => d.scene === 'Title' && d.ready);
    await gp.keyboard.press('Enter');
    await until(gp, (d) => d.scene === 'Select' && d.choices.length > 0);
    await gp.keyboard.press('Enter');
    await until(gp, (d) => d.phase === 'intro');
    await gp.keyboard.press('Enter');
    await until(gp, (d) => d.phase === 'choosing');
    const gameFrames = await frames(gp, async () => {
      // A whole turn: the reply, the coaching panel with meter tweens and a new face, then the next line typed out.
      await gp.keyboard.press('4');
      await until(gp, (d) => d.phase === 'coaching');
      await gp.waitForTimeout(1200);
      await gp.keyboard.press('Enter');
      await until(gp, (d) => d.phase === 'choosing');
      await gp.waitForTimeout(1000);
    });
    await gp.close();

    // Heap: after one play and after twenty, in one page.
    const hp = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await hp.emulateMedia({ reducedMotion: 'reduce' });
    await quietChinese(hp);
    await hp.goto(game.url);
    await playOnce(hp);
    const heap1 = await heap(hp);
    for (let i = 1; i < 20; i++) await playOnce(hp);
    const heap20 = await heap(hp);
    await hp.close();

    return [
      ...sizes,
      {
        name: 'game.navigation_to_title_ms',
        unit: 'ms',
        value: r(gameStart),
        floor: { what: 'navigation → floor scene create(), median of 5', value: r(floorStart) },
        ratio: r(gameStart / floorStart),
        target: '≤ 1.5 × floor',
        pass: gameStart <= 1.5 * floorStart,
      },
      {
        name: 'game.dialogue_turn_frame_gap_p95_ms',
        unit: 'ms',
        value: r(gameFrames.p95),
        floor: { what: 'floor page idle, p95 rAF callback gap over 5 s', value: r(floorFrames.p95) },
        ratio: r(gameFrames.p95 / floorFrames.p95),
        target: '≤ 1.15 × floor',
        pass: gameFrames.p95 <= 1.15 * floorFrames.p95,
      },
      {
        name: 'game.dialogue_turn_long_tasks',
        unit: 'count',
        value: gameFrames.longTasks,
        target: '0 tasks > 50 ms',
        pass: gameFrames.longTasks === 0,
      },
      {
        name: 'game.heap_after_20_plays_vs_1',
        unit: 'B',
        value: Math.round(heap20),
        floor: { what: 'JS heap after GC after 1 play, same page', value: Math.round(heap1) },
        ratio: r(heap20 / heap1),
        target: '≤ 1.2 × after 1 play',
        pass: heap20 <= 1.2 * heap1,
      },
      ...phoneFigures,
    ];
  } finally {
    await browser.close();
    await floor.close();
    await game.close();
    await socketFloor.close();
  }
}
