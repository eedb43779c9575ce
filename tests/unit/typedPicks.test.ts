/**
 * Replies typed in the trainee's own words, kept for a learning platform (engine/session/picks.ts):
 * as the reply read as and the principles found, never the text. Replayed from the seed, a play
 * with typed turns reaches the same state and the same scores; SCORM's suspend data holds them and
 * reads them back (damaged ones refused); a typed turn is a fill-in interaction with what was written;
 * the xAPI report takes them and marks the statement typed.
 */
import * as scormAgain from 'scorm-again/scorm12';
import { describe, expect, it } from 'vitest';
import { debrief } from '../../src/engine/scoring/debrief.js';
import { picksOf, replayPicks, samePick, type TurnPick } from '../../src/engine/session/picks.js';
import { offeredChoices, type Play } from '../../src/engine/session/session.js';
import { replyId, type LearningAnswered } from '../../src/game/learning.js';
import { SessionController } from '../../src/game/sessionController.js';
import { LmsClient, type Scorm12Api } from '../../src/platform/lms/api.js';
import { objectivesOf } from '../../src/platform/lms/objectives.js';
import { ScormRecord, type Write } from '../../src/platform/lms/record.js';
import { readLms } from '../../src/platform/lms/scorm12.js';
import { decodeSuspend, encodeSuspend } from '../../src/platform/lms/suspend.js';
import { EXT, playStatements } from '../../src/server/xapiStatements.js';
import { playOf } from './helpers.js';

const { Scorm12API } = scormAgain as unknown as { Scorm12API: new (settings: object) => Scorm12Api & { renderCMIToJSONObject(): Record<string, unknown> } };
const play: Play = playOf('scenarios/library/broadband-outage.yaml');
const TYPED = 'I hear you, that is awful. But honestly, you should have read the notice we sent last week before calling.';

/**
 * A play with typed turns, through the game's session controller: turn 1 typed and read as the second
 * reply on offer (the feelings first), but with a broken principle the authored reply does not have;
 * turn 2 picked; turn 3 typed word for word as a reply on offer; then the first reply on offer to the end.
 */
function typedPlay(seed = 5): SessionController {
  const c = new SessionController(play.scenario, play.catalog, seed);
  const first = c.offered()[1]!;
  c.say({
    text: TYPED,
    principles: [
      { id: 'understand-feelings', confidence: 0.9, evidence: [0, 10] },
      { id: 'lecture-customer', confidence: 0.9, evidence: [46, 104] },
    ],
    closest: { node: c.state.node, reply: first.index, similarity: 0.7 },
  });
  c.choose(0);
  const verbatim = c.offered()[0]!;
  c.say({ text: verbatim.text.en!, principles: [], closest: { node: c.state.node, reply: verbatim.index, similarity: 1 } });
  for (let n = 0; !c.ended && n < 40; n++) c.choose(0);
  return c;
}

describe('typed turns kept as picks', () => {
  it('a play with typed turns replays from its picks to the same state and scores; a word-for-word one is a plain pick', () => {
    const c = typedPlay();
    const turns = c.state.turns;
    expect(turns[0]!.said?.verbatim).toBeUndefined();
    expect(turns[2]!.said?.verbatim).toBe(true);
    const picks = picksOf(turns);
    expect(picks[0]).toEqual({ reply: turns[0]!.choice, said: ['understand-feelings', 'lecture-customer'], sim: 0.7 });
    expect(picks[1]).toBe(turns[1]!.choice);
    expect(picks[2], 'typed word for word: that reply').toBe(turns[2]!.choice);
    const again = replayPicks(play, c.state.seed, picks)!;
    expect(again).not.toBeNull();
    expect(again.ending).toBe(c.state.ending);
    expect(again.turns.map((t) => [t.node, t.choice, t.after])).toEqual(turns.map((t) => [t.node, t.choice, t.after]));
    const [was, now] = [debrief(play, c.state), debrief(play, again)];
    expect(now.overall).toBe(was.overall);
    expect(now.turns.map((t) => t.score)).toEqual(was.turns.map((t) => t.score));
    expect(now.principles).toEqual(was.principles);
    // Scored on what was written: the broken principle counts, unlike the authored reply read as.
    expect(was.turns[0]!.broken).toContain('lecture-customer');
    // As a picked play it would score otherwise: the typed turn matters.
    const asPicks = replayPicks(play, c.state.seed, turns.map((t) => t.choice))!;
    expect(debrief(play, asPicks).turns[0]!.score).not.toBe(was.turns[0]!.score);
    expect(objectivesOf(play, again)).toEqual(objectivesOf(play, c.state));
    // The game's own replay (SCORM resume) gets there too, with the words gone.
    const resumed = SessionController.replay(play.scenario, play.catalog, c.state.seed, picks)!;
    expect(resumed.debrief().overall).toBe(was.overall);
    expect(resumed.state.turns[0]!.said?.text).toBe('');
    c.stop();
    resumed.stop();
  });

  it('picks that do not fit are refused: a reply not on offer, an unknown principle', () => {
    const c = typedPlay();
    const picks = picksOf(c.state.turns);
    const first = picks[0] as { reply: number; said: string[] };
    const notOffered = play.scenario.nodes[c.state.turns[0]!.node]!.choices.map((_, i) => i).find((i) => !c.state.turns[0]!.offered.includes(i));
    if (notOffered !== undefined) expect(replayPicks(play, c.state.seed, [{ ...first, reply: notOffered }])).toBeNull();
    expect(replayPicks(play, c.state.seed, [{ ...first, reply: 99 }])).toBeNull();
    expect(replayPicks(play, c.state.seed, [{ ...first, said: ['no-such-principle'] }])).toBeNull();
    expect(SessionController.replay(play.scenario, play.catalog, c.state.seed, [{ ...first, said: ['no-such-principle'] }])).toBeNull();
    expect(samePick(first, { ...first, said: [...first.said] })).toBe(true);
    expect(samePick(first, { reply: first.reply, said: first.said.slice(1) })).toBe(false);
    expect(samePick(first, first.reply)).toBe(false);
    c.stop();
  });
});

