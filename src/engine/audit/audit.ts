/**
 * The audit of one scenario: how every reading-free strategy does in each language, and the
 * giveaways in the file; and the summary over a library. Plain, JSON-able data throughout.
 */
import { gradeOf, type Grade } from '../scoring/debrief.js';
import { GOOD_OUTCOMES } from '../scenario/model.js';
import type { Outcome } from '../scenario/schema.js';
import type { Play } from '../session/session.js';
import { LOCALES, type Locale, type LocalizedText } from '../text.js';
import { giveaways, round, type Giveaways } from './giveaways.js';
import { playStrategy, READING_FREE, STRATEGIES, TURN_CAP, type StrategyName, type StrategyRun } from './strategies.js';

/** Seeds the random strategy is played with, by default. */
export const DEFAULT_SEEDS = 20;
/** A reading-free strategy doing this well (grade B) or reaching a good ending means the scenario can be won without reading. */
export const DOES_WELL = 65;

export interface AuditOptions {
  /** Runs of the random strategy, with seeds 1…N (default 20). */
  seeds?: number;
  turnCap?: number;
}

export interface StrategyResult {
  strategy: StrategyName;
  locale: Locale;
  /** Mean overall over the runs that reached an ending; null when none did. */
  mean: number | null;
  grade: Grade | null;
  /** How many runs ended in each outcome. */
  outcomes: Partial<Record<Outcome, number>>;
  /** Share of runs ending won-back or resolved. */
  goodShare: number;
  /** Runs stopped at the turn cap or with nothing to answer. */
  stopped: number;
  /** The picks of the (first) run; every run's are in `runs`. */
  picks: StrategyRun['picks'];
  runs: StrategyRun[];
}

export interface ScenarioAudit {
  file: string;
  id: string;
  title: LocalizedText;
  seeds: number;
  turnCap: number;
  strategies: StrategyResult[];
  giveaways: Giveaways;
  /** The reading-free strategies (not random) that do well, per language. */
  readingFree: { strategy: StrategyName; locale: Locale; mean: number | null; grade: Grade | null; good: boolean }[];
}

export const isGood = (o: Outcome | null): boolean => o !== null && GOOD_OUTCOMES.includes(o);

export function summarise(strategy: StrategyName, locale: Locale, runs: StrategyRun[]): StrategyResult {
  const ended = runs.filter((r) => r.overall !== null);
  const mean = ended.length ? round(ended.reduce((s, r) => s + r.overall!, 0) / ended.length, 1) : null;
  const outcomes: Partial<Record<Outcome, number>> = {};
  for (const r of ended) outcomes[r.outcome!] = (outcomes[r.outcome!] ?? 0) + 1;
  return {
    strategy,
    locale,
    mean,
    grade: mean === null ? null : gradeOf(mean),
    outcomes,
    goodShare: runs.length ? round(runs.filter((r) => isGood(r.outcome)).length / runs.length, 3) : 0,
    stopped: runs.length - ended.length,
    picks: runs[0]?.picks ?? [],
    runs,
  };
}

/** Play one strategy in one language: once, or for `random` over seeds 1…N. */
export function runStrategy(play: Play, strategy: StrategyName, locale: Locale, options: AuditOptions = {}): StrategyResult {
  const seeds = strategy === 'random' ? (options.seeds ?? DEFAULT_SEEDS) : 1;
  const runs = Array.from({ length: seeds }, (_, i) => playStrategy(play, strategy, locale, i + 1, options.turnCap ?? TURN_CAP));
  return summarise(strategy, locale, runs);
}

/** The reading-free strategy results that do well: grade B or better, or a good ending. */
export function doingWell(results: readonly StrategyResult[]): ScenarioAudit['readingFree'] {
  return results
    .filter((r) => (READING_FREE as readonly string[]).includes(r.strategy) && ((r.mean ?? 0) >= DOES_WELL || r.goodShare > 0))
    .map((r) => ({ strategy: r.strategy, locale: r.locale, mean: r.mean, grade: r.grade, good: r.goodShare > 0 }));
}

export function auditScenario(play: Play, options: AuditOptions = {}): ScenarioAudit {
  const { scenario, catalog } = play;
  const seeds = options.seeds ?? DEFAULT_SEEDS;
  if (!Number.isInteger(seeds) || seeds < 1) throw new RangeError('seeds must be a positive integer');
  const strategies = STRATEGIES.flatMap((st) => LOCALES.map((l) => runStrategy(play, st, l, { ...options, seeds })));
  return {
    file: scenario.file,
    id: scenario.id,
    title: scenario.title,
    seeds,
    turnCap: options.turnCap ?? TURN_CAP,
    strategies,
    giveaways: giveaways(scenario, catalog),
    readingFree: doingWell(strategies),
  };
}

export interface LibrarySummary {
  scenarios: number;
  strategies: {
    strategy: StrategyName;
    locale: Locale;
    /** Mean over the scenarios of each scenario's mean overall. */
    mean: number | null;
    grade: Grade | null;
    /** Scenarios where the strategy reaches a good ending (for random: in any run). */
    goodEndings: number;
    /** Mean over the scenarios of the share of runs ending well. */
    goodShare: number;
    /** Scenarios where it gets grade B or better, or a good ending (reading-free strategies). */
    doWell: number;
  }[];
  /** Over all decisions of all scenarios: how often the best reply is the longest. */
  bestIsLongest: Record<Locale, { decisions: number; bestIsLongest: number; share: number }>;
  /** Scenarios with the best reply under one key. */
  sameKey: number;
  /** Replies with a stage direction (in either language). */
  stageDirections: number;
}

/** The replies with a stage direction in either language, as "node#position", in file order. */
export function directedReplies(g: Giveaways): string[] {
  return [...new Set(LOCALES.flatMap((l) => g.languages[l].stageDirections.map((d) => `${d.node}#${d.choice}`)))];
}

export function auditLibrary(audits: readonly ScenarioAudit[]): LibrarySummary {
  const strategies = STRATEGIES.flatMap((strategy) =>
    LOCALES.map((locale) => {
      const rs = audits.map((a) => a.strategies.find((r) => r.strategy === strategy && r.locale === locale)!);
      const means = rs.map((r) => r.mean).filter((m): m is number => m !== null);
      const mean = means.length ? round(means.reduce((s, m) => s + m, 0) / means.length, 1) : null;
      return {
        strategy,
        locale,
        mean,
        grade: mean === null ? null : gradeOf(mean),
        goodEndings: rs.filter((r) => r.goodShare > 0).length,
        goodShare: rs.length ? round(rs.reduce((s, r) => s + r.goodShare, 0) / rs.length, 3) : 0,
        doWell: audits.filter((a) => a.readingFree.some((w) => w.strategy === strategy && w.locale === locale)).length,
      };
    }),
  );
  const bestIsLongest = Object.fromEntries(
    LOCALES.map((l) => {
      const decisions = audits.reduce((s, a) => s + a.giveaways.languages[l].length.decisions, 0);
      const longest = audits.reduce((s, a) => s + a.giveaways.languages[l].length.bestIsLongest, 0);
      return [l, { decisions, bestIsLongest: longest, share: decisions ? round(longest / decisions, 3) : 0 }];
    }),
  ) as LibrarySummary['bestIsLongest'];
  return {
    scenarios: audits.length,
    strategies,
    bestIsLongest,
    sameKey: audits.filter((a) => a.giveaways.keys.giveaway).length,
    stageDirections: audits.reduce((s, a) => s + directedReplies(a.giveaways).length, 0),
  };
}
