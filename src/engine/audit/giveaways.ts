/**
 * Giveaways: what lets a trainee find the best reply without reading it. Found in the file
 * itself, per language: the best reply being the longest on offer, stage directions in the
 * reply text that tell how a reply is delivered, many replies opening with the same words,
 * and the best reply sitting under the same key at (nearly) every decision.
 *
 * A decision is a node with two or more choices. Its best reply is the choice with the
 * highest `replyValue`; where several share the highest value, none is best and the
 * decision is counted as tied. Positions are as written in the file (a choice with a
 * `when` condition can move the ones after it up on screen).
 */
import type { Catalog } from '../catalog/catalog.js';
import { replyValue } from '../scoring/debrief.js';
import type { Choice, DialogueNode, Loc, Scenario } from '../scenario/model.js';
import { LOCALES, type Locale } from '../text.js';
import { courtesyCount } from './courtesy.js';
import { replyText, textLength } from './strategies.js';

/** Giveaways in groups smaller than this are not reported. */
export const MIN_SHARED_OPENING = 3;
/** A key holding the best reply at this share of decisions or more gives the answer away. */
export const SAME_KEY_SHARE = 0.8;
/** …when there are at least this many decisions with a best reply. */
export const SAME_KEY_MIN_DECISIONS = 3;
/** Openings compared: the first 4 Chinese characters, the first 2 English words. */
export const OPENING = { 'zh-CN': 4, en: 2 } as const;

/** A plain copy of a location (the loader's are computed on first use). */
export const plainLoc = (loc: Loc): Loc => ({ line: loc.line, col: loc.col });

export const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;

export function mean(xs: readonly number[]): number | null {
  return xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length) : null;
}

export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return round(s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2);
}

/** Where a reply is: its node, its position (1-based, as written) and its place in the file. */
export interface ReplyAt {
  node: string;
  choice: number;
  loc: Loc;
}

const at = (n: DialogueNode, c: Choice): ReplyAt => ({ node: n.id, choice: c.index + 1, loc: plainLoc(c.loc) });

/** The decisions: nodes with two or more choices. */
const decisions = (s: Scenario): DialogueNode[] => s.order.map((id) => s.nodes[id]!).filter((n) => n.choices.length > 1);

/** The index of the single best choice of a node, or null when the highest value is shared. */
export function bestChoice(catalog: Catalog, node: DialogueNode): number | null {
  const values = node.choices.map((c) => replyValue(catalog, c));
  const top = Math.max(...values);
  return values.filter((v) => v === top).length === 1 ? values.indexOf(top) : null;
}

// ——— Length ———

export interface DecisionLength {
  node: string;
  loc: Loc;
  /** Position of the best reply (1-based, as written); null when tied. */
  best: number | null;
  bestLength: number | null;
  longestOther: number | null;
  /** The best reply's length ÷ the longest other reply's length. */
  ratio: number | null;
  /** The best reply is at least as long as every other reply on offer. */
  bestIsLongest: boolean | null;
}

export interface LengthGiveaway {
  /** Decisions with a single best reply. */
  decisions: number;
  /** Decisions where the highest value is shared, so no reply is best. */
  tied: number;
  bestIsLongest: number;
  /** bestIsLongest ÷ decisions (0 when there are none). */
  share: number;
  medianRatio: number | null;
  medianLength: { best: number | null; others: number | null };
  /** Mean courtesy markers per reply (courtesy.ts): the best replies against the others. */
  meanCourtesy: { best: number | null; others: number | null };
  nodes: DecisionLength[];
}

export function lengthGiveaway(s: Scenario, catalog: Catalog, locale: Locale): LengthGiveaway {
  const nodes: DecisionLength[] = [];
  const bestLengths: number[] = [];
  const otherLengths: number[] = [];
  const bestCourtesy: number[] = [];
  const otherCourtesy: number[] = [];
  for (const n of decisions(s)) {
    const lengths = n.choices.map((c) => textLength(replyText(c.text, locale)));
    const courtesy = n.choices.map((c) => courtesyCount(replyText(c.text, locale), locale));
    const best = bestChoice(catalog, n);
    if (best === null) {
      nodes.push({ node: n.id, loc: plainLoc(n.loc), best: null, bestLength: null, longestOther: null, ratio: null, bestIsLongest: null });
      continue;
    }
    const others = lengths.filter((_, i) => i !== best);
    const bestLength = lengths[best]!;
    const longestOther = Math.max(...others);
    bestLengths.push(bestLength);
    otherLengths.push(...others);
    bestCourtesy.push(courtesy[best]!);
    otherCourtesy.push(...courtesy.filter((_, i) => i !== best));
    nodes.push({
      node: n.id,
      loc: plainLoc(n.loc),
      best: best + 1,
      bestLength,
      longestOther,
      ratio: round(bestLength / Math.max(1, longestOther)),
      bestIsLongest: bestLength >= longestOther,
    });
  }
  const decided = nodes.filter((d) => d.best !== null);
  const longest = decided.filter((d) => d.bestIsLongest).length;
  return {
    decisions: decided.length,
    tied: nodes.length - decided.length,
    bestIsLongest: longest,
    share: decided.length ? round(longest / decided.length, 3) : 0,
    medianRatio: median(decided.map((d) => d.ratio!)),
    medianLength: { best: median(bestLengths), others: median(otherLengths) },
    meanCourtesy: { best: mean(bestCourtesy), others: mean(otherCourtesy) },
    nodes,
  };
}

