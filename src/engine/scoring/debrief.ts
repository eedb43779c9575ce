/**
 * Scoring. Every turn is judged against the replies that were on offer at that moment:
 * a reply's value is the weight of the principles it practises minus the weight of those
 * it violates; the turn scores 100 for the best reply offered and 0 for the worst. The same
 * comparison, restricted to one category or to soft or hard service (file 001 §1.2.2),
 * gives the category and service scores. Overall = 80% decisions + 20% outcome.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { CategoryId, Principle } from '../catalog/schema.js';
import { CATEGORY_IDS } from '../vocabulary.js';
import { OUTCOME_SCORE, type Reply, type Scenario } from '../scenario/model.js';
import type { Outcome } from '../scenario/schema.js';
import type { Play, SessionState, TurnRecord } from '../session/session.js';

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

type Filter = (p: Principle) => boolean;
const ALL: Filter = () => true;

export function replyValue(catalog: Catalog, reply: Reply | undefined, filter: Filter = ALL): number {
  let v = 0;
  for (const t of reply?.principles ?? []) {
    const p = catalog.get(t.id);
    if (!p || !filter(p)) continue;
    v += p.polarity === 'practice' ? t.weight : -t.weight;
  }
  return v;
}

/** The replies that were open at a turn: the offered choices, plus the timeout where there was a time limit. */
export function alternatives(scenario: Scenario, turn: Pick<TurnRecord, 'node' | 'offered'>): Reply[] {
  const node = scenario.nodes[turn.node]!;
  const alts: Reply[] = turn.offered.map((i) => node.choices[i]!);
  if (node.onTimeout) alts.push(node.onTimeout);
  return alts;
}

export function replyOf(scenario: Scenario, turn: Pick<TurnRecord, 'node' | 'choice'>): Reply {
  const node = scenario.nodes[turn.node]!;
  return turn.choice < 0 ? node.onTimeout! : node.choices[turn.choice]!;
}

interface Range {
  actual: number;
  best: number;
  worst: number;
}

function turnRange(play: Play, turn: Pick<TurnRecord, 'node' | 'offered' | 'choice'>, filter: Filter = ALL): Range {
  const values = alternatives(play.scenario, turn).map((r) => replyValue(play.catalog, r, filter));
  return {
    actual: replyValue(play.catalog, replyOf(play.scenario, turn), filter),
    best: Math.max(...values),
    worst: Math.min(...values),
  };
}

/** 0–100 for one turn, relative to what was on offer. */
export function turnScore(play: Play, turn: Pick<TurnRecord, 'node' | 'offered' | 'choice'>): number {
  const r = turnRange(play, turn);
  return r.best === r.worst ? 100 : (100 * (r.actual - r.worst)) / (r.best - r.worst);
}

/** 0–100 over all turns for the principles passing `filter`; null where nothing in it was at stake. */
function rangeScore(play: Play, turns: readonly TurnRecord[], filter: Filter): number | null {
  let actual = 0;
  let best = 0;
  let worst = 0;
  for (const t of turns) {
    const r = turnRange(play, t, filter);
    actual += r.actual;
    best += r.best;
    worst += r.worst;
  }
  return best === worst ? null : Math.round((100 * (actual - worst)) / (best - worst));
}

export function gradeOf(overall: number): Grade {
  return overall >= 90 ? 'S' : overall >= 80 ? 'A' : overall >= 65 ? 'B' : overall >= 50 ? 'C' : 'D';
}

export function quadrantOf(soft: number, hard: number): Quadrant {
  if (hard >= 50) return soft >= 50 ? 'quality' : 'factory';
  return soft >= 50 ? 'friendly' : 'indifferent';
}

export function overallOf(decisions: number, outcome: Outcome): number {
  return Math.round(DECISION_SHARE * decisions + OUTCOME_SHARE * OUTCOME_SCORE[outcome]);
}

export interface PrincipleTally {
  id: string;
  polarity: 'practice' | 'violation';
  category: CategoryId;
  /** Total weight practised (for a practice) or committed (for a violation). */
  weight: number;
  /** Turn numbers (1-based) where it came up. */
  turns: number[];
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
  /** The best reply that was on offer (index into the node's choices; -1 = let the time run out). */
  model: number;
  before: Record<string, number>;
  after: Record<string, number>;
  customerState: string;
}

export interface Debrief {
  scenario: string;
  seed: number;
  outcome: Outcome;
  ending: string;
  endedBy: 'choice' | 'breakdown';
  overall: number;
  grade: Grade;
  decisions: number;
  categories: Record<CategoryId, number | null>;
  service: { soft: number | null; hard: number | null; quadrant: Quadrant };
  principles: PrincipleTally[];
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

export function modelChoice(play: Play, turn: Pick<TurnRecord, 'node' | 'offered'>): number {
  const node = play.scenario.nodes[turn.node]!;
  let best = -Infinity;
  let at = -1;
  for (const i of turn.offered) {
    const v = replyValue(play.catalog, node.choices[i]);
    if (v > best) {
      best = v;
      at = i;
    }
  }
  if (node.onTimeout && replyValue(play.catalog, node.onTimeout) > best) at = -1;
  return at;
}

export function debrief(play: Play, state: SessionState): Debrief {
  if (!state.ending) throw new Error('the session has not ended');
  const { scenario, catalog } = play;
  const ending = scenario.endings[state.ending]!;
  const tallies = new Map<string, PrincipleTally>();
  const turns: AnnotatedTurn[] = state.turns.map((t, i) => {
    const reply = replyOf(scenario, t);
    const honoured: string[] = [];
    const broken: string[] = [];
    for (const tag of reply.principles) {
      const p = catalog.get(tag.id)!;
      (p.polarity === 'practice' ? honoured : broken).push(p.id);
      const tally = tallies.get(p.id) ?? { id: p.id, polarity: p.polarity, category: p.category, weight: 0, turns: [] };
      tally.weight += tag.weight;
      tally.turns.push(i + 1);
      tallies.set(p.id, tally);
    }
    return {
      n: i + 1,
      node: t.node,
      variant: t.variant,
      choice: t.choice,
      timedOut: t.choice < 0,
      score: Math.round(turnScore(play, t)),
      honoured,
      broken,
      model: modelChoice(play, t),
      before: t.before,
      after: t.after,
      customerState: t.customerState,
    };
  });
  const decisions = state.turns.length ? state.turns.reduce((s, t) => s + turnScore(play, t), 0) / state.turns.length : 0;
  const overall = overallOf(decisions, ending.outcome);
  const categories = Object.fromEntries(
    CATEGORY_IDS.map((c) => [c, rangeScore(play, state.turns, (p) => p.category === c)]),
  ) as Record<CategoryId, number | null>;
  const soft = rangeScore(play, state.turns, (p) => p.service === 'soft');
  const hard = rangeScore(play, state.turns, (p) => p.service === 'hard');
  const d = Math.round(decisions);
  return {
    scenario: scenario.id,
    seed: state.seed,
    outcome: ending.outcome,
    ending: ending.id,
    endedBy: state.endedBy ?? 'choice',
    overall,
    grade: gradeOf(overall),
    decisions: d,
    categories,
    service: { soft, hard, quadrant: quadrantOf(soft ?? d, hard ?? d) },
    principles: [...tallies.values()].sort((a, b) => a.id.localeCompare(b.id)),
    turns,
    path: state.turns.map((t) => t.choice),
    meters: state.customer.context.meters,
  };
}
