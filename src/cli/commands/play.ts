/** `dojo play FILE --choices 1,2,t`: play non-interactively and print the transcript and debrief. */
import { QUADRANT_NAMES } from '../../engine/scoring/debrief.js';
import type { RoutePick } from '../../engine/scoring/paths.js';
import { playRecord, type PlayRecord } from '../../engine/scoring/transcript.js';
import { choose, offeredChoices, SessionError, startSession, timeOut, type Play, type SessionState } from '../../engine/session/session.js';
import { pick, signed, type Locale } from '../../engine/text.js';
import { parseArgs, stringFlag, UsageError } from '../args.js';
import type { Output } from '../main.js';
import { localeOf, playOf } from './common.js';
import { playInteractive } from './interactive.js';

export function parseChoices(text: string): RoutePick[] {
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((c) => {
      if (c === 't' || c === 'T') return 't';
      if (!/^\d+$/.test(c) || Number(c) < 1) throw new UsageError(`--choices: "${c}" is not a choice number (1, 2, …) or "t"`);
      return Number(c);
    });
}

export function parseSeed(text: string | undefined): number {
  if (text === undefined) return 1;
  if (!/^-?\d+$/.test(text)) throw new UsageError('--seed must be an integer');
  return Number(text);
}

/** Apply picks in order; stops with a message on a pick that is not possible. */
export function runPicks(play: Play, seed: number, picks: readonly RoutePick[]): { state: SessionState; error?: string } {
  let state = startSession(play, seed);
  for (const [i, p] of picks.entries()) {
    if (state.ending) return { state, error: `the conversation ended after ${i} choice(s); ${picks.length - i} left over` };
    try {
      state = p === 't' ? timeOut(play, state) : choose(play, state, p - 1);
    } catch (e) {
      if (e instanceof SessionError) return { state, error: `turn ${i + 1} (node "${state.node}"): ${e.message}` };
      throw e;
    }
  }
  return { state };
}

export async function playCommand(argv: string[], io: Output): Promise<number> {
  const args = parseArgs(argv, { booleans: ['json'], values: ['catalog', 'locale', 'choices', 'seed'] });
  const choices = stringFlag(args, 'choices');
  const picks = choices === undefined ? undefined : parseChoices(choices);
  const seed = parseSeed(stringFlag(args, 'seed'));
  const locale = localeOf(args);
  const play = playOf(args, io);
  if (!play) return 1;
  if (!picks) return playInteractive(play, seed, locale, io, args.flags.has('json'));
  const { state, error } = runPicks(play, seed, picks);
  if (error) {
    io.err(`${play.scenario.file}: ${error}`);
    return 1;
  }
  if (!state.ending) {
    const offered = offeredChoices(play, state);
    io.err(`${play.scenario.file}: the conversation has not ended after ${picks.length} choice(s); node "${state.node}" offers:`);
    offered.forEach((c, i) => io.err(`  ${i + 1}) ${pick(c.text, locale)}`));
    return 1;
  }
  const record = playRecord(play, state, locale);
  io.out(args.flags.has('json') ? JSON.stringify(record, null, 2) : formatRecord(record, pick(play.scenario.customer.name, locale)));
  return 0;
}

const L = {
  'zh-CN': {
    you: '你', timeout: '(没有回应,时间到)', coach: '辅导', model: '更好的说法', debrief: '复盘', overall: '总分', decisions: '决策', outcome: '结局', quadrant: '服务类型', soft: '软服务', hard: '硬服务', honoured: '做到', broken: '违反',
    severity: { minor: '轻微', serious: '严重', grave: '极严重' }, capped: '封顶', caps: { lost: '客户没留住: 最高C', serious: '严重失误: 最高B', grave: '极严重失误: 最高C' }, order: '处理顺序', outOfOrder: '顺序颠倒', missed: '该做未做', inOrder: '顺序得当',
  },
  en: {
    you: 'You', timeout: '(no reply: time ran out)', coach: 'Coach', model: 'Model reply', debrief: 'Debrief', overall: 'Overall', decisions: 'Decisions', outcome: 'Outcome', quadrant: 'Service type', soft: 'soft service', hard: 'hard service', honoured: 'honoured', broken: 'broken',
    severity: { minor: 'minor', serious: 'serious', grave: 'grave' }, capped: 'capped', caps: { lost: 'customer lost: C at most', serious: 'serious mistake: B at most', grave: 'grave mistake: C at most' }, order: 'Handling order', outOfOrder: 'out of order', missed: 'called for but passed over', inOrder: 'in a sound order',
  },
} as const;

