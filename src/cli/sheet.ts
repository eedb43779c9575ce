/**
 * Translation sheets on disk: CSV (UTF-8 with a BOM, so Excel reads Chinese) or XLSX
 * (write-excel-file and read-excel-file, one author, both pure JS over fflate). A sheet is a
 * header row and rows of cells; rows and columns are counted from 1 as a spreadsheet shows them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';

export type Cells = string[][];

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function toCsv(rows: Cells): string {
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): Cells {
  const src = text.replace(/^\uFEFF/, '');
  const rows: Cells = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

export async function writeSheet(path: string, rows: Cells): Promise<void> {
  if (/\.xlsx$/i.test(path)) {
    await writeXlsxFile(
      rows.map((r, i) => r.map((v) => ({ value: v, type: String, ...(i === 0 ? { fontWeight: 'bold' as const } : {}), wrap: true }))),
      { columns: rows[0]!.map((_, i) => ({ width: i < 2 ? 28 : 60 })), stickyRowsCount: 1 },
    ).toFile(path);
  } else writeFileSync(path, toCsv(rows));
}

/** Every sheet of a workbook (a file or its bytes), by name, each cell as text (an empty cell as ''). */
export async function readXlsxSheets(input: string | Buffer): Promise<{ sheet: string; rows: Cells }[]> {
  const sheets = await readXlsxFile(input);
  return sheets.map((sh) => ({ sheet: sh.sheet, rows: sh.data.map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v)))) }));
}

export async function readSheet(path: string): Promise<Cells> {
  if (/\.xlsx$/i.test(path)) {
    const [first] = await readXlsxSheets(path);
    return first?.rows ?? [];
  }
  return parseCsv(readFileSync(path, 'utf8'));
}
