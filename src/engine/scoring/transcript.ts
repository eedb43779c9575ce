/** The annotated transcript: what was said each turn, the principles honoured and broken, the coaching. */
import type { SeverityLevel } from '../catalog/schema.js';
import type { Play, SessionState } from '../session/session.js';
import { pick, type Locale } from '../text.js';
import { debrief, replyOf, type Debrief } from './debrief.js';

export interface TranscriptTurn {
  n: number;
  node: string;
  customer: string;
  note?: string;
  /** What the trainee said; empty when the time ran out. */
  said: string;
  timedOut: boolean;
  /** The trainee typed `said` in their own words; `readAs` is the reply (1-based, as on screen) it was read as. */
  freeText?: { readAs: number; similarity: number; evidence: { id: string; span: [number, number] }[] };
  score: number;
  honoured: { id: string; name: string; tip: string }[];
  broken: { id: string; name: string; tip: string; severity: SeverityLevel; points: number }[];
  feedback: string;
  /** What the model reply was, when the trainee's was not it. */
  model?: string;
  meters: Record<string, [number, number]>;
}

export interface PlayRecord {
  scenario: string;
  title: string;
  seed: number;
  /** The replies as numbered on screen (1-based; "t" = the time ran out): what `--choices` takes. */
  picks: (number | 't')[];
  locale: Locale;
  turns: TranscriptTurn[];
  ending: { id: string; outcome: string; line?: string; summary: string };
  debrief: Debrief;
}

export function playRecord(play: Play, state: SessionState, locale: Locale): PlayRecord {
  const { scenario, catalog } = play;
  const d = debrief(play, state);
  const principle = (id: string) => {
    const p = catalog.get(id)!;
    return { id, name: pick(p.name, locale), tip: pick(p.tip, locale) };
  };
  const turns = state.turns.map((t, i): TranscriptTurn => {
    const node = scenario.nodes[t.node]!;
    const reply = replyOf(scenario, t);
    const a = d.turns[i]!;
    const meters: Record<string, [number, number]> = {};
    for (const k of Object.keys(t.before)) meters[k] = [t.before[k]!, t.after[k]!];
    const model = a.score < 100 ? (a.model < 0 ? (locale === 'en' ? '(let the time run out)' : '(不回应,让时间耗尽)') : pick(node.choices[a.model]!.text, locale)) : undefined;
    return {
      n: i + 1,
      node: t.node,
      customer: pick(node.line[t.variant]!, locale),
      ...(node.note ? { note: pick(node.note, locale) } : {}),
      said: t.said ? t.said.text : t.choice < 0 ? '' : pick(node.choices[t.choice]!.text, locale),
      ...(t.said ? { freeText: { readAs: t.offered.indexOf(t.choice) + 1, similarity: t.said.similarity, evidence: t.said.principles.map((p) => ({ id: p.id, span: p.evidence })) } } : {}),
      timedOut: t.choice < 0,
      score: a.score,
      honoured: a.honoured.map(principle),
      broken: a.mistakes.map((m) => ({ ...principle(m.id), severity: m.severity, points: m.points })),
      feedback: pick(reply.feedback, locale),
      ...(model !== undefined ? { model } : {}),
      meters,
    };
  });
  const ending = scenario.endings[state.ending!]!;
  const line = ending.line.length ? pick(ending.line[state.variant] ?? ending.line[0]!, locale) : undefined;
  return {
    scenario: scenario.id,
    title: pick(scenario.title, locale),
    seed: state.seed,
    picks: state.turns.map((t) => (t.choice < 0 ? 't' : t.offered.indexOf(t.choice) + 1)),
    locale,
    turns,
    ending: { id: ending.id, outcome: ending.outcome, ...(line ? { line } : {}), summary: pick(ending.summary, locale) },
    debrief: d,
  };
}
