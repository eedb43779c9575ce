/**
 * My progress: every saved play read together. Per principle, how often it was honoured and
 * broken and whether that is getting better; per category, the score over the last plays; and
 * the weakest principle, with a scenario that trains it which the trainee has not yet mastered.
 * Plays whose tally could not be made (scenario gone, path no longer fits) are counted as
 * skipped and left out of the principles and the charts; they still count as plays.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { CategoryId, SeverityLevel } from '../catalog/schema.js';
import type { Scenario } from '../scenario/model.js';
import { CATEGORY_IDS } from '../vocabulary.js';
import type { AttemptInput, AttemptTally, PrincipleCount, ProgressLibrary } from './tally.js';

/** The category charts appear once this many plays have been tallied. */
export const MIN_PLAYS_FOR_CHART = 3;
/** How many of the latest plays the charts show. */
export const CHART_PLAYS = 10;
/** A best score at or above this (grade S) is mastered: no longer suggested. */
export const MASTERED = 90;
/** A principle's current standing: its share over the latest plays where it came up. */
export const RECENT_PLAYS = 5;
/** How far recent plays must differ from earlier ones to count as a trend (share 0–1; category points /100). */
export const TREND_STEP = 0.15;

/** Better, worse, about the same; null with fewer than two plays to compare. */
export type Trend = 'up' | 'down' | 'steady' | null;

export interface PrincipleProgress {
  id: string;
  category: CategoryId;
  polarity: 'practice' | 'violation';
  honoured: number;
  broken: number;
  /** Committed violations by severity. */
  severity: Record<SeverityLevel, number>;
  /** Tallied plays in which it came up. */
  plays: number;
  /** honoured / (honoured + broken), over every play. */
  share: number;
  /** The same over the latest RECENT_PLAYS plays where it came up. */
  recent: number;
  trend: Trend;
}

export interface CategoryProgress {
  id: CategoryId;
  /** The score in each of the latest CHART_PLAYS tallied plays, oldest first; null where the category was not at stake. */
  scores: (number | null)[];
  /** Mean over every tallied play where it was at stake. */
  mean: number | null;
  trend: Trend;
}

export interface Suggestion {
  scenario: string;
  /** The principle it trains; null when nothing has been broken yet and this is simply a new customer. */
  principle: string | null;
  /** The trainee's best on it so far; null when not yet played. */
  best: number | null;
}

export interface ProgressReport {
  plays: number;
  /** Plays read into the principles and charts. */
  counted: number;
  /** Plays that could not be read (scenario removed or changed since). */
  skipped: number;
  scenarios: number;
  /** Mean overall score of every play; null with none. */
  average: number | null;
  /** Overall scores of the latest CHART_PLAYS tallied plays, oldest first. */
  scores: number[];
  categories: CategoryProgress[];
  /** Weakest first. */
  principles: PrincipleProgress[];
  weakest: string | null;
  suggestion: Suggestion | null;
}

const SEVERITY_WEIGHT: Record<SeverityLevel, number> = { minor: 1, serious: 1.5, grave: 2 };

const share = (counts: readonly PrincipleCount[]): number => {
  const h = counts.reduce((s, c) => s + c.honoured, 0);
  const b = counts.reduce((s, c) => s + c.broken, 0);
  return h + b ? h / (h + b) : 1;
};

const mean = (xs: readonly number[]): number | null => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);

/**
 * Now against the start: the latest plays (at most `recent`, at most half) against as many of the
 * first. Not against everything before: after 80, 20, 80 the chart shows the same score first and
 * last, and "getting better" would say otherwise.
 */
export function trendOf<T>(series: readonly T[], measure: (xs: readonly T[]) => number | null, step: number, recent = RECENT_PLAYS): Trend {
  if (series.length < 2) return null;
  const k = Math.min(recent, Math.floor(series.length / 2));
  const before = measure(series.slice(0, k));
  const after = measure(series.slice(series.length - k));
  if (before === null || after === null) return null;
  return after - before >= step ? 'up' : before - after >= step ? 'down' : 'steady';
}

/** A tally's counts under today's ids: a principle renamed since (an alias) counts for what it now reads as. */
function countsOf(catalog: Catalog, tally: AttemptTally): Map<string, PrincipleCount> {
  const out = new Map<string, PrincipleCount>();
  for (const [id, c] of Object.entries(tally.principles)) {
    for (const now of catalog.get(id) ? [id] : (catalog.alias(id)?.to ?? [])) {
      const acc = out.get(now) ?? { honoured: 0, broken: 0 };
      acc.honoured += c.honoured;
      acc.broken += c.broken;
      if (c.severity) acc.severity = c.severity;
      out.set(now, acc);
    }
  }
  return out;
}

