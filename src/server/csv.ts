/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Chinese), CRLF rows,
 * quoting where needed, and no text cell that a spreadsheet could run as a formula.
 *
 * The file is written with commas, but a spreadsheet may split it on semicolons (Excel in
 * semicolon locales, LibreOffice's import dialog) or tabs, and then a cell's text from just
 * after a `;` or tab starts a cell of its own: `x;=1+1` would become `x` and a formula. So a
 * formula character (= + - @) is defused with an apostrophe wherever a cell could start: at the
 * start of the text and after any separator, quote or line break (spaces between allowed for).
 * A cell holding a separator of any kind, a quote or a line break is quoted.
 */
export type Cell = string | number | boolean | null | undefined;

/** Where a spreadsheet may start a new cell, then the formula character that would follow. */
const CELL_START_FORMULA = /(^|[,;\t\r\n"])(\s*)([=+\-@])/g;
const LEADING_CONTROL = /^[\t\r]/;
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** A text cell with every place a spreadsheet could start a formula defused (CSV and XLSX alike). */
export function defuse(text: string): string {
  const s = LEADING_CONTROL.test(text) ? `'${text}` : text;
  return s.replace(CELL_START_FORMULA, "$1$2'$3");
}

/** A cell's text as a spreadsheet shows it (before CSV quoting). */
export function cellText(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return defuse(v);
}

export function csvCell(v: Cell): string {
  const s = cellText(v);
  return typeof v === 'string' && (NEEDS_QUOTES.test(s) || s !== s.trim()) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface Table {
  /** The sheet's name in a workbook. */
  name: string;
  /** A line above the header saying what the table is (in a session of several scenarios: which one). */
  title?: string;
  head: readonly string[];
  rows: readonly (readonly Cell[])[];
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Several tables in one file, one after another with an empty line between (one BOM); a table's title on the line above its header. */
export function tablesCsv(tables: readonly Table[]): string {
  return tables
    .map((t, i) => {
      const csv = t.title === undefined ? toCsv(t.head, t.rows) : toCsv([t.title], [t.head, ...t.rows]);
      return i ? csv.slice(1) : csv;
    })
    .join('\r\n');
}
