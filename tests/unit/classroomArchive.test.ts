/**
 * A classroom session of several scenarios (Room.nextScenario), on both stores: each scenario
 * the room moves on from is archived in the store (scenarioArchive.ts), so the export (CSV,
 * XLSX, JSON) holds every scenario in order, each titled by it, also once the room is reloaded
 * from the store; a trainee the trainer removed leaves the archived scenarios too; a stale
 * holder's move to the next scenario archives nothing.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/files.js';
import { readXlsxSheets } from '../../src/cli/sheet.js';
import { exportCsv, exportJson } from '../../src/server/exports.js';
import { Hub, type Caller } from '../../src/server/hub.js';
import { Leases } from '../../src/server/lease.js';
import { ServerLibrary } from '../../src/server/library.js';
import type { Reply, TraineeView } from '../../src/server/protocol.js';
import type { Room } from '../../src/server/room.js';
import { exportXlsx, tablesXlsx } from '../../src/server/xlsx.js';
import { csvTables } from './classroomServer.helpers.js';
import { storeKinds, type OpenStore } from './storeKinds.helpers.js';

const kinds = await storeKinds();
afterAll(() => Promise.all(kinds.map((k) => k.stop())));
const library = ServerLibrary.load(PROJECT_ROOT);
afterAll(() => library.close());
const trainer: Caller = { trainer: true };
const trainee: Caller = { trainer: false };
const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);
const SLOW = 120_000; // a class vote's start works out the scenario's best route: seconds on a loaded machine
const utc = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);

/** A hub on `store` with the test's clock; a room made on it, and its trainer's and trainees' messages. */
async function classroom(store: OpenStore, clock: { t: number }, mode: 'vote' | 'solo', o: { leases?: Leases } = {}) {
  const hub = new Hub({ store, library, now: () => clock.t, ...o });
  const ask = async (name: string, msg: Record<string, unknown>, caller = trainee) => (await hub.handle(name as never, msg as never, caller))?.reply as Reply<Record<string, unknown>> | undefined;
  const made = (await ask('room.create', { scenario: 'broadband-outage', mode, voteSeconds: 600 }, trainer)) as unknown as { code: string; hostToken: string };
  const { code, hostToken } = made;
  const act = (action: Record<string, unknown>) => ask('host.act', { code, hostToken, action });
  const tokens = new Map<string, string>();
  const join = async (...names: string[]) => {
    for (const nickname of names) {
      clock.t += 1;
      tokens.set(nickname, ((await ask('trainee.join', { code, nickname })) as unknown as { token: string }).token);
    }
  };
  const view = async (name: string) => ((await ask('trainee.attach', { code, token: tokens.get(name) })) as unknown as { view: TraineeView }).view;
  let seq = 0;
  /** `name` votes for the k-th reply on offer, a second after the last thing that happened; the vote as the export lists it. */
  const vote = async (name: string, k: number) => {
    const v = (await view(name)).vote!;
    clock.t += 1000;
    const choice = v.now.choices[k]!.choice;
    expect(await ask('trainee.vote', { code, token: tokens.get(name), turn: v.round!.turn, choice, seq: ++seq })).toMatchObject({ ok: true });
    return { choice, at: utc(clock.t) };
  };
  /** `name` (everyone plays) picks the k-th reply on offer at their current decision; its text. */
  const choose = async (name: string, k: number) => {
    const s = (await view(name)).solo!;
    clock.t += 1000;
    expect(await ask('trainee.choose', { code, token: tokens.get(name), turn: s.now.turn, choice: s.now.choices[k]!.choice, seq: ++seq })).toMatchObject({ ok: true });
    return s.now.choices[k]!.text.en!;
  };
  const room = () => hub.find(code)!;
  const pid = (name: string) => [...room().participants.values()].find((p) => p.name === name)!.pid;
  return { hub, code, hostToken, act, join, vote, choose, room, pid };
}

/** A room's CSV and XLSX exports in both languages, and its XLSX read back. */
async function exports(room: Room) {
  const xlsx = await readXlsxSheets(await exportXlsx(room, 'en'));
  return { en: exportCsv(room, 'en'), zh: exportCsv(room, 'zh-CN'), xlsx };
}

/** The rows of a participation table for one turn: trainee, voted, reply, voted at. */
const votedAt = (table: string[][], turn: number) => table.filter((r) => r[1] === String(turn)).map((r) => [r[0], r[2], r[3], r[5]]);

