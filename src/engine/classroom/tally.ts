/**
 * Class vote: counting the votes on the replies on offer. Each participant has one vote per
 * decision (a later vote replaces an earlier one); the majority wins, a tie goes to the
 * reply listed first, and the trainer can override either.
 */
export interface VoteTally {
  /** Choice indices (as written in the node) in the order shown. */
  options: number[];
  counts: number[];
  /** 0–1 per option; all 0 when nobody voted. */
  shares: number[];
  voters: number;
  /** The choice index with most votes; undefined when nobody voted. */
  majority?: number;
  tie: boolean;
}

export function tally(options: readonly number[], votes: Iterable<number>): VoteTally {
  const counts = options.map(() => 0);
  let voters = 0;
  for (const v of votes) {
    const i = options.indexOf(v);
    if (i < 0) continue;
    counts[i]!++;
    voters++;
  }
  const top = Math.max(0, ...counts);
  const leaders = options.filter((_, i) => counts[i] === top);
  return {
    options: [...options],
    counts,
    shares: counts.map((c) => (voters ? c / voters : 0)),
    voters,
    ...(voters ? { majority: leaders[0] } : {}),
    tie: voters > 0 && leaders.length > 1,
  };
}
