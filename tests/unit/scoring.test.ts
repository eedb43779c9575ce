/**
 * Scoring v2: severity, harm that stays, time-outs that are never a free pass, caps for a
 * lost customer and serious mistakes, the customer's state in what a move is worth, and a
 * service-type quadrant that tells fast-but-cold from warm-but-ineffective for every type.
 * Each property is checked on small scenarios built here, against the real catalog.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/engine/scenario/load.js';
import type { CustomerType } from '../../src/engine/scenario/schema.js';
import { CAPS, debrief, overallOf, turnScore } from '../../src/engine/scoring/debrief.js';
import { procedureReport } from '../../src/engine/scoring/procedure.js';
import { findPaths } from '../../src/engine/scoring/paths.js';
import { choose, startSession, timeOut, type Play, type SessionState } from '../../src/engine/session/session.js';
import { catalog, libraryFiles, loadFile } from './helpers.js';

const cat = catalog();

interface R {
  tags: string;
  next?: string;
}

/** A scenario of `decisions` identical decisions offering `replies` (tags as YAML flow), ending resolved. */
function scenario(type: CustomerType, replies: R[], opts: { decisions?: number; timeout?: string; start?: string } = {}): Play {
  const n = opts.decisions ?? 1;
  const ending = { angry: 'escalated', silent: 'left-silently', talkative: 'unresolved', expert: 'escalated' }[type];
  const nodes = Array.from({ length: n }, (_, i) => {
    const next = i + 1 < n ? `d${i + 1}` : 'done';
    const choices = replies
      .map((r, j) => `      - text: { zh-CN: "回答${j}", en: "Reply ${j}" }\n        principles: ${r.tags}\n        feedback: { zh-CN: 反馈, en: Feedback }\n        next: ${r.next ?? next}`)
      .join('\n');
    const timeout = opts.timeout !== undefined ? `    timeLimit: 20\n    onTimeout:\n      principles: ${opts.timeout}\n      feedback: { zh-CN: 超时, en: Time out }\n      next: ${next}\n` : '';
    return `  - id: d${i}\n    line: { zh-CN: "第${i}句", en: "Line ${i}" }\n${timeout}    choices:\n${choices}`;
  });
  const text = `id: t-${type}
title: { zh-CN: 测试, en: Test }
difficulty: 1
setting: office
brief: { zh-CN: 测试, en: Test }
customer:
  type: ${type}
  name: { zh-CN: 客户, en: Customer }
  persona: { zh-CN: 测试, en: Test }
${opts.start ? `  start: ${opts.start}\n` : ''}nodes:
${nodes.join('\n')}
endings:
  - id: done
    outcome: resolved
    summary: { zh-CN: 解决, en: Resolved }
  - id: won
    outcome: won-back
    summary: { zh-CN: 挽回, en: Won back }
  - id: lost
    outcome: ${ending}
    summary: { zh-CN: 失去, en: Lost }
`;
  const r = loadScenario('test.yaml', text, cat);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n'));
  return { scenario: r.scenario, catalog: cat };
}

function playPicks(play: Play, picks: (number | 't')[]): SessionState {
  let s = startSession(play, 1);
  for (const p of picks) s = p === 't' ? timeOut(play, s) : choose(play, s, p);
  return s;
}

const scoreOf = (play: Play, choice: number) => {
  const s = startSession(play, 1);
  const offered = play.scenario.nodes[s.node]!.choices.map((c) => c.index);
  return turnScore(play, { node: s.node, offered, choice, before: s.customer.context.meters });
};

describe('severity', () => {
  const play = scenario('angry', [
    { tags: '[understand-feelings]' },
    { tags: '[vague-brush-off]' },
    { tags: '[lecture-customer]' },
    { tags: '[argue-back]' },
    { tags: '[doubt-honesty]' },
  ]);
  it('a grave mistake costs more than a serious one, which costs more than a minor one', () => {
    const [best, minor, serious, grave, grave2] = [0, 1, 2, 3, 4].map((i) => scoreOf(play, i));
    expect(best).toBe(100);
    expect(minor).toBe(-25);
    expect(serious).toBe(-50);
    expect(grave).toBe(-100);
    expect(grave2).toBe(-100);
  });
  it('every violation in the catalog has a severity, and the ones the issue names are ordered', () => {
    const sev = (id: string) => cat.get(id)!.severity?.level;
    for (const p of cat.principles.filter((p) => p.polarity === 'violation')) expect(p.severity, p.id).toBeDefined();
    expect(sev('bluff')).toBe('grave');
    expect(sev('doubt-honesty')).toBe('grave');
    expect(sev('argue-back')).toBe('grave');
    expect(sev('vague-brush-off')).toBe('minor');
  });
  it('a mixed reply keeps its practice credit but pays for its violation', () => {
    const mixed = scenario('angry', [{ tags: '[understand-feelings]' }, { tags: '[understand-feelings, hide-behind-rules]' }]);
    expect(scoreOf(mixed, 1)).toBe(100 - 50);
  });
});

