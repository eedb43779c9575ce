/**
 * Which principles a scenario, and a folder of them, exercises: how many replies are tagged with
 * each, how often it is the best reply on offer, and how often it is broken by a tempting wrong
 * reply; `trains` entries no reply uses; catalog principles no scenario exercises.
 *
 * "Tempting" is the audit's notion of a lure: a reply that breaks a principle, is not the best on
 * offer, and is the one a reading-free strategy picks (the longest, or the one with the most
 * courtesy words, in either language: audit/strategies.ts), so a trainee who skims is drawn to it.
 */
import { courtesyCount } from '../audit/courtesy.js';
import { replyText, textLength } from '../audit/strategies.js';
import type { Catalog } from '../catalog/catalog.js';
import { mistakesOf } from '../scoring/debrief.js';
import { replyValue } from '../scoring/value.js';
import { LOCALES, type Locale } from '../text.js';
import type { Choice, Scenario } from './model.js';

export interface PrincipleUse {
  id: string;
  /** Replies tagged with it (choices and time-outs). */
  replies: number;
  /** Nodes where a reply practising it scores best. */
  best: number;
  /** Tempting wrong replies that break it. */
  tempting: number;
  /** Scenarios that exercise it (1 for a single scenario). */
  scenarios: number;
}

export interface ScenarioCoverage {
  file: string;
  id: string;
  principles: PrincipleUse[];
  /** `trains` entries that no reply is tagged with. */
  unusedTrains: string[];
}

export interface FolderCoverage {
  scenarios: ScenarioCoverage[];
  principles: PrincipleUse[];
  /** Catalog principles no scenario exercises. */
  neverExercised: string[];
}

const argmaxAll = (xs: readonly Choice[], score: (c: Choice) => number): number => {
  let at = 0;
  for (let i = 1; i < xs.length; i++) if (score(xs[i]!) > score(xs[at]!)) at = i;
  return at;
};

/** Indices (into the node's choices) that a reading-free strategy picks in some language. */
function lures(choices: readonly Choice[]): Set<number> {
  const picked = new Set<number>();
  for (const l of LOCALES as readonly Locale[]) {
    picked.add(argmaxAll(choices, (c) => textLength(replyText(c.text, l))));
    picked.add(argmaxAll(choices, (c) => courtesyCount(replyText(c.text, l), l)));
  }
  return picked;
}

export function scenarioCoverage(s: Scenario, catalog: Catalog): ScenarioCoverage {
  const use = new Map<string, PrincipleUse>();
  const get = (id: string) => use.get(id) ?? use.set(id, { id, replies: 0, best: 0, tempting: 0, scenarios: 1 }).get(id)!;
  for (const id of s.order) {
    const node = s.nodes[id]!;
    const replies = [...node.choices, ...(node.onTimeout ? [node.onTimeout] : [])];
    for (const r of replies) for (const t of r.principles) get(t.id).replies++;
    const values = replies.map((r) => replyValue(catalog, r));
    const top = Math.max(...values);
    const bestIds = new Set(replies.filter((_, i) => values[i] === top).flatMap((r) => r.principles.filter((t) => catalog.get(t.id)?.polarity === 'practice').map((t) => t.id)));
    if (replies.length > 1) for (const p of bestIds) get(p).best++;
    if (node.choices.length < 2) continue;
    for (const i of lures(node.choices)) {
      const c = node.choices[i]!;
      if (values[i] === top) continue;
      for (const m of mistakesOf(catalog, c)) get(m.id).tempting++;
    }
  }
  const principles = [...use.values()].sort((a, b) => a.id.localeCompare(b.id));
  return { file: s.file, id: s.id, principles, unusedTrains: s.trains.filter((t) => !use.has(t)) };
}

export function folderCoverage(list: readonly ScenarioCoverage[], catalog: Catalog): FolderCoverage {
  const total = new Map<string, PrincipleUse>();
  for (const sc of list) {
    for (const p of sc.principles) {
      const t = total.get(p.id) ?? total.set(p.id, { id: p.id, replies: 0, best: 0, tempting: 0, scenarios: 0 }).get(p.id)!;
      t.replies += p.replies;
      t.best += p.best;
      t.tempting += p.tempting;
      t.scenarios++;
    }
  }
  return {
    scenarios: [...list],
    principles: [...total.values()].sort((a, b) => b.scenarios - a.scenarios || b.replies - a.replies || a.id.localeCompare(b.id)),
    neverExercised: catalog.principles.map((p) => p.id).filter((id) => !total.has(id)),
  };
}
