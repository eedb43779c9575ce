/**
 * Each customer machine's dynamics, each test asserting the behaviour its seed line describes.
 * Events are sent to real actors; tags are resolved against the real catalog.
 */
import { describe, expect, it } from 'vitest';
import { createActor, type AnyStateMachine } from 'xstate';
import { customerMachines, customerProfiles, customerRules, customers } from '../../src/engine/customers/index.js';
import type { Meters } from '../../src/engine/customers/reaction.js';
import { resolveTags } from '../../src/engine/session/session.js';
import { catalog } from './helpers.js';

const cat = catalog();
const reply = (...ids: string[]) => ({ type: 'trainee.reply' as const, tags: resolveTags(cat, ids.map((id) => ({ id, weight: 1 }))) });

function run(machine: AnyStateMachine, start: Meters, ...events: ({ type: 'trainee.reply' | 'trainee.silent'; tags: ReturnType<typeof resolveTags> })[]) {
  const actor = createActor(machine, { input: { start } }).start();
  for (const e of events) actor.send(e);
  const s = actor.getSnapshot();
  return { value: s.value as string, meters: s.context.meters as Meters, done: s.status === 'done' };
}

describe('angry customer (000 第1条; 002 先处理客户的情感, 十诫)', () => {
  const m = customerMachines.angry;
  it('starts heated and cools after emotion-first empathy', () => {
    expect(run(m, {}).value).toBe('heated');
    const after = run(m, {}, reply('emotion-first'), reply('understand-feelings'), reply('let-them-vent'));
    expect(after.meters.anger).toBeLessThan(40);
    expect(after.value).not.toBe('heated');
  });
  it('climbs when argued with, refused flatly or lectured, and escalates past the threshold', () => {
    const a = run(m, {}, reply('argue-back'));
    expect(a.meters.anger).toBeGreaterThan(70);
    const b = run(m, {}, reply('flat-refusal'), reply('lecture-customer'));
    expect(b.done).toBe(true);
    expect(b.value).toBe('escalated');
  });
  it('barely hears solutions before feelings are dealt with (先处理情感)', () => {
    const solutionFirst = run(m, { anger: 80 }, reply('own-the-problem'));
    const solutionLater = run(m, { anger: 50 }, reply('own-the-problem'));
    expect(80 - solutionFirst.meters.anger!).toBeLessThan(50 - solutionLater.meters.anger!);
  });
  it('mirroring their panic makes it worse (千万不能随客户急而急)', () => {
    expect(run(m, {}, reply('catch-their-panic')).meters.anger).toBeGreaterThan(70);
  });
  it('a silence while they wait stokes anger and costs patience', () => {
    const s = run(m, {}, { type: 'trainee.silent', tags: [] });
    expect(s.meters.anger).toBe(80);
    expect(s.meters.patience).toBeLessThan(50);
  });
});

describe('silent customer (001 3.5.3, 9.2.3; 002 耐心, 刨根问底; 004 only 4% complain)', () => {
  const m = customerMachines.silent;
  it('opens up to open questions, patience and listening', () => {
    const s = run(m, {}, reply('open-questions'), reply('show-patience'), reply('attentive-listening'));
    expect(s.meters.openness).toBeGreaterThanOrEqual(50);
    expect(s.value).toMatch(/opening|open/);
  });
  it('closes up under prying closed questions and pressure', () => {
    const s = run(m, {}, reply('pry-and-press'));
    expect(s.meters.openness).toBeLessThan(20);
    expect(s.value).toBe('guarded');
  });
  it('leaves without a word when patience runs out: no escalation, just gone', () => {
    const s = run(m, {}, reply('belittle-customer'), reply('flat-refusal'), reply('vague-brush-off'));
    expect(s.done).toBe(true);
    expect(s.value).toBe('gone');
    expect(customerProfiles.silent.breakdownOutcome).toBe('left-silently');
  });
  it('a pause gives them room to speak', () => {
    expect(run(m, {}, { type: 'trainee.silent', tags: [] }).meters.openness).toBeGreaterThan(20);
  });
});

