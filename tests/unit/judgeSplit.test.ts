/** The judge's frozen test split (bench/judgeSplit.ts, tests/judge/split.json). */
import { describe, expect, it } from 'vitest';
import { makeSplit, readReplies, readSplit } from '../../bench/judgeSplit.js';

describe('judge test split', () => {
  const rows = readReplies();
  const split = readSplit();

  it('is the one the ids give: the committed file was not edited by hand', () => {
    expect(split).toEqual(makeSplit(rows));
  });
  it('covers every reply once', () => {
    const all = [...split.test, ...split.train];
    expect(new Set(all).size).toBe(all.length);
    expect(new Set(all)).toEqual(new Set(rows.map((r) => r.id)));
  });
  it('holds out 30% of every locale × customer type', () => {
    const test = new Set(split.test);
    const strata = new Map<string, { n: number; t: number }>();
    for (const r of rows) {
      const s = strata.get(`${r.locale}/${r.type}`) ?? { n: 0, t: 0 };
      s.n++;
      if (test.has(r.id)) s.t++;
      strata.set(`${r.locale}/${r.type}`, s);
    }
    expect(strata.size).toBe(8);
    for (const s of strata.values()) expect(s.t).toBe(Math.round(s.n * 0.3));
  });
  it('does not depend on the order of the rows', () => {
    expect(makeSplit([...rows].reverse())).toEqual(split);
  });
});
