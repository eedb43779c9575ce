/**
 * Cross-validation of the judge's model on the train-only pool (bench/judgeTrain.ts readPool: gold's train
 * split, train2 … train9, or `--sources`): 5 folds by the SHA-256 of the reply id; each fold's replies are judged by the cues
 * plus a model trained on the other four folds. Reports micro P / R / F1 and verdict accuracy per source and
 * threshold, for the cues alone, the model alone and both. The cues were written from gold's train split and
 * train2, so their figures there are optimistic; "fresh" sums the sources no cue was written from (train3 on).
 * `node bin/run-ts.mjs bench/judgeCv.ts [--opt key=value …] [--thresholds 0.3,0.4,0.5] [--sources train2,train3]
 * [--any-head 0.8,0.85] [--fallback-any 0.1] [--violation-bias 1.5]`. Never reads the test split.
 */
import { createHash } from 'node:crypto';
import { createJudge, verdictOf } from '../src/engine/judge/index.js';
import { clauses } from '../src/engine/judge/clauses.js';
import type { Signals } from '../src/engine/judge/signals.js';
import { ANY_HEAD, loadModel, logits, sigmoid } from '../src/engine/judge/model.js';
import type { Locale } from '../src/engine/text.js';
import { makeBenchJudge } from './judge.js';
import { readCatalog, readSignals } from '../src/cli/files.js';
import { POOL_SOURCES, poolPrinciples, readPool, train, TRAIN, type PoolRow, type PoolSource, type TrainOptions } from './judgeTrain.js';

export const FOLDS = 5;
export const foldOf = (id: string) => parseInt(createHash('sha256').update(id).digest('hex').slice(0, 8), 16) % FOLDS;

interface Score {
  tp: number;
  fp: number;
  fn: number;
  verdicts: number;
  n: number;
}

const fmt = (s: Score) => {
  const P = s.tp / (s.tp + s.fp || 1);
  const R = s.tp / (s.tp + s.fn || 1);
  return `P ${P.toFixed(3)} R ${R.toFixed(3)} F1 ${(P + R ? (2 * P * R) / (P + R) : 0).toFixed(3)} verdict ${(s.verdicts / s.n).toFixed(3)} (${s.n})`;
};

let cached: Signals | undefined;
function cueSignals(): Signals {
  if (cached) return cached;
  const c = readCatalog();
  if ('problems' in c) throw new Error('catalog');
  const s = readSignals(c.catalog);
  if ('problems' in s) throw new Error('signals');
  const { model: _unused, ...cues } = s.signals;
  return (cached = cues);
}

/** One held-out reply: what the cues found, and the out-of-fold model's probability per principle (model order). */
export interface HeldOut {
  row: PoolRow;
  cues: Set<string>;
  probs: Float64Array;
  /** What the judge itself (cues + this fold's model at the options' thresholds) finds. */
  judged: Set<string>;
}

/** Trains one model per fold and scores that fold's replies with it. */
export function heldOutScores(o: TrainOptions, rows: readonly PoolRow[] = readPool(), byClause = false): { principles: string[]; held: HeldOut[] } {
  const cues = cueSignals();
  const cueJudge = createJudge(cues);
  const principles = poolPrinciples(rows);
  const held: HeldOut[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const trained = train(
      rows.filter((r) => foldOf(r.id) !== k),
      principles,
      o,
    );
    const m = loadModel(trained);
    const full = createJudge({ ...cues, model: trained });
    for (const row of rows.filter((r) => foldOf(r.id) === k)) {
      const found = new Set(cueJudge(row.text, { locale: row.locale as Locale }).principles.map((f) => f.id));
      const probs = logits(m, row.text).map(sigmoid);
      if (byClause) {
        const spans = clauses(row.text);
        if (spans.length > 1) for (const c of spans) logits(m, row.text.slice(c.start, c.end)).forEach((z, i) => (probs[i] = Math.max(probs[i]!, sigmoid(z))));
      }
      held.push({ row, cues: found, probs, judged: new Set(full(row.text, { locale: row.locale as Locale }).principles.map((f) => f.id)) });
    }
  }
  return { principles, held };
}

/** The judge's rule on held-out scores: cue findings, plus the model's above the threshold of the principle's polarity, then yields-to. */
export interface Rule {
  practice: number;
  violation: number;
  /** With no violation found, the likeliest violation is added when its probability reaches this. */
  fallbackViolation?: number;
  /** With nothing found at all, the likeliest practice is added when its probability reaches this. */
  fallbackPractice?: number;
  /** With nothing found at all, the likeliest principle of either polarity is added when its probability reaches this. */
  fallbackAny?: number;
  /** With nothing found at all, the likeliest principle is added when the ANY head's probability reaches this. */
  anyHead?: number;
  /** With the any-head fallback, a violation is picked over a likelier practice while its probability × this is higher. */
  violationBias?: number;
}

