/**
 * The save, version 2: plays carry their principle tally. A version-1 save is brought up to
 * date with every play, setting, import and the game in progress kept; its plays are tallied
 * once the library is there. Corrupt saves are still reset with a notice.
 */
import { describe, expect, it } from 'vitest';
import { progressReport, tallyAttempt, type AttemptTally, type ProgressLibrary } from '../../src/engine/progress/index.js';
import { debrief } from '../../src/engine/scoring/debrief.js';
import { choose, startSession } from '../../src/engine/session/session.js';
import { Progress, readSave, STORAGE_KEY, STORAGE_VERSION, type AttemptRecord, type KeyValue } from '../../src/platform/storage.js';
import { catalog, libraryFiles, loadFile } from './helpers.js';

class Memory implements KeyValue {
  map = new Map<string, string>();
  writes = 0;
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.writes++;
    this.map.set(k, v);
  }
}

const stored = (m: Memory) => JSON.parse(m.getItem(STORAGE_KEY)!) as Record<string, unknown> & { version: number; attempts: AttemptRecord[] };

const cat = catalog();
const scenarios = libraryFiles().map((f) => loadFile(f, cat));
const lib: ProgressLibrary = { catalog: cat, all: () => scenarios, find: (id) => scenarios.find((s) => s.id === id) };

/** A real play of a library scenario (picks as numbered on screen), as the game saved it in version 1. */
function v1Attempt(id: string, picks: number[], seed: number, at: string): AttemptRecord {
  const play = { scenario: lib.find(id)!, catalog: cat };
  let s = startSession(play, seed);
  for (const p of picks) s = choose(play, s, p - 1);
  const d = debrief(play, s);
  return { scenario: id, at, overall: d.overall, grade: d.grade, outcome: d.outcome, path: d.path, seed };
}

const plays = [
  v1Attempt('five-to-closing', [2, 2], 11, '2026-11-20T09:00:00.000Z'),
  v1Attempt('five-to-closing', [3, 2, 2, 3, 2, 3, 1, 2, 2], 12, '2026-11-21T09:00:00.000Z'),
  { scenario: 'a-file-since-removed', at: '2026-11-21T10:00:00.000Z', overall: 61, grade: 'C', outcome: 'resolved', path: [0, 1, 0], seed: 3 },
  v1Attempt('router-engineer', [1, 1], 13, '2026-11-22T09:00:00.000Z'),
];

const V1 = {
  version: 1,
  settings: { locale: 'en', muted: true, volume: 0.4, guided: true },
  best: { 'five-to-closing': 100, 'router-engineer': 0, 'a-file-since-removed': 61 },
  attempts: plays,
  resume: { scenario: 'hotpot-wait', seed: 5, snapshot: { status: 'active', context: { node: 'x' } }, coaching: true },
  imported: [{ name: 'mine.yaml', text: 'id: mine\n', at: '2026-11-19T00:00:00.000Z', id: 'mine' }],
};

