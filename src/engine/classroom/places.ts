/** Places in a ranking, shared by the host's board, the session's leaderboard and anything else that ranks. */

/**
 * Places for a list already sorted best first: one `level` with the one before shares its place, and
 * the next place counts them all (1, 2, 2, 4).
 */
export function sharedPlaces<T>(sorted: readonly T[], level: (a: T, b: T) => boolean): number[] {
  const places: number[] = [];
  sorted.forEach((r, i) => places.push(i > 0 && level(sorted[i - 1]!, r) ? places[i - 1]! : i + 1));
  return places;
}

/**
 * The board's ranking (sorted as board.ts's `board` sorts it): trainees with the same standing who have
 * both finished, or both not, share a place.
 */
export function rankPlaces(ranking: readonly { standing: number; done: boolean }[]): number[] {
  return sharedPlaces(ranking, (a, b) => a.standing === b.standing && a.done === b.done);
}
