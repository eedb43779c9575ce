/**
 * "In my own words": the session's `trainee.say` intent (a typed reply with the judge's reading as event
 * data), the ask-again threshold, and scoring from the principles found in the text, not the reply it is read as.
 */
import { readdirSync } from 'node:fs';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { readSignals } from '../../src/cli/files.js';
import { createJudge } from '../../src/engine/judge/index.js';
import { severityOf } from '../../src/engine/catalog/severity.js';
import { debrief, replyOf, SEVERITY_POINTS, turnScore } from '../../src/engine/scoring/debrief.js';
import { playRecord } from '../../src/engine/scoring/transcript.js';
import { createSessionMachine } from '../../src/engine/session/machine.js';
import { choose, heardOnlyGood, offeredChoices, say, SAY_THRESHOLD, startSession, type JudgedText } from '../../src/engine/session/session.js';
import { catalog, playOf } from './helpers.js';

const play = playOf('scenarios/library/kettle-return.yaml');
const start = startSession(play, 1);
const node = start.node;
const [good] = offeredChoices(play, start); // reply 1: rapport-matching, pry-and-press, each at weight 1 as typed findings are
// Reply 2, nothing wrong in it: a typed reply with nothing wrong in it is read only as such a reply.
const clean = offeredChoices(play, start).find((c) => !c.principles.some((t) => catalog().get(t.id)?.polarity === 'violation'));
const typed = (text: string, principles: JudgedText['principles'], reply: number, similarity: number): JudgedText => ({ text, principles, closest: { node, reply, similarity } });