describe('harm stays with the play', () => {
  const play = scenario('angry', [{ tags: '[understand-feelings]' }, { tags: '[lecture-customer]' }, { tags: '[argue-back]' }], { decisions: 4 });
  it('a serious mistake followed by good turns is not erased: decisions stay below a clean play by its cost', () => {
    const clean = debrief(play, playPicks(play, [0, 0, 0, 0]));
    const slip = debrief(play, playPicks(play, [1, 0, 0, 0]));
    expect(clean.decisions).toBe(100);
    expect(slip.decisions).toBe(Math.round((-50 + 300) / 4));
    expect(slip.turns[1]!.score).toBe(100); // the recovery turn is scored on its own merits…
    expect(slip.overall).toBeLessThan(clean.overall - 25); // …but the cost of the slip stays
  });
  it('a grave mistake then recovery scores below a minor one then recovery, at every position', () => {
    for (let at = 0; at < 4; at++) {
      const picks = (k: number) => [0, 0, 0, 0].map((x, i) => (i === at ? k : x));
      expect(debrief(play, playPicks(play, picks(2))).overall).toBeLessThan(debrief(play, playPicks(play, picks(1))).overall);
    }
  });
  it('the debrief lists every serious or grave mistake with its turn', () => {
    const d = debrief(play, playPicks(play, [0, 2, 0, 1]));
    expect(d.serious).toEqual([
      { turn: 2, id: 'argue-back', severity: 'grave' },
      { turn: 4, id: 'lecture-customer', severity: 'serious' },
    ]);
    expect(d.turns[1]!.mistakes).toEqual([{ id: 'argue-back', severity: 'grave', points: 100, weight: 1 }]);
  });
});

describe('caps', () => {
  it('an escalated or silently lost customer gets no better than C; a serious mistake no better than B; a grave one no better than C', () => {
    expect(overallOf(100, 'escalated').overall).toBe(CAPS.lost);
    expect(overallOf(100, 'left-silently').caps).toEqual(['lost']);
    expect(overallOf(100, 'won-back', 2)).toEqual({ overall: 79, uncapped: 100, caps: ['serious'] });
    expect(overallOf(100, 'won-back', 3)).toEqual({ overall: 64, uncapped: 100, caps: ['grave'] });
    expect(overallOf(100, 'escalated', 3)).toEqual({ overall: 64, uncapped: 80, caps: ['lost'] });
    expect(overallOf(100, 'won-back', 1).caps).toEqual([]);
    expect(overallOf(40, 'resolved', 3).caps).toEqual([]); // below every cap: nothing to lower
  });
  it('a perfect play that loses the customer at the end is C, not B', () => {
    const play = scenario('silent', [{ tags: '[open-questions]' }, { tags: '[open-questions]', next: 'lost' }], { decisions: 3 });
    const d = debrief(play, playPicks(play, [0, 0, 1]));
    expect(d.outcome).toBe('left-silently');
    expect(d.decisions).toBe(100);
    expect(d.grade).toBe('C');
  });
  it('the path search knows the caps: a best route avoids a serious slip even when it would score more per turn', () => {
    // The slip offers more practice (credit) but carries a serious violation; without caps it would win.
    const play = scenario('angry', [{ tags: '[understand-feelings, let-them-vent, lecture-customer]' }, { tags: '[understand-feelings]', next: 'won' }], { decisions: 1 });
    const r = findPaths(play, startSession(play, 1));
    expect(r.best?.ending).toBe('won');
  });
});

