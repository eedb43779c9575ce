/**
 * Scoring. A turn is judged against the replies that were on offer at that moment, with the
 * customer as they were then:
 *   - credit: the practices the reply carried out, each at its worth to this customer now
 *     (value.ts), as a share of the best on offer (0–100);
 *   - penalty: every violation costs turn points by its severity (minor 25, serious 50, grave
 *     100 per unit of weight), whatever else the reply did;
 *   - turn score = credit − penalty, from −100 to 100. A time-out carries the principles the
 *     scenario gives it; one with none is never a free pass: it scores as the worst reply on offer
 *     (and at most 0).
 * Decisions = the mean turn score, so a mistake's cost stays in it whatever follows. Overall =
 * 80% decisions + 20% outcome, then capped: an escalated or silently lost customer gets no
 * better than C, a serious violation keeps it to B at best, a grave one to C. The same
 * comparison restricted to one category, or to soft or hard service (file 001 §1.2.2), gives
 * the category scores and the service-type quadrant (facetScore: against what the best reply did
 * of that facet, where the moment called for it).
 */
import type { Catalog } from '../catalog/catalog.js';
import { severityOf } from '../catalog/severity.js';
import type { CategoryId, SeverityLevel } from '../catalog/schema.js';
import { CATEGORY_IDS } from '../vocabulary.js';
import { OUTCOME_SCORE, type Reply, type Scenario } from '../scenario/model.js';
import type { Outcome } from '../scenario/schema.js';
import { saidTags, type Play, type SaidReply, type SessionState, type TurnRecord } from '../session/session.js';
import { procedureReport, type ProcedureReport } from './procedure.js';
import { ALL, SEVERITY_POINTS, SEVERITY_RANK, worthNow, worthOf, type Filter } from './value.js';

export { replyValue, SEVERITY_POINTS, SEVERITY_RANK, worthOf } from './value.js';

export type Grade = 'S' | 'A' | 'B' | 'C' | 'D';
export type Quadrant = 'indifferent' | 'factory' | 'friendly' | 'quality';

/** File 001 §1.2.2: the four service types, by hard and soft service. */
export const QUADRANT_NAMES: Record<Quadrant, { 'zh-CN': string; en: string }> = {
  indifferent: { 'zh-CN': '漠不关心型', en: 'Indifferent' },
  factory: { 'zh-CN': '工厂型', en: 'Factory' },
  friendly: { 'zh-CN': '面容友好型', en: 'Friendly face' },
  quality: { 'zh-CN': '优质服务型', en: 'Quality service' },
};

export const DECISION_SHARE = 0.8;
export const OUTCOME_SHARE = 0.2;

/** The highest overall each condition allows (grades: S ≥ 90, A ≥ 80, B ≥ 65, C ≥ 50). */
export const CAPS = {
  /** The customer escalated or left: no better than C. */
  lost: 64,
  /** A serious violation: no better than B. */
  serious: 79,
  /** A grave violation: no better than C. */
  grave: 64,
} as const;
export type CapReason = keyof typeof CAPS;

const LOST: readonly Outcome[] = ['escalated', 'left-silently'];

/** What scoring needs of a turn: where it was, what was on offer, what was said, and the customer before it. */
export type TurnKey = Pick<TurnRecord, 'node' | 'offered' | 'choice' | 'before'> & Partial<Pick<TurnRecord, 'said'>>;

/** The turn as if the trainee had picked authored reply `choice` (no typed text). */
export const asChoice = (t: Pick<TurnRecord, 'node' | 'offered' | 'before'>, choice: number): TurnKey => ({ node: t.node, offered: t.offered, before: t.before, choice });

/** The replies that were open at a turn: the offered choices, plus the timeout where there was a time limit. */
export function alternatives(scenario: Scenario, turn: Pick<TurnRecord, 'node' | 'offered'>): Reply[] {
  const node = scenario.nodes[turn.node]!;
  const alts: Reply[] = turn.offered.map((i) => node.choices[i]!);
  if (node.onTimeout) alts.push(node.onTimeout);
  return alts;
}

