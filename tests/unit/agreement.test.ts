/**
 * Score and customer agree across the library: at every reachable decision, a reply the
 * customer takes clearly worse never scores higher (unless the reply's moodException says
 * why); good paths leave every meter room until the last third; the issue's own examples.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/engine/scenario/load.js';
import { checkAgreement, MARGIN } from '../../src/engine/scoring/agreement.js';
import { debrief } from '../../src/engine/scoring/debrief.js';
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

describe('the play-test’s examples of lost severity, measured again', () => {
  const byId = (id: string) => plays.find((p) => p.scenario.id === id)!;
  /** Overall of the best play that takes `option` (on-screen number or 't') at the first visit to `node` on the best route. */
  function withOption(play: Play, node: string, option: number | 't') {
    let s = startSession(play, 1);
    for (const p of findPaths(play, s).best!.picks) {
      if (s.node === node) break;
      s = p === 't' ? timeOut(play, s) : choose(play, s, p - 1);
    }
    expect(s.node).toBe(node);
    let end = option === 't' ? timeOut(play, s) : choose(play, s, option - 1);
    if (!end.ending) for (const p of findPaths(play, end).best!.picks) end = p === 't' ? timeOut(play, end) : choose(play, end, p - 1);
    return debrief(play, end);
  }

  it('pile-pitting: the honest deferral beats silence, and silence beats the bluff', () => {
    const play = byId('pile-pitting');
    const node = play.scenario.nodes['standard-test']!;
    const honest = node.choices.findIndex((c) => c.text['zh-CN']?.startsWith('标准的具体条文我回去问问技术部'));
    const bluff = node.choices.findIndex((c) => c.principles.some((t) => t.id === 'bluff'));
    const [h, t, b] = [withOption(play, 'standard-test', honest + 1), withOption(play, 'standard-test', 't'), withOption(play, 'standard-test', bluff + 1)];
    expect(h.overall).toBeGreaterThan(t.overall);
    expect(t.overall).toBeGreaterThan(b.overall);
    expect(b.grade).not.toMatch(/[SAB]/);
  });

  it('hotpot-wait: lecturing him in public then recovering costs the A; catching his panic once does not', () => {
    const play = byId('hotpot-wait');
    const node = play.scenario.nodes.open!;
    const lecture = node.choices.findIndex((c) => c.principles.some((t) => t.id === 'lecture-customer'));
    const panic = node.choices.findIndex((c) => c.principles.some((t) => t.id === 'catch-their-panic'));
    const l = withOption(play, 'open', lecture + 1);
    const p = withOption(play, 'open', panic + 1);
    expect(l.grade).toBe('B');
    expect(p.grade).toBe('A');
    expect(p.overall - l.overall).toBeGreaterThanOrEqual(5);
  });

  it('a customer lost, in any scenario and by any route, is C at best', () => {
    for (const play of plays) {
      for (const e of findPaths(play, startSession(play, 1)).endings) {
        if (e.best && ['escalated', 'left-silently'].includes(e.outcome)) expect(e.best.overall, `${play.scenario.id} ${e.id}`).toBeLessThanOrEqual(64);
      }
    }
  });

  it('hand-it-over: the won-over customer no longer walks out on the farewell turn', () => {
    const play = byId('hand-it-over');
    let s = startSession(play, 1);
    for (const p of [2, 3, 2, 3, 2, 3, 2, 1, 2]) s = choose(play, s, p - 1);
    expect(s.ending).toBeDefined();
    expect(s.endedBy).toBe('choice');
    expect(['won-back', 'resolved']).toContain(play.scenario.endings[s.ending!]!.outcome);
  });
});