describe('SCORM 1.2 with typed turns', () => {
  it('suspend data holds typed turns and reads them back; damaged ones are refused', () => {
    const picks: TurnPick[] = [1, { reply: 3, said: ['understand-feelings', 'own-the-problem'] }, -1, { reply: 0, said: [] }];
    const s = { scenario: 'broadband-outage', seed: 48213, picks, coaching: false, done: true };
    const text = encodeSuspend(s)!;
    expect(text).toBe('dojo1;broadband-outage;48213;1,3:understand-feelings+own-the-problem,-1,0:;d');
    expect(decodeSuspend(text)).toEqual(s);
    for (const bad of ['1:Bad', '1:a++b', '1:+a', 'a:b', '1:a:b', '-1:a', '1:a,', '1;a']) expect(decodeSuspend(`dojo1;a;1;${bad};`), bad).toBeNull();
    expect(encodeSuspend({ ...s, picks: [{ reply: 1, said: ['Not An Id'] }] })).toBeNull();
  });

  it('a typed turn is a fill-in interaction holding what was written; the suspend data resumes the play with its scores', () => {
    const c = typedPlay(9);
    const api = new Scorm12API({ logLevel: 5, autocommit: false });
    const lms = new LmsClient(api, (m) => {
      throw new Error(m);
    });
    expect(lms.initialize()).toBe(true);
    const record = new ScormRecord(play, readLms(lms), { pass: 65, locale: () => 'en' });
    const send = (w: Write[]) => {
      for (const [el, v] of w) expect(lms.set(el, v), `${el} = ${v}`).toBe(true);
      lms.commit();
    };
    const scored = debrief(play, c.state);
    const long = `${TYPED} ${'and so on '.repeat(40)}`;
    c.state.turns.forEach((t, i) => {
      const node = play.scenario.nodes[t.node]!;
      const typed = t.said && !t.said.verbatim ? (i === 0 ? long : t.said.text) : undefined;
      const a: LearningAnswered = {
        scenario: play.scenario.id,
        seed: c.state.seed,
        turn: i + 1,
        node: t.node,
        choice: t.choice,
        reply: replyId(node.choices[t.choice]),
        offered: t.offered.map((k) => replyId(node.choices[k])),
        score: scored.turns[i]!.score,
        honoured: scored.turns[i]!.honoured,
        broken: scored.turns[i]!.broken,
        principle: node.choices[t.choice]!.principles[0]?.id ?? null,
        feedback: node.choices[t.choice]!.feedback,
        latencyMs: 3000,
        picks: picksOf(c.state.turns.slice(0, i + 1)),
        ...(typed !== undefined ? { typed } : {}),
      };
      send(record.answered(a, new Date(2026, 0, 5, 9, 30, i)));
    });
    const cmi = (api.renderCMIToJSONObject() as { cmi: { interactions: Record<string, { type: string; student_response: string; correct_responses: Record<string, { pattern: string }> }>; suspend_data: string } }).cmi;
    const first = cmi.interactions['0']!;
    expect(first.type).toBe('fill-in');
    expect(first.student_response.length).toBeLessThanOrEqual(255);
    expect(first.student_response.startsWith(TYPED)).toBe(true);
    expect(first.student_response.endsWith('…')).toBe(true);
    expect(Object.keys(first.correct_responses ?? {})).toHaveLength(0);
    expect(cmi.interactions['1']!.type).toBe('choice');
    expect(cmi.interactions['2']!.type, 'word for word: a pick').toBe('choice');
    const kept = decodeSuspend(cmi.suspend_data)!;
    expect(kept.picks).toEqual(picksOf(c.state.turns));
    const resumed = SessionController.replay(play.scenario, play.catalog, kept.seed, kept.picks)!;
    expect(resumed.debrief().turns.map((t) => t.score)).toEqual(scored.turns.map((t) => t.score));
    resumed.stop();
    c.stop();
  });
});