/**
 * The reply a turn was scored on. For a typed turn that is the reply read as the text (the branch and the
 * authored feedback) carrying the principles the judge found in what the trainee actually wrote.
 */
export function replyOf(scenario: Scenario, turn: Pick<TurnRecord, 'node' | 'choice'> & Partial<Pick<TurnRecord, 'said'>>): Reply {
  const node = scenario.nodes[turn.node]!;
  const authored = turn.choice < 0 ? node.onTimeout! : node.choices[turn.choice]!;
  return turn.said && !turn.said.verbatim ? { ...authored, principles: saidTags(turn.said) } : authored;
}

const clampTurn = (n: number) => Math.max(-100, Math.min(100, n));

/** A score rounded for showing, halves away from zero, so a turn of −37.5 and its cost of 37.5 both read 38. */
export const roundScore = (n: number): number => Math.sign(n) * Math.round(Math.abs(n));

/**
 * The turn score of every reply that was open at a turn, for the principles passing `filter`,
 * in the order of `alternatives()` (the offered choices, then the time-out); null where
 * nothing in the filter was at stake.
 */
export function scoresAt(play: Play, turn: Pick<TurnRecord, 'node' | 'offered' | 'before'>, filter: Filter = ALL): (number | null)[] {
  const node = play.scenario.nodes[turn.node]!;
  const alts = alternatives(play.scenario, turn);
  const now = worthNow(play.scenario, turn.before);
  const worths = alts.map((r) => worthOf(play.catalog, play.scenario, r, turn.before, filter, now));
  const best = Math.max(0, ...worths.map((w) => w.practice));
  if (best === 0 && !worths.some((x) => x.penalty > 0)) return alts.map(() => null);
  const scores = worths.map((w) => clampTurn((best > 0 ? (100 * Math.min(w.practice, best)) / best : 100) - w.penalty));
  if (node.onTimeout && !node.onTimeout.principles.length) {
    // An untagged time-out is never a free pass: no better than the worst reply offered, and at most 0.
    const offered = scores.slice(0, -1);
    scores[scores.length - 1] = Math.min(0, ...offered);
  }
  return scores;
}

function turnScoreFor(play: Play, turn: TurnKey, filter: Filter): number | null {
  if (turn.said && !turn.said.verbatim) return saidScore(play, turn, turn.said, filter);
  const scores = scoresAt(play, turn, filter);
  return scores[turn.choice < 0 ? scores.length - 1 : turn.offered.indexOf(turn.choice)] ?? null;
}

/**
 * A typed turn's score, by the same rule as a picked reply: the practices found in the text, each at
 * its worth to this customer now, against the best reply on offer (capped at 100), less the cost of
 * each violation found by its severity. Null where the best reply practises nothing of the filter and
 * the text breaks nothing of it.
 */
function saidScore(play: Play, turn: TurnKey, said: SaidReply, filter: Filter): number | null {
  const now = worthNow(play.scenario, turn.before);
  const best = Math.max(0, ...alternatives(play.scenario, turn).map((r) => worthOf(play.catalog, play.scenario, r, turn.before, filter, now).practice));
  const mine = worthOf(play.catalog, play.scenario, replyOf(play.scenario, turn), turn.before, filter, now);
  if (best <= 0 && mine.penalty <= 0) return null;
  return clampTurn((best > 0 ? (100 * Math.min(mine.practice, best)) / best : 100) - mine.penalty);
}

/** −100–100 for one turn: the practices carried out against the best on offer, less the violations' cost. */
export function turnScore(play: Play, turn: TurnKey): number {
  return turnScoreFor(play, turn, ALL) ?? 100;
}

/**
 * A turn seen through one facet (a category, soft or hard service): what the reply did of that
 * facet against what the best reply at that moment did of it (a typed turn: what its tags did). The facet is at stake where the
 * best reply practises it or the reply taken breaks it; elsewhere it is null, so courtesy words
 * in a wrong reply earn no courtesy where courtesy was not what the moment called for, and a
 * run of best replies scores 100 on every facet.
 */