describe('talkative customer (001 9.1.3 主动权, 3.5.4; 002 十诫 打断客户)', () => {
  const m = customerMachines.talkative;
  it('drifts further every turn when nobody steers', () => {
    const s = run(m, {}, reply('courtesy-phrases'), reply('courtesy-phrases'), reply('courtesy-phrases'));
    expect(s.meters.drift).toBeGreaterThan(40);
  });
  it('comes back to the point with polite steering', () => {
    const s = run(m, { drift: 70 }, reply('take-initiative'), reply('take-initiative'));
    expect(s.meters.drift).toBeLessThan(50);
  });
  it('resents being cut off far more than being steered', () => {
    const cut = run(m, {}, reply('interrupt-customer'));
    const steered = run(m, {}, reply('take-initiative'));
    expect(cut.meters.trust).toBeLessThan(steered.meters.trust! - 15);
  });
  it('derails (nothing solved) when the talk drifts past recovery', () => {
    const s = run(m, { drift: 90 }, reply('rapport-matching'));
    expect(s.done).toBe(true);
    expect(customerProfiles.talkative.breakdownOutcome).toBe('unresolved');
  });
});

describe('expert customer (000 第4条; 002 不管自己了不了解,任意对客户发表意见)', () => {
  const m = customerMachines.expert;
  it('trust collapses on bluffing', () => {
    const s = run(m, {}, reply('bluff'));
    expect(s.meters.trust).toBeLessThanOrEqual(10);
    expect(run(m, {}, reply('bluff'), reply('bluff')).done).toBe(true);
  });
  it('grows with humble learning and praise, until they teach you', () => {
    const moves = Array.from({ length: 6 }, (_, i) => reply(i % 2 ? 'praise-expertise' : 'humble-learning'));
    const s = run(m, {}, ...moves);
    expect(s.meters.trust).toBeGreaterThanOrEqual(80);
    expect(s.value).toBe('teaching');
  });
  it('praise lands less while they are still testing you', () => {
    const testing = run(m, { trust: 30 }, reply('praise-expertise'));
    const cooperating = run(m, { trust: 60 }, reply('praise-expertise'));
    expect(testing.meters.trust! - 30).toBeLessThan(cooperating.meters.trust! - 60);
  });
});

describe('reaction rules', () => {
  it('every rule cites a seed source, and every rule names a principle that exists', () => {
    for (const [type, rules] of Object.entries(customerRules)) {
      for (const r of rules) {
        expect(r.source, `${type}`).toMatch(/^(00[0-4][ _]|design:)/);
        if ('principle' in r.match) expect(cat.get(r.match.principle), `${type}: ${r.match.principle}`).toBeDefined();
      }
    }
  });
  it('what a turn and a silence do by themselves, and how each state hears a move, also name their seed line or say design:', () => {
    for (const [type, c] of Object.entries(customers)) {
      for (const s of [c.turn.source, c.silence.source]) expect(s, type).toMatch(/^(00[0-4][ _]|design)/);
    }
    expect(customers.angry.hearingSource('heated')).toMatch(/^002/);
    expect(customers.expert.hearingSource('testing')).toMatch(/^design/);
  });
  it('every signature principle exists', () => {
    for (const p of Object.values(customerProfiles)) {
      for (const id of [...p.signature.practices, ...p.signature.violations]) expect(cat.get(id), id).toBeDefined();
    }
  });
  it('explicit scenario effects replace the type’s own reaction', () => {
    const actor = createActor(customerMachines.angry, { input: {} }).start();
    actor.send({ ...reply('argue-back'), effects: { anger: -30 } });
    expect(actor.getSnapshot().context.meters.anger).toBe(40);
  });
  it('a trainer’s own principle still moves the customer through the category defaults, by its severity', () => {
    const anger = (severity?: 'minor' | 'serious' | 'grave') => {
      const tag = { id: 'my-own', weight: 1, polarity: 'violation' as const, category: 'etiquette' as const, service: 'soft' as const, ...(severity ? { severity } : {}) };
      const actor = createActor(customerMachines.angry, { input: {} }).start();
      actor.send({ type: 'trainee.reply', tags: [tag] });
      return actor.getSnapshot().context.meters.anger;
    };
    expect(anger('minor')).toBe(78);
    expect(anger('serious')).toBe(86);
    expect(anger('grave')).toBe(100);
  });
});

