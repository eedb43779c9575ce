/**
 * The SCORM 1.2 package in an LMS: `dojo export scorm` builds it, and a host page stands in for
 * the LMS with scorm-again's SCORM 1.2 runtime as window.API and the package's launch page in
 * an iframe (the way Moodle runs a SCO). Played by keyboard; every value the LMS receives is
 * checked, against scorm-again's data and against the SCORM 1.2 rules it does not enforce.
 * The host keeps the LMS data across a reload (as an LMS keeps it across launches), for resume.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { validateXML } from 'xmllint-wasm';
import { IDENTIFIER, resultOf } from '../../src/platform/lms/cmi12.js';
import { decodeSuspend } from '../../src/platform/lms/suspend.js';
import { SCHEMA_FILES } from '../../src/scorm/manifest.js';
import { cliPaths, ROOT, SHOTS } from './helpers.js';
import { cmiOf, errorsOf, expectWithinLimits, launch as launchIn, leave, LMS, lms as lmsFor, logOf, playPicks, press, sco, untilIn as until } from './lmsHost.js';

const FILE = 'scenarios/library/broadband-outage.yaml';
const OUT = join(ROOT, 'test-results/scorm');

let files: Record<string, Uint8Array>;
let zipBytes = 0;

test.beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
  const zip = join(OUT, 'course.zip');
  const out = execFileSync('node', ['bin/dojo.mjs', 'export', 'scorm', FILE, '--out', zip, '--pass', '65'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  expect(out).toMatch(/^wrote .*course\.zip: SCORM 1\.2/);
  const bytes = readFileSync(zip);
  zipBytes = bytes.length;
  files = unzipSync(new Uint8Array(bytes));
});

const lms = (page: Page) => lmsFor(page, files, 'broadband-outage');
const launch = (page: Page) => launchIn(page, 'broadband-outage');

test('the package: manifest schema-valid, every file listed and present, relative paths', async () => {
  const manifest = strFromU8(files['imsmanifest.xml']!);
  expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
  const schemas = SCHEMA_FILES.map((f) => ({ fileName: f, contents: strFromU8(files[f]!) }));
  const result = await validateXML({ xml: [{ fileName: 'imsmanifest.xml', contents: manifest }], schema: [schemas[1]!], preload: [schemas[0]!, schemas[2]!, schemas[3]!] });
  expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
  expect(result.valid).toBe(true);
  // The check is live: an element out of its place is caught.
  const broken = manifest.replace('<adlcp:masteryscore>', '<bogus/><adlcp:masteryscore>');
  expect((await validateXML({ xml: [{ fileName: 'imsmanifest.xml', contents: broken }], schema: [schemas[1]!], preload: [schemas[0]!, schemas[2]!, schemas[3]!] })).valid).toBe(false);
  const hrefs = [...manifest.matchAll(/<file href="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
  const inZip = Object.keys(files).filter((f) => !f.endsWith('/'));
  expect(new Set(hrefs)).toEqual(new Set(inZip.filter((f) => f !== 'imsmanifest.xml')));
  expect(hrefs.every((h) => !h.startsWith('/') && !/^[a-z]+:/i.test(h) && !h.includes('..'))).toBe(true);
  expect(manifest).toMatch(/adlcp:scormtype="sco" href="scorm\.html\?scenario=broadband-outage"/);
  expect(manifest).toContain('<adlcp:masteryscore>65</adlcp:masteryscore>');
  expect(inZip).toContain('scenarios/broadband-outage.yaml');
  expect(inZip.some((f) => f === 'index.html' || f === 'host.html' || f === 'join.html')).toBe(false);
  // The launch page loads everything by relative paths.
  expect(strFromU8(files['scorm.html']!)).not.toMatch(/(src|href)="\/(?!\/)/);
  console.log(`package: ${inZip.length} files, ${(zipBytes / 1e6).toFixed(2)} MB zipped`);
});

test('best path under scorm-again: score, passed, objectives per principle, interactions per decision', async ({ page }) => {
  const errors = errorsOf(page);
  const missing = await lms(page);
  const best = cliPaths(FILE).best.picks;
  await launch(page);
  await press(page, 'Enter');
  const end = (await playPicks(page, best, true))!;
  const cmi = await cmiOf(page);
  expect(cmi.core.score).toEqual({ raw: String(end.debrief!.overall), min: '0', max: '100' });
  expect(end.debrief!.overall).toBeGreaterThanOrEqual(65);
  expect(cmi.core.lesson_status).toBe('passed');
  const interactions = Object.values(cmi.interactions);
  expect(interactions).toHaveLength(best.length);
  for (const x of interactions) {
    expect(x.type).toBe('choice');
    expect(x.id).toMatch(/^broadband-outage_[a-z0-9-]+$/);
    expect(x.result).toBe('correct');
    expect(x.correct_responses['0']!.pattern).toBe(x.student_response);
    expect(x.latency).toMatch(/^\d{2,4}:\d\d:\d\d(\.\d\d?)?$/);
    expect(x.time).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(x.objectives['0']!.id).toMatch(IDENTIFIER);
  }
  expect(interactions[0]!.id).toBe('broadband-outage_open');
  const objectives = Object.values(cmi.objectives);
  expect(objectives.length).toBeGreaterThanOrEqual(5);
  for (const o of objectives) {
    expect(o.id).toMatch(IDENTIFIER);
    expect(o.status).toMatch(/^(passed|failed)$/);
    expect(o.score.min).toBe('0');
    expect(o.score.max).toBe('100');
  }
  expect(objectives.filter((o) => o.status === 'passed').length).toBeGreaterThan(objectives.length / 2);
  expect(cmi.comments.split('\n')).toHaveLength(best.length);
  expect(decodeSuspend(cmi.suspend_data)).toMatchObject({ scenario: 'broadband-outage', done: true, picks: end.debrief!.path });
  await page.screenshot({ path: join(SHOTS, 'scorm-debrief-in-lms.png') });
  await leave(page);
  const after = await cmiOf(page);
  expect(after.core.session_time).toMatch(/^\d{2,4}:\d\d:\d\d/);
  expect(after.core.exit).toBe('');
  expectWithinLimits(await logOf(page));
  expect(missing).toEqual([]);
  expect(errors).toEqual([]);
});

test('worst path under scorm-again: failed, wrong answers, broken principles failed', async ({ page }) => {
  const errors = errorsOf(page);
  await lms(page);
  const worst = cliPaths(FILE).worst.picks;
  await launch(page);
  await press(page, 'Enter');
  const end = (await playPicks(page, worst, true))!;
  const cmi = await cmiOf(page);
  expect(end.debrief!.overall).toBeLessThan(65);
  expect(cmi.core.score.raw).toBe(String(end.debrief!.overall));
  expect(cmi.core.lesson_status).toBe('failed');
  const interactions = Object.values(cmi.interactions);
  expect(interactions).toHaveLength(worst.length);
  expect(interactions.filter((x) => x.result === 'wrong').length).toBeGreaterThan(0);
  expect(interactions.every((x) => ['correct', 'wrong', 'neutral'].includes(x.result))).toBe(true);
  expect(Object.values(cmi.objectives).some((o) => o.status === 'failed')).toBe(true);
  expectWithinLimits(await logOf(page));
  expect(errors).toEqual([]);
  // The results as the coaching scored them.
  expect(resultOf(-1)).toBe('wrong');
});

test('leaving in the middle and coming back resumes from cmi.suspend_data', async ({ page }) => {
  const errors = errorsOf(page);
  await lms(page);
  const best = cliPaths(FILE).best.picks;
  await launch(page);
  await press(page, 'Enter');
  await playPicks(page, best.slice(0, 3), false);
  const mid = await until(() => sco(page), (d) => d.phase === 'coaching', 'the third coaching');
  let cmi = await cmiOf(page);
  expect(cmi.core.lesson_status).toBe('incomplete');
  expect(cmi.core.exit).toBe('suspend');
  expect(cmi.core.score.raw).toBe('');
  const suspended = decodeSuspend(cmi.suspend_data)!;
  expect(suspended).toMatchObject({ scenario: 'broadband-outage', coaching: true, done: false });
  expect(suspended.picks).toHaveLength(3);
  expect(cmi.core.lesson_location).toBe(mid.node);

  // A new launch: the LMS hands the data back (entry = resume).
  await page.reload();
  const back = await until(() => sco(page), (d) => d.scene === 'Play' && (d.phase === 'coaching' || d.phase === 'choosing'), 'the game, resumed');
  expect(back.score?.turns).toBe(3);
  expect(await page.evaluate(() => (window as unknown as { API: { LMSGetValue(e: string): string } }).API.LMSGetValue('cmi.core.entry'))).toBe('resume');
  if (back.phase === 'coaching') await press(page, 'Enter');
  const end = (await playPicks(page, best.slice(3), true))!;
  expect(end.debrief!.path).toHaveLength(best.length);
  cmi = await cmiOf(page);
  expect(Object.values(cmi.interactions)).toHaveLength(best.length);
  expect(cmi.core.lesson_status).toBe('passed');
  expect(cmi.core.score.raw).toBe(String(end.debrief!.overall));
  const ids = Object.values(cmi.objectives).map((o) => o.id);
  expect(new Set(ids).size).toBe(ids.length);
  expectWithinLimits(await logOf(page));
  expect(errors).toEqual([]);
});

test('opened with no LMS: plays normally and says once that results are not recorded', async ({ page }) => {
  const errors = errorsOf(page);
  const infos: string[] = [];
  page.on('console', (m) => {
    if (/learning platform/i.test(m.text())) infos.push(`${m.type()}: ${m.text()}`);
  });
  await lms(page);
  await page.goto(`${LMS}/host.html`);
  await page.goto(`${LMS}/course/scorm.html?scenario=broadband-outage`);
  const f = () => page.mainFrame();
  await until(f, (d) => d.scene === 'Play' && d.phase === 'intro', 'the scenario without an LMS');
  await expect(page.locator('#lms-note')).toBeVisible();
  await expect(page.locator('#lms-note')).toHaveText('Not connected to a learning platform: this play is not being recorded.');
  await page.screenshot({ path: join(SHOTS, 'scorm-no-lms.png') });
  await page.keyboard.press('Enter');
  await until(f, (d) => d.phase === 'choosing', 'the first choices');
  await page.keyboard.press('1');
  await until(f, (d) => d.phase === 'coaching', 'coaching');
  expect(infos).toHaveLength(1);
  expect(infos[0]).toMatch(/^info: /);
  expect(errors).toEqual([]);
});
