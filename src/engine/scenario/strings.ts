/**
 * Translation sheets: every text of a scenario (title, brief, customer, lines, notes, replies,
 * feedback, summaries) as a row with a stable id and its zh-CN and en text side by side, and
 * the way back: a sheet's texts written into the file, changing only the text. The file is read
 * with the yaml package's Document API for positions; each changed scalar is spliced into the
 * source at its range, so comments, layout and every untouched byte stay as they were.
 */
import { isMap, isScalar, isSeq, parseDocument, type Scalar } from 'yaml';
import { toLocalized } from '../text.js';

export interface StringRow {
  id: string;
  'zh-CN': string;
  en: string;
}

/** Where one language of one text sits in the file. */
interface Slot {
  id: string;
  locale: 'zh-CN' | 'en';
  /** The scalar, or undefined when a plain string holds the other language only. */
  scalar?: Scalar;
  /** The plain string (both languages unset in a map) the text lives in. */
  plain?: Scalar;
}

const TEXTS = ['text', 'feedback', 'moodException'] as const;

const get = (n: unknown, key: string): unknown => (isMap(n) ? n.get(key, true) : undefined);
const str = (n: unknown): string | undefined => (isScalar(n) && n.value !== null && n.value !== undefined ? String(n.value) : undefined);

/** The texts of a scenario document, in file order, with their ids. */
function slotsOf(contents: unknown): Slot[] {
  const out: Slot[] = [];
  const text = (id: string, n: unknown) => {
    if (isScalar(n) && typeof n.value === 'string') {
      const locale = 'zh-CN' in toLocalized(n.value) ? 'zh-CN' : 'en';
      out.push({ id, locale, scalar: n, plain: n }, { id, locale: locale === 'en' ? 'zh-CN' : 'en', plain: n });
    } else if (isMap(n)) {
      for (const l of ['zh-CN', 'en'] as const) {
        const v = n.get(l, true);
        out.push({ id, locale: l, ...(isScalar(v) ? { scalar: v } : {}) });
      }
    }
  };
  const lines = (id: string, n: unknown) => {
    if (isSeq(n)) n.items.forEach((v, i) => text(`${id}.line.${i + 1}`, v));
    else if (n !== undefined) text(`${id}.line`, n);
  };
  const reply = (id: string, r: unknown) => {
    for (const k of TEXTS) if (get(r, k) !== undefined) text(`${id}.${k}`, get(r, k));
  };
  text('title', get(contents, 'title'));
  text('brief', get(contents, 'brief'));
  text('customer.name', get(get(contents, 'customer'), 'name'));
  text('customer.persona', get(get(contents, 'customer'), 'persona'));
  const nodes = get(contents, 'nodes');
  if (isSeq(nodes)) {
    for (const n of nodes.items) {
      const nid = `node.${str(get(n, 'id')) ?? '?'}`;
      lines(nid, get(n, 'line'));
      if (get(n, 'note') !== undefined) text(`${nid}.note`, get(n, 'note'));
      const choices = get(n, 'choices');
      if (isSeq(choices)) choices.items.forEach((c, i) => reply(`${nid}.choice.${str(get(c, 'id')) ?? i + 1}`, c));
      if (get(n, 'onTimeout') !== undefined) reply(`${nid}.timeout`, get(n, 'onTimeout'));
    }
  }
  const endings = get(contents, 'endings');
  if (isSeq(endings)) {
    for (const e of endings.items) {
      const eid = `ending.${str(get(e, 'id')) ?? '?'}`;
      lines(eid, get(e, 'line'));
      text(`${eid}.summary`, get(e, 'summary'));
    }
  }
  return out;
}

export function exportStrings(source: string): StringRow[] {
  const doc = parseDocument(source);
  const rows = new Map<string, StringRow>();
  for (const s of slotsOf(doc.contents)) {
    const row = rows.get(s.id) ?? rows.set(s.id, { id: s.id, 'zh-CN': '', en: '' }).get(s.id)!;
    if (s.scalar) row[s.locale] = String(s.scalar.value ?? '');
  }
  return [...rows.values()];
}

/** A text as YAML source where a scalar of this style stood: plain when that reads back the same, else double-quoted. */
function render(value: string, was: Scalar, inFlow: boolean): string {
  const plainOk =
    (was.type === 'PLAIN' || was.type === undefined) &&
    value.trim() === value &&
    value !== '' &&
    !/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) &&
    !/: |:$| #|\n/.test(value) &&
    !(inFlow && /[,[\]{}]/.test(value)) &&
    String(parseDocument(`x: ${value}`).get('x')) === value;
  if (plainOk) return value;
  if (was.type === 'QUOTE_SINGLE' && !/\n/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  return JSON.stringify(value);
}

export interface ImportResult {
  text: string;
  changed: number;
  /** Rows whose id this file does not have. */
  unknown: string[];
  /** Rows that set a language the file has no place for (a plain string in the other language). */
  unplaced: { id: string; locale: 'zh-CN' | 'en' }[];
}

/** Write the rows' texts into the file's source; untouched text keeps every byte. */
export function importStrings(source: string, rows: readonly StringRow[]): ImportResult {
  const doc = parseDocument(source);
  const slots = slotsOf(doc.contents);
  const known = new Set(slots.map((s) => s.id));
  const edits: { from: number; to: number; text: string }[] = [];
  const unplaced: ImportResult['unplaced'] = [];
  for (const row of rows) {
    if (!known.has(row.id)) continue;
    for (const s of slots.filter((x) => x.id === row.id)) {
      const want = row[s.locale];
      if (s.scalar) {
        if (want === String(s.scalar.value ?? '') || want === '') continue;
        const block = s.scalar.type === 'BLOCK_LITERAL' || s.scalar.type === 'BLOCK_FOLDED';
        const [from, valueEnd] = s.scalar.range!;
        const inFlow = /[{[]/.test(source.slice(source.lastIndexOf('\n', from) + 1, from));
        edits.push({ from, to: valueEnd, text: render(want, s.scalar, inFlow) + (block ? '\n' : '') });
      } else if (want !== '') unplaced.push({ id: row.id, locale: s.locale });
    }
  }
  edits.sort((a, b) => b.from - a.from);
  let text = source;
  for (const e of edits) text = text.slice(0, e.from) + e.text + text.slice(e.to);
  return { text, changed: edits.length, unknown: rows.filter((r) => !known.has(r.id)).map((r) => r.id), unplaced };
}
