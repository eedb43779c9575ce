/**
 * What every customer machine shares: the tags a reply carries, the reaction rules each
 * type declares (each citing the seed line that justifies it, or `design:` where it is the
 * game's own choice), and the pure arithmetic that turns tags into meter changes.
 */
import type { CategoryId, SeverityLevel } from '../catalog/schema.js';
import type { CustomerType, Expression, Outcome } from '../scenario/schema.js';

export type Meters = Record<string, number>;

/** A principle tag resolved against the catalog, as sent to a customer machine. */
export interface ReplyTag {
  id: string;
  weight: number;
  polarity: 'practice' | 'violation';
  category: CategoryId;
  service: 'soft' | 'hard';
  /** Violations only. */
  severity?: SeverityLevel;
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
  /** Its share of the customer's mood (the shares of a type add up to 1). */
  share: number;
}

/** A change every turn (or every silence) brings, whatever was said, and why. */
export interface MeterShift {
  delta: Meters;
  /** Time alone never takes a meter past these: only how the customer is treated can. */
  floor?: Meters;
  source: string;
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
  /** The outcomes a scenario's breakdown ending may have for this type (the first is breakdownOutcome). */
  breaksOffAs: readonly Outcome[];
  /** The principles this type most depends on (for lint and for the authoring guide). */
  signature: { practices: readonly string[]; violations: readonly string[] };
  /** A 0–100 mood (100 = happiest) for the presentation. */
  mood(meters: Meters): number;
  expression(meters: Meters, lastDelta: Meters): Expression;
}

export const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));

/** How much more a violation moves the customer than its general rule says, by severity. */
export const SEVERITY_REACTION: Record<SeverityLevel, number> = { minor: 1, serious: 2, grave: 4 };

/**
 * The mood: every meter turned so that high is good, weighted by its share. It is what the
 * trainer's board shows and what scoring is checked against (a reply the customer takes
 * clearly worse must not score higher).
 */
export function moodOf(specs: readonly MeterSpec[], m: Meters): number {
  let mood = 0;
  for (const s of specs) {
    const v = m[s.id] ?? s.start;
    mood += s.share * (s.good === 'high' ? v : 100 - v);
  }
  return Math.round(mood);
}

function matches(rule: ReactionRule, tag: ReplyTag): boolean {
  const m = rule.match;
  if ('principle' in m) return m.principle === tag.id;
  return m.polarity === tag.polarity && (!m.category || m.category === tag.category) && (!m.service || m.service === tag.service);
}

/**
 * Sum the meter changes for a set of tags. A tag uses every specific rule naming its
 * principle; a tag with no specific rule falls back to the first matching general rule
 * (scaled by its severity, for a violation), so a trainer's own principles still move the
 * customer. `worth` is how much the move counts in the customer's present state (the same
 * factor scoring uses); `flow` amplifies a rule's movement in that state without changing
 * what the move is worth.
 */
export function react(
  rules: readonly ReactionRule[],
  tags: readonly ReplyTag[],
  worth: (tag: ReplyTag) => number = () => 1,
  flow: (rule: ReactionRule) => number = () => 1,
): { delta: Meters; fired: string[] } {
  const delta: Meters = {};
  const fired: string[] = [];
  const index = indexOf(rules);
  for (const tag of tags) {
    const specific = index.byPrinciple.get(tag.id) ?? [];
    const fallback = specific.length ? undefined : index.general.find((r) => matches(r, tag));
    const general = fallback ? [fallback] : [];
    const bySeverity = !specific.length && tag.severity ? SEVERITY_REACTION[tag.severity] : 1;
    for (const rule of [...specific, ...general]) {
      const k = tag.weight * worth(tag) * flow(rule) * bySeverity;
      for (const [meter, d] of Object.entries(rule.delta)) delta[meter] = (delta[meter] ?? 0) + d * k;
      fired.push(ruleName(rule));
    }
  }
  return { delta, fired };
}

interface RuleIndex {
  byPrinciple: Map<string, ReactionRule[]>;
  general: ReactionRule[];
}
const indexes = new WeakMap<readonly ReactionRule[], RuleIndex>();

/** Rules by the principle they name, and the general ones in order: built once per rule list. */
function indexOf(rules: readonly ReactionRule[]): RuleIndex {
  let index = indexes.get(rules);
  if (!index) {
    index = { byPrinciple: new Map(), general: [] };
    for (const r of rules) {
      if ('principle' in r.match) index.byPrinciple.set(r.match.principle, [...(index.byPrinciple.get(r.match.principle) ?? []), r]);
      else index.general.push(r);
    }
    indexes.set(rules, index);
  }
  return index;
}

export function ruleName(rule: ReactionRule): string {
  const m = rule.match;
  if ('principle' in m) return m.principle;
  return `any ${m.service ? m.service + '-service ' : ''}${m.category ? m.category + ' ' : ''}${m.polarity}`;
}

/**
 * Diminishing returns: a change that helps lands in full while the meter has room, and less
 * and less as it nears its good end (room / 50 of it), so good moves never pin a meter at its
 * end and later turns still matter. Harm lands in full: a customer can always be lost.
 */
export function towardGood(spec: MeterSpec, value: number, d: number): number {
  const helps = spec.good === 'high' ? d > 0 : d < 0;
  if (!helps) return d;
  const room = spec.good === 'high' ? 100 - value : value;
  // Never all the way: a good move stops one short of the end (after rounding).
  const most = Math.max(0, room - 1);
  const eased = d * Math.min(1, room / 50);
  return Math.sign(eased) * Math.min(Math.abs(eased), most);
}

/** Apply a reaction and a per-turn shift to meters, clamped to 0–100; the shift stops at its floor. */
export function applyDelta(specs: readonly MeterSpec[], meters: Meters, delta: Meters, shift?: MeterShift): { meters: Meters; change: Meters } {
  const next: Meters = { ...meters };
  const change: Meters = {};
  for (const spec of specs) {
    const id = spec.id;
    const before = meters[id]!;
    let v = before + towardGood(spec, before, delta[id] ?? 0);
    const s = shift?.delta[id] ?? 0;
    if (s) {
      const floor = shift?.floor?.[id];
      const moved = v + towardGood(spec, v, s);
      v = floor === undefined ? moved : s < 0 ? Math.max(moved, Math.min(v, floor)) : Math.min(moved, Math.max(v, floor));
    }
    next[id] = clamp(v);
    change[id] = next[id]! - before;
  }
  return { meters: next, change };
}

export function initialMeters(specs: readonly MeterSpec[], start: Meters = {}): Meters {
  return Object.fromEntries(specs.map((s) => [s.id, clamp(start[s.id] ?? s.start)]));
}
