/**
 * The authored reply at a node that a typed reply is closest to, in principles (Jaccard over ids) and in
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

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>, dice: boolean): number {
  if (!a.size && !b.size) return 1;
  const both = sharedCount(a, b);
  return dice ? (2 * both) / (a.size + b.size) : both / (a.size + b.size - both);
}

/**
 * `read`: the judge's own reading of a text (principle ids). An authored reply's principles are then what
 * its author tagged or what the judge finds in its words, whichever the typed reply shares more of: the
 * judge and the author name the same words with different principles often enough ("take your time" is
 * show-patience to the judge, rapport-matching to the author) that a faithful paraphrase matched only the
 * tags was asked again.
 */
export function closestReply(scenario: Scenario, nodeId: string, text: string, found: readonly string[], locale: Locale, read?: (text: string) => readonly string[]): Closest | undefined {
  const node = scenario.nodes[nodeId];
  if (!node || !node.choices.length) return undefined;
  const mine = new Set(found);
  const typed = words(text, locale);
  let best: Closest | undefined;
  const ranked: { reply: number; similarity: number }[] = [];
  for (const c of node.choices) {
    const authored = pick(c.text, locale);
    const tags = new Set(c.principles.map((t) => t.id));
    const principles = Math.max(overlap(mine, tags, false), read && mine.size ? overlap(mine, new Set(read(authored)), false) : 0);
    const sim = PRINCIPLE_SHARE * principles + (1 - PRINCIPLE_SHARE) * overlap(typed, words(authored, locale), true);
    const rounded = Math.round(sim * 1000) / 1000;
    ranked.push({ reply: c.index, similarity: rounded });
    if (!best || rounded > best.similarity) best = { node: nodeId, reply: c.index, ...(c.id ? { id: c.id } : {}), similarity: rounded };
  }
  return best ? { ...best, ranked } : best;
}
