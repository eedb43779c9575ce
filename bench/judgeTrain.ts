/**
 * `npm run judge:train`: trains the judge's n-gram model (src/engine/judge/model.ts) on the TRAIN-ONLY labelled
 * replies — the train part of tests/judge/gold.jsonl (split.json) and tests/judge/train2.jsonl … train9.jsonl —
 * and writes scenarios/judge-model.json, with one more output beside the principles, ANY_HEAD ("says something"). Per principle, logistic regression with an L2 penalty, fitted by
 * full-batch AdaGrad from zero weights in a fixed order (no randomness, so the file is reproducible;
 * tests/unit/judgeModel.test.ts checks the committed file equals a fresh run). The test split is never read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANY_HEAD, FEATURES, featuresOf, type FeatureOptions, type JudgeModel } from '../src/engine/judge/model.js';
import { readLabels } from './judgeAgreement.js';
import { readReplies, readSplit } from './judgeSplit.js';

const DIR = join(import.meta.dirname, '../tests/judge');
export const MODEL_FILE = join(import.meta.dirname, '../scenarios/judge-model.json');

export interface PoolRow {
  id: string;
  locale: string;
  type: string;
  text: string;
  labels: string[];
  source: 'train' | PoolSource;
}

/** The single-annotator train-only files the model may train on (tests/judge/<source>.jsonl). */
export type PoolSource = 'train2' | 'train3' | 'train4' | 'train5' | 'train6' | 'train7' | 'train8' | 'train9' | 'train10';

/** The files the shipped model trains on, besides gold's train split (chosen by bench/judgeCv.ts; README). */
export const POOL_SOURCES: readonly PoolSource[] = ['train2', 'train3', 'train4', 'train5', 'train6', 'train7', 'train8', 'train9', 'train10'];

function readJsonl(file: string, source: PoolRow['source']): PoolRow[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const r = JSON.parse(l) as Omit<PoolRow, 'source'>;
      return { id: r.id, locale: r.locale, type: r.type, text: r.text, labels: r.labels, source };
    });
}

/** The model's training replies: gold's train split and the POOL_SOURCES files (never the test split). */
export function readPool(sources: readonly PoolSource[] = POOL_SOURCES): PoolRow[] {
  const train = new Set(readSplit().train);
  const gold = readLabels(join(DIR, 'gold.jsonl'));
  const first = readReplies()
    .filter((r) => train.has(r.id))
    .map((r): PoolRow => ({ id: r.id, locale: r.locale, type: r.type, text: r.text, labels: [...(gold.get(r.id) ?? [])].sort(), source: 'train' }));
  return [...first, ...sources.flatMap((s) => readJsonl(join(DIR, `${s}.jsonl`), s))];
}

export interface TrainOptions {
  features: FeatureOptions;
  /** L2 penalty per weight (the mean loss is penalised by l2/2 · ||w||²). */
  l2: number;
  iterations: number;
  rate: number;
  /** Positive examples weigh (negatives / positives)^balance. */
  balance: number;
  /** A feature must occur in at least this many training replies. */
  minCount: number;
  /** Weights below this (absolute) are dropped from the file. */
  prune: number;
  threshold: { practice: number; violation: number; any?: number; violationBias?: number };
  scale: number;
}

/** Chosen by 5-fold cross-validation on the train pool (bench/judgeCv.ts; README, "The own-words judge"). */
export const TRAIN: TrainOptions = {
  features: FEATURES,
  l2: 1e-4,
  iterations: 300,
  rate: 0.5,
  balance: 0.5,
  minCount: 2,
  prune: 0.2,
  threshold: { practice: 0.45, violation: 0.5, any: 0.75, violationBias: 1.25 },
  scale: 20,
};