describe('trainee.say', () => {
  it('branches to the closest reply when it is close enough, and the customer reacts to the principles found', () => {
    const byChoice = choose(play, start, 0);
    const s = say(play, start, typed('Hello, take your time. What is wrong with the kettle?', good!.principles.map((t) => ({ id: t.id, confidence: 1, evidence: [0, 5] })), good!.index, 0.8));
    expect(s.node).toBe(byChoice.node);
    expect(s.turns).toHaveLength(1);
    expect(s.turns[0]!.choice).toBe(good!.index);
    expect(s.turns[0]!.said?.text).toBe('Hello, take your time. What is wrong with the kettle?');
    expect(s.customer.context.meters).toEqual(byChoice.customer.context.meters);
    // The same branch read from a rude text: the customer reacts to what was written, not to reply 2.
    const rude = say(play, start, typed('Take your time. Are you sure you did not break it yourself?', [{ id: 'doubt-honesty', confidence: 0.9, evidence: [16, 58] }], good!.index, 0.35));
    expect(rude.customer.context.meters).not.toEqual(byChoice.customer.context.meters);
  });

  it('a reply typed word for word (either language, punctuation aside) is that reply, scored as picking it', () => {
    for (const [i, o] of offeredChoices(play, start).entries()) {
      const picked = choose(play, start, i);
      for (const text of [o.text.en!, `  ${o.text['zh-CN']!.replace(/[,。?!]/g, ' ')} `]) {
        // Whatever the judge made of it (here: nothing found, closest another reply or none).
        const s = say(play, start, { text, principles: [] });
        expect(s.turns[0]!.choice, text).toBe(o.index);
        expect(turnScore(play, s.turns[0]!), text).toBe(turnScore(play, picked.turns[0]!));
        expect(s.node).toBe(picked.node);
        expect(s.turns[0]!.said?.text).toBe(text);
      }
    }
  });

  it('nearly word for word (two words in three the same) is that reply too, unless the judge found a principle broken in it', () => {
    const first = offeredChoices(play, start)[0]!;
    const picked = choose(play, start, 0);
    // A word added: still that reply, scored as picking it, whatever the judge made of it.
    const added = `${first.text.en!} Really.`;
    const s = say(play, start, { text: added, principles: [] });
    expect(s.turns[0]!.choice).toBe(first.index);
    expect(s.turns[0]!.said?.verbatim).toBe(true);
    expect(turnScore(play, s.turns[0]!)).toBe(turnScore(play, picked.turns[0]!));
    // The same words with a rude clause the judge caught: read by what it found, not as the reply.
    const rude = say(play, start, { text: `${first.text.en!} Did you break it yourself?`, principles: [{ id: 'doubt-honesty', confidence: 0.9, evidence: [0, 5] }] });
    expect(rude.turns[0]?.said?.verbatim).toBeUndefined();
    // Half the words the same is not enough: the judge's reading counts (here nothing: asked again).
    const half = first.text.en!.split(' ');
    const halfText = [...half.slice(0, Math.floor(half.length / 2)), 'and', 'something', 'else', 'entirely', 'about', 'the', 'weather', 'today', 'outside'].join(' ');
    expect(say(play, start, { text: halfText, principles: [] }).turns).toHaveLength(0);
    // Chinese, as the play-test typed it for the door-bump reply: followed and scored as that reply.
    const bump = playOf('scenarios/library/door-bump.yaml');
    const at = startSession(bump, 1);
    const model = offeredChoices(bump, at).find((o) => o.text['zh-CN']!.startsWith('对不起,是我推门太急'))!;
    const zh = say(bump, at, { text: '实在对不起!是我推门太急撞到您了,您没被烫着吧?', principles: [] });
    expect(zh.turns[0]!.choice).toBe(model.index);
    expect(turnScore(bump, zh.turns[0]!)).toBe(turnScore(bump, choose(bump, at, offeredChoices(bump, at).indexOf(model)).turns[0]!));
  });

  it('asks again below the threshold: no branch, no turn, nothing scored', () => {
    const s = say(play, start, typed('What colour is the sky?', [], 1, SAY_THRESHOLD - 0.01));
    expect(s.node).toBe(node);
    expect(s.turns).toHaveLength(0);
    expect(s.askedAgain).toBe(1);
    expect(say(play, s, { text: 'hm', principles: [] }).askedAgain).toBe(2);
    // …and the trainee may still pick a reply for that turn; the count clears on the next node.
    const picked = choose(play, s, 1);
    expect(picked.turns).toHaveLength(1);
    expect(picked.askedAgain).toBeUndefined();
  });

  it('runs in the session actor, ignoring a malformed event', () => {
    const actor = createActor(createSessionMachine(play), { input: { seed: 1 } }).start();
    actor.send({ type: 'trainee.say', judged: { text: 'x' } as unknown as JudgedText });
    expect(actor.getSnapshot().context.turns).toHaveLength(0);
    // Asked again, then answered: the count is gone with the decision (the actor merges contexts).
    actor.send({ type: 'trainee.say', judged: { text: 'What colour is the sky?', principles: [] } });
    expect(actor.getSnapshot().context.askedAgain).toBe(1);
    actor.send({ type: 'trainee.say', judged: typed('Hello there, take your time.', [{ id: 'small-courtesies', confidence: 1, evidence: [0, 5] }], clean!.index, 0.5) });
    expect(actor.getSnapshot().context.turns[0]?.said?.text).toBe('Hello there, take your time.');
    expect(actor.getSnapshot().context.askedAgain).toBeUndefined();
    actor.stop();
  });

  it('scores a typed turn from the principles found with their severity, not from the reply it reads as', () => {
    const all = good!.principles.map((t) => ({ id: t.id, confidence: 1, evidence: [0, 5] as [number, number] }));
    const same = say(play, start, typed('a', all, good!.index, 0.9)).turns[0]!;
    // Loosely close (at the threshold): the practice left out is credited only in part (creditFor).
    const half = say(play, start, typed('b', all.slice(1), good!.index, SAY_THRESHOLD)).turns[0]!;
    const worse = say(play, start, typed('c', [...all, { id: 'doubt-honesty', confidence: 1, evidence: [0, 1] }], good!.index, 0.9)).turns[0]!;
    const picked = choose(play, start, 0).turns[0]!;
    expect(turnScore(play, same)).toBeCloseTo(turnScore(play, picked));
    expect(turnScore(play, half)).toBeLessThan(turnScore(play, same)); // the practice left out earns only part
    expect(turnScore(play, worse)).toBeLessThan(turnScore(play, same));
    expect(turnScore(play, same) - turnScore(play, worse)).toBe(SEVERITY_POINTS[severityOf(catalog().get('doubt-honesty')!)]); // its severity's cost
  });

  it('marks the typed turn as free text in the debrief and the transcript, with the real judge', () => {
    const s = readSignals(catalog());
    if ('problems' in s) throw new Error('signals');
    const judge = createJudge(s.signals);
    let st = start;
    // A paraphrase (not nearly word for word: that would be the reply itself).
    const text = 'Hi, no rush at all, set the box down here. Now, what seems to be the matter with the kettle?';
    const j = judge(text, { locale: 'en', scenario: play.scenario, node });
    st = say(play, st, { text, principles: j.principles, closest: { node, reply: clean!.index, similarity: Math.max(SAY_THRESHOLD, j.closest!.similarity) } });
    while (!st.ending) st = choose(play, st, 0);
    const d = debrief(play, st);
    expect(d.turns[0]!.freeText?.text).toBe(text);
    expect(d.turns[1]!.freeText).toBeUndefined();
    const rec = playRecord(play, st, 'en');
    expect(rec.turns[0]!.said).toBe(text);
    expect(rec.turns[0]!.freeText?.readAs).toBe(2); // the second reply, as on screen
    expect(rec.turns[1]!.freeText).toBeUndefined();
  });
});

