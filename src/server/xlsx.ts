/**
 * The results as an Excel workbook (write-excel-file: no native code, only fflate): the same
 * tables as the CSV export, one sheet each, header row (and a table's title above it) bold and frozen. Text goes in as text
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

/**
 * Sheet names: at most 31 characters (UTF-16 units, a character of two never cut in half), none
 * of : \ / ? * [ ], no apostrophe at either end, unique regardless of case (as Excel wants them).
 */
function sheetName(name: string, taken: Set<string>): string {
  let base = name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 28).replace(/[\uD800-\uDBFF]$/, '').replace(/^'+|'+$/g, '') || 'Sheet';
  let n = base;
  for (let i = 2; taken.has(n.toLowerCase()); i++) {
    base = base.slice(0, 31 - ` ${i}`.length).replace(/[\uD800-\uDBFF]$/, '');
    n = `${base} ${i}`;
  }
  taken.add(n.toLowerCase());
  return n;
}

export function tablesXlsx(tables: readonly Table[]): Promise<Buffer> {
  const taken = new Set<string>();
  const sheets = tables.map((t) => {
    const bold = (h: string) => ({ value: defuse(h), type: String, fontWeight: 'bold' as const });
    // A titled table (one scenario of several): its title on the row above the header, as in the CSV.
    const top = t.title === undefined ? [] : [[bold(t.title)]];
    const data: SheetData = [...top, t.head.map((h) => ({ value: h, type: String, fontWeight: 'bold' as const })), ...t.rows.map((r) => r.map(cell))];
    return { data, sheet: sheetName(t.name, taken), stickyRowsCount: top.length + 1 };
  });
  return writeXlsxFile(sheets).toBuffer();
}

export function exportXlsx(room: Room, l: Locale): Promise<Buffer> {
  return tablesXlsx(exportTables(room, l));
}
