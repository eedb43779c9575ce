/**
 * My progress (issue 13): saved plays replayed through the engine, tallied principle by
 * principle, and read together into counts, trends, category series and a suggestion.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressReport, replayPath, tallyAttempt, tallyRun, trendOf, MASTERED, type AttemptInput, type AttemptTally, type ProgressLibrary } from '../../src/engine/progress/index.js';
import { loadScenario } from '../../src/engine/scenario/load.js';
import type { Scenario } from '../../src/engine/scenario/model.js';
import { debrief } from '../../src/engine/scoring/debrief.js';
import { choose, startSession, timeOut, type Play, type SessionState } from '../../src/engine/session/session.js';
import { catalog, libraryFiles, loadFile, ROOT } from './helpers.js';

const cat = catalog();
const library = libraryFiles().map((f) => loadFile(f, cat));

/** The best and worst routes of every library scenario, from the golden transcripts (picks as numbered on screen). */
const routes = readdirSync(join(ROOT, 'scenarios/transcripts')).flatMap((dir) =>
  readdirSync(join(ROOT, 'scenarios/transcripts', dir)).map((f) => {
    const g = JSON.parse(readFileSync(join(ROOT, 'scenarios/transcripts', dir, f), 'utf8')) as { choices: string };
    return { scenario: library.find((s) => s.id === dir)!, picks: g.choices.split(',').map((c) => (c === 't' ? 't' : Number(c))) as (number | 't')[] };
  }),
);

function libraryOf(scenarios: Scenario[]): ProgressLibrary {
  return { catalog: cat, all: () => scenarios, find: (id) => scenarios.find((s) => s.id === id) };
}

/** Two identical decisions: 0 the best reply, 1 calm but argues back (grave), 2 lectures (serious); a time-out with no principles on the second. */
function twoDecisions(id = 'two'): Scenario {
  const replies = ['[emotion-first, understand-feelings]', '[stay-calm, argue-back]', '[lecture-customer]'];
  const node = (i: number, next: string, timed: boolean) =>
    `  - id: d${i}\n    line: { zh-CN: "第${i}句", en: "Line ${i}" }\n` +
    (timed ? `    timeLimit: 20\n    onTimeout:\n      principles: []\n      feedback: { zh-CN: 超时, en: Time out }\n      next: ${next}\n` : '') +
    `    choices:\n` +
    replies.map((t, j) => `      - text: { zh-CN: "回答${j}", en: "Reply ${j}" }\n        principles: ${t}\n        feedback: { zh-CN: 反馈, en: Feedback }\n        next: ${next}`).join('\n');
  const text = `id: ${id}
title: { zh-CN: 测试, en: Test }
difficulty: 1
setting: office
brief: { zh-CN: 测试, en: Test }
trains: [emotion-first, argue-back]
customer:
  type: expert
  name: { zh-CN: 客户, en: Customer }
  persona: { zh-CN: 测试, en: Test }
nodes:
${node(0, 'd1', false)}
${node(1, 'done', true)}
endings:
  - id: done
    outcome: resolved
    summary: { zh-CN: 解决, en: Resolved }
  - id: lost
    outcome: escalated
    summary: { zh-CN: 失去, en: Lost }
`;
  const r = loadScenario(`${id}.yaml`, text, cat);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n'));
  return r.scenario;
}

/** Picks as numbered on screen (1-based) or 't'; the state at the end. */
function run(play: Play, picks: (number | 't')[], seed = 1): SessionState {
  let s = startSession(play, seed);
  for (const p of picks) s = p === 't' ? timeOut(play, s) : choose(play, s, p - 1);
  return s;
}

const attempt = (play: Play, picks: (number | 't')[], seed = 7): AttemptInput => {
  const state = run(play, picks, seed);
  const d = debrief(play, state);
  return { scenario: play.scenario.id, overall: d.overall, path: d.path, seed, tally: tallyRun(play, state) };
};

describe('replaying a saved path', () => {
  it('reaches the very same session for the best and worst route of every library scenario', () => {
    expect(routes.length).toBeGreaterThanOrEqual(2 * library.length);
    for (const { scenario, picks } of routes) {
      const play = { scenario, catalog: cat };
      const played = run(play, picks, 42);
      const path = debrief(play, played).path;
      const again = replayPath(play, 42, path);
      expect(again, `${scenario.id} ${picks.join(',')}`).not.toBeNull();
      expect(again!.turns).toEqual(played.turns);
      expect(again!.ending).toBe(played.ending);
    }
  });

  it('gives null, never a throw, for a path that no longer fits', () => {
    const play = { scenario: twoDecisions(), catalog: cat };
    expect(replayPath(play, 1, [0, 0])).not.toBeNull();
    expect(replayPath(play, 1, [0, -1])?.ending).toBe('done');
    expect(replayPath(play, 1, [-1, 0]), 'time-out where nothing is timed').toBeNull();
    expect(replayPath(play, 1, [0]), 'not over at the end').toBeNull();
    expect(replayPath(play, 1, [0, 0, 0]), 'over too soon').toBeNull();
    expect(replayPath(play, 1, [5, 0]), 'no such reply').toBeNull();
    expect(replayPath(play, 1, [0.5, 0]), 'not an index').toBeNull();
    expect(replayPath(play, 1, []), 'nothing played').toBeNull();
  });
});