// ——— Stage directions ———

const BRACKETED = /[（(]([^（）()]*)[）)]/g;

/**
 * Parenthesised manner or action in a reply's text, "(放低音量,放慢语速)" or "(Answering
 * messages on your phone.)", in full-width or ASCII brackets. Not counted: brackets holding
 * fewer than two letters, starting with a digit ("(2 hours)"), or an abbreviation ("(B/L)").
 */
export function stageDirectionsIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(BRACKETED)) {
    const inner = m[1]!.trim();
    if ((inner.match(/\p{L}/gu)?.length ?? 0) < 2) continue;
    if (/^\d/.test(inner) || /^[A-Z0-9/.&\- ]+$/.test(inner)) continue;
    out.push(m[0]);
  }
  return out;
}

export interface StageDirection extends ReplyAt {
  text: string;
  /** The direction is the whole reply: an action instead of words. */
  whole: boolean;
  /** The reply is the best at its decision. */
  best: boolean;
}

export function stageDirections(s: Scenario, catalog: Catalog, locale: Locale): StageDirection[] {
  const out: StageDirection[] = [];
  for (const id of s.order) {
    const n = s.nodes[id]!;
    const best = bestChoice(catalog, n);
    for (const c of n.choices) {
      const text = replyText(c.text, locale);
      const found = stageDirectionsIn(text);
      if (found.length) out.push({ ...at(n, c), text: found.join(' '), whole: found.join('').length === text.trim().length, best: n.choices.length > 1 && best === c.index });
    }
  }
  return out;
}

// ——— Shared openings ———

/** The normalised opening of a reply (stage directions and punctuation dropped), or null when too short. */
export function openingOf(text: string, locale: Locale): string | null {
  const words = text.replace(BRACKETED, ' ').toLowerCase().replace(/[\u2018\u2019]/g, "'");
  if (locale === 'zh-CN') {
    const chars = Array.from(words).filter((ch) => /[\p{L}\p{N}]/u.test(ch));
    return chars.length >= OPENING['zh-CN'] ? chars.slice(0, OPENING['zh-CN']).join('') : null;
  }
  const list = words.match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];
  return list.length >= OPENING.en ? list.slice(0, OPENING.en).join(' ') : null;
}

export interface SharedOpening {
  opening: string;
  replies: (ReplyAt & { best: boolean })[];
  /** How many of them are the best reply at their decision. */
  best: number;
}

/** Groups of MIN_SHARED_OPENING or more replies that open the same way, largest first. */
export function sharedOpenings(s: Scenario, catalog: Catalog, locale: Locale): SharedOpening[] {
  const groups = new Map<string, SharedOpening['replies']>();
  for (const id of s.order) {
    const n = s.nodes[id]!;
    const best = bestChoice(catalog, n);
    for (const c of n.choices) {
      const o = openingOf(replyText(c.text, locale), locale);
      if (o) groups.set(o, [...(groups.get(o) ?? []), { ...at(n, c), best: n.choices.length > 1 && best === c.index }]);
    }
  }
  return [...groups]
    .filter(([, replies]) => replies.length >= MIN_SHARED_OPENING)
    .map(([opening, replies]) => ({ opening, replies, best: replies.filter((r) => r.best).length }))
    .sort((a, b) => b.replies.length - a.replies.length || a.opening.localeCompare(b.opening));
}

// ——— Keys ———

export interface KeyGiveaway {
  /** Decisions with a single best reply. */
  decisions: number;
  /** How often the best reply is at each position (1-based, as written). */
  positions: Record<string, number>;
  /** The most common position, and its share of decisions. */
  key: number | null;
  share: number;
  /** The best reply is under one key at SAME_KEY_SHARE of at least SAME_KEY_MIN_DECISIONS decisions. */
  giveaway: boolean;
}

export function keyGiveaway(s: Scenario, catalog: Catalog): KeyGiveaway {
  const positions: Record<string, number> = {};
  let count = 0;
  for (const n of decisions(s)) {
    const best = bestChoice(catalog, n);
    if (best === null) continue;
    count++;
    positions[best + 1] = (positions[best + 1] ?? 0) + 1;
  }
  const top = Object.entries(positions).sort((a, b) => b[1] - a[1] || Number(a[0]) - Number(b[0]))[0];
  const share = top && count ? round(top[1] / count, 3) : 0;
  return { decisions: count, positions, key: top ? Number(top[0]) : null, share, giveaway: count >= SAME_KEY_MIN_DECISIONS && share >= SAME_KEY_SHARE };
}

// ——— All of them ———

export interface LanguageGiveaways {
  length: LengthGiveaway;
  stageDirections: StageDirection[];
  sharedOpenings: SharedOpening[];
}

export interface Giveaways {
  languages: Record<Locale, LanguageGiveaways>;
  keys: KeyGiveaway;
}

export function giveaways(s: Scenario, catalog: Catalog): Giveaways {
  const languages = Object.fromEntries(
    LOCALES.map((l) => [l, { length: lengthGiveaway(s, catalog, l), stageDirections: stageDirections(s, catalog, l), sharedOpenings: sharedOpenings(s, catalog, l) }]),
  ) as Record<Locale, LanguageGiveaways>;
  return { languages, keys: keyGiveaway(s, catalog) };
}
