/**
 * Own words, fair to the trainee (a play-test of broadband-outage, issue #15): a concrete offer is heard, a typed
 * reply close to an authored one is credited with its practices by similarity, the judge's under-threshold guess
 * weighs by its confidence and never makes a reply close, chatter is heard as nothing, a reply the trainee never
 * saw does not make the customer ask again, and the same bad reply costs the same in both languages.
 */
import { describe, expect, it } from 'vitest';
import { readSignals } from '../../src/cli/files.js';
import { closestReply, createJudge, judgeVocabulary } from '../../src/engine/judge/index.js';
import { facetScore, SEVERITY_POINTS, turnScore } from '../../src/engine/scoring/debrief.js';
import { severityOf } from '../../src/engine/catalog/severity.js';
import { choose, creditFor, heardOnlyGood, offeredChoices, say, SAY_THRESHOLD, startSessionAt, type SessionState } from '../../src/engine/session/session.js';
import type { Locale } from '../../src/engine/text.js';
import { catalog, playOf } from './helpers.js';

const play = playOf('scenarios/library/broadband-outage.yaml');
const signals = readSignals(catalog());
if ('problems' in signals) throw new Error('the judge signals do not load');
const judge = createJudge(signals.signals);
const knownToJudge = judgeVocabulary(signals.signals);

/** The trainee types `text` at `node` (in state `st`), read by the real judge. */
function typeAt(st: SessionState, text: string, locale: Locale) {
  const j = judge(text, { locale, scenario: play.scenario, node: st.node });
  const next = say(play, st, { text, principles: j.principles, ...(j.closest ? { closest: j.closest } : {}) });
  return { j, next, turn: next.turns[st.turns.length] };
}
const at = (node: string, chose: string[] = []): SessionState => ({ ...startSessionAt(play, node, 1), chose });
const replyId = (st: SessionState, id: string) => play.scenario.nodes[st.node]!.choices.find((c) => c.id === id)!.index;

describe('a concrete offer is heard and credited', () => {
  const st = at('compensation');
  it.each([
    'I will put a credit on your bill for every day the line was down.',
    'You will get a bill credit for the outage.',
    "I can refund you for the two days, it comes off next month's bill.",
  ])('en: "%s" is an alternative offered, taken as the credit reply, and scores well', (text) => {
    const { j, turn } = typeAt(st, text, 'en');
    expect(j.principles.map((p) => p.id)).toContain('offer-alternative');
    expect(j.principles.map((p) => p.id)).not.toContain('follow-up-recheck');
    expect(turn?.choice, 'taken, as the credit reply').toBe(replyId(st, 'credit'));
    expect(turnScore(play, turn!)).toBeGreaterThanOrEqual(60);
  });

  it('zh-CN: a bill credit is an alternative offered too', () => {
    const j = judge('我给您申请减免这两天的网费，下个月账单里直接扣。', { locale: 'zh-CN' });
    expect(j.principles.map((p) => p.id)).toContain('offer-alternative');
  });

  it("a close paraphrase of the 100-point reply scores near it; a near-verbatim retry scores as it", () => {
    const picked = turnScore(play, choose(play, st, offeredChoices(play, st).findIndex((o) => o.id === 'credit')).turns[0]!);
    expect(picked).toBe(100);
    const para = typeAt(st, "You didn't get the service you paid for, so I'm putting a credit on next month's bill for every day the line was down. The agreement doesn't cover lost sales, but I'll note them in the fault report.", 'en');
    expect(para.turn?.choice).toBe(replyId(st, 'credit'));
    expect(turnScore(play, para.turn!)).toBeGreaterThanOrEqual(80);
    const retry = typeAt(st, "You paid for a line you didn't get, so I'm logging a credit for each day you were down, off next month's bill. Lost trade isn't covered, but it goes in the fault report.", 'en');
    expect(turnScore(play, retry.turn!)).toBe(picked);
  });

  it('"I\'ll call you at 8 tonight with an update" is taken as the call-back farewell and scores far above 9', () => {
    const { turn } = typeAt(at('farewell', ['vent.note-it']), "I'll call you at 8 tonight with an update.", 'en');
    expect(turn, 'taken').toBeDefined();
    expect(play.scenario.nodes.farewell!.choices[turn!.choice]!.principles.map((t) => t.id)).toContain('follow-up-recheck');
    expect(turnScore(play, turn!)).toBeGreaterThanOrEqual(40);
  });
});