describe('customers v2: sources and each other agree', () => {
  it('the angry customer hears admitting a mistake, urgency and care for a waiting customer in full, however heated (五做 3; 海底捞)', () => {
    for (const id of ['admit-mistake', 'act-with-urgency', 'care-while-waiting']) {
      const heated = 90 - run(customerMachines.angry, { anger: 90 }, reply(id)).meters.anger!;
      const cool = 50 - run(customerMachines.angry, { anger: 50 }, reply(id)).meters.anger!;
      expect(heated, id).toBe(cool);
    }
    // …while a plain solution still lands at a fifth (先处理客户的情感).
    expect(90 - run(customerMachines.angry, { anger: 90 }, reply('offer-alternative')).meters.anger!).toBeLessThan(50 - run(customerMachines.angry, { anger: 50 }, reply('offer-alternative')).meters.anger!);
  });
  it('focusing on the problem is self-control (soft), so it is not damped while heated', () => {
    expect(cat.get('focus-on-problem')!.service).toBe('soft');
    const d = 90 - run(customerMachines.angry, { anger: 90 }, reply('focus-on-problem')).meters.anger!;
    expect(d).toBe(6);
  });
  it('diminishing returns: good moves never pin a meter at its end', () => {
    const many = (id: string, n: number) => Array.from({ length: n }, () => reply(id));
    const angry = run(customerMachines.angry, {}, ...many('emotion-first', 20));
    expect(angry.meters.anger).toBeGreaterThan(0);
    expect(angry.meters.trust).toBeLessThan(100);
    const silent = run(customerMachines.silent, {}, ...many('open-questions', 20));
    expect(silent.meters.openness).toBeLessThan(100);
    const talk = run(customerMachines.talkative, {}, ...many('take-initiative', 20));
    expect(talk.meters.drift).toBeGreaterThan(0);
    // …while harm lands in full: a customer can always be lost.
    expect(run(customerMachines.angry, { anger: 90 }, reply('argue-back')).done).toBe(true);
  });
  it('the silent customer’s patience is refilled by the right moves, not a countdown', () => {
    const s = run(customerMachines.silent, { patience: 30 }, reply('show-patience'), reply('open-questions'), reply('attentive-listening'));
    expect(s.meters.patience).toBeGreaterThan(30);
  });
  it('time alone never makes a customer walk out: a won-over customer stays through any number of polite turns', () => {
    for (const [type, c] of Object.entries(customers)) {
      // A talkative customer is kept on track by steering, with rapport between (steering alone wears trust down).
      const polite = Array.from({ length: 40 }, (_, i) => reply(type === 'talkative' ? (i % 2 ? 'rapport-matching' : 'take-initiative') : 'courtesy-phrases'));
      const s = run(c.machine, {}, ...polite);
      expect(s.done, type).toBe(false);
    }
  });
  it('a silence towards a waiting customer can still lose them: only the silence’s own floor holds', () => {
    const silences = Array.from({ length: 6 }, () => ({ type: 'trainee.silent' as const, tags: [] }));
    expect(run(customerMachines.angry, {}, ...silences).done).toBe(true);
    expect(run(customerMachines.silent, {}, ...silences).done).toBe(false); // a pause is room to speak
  });
  it('every type’s mood weighs all its meters, each turned so that high is good', () => {
    for (const c of Object.values(customers)) {
      const shares = c.profile.meters.reduce((a, m) => a + m.share, 0);
      expect(shares).toBeCloseTo(1, 5);
      const best = Object.fromEntries(c.profile.meters.map((m) => [m.id, m.good === 'high' ? 100 : 0]));
      const worst = Object.fromEntries(c.profile.meters.map((m) => [m.id, m.good === 'high' ? 0 : 100]));
      expect(c.profile.mood(best)).toBe(100);
      expect(c.profile.mood(worst)).toBe(0);
    }
  });
});
