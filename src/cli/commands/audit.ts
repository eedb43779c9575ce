/**
 * `dojo audit FILE… [--json] [--seeds N]`: can the scenario be won without reading? Plays it
 * with reading-free strategies in both languages and lists the giveaways. It reports; it
 * does not fail: exit 0 when it ran, 1 when a file is invalid, 2 for bad usage.
 */
import {
  auditLibrary,
  auditScenario,
  DEFAULT_SEEDS,
  directedReplies,
  STRATEGIES,
  type LibrarySummary,
  type ScenarioAudit,
  type SharedOpening,
  type StrategyResult,
} from '../../engine/audit/index.js';
import type { Loc } from '../../engine/scenario/model.js';
import { LOCALES, pick, type Locale } from '../../engine/text.js';
import { parseArgs, stringFlag, UsageError } from '../args.js';
import { readScenario } from '../files.js';
import type { Output } from '../main.js';
import { catalogOf, duplicateId, printProblems } from './common.js';

export function parseSeeds(text: string | undefined): number {
  if (text === undefined) return DEFAULT_SEEDS;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 10_000) throw new UsageError('--seeds must be a whole number from 1 to 10000');
  return Number(text);
}

export function auditCommand(argv: string[], io: Output): number {
  const args = parseArgs(argv, { booleans: ['json'], values: ['catalog', 'seeds'] });
  if (!args.positionals.length) throw new UsageError('give one or more scenario files');
  const seeds = parseSeeds(stringFlag(args, 'seeds'));
  const catalog = catalogOf(args, io);
  if (!catalog) return 1;
  let bad = 0;
  const ids = new Map<string, string>();
  const audits: ScenarioAudit[] = [];
  for (const file of args.positionals) {
    const r = readScenario(file, catalog);
    printProblems(io, r.problems);
    const dup = r.ok ? duplicateId(ids, r.scenario) : undefined;
    if (dup) printProblems(io, [dup]);
    if (!r.ok || dup) {
      bad++;
      continue;
    }
    audits.push(auditScenario({ scenario: r.scenario, catalog }, { seeds }));
  }
  const library = audits.length > 1 ? auditLibrary(audits) : undefined;
  if (args.flags.has('json')) io.out(JSON.stringify({ scenarios: audits, ...(library ? { library } : {}) }, null, 2));
  else {
    const blocks = audits.map(formatAudit);
    if (library) blocks.push(formatLibrary(library));
    if (blocks.length) io.out(blocks.join('\n\n'));
  }
  return bad ? 1 : 0;
}

// ——— Text ———

const pct = (x: number) => `${Math.round(100 * x)}%`;
const where = (file: string, loc: Loc) => `${file}:${loc.line}:${loc.col}`;
const LABEL: Record<string, string> = { longest: 'longest', shortest: 'shortest', courteous: 'most courteous', random: 'random' };
const COL = 26;

function cell(r: StrategyResult): string {
  if (r.mean === null) return `stopped (${r.runs[0]?.stopped ?? '?'})`;
  const score = `${r.mean} ${r.grade}`;
  if (r.strategy === 'random') return `${score}  good ending ${pct(r.goodShare)}${r.stopped ? `, ${r.stopped} stopped` : ''}`;
  return `${score}  ${Object.keys(r.outcomes)[0]}`;
}

function strategyTable(rows: { label: string; cells: string[]; flag?: string }[]): string[] {
  const head = `  ${'without reading'.padEnd(22)}${LOCALES.map((l) => l.padEnd(COL)).join('')}`.trimEnd();
  return [head, ...rows.map((r) => `  ${r.label.padEnd(22)}${r.cells.map((c) => c.padEnd(COL)).join('')}${r.flag ?? ''}`.trimEnd())];
}

