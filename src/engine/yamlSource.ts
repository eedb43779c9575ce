/**
 * Parse YAML text into plain data while keeping a map back to line and column,
 * so every problem (syntax, schema, reference) can be reported as file:line:col.
 *
 * Two parsers: js-yaml reads a plain file several times faster than `yaml`, but keeps no
 * positions; `yaml` keeps positions and comments. A plain file (see `quickLoad`) is read by
 * js-yaml, and its `yaml` document is built only when something asks where a value is (a
 * problem to report, the linter). Everything else takes `yaml` from the start.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { Problem } from './problems.js';

export const MAX_FILE_BYTES = 1_000_000;
export const MAX_DEPTH = 64;
export const MAX_ALIASES = 200;

export type PathSegment = string | number;

export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** Line and column (1-based) of the node at `path`; with `key`, of the map key instead of its value. */
  locate(path: readonly PathSegment[], key?: boolean): { line: number; col: number };
  problem(path: readonly PathSegment[], code: string, message: string, opts?: { key?: boolean; hint?: string; severity?: Problem['severity'] }): Problem;
}

export interface ParsedYaml {
  source?: YamlSource;
  data?: unknown;
  problems: Problem[];
  /** Which parser read the data (the fast path, or the full one). */
  via?: 'js-yaml' | 'yaml';
}

function at(file: string, line: number, col: number, code: string, message: string, hint?: string): Problem {
  return { file, line, col, severity: 'error', code, message, ...(hint ? { hint } : {}) };
}