export function facetScore(play: Play, turn: TurnKey, filter: Filter): number | null {
  const alts = alternatives(play.scenario, turn);
  const now = worthNow(play.scenario, turn.before);
  const all = scoresAt(play, turn);
  let model = 0;
  all.forEach((v, i) => {
    if ((v ?? 100) > (all[model] ?? 100)) model = i;
  });
  const taken = turn.choice < 0 ? alts.length - 1 : turn.offered.indexOf(turn.choice);
  const best = worthOf(play.catalog, play.scenario, alts[model]!, turn.before, filter, now);
  // A typed turn is measured against the same best reply as a picked one, on what it was scored on (its own tags):
  // measured per facet against the best of every reply, a typed turn at a moment where only a weak reply was
  // tagged for listening scored 0 for listening beside a picked turn's "not at stake" (a play-test's debrief).
  const typed = turn.said && !turn.said.verbatim;
  const mine = worthOf(play.catalog, play.scenario, typed ? replyOf(play.scenario, turn) : alts[taken]!, turn.before, filter, now);
  if (best.practice <= 0 && mine.penalty <= 0) return null;
  const credit = best.practice > 0 ? (100 * Math.min(mine.practice, best.practice)) / best.practice : 100;
  return clampTurn(credit - mine.penalty);
}

/** The mean facet score over the turns where the facet was at stake (0–100); null if it never was. */
function meanScore(play: Play, turns: readonly TurnKey[], filter: Filter): number | null {
  let sum = 0;
  let n = 0;
  for (const t of turns) {
    const s = facetScore(play, t, filter);
    if (s === null) continue;
    sum += s;
    n++;
  }
  return n ? Math.max(0, Math.min(100, Math.round(sum / n))) : null;
}

export function gradeOf(overall: number): Grade {
  return overall >= 90 ? 'S' : overall >= 80 ? 'A' : overall >= 65 ? 'B' : overall >= 50 ? 'C' : 'D';
}

/**
 * File 001 §1.2.2 calls the factory and friendly-face types "较强" on one side and "较弱" on the other
 * (the chart's half-way line), but quality service "两方面都很强", strong on both: that takes the
 * grade-A line on both axes. Fair on both sides but not strong on both is none of the four types (null).
 */
export const QUALITY_LINE = 80;
/** The chart's half-way line on both axes: "较强" on one side, "较弱" on the other. */
export const TYPE_LINE = 50;

export function quadrantOf(soft: number | null, hard: number | null): Quadrant | null {
  if (soft === null || hard === null) return null;
  if (hard >= TYPE_LINE && soft >= TYPE_LINE) return hard >= QUALITY_LINE && soft >= QUALITY_LINE ? 'quality' : null;
  if (hard >= TYPE_LINE) return 'factory';
  return soft >= TYPE_LINE ? 'friendly' : 'indifferent';
}

/** A part of the service-type chart: the soft and hard scores it spans (from inclusive, to exclusive but 100) and its type, if any. */
export interface ServiceRegion {
  quadrant: Quadrant | null;
  soft: readonly [number, number];
  hard: readonly [number, number];
}

/**
 * The chart as quadrantOf decides it, for the debrief to draw (its lines where the engine's are): three types
 * by the half-way line, quality service only past the quality line on both axes, and between the two, fair on
 * both sides but not strong on both, none of the four.
 */
export const SERVICE_REGIONS: readonly ServiceRegion[] = [
  { quadrant: 'indifferent', soft: [0, TYPE_LINE], hard: [0, TYPE_LINE] },
  { quadrant: 'factory', soft: [0, TYPE_LINE], hard: [TYPE_LINE, 100] },
  { quadrant: 'friendly', soft: [TYPE_LINE, 100], hard: [0, TYPE_LINE] },
  { quadrant: null, soft: [TYPE_LINE, 100], hard: [TYPE_LINE, QUALITY_LINE] },
  { quadrant: null, soft: [TYPE_LINE, QUALITY_LINE], hard: [QUALITY_LINE, 100] },
  { quadrant: 'quality', soft: [QUALITY_LINE, 100], hard: [QUALITY_LINE, 100] },
];

export interface Overall {
  overall: number;
  /** Before any cap. */
  uncapped: number;
  /** The caps that lowered it, lowest first. */
  caps: CapReason[];
}