export function formatAudit(a: ScenarioAudit): string {
  const out: string[] = [`${a.file}  ${a.id} · ${pick(a.title, 'zh-CN')} / ${pick(a.title, 'en')}`];
  const rows = STRATEGIES.map((st) => {
    const rs = LOCALES.map((l) => a.strategies.find((r) => r.strategy === st && r.locale === l)!);
    const well = a.readingFree.some((w) => w.strategy === st);
    return { label: st === 'random' ? `random (${a.seeds} seeds)` : `${LABEL[st]} reply`, cells: rs.map(cell), ...(well ? { flag: '⚠ wins without reading' } : {}) };
  });
  out.push(...strategyTable(rows));
  const g = a.giveaways;
  const len = (l: Locale) => g.languages[l].length;
  const row = (label: string, cells: string[]) => `    ${label.padEnd(20)}${cells.map((c) => c.padEnd(COL)).join('')}`.trimEnd();
  out.push(`  ${'giveaways'.padEnd(22)}${LOCALES.map((l) => l.padEnd(COL)).join('')}`.trimEnd());
  out.push(row('best is the longest', LOCALES.map((l) => `${len(l).bestIsLongest}/${len(l).decisions} decisions (${pct(len(l).share)})`)));
  out.push(row('best ÷ next longest', LOCALES.map((l) => `${len(l).medianRatio ?? '—'}× (median)`)));
  out.push(row('median length', LOCALES.map((l) => `best ${len(l).medianLength.best ?? '—'}, others ${len(l).medianLength.others ?? '—'}`)));
  const c1 = (x: number | null) => (x === null ? '—' : x.toFixed(1));
  out.push(row('courtesy words', LOCALES.map((l) => `best ${c1(len(l).meanCourtesy.best)}, others ${c1(len(l).meanCourtesy.others)}`)));
  const keys = Object.entries(g.keys.positions).map(([k, n]) => `${k} ×${n}`).join(', ');
  const tied = len('zh-CN').tied ? `  (${len('zh-CN').tied} decision(s) with no single best)` : '';
  out.push(row('best under key', [`${keys || '—'}${g.keys.giveaway ? `  ⚠ key ${g.keys.key} at ${pct(g.keys.share)} of decisions` : ''}${tied}`]));
  const directed = directedReplies(g);
  if (directed.length) {
    out.push(`    stage directions in ${directed.length} repl${directed.length > 1 ? 'ies' : 'y'}:`);
    for (const key of directed) {
      const per = LOCALES.map((l) => g.languages[l].stageDirections.find((d) => `${d.node}#${d.choice}` === key)).filter((d) => d !== undefined);
      const d = per[0]!;
      out.push(`      ${where(a.file, d.loc)}  ${d.node} reply ${d.choice}${d.best ? ' (best)' : ''}: ${per.map((x) => x.text).join(' / ')}`);
    }
  }
  for (const o of mergedOpenings(a)) {
    out.push(`    ${o.replies.length} replies open ${o.openings.map((x) => `"${x}…"`).join(' / ')}, ${o.best} of them the best:`);
    for (const r of o.replies) out.push(`      ${where(a.file, r.loc)}  ${r.node} reply ${r.choice}${r.best ? ' (best)' : ''}`);
  }
  out.push(
    a.readingFree.length
      ? `  ⚠ can be won without reading: ${[...new Set(a.readingFree.map((w) => w.strategy))].map((st) => `${LABEL[st]} (${a.readingFree.filter((w) => w.strategy === st).map((w) => w.locale).join(', ')})`).join(', ')}`
      : '  ✓ no reading-free strategy does well',
  );
  return out.join('\n');
}

/** Shared openings, with a group listed once when both languages group the same replies. */
function mergedOpenings(a: ScenarioAudit): (SharedOpening & { openings: string[] })[] {
  const out: (SharedOpening & { openings: string[] })[] = [];
  const members = (o: SharedOpening) => o.replies.map((r) => `${r.node}#${r.choice}`).join(' ');
  for (const l of LOCALES) {
    for (const o of a.giveaways.languages[l].sharedOpenings) {
      const same = out.find((x) => members(x) === members(o));
      if (same) same.openings.push(o.opening);
      else out.push({ ...o, openings: [o.opening] });
    }
  }
  return out;
}

export function formatLibrary(s: LibrarySummary): string {
  const out = [`library: ${s.scenarios} scenarios (mean overall; scenarios where it ends well, for random the share of runs)`];
  const rows = STRATEGIES.map((st) => ({
    label: `${LABEL[st]}${st === 'random' ? '' : ' reply'}`,
    cells: LOCALES.map((l) => {
      const r = s.strategies.find((x) => x.strategy === st && x.locale === l)!;
      return `${r.mean ?? '—'} ${r.grade ?? ''}  ${st === 'random' ? `good ending ${pct(r.goodShare)}` : `good in ${r.goodEndings}/${s.scenarios}`}`;
    }),
  }));
  out.push(...strategyTable(rows));
  out.push(`  best reply is the longest: ${LOCALES.map((l) => `${l} ${pct(s.bestIsLongest[l].share)} of ${s.bestIsLongest[l].decisions} decisions`).join('; ')}`);
  out.push(`  best reply under one key: ${s.sameKey} scenario(s); replies with stage directions: ${s.stageDirections}`);
  return out.join('\n');
}
