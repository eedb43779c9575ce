/**
 * The authored reply at a node that a typed reply is closest to, in principles (`principleMatch`) and in
 * wording (Dice over words, Chinese words from Intl.Segmenter), so the conversation can branch on it.
 */
import type { Scenario } from '../scenario/model.js';
import { pick, type Locale } from '../text.js';

export interface Closest {
  node: string;
  /** 0-based index of the choice in the node, as written. */
  reply: number;
  /** The choice's id, where the scenario gives one. */
  id?: string;
  similarity: number;
  /**
   * Every reply's similarity (index as written), so the session can take the closest of those actually on offer
   * (some are offered only under a condition, `when`) and that agree with the typed reply in kind (session.ts).
   */
  ranked?: { reply: number; similarity: number }[];
}

/** How much of the similarity comes from the principles; the rest is wording. */
export const PRINCIPLE_SHARE = 0.6;

const segmenters = new Map<Locale, Intl.Segmenter>();

export function words(text: string, locale: Locale): Set<string> {
  let seg = segmenters.get(locale);
  if (!seg) {
    seg = new Intl.Segmenter(locale === 'zh-CN' ? 'zh' : 'en', { granularity: 'word' });
    segmenters.set(locale, seg);
  }
  const out = new Set<string>();
  for (const s of seg.segment(text.toLowerCase())) if (s.isWordLike) out.add(s.segment);
  return out;
}

/** How many members two sets share. */
export function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both;
}

/** Dice over two word sets: how much of their wording two replies share (1 when both are empty). */
function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size && !b.size) return 1;
  return (2 * sharedCount(a, b)) / (a.size + b.size);
}

export interface ClosestOptions {
  /**
   * The judge's own reading of a text (principle ids). An authored reply's principles are then what its author
   * tagged or what the judge finds in its words, whichever the typed reply shares more of: the judge and the author
   * name the same words with different principles often enough ("take your time" is show-patience to the judge,
   * rapport-matching to the author) that a faithful paraphrase matched only the tags was asked again.
   */
  read?: (text: string) => readonly string[];
  /**
   * The principles the judge can find at all. An authored tag outside them (say-i-not-we, act-with-urgency …) can
   * never be found in a typed reply, so it is left out of the comparison: counted, it made every paraphrase of a
   * reply so tagged look further from it than from a reply without one. Absent: every tag counts.
   */
  known?: ReadonlySet<string>;
}

/**
 * How far a typed reply's principles (`found`: id → how sure, 1 for a finding, a guess's confidence) match an
 * authored reply's tags: a Jaccard index over weighted sets (the sum of the smaller memberships over the sum of the
 * larger), a tag's membership its weight over the reply's heaviest tag's (a reply's main point, weighted 2, counts
 * more than its side note at 1), a found principle's how sure. 1 when both are empty.
 */
export function principleMatch(found: ReadonlyMap<string, number>, tags: readonly { id: string; weight: number }[]): number {
  if (!found.size && !tags.length) return 1;
  const heaviest = Math.max(0, ...tags.map((t) => t.weight));
  const tagged = new Map<string, number>();
  for (const t of tags) if (heaviest > 0) tagged.set(t.id, Math.max(tagged.get(t.id) ?? 0, t.weight / heaviest));
  let small = 0;
  let large = 0;
  for (const [id, w] of tagged) {
    const f = found.get(id) ?? 0;
    small += Math.min(w, f);
    large += Math.max(w, f);
  }
  for (const [id, f] of found) if (!tagged.has(id)) large += f;
  return large > 0 ? small / large : 0;
}

/**
 * The authored reply at `nodeId` closest to a typed one: PRINCIPLE_SHARE of it how its principles match the reply's
 * tags (`principleMatch`, over the tags the judge can find; the judge's own reading of the reply's words instead
 * where that matches better), the rest its wording (Dice over words). A reply none of whose tags the judge can find
 * is compared on its wording alone.
 */
export function closestReply(scenario: Scenario, nodeId: string, text: string, found: readonly string[] | ReadonlyMap<string, number>, locale: Locale, o: ClosestOptions = {}): Closest | undefined {
  const node = scenario.nodes[nodeId];
  if (!node || !node.choices.length) return undefined;
  const mine: ReadonlyMap<string, number> = Array.isArray(found) ? new Map(found.map((id) => [id, 1])) : (found as ReadonlyMap<string, number>);
  const typed = words(text, locale);
  let best: Closest | undefined;
  const ranked: { reply: number; similarity: number }[] = [];
  for (const c of node.choices) {
    const authored = pick(c.text, locale);
    const tags = c.principles.filter((t) => !o.known || o.known.has(t.id));
    const wording = dice(typed, words(authored, locale));
    const read = o.read && mine.size ? principleMatch(mine, [...new Set(o.read(authored))].map((id) => ({ id, weight: 1 }))) : 0;
    const principles = tags.length || read ? Math.max(principleMatch(mine, tags), read) : wording;
    const sim = PRINCIPLE_SHARE * principles + (1 - PRINCIPLE_SHARE) * wording;
    const rounded = Math.round(sim * 1000) / 1000;
    ranked.push({ reply: c.index, similarity: rounded });
    if (!best || rounded > best.similarity) best = { node: nodeId, reply: c.index, ...(c.id ? { id: c.id } : {}), similarity: rounded };
  }
  return best ? { ...best, ranked } : best;
}
