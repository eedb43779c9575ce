/**
 * `npm run bench -- judge`: the own-words judge against the settled labels (tests/judge/gold.jsonl) on the
 * frozen test split: per-principle precision / recall / F1, micro-F1, good/bad/neutral verdict accuracy
 * (verdictOf: any violation is bad, practices alone good, nothing neutral — the reply's found principles
 * against gold's), and the median time per reply. `node bin/run-ts.mjs bench/judge.ts --split train` is the
 * development view (it lists misses); it refuses to list misses on the test split.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCatalog, readSignals } from '../src/cli/files.js';
import { createJudge, verdictOf, type Judge } from '../src/engine/judge/index.js';
import type { Locale } from '../src/engine/text.js';
import type { Figure } from './engine.js';
import { median } from './engine.js';
import { readLabels } from './judgeAgreement.js';
import { readReplies, readSplit, type ReplyRow } from './judgeSplit.js';

const DIR = join(import.meta.dirname, '../tests/judge');

export interface PrincipleScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export type JudgeSplit = 'test' | 'train' | 'train2' | 'train3' | 'train4' | 'train5' | 'train6' | 'train7' | 'train8' | 'train9' | 'train10' | 'train+train2';

export interface JudgeEvaluation {
  split: JudgeSplit;
  replies: number;
  micro: { precision: number; recall: number; f1: number };
  verdictAccuracy: number;
  perPrinciple: Record<string, PrincipleScore>;
  medianMs: number;
  misses: { id: string; text: string; gold: string[]; found: string[] }[];
}

const ratio = (a: number, b: number) => (b ? a / b : null);
const f1 = (p: number | null, r: number | null) => (p === null || r === null || p + r === 0 ? (p === 0 || r === 0 ? 0 : null) : (2 * p * r) / (p + r));

export function makeBenchJudge(): { judge: Judge; polarity: (id: string) => 'practice' | 'violation' } {
  const c = readCatalog();
  if ('problems' in c) throw new Error('the catalog does not load');
  const s = readSignals(c.catalog);
  if ('problems' in s) throw new Error(`judge signals do not load: ${s.problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.message}`).join('; ')}`);
  return { judge: createJudge(s.signals), polarity: (id) => c.catalog.get(id)!.polarity };
}

/** tests/judge/train2.jsonl (or train3, train4): single-annotator train-only replies, each with its own `labels`. */
export function readTrain2(file = join(DIR, 'train2.jsonl')): { rows: ReplyRow[]; gold: Map<string, Set<string>> } {
  const rows: ReplyRow[] = [];
  const gold = new Map<string, Set<string>>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as ReplyRow & { labels: string[] };
    rows.push({ id: r.id, locale: r.locale, type: r.type, context: '', text: r.text });
    gold.set(r.id, new Set(r.labels));
  }
  return { rows, gold };
}

export function evaluate(split: JudgeSplit, rows = readReplies()): JudgeEvaluation {
  const gold = readLabels(join(DIR, 'gold.jsonl'));
  const { judge, polarity } = makeBenchJudge();
  let chosen: ReplyRow[] = [];
  if (split === 'test' || split === 'train' || split === 'train+train2') {
    const ids = new Set(readSplit()[split === 'test' ? 'test' : 'train']);
    chosen = rows.filter((r) => ids.has(r.id));
  }
  if (split === 'train2' || split === 'train3' || split === 'train4' || split === 'train5' || split === 'train6' || split === 'train7' || split === 'train8' || split === 'train9' || split === 'train10' || split === 'train+train2') {
    const t2 = readTrain2(join(DIR, `${split === 'train+train2' ? 'train2' : split}.jsonl`));
    chosen = [...chosen, ...t2.rows];
    for (const [id, s] of t2.gold) gold.set(id, s);
  }
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const count = (id: string) => counts.get(id) ?? (counts.set(id, { tp: 0, fp: 0, fn: 0 }), counts.get(id)!);
  for (const s of gold.values()) for (const id of s) count(id);
  const times: number[] = [];
  let verdicts = 0;
  const misses: JudgeEvaluation['misses'] = [];
  for (const r of chosen) {
    const t = performance.now();
    const result = judge(r.text, { locale: r.locale as Locale });
    times.push(performance.now() - t);
    const found = new Set(result.principles.map((f) => f.id));
    const want = gold.get(r.id) ?? new Set<string>();
    for (const id of found) count(id)[want.has(id) ? 'tp' : 'fp']++;
    for (const id of want) if (!found.has(id)) count(id).fn++;
    if (verdictOf([...found].map(polarity)) === verdictOf([...want].map(polarity))) verdicts++;
    if ([...found].sort().join() !== [...want].sort().join()) misses.push({ id: r.id, text: r.text, gold: [...want].sort(), found: [...found].sort() });
  }
  // Time again on a warm judge: the first pass pays for compiling the patterns.
  const warm = chosen.map((r) => {
    const t = performance.now();
    judge(r.text, { locale: r.locale as Locale });
    return performance.now() - t;
  });
  const perPrinciple: Record<string, PrincipleScore> = {};
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [id, c] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
    const p = ratio(c.tp, c.tp + c.fp);
    const rc = ratio(c.tp, c.tp + c.fn);
    perPrinciple[id] = { ...c, precision: p, recall: rc, f1: f1(p, rc) };
  }
  const P = tp / (tp + fp || 1);
  const R = tp / (tp + fn || 1);
  return {
    split,
    replies: chosen.length,
    micro: { precision: P, recall: R, f1: P + R ? (2 * P * R) / (P + R) : 0 },
    verdictAccuracy: verdicts / chosen.length,
    perPrinciple,
    medianMs: median(warm.length ? warm : times),
    misses: split === 'test' ? [] : misses,
  };
}

