/**
 * SCORM 1.2 reporting without a browser: the game's learning events (made here as the play
 * screen makes them) go through ScormRecord into scorm-again's SCORM 1.2 runtime, and every
 * value is checked against the 1.2 rules, including those scorm-again does not apply.
 */
import * as scormAgain from 'scorm-again/scorm12';
import { describe, expect, it } from 'vitest';
import { findPaths, type RoutePick } from '../../src/engine/scoring/paths.js';
import { startSession, type Play } from '../../src/engine/session/session.js';
import type { LearningAnswered, LearningFinished, LearningStarted } from '../../src/game/learning.js';
import { replyId } from '../../src/game/learning.js';
import { SessionController } from '../../src/game/sessionController.js';
import { findApi, LmsClient, MAX_PARENTS, type Scorm12Api } from '../../src/platform/lms/api.js';
import { CORRECT_FROM, IDENTIFIER, refusal, resultOf, timeOfDay, timespan } from '../../src/platform/lms/cmi12.js';
import { objectivesOf, replayPicks } from '../../src/platform/lms/objectives.js';
import { ScormRecord, type Write } from '../../src/platform/lms/record.js';
import { readLms, reportToLms } from '../../src/platform/lms/scorm12.js';
import { decodeSuspend, encodeSuspend } from '../../src/platform/lms/suspend.js';
import { playOf } from './helpers.js';

const FILE = 'scenarios/library/broadband-outage.yaml';

// Its types declare a default export; its ES module exports the class by name.
const { Scorm12API } = scormAgain as unknown as { Scorm12API: new (settings: object) => Scorm12Api & { loadFromJSON(json: object, el: string): void; renderCMIToJSONObject(): Record<string, unknown> } };

/** A fresh scorm-again SCORM 1.2 runtime (the LMS side), optionally holding an earlier launch's data. */
function lmsRuntime(saved?: object): Scorm12Api & { renderCMIToJSONObject(): Record<string, unknown> } {
  const api = new Scorm12API({ logLevel: 5, autocommit: false });
  if (saved) {
    api.loadFromJSON(saved as never, '');
    (api as unknown as { cmi: { core: { entry: string } } }).cmi.core.entry = 'resume';
  }
  return api as never;
}

/** The learning events of a play, as PlayScene emits them (game/learning.ts). */
function events(play: Play, seed: number, picks: readonly RoutePick[]): { started: LearningStarted; answered: LearningAnswered[]; finished?: LearningFinished } {
  const c = new SessionController(play.scenario, play.catalog, seed);
  const answered: LearningAnswered[] = [];
  let finished: LearningFinished | undefined;
  for (const p of picks) {
    if (p === 't') (c as unknown as { actor: { send(e: object): void } }).actor.send({ type: 'trainee.timeout' });
    else c.choose(p - 1);
    const last = c.lastTurn()!;
    const node = play.scenario.nodes[last.turn.node]!;
    const reply = last.turn.choice < 0 ? node.onTimeout! : node.choices[last.turn.choice]!;
    const all = c.state.turns.map((t) => t.choice);
    answered.push({
      scenario: play.scenario.id,
      seed,
      turn: c.state.turns.length,
      node: node.id,
      choice: last.turn.choice,
      reply: replyId(node.choices[last.turn.choice]),
      offered: last.turn.offered.map((i) => replyId(node.choices[i])),
      score: last.score,
      honoured: last.honoured,
      broken: last.broken,
      principle: reply.principles[0]?.id ?? null,
      feedback: reply.feedback,
      latencyMs: 4321,
      picks: all,
    });
    if (c.ended) finished = { scenario: play.scenario.id, seed, debrief: c.debrief(), picks: all };
  }
  c.stop();
  return { started: { scenario: play.scenario.id, title: play.scenario.title, seed, picks: [] }, answered, ...(finished ? { finished } : {}) };
}

/** A value as the runtime keeps it (also write-only ones: cmi.core.exit, session_time, interactions). */
function written(api: Scorm12Api, el: string): string {
  let v: unknown = (api as unknown as { renderCMIToJSONObject(): unknown }).renderCMIToJSONObject();
  for (const k of el.split('.')) v = (v as Record<string, unknown> | undefined)?.[k];
  return v === undefined || v === null ? '' : String(v);
}