function principleProgress(catalog: Catalog, tallies: readonly AttemptTally[]): PrincipleProgress[] {
  const series = new Map<string, PrincipleCount[]>();
  for (const t of tallies) {
    for (const [id, c] of countsOf(catalog, t)) {
      if (c.honoured + c.broken > 0) (series.get(id) ?? series.set(id, []).get(id)!).push(c);
    }
  }
  const out: PrincipleProgress[] = [];
  for (const [id, counts] of series) {
    const p = catalog.get(id)!;
    const severity: Record<SeverityLevel, number> = { minor: 0, serious: 0, grave: 0 };
    for (const c of counts) if (c.severity) severity[c.severity] += c.broken;
    out.push({
      id,
      category: p.category,
      polarity: p.polarity,
      honoured: counts.reduce((s, c) => s + c.honoured, 0),
      broken: counts.reduce((s, c) => s + c.broken, 0),
      severity,
      plays: counts.length,
      share: share(counts),
      recent: share(counts.slice(-RECENT_PLAYS)),
      trend: trendOf(counts, (xs) => share(xs), TREND_STEP),
    });
  }
  return out.sort((a, b) => a.recent - b.recent || weight(b) - weight(a) || b.broken - a.broken || b.honoured - a.honoured || a.id.localeCompare(b.id));
}

/** Broken lately: among the latest plays where it came up, not always honoured. */
const isWeak = (p: PrincipleProgress) => p.recent < 1;

/** How much a broken principle weighs: a grave violation more than a missed courtesy. */
function weight(p: PrincipleProgress): number {
  if (p.severity.grave) return SEVERITY_WEIGHT.grave;
  if (p.severity.serious) return SEVERITY_WEIGHT.serious;
  return SEVERITY_WEIGHT.minor;
}

function categoryProgress(tallies: readonly AttemptTally[]): CategoryProgress[] {
  return CATEGORY_IDS.map((id) => {
    const all = tallies.map((t) => t.categories[id]).filter((v): v is number => typeof v === 'number');
    const m = mean(all);
    return {
      id,
      scores: tallies.slice(-CHART_PLAYS).map((t) => t.categories[id] ?? null),
      mean: m === null ? null : Math.round(m),
      trend: trendOf(all, (xs) => mean(xs), TREND_STEP * 100),
    };
  });
}

/** Who carries a principle: the scenarios listing it under `trains`, else any scenario with a reply tagged with it. */
function scenariosFor(all: readonly Scenario[], id: string): Scenario[] {
  const trains = all.filter((s) => s.trains.includes(id));
  if (trains.length) return trains;
  const tagged = (s: Scenario) =>
    Object.values(s.nodes).some((n) => n.choices.some((c) => c.principles.some((p) => p.id === id)) || !!n.onTimeout?.principles.some((p) => p.id === id));
  return all.filter(tagged);
}

/** Not played yet first, then the lowest best; easier first, then in the library's order. */
function pickScenario(candidates: readonly Scenario[], best: Readonly<Record<string, number>>, order: readonly Scenario[]): Scenario | undefined {
  const open = candidates.filter((s) => (best[s.id] ?? -1) < MASTERED);
  const key = (s: Scenario) => best[s.id] ?? -1;
  return [...open].sort((a, b) => key(a) - key(b) || a.difficulty - b.difficulty || order.indexOf(a) - order.indexOf(b))[0];
}

function suggest(lib: ProgressLibrary, principles: readonly PrincipleProgress[], best: Readonly<Record<string, number>>): Suggestion | null {
  const all = lib.all();
  const found = (s: Scenario, principle: string | null): Suggestion => ({ scenario: s.id, principle, best: best[s.id] ?? null });
  for (const p of principles) {
    if (!isWeak(p)) continue;
    const s = pickScenario(scenariosFor(all, p.id), best, all);
    if (s) return found(s, p.id);
  }
  const s = pickScenario(all, best, all);
  return s ? found(s, null) : null;
}

/**
 * The progress report over saved plays, oldest first. `best` is the best overall per scenario
 * (kept apart from the plays, which are capped); missing entries are taken from the plays.
 */
export function progressReport(attempts: readonly AttemptInput[], lib: ProgressLibrary, best: Readonly<Record<string, number>> = {}): ProgressReport {
  const tallies = attempts.map((a) => a.tally).filter((t): t is AttemptTally => !!t);
  const bests: Record<string, number> = { ...best };
  for (const a of attempts) bests[a.scenario] = Math.max(bests[a.scenario] ?? 0, a.overall);
  const principles = principleProgress(lib.catalog, tallies);
  const weakest = principles.find(isWeak)?.id ?? null;
  const avg = mean(attempts.map((a) => a.overall));
  return {
    plays: attempts.length,
    counted: tallies.length,
    skipped: attempts.length - tallies.length,
    scenarios: new Set(attempts.map((a) => a.scenario)).size,
    average: avg === null ? null : Math.round(avg),
    scores: attempts.filter((a) => a.tally).slice(-CHART_PLAYS).map((a) => a.overall),
    categories: categoryProgress(tallies),
    principles,
    weakest,
    suggestion: suggest(lib, principles, bests),
  };
}
