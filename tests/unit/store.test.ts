/**
 * The Store contract, run on both stores: SQLite (the embedded default) and PostgreSQL
 * (DATABASE_URL; a throwaway server started for this file). What the classroom server
 * relies on: rows kept field for field, votes replaced only by later ones, reads that see
 * this turn's writes, group commit (one transaction per turn, confirmed by durable()),
 * nothing confirmed that was not saved, and everything confirmed still there after a restart.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { PgStore } from '../../src/server/pgStore.js';
import { MIGRATIONS } from '../../src/server/pgSchema.js';
import type { ArchivedScenarioRow, ParticipantRow, RoomRow } from '../../src/server/store.js';
import { storeKinds, type OpenStore } from './storeKinds.helpers.js';

const kinds = await storeKinds();
afterAll(() => Promise.all(kinds.map((k) => k.stop())));

const T0 = 1_796_404_068_454; // milliseconds since 1970, beyond 32 bits
const HOUR = 3_600_000;

function roomRow(id: string, code: string, createdAt: number, expiresAt = createdAt + HOUR): RoomRow {
  return {
    id,
    code,
    mode: 'vote',
    scenarioId: 'broadband-outage',
    sourceFile: 'scenarios/library/broadband-outage.yaml',
    sourceText: 'title:\n  zh-CN: 宽带断网\n  en: "Broadband \\"outage\\""\n',
    hostTokenHash: 'h'.repeat(64),
    createdAt,
    updatedAt: createdAt,
    expiresAt,
    phase: 'lobby',
    state: JSON.stringify({ turn: 0, note: '顾客很生气 😠', nested: { a: [1, 2] } }),
  };
}

/** A scenario the room moved on from, with these trainees (pid, name) in this order. */
const archived = (roomId: string, index: number, people: string[][]): ArchivedScenarioRow => ({
  roomId,
  index,
  mode: 'vote',
  sourceFile: `scenarios/library/s${index}.yaml`,
  sourceText: 'title:\n  zh-CN: 宽带断网\n  en: "Broadband \\"outage\\""\n',
  state: JSON.stringify({ rounds: [{ turn: index, by: 'majority' }], note: '顾客很生气 😠' }),
  archivedAt: T0 + index,
  people: people.map(([pid, name]) => ({ pid: pid!, name: name!, state: JSON.stringify({ votes: [{ turn: 0, choice: index, at: T0 + 1 }] }) })),
});

const person = (roomId: string, pid: string, name: string, joinedAt: number): ParticipantRow => ({ roomId, pid, name, tokenHash: `t-${pid}`, joinedAt });

