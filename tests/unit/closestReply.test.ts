/**
 * How a typed reply's principles are matched to an authored reply's tags (closest.ts): a weighted Jaccard index,
 * so a reply stuffed with practices is far from a reply making one of them, a reply's main point counts more than
 * its side note, a guess counts by how sure it is, and tags the judge can never find are left out.
 */
import { describe, expect, it } from 'vitest';
import { closestReply, principleMatch } from '../../src/engine/judge/index.js';
import { playOf } from './helpers.js';

const sure = (...ids: string[]) => new Map(ids.map((id) => [id, 1]));

describe('principleMatch', () => {
  it('is 1 for the same principles, 0 for none shared, and 1 when both are empty', () => {
    expect(principleMatch(sure('a', 'b'), [{ id: 'a', weight: 1 }, { id: 'b', weight: 1 }])).toBe(1);
    expect(principleMatch(sure('c'), [{ id: 'a', weight: 1 }])).toBe(0);
    expect(principleMatch(new Map(), [])).toBe(1);
    expect(principleMatch(new Map(), [{ id: 'a', weight: 1 }])).toBe(0);
  });

  it('stuffing practices costs: three found against a reply making one of them is a third', () => {
    expect(principleMatch(sure('a', 'b', 'c'), [{ id: 'a', weight: 2 }])).toBeCloseTo(1 / 3);
  });

  it("the reply's main point counts more than its side note", () => {
    const tags = [{ id: 'main', weight: 2 }, { id: 'side', weight: 1 }];
    expect(principleMatch(sure('main'), tags)).toBeGreaterThan(principleMatch(sure('side'), tags));
    expect(principleMatch(sure('main'), tags)).toBeCloseTo(1 / 1.5);
  });

  it('a guess counts by how sure it is', () => {
    const tags = [{ id: 'a', weight: 1 }];
    expect(principleMatch(new Map([['a', 0.3]]), tags)).toBeCloseTo(0.3);
    expect(principleMatch(new Map([['a', 0.3]]), tags)).toBeLessThan(principleMatch(sure('a'), tags));
  });
});

describe('closestReply', () => {
  const play = playOf('scenarios/library/broadband-outage.yaml');
  // The diagnosis's good reply is tagged admit-mistake (2) and say-i-not-we, which no judge finds in a typed reply.
  const text = "It's our fault and I'm sorry.";
  const admit = play.scenario.nodes['diagnose']!.choices.find((c) => c.id === 'admit')!.index;
  const simOf = (known?: ReadonlySet<string>) => closestReply(play.scenario, 'diagnose', text, ['admit-mistake'], 'en', known ? { known } : {})!.ranked!.find((r) => r.reply === admit)!.similarity;

  it('leaves out the tags the judge cannot find, so a reply making the main point is close to it', () => {
    const known = new Set(['admit-mistake', 'own-the-problem']);
    expect(simOf(known)).toBeGreaterThan(simOf());
    expect(closestReply(play.scenario, 'diagnose', text, ['admit-mistake'], 'en', { known })!.reply).toBe(admit);
  });

  it('compares a reply none of whose tags the judge can find on its wording alone', () => {
    const known = new Set<string>();
    const c = closestReply(play.scenario, 'diagnose', 'Hello there', [], 'en', { known })!;
    for (const r of c.ranked!) expect(r.similarity).toBeLessThan(0.3);
  });
});
