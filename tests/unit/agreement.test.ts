/**
 * Score and customer agree across the library: at every reachable decision, a reply the
 * customer takes clearly worse never scores higher (unless the reply's moodException says
 * why); good paths leave every meter room until the last third; the issue's own examples.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/engine/scenario/load.js';
import { checkAgreement, MARGIN } from '../../src/engine/scoring/agreement.js';
import { findPaths } from '../../src/engine/scoring/paths.js';
import { choose, startSession, timeOut, type Play } from '../../src/engine/session/session.js';
import { catalog, libraryFiles, loadFile } from './helpers.js';

const cat = catalog();
const plays: Play[] = libraryFiles().map((f) => ({ scenario: loadFile(f, cat), catalog: cat }));

describe('the score agrees with the customer, over every decision of the library', () => {
  it.each(plays.map((p) => [p.scenario.id, p] as const))('%s', (_id, play) => {
    const r = checkAgreement(play);
    expect(r.complete).toBe(true);
    const described = r.disagreements.map((d) => `${d.node}: reply ${d.higher} scores ${d.scores[0]} > ${d.scores[1]} (reply ${d.lower}) but mood ${d.moods[0]} < ${d.moods[1]} − ${MARGIN}`);
    expect(described).toEqual([]);
  });

  it('the check can fail: a reply whose tags say good while the customer is enraged is caught', () => {
    const text = `id: disagree
title: Test
difficulty: 1
setting: office
brief: Test
customer: { type: angry, name: Test, persona: Test }
nodes:
  - id: a
    line: Line
    choices:
      - text: Tagged well, received badly
        principles: [understand-feelings]
        effects: { anger: 40, trust: -30 }
        feedback: Why
        next: done
      - text: Plain
        principles: [vague-brush-off]
        feedback: Why
        next: done
endings:
  - { id: done, outcome: resolved, summary: Done }
  - { id: lost, outcome: escalated, summary: Lost }
`;
    const r = loadScenario('t.yaml', text, cat);
    if (!r.ok) throw new Error(r.problems[0]!.message);
    const d = checkAgreement({ scenario: r.scenario, catalog: cat });
    expect(d.disagreements).toHaveLength(1);
    expect(d.disagreements[0]).toMatchObject({ node: 'a', higher: 0, lower: 1 });
    const excused = loadScenario('t.yaml', text.replace('        feedback: Why\n        next: done\n      - text: Plain', '        feedback: Why\n        moodException: the test says so\n        next: done\n      - text: Plain'), cat);
    if (!excused.ok) throw new Error(excused.problems[0]!.message);
    expect(checkAgreement({ scenario: excused.scenario, catalog: cat }).disagreements).toEqual([]);
  });
});

describe('meters with diminishing returns', () => {
  it.each(plays.map((p) => [p.scenario.id, p] as const))('%s: on the best path no meter reaches its end before the last third', (_id, play) => {
    const best = findPaths(play, startSession(play, 1)).best!;
    let s = startSession(play, 1);
    const n = best.picks.length;
    best.picks.forEach((p, i) => {
      s = p === 't' ? timeOut(play, s) : choose(play, s, p - 1);
      if (i + 1 < (2 * n) / 3) {
        for (const [m, v] of Object.entries(s.customer.context.meters)) expect(v > 0 && v < 100, `${m} = ${v} after turn ${i + 1} of ${n}`).toBe(true);
      }
    });
  });
});