export function train(rows: readonly PoolRow[], principles: readonly string[], o: TrainOptions = TRAIN): JudgeModel {
  const docs = rows.map((r) => featuresOf(r.text, o.features));
  const count = new Map<string, number>();
  for (const d of docs) for (const f of d) count.set(f, (count.get(f) ?? 0) + 1);
  const vocab = [...count].filter(([, n]) => n >= o.minCount).map(([f]) => f).sort();
  const index = new Map(vocab.map((f, i) => [f, i]));
  const X = docs.map((d) => {
    const ix = d.map((f) => index.get(f)).filter((i): i is number => i !== undefined);
    return { ix: Int32Array.from(ix), v: d.length ? 1 / Math.sqrt(d.length) : 0 };
  });
  const P = principles.length;
  const V = vocab.length;
  const N = rows.length;
  const Y = rows.map((r) => principles.map((p) => (p === ANY_HEAD ? (r.labels.length ? 1 : 0) : r.labels.includes(p) ? 1 : 0)));
  const cw = principles.map((_, j) => {
    const pos = Y.reduce((s, y) => s + y[j]!, 0);
    return pos ? ((N - pos) / pos) ** o.balance : 1;
  });
  const W = new Float64Array(V * P);
  const b = new Float64Array(P);
  const GW = new Float64Array(V * P);
  const Gb = new Float64Array(P);
  const hW = new Float64Array(V * P);
  const hb = new Float64Array(P);
  const z = new Float64Array(P);
  for (let it = 0; it < o.iterations; it++) {
    GW.fill(0);
    Gb.fill(0);
    let wsum = 0;
    for (let s = 0; s < N; s++) {
      const { ix, v } = X[s]!;
      z.set(b);
      for (const f of ix) for (let j = 0; j < P; j++) z[j]! += W[f * P + j]! * v;
      for (let j = 0; j < P; j++) {
        const y = Y[s]![j]!;
        const weight = y ? cw[j]! : 1;
        const g = (1 / (1 + Math.exp(-z[j]!)) - y) * weight;
        Gb[j]! += g;
        if (j === 0) wsum += 1;
        if (g === 0) continue;
        for (const f of ix) GW[f * P + j]! += g * v;
      }
    }
    for (let k = 0; k < V * P; k++) {
      const g = GW[k]! / wsum + o.l2 * W[k]!;
      hW[k]! += g * g;
      if (hW[k]!) W[k]! -= (o.rate * g) / Math.sqrt(hW[k]!);
    }
    for (let j = 0; j < P; j++) {
      const g = Gb[j]! / wsum;
      hb[j]! += g * g;
      if (hb[j]!) b[j]! -= (o.rate * g) / Math.sqrt(hb[j]!);
    }
  }
  const weights: Record<string, number[]> = {};
  vocab.forEach((f, i) => {
    const pairs: number[] = [];
    for (let j = 0; j < P; j++) {
      const w = W[i * P + j]!;
      if (Math.abs(w) >= o.prune) pairs.push(j, Math.round(w * o.scale));
    }
    if (pairs.length) weights[f] = pairs;
  });
  const { practice, violation, any, violationBias } = o.threshold;
  const threshold = { practice, violation, ...(principles.includes(ANY_HEAD) && any !== undefined ? { any, ...(violationBias !== undefined ? { violationBias } : {}) } : {}) };
  return { version: 1, features: o.features, principles: [...principles], bias: [...b].map((x) => Math.round(x * o.scale)), scale: o.scale, threshold, weights };
}

/** The principles the model learns: every label in the pool, sorted, then the "says something" head. */
export const poolPrinciples = (rows: readonly PoolRow[]) => [...[...new Set(rows.flatMap((r) => r.labels))].sort(), ANY_HEAD];

export const modelText = (m: JudgeModel) => JSON.stringify(m) + '\n';

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = readPool();
  const t = performance.now();
  const model = train(rows, poolPrinciples(rows));
  writeFileSync(MODEL_FILE, modelText(model));
  process.stdout.write(`${rows.length} replies, ${model.principles.length} principles, ${Object.keys(model.weights).length} features; ${((performance.now() - t) / 1000).toFixed(1)} s → scenarios/judge-model.json\n`);
}