describe('heard, though not taken up', () => {
  it('names what was found only when all of it is good and the judge is at least even-odds sure of each', () => {
    expect(heardOnlyGood(play, [{ id: 'thank-the-complaint', confidence: 0.96 }])).toEqual(['thank-the-complaint']);
    expect(heardOnlyGood(play, [{ id: 'thank-the-complaint', confidence: 0.96 }, { id: 'own-the-problem', confidence: 0.5 }])).toEqual(['thank-the-complaint', 'own-the-problem']);
    expect(heardOnlyGood(play, [])).toEqual([]);
    expect(heardOnlyGood(play, [{ id: 'thank-the-complaint', confidence: 0.9 }, { id: 'argue-back', confidence: 0.4 }])).toEqual([]);
    expect(heardOnlyGood(play, [{ id: 'open-questions', confidence: 0.3 }]), "the judge's guess under its thresholds").toEqual([]);
  });
});

describe('a rude typed reply', () => {
  const s = readSignals(catalog());
  if ('problems' in s) throw new Error('the judge signals do not load');
  const judge = createJudge(s.signals);

  it('is never waved away as "not an answer": taken, scored on what it breaks, the story going the way of the nearest bad reply', () => {
    for (const [text, locale, id] of [
      ["Are you sure you didn't break it yourself?", 'en', 'doubt-honesty'],
      ['您确定不是您自己弄坏的吗?', 'zh-CN', 'doubt-honesty'],
    ] as const) {
      const j = judge(text, { locale, scenario: play.scenario, node });
      expect(j.principles.map((p) => p.id), text).toContain(id);
      expect(j.closest!.similarity, 'close to no reply on offer').toBeLessThan(SAY_THRESHOLD);
      const st = say(play, start, { text, principles: j.principles, ...(j.closest ? { closest: j.closest } : {}) });
      expect(st.turns, text).toHaveLength(1);
      expect(turnScore(play, st.turns[0]!), text).toBeLessThan(0);
      // What it broke is what counts (the debrief's mistakes come from here), not the reply it goes the way of.
      expect(replyOf(play.scenario, st.turns[0]!).principles.map((t) => t.id), text).toContain(id);
    }
  });

  it('an unsure reading of rudeness is still asked again', () => {
    const st = say(play, start, { text: 'hm', principles: [{ id: 'doubt-honesty', confidence: 0.4, evidence: [0, 2] }] });
    expect(st.turns).toHaveLength(0);
    expect(st.askedAgain).toBe(1);
  });
});

describe('own words cannot be won without reading', () => {
  // One all-purpose reply, stuffed with practices, typed at every decision of every library scenario
  // (when the customer asks again, the middle reply on offer is picked, as a trainee who gives up might).
  const canned = {
    en: "I'm so sorry, I completely understand how frustrating this is. Thank you for telling us. I've written it all down, and I'll personally take care of it right now and call you back to follow up.",
    'zh-CN': '非常抱歉，我完全理解您的心情，谢谢您告诉我们。我都记下来了，我马上亲自帮您处理，处理完给您回电话跟进。',
  } as const;
  const s = readSignals(catalog());
  if ('problems' in s) throw new Error('the judge signals do not load');
  const judge = createJudge(s.signals);
  const files = readdirSync('scenarios/library').filter((f) => f.endsWith('.yaml'));

  for (const locale of ['en', 'zh-CN'] as const) {
    it(`${locale}: a canned reply is rarely read as one on offer, and the plays end badly`, () => {
      let taken = 0;
      let asked = 0;
      let good = 0;
      let overall = 0;
      for (const f of files) {
        const p = playOf(`scenarios/library/${f}`);
        let st = startSession(p, 1);
        for (let i = 0; i < 40 && !st.ending; i++) {
          const j = judge(canned[locale], { locale, scenario: p.scenario, node: st.node });
          const next = say(p, st, { text: canned[locale], principles: j.principles, ...(j.closest ? { closest: j.closest } : {}) });
          if (next.turns.length > st.turns.length) [taken, st] = [taken + 1, next];
          else [asked, st] = [asked + 1, choose(p, next, Math.floor(offeredChoices(p, next).length / 2))];
        }
        const d = debrief(p, st);
        overall += d.overall;
        if (d.outcome === 'won-back' || d.outcome === 'resolved') good++;
      }
      expect(taken / (taken + asked)).toBeLessThanOrEqual(0.1);
      expect(overall / files.length).toBeLessThan(40);
      expect(good).toBeLessThanOrEqual(files.length / 4);
    });
  }
});
