/**
 * Room leases and fencing tokens (lease.ts, leaseSql.ts), on both stores, with a clock the
 * test moves: who may take a room when, what a stale holder's writes become, and two hubs on
 * one database handing a room over without a second holder.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/files.js';
import { Hub, type Caller, type Outcome } from '../../src/server/hub.js';
import { Leases } from '../../src/server/lease.js';
import { ServerLibrary } from '../../src/server/library.js';
import type { HostView } from '../../src/server/protocol.js';
import { Fenced } from '../../src/server/store.js';
import { until } from './classroomServer.helpers.js';
import { storeKinds, type OpenStore } from './storeKinds.helpers.js';

const kinds = await storeKinds();
afterAll(() => Promise.all(kinds.map((k) => k.stop())));
const library = ServerLibrary.load(PROJECT_ROOT);
afterAll(() => library.close());

const vote = (roomId: string, pid: string, seq = 1) => ({ roomId, turn: 0, pid, choice: 1, seq, at: 5 });
const trainer: Caller = { trainer: true };
const trainee: Caller = { trainer: false };

describe.each(kinds)('$name store', (kind) => {
  const stores: OpenStore[] = [];
  afterAll(() => stores.forEach((s) => s.close()));
  /** Two connections to one fresh database, as two server processes have. */
  async function two(): Promise<[OpenStore, OpenStore]> {
    const t = await kind.fresh();
    const a = await t.open();
    const b = await t.open();
    stores.push(a, b);
    return [a, b];
  }

  describe.skipIf(!!kind.skip)('leases', () => {
    test('a lease is refused while it runs, taken once it ran out with a higher token, kept by its holder with the same', async () => {
      const [a, b] = await two();
      // Each step committed before the next (two SQLite connections on one thread would wait for each other).
      const on = async <T,>(s: OpenStore, f: (s: OpenStore) => T) => {
        const r = f(s);
        await s.durable();
        return r;
      };
      expect(await on(a, (s) => s.acquireLease('r1', 'A', 1000, 500, false))).toEqual({ ok: true, token: 1 });
      expect(await on(b, (s) => s.acquireLease('r1', 'B', 1400, 500, false))).toEqual({ ok: false, holder: 'A', expiresAt: 1500 });
      expect(await on(a, (s) => s.acquireLease('r1', 'A', 1400, 500, false))).toEqual({ ok: true, token: 1 });
      expect(await on(b, (s) => s.acquireLease('r1', 'B', 1900, 500, false))).toEqual({ ok: true, token: 2 });
      // A again, later: a new holder for the room, so a new token.
      expect(await on(a, (s) => s.acquireLease('r1', 'A', 3000, 500, false))).toEqual({ ok: true, token: 3 });
      // Forced (one process on its database): taken from a live holder too.
      expect(await on(b, (s) => s.acquireLease('r1', 'B', 3001, 500, true))).toEqual({ ok: true, token: 4 });
      expect(await on(a, (s) => s.renewLeases('A', [{ roomId: 'r1', token: 3 }], 3002, 500))).toEqual(['r1']);
      expect(await on(b, (s) => s.renewLeases('B', [{ roomId: 'r1', token: 4 }], 3002, 500))).toEqual([]);
      await on(b, (s) => s.releaseLease('r1', 4));
      expect(await on(a, (s) => s.acquireLease('r1', 'A', 3003, 500, false))).toEqual({ ok: true, token: 5 });
    });

    test("a stale holder's writes are refused and reported; the rest of its batch is committed", async () => {
      const [a, b] = await two();
      const fenced: string[] = [];
      a.onFenced = (room) => fenced.push(room);
      expect(a.acquireLease('r1', 'A', 0, 1000, false)).toMatchObject({ ok: true, token: 1 });
      expect(a.acquireLease('r2', 'A', 0, 1000, false)).toMatchObject({ ok: true, token: 1 });
      a.fence('r1', 1);
      a.fence('r2', 1);
      a.saveVote(vote('r1', 'p1'));
      await a.durable();
      // B takes r1 (A froze past its lease); A wakes and writes both rooms in one batch.
      expect(b.acquireLease('r1', 'B', 5000, 1000, false)).toMatchObject({ ok: true, token: 2 });
      await b.durable();
      a.saveVote(vote('r2', 'p2'));
      if (kind.name === 'SQLite') expect(() => a.saveVote(vote('r1', 'p3'))).toThrow(Fenced);
      else a.saveVote(vote('r1', 'p3'));
      a.saveVote(vote('r2', 'p4'));
      await a.durable();
      expect(fenced).toEqual(['r1']);
      expect(b.votes('r1').map((v) => v.pid)).toEqual(['p1']);
      expect(b.votes('r2').map((v) => v.pid)).toEqual(['p2', 'p4']);
      // Still refused later (never taken again with that token).
      if (kind.name === 'SQLite') expect(() => a.saveVote(vote('r1', 'p5'))).toThrow(Fenced);
      else a.saveVote(vote('r1', 'p5'));
      await a.durable();
      expect(b.votes('r1')).toHaveLength(1);
    });

    test("a stale holder's archive of a scenario is refused with the room's save; another room's goes through", async () => {
      const [a, b] = await two();
      const scene = (roomId: string) => ({ roomId, index: 0, mode: 'vote' as const, sourceFile: 'f.yaml', sourceText: 'x', state: '{}', archivedAt: 1, people: [{ pid: 'p', name: 'P', state: '{}' }] });
      for (const r of ['r1', 'r2']) expect(a.acquireLease(r, 'A', 0, 1000, false)).toMatchObject({ ok: true, token: 1 });
      a.fence('r1', 1);
      a.fence('r2', 1);
      expect(b.acquireLease('r1', 'B', 5000, 1000, false)).toMatchObject({ ok: true, token: 2 });
      await b.durable();
      a.archiveScenario(scene('r2'));
      if (kind.name === 'SQLite') expect(() => a.archiveScenario(scene('r1'))).toThrow(Fenced);
      else a.archiveScenario(scene('r1'));
      await a.durable();
      expect(b.archivedScenarios('r1')).toEqual([]);
      expect(b.archivedScenarios('r2')).toEqual([scene('r2')]);
    });

    test('Leases: trusted for three quarters of the lease, then asked again; lost to another holder, forgotten', async () => {
      const [a, b] = await two();
      const la = new Leases(a, { holder: 'A', ttlMs: 1000 });
      const lb = new Leases(b, { holder: 'B', ttlMs: 1000 });
      expect(la.take('r1', 0)).toEqual({ ok: true });
      await a.durable();
      expect(lb.take('r1', 500)).toEqual({ ok: false, until: 1000 });
      await b.durable();
      expect(la.keep('r1', 749)).toBe(true);
      // Past the trusted part: renewed (nobody took it), trusted again.
      expect(la.keep('r1', 900)).toBe(true);
      await a.durable();
      expect(lb.take('r1', 1500)).toEqual({ ok: false, until: 1900 });
      await b.durable();
      expect(la.due(400)).toBe(true);
      expect(la.renewAll(400)).toEqual([]);
      expect(la.due(500)).toBe(false);
      await a.durable();
      expect(lb.take('r1', 2000)).toEqual({ ok: true });
      await b.durable();
      expect(lb.token('r1')).toBe(2);
      expect(la.keep('r1', 2100)).toBe(false);
      await a.durable();
      expect(la.holds('r1')).toBe(false);
      // Released: the other takes it at once.
      lb.release('r1');
      await b.durable();
      expect(la.take('r1', 2200)).toEqual({ ok: true });
      expect(la.token('r1')).toBe(3);
      await a.durable();
    });
  });

  describe.skipIf(!!kind.skip)('two hubs on one database', () => {
    test('the room moves only once its lease ran out; the old holder then refuses it, writes nothing and pushes nothing', async () => {
      const [sa, sb] = await two();
      let clock = 1_000_000;
      const now = () => clock;
      const hub = (s: OpenStore, holder: string) => new Hub({ store: s, library, now, leases: new Leases(s, { holder, ttlMs: 4000 }) });
      const a = hub(sa, 'A');
      const b = hub(sb, 'B');
      const pushed: HostView[] = [];
      a.publisher = { host: (_, v) => pushed.push(v), class: () => undefined, trainee: () => undefined, evictHost: () => undefined, evictTrainee: () => undefined };
      const made = (await a.handle('room.create', { scenario: 'broadband-outage', mode: 'vote', voteSeconds: 60 } as never, trainer))!.reply as unknown as { code: string };
      const join = (h: Hub, name: string, adopt = false) => h.handle('trainee.join', { code: made.code, nickname: name, key: `key-${name}-0123456789abcdef` } as never, trainee, { adopt });
      const a1 = await join(a, 'a1');
      expect(a1?.reply).toMatchObject({ ok: true });
      // A pushes the host view (once the host view's pacing allows: the clock moves on).
      clock += 200;
      await until(() => pushed.at(-1)?.participants.length === 1, 2000);
      // A's lease runs: B may not take the room (it would be a second holder).
      clock += 2000;
      expect(await join(b, 'b1')).toBeUndefined();
      const refused = (await join(b, 'b1', true)) as Outcome;
      expect(refused.reply).toMatchObject({ ok: false, error: 'moving' });
      expect(refused.heldUntil).toBe(1_000_000 + 4000);
      // A froze past its lease: now B takes it, with what A wrote.
      clock += 3000;
      expect((await join(b, 'b1', true))?.reply).toMatchObject({ ok: true });
      expect(b.find(made.code)?.participants.size).toBe(2);
      // A wakes: a trainee's socket on A comes back (presence is pushed to the host) but A
      // holds the room no more: it lets the room go and pushes nothing.
      const seen = pushed.length;
      expect(a.presence(made.code, a1!.as!.pid, 1)).toBe(false);
      expect(a.find(made.code)).toBeUndefined();
      a.flush();
      await new Promise((r) => setTimeout(r, 50));
      expect(pushed).toHaveLength(seen);
      // A join forwarded to A while it was frozen is not A's to settle.
      expect(await join(a, 'late')).toBeUndefined();
      const names = sb.participants(b.find(made.code)!.id).map((p) => p.name);
      expect(names.sort()).toEqual(['a1', 'b1']);
      a.stop();
      await sa.durable();
      b.stop();
      await sb.durable();
    });

    test('a holder that still trusts its lease when another took it: its write is refused at the store, and the room let go', async () => {
      const [sa, sb] = await two();
      let clock = 2_000_000;
      const now = () => clock;
      const a = new Hub({ store: sa, library, now, leases: new Leases(sa, { holder: 'A', ttlMs: 60_000 }) });
      // B alone on its database as far as it knows (no Redis): it takes the lease by force.
      const b = new Hub({ store: sb, library, now, leases: new Leases(sb, { holder: 'B', ttlMs: 60_000, sole: true }) });
      const made = (await a.handle('room.create', { scenario: 'broadband-outage', mode: 'vote', voteSeconds: 60 } as never, trainer))!.reply as unknown as { code: string };
      const join = (h: Hub, name: string, adopt = false) => h.handle('trainee.join', { code: made.code, nickname: name, key: `key-${name}-0123456789abcdef` } as never, trainee, { adopt });
      expect((await join(b, 'b1', true))?.reply).toMatchObject({ ok: true });
      clock += 10;
      expect(await join(a, 'a1')).toBeUndefined();
      expect(a.find(made.code)).toBeUndefined();
      expect(sb.participants(b.find(made.code)!.id).map((p) => p.name)).toEqual(['b1']);
      a.stop();
      await sa.durable();
      b.stop();
      await sb.durable();
    });
  });
});