const fx = (x: number | null) => (x === null ? '  – ' : x.toFixed(2));

/** A readable report: per-principle P / R / F1, micro figures, verdict accuracy and (off the test split) misses. */
export function reportText(e: JudgeEvaluation): string {
  const lines = [`split ${e.split}: ${e.replies} replies`, 'principle                 P     R     F1    tp fp fn'];
  for (const [id, s] of Object.entries(e.perPrinciple)) {
    lines.push(`${id.padEnd(24)} ${fx(s.precision)}  ${fx(s.recall)}  ${fx(s.f1)}  ${String(s.tp).padStart(3)} ${String(s.fp).padStart(2)} ${String(s.fn).padStart(2)}`);
  }
  lines.push(`micro P ${e.micro.precision.toFixed(3)} R ${e.micro.recall.toFixed(3)} F1 ${e.micro.f1.toFixed(3)}`);
  lines.push(`verdict accuracy ${e.verdictAccuracy.toFixed(3)}; median ${e.medianMs.toFixed(3)} ms per reply`);
  if (e.misses.length) lines.push(`misses (${e.misses.length}):`);
  for (const m of e.misses) lines.push(`  ${m.id} gold [${m.gold.join(' ')}] found [${m.found.join(' ')}]  ${m.text}`);
  return lines.join('\n') + '\n';
}

export function judgeFigures(): Figure[] {
  const e = evaluate('test');
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return [
    { name: 'judge.test_micro_f1', unit: '', value: r3(e.micro.f1), target: '≥ 0.80 on the frozen test split', pass: e.micro.f1 >= 0.8 },
    { name: 'judge.test_micro_precision', unit: '', value: r3(e.micro.precision), target: 'reported', pass: true },
    { name: 'judge.test_micro_recall', unit: '', value: r3(e.micro.recall), target: 'reported', pass: true },
    { name: 'judge.test_verdict_accuracy', unit: '', value: r3(e.verdictAccuracy), target: '≥ 0.90 (good / bad / neutral)', pass: e.verdictAccuracy >= 0.9 },
    { name: 'judge.median_ms_per_reply', unit: 'ms', value: Math.round(e.medianMs * 1000) / 1000, target: '≤ 20 ms in Node', pass: e.medianMs <= 20 },
    ...Object.entries(e.perPrinciple).map(([id, s]) => ({
      name: `judge.test_f1.${id}`,
      unit: '',
      value: s.f1 === null ? -1 : r3(s.f1),
      target: `P ${s.precision === null ? '–' : r3(s.precision)} R ${s.recall === null ? '–' : r3(s.recall)} (tp ${s.tp} fp ${s.fp} fn ${s.fn}); reported`,
      pass: true,
    })),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const split = process.argv.includes('--split') ? process.argv[process.argv.indexOf('--split') + 1] : 'test';
  const splits: JudgeSplit[] = ['test', 'train', 'train2', 'train3', 'train4', 'train5', 'train6', 'train7', 'train8', 'train9', 'train10', 'train+train2'];
  if (!splits.includes(split as JudgeSplit)) {
    process.stderr.write(`--split must be one of ${splits.join(', ')}\n`);
    process.exit(2);
  }
  const e = evaluate(split as JudgeSplit);
  if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(e, null, 1) + '\n');
  else process.stdout.write(reportText(e));
}
