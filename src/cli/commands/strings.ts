/**
 * `dojo strings export FILE… --out sheet.xlsx|.csv`: every text with a stable id, zh-CN and en side by side.
 * `dojo strings import SHEET --into FILE…`: the sheet's texts written back, only the text changed.
 */
import { basename } from 'node:path';
import { writeFileSync } from 'node:fs';
import { exportStrings, importStrings, type StringRow } from '../../engine/scenario/strings.js';
import { parseArgs, stringFlag, UsageError } from '../args.js';
import { displayName, readText } from '../files.js';
import type { Output } from '../main.js';
import { messageLocale, printProblems } from './common.js';
import { readSheet, writeSheet, type Cells } from '../sheet.js';

export const HEADER = ['file', 'id', 'zh-CN', 'en'] as const;

const T = {
  en: {
    wrote: (n: number, f: string) => `wrote ${n} text(s) to ${f}`,
    header: 'the first row must be: file, id, zh-CN, en',
    noFile: (f: string) => `no file "${f}" among --into`,
    noId: (id: string, f: string) => `no text "${id}" in ${f}`,
    noPlace: (id: string, l: string) => `"${id}" is a plain text in one language: there is no ${l} to change (write it as { zh-CN: …, en: … } first)`,
    changed: (f: string, n: number) => `${f}: ${n} text(s) changed`,
  },
  'zh-CN': {
    wrote: (n: number, f: string) => `已把 ${n} 段文字写入 ${f}`,
    header: '第一行必须是:file, id, zh-CN, en',
    noFile: (f: string) => `--into 里没有文件“${f}”`,
    noId: (id: string, f: string) => `${f} 里没有文字“${id}”`,
    noPlace: (id: string, l: string) => `“${id}”只写了一种语言的纯文字:没有 ${l} 可改(先写成 { zh-CN: …, en: … })`,
    changed: (f: string, n: number) => `${f}:改了 ${n} 段文字`,
  },
} as const;

export async function stringsCommand(argv: string[], io: Output): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'export') return exportSheet(rest, io);
  if (sub === 'import') return importSheet(rest, io);
  throw new UsageError('use "dojo strings export FILE… --out sheet.xlsx|.csv" or "dojo strings import SHEET --into FILE…"');
}

async function exportSheet(argv: string[], io: Output): Promise<number> {
  const args = parseArgs(argv, { values: ['out', 'locale'] });
  const out = stringFlag(args, 'out');
  if (!args.positionals.length) throw new UsageError('give one or more scenario files');
  if (!out || !/\.(csv|xlsx)$/i.test(out)) throw new UsageError('--out names the sheet to write, ending .xlsx or .csv');
  const t = T[messageLocale(args)];
  const cells: Cells = [[...HEADER]];
  for (const file of args.positionals) {
    const read = readText(file);
    if ('problem' in read) {
      printProblems(io, [read.problem], messageLocale(args));
      return 1;
    }
    for (const r of exportStrings(read.text)) cells.push([displayName(file), r.id, r['zh-CN'], r.en]);
  }
  await writeSheet(out, cells);
  io.out(t.wrote(cells.length - 1, out));
  return 0;
}

async function importSheet(argv: string[], io: Output): Promise<number> {
  const args = parseArgs(argv, { values: ['locale'], booleans: ['into'] });
  const locale = messageLocale(args);
  const t = T[locale];
  const [sheet, ...files] = args.positionals;
  if (!sheet || !args.flags.has('into') || !files.length) throw new UsageError('give the sheet, then --into and the scenario files');
  let cells: Cells;
  try {
    cells = await readSheet(sheet);
  } catch (e) {
    io.err(`${sheet}:1:1: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  const head = (cells[0] ?? []).map((c) => c.trim());
  if (HEADER.some((h, i) => head[i] !== h)) {
    io.err(`${sheet}:1:1: ${t.header}`);
    return 1;
  }
  const byFile = new Map<string, { row: number; r: StringRow }[]>();
  const names = new Map(files.map((f) => [displayName(f), f]));
  const bases = new Map(files.map((f) => [basename(f), f]));
  const problems: string[] = [];
  cells.slice(1).forEach((c, i) => {
    const row = i + 2;
    if (c.every((v) => v.trim() === '')) return;
    const file = names.get(c[0] ?? '') ?? bases.get(basename(c[0] ?? ''));
    if (!file) return void problems.push(`${sheet}:${row}:1: ${t.noFile(c[0] ?? '')}`);
    byFile.set(file, [...(byFile.get(file) ?? []), { row, r: { id: c[1] ?? '', 'zh-CN': c[2] ?? '', en: c[3] ?? '' } }]);
  });
  const results: string[] = [];
  for (const file of files) {
    const read = readText(file);
    if ('problem' in read) {
      printProblems(io, [read.problem], locale);
      return 1;
    }
    const rows = byFile.get(file) ?? [];
    const r = importStrings(read.text, rows.map((x) => x.r));
    for (const x of rows) {
      if (r.unknown.includes(x.r.id)) problems.push(`${sheet}:${x.row}:2: ${t.noId(x.r.id, displayName(file))}`);
      for (const u of r.unplaced.filter((u) => u.id === x.r.id)) problems.push(`${sheet}:${x.row}:${u.locale === 'zh-CN' ? 3 : 4}: ${t.noPlace(u.id, u.locale)}`);
    }
    if (r.changed) writeFileSync(file, r.text);
    results.push(t.changed(displayName(file), r.changed));
  }
  for (const p of problems) io.err(p);
  for (const l of results) io.out(l);
  return problems.length ? 1 : 0;
}
