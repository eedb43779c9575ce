/**
 * zod, as the engine uses it: without its compiled fast path. zod builds that path with
 * `Function(…)`, which pages with a Content-Security-Policy (the studio, the classroom pages)
 * forbid, and its probe for it logs a CSP report in the console. Our files are small: the
 * interpreted path costs nothing that shows. Every engine schema imports z from here, so this
 * runs before the first schema is built.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
