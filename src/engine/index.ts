/** The engine's public surface: pure rules, no Phaser, Howler, i18next or DOM. */
export * from './text.js';
export * from './problems.js';
export * from './rng.js';
export { loadCatalog, makeCatalog, type Catalog } from './catalog/catalog.js';
export * from './catalog/schema.js';
export * from './scenario/schema.js';
export * from './scenario/model.js';
export * from './scenario/look.js';
export { loadScenario, type LoadResult } from './scenario/load.js';
export { customerMachines, customerProfiles, customerRules, meterIds } from './customers/index.js';
export type { CustomerProfile, MeterSpec, Meters, ReactionRule, ReplyTag } from './customers/reaction.js';
export * from './session/session.js';
export * from './session/machine.js';
export * from './scoring/debrief.js';
export * from './scoring/paths.js';
export * from './scoring/transcript.js';
export * from './classroom/index.js';