/** Play a route through the recorder into the runtime; every write must be accepted by it. */
function run(api: Scorm12Api, play: Play, seed: number, picks: readonly RoutePick[], pass = 65) {
  const lms = new LmsClient(api, (m) => {
    throw new Error(m);
  });
  expect(lms.initialize()).toBe(true);
  const state = readLms(lms);
  const record = new ScormRecord(play, state, { pass, locale: () => 'en' });
  const send = (w: Write[]) => {
    for (const [el, v] of w) expect(lms.set(el, v), `${el} = ${v}`).toBe(true);
    lms.commit();
  };
  const ev = events(play, seed, picks);
  send(record.launch(state.status));
  send(record.started(ev.started));
  ev.answered.forEach((a, i) => send(record.answered(a, new Date(2026, 0, 5, 9, 30, i))));
  if (ev.finished) send(record.finished(ev.finished));
  send(record.end(65_432));
  return { ev, lms, get: (el: string) => api.LMSGetValue(el), written: (el: string) => written(api, el) };
}

describe('SCORM 1.2 values', () => {
  it('formats CMITimespan and CMITime, and maps turn scores to results at the stated thresholds', () => {
    expect(timespan(0)).toBe('00:00:00.00');
    expect(timespan(4321)).toBe('00:00:04.32');
    expect(timespan(3_723_456)).toBe('01:02:03.46');
    expect(timespan(40_000 * 3_600_000)).toBe('9999:59:59.99');
    expect(timeOfDay(new Date(2026, 0, 5, 9, 3, 7))).toBe('09:03:07');
    expect([100, CORRECT_FROM, CORRECT_FROM - 1, 0, -1, -100].map(resultOf)).toEqual(['correct', 'correct', 'neutral', 'neutral', 'wrong', 'wrong']);
  });

  it('refuses what SCORM 1.2 does not allow, though scorm-again takes it', () => {
    const api = lmsRuntime();
    api.LMSInitialize('');
    // scorm-again is lenient: a space in an id, 5,000 characters of suspend data.
    expect(api.LMSSetValue('cmi.interactions.0.id', 'has space')).toBe('true');
    expect(api.LMSSetValue('cmi.suspend_data', 'x'.repeat(5000))).toBe('true');
    expect(refusal('cmi.interactions.0.id', 'has space')).toMatch(/not a SCORM 1.2 identifier/);
    expect(refusal('cmi.objectives.3.id', 'a.b')).toMatch(/identifier/);
    expect(refusal('cmi.interactions.2.objectives.0.id', 'x'.repeat(256))).toMatch(/identifier/);
    expect(refusal('cmi.interactions.2.id', 'x'.repeat(255))).toBeNull();
    expect(refusal('cmi.suspend_data', 'x'.repeat(4097))).toMatch(/4096/);
    expect(refusal('cmi.suspend_data', 'x'.repeat(4096))).toBeNull();
    expect(refusal('cmi.comments', 'x'.repeat(4097))).toMatch(/4096/);
    expect(refusal('cmi.interactions.0.student_response', 'x'.repeat(256))).toMatch(/255/);
    expect(refusal('cmi.core.score.raw', '101')).toMatch(/0 to 100/);
    expect(refusal('cmi.core.session_time', 'PT5M')).toMatch(/CMITimespan/);
    // Our client never sends them, and says so once per kind.
    const told: string[] = [];
    const lms = new LmsClient(api, (m) => told.push(m));
    expect(lms.set('cmi.suspend_data', 'y'.repeat(4097))).toBe(false);
    expect(lms.set('cmi.suspend_data', 'y'.repeat(5000))).toBe(false);
    expect(lms.set('cmi.interactions.1.id', 'a b')).toBe(false);
    expect(api.LMSGetValue('cmi.suspend_data')).toBe('x'.repeat(5000));
    expect(told).toHaveLength(2);
    expect(told[0]).toMatch(/not sent cmi\.suspend_data: 4097 characters, over the SCORM 1\.2 limit of 4096/);
  });

  it('keeps suspend data to 4,096 characters and reads back only its own', () => {
    const s = { scenario: 'broadband-outage', seed: 48213, picks: [1, 2, -1, 0], coaching: true, done: false };
    const text = encodeSuspend(s)!;
    expect(text).toBe('dojo1;broadband-outage;48213;1,2,-1,0;c');
    expect(decodeSuspend(text)).toEqual(s);
    expect(encodeSuspend({ ...s, picks: Array(2100).fill(1) })).toBeNull();
    expect(encodeSuspend({ ...s, picks: Array(2000).fill(1) })!.length).toBeLessThanOrEqual(4096);
    for (const bad of ['', 'bookmark=3', 'dojo1;X;1;;', 'dojo1;a;1;1,,2;', 'dojo1;a;1;-2;', 'dojo2;a;1;1;', 'x'.repeat(5000)]) expect(decodeSuspend(bad), bad).toBeNull();
  });

  it('finds the API in a parent up to 7 levels up, then in the opener, and not across origins', () => {
    const api = lmsRuntime();
    type W = { API?: unknown; parent: W | null; opener?: W | null };
    const chain = (depth: number, top: W): W => {
      let w = top;
      for (let i = 0; i < depth; i++) {
        const child: W = { parent: w };
        w = child;
      }
      return w;
    };
    const top: W = { API: api, parent: null };
    top.parent = top;
    expect(findApi(chain(MAX_PARENTS, top))).toBe(api);
    expect(findApi(chain(MAX_PARENTS + 1, top))).toBeNull();
    const lone: W = { parent: null };
    lone.parent = lone;
    expect(findApi({ parent: lone, opener: chain(2, top) })).toBe(api);
    const foreign = { get API(): unknown { throw new Error('cross-origin'); }, parent: null } as unknown as W;
    expect(findApi({ parent: foreign })).toBeNull();
  });
});

