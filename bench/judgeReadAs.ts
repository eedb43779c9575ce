/**
 * `node bin/run-ts.mjs bench/judgeReadAs.ts [--split dev|test|all] [--list]`: which authored reply a typed reply is
 * read as, through the real judge and session (`say` at the row's node), on tests/judge/readas.jsonl — paraphrases
 * of library replies, each with the reply it puts in other words (or none, for chatter). Reports, per split and
 * language: read as the intended reply, asked again, read as another reply (and, for chatter, read as any reply),
 * and the typed turn's score against the intended reply's own. `--list` prints every row's reading (dev rows only
 * unless --split test is asked for explicitly, so the test rows are not tuned on by habit).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readScenario } from '../src/cli/files.js';
import type { Play } from '../src/engine/session/session.js';
import { choose, offeredChoices, say, startSessionAt } from '../src/engine/session/session.js';
import { turnScore } from '../src/engine/scoring/debrief.js';
import type { Locale } from '../src/engine/text.js';
import { makeBenchJudge } from './judge.js';
import { readCatalog } from '../src/cli/files.js';

const ROOT = join(import.meta.dirname, '..');

export interface ReadAsRow {
  id: string;
  locale: Locale;
  scenario: string;
  node: string;
  reply: number | null;
  split: 'dev' | 'test';
  text: string;
}

export interface ReadAsResult {
  row: ReadAsRow;
  /** The reply it was read as, or null when the customer asked again. */
  readAs: number | null;
  similarity: number;
  found: string[];
  /** The typed turn's score, and the intended reply's own when picked (null for chatter or asked again). */
  score: number | null;
  intendedScore: number | null;
}

export function readRows(file = join(ROOT, 'tests/judge/readas.jsonl')): ReadAsRow[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ReadAsRow);
}

export function readAll(rows = readRows()): ReadAsResult[] {
  const c = readCatalog();
  if ('problems' in c) throw new Error('the catalog does not load');
  const { judge } = makeBenchJudge();
  const plays = new Map<string, Play>();
  const playOf = (id: string): Play => {
    let p = plays.get(id);
    if (!p) {
      const r = readScenario(join(ROOT, 'scenarios/library', `${id}.yaml`), c.catalog);
      if (!('scenario' in r) || !r.scenario) throw new Error(`${id} does not load`);
      plays.set(id, (p = { scenario: r.scenario, catalog: c.catalog }));
    }
    return p;
  };
  return rows.map((row) => {
    const play = playOf(row.scenario);
    const st = startSessionAt(play, row.node, 1);
    const j = judge(row.text, { locale: row.locale, scenario: play.scenario, node: row.node });
    const next = say(play, st, { text: row.text, principles: j.principles, ...(j.closest ? { closest: j.closest } : {}) });
    const turn = next.turns[st.turns.length];
    const found = j.principles.map((p) => (p.guess ? `${p.id}?` : p.id));
    let intendedScore: number | null = null;
    if (row.reply !== null) {
      const at = offeredChoices(play, st).findIndex((o) => o.index === row.reply);
      if (at >= 0) intendedScore = turnScore(play, choose(play, st, at).turns[0]!);
    }
    return { row, readAs: turn ? turn.choice : null, similarity: j.closest?.similarity ?? 0, found, score: turn ? turnScore(play, turn) : null, intendedScore };
  });
}

export interface ReadAsSummary {
  rows: number;
  paraphrases: number;
  intended: number;
  askedAgain: number;
  other: number;
  chatter: number;
  chatterTaken: number;
  /** Mean of the typed score ÷ the intended reply's own, over paraphrases of replies scoring above 0 that were taken. */
  scoreShare: number | null;
}

export function summarise(results: readonly ReadAsResult[]): ReadAsSummary {
  const para = results.filter((r) => r.row.reply !== null);
  const chatter = results.filter((r) => r.row.reply === null);
  const shares = para.filter((r) => r.score !== null && r.intendedScore).map((r) => r.score! / r.intendedScore!);
  return {
    rows: results.length,
    paraphrases: para.length,
    intended: para.filter((r) => r.readAs === r.row.reply).length,
    askedAgain: para.filter((r) => r.readAs === null).length,
    other: para.filter((r) => r.readAs !== null && r.readAs !== r.row.reply).length,
    chatter: chatter.length,
    chatterTaken: chatter.filter((r) => r.readAs !== null).length,
    scoreShare: shares.length ? shares.reduce((a, b) => a + b, 0) / shares.length : null,
  };
}

const line = (name: string, s: ReadAsSummary) =>
  `${name.padEnd(12)} ${String(s.paraphrases).padStart(3)} paraphrases: intended ${s.intended} (${((100 * s.intended) / (s.paraphrases || 1)).toFixed(0)} %), asked again ${s.askedAgain}, another reply ${s.other}; chatter taken ${s.chatterTaken}/${s.chatter}; score share ${s.scoreShare === null ? '–' : s.scoreShare.toFixed(2)}`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (k: string) => process.argv.find((a, i) => process.argv[i - 1] === k);
  const split = (arg('--split') ?? 'all') as 'dev' | 'test' | 'all';
  const results = readAll().filter((r) => split === 'all' || r.row.split === split);
  const out: string[] = [];
  for (const sp of ['dev', 'test'] as const) {
    for (const loc of ['en', 'zh-CN'] as const) {
      const part = results.filter((r) => r.row.split === sp && r.row.locale === loc);
      if (part.length) out.push(line(`${sp} ${loc}`, summarise(part)));
    }
    const part = results.filter((r) => r.row.split === sp);
    if (part.length) out.push(line(`${sp} all`, summarise(part)));
  }
  if (process.argv.includes('--list')) {
    for (const r of results) {
      if (r.row.split === 'test' && split !== 'test') continue;
      const mark = r.readAs === r.row.reply ? 'ok ' : r.readAs === null ? 'ASK' : 'BAD';
      out.push(`${mark} ${r.row.id} want ${r.row.reply ?? '-'} got ${r.readAs ?? '-'} sim ${r.similarity.toFixed(2)} score ${r.score ?? '-'}/${r.intendedScore ?? '-'} [${r.found.join(' ')}] ${r.row.text}`);
    }
  }
  process.stdout.write(out.join('\n') + '\n');
}