describe('tallying one play', () => {
  const play = { scenario: twoDecisions(), catalog: cat };

  it('counts practices carried out and missed, violations committed (with severity) and avoided', () => {
    // Turn 1: calm but argues back; turn 2: the best reply.
    const t = tallyRun(play, run(play, [2, 1]));
    expect(t.principles).toEqual({
      'stay-calm': { honoured: 1, broken: 0 },
      'argue-back': { honoured: 1, broken: 1, severity: 'grave' },
      // The best reply on offer at turn 1 carried these out; the reply taken did not.
      'emotion-first': { honoured: 1, broken: 1 },
      'understand-feelings': { honoured: 1, broken: 1 },
      // On offer at both turns, never taken.
      'lecture-customer': { honoured: 2, broken: 0 },
    });
    expect(Object.keys(t.categories).sort()).toEqual(['emotion']);
  });

  it('a run of best replies breaks nothing; letting the time run out misses what the best reply did', () => {
    const best = tallyRun(play, run(play, [1, 1]));
    expect(Object.values(best.principles).every((c) => c.broken === 0)).toBe(true);
    expect(best.categories.emotion).toBe(100);
    const late = tallyRun(play, run(play, [1, 't']));
    expect(late.principles['emotion-first']).toEqual({ honoured: 1, broken: 1 });
    expect(late.principles['argue-back']).toEqual({ honoured: 2, broken: 0 });
  });

  it('agrees with the debrief on what a library play practised', () => {
    for (const { scenario, picks } of routes) {
      const p = { scenario, catalog: cat };
      const state = run(p, picks);
      const d = debrief(p, state);
      const t = tallyRun(p, state);
      for (const pt of d.principles) {
        const c = t.principles[pt.id]!;
        if (pt.polarity === 'practice') expect(c.honoured, `${scenario.id} ${pt.id}`).toBe(pt.turns.length);
        else expect([c.broken, c.severity], `${scenario.id} ${pt.id}`).toEqual([pt.turns.length, cat.get(pt.id)!.severity?.level ?? 'serious']);
      }
      for (const [c, v] of Object.entries(d.categories)) expect(t.categories[c as keyof typeof t.categories]).toBe(v ?? undefined);
    }
  });

  it('a saved play whose scenario is gone or was edited is not tallied', () => {
    const lib = libraryOf([play.scenario]);
    const good = { scenario: 'two', path: [1, 0], seed: 3 };
    expect(tallyAttempt(lib, good)).toEqual(tallyRun(play, run(play, [2, 1])));
    expect(tallyAttempt(lib, { ...good, scenario: 'gone' })).toBeNull();
    const edited = structuredClone(play.scenario);
    edited.nodes.d0!.choices.splice(1, 2);
    expect(tallyAttempt(libraryOf([edited]), good)).toBeNull();
  });
});

describe('trends', () => {
  const share = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  it('compares the recent half with what came before', () => {
    expect(trendOf([0.2], share, 0.15)).toBeNull();
    expect(trendOf([0, 1], share, 0.15)).toBe('up');
    expect(trendOf([1, 1, 0], share, 0.15)).toBe('down');
    expect(trendOf([0.5, 0.55, 0.5, 0.6], share, 0.15)).toBe('steady');
    // Only the latest five count as recent: an old slump followed by ten good plays is "up" against the slump.
    expect(trendOf([...Array(10).fill(0), ...Array(10).fill(1)], share, 0.15)).toBe('up');
    // Against the start, not against everything before: the same score first and last is no trend,
    // however low the plays between (the chart would show a flat start and end beside an arrow up).
    expect(trendOf([0.8, 0.2, 0.8], share, 0.15)).toBe('steady');
    expect(trendOf([1, 0, 0, 1], share, 0.15)).toBe('steady');
  });
});