describe('a play reported to scorm-again', () => {
  const play = playOf(FILE);
  const paths = findPaths(play, startSession(play, 1));

  it('best path: score, passed, one interaction per decision, objectives per principle, feedback, suspend data', () => {
    const best = paths.best!.picks;
    const api = lmsRuntime();
    const { ev, get, written } = run(api, play, 1, best);
    const d = ev.finished!.debrief;
    expect(d.overall).toBeGreaterThanOrEqual(65);
    expect(get('cmi.core.score.raw')).toBe(String(d.overall));
    expect([get('cmi.core.score.min'), get('cmi.core.score.max')]).toEqual(['0', '100']);
    expect(get('cmi.core.lesson_status')).toBe('passed');
    expect(written('cmi.core.exit')).toBe('');
    expect(written('cmi.core.session_time')).toBe('00:01:05.43');
    expect(Number(get('cmi.interactions._count'))).toBe(best.length);
    const cmi = api.renderCMIToJSONObject() as { cmi: { interactions: Record<string, { id: string; type: string; student_response: string; result: string; latency: string; objectives: Record<string, { id: string }>; correct_responses: Record<string, { pattern: string }> }>; objectives: Record<string, { id: string; status: string; score: { raw: string } }>; comments: string; suspend_data: string } };
    const interactions = Object.values(cmi.cmi.interactions);
    interactions.forEach((x, i) => {
      const a = ev.answered[i]!;
      expect(x).toMatchObject({ id: `broadband-outage_${a.node}`, type: 'choice', student_response: a.reply, result: resultOf(a.score), latency: '00:00:04.32' });
      expect(x.id).toMatch(IDENTIFIER);
      if (a.principle) expect(x.objectives['0']!.id).toBe(a.principle);
    });
    // On the best path every reply is the best on offer.
    expect(interactions.every((x) => x.result === 'correct' && x.correct_responses['0']!.pattern === x.student_response)).toBe(true);
    const objectives = Object.values(cmi.cmi.objectives);
    const expected = objectivesOf(play, replayPicks(play, 1, ev.finished!.picks)!);
    expect(objectives.map((o) => o.id).sort()).toEqual(expected.map((o) => o.id).sort());
    expect(objectives.length).toBeGreaterThanOrEqual(5);
    for (const o of objectives) {
      const e = expected.find((x) => x.id === o.id)!;
      expect(o).toMatchObject({ status: e.status, score: { raw: String(e.score) } });
    }
    for (const p of d.principles.filter((x) => x.polarity === 'practice')) expect(objectives.find((o) => o.id === p.id)?.status, p.id).toBe('passed');
    expect(cmi.cmi.comments.split('\n')).toHaveLength(best.length);
    expect(cmi.cmi.comments).toContain(`1. open → ${ev.answered[0]!.reply} (`);
    expect(cmi.cmi.comments).toContain(ev.answered[0]!.feedback.en!.slice(0, 30));
    expect(decodeSuspend(cmi.cmi.suspend_data)).toMatchObject({ scenario: 'broadband-outage', seed: 1, done: true, picks: ev.finished!.picks });
  });

  it('worst path: failed, wrong answers, failed objectives for what was broken', () => {
    const worst = paths.worst!.picks;
    const api = lmsRuntime();
    const { ev, get, written } = run(api, play, 1, worst);
    expect(ev.finished!.debrief.overall).toBeLessThan(65);
    expect(get('cmi.core.score.raw')).toBe(String(ev.finished!.debrief.overall));
    expect(get('cmi.core.lesson_status')).toBe('failed');
    const results = ev.answered.map((_, i) => written(`cmi.interactions.${i}.result`));
    expect(results).toContain('wrong');
    const statuses = new Map<string, string>();
    for (let i = 0, n = Number(get('cmi.objectives._count')); i < n; i++) statuses.set(get(`cmi.objectives.${i}.id`), get(`cmi.objectives.${i}.status`));
    for (const id of new Set(ev.answered.flatMap((a) => a.broken))) expect(statuses.get(id), id).toBe('failed');
  });

  it('stops in the middle (incomplete, suspend), then resumes from the suspend data and finishes', () => {
    const best = paths.best!.picks;
    const first = lmsRuntime();
    const part = run(first, play, 7, best.slice(0, 3));
    expect(part.get('cmi.core.lesson_status')).toBe('incomplete');
    expect(part.written('cmi.core.exit')).toBe('suspend');
    expect(part.get('cmi.core.score.raw')).toBe('');
    const kept = first.renderCMIToJSONObject();

    // Next launch: the LMS hands back the data; the game is rebuilt from seed and picks.
    const second = lmsRuntime((kept as { cmi: object }).cmi);
    const lms = new LmsClient(second);
    expect(lms.initialize()).toBe(true);
    const state = readLms(lms);
    expect(state.entry).toBe('resume');
    expect(state.interactions).toBe(3);
    expect(state.suspend).toMatchObject({ scenario: 'broadband-outage', seed: 7, coaching: true, done: false, picks: part.ev.answered[2]!.picks });
    const resumed = SessionController.replay(play.scenario, play.catalog, state.suspend!.seed, state.suspend!.picks)!;
    expect(resumed.state.turns.length).toBe(3);
    const whole = events(play, 7, best);
    expect(resumed.state.node).toBe(whole.answered[3]!.node);

    // The rest of the play, through the runtime adapter and an event emitter as the game has.
    const handlers = new Map<string, ((e: never) => void)[]>();
    const emitter = { on: (n: string, f: (e: never) => void) => handlers.set(n, [...(handlers.get(n) ?? []), f]) };
    const emit = (n: string, e: unknown) => handlers.get(n)?.forEach((f) => f(e as never));
    let t = 1_000;
    const session = reportToLms({ lms, state, events: emitter, play, pass: 65, locale: () => 'zh-CN', now: () => (t += 1000) });
    emit('learning.started', { ...whole.started, picks: state.suspend!.picks });
    for (const a of whole.answered.slice(3)) emit('learning.answered', a);
    emit('learning.finished', whole.finished);
    session.end();
    expect(second.LMSGetValue('cmi.interactions._count')).toBe(String(best.length));
    expect(written(second, 'cmi.interactions.3.id')).toBe(`broadband-outage_${whole.answered[3]!.node}`);
    expect(second.LMSGetValue('cmi.core.lesson_status')).toBe('passed');
    expect(second.LMSGetValue('cmi.core.score.raw')).toBe(String(whole.finished!.debrief.overall));
    expect(written(second, 'cmi.core.session_time')).toMatch(/^00:00:\d\d/);
    // The objectives written in the first launch are updated in place, not added again.
    const ids = Array.from({ length: Number(second.LMSGetValue('cmi.objectives._count')) }, (_, i) => second.LMSGetValue(`cmi.objectives.${i}.id`));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('a second play in the same attempt never takes a pass away', () => {
    const api = lmsRuntime();
    const r = run(api, play, 1, paths.best!.picks);
    const passed = r.get('cmi.core.score.raw');
    const lms = new LmsClient(api);
    const record = new ScormRecord(play, readLms(lms), { pass: 65, locale: () => 'en' });
    const worse = events(play, 2, paths.worst!.picks);
    for (const a of worse.answered) for (const [el, v] of record.answered(a, new Date())) lms.set(el, v);
    for (const [el, v] of record.finished(worse.finished!)) lms.set(el, v);
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('passed');
    expect(api.LMSGetValue('cmi.core.score.raw')).toBe(passed);
    expect(Number(api.LMSGetValue('cmi.interactions._count'))).toBe(paths.best!.picks.length + worse.answered.length);
  });

  it('keeps cmi.comments within 4,096 characters, saying once that it is full', () => {
    const warned: string[] = [];
    const record = new ScormRecord(play, { status: 'incomplete', score: '', interactions: 0, objectives: [], comments: 'x'.repeat(4000) }, { pass: 65, locale: () => 'en', warn: (m) => warned.push(m) });
    const ev = events(play, 1, paths.best!.picks);
    const writes = ev.answered.flatMap((a) => record.answered(a, new Date()));
    expect(writes.filter(([el]) => el === 'cmi.comments')).toEqual([]);
    expect(warned).toEqual([expect.stringMatching(/cmi\.comments is full/)]);
  });
});