describe('credit by similarity (the rule)', () => {
  const st = at('compensation');
  const credit = replyId(st, 'credit');
  const pickedScore = turnScore(play, choose(play, st, offeredChoices(play, st).findIndex((o) => o.id === 'credit')).turns[0]!);
  const scoreAt = (similarity: number) => turnScore(play, say(play, st, { text: 'x', principles: [], closest: { node: st.node, reply: credit, similarity } }).turns[0]!);

  it('nothing found by the judge: full credit from 0.7, in proportion below, rising with the similarity', () => {
    expect(creditFor(0.7)).toBe(1);
    expect(creditFor(SAY_THRESHOLD)).toBeCloseTo(0.3 / 0.7);
    expect(scoreAt(0.7)).toBe(pickedScore);
    expect(scoreAt(0.9)).toBe(pickedScore);
    expect(scoreAt(0.5)).toBeLessThan(scoreAt(0.7));
    expect(scoreAt(SAY_THRESHOLD)).toBeLessThan(scoreAt(0.5));
    expect(scoreAt(SAY_THRESHOLD)).toBeGreaterThan(0);
  });

  it('a reply with nothing wrong in it is never read as a reply that breaks a principle: asked again, told what was heard', () => {
    const bad = play.scenario.nodes.compensation!.choices.find((c) => c.principles.some((t) => t.id === 'flat-refusal'))!;
    const s = say(play, st, { text: 'x', principles: [{ id: 'show-patience', confidence: 0.9, evidence: [0, 1] }], closest: { node: st.node, reply: bad.index, similarity: 0.9 } });
    expect(s.turns).toHaveLength(0);
    expect(s.askedAgain).toBe(1);
    // The play-test's apology was read as "we'll certainly cover all your losses" (over-promise), and the ending held
    // the trainee to that promise; now it is not taken, and heard as admitting the mistake.
    for (const [text, locale] of [["It is our fault, and I'm sorry.", 'en'], ['是我们的错，对不起。', 'zh-CN']] as const) {
      const { j, turn } = typeAt(st, text, locale);
      expect(turn?.choice, text).not.toBe(play.scenario.nodes.compensation!.choices.find((c) => c.id === 'pay-all')!.index);
      expect(j.principles.map((p) => p.id), text).toContain('admit-mistake');
      if (!turn) expect(heardOnlyGood(play, j.principles).every((id) => ['admit-mistake', 'own-the-problem'].includes(id)), text).toBe(true);
      else expect(turnScore(play, turn), text).toBeGreaterThan(0);
    }
  });

  it("a reply that breaks a principle, read as one that does not, is charged on what the judge found in it", () => {
    const good = offeredChoices(play, st).find((c) => !c.principles.some((t) => catalog().get(t.id)?.polarity === 'violation'))!;
    const s = say(play, st, { text: 'x', principles: [{ id: 'lecture-customer', confidence: 0.9, evidence: [0, 1] }], closest: { node: st.node, reply: good.index, similarity: 0.9 } });
    expect(s.turns[0]?.choice).toBe(good.index);
    expect(turnScore(play, s.turns[0]!)).toBeLessThan(turnScore(play, choose(play, st, offeredChoices(play, st).indexOf(good)).turns[0]!));
  });
});

