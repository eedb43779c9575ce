/** The ranking's places, shared by the host's board and anything else that shows a ranking. */

/**
 * Places in the ranking (sorted as board.ts's `board` sorts it): trainees with the same standing who have
 * both finished, or both not, share a place, and the next place counts them all (1, 2, 2, 4).
 */
export function rankPlaces(ranking: readonly { standing: number; done: boolean }[]): number[] {
  const places: number[] = [];
  ranking.forEach((r, i) => {
    const before = ranking[i - 1];
    places.push(before && before.standing === r.standing && before.done === r.done ? places[i - 1]! : i + 1);
  });
  return places;
}