describe('xAPI with typed turns', () => {
  it('the statement of a typed turn says so, with the principles found in what was written; success is its score', () => {
    const c = typedPlay(11);
    const state = replayPicks(play, c.state.seed, picksOf(c.state.turns))!;
    const s = playStatements(play, state, { actor: { objectType: 'Agent', account: { homePage: 'http://dojo.test/', name: 'learner-1' } }, registration: 'r1', pass: 65, stamp: () => '2026-01-05T09:00:00.000Z' });
    const answered = s.filter((x) => x.verb.id.endsWith('/answered'));
    const ext = (i: number) => (answered[i]!.result as { extensions: Record<string, unknown> }).extensions;
    expect(ext(0)[EXT.typed]).toBe(true);
    expect(ext(0)[EXT.broken]).toContain('lecture-customer');
    expect(ext(0)[EXT.principle]).toBe('lecture-customer');
    expect(ext(1)[EXT.typed]).toBeUndefined();
    expect(ext(2)[EXT.typed], 'word for word: a pick').toBeUndefined();
    const score = (answered[0]!.result as { score: { raw: number } }).score.raw;
    expect((answered[0]!.result as { success: boolean }).success).toBe(score >= 75);
    expect(offeredChoices(play, state).length).toBe(0);
    c.stop();
  });
});

describe('a typed turn read as less than word for word, with a guess, replays to the same score', () => {
  /** Turn 1 typed, read as the second reply on offer at 0.47 (part credit), with a guess at 0.23; then to the end. */
  function partial(seed = 9): SessionController {
    const c = new SessionController(play.scenario, play.catalog, seed);
    const first = c.offered()[1]!;
    c.say({
      text: 'Right, I hear you.',
      principles: [
        { id: 'show-patience', confidence: 0.8, evidence: [0, 5] },
        { id: 'plead-own-difficulty', confidence: 0.234, evidence: [0, 5], guess: true },
      ],
      closest: { node: c.state.node, reply: first.index, similarity: 0.4712 },
    });
    while (!c.ended) c.choose(0);
    return c;
  }

  it('keeps the similarity and the guess in the pick, the suspend data and the xAPI picks, and replays exactly', () => {
    const c = partial();
    const turn = c.state.turns[0]!;
    expect(turn.said?.similarity, 'kept in hundredths').toBe(0.47);
    const picks = picksOf(c.state.turns);
    expect(picks[0]).toEqual({ reply: turn.choice, said: ['show-patience'], sim: 0.47, guesses: [{ id: 'plead-own-difficulty', confidence: 0.23 }] });
    const text = encodeSuspend({ scenario: play.scenario.id, seed: 9, picks, coaching: false, done: true })!;
    expect(text).toContain(`${turn.choice}:show-patience+plead-own-difficulty~23@47`);
    const back = decodeSuspend(text)!;
    expect(back.picks).toEqual(picks);
    expect(samePick(back.picks[0], picks[0])).toBe(true);
    expect(samePick(back.picks[0], { reply: turn.choice, said: ['show-patience'] })).toBe(false);
    const played = debrief(play, c.state);
    for (const again of [replayPicks(play, 9, back.picks)!, SessionController.replay(play.scenario, play.catalog, 9, back.picks)!.state]) {
      const d = debrief(play, again);
      expect(d.turns.map((t) => t.score)).toEqual(played.turns.map((t) => t.score));
      expect(d.overall).toBe(played.overall);
      expect(again.turns[0]!.said?.tags).toEqual(turn.said?.tags);
    }
    // Read in full (a record without "@"), the turn is credited with its authored practices in full: the similarity matters.
    const { sim: _, ...whole } = picks[0] as { sim?: number };
    const full = replayPicks(play, 9, [whole as TurnPick, ...picks.slice(1)])!;
    expect(full.turns[0]!.said?.tags).not.toEqual(turn.said?.tags);
  });

  it('refuses damaged typed picks', () => {
    for (const bad of ['1:show-patience@', '1:show-patience~', '1:show-patience~123', '1:show-patience@470', '1:show-patience@47@47', '1:~23']) {
      expect(decodeSuspend(`dojo1;broadband-outage;9;${bad};c`), bad).toBeNull();
    }
  });
});
