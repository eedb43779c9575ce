/**
 * "Export for LMS (SCORM 1.2)…" from the game's trainer tools, in the built game served as
 * `npm start` serves it: a trainer opens their own scenario file, exports it with a pass mark
 * and a language chosen by keyboard, and gets a download that is the package
 * `dojo export scorm --game` makes from the same build (every file, byte for byte), which then
 * plays and reports under scorm-again. A file whose ids break the SCORM 1.2 rules gives its
 * located problems in the problem panel and no download. Compared against the build in
 * E2E_DIST (default dist/, what the e2e web server builds).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { validateXML } from 'xmllint-wasm';
import { decodeSuspend } from '../../src/platform/lms/suspend.js';
import { SCHEMA_FILES } from '../../src/scorm/manifest.js';
import { open, ROOT, SHOTS, until, watchErrors } from './helpers.js';
import { cmiOf, errorsOf, expectWithinLimits, launch, leave, lms, logOf, playPicks, press, sco, untilIn } from './lmsHost.js';

const OUT = join(ROOT, 'test-results/scorm-game');
const DIST = process.env.E2E_DIST ?? join(ROOT, 'dist');
const MINI = readFileSync(join(ROOT, 'tests/fixtures/mini-angry.yaml'), 'utf8');

async function toMyScenario(page: Page, name: string, text: string): Promise<void> {
  await page.keyboard.press('Enter');
  await until(page, (d) => d.scene === 'Select' && d.choices.length > 0, 'the scenario list');
  await page.setInputFiles('#scenario-file', { name, mimeType: 'text/yaml', buffer: Buffer.from(text) });
  // Opening a file plays it: back to the list, where it is now among my scenarios.
  await until(page, (d) => d.scene === 'Play' && d.phase === 'intro', 'my scenario, opened');
  await page.keyboard.press('Escape');
  await until(page, (d) => d.scene === 'Pause', 'the pause menu');
  await focusOn(page, /^(Quit to the scenario list|退出到场景列表)/);
  await page.keyboard.press('Enter');
  await until(page, (d) => d.scene === 'Select' && d.choices.length > 0, 'the scenario list again');
}

/** Tab to the control whose label matches (the focus is told in window.dojo). */
async function focusOn(page: Page, label: RegExp): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const d = await page.evaluate(() => (window as unknown as { dojo: { focus?: string } }).dojo);
    if (d.focus && label.test(d.focus)) return;
    await page.keyboard.press('Tab');
    await page.waitForTimeout(30);
  }
  throw new Error(`no control labelled ${label} on this screen`);
}

