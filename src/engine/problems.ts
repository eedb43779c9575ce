/** A located problem in a scenario or catalog file, printed as `file:line:col: message`. */
import { problemText } from './problemText.js';
import type { Locale } from './text.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Problem {
  file: string;
  line: number;
  col: number;
  severity: Severity;
  message: string;
  /** Optional one-line fix hint. */
  hint?: string;
  /** Stable code for tooling, e.g. `yaml-syntax`, `schema`, `unknown-node`. */
  code: string;
}

/** `file:line:col: [severity: ]message (hint)`, in English or in Chinese. */
export function formatProblem(p: Problem, locale: Locale = 'en'): string {
  if (locale === 'en') {
    const sev = p.severity === 'error' ? '' : `${p.severity}: `;
    const hint = p.hint ? ` (${p.hint})` : '';
    return `${p.file}:${p.line}:${p.col}: ${sev}${p.message}${hint}`;
  }
  const t = problemText(p, locale);
  const sev = p.severity === 'error' ? '' : p.severity === 'warning' ? '警告:' : '提示:';
  return `${p.file}:${p.line}:${p.col}: ${sev}${t.message}${t.hint ? `(${t.hint})` : ''}`;
}

export function byPosition(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.message.localeCompare(b.message);
}
