/** My progress: saved plays read back through the engine, principle by principle. */
export * from './replay.js';
export * from './tally.js';
export * from './report.js';
