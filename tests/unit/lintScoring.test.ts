/** Lint's scoring-v2 findings: renamed principles, a tag given twice, untagged time-outs, loops no one leaves, score against customer. */
import { describe, expect, it } from 'vitest';
import { lintScenario } from '../../src/engine/scenario/lint.js';
import { loadScenario } from '../../src/engine/scenario/load.js';
import { catalog } from './helpers.js';

const cat = catalog();

const base = (nodes: string) => `id: lint-v2
title: Test
difficulty: 1
setting: office
brief: Test
customer: { type: silent, name: Test, persona: Test }
nodes:
${nodes}
endings:
  - { id: done, outcome: resolved, summary: Done }
  - { id: gone, outcome: left-silently, summary: Gone }
`;

const codes = (text: string) => lintScenario('t.yaml', text, cat).problems.filter((p) => p.code !== 'missing-translation').map((p) => `${p.code}@${p.line}`);

describe('lint, scoring v2', () => {
  it('an old id reads as its replacements, with a located warning naming them', () => {
    const text = base(`  - id: a
    line: Line
    choices:
      - text: Sorry, that's on me, I'll fix it now
        principles: [{ id: urgency-and-admit, weight: 2 }]
        feedback: Why
        next: done
      - text: Whatever
        principles: [vague-brush-off]
        feedback: Why
        next: done`);
    const r = loadScenario('t.yaml', text, cat);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.nodes.a!.choices[0]!.principles).toEqual([
      { id: 'admit-mistake', weight: 1 },
      { id: 'act-with-urgency', weight: 1 },
    ]);
    const w = r.problems.find((p) => p.code === 'renamed-principle')!;
    expect([w.line, w.severity]).toEqual([12, 'warning']);
    expect(w.message).toContain('"admit-mistake" + "act-with-urgency"');
  });

  it('a principle tagged twice on one reply is an error at the second', () => {
    const r = loadScenario('t.yaml', base(`  - id: a
    line: Line
    choices:
      - text: Hi
        principles: [open-questions, show-patience, open-questions]
        feedback: Why
        next: done`), cat);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => `${p.code}@${p.line}:${p.col}`)).toContain('duplicate-principle@12:53');
  });

  it('an untagged time-out is flagged at the onTimeout', () => {
    expect(codes(base(`  - id: a
    line: Line
    timeLimit: 10
    onTimeout:
      feedback: Silence
      next: done
    choices:
      - text: What happened?
        principles: [open-questions]
        feedback: Why
        next: done
      - text: Next
        principles: [vague-brush-off]
        feedback: Why
        next: gone`))).toContain('untagged-timeout@12');
  });

  it('a loop the customer never leaves is an endless-loop warning', () => {
    expect(codes(base(`  - id: a
    line: Line
    choices:
      - text: What happened?
        principles: [open-questions]
        feedback: Why
        next: b
      - text: Bye
        principles: [vague-brush-off]
        feedback: Why
        next: done
  - id: b
    line: Line
    choices:
      - text: Tell me more
        principles: [show-patience]
        feedback: Why
        next: a`))).toContain('endless-loop@8');
  });

  it('a reply the customer takes clearly worse yet scoring higher is flagged at that reply, unless its moodException says why', () => {
    const text = base(`  - id: a
    line: Line
    choices:
      - text: Tagged well, received badly
        principles: [open-questions]
        effects: { openness: -40, patience: -30 }
        feedback: Why
        next: done
      - text: Plain
        principles: [vague-brush-off]
        feedback: Why
        next: done`);
    expect(codes(text)).toContain('score-vs-customer@11');
    expect(codes(text.replace('        next: done\n      - text: Plain', '        moodException: meant\n        next: done\n      - text: Plain'))).not.toContain('score-vs-customer@11');
  });
});
