/**
 * What every customer machine shares: the tags a reply carries, the reaction rules
 * each type declares (each citing the seed line that justifies it), and the pure
 * arithmetic that turns tags into meter changes.
 */
import type { CategoryId } from '../catalog/schema.js';
import type { CustomerType, Expression, Outcome } from '../scenario/schema.js';

export type Meters = Record<string, number>;

/** A principle tag resolved against the catalog, as sent to a customer machine. */
export interface ReplyTag {
  id: string;
  weight: number;
  polarity: 'practice' | 'violation';
  category: CategoryId;
  service: 'soft' | 'hard';
}

export type CustomerEvent =
  | { type: 'trainee.reply'; tags: ReplyTag[]; effects?: Meters }
  | { type: 'trainee.silent'; tags: ReplyTag[]; effects?: Meters };

/** One rule: which tags it matches, how the meters move (per unit of weight), and where the seeds say so. */
export interface ReactionRule {
  match: { principle: string } | { polarity: 'practice' | 'violation'; category?: CategoryId; service?: 'soft' | 'hard' };
  delta: Meters;
  source: string;
}

export interface MeterSpec {
  id: string;
  /** Whether a high value is good for the conversation. */
  good: 'high' | 'low';
  start: number;
}

export interface CustomerContext {
  meters: Meters;
  /** Change made by the last event, for presentation (e.g. a "relieved" face). */
  lastDelta: Meters;
  /** Ids of the rules that fired on the last event, for coaching and tests. */
  lastRules: string[];
  turns: number;
}

export interface CustomerInput {
  start?: Meters;
}

/** Everything about a customer type that is not the machine itself. */
export interface CustomerProfile {
  type: CustomerType;
  meters: readonly MeterSpec[];
  /** Outcome when the customer breaks off (machine reaches its final state). */
  breakdownOutcome: Outcome;
  /** The principles this type most depends on (for lint and for the authoring guide). */
  signature: { practices: readonly string[]; violations: readonly string[] };
  /** A 0–100 mood (100 = happiest) for the presentation. */
  mood(meters: Meters): number;
  expression(meters: Meters, lastDelta: Meters): Expression;
}

export const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));

function matches(rule: ReactionRule, tag: ReplyTag): boolean {
  const m = rule.match;
  if ('principle' in m) return m.principle === tag.id;
  return m.polarity === tag.polarity && (!m.category || m.category === tag.category) && (!m.service || m.service === tag.service);
}

/**
 * Sum the meter changes for a set of tags. A tag uses every specific rule naming its
 * principle; a tag with no specific rule falls back to the first matching general rule,
 * so a trainer's own principles still move the customer. `scale` lets a state damp or
 * amplify a rule (e.g. an angry customer barely hears solutions before feelings).
 */
export function react(
  rules: readonly ReactionRule[],
  tags: readonly ReplyTag[],
  scale: (rule: ReactionRule, tag: ReplyTag) => number = () => 1,
): { delta: Meters; fired: string[] } {
  const delta: Meters = {};
  const fired: string[] = [];
  for (const tag of tags) {
    const specific = rules.filter((r) => 'principle' in r.match && matches(r, tag));
    const general = specific.length ? [] : rules.filter((r) => !('principle' in r.match) && matches(r, tag)).slice(0, 1);
    for (const rule of [...specific, ...general]) {
      const k = tag.weight * scale(rule, tag);
      for (const [meter, d] of Object.entries(rule.delta)) delta[meter] = (delta[meter] ?? 0) + d * k;
      fired.push(ruleName(rule));
    }
  }
  return { delta, fired };
}

export function ruleName(rule: ReactionRule): string {
  const m = rule.match;
  if ('principle' in m) return m.principle;
  return `any ${m.service ? m.service + '-service ' : ''}${m.category ? m.category + ' ' : ''}${m.polarity}`;
}

/** Apply a delta (plus a fixed per-turn drift) to meters, clamped to 0–100. */
export function applyDelta(meters: Meters, delta: Meters, drift: Meters = {}): { meters: Meters; change: Meters } {
  const next: Meters = { ...meters };
  const change: Meters = {};
  for (const id of Object.keys(meters)) {
    const v = clamp(meters[id]! + (delta[id] ?? 0) + (drift[id] ?? 0));
    change[id] = v - meters[id]!;
    next[id] = v;
  }
  return { meters: next, change };
}

export function initialMeters(specs: readonly MeterSpec[], start: Meters = {}): Meters {
  return Object.fromEntries(specs.map((s) => [s.id, clamp(start[s.id] ?? s.start)]));
}

/** Explicit effects from the scenario replace the computed reaction. */
export function reactionFor(
  rules: readonly ReactionRule[],
  event: CustomerEvent,
  scale?: (rule: ReactionRule, tag: ReplyTag) => number,
): { delta: Meters; fired: string[] } {
  if (event.effects) return { delta: event.effects, fired: ['scenario effects'] };
  return react(rules, event.tags, scale);
}

/** The transitions every customer state shares: hear the reply (or the silence), then re-judge. */
export function listening<P extends object>(params: P) {
  const t = { target: 'judging', actions: { type: 'hear', params } } as const;
  return { 'trainee.reply': t, 'trainee.silent': t } as const;
}