describe("the judge's under-threshold guess", () => {
  it('"It\'s our fault, I own it." admits the mistake and owns it: taken as the reply that admits it, where there is one', () => {
    // The second play-test: "admit the mistake" was never found, so at the turns whose good reply is that principle
    // the customer asked again (admit-mistake was not among the judge's principles; its cues came with readas.jsonl).
    for (const [node, id] of [['diagnose', 'admit'], ['no-confidence', 'recover'], ['hour-promise', 'recover'], ['flare-fault', 'recover']] as const) {
      const { j, turn } = typeAt(at(node), "It's our fault, I own it.", 'en');
      expect(j.principles.map((p) => p.id), node).toEqual(['admit-mistake', 'own-the-problem']);
      expect(j.principles.every((p) => !p.guess), node).toBe(true);
      expect(turn?.choice, node).toBe(replyId(at(node), id));
      expect(turnScore(play, turn!), node).toBeGreaterThan(50);
    }
  });

  it.each([
    ["It's our fault, I'm sorry. Our equipment failed, not your router.", 'en'],
    ['是我们的错,对不起。是我们的设备坏了,不是您家路由器的问题。', 'zh-CN'],
    ['我们搞错了,昨晚升级把设备弄坏了,让您白忙一天,我给您道歉。', 'zh-CN'],
    ["That's on us: we messed up the upgrade last night. I apologise for the wasted day.", 'en'],
  ] as const)('the play-test\'s admission at the diagnosis, "%s", is read as the reply that admits it', (text, locale) => {
    const { j, turn } = typeAt(at('diagnose'), text, locale);
    expect(j.principles.map((p) => p.id)).toContain('admit-mistake');
    expect(turn?.choice).toBe(replyId(at('diagnose'), 'admit'));
  });

  it("a conditional or denied fault is not an admission", () => {
    for (const [text, locale] of [
      ["If it's our fault, we'll sort it out.", 'en'],
      ["It's not our fault, the network team did it.", 'en'],
      ['如果是我们的错,我们会负责。', 'zh-CN'],
      ['这不是我们的错,是网络部的问题。', 'zh-CN'],
    ] as const) {
      expect(judge(text, { locale }).principles.map((p) => p.id), text).not.toContain('admit-mistake');
    }
  });

  it('a guess is marked and never makes a reply close', () => {
    for (const [node, text] of [['open', "We've logged it, please be patient."], ['diagnose', 'Right, well.'], ['open', '已经报修了，请耐心等待。']] as const) {
      const j = judge(text, { locale: /[a-z]/i.test(text) ? 'en' : 'zh-CN', scenario: play.scenario, node });
      expect(j.principles.some((p) => p.guess), `${text}: a guess here`).toBe(true);
      const sure = j.principles.filter((p) => !p.guess).map((p) => p.id);
      const locale = /[a-z]/i.test(text) ? 'en' : 'zh-CN';
      expect(j.closest!.similarity, text).toBe(closestReply(play.scenario, node, text, sure, locale, { read: (t) => judge(t, { locale }).principles.filter((p) => !p.guess).map((p) => p.id), known: knownToJudge })!.similarity);
    }
  });

  it('costs and earns in proportion to its confidence', () => {
    const st = at('vent');
    // A reply with nothing wrong in it (the guess does not make the text wrong: it may be read as such a reply).
    const reply = offeredChoices(play, st).find((c) => !c.principles.some((t) => catalog().get(t.id)?.polarity === 'violation'))!.index;
    const cost = SEVERITY_POINTS[severityOf(catalog().get('plead-own-difficulty')!)];
    const read = (guess: boolean) => say(play, st, { text: 'x', principles: [{ id: 'plead-own-difficulty', confidence: 0.23, evidence: [0, 1], ...(guess ? { guess } : {}) }], closest: { node: st.node, reply, similarity: 0 + SAY_THRESHOLD } }).turns[0]!;
    const none = say(play, st, { text: 'x', principles: [], closest: { node: st.node, reply, similarity: SAY_THRESHOLD } }).turns[0]!;
    expect(turnScore(play, none) - turnScore(play, read(false))).toBeCloseTo(cost);
    expect(turnScore(play, none) - turnScore(play, read(true))).toBeCloseTo(0.23 * cost);
  });
});

describe('off-topic chatter', () => {
  it.each([
    ['您昨晚看球赛了吗', 'zh-CN'],
    ['Did you watch the match last night?', 'en'],
  ] as const)('"%s" is heard as nothing, and the customer asks again', (text, locale) => {
    const { j, next } = typeAt(at('open'), text, locale);
    expect(j.principles.filter((p) => !p.guess)).toEqual([]);
    expect(j.principles.map((p) => p.id)).not.toContain('praise-expertise');
    expect(next.turns).toHaveLength(0);
    expect(next.askedAgain).toBe(1);
  });
});

