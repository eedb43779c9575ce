/**
 * The server's input limits, as the forms need them. Copied from src/server/protocol.ts
 * (VOTE_SECONDS, NICKNAME_MAX, SAY_MAX_CHARS) rather than imported: that module builds its zod schemas when
 * loaded, which would put zod in the phone's download for three numbers.
 */
export const VOTE_SECONDS = { min: 5, max: 600, default: 30 } as const;
export const NICKNAME_MAX = 24;
/** The longest typed reply the server takes (own words). */
export const SAY_MAX_CHARS = 4000;