describe('time-outs', () => {
  it('an untagged time-out scores as the worst reply on offer, never above 0', () => {
    const play = scenario('expert', [{ tags: '[humble-learning]' }, { tags: '[vague-brush-off]' }], { timeout: '[]' });
    const s = startSession(play, 1);
    const before = s.customer.context.meters;
    expect(turnScore(play, { node: 'd0', offered: [0, 1], choice: -1, before })).toBe(-25);
    const gentle = scenario('expert', [{ tags: '[humble-learning]' }, { tags: '[praise-expertise]' }], { timeout: '[]' });
    expect(turnScore(gentle, { node: 'd0', offered: [0, 1], choice: -1, before })).toBe(0);
  });
  it('a time-out counts for what the scenario tags it with', () => {
    const patient = scenario('silent', [{ tags: '[open-questions]' }, { tags: '[pry-and-press]' }], { timeout: '[show-patience]' });
    const s = startSession(patient, 1);
    expect(turnScore(patient, { node: 'd0', offered: [0, 1], choice: -1, before: s.customer.context.meters })).toBe(100);
    const hanging = scenario('angry', [{ tags: '[understand-feelings]' }], { timeout: '[no-answer]' });
    expect(turnScore(hanging, { node: 'd0', offered: [0], choice: -1, before: startSession(hanging, 1).customer.context.meters })).toBe(-50);
  });
});

describe('the customer’s state in what a move is worth (先处理客户的情感)', () => {
  const replies = [{ tags: '[understand-feelings]' }, { tags: '[offer-alternative]' }, { tags: '[care-while-waiting]' }, { tags: '[admit-mistake]' }];
  it('a solution offered to a heated customer counts a fifth; care while waiting and admitting a mistake count in full', () => {
    const heated = scenario('angry', replies, { start: '{ anger: 80 }' });
    expect(scoreOf(heated, 1)).toBe(20);
    expect(scoreOf(heated, 2)).toBe(100);
    expect(scoreOf(heated, 3)).toBe(100);
    const calm = scenario('angry', replies, { start: '{ anger: 20 }' });
    expect(scoreOf(calm, 1)).toBe(100);
  });
  it('the same factor moves the customer: a heated customer barely hears the solution', () => {
    const heated = scenario('angry', replies, { start: '{ anger: 80 }' });
    const s = startSession(heated, 1);
    const alt = choose(heated, s, 1).customer.context.meters.anger!;
    const care = choose(heated, s, 2).customer.context.meters.anger!;
    expect(80 - alt).toBeLessThan(3);
    expect(80 - care).toBeGreaterThanOrEqual(10);
  });
});

describe('the service-type quadrant separates the types (file 001 §1.2.2), for every customer type', () => {
  const moves: Record<CustomerType, { warm: string; fast: string; quality: string; cold: string }> = {
    angry: { warm: '[understand-feelings, courtesy-phrases]', fast: '[act-with-urgency, record-the-issue]', quality: '[understand-feelings, courtesy-phrases, act-with-urgency, record-the-issue]', cold: '[vague-brush-off]' },
    silent: { warm: '[open-questions, show-patience]', fast: '[record-the-issue, take-action]', quality: '[open-questions, show-patience, record-the-issue, take-action]', cold: '[vague-brush-off]' },
    talkative: { warm: '[rapport-matching, attentive-listening]', fast: '[take-initiative, take-action]', quality: '[rapport-matching, attentive-listening, take-initiative, take-action]', cold: '[fake-attention]' },
    expert: { warm: '[humble-learning, praise-expertise]', fast: '[professional-competence, record-the-issue]', quality: '[humble-learning, praise-expertise, professional-competence, record-the-issue]', cold: '[vague-brush-off]' },
  };
  it.each(Object.keys(moves) as CustomerType[])('%s: fast-but-cold → 工厂型, warm-but-ineffective → 面容友好型, both → 优质, neither → 漠不关心', (type) => {
    const m = moves[type];
    const play = scenario(type, [{ tags: m.quality }, { tags: m.fast }, { tags: m.warm }, { tags: m.cold }], { decisions: 4 });
    const q = (k: number) => debrief(play, playPicks(play, [k, k, k, k])).service;
    expect(q(0).quadrant).toBe('quality');
    expect(q(1)).toMatchObject({ quadrant: 'factory', soft: 0 });
    expect(q(2)).toMatchObject({ quadrant: 'friendly', hard: 0 });
    expect(q(3).quadrant).toBe('indifferent');
  });
  it('no quadrant where soft or hard service was never at stake', () => {
    const play = scenario('angry', [{ tags: '[understand-feelings]' }, { tags: '[courtesy-phrases]' }]);
    const d = debrief(play, playPicks(play, [0]));
    expect(d.service.hard).toBeNull();
    expect(d.service.quadrant).toBeNull();
  });
});