describe('the progress report', () => {
  const two = twoDecisions('two');
  const other = twoDecisions('other');
  const lib = libraryOf([two, other]);
  const play = { scenario: two, catalog: cat };

  it('says nothing of principles with no plays, and suggests a first scenario', () => {
    const r = progressReport([], lib);
    expect(r).toMatchObject({ plays: 0, counted: 0, skipped: 0, scenarios: 0, average: null, scores: [], principles: [], weakest: null });
    expect(r.suggestion).toEqual({ scenario: 'two', principle: null, best: null });
    expect(r.categories.every((c) => c.scores.length === 0 && c.mean === null && c.trend === null)).toBe(true);
  });

  it('adds up every play, counts skipped ones apart, and finds the weakest principle', () => {
    const a = [attempt(play, [2, 1]), attempt(play, [3, 2]), attempt(play, [1, 1])];
    const skipped: AttemptInput = { scenario: 'gone', overall: 50, path: [0], seed: 1 };
    const r = progressReport([...a, skipped], lib);
    expect(r).toMatchObject({ plays: 4, counted: 3, skipped: 1, scenarios: 2 });
    expect(r.average).toBe(Math.round((a[0]!.overall + a[1]!.overall + a[2]!.overall + 50) / 4));
    expect(r.scores).toEqual(a.map((x) => x.overall));
    const argue = r.principles.find((p) => p.id === 'argue-back')!;
    // Committed at turn 1 of play 1 and at turn 2 of play 2; avoided at the other four turns.
    expect(argue).toMatchObject({ polarity: 'violation', honoured: 4, broken: 2, severity: { minor: 0, serious: 0, grave: 2 }, plays: 3 });
    const lecture = r.principles.find((p) => p.id === 'lecture-customer')!;
    expect(lecture).toMatchObject({ honoured: 5, broken: 1, severity: { serious: 1 } });
    // Every count is the sum of the plays' tallies.
    for (const p of r.principles) {
      const sum = (k: 'honoured' | 'broken') => a.reduce((s, x) => s + (x.tally!.principles[p.id]?.[k] ?? 0), 0);
      expect([p.honoured, p.broken], p.id).toEqual([sum('honoured'), sum('broken')]);
    }
    // Weakest first: the principles broken most lately come before those never broken.
    expect(r.principles.at(-1)!.broken).toBe(0);
    expect(r.weakest).toBe(r.principles[0]!.id);
    expect(r.principles[0]!.broken).toBeGreaterThan(0);
    const emotion = r.categories.find((c) => c.id === 'emotion')!;
    expect(emotion.scores).toHaveLength(3);
    expect(emotion.scores.at(-1)).toBe(100);
    expect(r.categories.find((c) => c.id === 'tactics')!.scores).toEqual([null, null, null]);
  });

  it('sees a principle improve, and suggests an unplayed scenario that trains the weakest one', () => {
    const good = Array.from({ length: 5 }, () => attempt(play, [1, 1]));
    const a = [attempt(play, [2, 2]), attempt(play, [2, 2]), ...good];
    const r = progressReport(a, lib);
    expect(r.principles.find((p) => p.id === 'argue-back')!.trend).toBe('up');
    expect(r.categories.find((c) => c.id === 'emotion')!.trend).toBe('up');
    // Nothing broken in the latest five plays: nothing is weak now, so a new customer is suggested.
    expect(r.weakest).toBeNull();
    expect(r.suggestion).toEqual({ scenario: 'other', principle: null, best: null });
    const slipping = progressReport([...good, attempt(play, [2, 2])], lib);
    expect(slipping.principles.find((p) => p.id === 'argue-back')!.trend).toBe('down');
    expect(['argue-back', 'emotion-first', 'understand-feelings']).toContain(slipping.weakest);
    // "two" has been played (best 100 = mastered); "other" trains the same principles and is new.
    expect(slipping.suggestion).toMatchObject({ scenario: 'other', best: null });
  });

  it('never suggests a mastered scenario; the lowest best score comes first', () => {
    const a = [attempt(play, [2, 2])];
    const low = progressReport(a, lib, { two: 40, other: 60 });
    expect(low.suggestion).toMatchObject({ scenario: 'two', principle: low.weakest, best: 40 });
    const mastered = progressReport(a, lib, { two: MASTERED, other: 60 });
    expect(mastered.suggestion).toMatchObject({ scenario: 'other', best: 60 });
    expect(progressReport(a, lib, { two: 100, other: 95 }).suggestion).toBeNull();
  });

  it('suggests from the library what trains the weakest principle', () => {
    const lib16 = libraryOf(library);
    const tally: AttemptTally = { principles: { bluff: { honoured: 0, broken: 2, severity: 'grave' }, 'stay-calm': { honoured: 3, broken: 0 } }, categories: { tactics: 0 } };
    const r = progressReport([{ scenario: 'router-engineer', overall: 20, path: [], seed: 1, tally }], lib16);
    expect(r.weakest).toBe('bluff');
    const s = library.find((x) => x.id === r.suggestion!.scenario)!;
    expect(s.trains).toContain('bluff');
    // router-engineer was played (20); the others that train bluffing are not yet played, and come first.
    expect(s.id).not.toBe('router-engineer');
    expect(r.suggestion!.best).toBeNull();
  });

  it('reads a principle renamed since the play as what it now stands for', () => {
    const alias = cat.aliases[0]!;
    const tally: AttemptTally = { principles: { [alias.id]: { honoured: 1, broken: 0 } }, categories: {} };
    const r = progressReport([{ scenario: 'two', overall: 80, path: [], seed: 1, tally }], lib);
    expect(r.principles.map((p) => p.id).sort()).toEqual([...alias.to].sort());
  });
});