export function combine(h: HeldOut, principles: readonly string[], rule: Rule, useCues = true): Set<string> {
  const cues = cueSignals();
  const byId = new Map(cues.principles.map((p) => [p.id, p]));
  const found = new Set(useCues ? h.cues : []);
  const best = { practice: { i: -1, p: 0 }, violation: { i: -1, p: 0 } };
  principles.forEach((id, i) => {
    const p = byId.get(id);
    if (!p || p.unlessReply?.test(h.row.text)) return;
    if (h.probs[i]! >= rule[p.polarity]) found.add(id);
    if (h.probs[i]! > best[p.polarity].p) best[p.polarity] = { i, p: h.probs[i]! };
  });
  const has = (pol: string) => [...found].some((id) => byId.get(id)?.polarity === pol);
  if (rule.fallbackViolation !== undefined && !has('violation') && best.violation.p >= rule.fallbackViolation) found.add(principles[best.violation.i]!);
  if (rule.fallbackPractice !== undefined && !found.size && best.practice.p >= rule.fallbackPractice) found.add(principles[best.practice.i]!);
  if (rule.fallbackAny !== undefined && !found.size) {
    const b = best.practice.p >= best.violation.p ? best.practice : best.violation;
    if (b.i >= 0 && b.p >= rule.fallbackAny) found.add(principles[b.i]!);
  }
  const ai = principles.indexOf(ANY_HEAD);
  if (rule.anyHead !== undefined && ai >= 0 && !found.size && h.probs[ai]! >= rule.anyHead) {
    const b = best.practice.p >= best.violation.p * (rule.violationBias ?? 1) ? best.practice : best.violation;
    if (b.i >= 0) found.add(principles[b.i]!);
  }
  return new Set([...found].filter((id) => !(byId.get(id)?.yieldsTo ?? []).some((y) => found.has(y))));
}

let polarityOf: ((id: string) => 'practice' | 'violation') | undefined;
export function score(held: readonly HeldOut[], findOf: (h: HeldOut) => Set<string>) {
  const polarity = (polarityOf ??= makeBenchJudge().polarity);
  const scores = new Map<string, Score>();
  const add = (key: string, found: Set<string>, want: Set<string>) => {
    const s = scores.get(key) ?? { tp: 0, fp: 0, fn: 0, verdicts: 0, n: 0 };
    for (const id of found) s[want.has(id) ? 'tp' : 'fp']++;
    for (const id of want) if (!found.has(id)) s.fn++;
    if (verdictOf([...found].map(polarity)) === verdictOf([...want].map(polarity))) s.verdicts++;
    s.n++;
    scores.set(key, s);
  };
  for (const h of held) {
    const found = findOf(h);
    // "fresh": the sources no cue was written from (train3 on), the fairest stand-in for unseen replies.
    for (const src of [h.row.source, 'all', ...(h.row.source === 'train' || h.row.source === 'train2' ? [] : ['fresh'])]) add(src, found, new Set(h.row.labels));
  }
  return scores;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const o: TrainOptions = { ...TRAIN, features: { ...TRAIN.features }, threshold: { ...TRAIN.threshold } };
  const args = process.argv.slice(2);
  let thresholds = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4];
  let sources: readonly PoolSource[] = POOL_SOURCES;
  let anyFallbacks: number[] = [];
  let anyHeads: number[] = [];
  let biases: number[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--thresholds') thresholds = args[++i]!.split(',').map(Number);
    if (args[i] === '--sources') sources = args[++i]!.split(',') as PoolSource[];
    if (args[i] === '--fallback-any') anyFallbacks = args[++i]!.split(',').map(Number);
    if (args[i] === '--any-head') anyHeads = args[++i]!.split(',').map(Number);
    if (args[i] === '--violation-bias') biases = args[++i]!.split(',').map(Number);
    if (args[i] === '--opt') {
      const [key, value] = args[++i]!.split('=') as [string, string];
      if (key === 'enChars') o.features.enChars = value ? value.split(',').map(Number) : [];
      else if (key === 'zhMax') o.features.zhMax = Number(value);
      else if (key === 'enPairs') o.features.enPairs = value === 'true';
      else (o as unknown as Record<string, number>)[key] = Number(value);
    }
  }
  const t = performance.now();
  const { principles, held } = heldOutScores(o, readPool(sources), args.includes('--clauses'));
  process.stdout.write(`options ${JSON.stringify(o)}; ${((performance.now() - t) / 1000).toFixed(0)} s\n`);
  const show = (name: string, find: (h: HeldOut) => Set<string>) => {
    for (const [src, s] of [...score(held, find)].sort(([a], [b]) => a.localeCompare(b))) process.stdout.write(`${src.padEnd(7)} ${name.padEnd(24)} ${fmt(s)}\n`);
  };
  show('cues', (h) => h.cues);
  show(`judge@${o.threshold.practice}/${o.threshold.violation} head ${o.threshold.any ?? '–'} bias ${o.threshold.violationBias ?? 1}`, (h) => h.judged);
  const fallbacks = args.includes('--fallback') ? [0.05, 0.1, 0.15] : [];
  for (const a of thresholds) {
    show(`model@${a}`, (h) => combine(h, principles, { practice: a, violation: a }, false));
    for (const b of thresholds) {
      show(`cues+model@${a}/${b}`, (h) => combine(h, principles, { practice: a, violation: b }));
      for (const q of anyFallbacks) show(`c+m@${a}/${b} any ${q}`, (h) => combine(h, principles, { practice: a, violation: b, fallbackAny: q }));
      for (const q of anyHeads) {
        show(`c+m@${a}/${b} head ${q}`, (h) => combine(h, principles, { practice: a, violation: b, anyHead: q }));
        for (const bias of biases) show(`c+m@${a}/${b} head ${q} bias ${bias}`, (h) => combine(h, principles, { practice: a, violation: b, anyHead: q, violationBias: bias }));
      }
      for (const v of fallbacks) for (const q of fallbacks) show(`c+m@${a}/${b} fb ${v}/${q}`, (h) => combine(h, principles, { practice: a, violation: b, fallbackViolation: v, fallbackPractice: q }));
    }
  }
}
