/** The trainer's controls as pure rules: settings, the vote's clock, "everyone voted", the leaderboard. */
import { describe, expect, test } from 'vitest';
import { addTime, DEFAULT_SETTINGS, everyoneVoted, EXTRA_TIME_MS, isPaused, MAX_LEFT_MS, pauseClock, resumeClock, settingsOf, timeLeft, timeUp } from '../../src/engine/classroom/controls.js';
import { classStandings, stagePoints, standings, type StageResult } from '../../src/engine/classroom/leaderboard.js';
import type { BoardRow } from '../../src/engine/classroom/board.js';
import { rankPlaces } from '../../src/engine/classroom/places.js';

describe('settings', () => {
  test('closing the vote when everyone has voted is on by default; the rest off; stored partial settings are filled in', () => {
    expect(DEFAULT_SETTINGS).toEqual({ locked: false, approval: false, autoClose: true, showLive: false, ownWords: false });
    expect(settingsOf(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(settingsOf({ locked: true })).toEqual({ ...DEFAULT_SETTINGS, locked: true });
  });
});

describe("the vote's clock", () => {
  const open = { deadline: 40_000, turn: 3 };
  test('pause freezes the time left; resume starts from it; both refuse to repeat', () => {
    const paused = pauseClock(open, 10_000)!;
    expect(isPaused(paused)).toBe(true);
    expect(timeLeft(paused, 10_000)).toBe(30_000);
    expect(timeLeft(paused, 500_000)).toBe(30_000);
    expect(timeUp(paused, 500_000)).toBe(false);
    expect(pauseClock(paused, 11_000)).toBeUndefined();
    const resumed = resumeClock(paused, 100_000)!;
    expect(resumed).toEqual({ deadline: 130_000, turn: 3 });
    expect(resumeClock(resumed, 100_000)).toBeUndefined();
    expect(timeUp(resumed, 129_999)).toBe(false);
    expect(timeUp(resumed, 130_000)).toBe(true);
  });

  test('+30 s adds to a running or a paused clock, also after the time ran out, and never past the cap', () => {
    expect(addTime(open, EXTRA_TIME_MS, 10_000).deadline).toBe(70_000);
    expect(timeLeft(addTime(pauseClock(open, 10_000)!, EXTRA_TIME_MS, 99_000), 200_000)).toBe(60_000);
    expect(addTime(open, EXTRA_TIME_MS, 50_000).deadline).toBe(80_000);
    expect(timeLeft(addTime({ deadline: 0 }, 10 * MAX_LEFT_MS, 0), 0)).toBe(MAX_LEFT_MS);
  });
});

describe('everyone voted', () => {
  const voted = new Set(['a', 'b']);
  test('all connected trainees have a vote; nobody connected is not "everyone"', () => {
    expect(everyoneVoted(['a', 'b'], (p) => voted.has(p))).toBe(true);
    expect(everyoneVoted(['a', 'b', 'c'], (p) => voted.has(p))).toBe(false);
    expect(everyoneVoted([], (p) => voted.has(p))).toBe(false);
  });
});

describe('leaderboard', () => {
  const row = (id: string, o: Partial<BoardRow>): BoardRow => ({ id, name: id, turns: 1, node: 'n', mood: 50, running: null, standing: 0, done: false, ...o });
  test("a stage's points: where the trainee stands on the overall's scale (the overall when finished, else the overall so far)", () => {
    expect(stagePoints([row('a', { done: true, overall: 80, running: 70, standing: 80 }), row('b', { running: 55, standing: 44 }), row('c', {})])).toEqual({ a: 80, b: 44, c: 0 });
  });

  test('totals over the stages, highest first, equal totals share a rank, absent stages count 0', () => {
    const stages: StageResult[] = [
      { scenario: 's1', mode: 'solo', points: { a: 80, b: 60 } },
      { scenario: 's2', mode: 'solo', points: { a: 40, b: 60, c: 90 } },
    ];
    const names = new Map([['a', 'Ann'], ['b', 'Bo'], ['c', 'Cy']]);
    const s = standings(stages, names);
    expect(s.map((r) => [r.name, r.total, r.rank])).toEqual([['Ann', 120, 1], ['Bo', 120, 1], ['Cy', 90, 3]]);
    expect(s.find((r) => r.name === 'Cy')!.stages).toEqual([null, 90]);
  });

  test("class vote: the class's score per scenario; an unfinished one is shown as none and counts 0", () => {
    expect(classStandings([{ scenario: 's1', mode: 'vote', classScore: 72 }, { scenario: 's2', mode: 'vote', classScore: null }])).toEqual({ stages: [72, null], total: 72 });
  });
});

describe('places in the ranking', () => {
  test('the same standing shares a place (finished with finished, playing with playing); the next place counts them all', () => {
    const r = (standing: number, done = true) => ({ standing, done });
    expect(rankPlaces([r(80), r(70), r(70), r(70), r(50)])).toEqual([1, 2, 2, 2, 5]);
    // Four who finished escalated at 0 (the play-test's class): one place, not 2, 3, 4, 5.
    expect(rankPlaces([r(60), r(0), r(0), r(0), r(0)])).toEqual([1, 2, 2, 2, 2]);
    // Level, but one finished and one still playing: not the same place.
    expect(rankPlaces([r(40), r(40, false)])).toEqual([1, 2]);
    expect(rankPlaces([])).toEqual([]);
  });
});
