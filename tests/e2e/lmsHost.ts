/**
 * A stand-in LMS for SCORM 1.2 packages in Playwright: a host page on its own origin with
 * scorm-again's SCORM 1.2 runtime as window.API and the package's launch page in an iframe
 * (the way Moodle runs a SCO), the package's files served straight from the zip. The host keeps
 * the LMS data across a reload (as an LMS keeps it across launches), for resume. Used by
 * scorm.spec.ts (the CLI's package) and scorm-game-export.spec.ts (the game's own export).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Frame, type Page } from '@playwright/test';
import { IDENTIFIER, refusal } from '../../src/platform/lms/cmi12.js';
import { ROOT, type Dojo } from './helpers.js';

export const LMS = 'http://lms.test';

const host = (scenario: string) => `<!doctype html><html><head><meta charset="utf-8"><title>LMS</title>
<script src="/scorm12.js"></script>
<script>
  const saved = localStorage.getItem('lms-cmi');
  window.API = new Scorm12API({ logLevel: 5, autocommit: false });
  if (saved) { API.loadFromJSON(JSON.parse(saved).cmi, ''); API.cmi.core.entry = 'resume'; }
  window.lmsLog = [];
  window.lmsCalls = [];
  API.on('LMSSetValue.cmi.*', (el, v) => lmsLog.push([el, String(v)]));
  const keep = () => localStorage.setItem('lms-cmi', JSON.stringify(API.renderCMIToJSONObject()));
  API.on('LMSInitialize', () => lmsCalls.push('LMSInitialize'));
  API.on('LMSCommit', () => { lmsCalls.push('LMSCommit'); keep(); });
  API.on('LMSFinish', () => { lmsCalls.push('LMSFinish'); keep(); });
</script></head>
<body style="margin:0"><iframe id="sco" src="/course/scorm.html?scenario=${scenario}" style="width:1280px;height:720px;border:0"></iframe></body></html>`;

const TYPES: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css', json: 'application/json', svg: 'image/svg+xml', ogg: 'audio/ogg', yaml: 'text/yaml', png: 'image/png', webp: 'image/webp', xml: 'application/xml', xsd: 'application/xml', md: 'text/plain' };

/** The LMS origin: the host page (launching `scenario`), scorm-again, and the package's files; returns the paths asked for that the package lacks. */
export async function lms(page: Page, files: Record<string, Uint8Array>, scenario: string, settings: { locale: 'zh-CN' | 'en' } = { locale: 'en' }): Promise<string[]> {
  const missing: string[] = [];
  await page.route(`${LMS}/**`, async (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname);
    if (path === '/host.html') return route.fulfill({ contentType: 'text/html', body: host(scenario) });
    if (path === '/scorm12.js') return route.fulfill({ contentType: 'text/javascript', body: readFileSync(join(ROOT, 'node_modules/scorm-again/dist/scorm12.min.js'), 'utf8') });
    const f = path.startsWith('/course/') ? files[path.slice('/course/'.length)] : undefined;
    if (!f) {
      missing.push(path);
      return route.fulfill({ status: 404, body: 'not found' });
    }
    return route.fulfill({ contentType: TYPES[path.split('.').pop()!] ?? 'application/octet-stream', body: Buffer.from(f) });
  });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  // The first-play guide already seen, sound off (as tests/e2e/helpers.ts open() does).
  await page.addInitScript((locale) => {
    if (sessionStorage.getItem('e2e-init') || location.pathname !== '/host.html') return;
    sessionStorage.setItem('e2e-init', '1');
    localStorage.clear();
    localStorage.setItem('complaint-dojo', JSON.stringify({ version: 2, settings: { locale, muted: true, volume: 0.7, guided: true }, best: {}, attempts: [], resume: null, imported: [] }));
  }, settings.locale);
  return missing;
}

export function errorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

export const sco = (page: Page): Frame => page.frame({ url: /\/course\/scorm\.html/ })!;

export async function untilIn(frame: () => Frame | null, pred: (d: Dojo) => boolean, what: string, timeout = 30_000): Promise<Dojo> {
  const start = Date.now();
  let last: Dojo | undefined;
  while (Date.now() - start < timeout) {
    last = await frame()
      ?.evaluate(() => (window as unknown as { dojo?: Dojo }).dojo)
      .catch(() => undefined);
    if (last && pred(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}; window.dojo = ${JSON.stringify(last)}`);
}

/** Keys go to the game in the iframe. */
export async function press(page: Page, key: string): Promise<void> {
  await page.locator('#sco').focus();
  await page.keyboard.press(key);
}

/** From the current decision, play picks (1-based) by keyboard; to the debrief when `finish`. */
export async function playPicks(page: Page, picks: readonly (number | 't')[], finish: boolean): Promise<Dojo | undefined> {
  const f = () => sco(page);
  for (const [n, p] of picks.entries()) {
    await untilIn(f, (d) => d.phase === 'choosing', `choices at turn ${n + 1}`);
    expect(p, 'the routes used here have no time-outs').not.toBe('t');
    await press(page, String(p));
    await untilIn(f, (d) => d.phase === 'coaching', `coaching after turn ${n + 1}`);
    if (finish || n < picks.length - 1) await press(page, 'Enter');
  }
  if (!finish) return undefined;
  await untilIn(f, (d) => d.phase === 'ending' && d.choices.length === 1, 'the ending');
  await press(page, 'Enter');
  return untilIn(f, (d) => d.scene === 'Debrief' && !!d.debrief, 'the debrief');
}

export interface Cmi {
  core: { lesson_status: string; score: { raw: string; min: string; max: string }; exit: string; session_time: string; lesson_location: string };
  suspend_data: string;
  comments: string;
  objectives: Record<string, { id: string; status: string; score: { raw: string; min: string; max: string } }>;
  interactions: Record<string, { id: string; type: string; student_response: string; result: string; latency: string; time: string; objectives: Record<string, { id: string }>; correct_responses: Record<string, { pattern: string }> }>;
}

export const cmiOf = (page: Page) => page.evaluate(() => (window as unknown as { API: { renderCMIToJSONObject(): { cmi: Cmi } } }).API.renderCMIToJSONObject().cmi);
export const logOf = (page: Page) => page.evaluate(() => (window as unknown as { lmsLog: [string, string][] }).lmsLog);

/** Every value sent keeps the SCORM 1.2 rules that scorm-again does not check. */
export function expectWithinLimits(log: [string, string][]): void {
  for (const [el, v] of log) expect(refusal(el, v), `${el} = ${v.slice(0, 80)}`).toBeNull();
  for (const [el, v] of log.filter(([el]) => /\.id$/.test(el))) expect(v, el).toMatch(IDENTIFIER);
}

/** The host page, and the scenario opened straight away in its iframe. */
export async function launch(page: Page, scenario: string): Promise<void> {
  await page.goto(`${LMS}/host.html`);
  await untilIn(() => sco(page), (d) => d.scene === 'Play' && d.scenario === scenario && (d.phase === 'intro' || d.phase === 'choosing' || d.phase === 'coaching'), 'the scenario, opened straight away');
}

/** The iframe goes away (the learner leaves the course): the game finishes the session. */
export async function leave(page: Page): Promise<void> {
  await page.evaluate(() => document.getElementById('sco')!.remove());
  await expect.poll(() => page.evaluate(() => (window as unknown as { lmsCalls: string[] }).lmsCalls.includes('LMSFinish'))).toBe(true);
}