export function formatRecord(r: PlayRecord, customerName: string): string {
  const t = L[r.locale as Locale];
  const sep = r.locale === 'en' ? ', ' : '、';
  const out: string[] = [`# ${r.title}  (seed ${r.seed})`, ''];
  for (const turn of r.turns) {
    // The stage note sets the scene before the customer speaks, as the interactive play shows it.
    if (turn.note) out.push(`${turn.n}. ${turn.note}`);
    out.push(`${turn.note ? ' '.repeat(String(turn.n).length + 2) : `${turn.n}. `}${customerName}: ${turn.customer}`);
    out.push(`   ${t.you}: ${turn.timedOut ? t.timeout : turn.said}   [${signed(turn.score)}]`);
    if (turn.honoured.length) out.push(`   ✓ ${t.honoured}: ${turn.honoured.map((p) => p.name).join(sep)}`);
    if (turn.broken.length) out.push(`   ✗ ${t.broken}: ${turn.broken.map((p) => `${p.name} (${t.severity[p.severity]} −${p.points})`).join(sep)}`);
    out.push(`   ${t.coach}: ${turn.feedback}`);
    if (turn.model) out.push(`   ${t.model}: ${turn.model}`);
    out.push(`   ${Object.entries(turn.meters).map(([k, [a, b]]) => `${k} ${a}→${b}`).join('  ')}`);
    out.push('');
  }
  if (r.ending.line) out.push(`${customerName}: ${r.ending.line}`);
  out.push(`[${r.ending.outcome}] ${r.ending.summary}`, '');
  const d = r.debrief;
  const q = d.service.quadrant ? QUADRANT_NAMES[d.service.quadrant][r.locale as Locale] : '—';
  out.push(`## ${t.debrief}`);
  out.push(`${t.overall}: ${d.overall} (${d.grade})   ${t.decisions}: ${d.decisions}   ${t.outcome}: ${d.outcome}`);
  if (d.caps.length) out.push(`${t.capped}: ${d.uncapped} → ${d.overall} (${d.caps.map((c) => t.caps[c]).join(sep)})`);
  if (d.procedure) {
    const turnOf = (id: string) => d.procedure!.steps.find((s) => s.id === id)!.firstTurn;
    out.push(`${t.order}: ${d.procedure.order.map((id) => `${id}@${turnOf(id)}`).join(' → ') || '—'}`);
    if (d.procedure.outOfOrder.length) out.push(`${t.outOfOrder}: ${d.procedure.outOfOrder.map((o) => `${o.late}@${o.lateTurn} < ${o.early}@${o.earlyTurn}`).join(sep)}`);
    if (d.procedure.missed.length) out.push(`${t.missed}: ${d.procedure.missed.map((m) => `${m.step}@${m.dueTurn} → ${m.takenTurn ?? '—'}`).join(sep)}`);
    if (d.procedure.sound && d.procedure.order.length) out.push(t.inOrder);
  }
  out.push(`${t.quadrant}: ${q}   (${t.soft} ${d.service.soft ?? '—'}, ${t.hard} ${d.service.hard ?? '—'})`);
  out.push(Object.entries(d.categories).map(([c, v]) => `${c} ${v ?? '—'}`).join('   '));
  out.push(`choices: ${r.picks.join(',')}`);
  return out.join('\n');
}
