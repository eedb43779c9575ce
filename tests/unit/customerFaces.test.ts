/** The customer's face follows what a reply just did (the play-test: a silent customer's face never moved). */
import { describe, expect, it } from 'vitest';
import { customerProfiles } from '../../src/engine/customers/index.js';

const start = (type: keyof typeof customerProfiles) => Object.fromEntries(customerProfiles[type].meters.map((m) => [m.id, m.start]));

describe('customer faces', () => {
  it('a silent customer looks wary at once after a reply that hurt, from a withdrawn or a neutral face', () => {
    const p = customerProfiles.silent;
    expect(p.expression(start('silent'), {})).toBe('withdrawn');
    const s = start('silent');
    expect(p.expression({ ...s, openness: s.openness! - 10 }, { openness: -10 })).toBe('doubtful');
    const m = { ...start('silent'), openness: 50, trust: 50 };
    expect(p.expression(m, {})).toBe('neutral');
    expect(p.expression({ ...m, trust: 40 }, { trust: -10 })).toBe('doubtful');
    expect(p.expression({ ...m, openness: 60 }, { openness: 10 })).toBe('relieved');
    // About to leave: withdrawn whatever the last reply did.
    expect(p.expression({ ...s, patience: 20 }, { trust: -10 })).toBe('withdrawn');
  });
});
