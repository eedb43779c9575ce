/**
 * Seeded pseudo-random numbers (mulberry32). The engine never calls Math.random:
 * a session carries its RNG state as a plain number, so it can be saved and resumed.
 */
export function nextRandom(state: number): { value: number; state: number } {
  const s = (state + 0x6d2b79f5) >>> 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  return { value, state: s };
}

/** Pick an index in [0, n) and return the advanced state. */
export function pickIndex(state: number, n: number): { index: number; state: number } {
  if (n <= 1) return { index: 0, state };
  const r = nextRandom(state);
  return { index: Math.floor(r.value * n), state: r.state };
}

/** Normalise any integer seed to an unsigned 32-bit RNG state. */
export function seedState(seed: number): number {
  return (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
}
