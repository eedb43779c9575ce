import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { debrief } from '../../src/engine/scoring/debrief.js';
import { createSessionMachine } from '../../src/engine/session/machine.js';
import { choose, offeredChoices, startSession, tick } from '../../src/engine/session/session.js';
import { playOf } from './helpers.js';

const play = playOf('tests/fixtures/mini-angry.yaml');

describe('session', () => {
  it('is deterministic for a seed, and line variants differ across seeds', () => {
    const a = choose(play, startSession(play, 7), 0);
    const b = choose(play, startSession(play, 7), 0);
    expect(a).toEqual(b);
    const variants = new Set(Array.from({ length: 20 }, (_, seed) => startSession(play, seed).variant));
    expect(variants).toEqual(new Set([0, 1]));
  });

  it('offers only choices whose conditions hold and branches on the customer’s state after the reply', () => {
    let s = choose(play, startSession(play, 1), 0); // empathy: trust rises to 44
    s = choose(play, s, 0);
    expect(s.ending).toBe('end-won'); // trust ≥ 45 after owning the problem
    let t = choose(play, startSession(play, 1), 1); // lecture: trust falls
    t = choose(play, t, 0);
    expect(t.ending).toBe('end-resolved');
  });

  it('breaks off into the breakdown ending when the customer machine reaches its final state', () => {
    const s = choose(play, startSession(play, 1), 2);
    expect(s.ending).toBe('end-escalated');
    expect(s.endedBy).toBe('breakdown');
  });

  it('times out through clock ticks only when the node has a limit', () => {
    let s = startSession(play, 1);
    s = tick(play, s, 60_000); // the first node has no limit
    expect(s.node).toBe('open');
    s = choose(play, s, 0);
    s = tick(play, s, 19_999);
    expect(s.ending).toBeUndefined();
    s = tick(play, s, 1);
    expect(s.ending).toBe('end-escalated');
    expect(s.turns.at(-1)!.choice).toBe(-1);
  });

  it('runs as an actor, ignores choices that are not offered, and resumes from a JSON snapshot', () => {
    const machine = createSessionMachine(play);
    const actor = createActor(machine, { input: { seed: 3 } }).start();
    actor.send({ type: 'trainee.choose', index: 9 });
    expect(actor.getSnapshot().context.turns).toHaveLength(0);
    actor.send({ type: 'trainee.choose', index: 0 });
    const saved = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    actor.stop();
    const resumed = createActor(machine, { snapshot: saved, input: {} }).start();
    expect(resumed.getSnapshot().context.node).toBe('fix');
    expect(offeredChoices(play, resumed.getSnapshot().context)).toHaveLength(2);
    resumed.send({ type: 'trainee.choose', index: 0 });
    expect(resumed.getSnapshot().status).toBe('done');
    expect(debrief(play, resumed.getSnapshot().context).outcome).toBe('won-back');
  });
});

describe('scoring', () => {
  it('scores the best replies 100 and the worst at their cost, and places the trainee in the 1.2.2 quadrant', () => {
    const best = debrief(play, choose(play, choose(play, startSession(play, 1), 0), 0));
    expect(best).toMatchObject({ overall: 100, grade: 'S', decisions: 100, outcome: 'won-back' });
    expect(best.service.quadrant).toBe('quality');
    const worst = debrief(play, choose(play, startSession(play, 1), 2));
    // insist-im-right (serious, −50) + argue-back (grave, −100), clamped to −100; escalated.
    expect(worst).toMatchObject({ overall: 0, decisions: -100, grade: 'D', outcome: 'escalated' });
    expect(worst.service.quadrant).toBeNull(); // no hard service was at stake before he broke off
    expect(worst.principles.map((p) => p.id).sort()).toEqual(['argue-back', 'insist-im-right']);
  });

  it('weighs decisions 80% and the outcome 20%, with the lecture’s cost kept', () => {
    // Lecturing (serious: −50), then owning the problem (the best on offer: 100) → resolved (75).
    const d = debrief(play, choose(play, choose(play, startSession(play, 1), 1), 0));
    expect(d.decisions).toBe(25);
    expect(d.overall).toBe(Math.round(0.8 * 25 + 0.2 * 75));
    expect(d.categories.emotion).toBe(0); // in emotion alone, lecturing is −50, clamped to 0
    expect(d.categories.ownership).toBe(100);
    expect(d.categories.listening).toBeNull();
  });
});

describe('saved games against an edited scenario', () => {
  it('fit while the scenario still has what they refer to, and not after an edit removed it', async () => {
    const { snapshotFits } = await import('../../src/engine/session/session.js');
    const machine = createSessionMachine(play);
    const actor = createActor(machine, { input: { seed: 3 } }).start();
    actor.send({ type: 'trainee.choose', index: 0 });
    const saved = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    expect(snapshotFits(play.scenario, saved)).toBe(true);
    const renamed = { ...play.scenario, nodes: { open: play.scenario.nodes.open! } };
    expect(snapshotFits(renamed, saved)).toBe(false);
    const otherId = { ...play.scenario, id: 'something-else' };
    expect(snapshotFits(otherId, saved)).toBe(false);
    expect(snapshotFits(play.scenario, { context: { scenarioId: 'mini-angry' } })).toBe(false);
    expect(snapshotFits(play.scenario, null)).toBe(false);
  });
});