/** Reject what is not a text file before the parser sees it. */
function screen(file: string, text: string, bytes: number): Problem | undefined {
  if (bytes > MAX_FILE_BYTES) {
    return at(file, 1, 1, 'too-large', `file is ${(bytes / 1_000_000).toFixed(1)} MB; a scenario file may be at most ${MAX_FILE_BYTES / 1_000_000} MB`);
  }
  if (text.trim() === '') return at(file, 1, 1, 'empty', 'file is empty', 'start from `dojo new` or a bundled scenario');
  const nul = text.indexOf('\u0000');
  const bad = text.indexOf('\ufffd');
  const i = nul >= 0 ? nul : bad;
  if (i >= 0) {
    const before = text.slice(0, i).split('\n');
    return at(file, before.length, before[before.length - 1]!.length + 1, 'binary', 'this is not a UTF-8 text file (binary data found)');
  }
  // Nesting depth, counted cheaply on flow brackets and indentation, before the recursive parser runs.
  const lines = text.split('\n');
  let depth = 0;
  for (let n = 0; n < lines.length; n++) {
    const l = lines[n]!;
    const indent = l.length - l.trimStart().length;
    if (indent > 4 * MAX_DEPTH) return at(file, n + 1, 1, 'too-deep', `line is indented ${indent} spaces: data is nested too deeply`);
    for (let k = 0; k < l.length; k++) {
      const c = l.charCodeAt(k);
      if (c === 91 || c === 123) {
        if (++depth > MAX_DEPTH) return at(file, n + 1, k + 1, 'too-deep', `data is nested more than ${MAX_DEPTH} levels deep`);
      } else if (c === 93 || c === 125) depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/**
 * Constructs where the two parsers could differ, or where `yaml` has more to say: aliases
 * and anchors (alias limits, warnings), directives, complex keys, null keys, collections as
 * keys, and numbers js-yaml reads differently (0b…, 0x…/0o… with a sign, .5 with a sign).
 * A file using any of them, even where it only looks as if it does, takes the full path.
 */
const UNUSUAL = [
  /(?:^|[\s[{,])[*&]\S/m,
  /^%/m,
  /^\s*(?:-\s+)?\?(?:\s|$)/m,
  /^\s*(?:-\s+)?(?:null|Null|NULL|~)?\s*:(?:\s|$)/m,
  /[\]}]\s*:(?:\s|$)/,
  /(?:^|[\s:[{,])[+-]?(?:0[bBxXoO]|\.\d)/m,
];

/** Whether every line closes the flow collections it opens (`yaml` warns on badly indented multi-line ones). */
function flowClosesOnEachLine(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) depth++;
    else if (c === 93 || c === 125) depth--;
    else if (c === 10 && depth !== 0) return false;
  }
  return depth === 0;
}

/**
 * The fast path: plain data from js-yaml (YAML 1.2 core schema, duplicate keys refused), or
 * nothing — also when js-yaml only warns (e.g. of deficient indentation, which `yaml` refuses)
 * or the file holds no data at all.
 */
function quickLoad(text: string): { data: unknown } | undefined {
  if (UNUSUAL.some((r) => r.test(text)) || !flowClosesOnEachLine(text)) return undefined;
  try {
    const data: unknown = load(text, {
      schema: CORE_SCHEMA,
      json: false,
      onWarning: (w) => {
        throw w;
      },
    });
    return data === undefined || data === null ? undefined : { data };
  } catch {
    return undefined;
  }
}

export function parseYaml(file: string, text: string, bytes = new TextEncoder().encode(text).length): ParsedYaml {
  const screened = screen(file, text, bytes);
  if (screened) return { problems: [screened] };
  const quick = quickLoad(text);
  if (quick) return { source: lazySource(file, text), data: quick.data, problems: [], via: 'js-yaml' };
  return { ...fullParse(file, text), via: 'yaml' };
}

function yamlDocument(text: string): { doc: Document.Parsed; lines: LineCounter } {
  const lines = new LineCounter();
  return { doc: parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true }), lines };
}

/** A source whose `yaml` document is parsed on first use. */
function lazySource(file: string, text: string): YamlSource {
  let full: YamlSource | undefined;
  const get = () => {
    if (!full) {
      const { doc, lines } = yamlDocument(text);
      full = sourceOf(file, doc, lines);
    }
    return full;
  };
  return {
    file,
    get doc() {
      return get().doc;
    },
    get lines() {
      return get().lines;
    },
    locate: (path, key) => get().locate(path, key),
    problem: (path, code, message, opts) => get().problem(path, code, message, opts),
  };
}

function fullParse(file: string, text: string): ParsedYaml {
  const { doc, lines } = yamlDocument(text);
  const problems: Problem[] = [];
  const sourceLines = text.split('\n');
  const located = (e: (typeof doc.errors)[number]) => {
    const pos = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
    const first = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { pos, first };
  };
  // One mistake (a tab, a colon) throws the parser off for the rest of its block: the first
  // error is the one to fix, the others mostly follow from it, so they are counted, not listed.
  const [firstError, ...followOn] = doc.errors;
  if (firstError) {
    const { pos, first } = located(firstError);
    const more = new Set(followOn.map((e) => located(e).pos.line).filter((l) => l !== pos.line)).size;
    const hint = syntaxHint(first, sourceLines[pos.line - 1] ?? '');
    problems.push({ ...at(file, pos.line, pos.col, 'yaml-syntax', `YAML: ${first}${more ? `; ${more} more line${more > 1 ? 's' : ''} affected` : ''}`, hint) });
  }
  for (const e of doc.warnings) {
    const { pos, first } = located(e);
    problems.push({ ...at(file, pos.line, pos.col, 'yaml-syntax', `YAML: ${first}`), severity: 'warning' });
  }
  if (doc.errors.length) return { problems };
  const source = sourceOf(file, doc, lines);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { source, problems: [at(file, 1, 1, 'yaml-alias', `YAML: ${msg.split('\n')[0]}`, 'aliases (*name) may be used only a few times')] };
  }
  return { source, data, problems };
}