describe.each(kinds)('$name store', (kind) => {
  describe.skipIf(!!kind.skip)('a session of several scenarios, exported', () => {
    test('two class votes: the first scenario\'s votes and turns are in every export, titled; the same after a reload; a removed trainee leaves both', async () => {
      const t = await kind.fresh();
      const clock = { t: T0 };
      const store = await t.open();
      const c = await classroom(store, clock, 'vote');
      await c.join('Ann', 'Bo', 'Cy');
      expect(await c.act({ type: 'start' })).toMatchObject({ ok: true });
      const ann1 = await c.vote('Ann', 1);
      const bo1 = await c.vote('Bo', 0);
      expect(await c.act({ type: 'advance', choice: ann1.choice })).toMatchObject({ ok: true });
      const cy2 = await c.vote('Cy', 0);
      expect(await c.act({ type: 'advance', choice: cy2.choice })).toMatchObject({ ok: true });
      expect(await c.act({ type: 'end' })).toMatchObject({ ok: true });
      const firstTurns = c.room().session!.turns.length;
      expect(await c.act({ type: 'next', scenario: 'hotpot-wait' })).toMatchObject({ ok: true });
      // The room holds the second scenario only; the first is in the store.
      expect(c.room().rounds).toEqual([]);
      expect(await c.act({ type: 'start' })).toMatchObject({ ok: true });
      const bo21 = await c.vote('Bo', 0);
      expect(await c.act({ type: 'advance', choice: bo21.choice })).toMatchObject({ ok: true });

      const before = await exports(c.room());
      const tables = csvTables(before.en);
      expect(tables).toHaveLength(5);
      const board = tables[4]!;
      expect(board[0]).toEqual(['class', expect.stringMatching(/^1\. /), 'total']);
      const title1 = board[0]![1]!.slice(3);
      expect(tables.slice(0, 4).map((tb) => tb[0]![0])).toEqual([
        `Scenario 1: ${title1} · Class vote`,
        `Scenario 1: ${title1} · Participation`,
        `Scenario 2: ${c.room().play.scenario.title.en} · Class vote`,
        `Scenario 2: ${c.room().play.scenario.title.en} · Participation`,
      ]);
      // Scenario 1: its rounds with the votes they had, and who voted what and when.
      const summary1 = tables[0]!;
      expect(summary1[1]![0]).toBe('turn');
      expect(new Set(summary1.slice(2).map((r) => r[0]))).toEqual(new Set(Array.from({ length: firstTurns }, (_, i) => String(i + 1))));
      expect(summary1.filter((r) => r[0] === '1' && r[7] === 'yes').map((r) => [r[5], r[8]])).toEqual([['1', 'host']]);
      const part1 = tables[1]!;
      expect(votedAt(part1, 1)).toEqual([
        ['Ann', 'yes', '2', ann1.at],
        ['Bo', 'yes', '1', bo1.at],
        ['Cy', 'no', '', ''],
      ]);
      expect(votedAt(part1, 2)).toEqual([
        ['Ann', 'no', '', ''],
        ['Bo', 'no', '', ''],
        ['Cy', 'yes', '1', cy2.at],
      ]);
      // Scenario 2: its own turns counted from 1, and the decision open now.
      expect(votedAt(tables[3]!, 1)).toEqual([
        ['Ann', 'no', '', ''],
        ['Bo', 'yes', '1', bo21.at],
        ['Cy', 'no', '', ''],
      ]);
      expect(votedAt(tables[3]!, 2).map((r) => r[1])).toEqual(['no', 'no', 'no']);
      // Chinese: the same tables, titled in Chinese.
      const zh = csvTables(before.zh);
      expect(zh.map((tb) => tb.length)).toEqual(tables.map((tb) => tb.length));
      expect(zh[1]![0]![0]).toMatch(/^场景 1：.+ · 参与情况$/);
      // The workbook: a sheet per table, named for its scenario (unique, at most 31 characters), cell for cell the CSV.
      expect(before.xlsx.map((sh) => sh.sheet.slice(0, 10))).toEqual(['1. Class v', '1. Partici', '2. Class v', '2. Partici', 'Leaderboar']);
      expect(new Set(before.xlsx.map((sh) => sh.sheet)).size).toBe(5);
      for (const sh of before.xlsx) expect(sh.sheet.length).toBeLessThanOrEqual(31);
      before.xlsx.forEach((sh, i) => {
        const width = Math.max(...tables[i]!.map((row) => row.length));
        const pad = (rows: string[][]) => rows.map((row) => [...row, ...Array(width - row.length).fill('')]);
        expect(pad(sh.rows)).toEqual(pad(tables[i]!));
      });
      // JSON: every scenario in order, and the leaderboard.
      const json = exportJson(c.room()) as { scenarios: { n: number; scenario: { id: string }; rounds: { picked: number }[] }[]; leaderboard: unknown };
      expect(json.scenarios.map((s) => [s.n, s.scenario.id, s.rounds.length])).toEqual([
        [1, 'broadband-outage', firstTurns],
        [2, 'hotpot-wait', 1],
      ]);
      expect(json.scenarios[0]!.rounds.map((r) => r.picked)).toEqual([ann1.choice, cy2.choice]);
      expect(json.leaderboard).toMatchObject({ n: 2 });

      // Reloaded from the store (a restart): the very same exports, and a past room's rebuild too.
      c.hub.stop();
      await store.durable();
      store.close();
      const store2 = await t.open();
      const hub2 = new Hub({ store: store2, library, now: () => clock.t });
      expect(hub2.restore().rooms).toBe(1);
      const restored = hub2.find(c.code)!;
      expect(await exports(restored)).toEqual(before);
      expect(exportCsv(hub2.rebuild(c.code)!, 'en')).toBe(before.en);

      // Bo is taken out: gone from both scenarios' tables, also once reloaded again.
      const bo = [...restored.participants.values()].find((p) => p.name === 'Bo')!.pid;
      expect((await hub2.handle('host.act', { code: c.code, hostToken: c.hostToken, action: { type: 'remove', id: bo } } as never, trainee))?.reply).toMatchObject({ ok: true });
      const without = csvTables(exportCsv(restored, 'en'));
      expect(votedAt(without[1]!, 1).map((r) => r[0])).toEqual(['Ann', 'Cy']);
      expect(votedAt(without[3]!, 1).map((r) => r[0])).toEqual(['Ann', 'Cy']);
      expect(store2.archivedScenarios(restored.id)[0]!.people.map((p) => p.name)).toEqual(['Ann', 'Cy']);
      hub2.stop();
      await store2.durable();
      store2.close();
      const store3 = await t.open();
      const hub3 = new Hub({ store: store3, library, now: () => clock.t });
      expect(csvTables(exportCsv(hub3.rebuild(c.code)!, 'en'))).toEqual(without);
      expect(before.en).toContain('Bo');
      expect(exportCsv(hub3.rebuild(c.code)!, 'en')).not.toMatch(/^Bo,/m);
      store3.close();
    }, SLOW);

    test('everyone plays, two scenarios: each trainee\'s turns of the first are in the export after the room moved on, and after a reload', async () => {
      const t = await kind.fresh();
      const clock = { t: T0 };
      const store = await t.open();
      const c = await classroom(store, clock, 'solo');
      await c.join('Ann', 'Bo');
      expect(await c.act({ type: 'start' })).toMatchObject({ ok: true });
      const annSaid = await c.choose('Ann', 0);
      const boSaid = await c.choose('Bo', 1);
      expect(await c.act({ type: 'end' })).toMatchObject({ ok: true });
      expect(await c.act({ type: 'next', scenario: 'door-bump' })).toMatchObject({ ok: true });
      // In the lobby of the second: the first scenario's tables already, nothing of the second yet.
      const lobby = csvTables(exportCsv(c.room(), 'en'));
      expect(lobby.map((tb) => tb[0]![0])).toEqual([expect.stringMatching(/^Scenario 1: .+ · Everyone plays$/), 'rank']);
      expect(await c.act({ type: 'start' })).toMatchObject({ ok: true });
      const annSaid2 = await c.choose('Ann', 0);
      expect(await c.act({ type: 'end' })).toMatchObject({ ok: true });

      const en = exportCsv(c.room(), 'en');
      const tables = csvTables(en);
      expect(tables.map((tb) => tb[0]![0])).toEqual([
        expect.stringMatching(/^Scenario 1: .+ · Everyone plays$/),
        expect.stringMatching(/^Scenario 2: .+ · Everyone plays$/),
        'rank',
      ]);
      const turns = (tb: string[][]) => tb.slice(2).map((r) => [r[0], r[1], r[4]]);
      expect(turns(tables[0]!)).toEqual([
        ['Ann', '1', annSaid],
        ['Bo', '1', boSaid],
      ]);
      expect(tables[0]!.slice(2).map((r) => r[8])).toEqual(['not finished', 'not finished']);
      expect(turns(tables[1]!)).toEqual([
        ['Ann', '1', annSaid2],
        ['Bo', '', ''],
      ]);
      expect(tables[1]![3]![8]).toBe('not finished');
      const zh = exportCsv(c.room(), 'zh-CN');
      expect(zh).toMatch(/^\uFEFF场景 1：.+ · 人人对练\r$/m);

      c.hub.stop();
      await store.durable();
      store.close();
      const store2 = await t.open();
      const hub2 = new Hub({ store: store2, library, now: () => clock.t });
      hub2.restore();
      expect(exportCsv(hub2.find(c.code)!, 'en')).toBe(en);
      expect(exportCsv(hub2.find(c.code)!, 'zh-CN')).toBe(zh);
      // An archived scenario whose file no longer loads: said so in its place, the rest exported as before.
      await store2.durable();
      await t.sql("update room_scenarios set source_text = 'title: [not a scenario'");
      const broken = csvTables(exportCsv(hub2.rebuild(c.code)!, 'en'));
      expect(broken[0]!.slice(0, 2)).toEqual([[expect.stringMatching(/^Scenario 1: .+ · Not shown$/)], ['problem']]);
      expect(broken[0]![2]![0]).toMatch(/^this scenario no longer loads, its detail cannot be shown: ./);
      expect(broken.slice(1)).toEqual(tables.slice(1));
      expect((exportJson(hub2.rebuild(c.code)!) as { scenarios: unknown[] }).scenarios[0]).toMatchObject({ n: 1, problem: expect.any(String) });
      hub2.stop();
      await store2.durable();
      store2.close();
    }, SLOW);

    test('a stale holder\'s "next scenario" is refused at the store: no archive, the room not moved on', async () => {
      const t = await kind.fresh();
      const [sa, sb] = [await t.open(), await t.open()];
      const clock = { t: T0 };
      const a = await classroom(sa, clock, 'solo', { leases: new Leases(sa, { holder: 'A', ttlMs: 60_000 }) });
      await a.join('Ann');
      expect(await a.act({ type: 'start' })).toMatchObject({ ok: true });
      await a.choose('Ann', 0);
      expect(await a.act({ type: 'end' })).toMatchObject({ ok: true });
      const id = a.room().id;
      // B (alone on its database as far as it knows) takes the room while A still trusts its lease.
      const b = new Hub({ store: sb, library, now: () => clock.t, leases: new Leases(sb, { holder: 'B', ttlMs: 60_000, sole: true }) });
      expect(b.adopt(a.code)).toMatchObject({ id });
      clock.t += 10;
      expect(await a.act({ type: 'next', scenario: 'door-bump' })).toBeUndefined();
      expect(a.hub.find(a.code)).toBeUndefined();
      expect(sb.archivedScenarios(id)).toEqual([]);
      expect(JSON.parse(sb.room(id)!.state)).toMatchObject({ phase: 'ended' });
      expect(JSON.parse(sb.room(id)!.state).stages).toBeUndefined();
      // The holder's own move archives it.
      const host = await b.handle('host.act', { code: a.code, hostToken: a.hostToken, action: { type: 'next', scenario: 'door-bump' } } as never, trainee);
      expect(host?.reply).toMatchObject({ ok: true });
      expect(sb.archivedScenarios(id).map((s) => [s.index, s.people.map((p) => p.name)])).toEqual([[0, ['Ann']]]);
      a.hub.stop();
      b.stop();
      await sa.durable();
      await sb.durable();
      sa.close();
      sb.close();
    }, SLOW);
  });
});