/** Overall from the mean turn score, the outcome and the worst severity committed (0–3). */
export function overallOf(decisions: number, outcome: Outcome, worst = 0): Overall {
  const uncapped = Math.round(DECISION_SHARE * Math.max(0, decisions) + OUTCOME_SHARE * OUTCOME_SCORE[outcome]);
  const applicable: CapReason[] = [];
  if (LOST.includes(outcome)) applicable.push('lost');
  if (worst >= SEVERITY_RANK.grave) applicable.push('grave');
  if (worst >= SEVERITY_RANK.serious) applicable.push('serious');
  let overall = uncapped;
  const caps: CapReason[] = [];
  for (const c of applicable.sort((a, b) => CAPS[a] - CAPS[b])) {
    if (overall > CAPS[c]) {
      overall = CAPS[c];
      caps.push(c);
    }
  }
  return { overall, uncapped, caps };
}

export interface PrincipleTally {
  id: string;
  polarity: 'practice' | 'violation';
  category: CategoryId;
  severity?: SeverityLevel;
  /** Total weight practised (for a practice) or committed (for a violation). */
  weight: number;
  /** Turn numbers (1-based) where it came up. */
  turns: number[];
}

export interface BrokenPrinciple {
  id: string;
  severity: SeverityLevel;
  /** Turn points it cost: its severity's points × how strongly the reply shows it (the scenario's weight). */
  points: number;
  /** How strongly the reply shows it: 1 plainly, below 1 in part, above 1 flagrantly. */
  weight: number;
}

export interface AnnotatedTurn {
  n: number;
  node: string;
  variant: number;
  choice: number;
  timedOut: boolean;
  score: number;
  honoured: string[];
  broken: string[];
  /** The violations with their severity and cost, worst first. */
  mistakes: BrokenPrinciple[];
  /** The best reply that was on offer (index into the node's choices; -1 = let the time run out). */
  model: number;
  before: Record<string, number>;
  after: Record<string, number>;
  customerState: string;
  /** The trainee typed this reply (own-words mode): their text, and how close it read to reply `choice`. */
  freeText?: { text: string; similarity: number };
}

export interface Debrief {
  scenario: string;
  seed: number;
  outcome: Outcome;
  ending: string;
  endedBy: 'choice' | 'breakdown';
  overall: number;
  /** Overall before the caps, and the caps that lowered it. */
  uncapped: number;
  caps: CapReason[];
  grade: Grade;
  decisions: number;
  categories: Record<CategoryId, number | null>;
  service: { soft: number | null; hard: number | null; quadrant: Quadrant | null };
  principles: PrincipleTally[];
  /** Every serious or grave violation, by turn. */
  serious: { turn: number; id: string; severity: SeverityLevel }[];
  procedure?: ProcedureReport;
  turns: AnnotatedTurn[];
  path: number[];
  meters: Record<string, number>;
}

/** A reply's principles split into those it honours (practices) and those it breaks (violations). */
export function principleSides(catalog: Catalog, tags: readonly { id: string }[]): { honoured: string[]; broken: string[] } {
  const honoured: string[] = [];
  const broken: string[] = [];
  for (const tag of tags) {
    const p = catalog.get(tag.id);
    if (p) (p.polarity === 'practice' ? honoured : broken).push(p.id);
  }
  return { honoured, broken };
}

/** A reply's violations with their severity and cost, worst first. */
export function mistakesOf(catalog: Catalog, reply: Reply): BrokenPrinciple[] {
  const out: BrokenPrinciple[] = [];
  for (const t of reply.principles) {
    const p = catalog.get(t.id);
    if (!p || p.polarity !== 'violation') continue;
    const severity = severityOf(p);
    out.push({ id: p.id, severity, points: roundScore(t.weight * SEVERITY_POINTS[severity]), weight: t.weight });
  }
  return out.sort((a, b) => b.points - a.points);
}

const worstSeen = new WeakMap<Reply, number>();

