/** The audit: can a scenario be won without reading? Reading-free strategies, giveaways, lint findings. */
export { auditLibrary, auditScenario, directedReplies, doingWell, DEFAULT_SEEDS, DOES_WELL, isGood, runStrategy, summarise } from './audit.js';
export type { AuditOptions, LibrarySummary, ScenarioAudit, StrategyResult } from './audit.js';
export { COURTESY_WORDS, courtesyCount } from './courtesy.js';
export { auditFindings, type At } from './findings.js';
export {
  bestChoice,
  giveaways,
  keyGiveaway,
  lengthGiveaway,
  median,
  openingOf,
  sharedOpenings,
  stageDirections,
  stageDirectionsIn,
  MIN_SHARED_OPENING,
  OPENING,
  SAME_KEY_MIN_DECISIONS,
  SAME_KEY_SHARE,
} from './giveaways.js';
export type { DecisionLength, Giveaways, KeyGiveaway, LanguageGiveaways, LengthGiveaway, ReplyAt, SharedOpening, StageDirection } from './giveaways.js';
export { playStrategy, READING_FREE, replyText, STRATEGIES, textLength, TURN_CAP } from './strategies.js';
export type { StrategyName, StrategyRun, Stopped } from './strategies.js';
