/**
 * The own-words judge in the browser: imported with `import()` only when a trainee answers in their own
 * words (play/ownWords.ts), so the game's first download does not carry it. Its cue patterns arrive as
 * data built from scenarios/judge-signals.yaml (virtual:dojo-judge-signals): no YAML parser, no schema.
 */
import signals from 'virtual:dojo-judge-signals';
import { createJudge } from '../../engine/judge/judge.js';
import { fromPortable } from '../../engine/judge/portable.js';

export { MAX_CHARS } from '../../engine/judge/judge.js';
export const judge = createJudge(fromPortable(signals));
