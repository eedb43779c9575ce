/**
 * My scenarios (issue 17): a file opened through the browser's file picker is watched, and a
 * save in the trainer's editor shows in the game at once; removing one can be undone; a file
 * with the id of one opened before from another file replaces it, says so, and can be undone.
 * The picker is given a real file handle from the page's private file system (OPFS), the same
 * kind of handle the picker returns.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { open, ROOT, SHOTS, until, watchErrors , controls } from './helpers.js';

const TEXT = readFileSync(join(ROOT, 'tests/fixtures/mini-angry.yaml'), 'utf8');
const TITLE = 'Mini test: an angry customer';

const live = (page: Page) => page.evaluate(() => document.getElementById('live')!.textContent ?? '');

/** Press a control of the list by keyboard, as a trainer would who tabs to it (it may be below the fold). */
async function press(page: Page, start: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const d = await page.evaluate(() => (window as unknown as { dojo: { focus?: string } }).dojo.focus ?? '');
    if (d.startsWith(start)) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('Shift+Tab');
  }
  throw new Error(`no control "${start}…" on the list`);
}

/** Write the trainer's file (in the page's private file system, where the stubbed picker finds it). */
const save = (page: Page, text: string) =>
  page.evaluate(async (t) => {
    const root = await navigator.storage.getDirectory();
    const h = await root.getFileHandle('mini-angry.yaml', { create: true });
    const w = await h.createWritable();
    await w.write(t);
    await w.close();
  }, text);

test('a picked file is watched: a save shows at once; remove and Undo; the same id from another file replaces it, with Undo', async ({ page }) => {
  test.setTimeout(120_000);
  const check = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.addInitScript(() => {
    (window as unknown as { showOpenFilePicker: () => Promise<FileSystemFileHandle[]> }).showOpenFilePicker = async () => {
      const root = await navigator.storage.getDirectory();
      return [await root.getFileHandle('mini-angry.yaml')];
    };
  });
  await open(page, { locale: 'en' });
  await save(page, TEXT);
  await page.keyboard.press('Enter');
  await until(page, (d) => d.scene === 'Select' && d.choices.length > 0, 'the list');
  await press(page, 'Open a scenario file');
  await until(page, (d) => d.scene === 'Play' && d.scenario === 'mini-angry', 'my scenario playing');
  // Back to the list, then the trainer saves a new title in their editor.
  await page.keyboard.press('Escape');
  await until(page, (d) => d.scene === 'Pause', 'the pause menu');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await until(page, (d) => d.scene === 'Select' && d.choices.includes('mini-angry'), 'the list with my scenario');
  await save(page, TEXT.replace(TITLE, 'Mini test, saved again'));
  await expect.poll(async () => (await controls(page)).some((c) => c.label.startsWith('Mini test, saved again')), { timeout: 10_000 }).toBe(true);
  expect(await live(page)).toContain('mini-angry.yaml was saved');
  // A save that breaks the file: its problems, located; the list keeps the last good version.
  await save(page, TEXT.replace('nodes:', 'nodez:'));
  await until(page, (d) => d.scene === 'Message', 'the problems of the broken save');
  await page.keyboard.press('Escape');
  await until(page, (d) => d.scene === 'Select', 'the list again');
  expect((await controls(page)).some((c) => c.label.startsWith('Mini test, saved again'))).toBe(true);

  // Remove, then Undo.
  await press(page, 'Remove');
  await until(page, (d) => d.scene === 'Select' && !d.choices.includes('mini-angry'), 'my scenario removed');
  const bar = await until(page, (d) => d.scene === 'Select' && (d.focus ?? '').startsWith('Undo: bring back'), 'Undo focused');
  expect(bar.focus).toContain('Mini test, saved again');
  await page.screenshot({ path: join(SHOTS, 'my-scenarios-undo-en.png') });
  await page.keyboard.press('Enter');
  await until(page, (d) => d.scene === 'Select' && d.choices.includes('mini-angry'), 'my scenario back');

  // Another file with the same id: it replaces the first, the list says so, Ctrl+Z puts the first back.
  await page.setInputFiles('#scenario-file', { name: 'copy.yaml', mimeType: 'text/yaml', buffer: Buffer.from(TEXT.replace(TITLE, 'A copy with the same id')) });
  const replaced = await until(page, (d) => d.scene === 'Select' && (d.focus ?? '').startsWith('Undo: copy.yaml replaced'), 'the replacement said');
  expect(replaced.focus).toContain('mini-angry.yaml');
  expect((await controls(page)).some((c) => c.label.startsWith('A copy with the same id'))).toBe(true);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await controls(page)).some((c) => c.label.startsWith('Mini test, saved again')), { timeout: 10_000 }).toBe(true);
  // Kept for next time as it now stands.
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('complaint-dojo')!).imported.map((f: { name: string }) => f.name));
  expect(saved).toEqual(['mini-angry.yaml']);
  check();
});