describe('category and service scores are measured against what the best reply did (issue 13: charts that mislead)', () => {
  it('a run of best replies reads 100 on every category and on soft and hard service that were at stake', () => {
    const play = scenario('angry', [{ tags: '[understand-feelings, act-with-urgency, record-the-issue, courtesy-phrases]' }, { tags: '[act-with-urgency, { id: courtesy-phrases, weight: 2 }]' }, { tags: '[vague-brush-off]' }], { decisions: 3 });
    const d = debrief(play, playPicks(play, [0, 0, 0]));
    expect(d.decisions).toBe(100);
    for (const v of Object.values(d.categories)) if (v !== null) expect(v).toBe(100);
    for (const v of [d.service.soft, d.service.hard]) if (v !== null) expect(v).toBe(100);
  });
  it('courtesy words in a wrong reply earn no courtesy score where the best reply did not call for courtesy', () => {
    const play = scenario('angry', [{ tags: '[understand-feelings]' }, { tags: '[courtesy-phrases, vague-brush-off]' }], { decisions: 3 });
    const d = debrief(play, playPicks(play, [1, 1, 1]));
    expect(d.decisions).toBeLessThan(100);
    expect(d.categories.etiquette ?? null).toBeNull();
    expect(d.categories.emotion).toBe(0);
  });
});

describe('the complaint-handling procedure (file 002 处理客户抱怨的原则)', () => {
  it('has the seven steps in the source’s order', () => {
    expect(cat.procedure?.steps.map((s) => s.id)).toEqual(['keep-calm', 'hear-out', 'empathise', 'record-and-thank', 'propose', 'act-now', 'review']);
  });
  it('sets the trainee’s moves against the procedure’s order, flagging a step taken two or more places early', () => {
    const tags = (...ids: string[]) => ids.map((id) => ({ id, weight: 1 }));
    const r = procedureReport(cat, [tags('offer-alternative'), tags('understand-feelings'), tags('record-the-issue', 'attentive-listening')])!;
    expect(r.order).toEqual(['propose', 'empathise', 'hear-out', 'record-and-thank']);
    expect(r.steps.find((s) => s.id === 'propose')!.firstTurn).toBe(1);
    expect(r.steps.find((s) => s.id === 'keep-calm')!.firstTurn).toBeNull();
    expect(r.outOfOrder).toEqual(
      expect.arrayContaining([
        { early: 'hear-out', late: 'propose', earlyTurn: 3, lateTurn: 1 },
        { early: 'empathise', late: 'propose', earlyTurn: 2, lateTurn: 1 },
      ]),
    );
    // Neighbours interleave: empathising before hearing out is not flagged.
    expect(r.outOfOrder.some((o) => o.early === 'hear-out' && o.late === 'empathise')).toBe(false);
    const inOrder = procedureReport(cat, [tags('stay-calm'), tags('attentive-listening'), tags('understand-feelings'), tags('offer-alternative')])!;
    expect(inOrder.outOfOrder).toEqual([]);
  });

  it('does not flag a step taken early with the best reply on offer (the play-test: perfect runs marked out of order)', () => {
    const tags = (...ids: string[]) => ids.map((id) => ({ id, weight: 1 }));
    const turns = [tags('offer-alternative'), tags('understand-feelings'), tags('record-the-issue', 'attentive-listening')];
    expect(procedureReport(cat, turns, [true, true, true])!.outOfOrder).toEqual([]);
    expect(procedureReport(cat, turns, [false, true, true])!.outOfOrder.length).toBeGreaterThan(0);
    // Over the library: no best path is told it took a step out of order.
    for (const f of libraryFiles()) {
      const play = { scenario: loadFile(f, cat), catalog: cat };
      const best = findPaths(play, startSession(play, 1)).best!;
      const d = debrief(play, playPicks(play, best.picks.map((p) => (p === 't' ? 't' : p - 1))));
      expect(d.procedure?.outOfOrder ?? [], f).toEqual([]);
    }
    // A path search per scenario: minutes on the shared 2-core machine.
  }, 240_000);
  it('is part of the debrief', () => {
    const play = scenario('angry', [{ tags: '[understand-feelings]' }]);
    expect(debrief(play, playPicks(play, [0])).procedure?.order).toEqual(['empathise']);
  });
});