describe('a workbook of many scenarios', () => {
  test('sheet names stay at most 31 characters, unique regardless of case, never a character cut in half; titles on the row above the header', async () => {
    const long = '😠 An Exceptionally Long Scenario Title That Goes On';
    const tables = [
      ...Array.from({ length: 12 }, (_, i) => ({ name: `${i + 1}. Class vote · ${long}`, title: `Scenario ${i + 1}: ${long}`, head: ['turn'], rows: [[i + 1]] })),
      { name: 'Leaderboard', head: ['class'], rows: [] },
      { name: 'LEADERBOARD', head: ['class'], rows: [] },
      { name: `'${'😠'.repeat(20)}`, head: ['x'], rows: [] },
    ];
    const sheets = await readXlsxSheets(await tablesXlsx(tables));
    const names = sheets.map((sh) => sh.sheet);
    expect(names.slice(0, 2)).toEqual(['1. Class vote · 😠 An Except', '2. Class vote · 😠 An Except']);
    expect(names[13]).toBe('LEADERBOARD 2');
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(tables.length);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|^'|'$/);
    }
    expect(names[14]).toBe('😠'.repeat(13));
    expect(sheets[0]!.rows.slice(0, 3)).toEqual([[`Scenario 1: ${long}`], ['turn'], ['1']]);
  });
});