describe.each(kinds)('$name store', (kind) => {
  const opened: OpenStore[] = [];
  const open = async (t: { open(): Promise<OpenStore> }) => {
    const s = await t.open();
    opened.push(s);
    return s;
  };
  afterAll(() => {
    for (const s of opened.splice(0)) s.close();
  });

  describe.skipIf(!!kind.skip)('contract', () => {
    test('keeps rows field for field and finds a room by id, or by code (the newest with that code)', async () => {
      const t = await kind.fresh();
      const s = await open(t);
      expect(s.meta('trainer-key')).toBeUndefined();
      s.setMeta('trainer-key', 'k1');
      s.setMeta('trainer-key', 'k2');
      const old = roomRow('r-old', 'ABCDE', T0 - HOUR, T0 - 1);
      const now = roomRow('r-new', 'ABCDE', T0);
      s.createRoom(old);
      s.createRoom(now);
      s.addParticipant(person('r-new', 'p1', '小王', T0 + 5));
      s.savePlay({ roomId: 'r-new', pid: 'p1', state: '{"seq":1}', seq: 1, updatedAt: T0 + 6 });
      s.savePlay({ roomId: 'r-new', pid: 'p1', state: '{"seq":2}', seq: 2, updatedAt: T0 + 7 });
      s.saveRoom('r-new', { phase: 'playing', state: '{"turn":1}', updatedAt: T0 + 8, expiresAt: T0 + 2 * HOUR });
      s.setHostToken('r-new', 'g'.repeat(64));
      await s.durable();
      expect(s.meta('trainer-key')).toBe('k2');
      expect(s.room('r-old')).toEqual(old);
      expect(s.room('ABCDE')).toEqual({ ...now, phase: 'playing', state: '{"turn":1}', updatedAt: T0 + 8, expiresAt: T0 + 2 * HOUR, hostTokenHash: 'g'.repeat(64) });
      expect(s.room('NOPE1')).toBeUndefined();
      expect(s.participants('r-new')).toEqual([person('r-new', 'p1', '小王', T0 + 5)]);
      expect(s.plays('r-new')).toEqual([{ roomId: 'r-new', pid: 'p1', state: '{"seq":2}', seq: 2, updatedAt: T0 + 7 }]);
      expect(typeof s.room('r-new')!.createdAt).toBe('number');
    });

    test('a vote is replaced only by a later one; votes by decision; a removed trainee takes their votes and play along', async () => {
      const s = await open(await kind.fresh());
      s.createRoom(roomRow('r', 'QWERT', T0));
      for (const [pid, at] of [['b', 2], ['a', 1], ['c', 3]] as const) s.addParticipant(person('r', pid, pid.toUpperCase(), T0 + at));
      s.saveVote({ roomId: 'r', turn: 0, pid: 'a', choice: 1, seq: 5, at: T0 + 10 });
      s.saveVote({ roomId: 'r', turn: 0, pid: 'a', choice: 2, seq: 5, at: T0 + 11 }); // a retry: same seq, ignored
      s.saveVote({ roomId: 'r', turn: 0, pid: 'a', choice: 3, seq: 4, at: T0 + 12 }); // older: ignored
      s.saveVote({ roomId: 'r', turn: 0, pid: 'b', choice: 0, seq: 1, at: T0 + 13 });
      s.saveVote({ roomId: 'r', turn: 0, pid: 'b', choice: 2, seq: 2, at: T0 + 14 }); // newer: counts
      s.saveVote({ roomId: 'r', turn: 1, pid: 'a', choice: 0, seq: 6, at: T0 + 20 });
      s.saveVote({ roomId: 'r', turn: 0, pid: 'c', choice: 1, seq: 1, at: T0 + 15 });
      s.savePlay({ roomId: 'r', pid: 'c', state: '{}', seq: 1, updatedAt: T0 });
      await s.durable();
      const votes = s.votes('r', 0).map((v) => [v.pid, v.choice, v.seq, v.at]);
      expect(votes).toEqual([
        ['a', 1, 5, T0 + 10],
        ['b', 2, 2, T0 + 14],
        ['c', 1, 1, T0 + 15],
      ]);
      expect(s.votes('r').map((v) => `${v.turn}:${v.pid}`)).toEqual(['0:a', '0:b', '0:c', '1:a']);
      expect(s.participants('r').map((p) => p.pid)).toEqual(['a', 'b', 'c']);
      s.removeParticipant('r', 'c');
      s.removeParticipant('r', 'a');
      await s.durable();
      expect(s.participants('r').map((p) => p.pid)).toEqual(['b']);
      expect(s.votes('r').map((v) => v.pid)).toEqual(['b']);
      expect(s.plays('r')).toEqual([]);
      // Another room's rows are untouched by all this.
      expect(s.votes('other')).toEqual([]);
    });

    test('a class voting in one turn: every vote kept once, the newest per trainee, seen by reads and removals before the commit', async () => {
      const s = await open(await kind.fresh());
      s.createRoom(roomRow('k', 'CLASS', T0));
      await s.durable();
      const pids = Array.from({ length: 237 }, (_, i) => `p${String(i).padStart(3, '0')}`);
      for (const [i, pid] of pids.entries()) s.saveVote({ roomId: 'k', turn: 0, pid, choice: i % 4, seq: 1, at: T0 + i });
      // Sent again after a reconnect, later in the same burst: a newer one counts, a repeat does not.
      for (const [i, pid] of pids.entries()) if (i % 7 === 0) s.saveVote({ roomId: 'k', turn: 0, pid, choice: (i + 1) % 4, seq: i % 2 ? 1 : 2, at: T0 + 1000 + i });
      const want = pids.map((pid, i) => [pid, i % 7 === 0 && i % 2 === 0 ? (i + 1) % 4 : i % 4]);
      const byPid = (votes: { pid: string; choice: number }[]) => votes.map((v) => [v.pid, v.choice]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
      // Read before the turn commits: all there, once each.
      expect(byPid(s.votes('k', 0))).toEqual(want);
      s.saveVote({ roomId: 'k', turn: 0, pid: 'late', choice: 1, seq: 1, at: T0 + 5000 });
      s.removeParticipant('k', 'late');
      await s.durable();
      const again = s.votes('k', 0);
      expect(again).toHaveLength(pids.length);
      expect(byPid(again)).toEqual(want);
    });

    test('a scenario a room moved on from is kept field for field, in order; a retry replaces it; a removed trainee leaves every one of them', async () => {
      const t = await kind.fresh();
      const s = await open(t);
      s.createRoom(roomRow('r', 'SCENE', T0));
      s.createRoom(roomRow('o', 'OTHER', T0));
      const second = archived('r', 1, [['b', 'Bo'], ['a', '小王']]);
      const first = archived('r', 0, [['c', 'Cy'], ['a', '小王'], ['b', 'Bo']]);
      s.archiveScenario(second);
      s.archiveScenario(first);
      s.archiveScenario(archived('o', 0, [['a', 'Ann']]));
      // Read in this turn's transaction already, by index, each class in join order.
      expect(s.archivedScenarios('r')).toEqual([first, second]);
      await s.durable();
      const retried = { ...archived('r', 1, [['a', '小王']]), state: '{"again":true}' };
      s.archiveScenario(retried);
      await s.durable();
      expect(s.archivedScenarios('r')).toEqual([first, retried]);
      s.removeParticipant('r', 'a');
      await s.durable();
      expect(s.archivedScenarios('r').map((a) => a.people.map((p) => p.pid))).toEqual([['c', 'b'], []]);
      expect(s.archivedScenarios('o')[0]!.people.map((p) => p.name)).toEqual(['Ann']);
      expect(s.archivedScenarios('nope')).toEqual([]);
      s.close();
      const again = await open(t);
      expect(again.archivedScenarios('r')).toEqual([{ ...first, people: first.people.filter((p) => p.pid !== 'a') }, { ...retried, people: [] }]);
    });

    test('a database from before the archive of scenarios gains it in place, its rooms untouched', async () => {
      const t = await kind.fresh();
      const old = await t.open();
      old.createRoom(roomRow('r', 'OLDDB', T0));
      old.addParticipant(person('r', 'a', 'Ann', T0));
      old.close();
      await t.sql(`drop table room_scenarios; drop table room_scenario_people${kind.name === 'PostgreSQL' ? '; delete from schema_version where version = 4' : ''}`);
      const s = await open(t);
      expect(s.room('OLDDB')).toEqual(roomRow('r', 'OLDDB', T0));
      expect(s.archivedScenarios('r')).toEqual([]);
      s.archiveScenario(archived('r', 0, [['a', 'Ann']]));
      await s.durable();
      expect(s.archivedScenarios('r')).toEqual([archived('r', 0, [['a', 'Ann']])]);
    });

    test('open rooms are those not yet expired, oldest first; the room list is newest first with head counts', async () => {
      const s = await open(await kind.fresh());
      s.createRoom(roomRow('r1', 'AAAAA', T0, T0 + 100));
      s.createRoom(roomRow('r2', 'BBBBB', T0 + 1, T0 + 50));
      s.createRoom(roomRow('r3', 'CCCCC', T0 + 2, T0 + 200));
      s.addParticipant(person('r3', 'x', 'X', T0));
      s.addParticipant(person('r3', 'y', 'Y', T0));
      s.addParticipant(person('r1', 'z', 'Z', T0));
      await s.durable();
      expect(s.liveRooms(T0 + 60).map((r) => r.id)).toEqual(['r1', 'r3']);
      expect(s.liveRooms(T0 + 100).map((r) => r.id)).toEqual(['r3']);
      s.saveRoom('r2', { phase: 'lobby', state: '{}', updatedAt: T0 + 70, expiresAt: T0 + 1000 });
      expect(s.liveRooms(T0 + 100).map((r) => r.id)).toEqual(['r2', 'r3']);
      expect(s.rooms(2).map((r) => [r.id, r.participantCount])).toEqual([
        ['r3', 2],
        ['r2', 0],
      ]);
      expect(s.rooms(10).map((r) => r.participantCount)).toEqual([2, 0, 1]);
    });

    test('a read sees this turn’s writes at once; other connections see them only once durable() resolves, all in one transaction', async () => {
      const t = await kind.fresh();
      const s = await open(t);
      expect(await s.durable()).toBeUndefined(); // nothing written: resolves at once
      const count = async () =>
        Number((await t.sql('select (select count(*) from rooms) + (select count(*) from participants) + (select count(*) from votes) + (select count(*) from meta) as n'))[0]!.n);
      expect(await count()).toBe(0);
      // PostgreSQL commits on another thread: hold this turn's last write so that its transaction stays open.
      const release = await t.holdTable?.('meta');
      s.createRoom(roomRow('g', 'GROUP', T0));
      s.addParticipant(person('g', 'p', 'P', T0));
      s.saveVote({ roomId: 'g', turn: 0, pid: 'p', choice: 1, seq: 1, at: T0 });
      expect(s.room('GROUP')?.id).toBe('g');
      expect(s.votes('g')).toHaveLength(1);
      s.setMeta('last', 'write');
      expect(await count()).toBe(0);
      let confirmed = false;
      const durable = s.durable().then(() => (confirmed = true));
      if (release) {
        await new Promise((r) => setTimeout(r, 100));
        expect(confirmed).toBe(false); // still waiting for its commit
        expect(await count()).toBe(0);
        await release();
      }
      await durable;
      expect(await count()).toBe(4);
      if (kind.name === 'PostgreSQL') {
        const ids = await t.sql('select xmin::text as x from rooms union select xmin::text from participants union select xmin::text from votes union select xmin::text from meta');
        expect(ids).toHaveLength(1);
      }
      // Writes of later turns: durable() waits for the newest of them.
      s.saveVote({ roomId: 'g', turn: 1, pid: 'p', choice: 2, seq: 2, at: T0 });
      await new Promise((r) => setImmediate(r));
      s.saveVote({ roomId: 'g', turn: 2, pid: 'p', choice: 0, seq: 3, at: T0 });
      await s.durable();
      expect(await count()).toBe(6);
    });

    test('what durable() confirmed is there after reopening; close() commits what was still open', async () => {
      const t = await kind.fresh();
      const a = await t.open();
      a.createRoom(roomRow('d', 'DURAB', T0));
      for (let i = 0; i < 50; i++) a.saveVote({ roomId: 'd', turn: 0, pid: `p${i}`, choice: i % 3, seq: 1, at: T0 + i });
      await a.durable();
      a.savePlay({ roomId: 'd', pid: 'p1', state: '{"last":true}', seq: 9, updatedAt: T0 });
      a.close(); // without awaiting durable()
      const b = await open(t);
      expect(b.votes('d', 0)).toHaveLength(50);
      expect(b.plays('d')[0]?.state).toBe('{"last":true}');
      expect(b.room('DURAB')?.id).toBe('d');
    });

    test('a write that cannot be saved is never confirmed, and is not there after reopening', async () => {
      const t = await kind.fresh();
      const s = await t.open();
      const failures: Error[] = [];
      s.onFailure = (e) => failures.push(e);
      s.createRoom(roomRow('f', 'FAILS', T0));
      await s.durable();
      await t.breakVotes();
      s.setMeta('same-turn', 'yes');
      if (t.failsAt === 'statement') {
        // SQLite: the statement throws where it is made; the rest of the turn still commits.
        expect(() => s.saveVote({ roomId: 'f', turn: 0, pid: 'p', choice: 1, seq: 1, at: T0 })).toThrow(/disk full/);
        await s.durable();
      } else {
        // PostgreSQL: the commit fails; the whole turn is refused, and the server is told to stop.
        s.saveVote({ roomId: 'f', turn: 0, pid: 'p', choice: 1, seq: 1, at: T0 });
        await expect(s.durable()).rejects.toThrow(/disk full/);
        expect(failures).toHaveLength(1);
        expect(failures[0]!.message).toMatch(/commit failed: .*disk full/);
      }
      s.close();
      const again = await open(t);
      expect(again.votes('f')).toEqual([]);
      expect(again.meta('same-turn')).toBe(t.failsAt === 'statement' ? 'yes' : undefined);
      expect(again.room('FAILS')?.id).toBe('f');
    });
  });
});

const pgKind = kinds.find((k) => k.name === 'PostgreSQL')!;
describe.skipIf(!!pgKind.skip)('PostgreSQL store: schema and connection', () => {
  test('the schema is made on first use, once, even by two servers opening a new database together', async () => {
    const t = await pgKind.fresh();
    const [a, b] = await Promise.all([t.open(), t.open()]);
    a.close();
    b.close();
    (await t.open()).close();
    const versions = await t.sql('select version from schema_version order by version');
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    const tables = await t.sql("select table_name from information_schema.tables where table_schema = 'public' order by table_name");
    expect(tables.map((r) => r.table_name)).toEqual(['meta', 'participants', 'plays', 'room_leases', 'room_scenario_people', 'room_scenarios', 'rooms', 'scenarios', 'schema_version', 'votes']);
  });

  test('batches queued behind a commit may share it, but a batch is never split, and every one is confirmed', async () => {
    const t = await pgKind.fresh();
    const s = await t.open();
    const confirmed: Promise<void>[] = [];
    for (let turn = 0; turn < 200; turn++) {
      for (const pid of ['a', 'b', 'c']) s.saveVote({ roomId: 'r', turn, pid, choice: turn % 3, seq: 1, at: T0 + turn });
      s.savePlay({ roomId: 'r', pid: 'a', state: `{"turn":${turn}}`, seq: turn, updatedAt: T0 + turn });
      confirmed.push(s.durable());
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(confirmed);
    expect(await t.sql('select turn from votes group by turn having count(distinct xmin::text) > 1')).toEqual([]);
    expect(Number((await t.sql('select count(*) as n from votes'))[0]!.n)).toBe(600);
    expect(s.plays('r')[0]!.state).toBe('{"turn":199}');
    s.close();
  });

  test('a database made by a newer version, a wrong URL or an unreachable server: a clear message', async () => {
    const t = await pgKind.fresh();
    (await t.open()).close();
    await t.sql('insert into schema_version (version, applied_at) values (999, 0)');
    await expect(t.open()).rejects.toThrow(/schema version 999, newer than this Complaint Dojo knows/);
    await expect(PgStore.open('mysql://x@localhost/db')).rejects.toThrow('DATABASE_URL must start with postgres://');
    await expect(PgStore.open('not a url')).rejects.toThrow('DATABASE_URL is not a URL');
    await expect(PgStore.open('postgres://u:secret@127.0.0.1:1/x')).rejects.toThrow(/^cannot use the database at postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/x: .*ECONNREFUSED/);
  });
});
