/**
 * The results as an Excel workbook (write-excel-file: no native code, only fflate): the same
 * tables as the CSV export, one sheet each, header row bold and frozen. Text goes in as text
 * cells, defused exactly as in the CSV (src/server/csv.ts), so a name that starts with = stays
 * text there too if someone copies it into a cell or saves the sheet as CSV.
 */
import writeXlsxFile, { type Cell as XCell, type SheetData } from 'write-excel-file/node';
import type { Locale } from '../engine/text.js';
import { defuse, type Cell, type Table } from './csv.js';
import { exportTables } from './exports.js';
import type { Room } from './room.js';

function cell(v: Cell): XCell {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v, type: Number } : null;
  if (typeof v === 'boolean') return { value: v ? 'yes' : 'no', type: String };
  return { value: defuse(v), type: String };
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 28) || 'Sheet';
  let n = base;
  for (let i = 2; taken.has(n); i++) n = `${base} ${i}`;
  taken.add(n);
  return n;
}

export function tablesXlsx(tables: readonly Table[]): Promise<Buffer> {
  const taken = new Set<string>();
  const sheets = tables.map((t) => {
    const data: SheetData = [t.head.map((h) => ({ value: h, type: String, fontWeight: 'bold' as const })), ...t.rows.map((r) => r.map(cell))];
    return { data, sheet: sheetName(t.name, taken), stickyRowsCount: 1 };
  });
  return writeXlsxFile(sheets).toBuffer();
}

export function exportXlsx(room: Room, l: Locale): Promise<Buffer> {
  return tablesXlsx(exportTables(room, l));
}
