/**
 * The judge's cue patterns (scenarios/judge-signals.yaml): loaded, checked and compiled. Every problem is
 * located file:line:col — a pattern that does not compile, matches the empty string or nests quantifiers
 * (slow on long input), an unknown principle id — so trainers can edit the file safely.
 */
import { z } from '../zod.js';
import type { Catalog } from '../catalog/catalog.js';
import type { Problem } from '../problems.js';
import { suggest } from '../scenario/load.js';
import type { Locale } from '../text.js';
import type { JudgeModel } from './model.js';
import { parseYaml, schemaProblems, type YamlSource } from '../yamlSource.js';

const Pattern = z.union([
  z.string().min(1),
  z.strictObject({ re: z.string().min(1), weight: z.number().gt(0).lte(1).optional(), unless: z.string().min(1).optional() }),
]);

export const SignalsSchema = z.strictObject({
  version: z.literal(1),
  principles: z.array(
    z.strictObject({
      id: z.string().min(1),
      'yields-to': z.array(z.string()).optional(),
      'unless-reply': z.string().min(1).optional(),
      'zh-CN': z.array(Pattern).optional(),
      en: z.array(Pattern).optional(),
    }),
  ),
});

export const DEFAULT_WEIGHT = 0.75;

export interface Cue {
  re: RegExp;
  weight: number;
  unless?: RegExp;
  /** The pattern as written, for explanations. */
  source: string;
}

export interface PrincipleSignals {
  id: string;
  polarity: 'practice' | 'violation';
  yieldsTo: string[];
  unlessReply?: RegExp;
  cues: Record<Locale, Cue[]>;
}

export interface Signals {
  principles: PrincipleSignals[];
  /** The learned n-gram model (scenarios/judge-model.json), when there is one: adds what the cues miss. */
  model?: JudgeModel;
}

export type SignalsResult = { ok: true; signals: Signals; problems: Problem[] } | { ok: false; problems: Problem[] };

/** A quantified group that itself holds a quantifier, e.g. (a+)+ or (?:\w*x)*: backtracks exponentially. */
const NESTED = /\((?:\?:)?[^()]*[+*][^()]*\)[+*{]/;

function compile(src: YamlSource, path: (string | number)[], pattern: string, problems: Problem[]): RegExp | undefined {
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'iu');
  } catch (e) {
    problems.push(src.problem(path, 'bad-pattern', `pattern does not compile: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`));
    return undefined;
  }
  if (re.test('')) {
    problems.push(src.problem(path, 'bad-pattern', 'pattern matches the empty string, so it would match every reply', { hint: 'remove the empty alternative or the optional-only pattern' }));
    return undefined;
  }
  if (NESTED.test(pattern)) {
    problems.push(src.problem(path, 'slow-pattern', 'pattern repeats a group that itself repeats (like (a+)+): it can take seconds on a long reply', { hint: 'drop the inner or the outer quantifier' }));
    return undefined;
  }
  return re;
}

export function loadSignals(file: string, text: string, catalog: Catalog): SignalsResult {
  const parsed = parseYaml(file, text);
  if (!parsed.source || parsed.problems.some((p) => p.severity === 'error')) return { ok: false, problems: parsed.problems };
  const src = parsed.source;
  const result = SignalsSchema.safeParse(parsed.data);
  if (!result.success) return { ok: false, problems: schemaProblems(src, result.error, parsed.data) };
  const problems: Problem[] = [];
  const ids = catalog.principles.map((p) => p.id);
  const known = (id: string, path: (string | number)[]) => {
    if (catalog.get(id)) return true;
    const s = suggest(id, ids);
    problems.push(src.problem(path, 'unknown-principle', `unknown principle "${id}"`, s ? { hint: s } : {}));
    return false;
  };
  const seen = new Set<string>();
  const out: PrincipleSignals[] = [];
  result.data.principles.forEach((p, i) => {
    if (!known(p.id, ['principles', i, 'id'])) return;
    if (seen.has(p.id)) problems.push(src.problem(['principles', i, 'id'], 'duplicate-id', `"${p.id}" has signals twice`));
    seen.add(p.id);
    (p['yields-to'] ?? []).forEach((y, j) => known(y, ['principles', i, 'yields-to', j]));
    const cues: Record<Locale, Cue[]> = { 'zh-CN': [], en: [] };
    for (const locale of ['zh-CN', 'en'] as const) {
      (p[locale] ?? []).forEach((entry, j) => {
        const e = typeof entry === 'string' ? { re: entry } : entry;
        const path = ['principles', i, locale, j];
        const re = compile(src, typeof entry === 'string' ? path : [...path, 're'], e.re, problems);
        const unless = e.unless === undefined ? undefined : compile(src, [...path, 'unless'], e.unless, problems);
        if (re) cues[locale].push({ re, weight: e.weight ?? DEFAULT_WEIGHT, source: e.re, ...(unless ? { unless } : {}) });
      });
    }
    const unlessReply = p['unless-reply'] === undefined ? undefined : compile(src, ['principles', i, 'unless-reply'], p['unless-reply'], problems);
    out.push({ id: p.id, polarity: catalog.get(p.id)!.polarity, yieldsTo: p['yields-to'] ?? [], cues, ...(unlessReply ? { unlessReply } : {}) });
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, signals: { principles: out }, problems: parsed.problems };
}