describe('saved progress, version 2', () => {
  it('brings a version-1 save up to date, keeping every play, setting, import and the game in progress', () => {
    const m = new Memory();
    m.setItem(STORAGE_KEY, JSON.stringify(V1));
    const loaded = readSave(m);
    expect(loaded).toMatchObject({ reset: false, migratedFrom: 1 });
    const now = { ...V1, version: STORAGE_VERSION, settings: { ...V1.settings, ownWords: false } };
    expect(loaded.save).toEqual(now);
    const p = new Progress(m);
    expect(p.notice).toBeNull();
    // Written back once, as the current version; a second start reads it as it is.
    expect(stored(m).version).toBe(STORAGE_VERSION);
    expect(readSave(m)).toEqual({ save: now, reset: false });
  });

  it('a version-1 save with only some fields gets the defaults for the rest', () => {
    const m = new Memory();
    m.setItem(STORAGE_KEY, JSON.stringify({ version: 1, settings: {}, attempts: [plays[0]] }));
    const p = new Progress(m);
    expect(p.notice).toBeNull();
    expect(p.save).toMatchObject({ version: STORAGE_VERSION, settings: { muted: false, volume: 0.7, guided: false, ownWords: false }, best: {}, attempts: [plays[0]], resume: null, imported: [] });
  });

  it('still resets a corrupt save, of either version, with a notice; and an unknown version', () => {
    for (const bad of ['{"version":1,"attempts":[{"scenario":3}]}', '{"version":2,"settings":{"volume":"loud"}}', '[1,2', 'null']) {
      const m = new Memory();
      m.setItem(STORAGE_KEY, bad);
      const p = new Progress(m);
      expect(p.notice, bad).toBe('corrupt');
      expect(stored(m).version).toBe(STORAGE_VERSION);
    }
    for (const v of [0, STORAGE_VERSION + 1]) {
      const m = new Memory();
      m.setItem(STORAGE_KEY, JSON.stringify({ ...V1, version: v }));
      expect(new Progress(m).notice).toBe('old-version');
    }
    const m = new Memory();
    m.setItem(STORAGE_KEY, JSON.stringify({ ...V1, version: 2, attempts: [{ ...plays[0], tally: { principles: { x: { honoured: 'a' } }, categories: {} } }] }));
    expect(new Progress(m).notice).toBe('corrupt');
  });

  it('tallies a migrated save once the library is there, skipping plays that no longer fit, and remembers the tallies', () => {
    const m = new Memory();
    m.setItem(STORAGE_KEY, JSON.stringify(V1));
    const p = new Progress(m);
    expect(p.backfill(), 'nothing to tally with yet').toBe(0);
    p.tallyWith((a) => tallyAttempt(lib, a));
    expect(p.toTally).toBe(4);
    expect(p.backfill()).toBe(0);
    const tallied = stored(m).attempts;
    expect(tallied.map((a) => !!a.tally)).toEqual([true, true, false, true]);
    expect(tallied[1]!.tally).toEqual(tallyAttempt(lib, plays[1]!));
    // Everything else of each play is as it was.
    expect(tallied.map(({ tally: _, ...rest }) => rest)).toEqual(plays);
    const r = progressReport(stored(m).attempts, lib, stored(m).best as Record<string, number>);
    expect(r).toMatchObject({ plays: 4, counted: 3, skipped: 1, scenarios: 3 });
    expect(r.average).toBe(Math.round(plays.reduce((s, a) => s + a.overall, 0) / 4));
    // A later start keeps the tallies even if the file changes: the history is not rewritten.
    const again = new Progress(m);
    again.tallyWith(() => {
      throw new Error('must not be asked again');
    });
    expect(again.backfill()).toBe(0);
    expect(again.save.attempts[1]!.tally).toEqual(tallied[1]!.tally);
  });

  it('reads a long history a slice at a time', () => {
    const m = new Memory();
    const many = Array.from({ length: 40 }, (_, i) => ({ ...plays[0]!, at: `2026-11-01T00:00:${String(i).padStart(2, '0')}.000Z` }));
    m.setItem(STORAGE_KEY, JSON.stringify({ ...V1, attempts: many }));
    const p = new Progress(m);
    let calls = 0;
    const fake: AttemptTally = { principles: { 'stay-calm': { honoured: 1, broken: 0 } }, categories: { emotion: 90 } };
    p.tallyWith(() => (calls++, fake));
    // A clock that moves 1 ms per reading: a 10 ms budget takes about ten plays.
    let t = 0;
    const clock = () => t++;
    const left = p.backfill(10, clock);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(40);
    expect(stored(m).attempts.filter((a) => a.tally)).toHaveLength(40 - left);
    while (p.backfill(10, clock) > 0);
    expect(calls).toBe(40);
    expect(stored(m).attempts.every((a) => a.tally)).toBe(true);
  });

  it('a play recorded with the library at hand carries its tally; a tally that fails leaves the play saved without one', () => {
    const m = new Memory();
    const p = new Progress(m);
    const a = plays[0]!;
    p.recordAttempt({ ...a });
    expect(stored(m).attempts[0]!.tally).toBeUndefined();
    p.tallyWith((x) => tallyAttempt(lib, x));
    p.recordAttempt({ ...plays[3]! });
    expect(stored(m).attempts[1]!.tally).toEqual(tallyAttempt(lib, plays[3]!));
    p.tallyWith(() => {
      throw new Error('broken library');
    });
    p.recordAttempt({ ...plays[1]! });
    expect(stored(m).attempts).toHaveLength(3);
    expect(stored(m).attempts[2]!.tally).toBeUndefined();
    expect((stored(m).best as Record<string, number>)['five-to-closing']).toBe(plays[1]!.overall);
  });
});