describe('a reply the trainee never saw', () => {
  it('the judge ranks every reply where some are conditional; the session takes the closest of those on offer', () => {
    const st = at('farewell');
    const offered = offeredChoices(play, st).map((o) => o.index);
    const hidden = play.scenario.nodes.farewell!.choices.find((c) => !offered.includes(c.index))!.index;
    const s = say(play, st, { text: 'x', principles: [], closest: { node: 'farewell', reply: hidden, similarity: 0.6, ranked: [{ reply: hidden, similarity: 0.6 }, { reply: offered[1]!, similarity: 0.5 }, { reply: offered[0]!, similarity: 0.1 }] } });
    expect(s.turns[0]?.choice).toBe(offered[1]);
    expect(s.turns[0]?.said?.similarity).toBe(0.5);
  });
});

describe('a reply taken for what it breaks', () => {
  it('goes the way of the closest reply that breaks something, not the harshest, and is credited nothing of it', () => {
    // A play-test: "You're absolutely right to be fed up… tell me everything", read as over-promising and close to
    // no reply, went the way of "You can hang up now" (the reply breaking most), and the call went downhill.
    const st = at('vent');
    const ranked = [{ reply: 0, similarity: 0.05 }, { reply: 1, similarity: 0.2 }, { reply: 2, similarity: 0.25 }, { reply: 3, similarity: 0.04 }];
    const next = say(play, st, { text: 'x', principles: [{ id: 'over-promise', confidence: 0.9, evidence: [0, 1] }], closest: { node: 'vent', reply: 2, similarity: 0.25, ranked } });
    expect(next.turns[0]?.choice, 'the closest reply that breaks something').toBe(1);
    expect(next.turns[0]?.said?.similarity).toBe(0);
  });
});

describe('the same bad reply, either language', () => {
  it.each([
    ['compensation', "We don't give refunds, that's company policy.", '我们不退钱，这是公司规定。'],
    ['open', "That's not my problem, call the repair team.", '这不关我的事，您找维修部去。'],
    ['vent', "There's nothing I can do, those are the rules.", '我也没办法，规定就是这样。'],
  ])('at %s: the same principles broken, the same score, the customer in the same state', (node, en, zh) => {
    const a = typeAt(at(node), en, 'en');
    const b = typeAt(at(node), zh, 'zh-CN');
    expect(a.j.principles.map((p) => p.id).sort()).toEqual(b.j.principles.map((p) => p.id).sort());
    expect(a.turn && b.turn, 'both taken').toBeTruthy();
    expect(turnScore(play, a.turn!)).toBe(turnScore(play, b.turn!));
    expect(turnScore(play, a.turn!)).toBeLessThan(0);
    expect(a.next.customer.value).toBe(b.next.customer.value);
  });
});

describe('a typed turn in the debrief', () => {
  it('is measured per facet against the same best reply as a picked turn: a facet that reply does not practise is not at stake', () => {
    // A play-test's debrief: "Listening & empathy 0" beside a turn credited with listening — the typed first turn
    // had been measured for listening against the weaker "What's your number?" reply, the only one tagged for it.
    const hot = playOf('scenarios/library/hotpot-wait.yaml');
    const st = startSessionAt(hot, 'open', 1);
    const calm = hot.scenario.nodes['open']!.choices.find((c) => c.id === 'calm')!;
    const next = say(hot, st, { text: 'x', principles: [{ id: 'understand-feelings', confidence: 0.9, evidence: [0, 1] }], closest: { node: 'open', reply: calm.index, similarity: 0.5 } });
    const turn = next.turns[0]!;
    expect(turn.said).toBeDefined();
    const listening = (p: { category: string }) => p.category === 'listening';
    const picked = choose(hot, st, offeredChoices(hot, st).findIndex((o) => o.id === 'calm')).turns[0]!;
    expect(facetScore(hot, picked, listening), 'the picked model reply: listening not at stake').toBeNull();
    expect(facetScore(hot, turn, listening), 'the typed turn read as it: nor here').toBeNull();
  });
});
