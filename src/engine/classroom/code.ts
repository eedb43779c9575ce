/**
 * Room codes: short, read aloud and typed on a phone. The alphabet leaves out the characters
 * people confuse (0/O, 1/I/L), and input is forgiving about case, spaces and dashes.
 */
export const ROOM_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ROOM_CODE_LENGTH = 5;

/** A code from `random` (numbers in [0, 1), supplied by the caller: the engine has no randomness of its own). */
export function makeRoomCode(random: () => number, length = ROOM_CODE_LENGTH): string {
  let code = '';
  for (let i = 0; i < length; i++) code += ROOM_CODE_ALPHABET[Math.floor(random() * ROOM_CODE_ALPHABET.length) % ROOM_CODE_ALPHABET.length];
  return code;
}

/** What a trainee typed, as a code: upper case, separators dropped; null when it cannot be one. */
export function normalizeRoomCode(input: string): string | null {
  // Most often (every message a phone sends names its room) it is a code already.
  if (isCode(input)) return input;
  const code = cleanedCode(input);
  return isCode(code) ? code : null;
}

/** What a trainee typed with the forgiven differences taken out (case, spaces, dashes, dots), code or not. */
export function cleanedCode(input: string): string {
  return input.toUpperCase().replace(/[\s\-_.]/g, '');
}

function isCode(s: string): boolean {
  if (s.length !== ROOM_CODE_LENGTH) return false;
  for (let i = 0; i < s.length; i++) if (!ROOM_CODE_ALPHABET.includes(s[i]!)) return false;
  return true;
}