/** The worst severity a reply commits (0 none … 3 grave). */
export function worstOf(catalog: Catalog, reply: Reply): number {
  let w = worstSeen.get(reply);
  if (w === undefined) worstSeen.set(reply, (w = worthOf(catalog, undefined, reply).worst));
  return w;
}

/** The best-scoring reply that was on offer (index into the node's choices; -1 = letting the time run out). */
export function modelChoice(play: Play, turn: Pick<TurnRecord, 'node' | 'offered' | 'before'>): number {
  const node = play.scenario.nodes[turn.node]!;
  let best = -Infinity;
  let at = -1;
  for (const i of turn.offered) {
    const v = turnScore(play, asChoice(turn, i));
    if (v > best) {
      best = v;
      at = i;
    }
  }
  if (node.onTimeout && turnScore(play, asChoice(turn, -1)) > best) at = -1;
  return at;
}

export function debrief(play: Play, state: SessionState): Debrief {
  if (!state.ending) throw new Error('the session has not ended');
  const { scenario, catalog } = play;
  const ending = scenario.endings[state.ending]!;
  const tallies = new Map<string, PrincipleTally>();
  const serious: Debrief['serious'] = [];
  let worst = 0;
  const scores = state.turns.map((t) => turnScore(play, t));
  const turns: AnnotatedTurn[] = state.turns.map((t, i) => {
    const reply = replyOf(scenario, t);
    const { honoured, broken } = principleSides(catalog, reply.principles);
    for (const tag of reply.principles) {
      const p = catalog.get(tag.id)!;
      const tally = tallies.get(p.id) ?? { id: p.id, polarity: p.polarity, category: p.category, ...(p.polarity === 'violation' ? { severity: severityOf(p) } : {}), weight: 0, turns: [] };
      tally.weight += tag.weight;
      tally.turns.push(i + 1);
      tallies.set(p.id, tally);
    }
    const mistakes = mistakesOf(catalog, reply);
    for (const m of mistakes) {
      worst = Math.max(worst, SEVERITY_RANK[m.severity]);
      if (m.severity !== 'minor') serious.push({ turn: i + 1, id: m.id, severity: m.severity });
    }
    return {
      n: i + 1,
      node: t.node,
      variant: t.variant,
      choice: t.choice,
      timedOut: t.choice < 0,
      ...(t.said ? { freeText: { text: t.said.text, similarity: t.said.similarity } } : {}),
      score: roundScore(scores[i]!),
      honoured,
      broken,
      mistakes,
      model: modelChoice(play, t),
      before: t.before,
      after: t.after,
      customerState: t.customerState,
    };
  });
  const decisions = scores.length ? scores.reduce((s, x) => s + x, 0) / scores.length : 0;
  const o = overallOf(decisions, ending.outcome, worst);
  const categories = Object.fromEntries(CATEGORY_IDS.map((c) => [c, meanScore(play, state.turns, (p) => p.category === c)])) as Record<CategoryId, number | null>;
  const soft = meanScore(play, state.turns, (p) => p.service === 'soft');
  const hard = meanScore(play, state.turns, (p) => p.service === 'hard');
  const procedure = procedureReport(
    catalog,
    state.turns.map((t) => replyOf(scenario, t).principles),
    // A reply scoring as well as the model reply is a best reply, whichever of the equals it was.
    state.turns.map((t, i) => scores[i]! >= turnScore(play, asChoice(t, turns[i]!.model))),
    state.turns.map((t, i) => replyOf(scenario, { node: t.node, choice: turns[i]!.model }).principles),
  );
  return {
    scenario: scenario.id,
    seed: state.seed,
    outcome: ending.outcome,
    ending: ending.id,
    endedBy: state.endedBy ?? 'choice',
    overall: o.overall,
    uncapped: o.uncapped,
    caps: o.caps,
    grade: gradeOf(o.overall),
    decisions: roundScore(decisions),
    categories,
    service: { soft, hard, quadrant: quadrantOf(soft, hard) },
    principles: [...tallies.values()].sort((a, b) => a.id.localeCompare(b.id)),
    serious,
    ...(procedure ? { procedure } : {}),
    turns,
    path: state.turns.map((t) => t.choice),
    meters: state.customer.context.meters,
  };
}
