/**
 * Sharing on the class server, end to end: a trainer shares a scenario from the studio (and
 * again with a change: version 2); the game served by that server lists it under "Shared on
 * this server" for everyone, plays it to the debrief as `dojo play` does, and a file the
 * server refuses says why in the studio. Own server and database (E2E_SHARED_PORT).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serve, type Running } from '../../src/server/main.js';
import { cliPaths, cliPlay, focusCard, open, playPicks, ROOT, SHOTS, until, watchErrors } from './helpers.js';

const PORT = Number(process.env.E2E_SHARED_PORT ?? 4333);
const BASE = `http://127.0.0.1:${PORT}/`;
const ID = 'coffee-sleeve-shared';
const dir = mkdtempSync(join(tmpdir(), 'dojo-shared-e2e-'));
const file = join(dir, `${ID}.yaml`);
const text = (title: string) =>
  readFileSync(join(ROOT, 'scenarios/library/door-bump.yaml'), 'utf8')
    .replace(/^id: door-bump$/m, `id: ${ID}`)
    .replace('  zh-CN: "门后的一袖子咖啡"', `  zh-CN: "门口的咖啡 · ${title}"`)
    .replace('  en: "A Sleeve Full of Coffee"', `  en: "${title} (shared)"`);
let server: Running;
// The phone test reads what the first one shared (a failed test restarts the worker: a new database).
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  const dist = process.env.E2E_DIST ?? join(ROOT, 'dist');
  if (!existsSync(join(dist, 'studio.html'))) throw new Error('dist/studio.html is missing: run `npx vite build` first');
  server = await serve({ port: PORT, host: '127.0.0.1', db: join(dir, 'dojo.db'), dist, quiet: true });
});
test.afterAll(async () => {
  await server?.close();
});

/** The studio, with a local file opened into it. */
async function studioWith(page: Page, name: string, body: string, lang: 'en' | 'zh-CN'): Promise<void> {
  await page.goto(`${BASE}studio?lang=${lang}`);
  await expect(page.locator('#files button.share')).toBeVisible();
  await page.locator('#files input[type=file]').setInputFiles({ name, mimeType: 'text/yaml', buffer: Buffer.from(body) });
  await expect(page.locator('#status')).toContainText(name);
}

test('a trainer shares from the studio; the game on that server lists it and plays it to the debrief', async ({ page }) => {
  const check = watchErrors(page);
  // A file with a bundled scenario's id: the server would refuse it; the studio says so first.
  await studioWith(page, 'door-bump.yaml', readFileSync(join(ROOT, 'scenarios/library/door-bump.yaml'), 'utf8'), 'en');
  await page.locator('#files button.share').click();
  await expect(page.locator('#status')).toContainText('Fix the errors in Problems first (1)');
  await expect(page.locator('#problems')).toContainText('door-bump');
  expect(((await (await page.request.get(`${BASE}api/scenarios`)).json()) as { scenarios: unknown[] }).scenarios).toEqual([]);

  // Shared twice: the second upload is version 2 and is what the game plays.
  await studioWith(page, `${ID}.yaml`, text('First draft'), 'en');
  await page.locator('#files button.share').click();
  await expect(page.locator('#status')).toContainText(`Shared ${ID}, version 1`);
  await studioWith(page, `${ID}.yaml`, text('Coffee at the door'), 'zh-CN');
  await page.locator('#files button.share').click();
  await expect(page.locator('#status')).toContainText(`已共享 ${ID}\uff0c第 2 版`);
  await page.screenshot({ path: join(SHOTS, 'shared-studio-zh-CN.png') });
  writeFileSync(file, text('Coffee at the door'));

  // The game: a learner's browser, nothing opened by hand.
  await open(page, { locale: 'en', url: BASE });
  await page.keyboard.press('Enter');
  await focusCard(page, ID);
  const live = await page.evaluate(() => document.getElementById('live')!.textContent ?? '');
  expect(live).toContain('Coffee at the door (shared)');
  expect(live).not.toContain('First draft');
  await page.screenshot({ path: join(SHOTS, 'shared-list-en.png') });
  await page.keyboard.press('Enter');
  await until(page, (d) => d.scene === 'Play' && d.phase === 'intro' && d.scenario === ID, 'the shared scenario begins');
  await page.keyboard.press('Enter');
  const picks = cliPaths(file).best.picks;
  const end = await playPicks(page, picks);
  expect(end.debrief!.overall).toBe(cliPlay(file, picks).debrief.overall);
  check();
});

test('on a phone in Chinese the shared group is there, below the four customer types', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const check = watchErrors(page);
  await open(page, { locale: 'zh-CN', url: BASE });
  await page.keyboard.press('Enter');
  await focusCard(page, ID);
  const live = await page.evaluate(() => document.getElementById('live')!.textContent ?? '');
  expect(live).toContain('门口的咖啡 · Coffee at the door');
  await page.screenshot({ path: join(SHOTS, 'shared-list-zh-CN-phone.png') });
  check();
  await context.close();
});
