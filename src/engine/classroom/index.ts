/** Classroom rules: room codes, vote counting, the class debrief, the live board. */
export * from './code.js';
export * from './tally.js';
export * from './classPath.js';
export * from './board.js';
export * from './nickname.js';
export * from './controls.js';
export * from './leaderboard.js';
