/** The refusals the classroom pages show in their own words (the list: src/engine/classroom/errors.ts). */
import { ERROR_CODES } from '../engine/classroom/errors.js';

export const KNOWN_ERRORS: ReadonlySet<string> = new Set(ERROR_CODES);
