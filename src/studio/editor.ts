/**
 * The YAML editor: CodeMirror 6 with its YAML language, completions from the schema (principle
 * ids with their names and tips, this file's node ids, the customer's meters, customer types and
 * outcomes), and the loader's and linter's problems as lint diagnostics after each pause in typing.
 */
import { autocompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { yaml } from '@codemirror/lang-yaml';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { EditorState, type Text } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import type { Catalog } from '../engine/catalog/catalog.js';
import { meterIds } from '../engine/customers/index.js';
import type { Problem } from '../engine/problems.js';
import { pick, type Locale } from '../engine/text.js';
import { CUSTOMER_TYPES, OUTCOMES } from '../engine/vocabulary.js';
import { problemLine, type Analysis } from './analyse.js';
import { nodeIdsIn } from './nodeIds.js';

export interface EditorHooks {
  catalog: Catalog;
  locale: () => Locale;
  analyse: (text: string) => Analysis;
  /** Every fresh analysis, for the problem list, the graph and the figures. */
  analysed: (a: Analysis) => void;
  save: () => void;
  leave: () => void;
  label: () => string;
}

/** The document offset of a 1-based line and column, kept inside the text. */
export function offsetOf(doc: Text, line: number, col: number): number {
  const l = doc.line(Math.min(Math.max(1, line), doc.lines));
  return Math.min(l.from + Math.max(0, col - 1), l.to);
}

/** The end of the word (an id or a plain scalar) that starts at `from`. */
export function wordEnd(doc: Text, from: number): number {
  const l = doc.lineAt(from);
  const m = /^[^\s,\]}#:"']*/.exec(l.text.slice(from - l.from));
  return from + (m?.[0].length ?? 0);
}

function diagnostics(doc: Text, problems: Problem[], locale: Locale): Diagnostic[] {
  return problems.map((p) => {
    const from = offsetOf(doc, p.line, p.col);
    const { message, hint } = problemLine(p, locale);
    return { from, to: Math.max(from, wordEnd(doc, from)), severity: p.severity, message: `${p.line}:${p.col}: ${message}${hint ? ` (${hint})` : ''}`, source: p.code };
  });
}

/** Node and ending ids written in this file: two-space keys under `nodes:` and `endings:`. */
function completions(h: EditorHooks) {
  return (ctx: CompletionContext): CompletionResult | null => {
    const word = ctx.matchBefore(/[A-Za-z0-9_-]*/);
    if (!word || (word.from === word.to && !ctx.explicit)) return null;
    const locale = h.locale();
    const text = ctx.state.doc.toString();
    const type = /^\s*type:\s*([a-z]+)/m.exec(text)?.[1];
    const options: Completion[] = [
      ...h.catalog.principles.map((p) => ({ label: p.id, type: 'constant', detail: pick(p.name, locale), info: pick(p.tip, locale) })),
      ...nodeIdsIn(text).map((id) => ({ label: id, type: 'variable', detail: locale === 'en' ? 'node' : '节点' })),
      ...((CUSTOMER_TYPES as readonly string[]).includes(type ?? '') ? meterIds(type as (typeof CUSTOMER_TYPES)[number]) : []).map((m) => ({ label: m, type: 'property', detail: locale === 'en' ? 'meter' : '指标' })),
      ...CUSTOMER_TYPES.map((c) => ({ label: c, type: 'keyword', detail: locale === 'en' ? 'customer type' : '客户类型' })),
      ...OUTCOMES.map((o) => ({ label: o, type: 'keyword', detail: locale === 'en' ? 'outcome' : '结局类型' })),
    ];
    return { from: word.from, options, validFor: /^[A-Za-z0-9_-]*$/ };
  };
}

export function createEditor(parent: HTMLElement, text: string, h: EditorHooks): EditorView {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        keymap.of([
          { key: 'Mod-s', preventDefault: true, run: () => (h.save(), true) },
        ]),
        basicSetup,
        // After basicSetup: Escape first closes an open completion list, then leaves the editor.
        keymap.of([{ key: 'Escape', run: () => (h.leave(), true) }]),
        yaml(),
        lintGutter(),
        linter(
          (view) => {
            const a = h.analyse(view.state.doc.toString());
            h.analysed(a);
            return diagnostics(view.state.doc, a.problems, h.locale());
          },
          { delay: 350 },
        ),
        autocompletion({ override: [completions(h)] }),
        EditorView.contentAttributes.of(() => ({ 'aria-label': h.label() })),
      ],
    }),
  });
}
