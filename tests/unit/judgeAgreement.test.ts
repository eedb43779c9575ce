/** Cohen's κ for the judge's two annotators (bench/judgeAgreement.ts). */
import { describe, expect, it } from 'vitest';
import { agreement, kappa } from '../../bench/judgeAgreement.js';

describe('annotator agreement', () => {
  it('computes Cohen’s κ (textbook example: po 0.7, pe 0.5 → 0.4)', () => {
    const pairs: [boolean, boolean][] = [
      ...Array.from({ length: 20 }, () => [true, true] as [boolean, boolean]),
      ...Array.from({ length: 5 }, () => [true, false] as [boolean, boolean]),
      ...Array.from({ length: 10 }, () => [false, true] as [boolean, boolean]),
      ...Array.from({ length: 15 }, () => [false, false] as [boolean, boolean]),
    ];
    expect(kappa(pairs)).toBeCloseTo(0.4, 10);
    expect(kappa([])).toBeNull();
  });
  it('pools every (reply, principle) decision and reports each principle', () => {
    const a = new Map([['1', new Set(['x'])], ['2', new Set<string>()], ['3', new Set(['x', 'y'])]]);
    const b = new Map([['1', new Set(['x'])], ['2', new Set(['y'])], ['3', new Set(['x', 'y'])]]);
    const r = agreement(a, b);
    expect(r.replies).toBe(3);
    expect(r.identical).toBeCloseTo(2 / 3);
    expect(r.perPrinciple['x']).toEqual({ kappa: 1, a: 2, b: 2, both: 2 });
    expect(r.perPrinciple['y']!.both).toBe(1);
    expect(r.kappa).toBeGreaterThan(0.5);
    expect(r.kappa).toBeLessThan(1);
  });
});
