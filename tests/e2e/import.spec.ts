/** A trainer's own scenario file in the built game: opened, checked, played, kept; broken files explained. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { begin, dojo, open, ROOT, SHOTS, until, watchErrors } from './helpers.js';

async function toSelect(page: Page): Promise<void> {
  await page.keyboard.press('Enter');
  await until(page, (d) => d.scene === 'Select' && d.choices.length > 0, 'the scenario list');
}

function file(name: string, content: string | Buffer) {
  return { name, mimeType: 'text/yaml', buffer: typeof content === 'string' ? Buffer.from(content) : content };
}

test('a trainer opens a scenario file, plays it to the debrief, and finds it again after a reload', async ({ page }) => {
  const check = watchErrors(page);
  await open(page, { locale: 'en' });
  await toSelect(page);
  const text = readFileSync(join(ROOT, 'tests/fixtures/mini-angry.yaml'), 'utf8');
  await page.setInputFiles('#scenario-file', file('mini-angry.yaml', text));
  await begin(page, 'mini-angry');
  await page.keyboard.press('1');
  await until(page, (d) => d.phase === 'coaching', 'coaching');
  await page.keyboard.press('Enter');
  await until(page, (d) => d.phase === 'choosing', 'the second question');
  await page.keyboard.press('1');
  await until(page, (d) => d.phase === 'coaching', 'coaching');
  await page.keyboard.press('Enter');
  await until(page, (d) => d.phase === 'ending' && d.choices.length === 1, 'the ending');
  await page.keyboard.press('Enter');
  const d = await until(page, (x) => x.scene === 'Debrief' && !!x.debrief, 'the debrief');
  expect(d.debrief).toMatchObject({ overall: 100, outcome: 'won-back' });
  await page.reload();
  await until(page, (x) => x.scene === 'Title' && x.ready, 'the title');
  await toSelect(page);
  const list = await until(page, (x) => x.choices.includes('mini-angry'), 'my scenario on the list');
  expect(list.choices.at(-1)).toBe('mini-angry');
  await page.screenshot({ path: join(SHOTS, 'select-with-my-scenarios-en.png') });
  check();
});

const ALIAS_BOMB = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill('*' + String.fromCharCode(97 + i)).join(',')}]`)].join('\n');

const BAD: [string, string | Buffer, RegExp][] = [
  ['broken.yaml', readFileSync(join(ROOT, 'tests/fixtures/bad/syntax-error.yaml')), /^broken\.yaml:7:1: YAML: Missing closing "quote/],
  ['types.yaml', readFileSync(join(ROOT, 'tests/fixtures/bad/schema-errors.yaml')), /^types\.yaml:3:13: difficulty: expected 1/],
  ['refs.yaml', readFileSync(join(ROOT, 'tests/fixtures/bad/many-problems.yaml')), /^refs\.yaml:15:22: unknown principle "emotion-frist"/],
  ['empty.yaml', '', /^empty\.yaml:1:1: file is empty/],
  ['binary.yaml', readFileSync(join(ROOT, 'tests/fixtures/bad/binary.yaml')), /^binary\.yaml:\d+:\d+: this is not a UTF-8 text file/],
  ['huge.yaml', Buffer.alloc(10_000_000, 35), /^huge\.yaml:1:1: file is 10\.0 MB/],
  ['deep.yaml', `id: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, /^deep\.yaml:1:\d+: data is nested more than 64 levels deep/],
  ['bomb.yaml', ALIAS_BOMB, /^bomb\.yaml:1:1: YAML: .*alias/i],
];

test('broken scenario files are refused with located messages, and the game goes on', async ({ page }) => {
  const check = watchErrors(page);
  await open(page, { locale: 'en' });
  await toSelect(page);
  for (const [name, content, pattern] of BAD) {
    await page.setInputFiles('#scenario-file', file(name, content));
    const d = await until(page, (x) => x.scene === 'Message' && !!x.message, `the problems of ${name}`);
    expect(d.message!.lines.some((l) => pattern.test(l)), `${name}: ${d.message!.lines.join(' | ')}`).toBe(true);
    if (name === 'refs.yaml') {
      expect(d.message!.lines).toContain('refs.yaml:24:9: duplicate node id "open": the first is at line 11');
      await page.screenshot({ path: join(SHOTS, 'import-problems-en.png') });
    }
    await page.keyboard.press('Enter');
    await until(page, (x) => x.scene === 'Select' && !x.message, 'back to the list');
  }
  expect((await dojo(page)).choices).not.toContain('many-problems');
  check();
});

test('text from a scenario is shown as text, never run as HTML', async ({ page }) => {
  const check = watchErrors(page);
  page.on('dialog', () => {
    throw new Error('a dialog opened: scenario text was interpreted');
  });
  await open(page, { locale: 'en' });
  await toSelect(page);
  const evil = readFileSync(join(ROOT, 'tests/fixtures/mini-angry.yaml'), 'utf8')
    .replace('id: mini-angry', 'id: html-test')
    .replace('en: The customer\'s broadband is down.', 'en: "<img src=x onerror=alert(1)><script>alert(2)</script>"')
    .replace('en: Your broadband is down again!', 'en: "<b>bold?</b> <img src=x onerror=alert(3)>"')
    .replace('en: Offline again. What is going on with you people?', 'en: "<b>bold?</b> <img src=x onerror=alert(3)>"');
  await page.setInputFiles('#scenario-file', file('html.yaml', evil));
  await begin(page, 'html-test');
  const d = await dojo(page);
  expect(d.scenario).toBe('html-test');
  const live = await page.locator('#live').innerText();
  expect(live).toContain('<b>bold?</b> <img src=x onerror=alert(3)>');
  // The line on the stage is text too; the only pictures are the customer's faces.
  await expect(page.locator('.stage-speech-line')).toHaveText('<b>bold?</b> <img src=x onerror=alert(3)>');
  expect(await page.locator('img:not(.stage-face)').count()).toBe(0);
  expect(await page.locator('b').count()).toBe(0);
  check();
});
