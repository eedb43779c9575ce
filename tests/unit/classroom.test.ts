/** Classroom rules (engine) and the CSV writer. */
import { describe, expect, test } from 'vitest';
import { board, makeRoomCode, normalizeRoomCode, ROOM_CODE_ALPHABET, tally } from '../../src/engine/classroom/index.js';
import { choose, startSession } from '../../src/engine/session/session.js';
import { csvCell, toCsv } from '../../src/server/csv.js';
import { playOf } from './helpers.js';

describe('room codes', () => {
  test('leave out look-alike characters and forgive how they are typed', () => {
    for (const ch of '01OIL') expect(ROOM_CODE_ALPHABET).not.toContain(ch);
    let i = 0;
    const seq = [0, 0.5, 0.99, 0.25, 0.75];
    const code = makeRoomCode(() => seq[i++ % seq.length]!);
    expect(code).toMatch(/^[2-9A-Z]{5}$/);
    expect(normalizeRoomCode(` ${code.toLowerCase().slice(0, 2)}-${code.slice(2)} `)).toBe(code);
    expect(normalizeRoomCode('ABC0E')).toBeNull();
    expect(normalizeRoomCode('ABCDEF')).toBeNull();
  });
});

describe('tally', () => {
  test('counts only replies on offer; majority; ties go to the reply listed first', () => {
    const t = tally([2, 0, 3], [0, 3, 3, 0, 7]);
    expect(t.counts).toEqual([0, 2, 2]);
    expect(t.voters).toBe(4);
    expect(t.majority).toBe(0);
    expect(t.tie).toBe(true);
    expect(t.shares).toEqual([0, 0.5, 0.5]);
    expect(tally([1, 2], [2, 2, 1]).majority).toBe(2);
    const none = tally([1, 2], []);
    expect(none.majority).toBeUndefined();
    expect(none.shares).toEqual([0, 0]);
  });
});

describe('live board', () => {
  test('rows, heat map, ranking and mistakes come from each trainee\'s own session', () => {
    const play = playOf('scenarios/library/broadband-outage.yaml');
    const run = (picks: number[]) => picks.reduce((s, p) => choose(play, s, p - 1), startSession(play, 1));
    const b = board(play, [
      { id: 'a', name: 'worst', state: run([2, 2, 2]) },
      { id: 'b', name: 'midway', state: run([2, 3]) },
      { id: 'c', name: 'fresh', state: startSession(play, 2) },
    ]);
    expect(b.rows.map((r) => [r.name, r.turns, r.done])).toEqual([['worst', 3, true], ['midway', 2, false], ['fresh', 0, false]]);
    expect(b.rows[0]!.outcome).toBe('unresolved');
    expect(b.rows[1]!.running).toBe(100);
    expect(b.rows[2]!.running).toBeNull();
    // One scale: the finished one's overall, the others' overall so far (the outcome's share still to come).
    expect(b.rows[0]!.standing).toBe(b.rows[0]!.overall);
    expect(b.rows[1]!.standing).toBe(80);
    expect(b.rows[2]!.standing).toBe(0);
    expect(b.rows[0]!.overall).toBeLessThan(80);
    // Midway at 100 a turn so far stands above the one who finished unresolved (a play-test had the finished first, whatever their score).
    expect(b.ranking.map((r) => r.name)).toEqual(['midway', 'worst', 'fresh']);
    const heat = new Map(b.heat.map((h) => [h.principle, h]));
    // Both trainees opened with the same reply.
    const first = play.scenario.nodes.open!.choices[1]!.principles[0]!.id;
    expect(heat.get(first)).toMatchObject({ trainees: 2, times: 2 });
    expect(b.mistakes.length).toBeGreaterThan(0);
    expect(b.mistakes.every((m) => m.polarity === 'violation')).toBe(true);
  });
});

describe('CSV', () => {
  test('BOM, CRLF, quoting, and formulas defused', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe(`"'\tx"`);
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell(true)).toBe('yes');
    expect(csvCell(undefined)).toBe('');
    const csv = toCsv(['名字', 'n'], [['张三', 1]]);
    expect(csv).toBe('\uFEFF名字,n\r\n张三,1\r\n');
  });
});