/** A fix hint for the YAML mistakes trainers make most, read from the parser's message and the line. */
export function syntaxHint(message: string, line: string): string | undefined {
  if (/tab/i.test(message) || /^ *\t/.test(line)) return 'indent with spaces, not tabs: set your editor to insert spaces';
  const colons = line.replace(/"[^"]*"|'[^']*'/g, '""').match(/:\s/g)?.length ?? 0;
  if (colons >= 2 && /flow collection|compact mapping|Nested mappings|Implicit/i.test(message)) {
    return `an ASCII colon followed by a space inside ${line.includes('{') ? '{ … }' : 'text'} starts a new field: put the text in quotes, or use a Chinese colon (\uff1a)`;
  }
  return undefined;
}

/** Positions of a parsed document's nodes. */
function sourceOf(file: string, doc: Document.Parsed, lines: LineCounter): YamlSource {
  const locate = (path: readonly PathSegment[], key = false) => {
    let node: unknown = doc.contents;
    let found: Node | undefined = doc.contents ?? undefined;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        if (key && i === path.length - 1 && isScalar(pair.key)) {
          found = pair.key;
          break;
        }
        node = pair.value;
        if (node) found = node as Node;
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg];
        if (!node) break;
        found = node as Node;
      } else break;
    }
    const offset = found?.range?.[0] ?? 0;
    return lines.linePos(offset);
  };

  return {
    file,
    doc,
    lines,
    locate,
    problem(path, code, message, opts = {}) {
      const { line, col } = locate(path, opts.key);
      return { ...at(file, line, col, code, message, opts.hint), severity: opts.severity ?? 'error' };
    },
  };
}

/**
 * The line and column of the value at `path`, looked up when first read: a scenario keeps one
 * for every node, reply and branch, and most are never read (only problems and the linter do).
 */
export function lazyLoc(source: YamlSource, path: readonly PathSegment[]): { readonly line: number; readonly col: number } {
  let pos: { line: number; col: number } | undefined;
  const get = () => (pos ??= source.locate(path));
  return {
    get line() {
      return get().line;
    },
    get col() {
      return get().col;
    },
  };
}

/** Turn zod issues into located problems, one per issue. */
export function schemaProblems(source: YamlSource, error: z.ZodError, data?: unknown): Problem[] {
  const out: Problem[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) {
        const split = /[^ -~]|\s/.test(k);
        const hint = split
          ? 'a comma inside { … } ends the text there: put the text in quotes, or use a Chinese comma (\uff0c)'
          : 'check the spelling against the schema';
        out.push(source.problem([...path, k], 'schema', `unknown field "${k}"${where(path)}`, { key: true, hint }));
      }
      continue;
    }
    out.push(source.problem(path, 'schema', describeIssue(issue, path, valueAt(data, path))));
  }
  return out;
}

function where(path: readonly PathSegment[]): string {
  return path.length ? ` in ${pathText(path)}` : '';
}

export function pathText(path: readonly PathSegment[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(top level)';
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** Fields that hold text (a string or { zh-CN, en }). */
export const TEXT_FIELDS = new Set(['title', 'brief', 'name', 'persona', 'text', 'feedback', 'summary', 'note', 'line', 'description', 'tip']);

function describeIssue(issue: z.core.$ZodIssue, path: readonly PathSegment[], value: unknown): string {
  const field = pathText(path);
  if (value === undefined && path.length) return `${field}: missing (required)`;
  if (issue.code === 'invalid_union') {
    const last = [...path].reverse().find((p) => typeof p === 'string');
    if (last && TEXT_FIELDS.has(last)) return `${field}: expected text, as a string or as { zh-CN: …, en: … }`;
    if (last === 'next' || last === 'to') return `${field}: expected a node id, or a list of { when: …, to: node-id }`;
    if (last === 'principles' || last === 'trains') return `${field}: expected a principle id, or { id: …, weight: … }`;
    if (last === 'difficulty') return `${field}: expected 1 (introductory), 2 (intermediate) or 3 (hard)`;
  }
  return `${field}: ${issue.message}`;
}