test('a trainer exports their scenario from the game: the CLI\'s package byte for byte, and it plays under scorm-again', async ({ page, browser }) => {
  // About 220 files fetched and zipped in the page: seconds on an idle machine, much longer on a loaded one.
  test.setTimeout(420_000);
  mkdirSync(OUT, { recursive: true });
  const check = watchErrors(page);
  await open(page, { locale: 'en' });
  await toMyScenario(page, 'mini-angry.yaml', MINI);
  await page.screenshot({ path: join(SHOTS, 'select-my-scenarios-export-en.png') });
  await focusOn(page, /^Export for LMS \(SCORM 1\.2\)…$/);
  await page.keyboard.press('Enter');
  let d = await until(page, (x) => x.scene === 'Export' && x.export?.state === 'options', 'the export dialog');
  expect(d.export).toEqual({ scenario: 'mini-angry', pass: 65, locale: 'both', state: 'options' });
  await focusOn(page, /^\+ 5$/);
  await page.keyboard.press('Enter');
  await focusOn(page, /English$/);
  await page.keyboard.press('Enter');
  d = await until(page, (x) => x.export?.pass === 70 && x.export.locale === 'en', 'pass 70, English');
  expect(d.choices).toContain('✓ English');
  await page.screenshot({ path: join(SHOTS, 'export-dialog-en.png') });
  await focusOn(page, /^Export the package$/);
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const t0 = Date.now();
  const file = await download;
  console.log(`export in the game: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  expect(file.suggestedFilename()).toBe('mini-angry-scorm12.zip');
  const zipPath = join(OUT, 'from-game.zip');
  await file.saveAs(zipPath);
  d = await until(page, (x) => x.export?.state === 'saved', 'the package saved');
  await page.screenshot({ path: join(SHOTS, 'export-saved-en.png') });
  expect(d.export!.bytes).toBe(readFileSync(zipPath).length);
  check();

  // The CLI's package from the same build and the same file and options.
  const src = join(OUT, 'mini-angry.yaml');
  writeFileSync(src, MINI);
  const cliZip = join(OUT, 'from-cli.zip');
  execFileSync('node', ['bin/dojo.mjs', 'export', 'scorm', src, '--out', cliZip, '--game', DIST, '--pass', '70', '--locale', 'en'], { cwd: ROOT, stdio: 'pipe' });
  const game = unzipSync(new Uint8Array(readFileSync(zipPath)));
  const cli = unzipSync(new Uint8Array(readFileSync(cliZip)));
  expect(Object.keys(game).sort()).toEqual(Object.keys(cli).sort());
  const differ = Object.keys(cli).filter((f) => !Buffer.from(game[f]!).equals(Buffer.from(cli[f]!)));
  expect(differ).toEqual([]);
  const manifest = strFromU8(game['imsmanifest.xml']!);
  expect(manifest).toBe(strFromU8(cli['imsmanifest.xml']!));
  expect(manifest).toContain('<adlcp:masteryscore>70</adlcp:masteryscore>');
  const schemas = SCHEMA_FILES.map((f) => ({ fileName: f, contents: strFromU8(game[f]!) }));
  expect((await validateXML({ xml: [{ fileName: 'imsmanifest.xml', contents: manifest }], schema: [schemas[1]!], preload: [schemas[0]!, schemas[2]!, schemas[3]!] })).valid).toBe(true);
  const hrefs = [...manifest.matchAll(/<file href="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
  expect(new Set(hrefs)).toEqual(new Set(Object.keys(game).filter((f) => f !== 'imsmanifest.xml')));
  console.log(`game's package: ${Object.keys(game).length} files, ${(readFileSync(zipPath).length / 1e6).toFixed(2)} MB; identical to the CLI's`);

  // The downloaded package in an LMS: English whatever the browser had, the pass mark 70.
  const lmsPage = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  const errors = errorsOf(lmsPage);
  const missing = await lms(lmsPage, game, 'mini-angry', { locale: 'zh-CN' });
  await launch(lmsPage, 'mini-angry');
  expect((await untilIn(() => sco(lmsPage), (x) => x.scene === 'Play', 'the scenario')).locale).toBe('en');
  await press(lmsPage, 'Enter');
  const end = (await playPicks(lmsPage, [1, 1], true))!;
  expect(end.debrief!.overall).toBeGreaterThanOrEqual(70);
  const cmi = await cmiOf(lmsPage);
  expect(cmi.core.score).toEqual({ raw: String(end.debrief!.overall), min: '0', max: '100' });
  expect(cmi.core.lesson_status).toBe('passed');
  const interactions = Object.values(cmi.interactions);
  expect(interactions.map((x) => x.id)).toEqual(['mini-angry_open', expect.stringMatching(/^mini-angry_[a-z0-9-]+$/)]);
  expect(interactions.every((x) => x.type === 'choice' && x.result === 'correct')).toBe(true);
  expect(Object.values(cmi.objectives).length).toBeGreaterThan(0);
  expect(decodeSuspend(cmi.suspend_data)).toMatchObject({ scenario: 'mini-angry', done: true });
  await lmsPage.screenshot({ path: join(SHOTS, 'scorm-game-export-in-lms.png') });
  await leave(lmsPage);
  expectWithinLimits(await logOf(lmsPage));
  expect(missing).toEqual([]);
  expect(errors).toEqual([]);
});

test('a file whose ids break the SCORM 1.2 rules: its located problems in the problem panel, no download', async ({ page }) => {
  const check = watchErrors(page);
  await open(page, { locale: 'zh-CN' });
  const long = MINI.replace('id: mini-angry', 'id: long-node').replaceAll('fix', 'x'.repeat(250));
  await toMyScenario(page, 'long-node.yaml', long);
  let downloads = 0;
  page.on('download', () => downloads++);
  await focusOn(page, /^导出到学习平台/);
  await page.keyboard.press('Enter');
  const d = await until(page, (x) => x.scene === 'Message' && !!x.message, 'the problem panel');
  const line = MINI.split('\n').findIndex((l) => l === '  - id: fix') + 1;
  expect(d.message!.title).toBe('long-node.yaml 暂时无法导出到学习平台:请先在文件中修改以下问题');
  expect(d.message!.lines).toEqual([expect.stringMatching(new RegExp(`^long-node\\.yaml:${line}:5: node "x{40}…" makes the interaction id "long-node_x+…" \\(260 characters\\)`))]);
  await page.screenshot({ path: join(SHOTS, 'export-problems-zh-CN.png') });
  await page.keyboard.press('Escape');
  await until(page, (x) => x.scene === 'Select', 'back on the list');
  expect(downloads).toBe(0);
  check();
});
