/** Issue 17, item 4: translation sheets, round-tripped on every library scenario. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv, readSheet } from '../../src/cli/sheet.js';
import { exportStrings, importStrings } from '../../src/engine/scenario/strings.js';
import { libraryFiles, ROOT, runDojo } from './helpers.js';

const dojo = runDojo;

const dir = mkdtempSync(join(tmpdir(), 'dojo-strings-'));
const copies = libraryFiles().map((f) => {
  const to = join(dir, basename(f));
  writeFileSync(to, readFileSync(join(ROOT, f)));
  return to;
});

describe('dojo strings', () => {
  for (const ext of ['csv', 'xlsx']) {
    it(`export → import through ${ext} leaves every library file byte-identical`, async () => {
      const sheet = join(dir, `all.${ext}`);
      expect((await dojo('strings', 'export', ...copies, '--out', sheet)).code).toBe(0);
      const cells = await readSheet(sheet);
      expect(cells[0]).toEqual(['file', 'id', 'zh-CN', 'en']);
      expect(cells.some((r) => r[1] === 'node.open.line.1' || r[1] === 'title')).toBe(true);
      const r = await dojo('strings', 'import', sheet, '--into', ...copies);
      expect(r.code, r.err).toBe(0);
      for (const f of libraryFiles()) expect(readFileSync(join(dir, basename(f)), 'utf8'), f).toBe(readFileSync(join(ROOT, f), 'utf8'));
    }, 120_000);
  }

  it('CSV is UTF-8 with a BOM, and quoted cells keep commas, quotes and line breaks', async () => {
    const sheet = join(dir, 'one.csv');
    await dojo('strings', 'export', copies[0]!, '--out', sheet);
    expect(readFileSync(sheet, 'utf8').charCodeAt(0)).toBe(0xfeff);
    expect(parseCsv('\uFEFFa,"b,""c""\nd"\r\n')).toEqual([['a', 'b,"c"\nd']]);
  });

  it('a changed text changes only that text, comments and layout kept; a text needing quotes gets them', () => {
    const src = readFileSync(join(ROOT, 'tests/fixtures/mini-angry.yaml'), 'utf8');
    const rows = exportStrings(src).map((r) => (r.id === 'node.fix.choice.2.feedback' ? { ...r, en: 'Passing the buck: never, ever.' } : r));
    const out = importStrings(src, rows);
    expect(out.changed).toBe(1);
    expect(out.text).toBe(src.replace('en: Passing the buck. }', 'en: "Passing the buck: never, ever." }'));
  });

  it('reports rows it cannot place with row and column, and changes nothing for them', async () => {
    const sheet = join(dir, 'bad.csv');
    const file = copies.find((f) => f.endsWith('hotpot-wait.yaml'))!;
    const before = readFileSync(file, 'utf8');
    writeFileSync(sheet, `\uFEFFfile,id,zh-CN,en\r\n${file},no.such.text,甲,A\r\nelsewhere.yaml,title,乙,B\r\n`);
    const r = await dojo('strings', 'import', sheet, '--into', file, '--locale', 'en');
    expect(r.code).toBe(1);
    expect(r.err.split('\n')).toEqual([`${sheet}:3:1: no file "elsewhere.yaml" among --into`, `${sheet}:2:2: no text "no.such.text" in ${file}`]);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
