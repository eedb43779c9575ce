/**
 * The classroom server's durability, on each store (SQLite, and PostgreSQL via DATABASE_URL):
 * restarts and kill -9 lose no acknowledged vote or trainee, expired rooms stay exportable,
 * a write that cannot be saved is never acknowledged, and the server says which store it uses.
 */
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import type { TraineeView } from '../../src/server/protocol.js';
import { Client, fakeDist, ok, startServer, until } from './classroomServer.helpers.js';
import { spawnServer as spawnProcess } from './serverProcess.helpers.js';
import { storeKinds, type StoreTarget } from './storeKinds.helpers.js';

const kinds = await storeKinds();
afterAll(() => Promise.all(kinds.map((k) => k.stop())));

type Server = Awaited<ReturnType<typeof startServer>>;
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function server(o: Parameters<typeof startServer>[0] = {}): Promise<Server> {
  const s = await startServer(o);
  cleanup.push(() => s.close());
  return s;
}

/** Answers may be slow from a server process that has just started on a busy machine. */
class PatientClient extends Client {
  override ask<T = Record<string, unknown>>(event: string, payload: unknown, timeout = 15_000) {
    return super.ask<T>(event, payload, timeout);
  }
}

function client(s: { url: string }, auth: Record<string, unknown> = {}): Client {
  const c = new PatientClient(s.url, auth);
  cleanup.push(() => c.close());
  return c;
}

/** A class-vote room on broadband-outage with `n` trainees. */
async function classRoom(s: { url: string }, n = 3) {
  const host = client(s);
  const made = ok(await host.ask<{ code: string; hostToken: string }>('room.create', { scenario: 'broadband-outage', mode: 'vote', voteSeconds: 60 }));
  const trainees: { c: Client; token: string }[] = [];
  for (let i = 0; i < n; i++) {
    const c = client(s);
    const j = ok(await c.ask<{ token: string }>('trainee.join', { code: made.code, nickname: `学员 ${i + 1}` }));
    trainees.push({ c, token: j.token });
  }
  const act = (action: object, token = made.hostToken) => host.ask('host.act', { code: made.code, hostToken: token, action });
  return { host, code: made.code, hostToken: made.hostToken, trainees, act };
}

const lastVote = (c: Client) => c.trainee?.vote;

/** bin/serve.mjs in a process of its own, on the target's store. */
const spawnServer = (t: StoreTarget, dist: string) => spawnProcess(t, dist, (f) => cleanup.push(f));

describe.each(kinds)('$name store: the classroom server', (kind) => {
  describe.skipIf(!!kind.skip)('durability', () => {
    test('a restart with the same database loses no acknowledged vote', async () => {
      const t = await kind.fresh();
      const s1 = await startServer(t.serve);
      const r = await classRoom(s1, 3);
      ok(await r.act({ type: 'start' }));
      const v = await until(() => lastVote(r.trainees[0]!.c));
      for (const [i, tr] of r.trainees.entries()) ok(await tr.c.ask('trainee.vote', { code: r.code, token: tr.token, turn: 0, choice: v.now.choices[i % 2]!.choice, seq: 5 }));
      for (const tr of r.trainees) tr.c.close();
      r.host.close();
      await s1.close();

      const s2 = await server(t.serve);
      const host = client(s2);
      ok(await host.ask('host.attach', { code: r.code, hostToken: r.hostToken }));
      ok(await host.ask('host.act', { code: r.code, hostToken: r.hostToken, action: { type: 'reveal' } }));
      const o = await until(() => host.host?.vote?.round?.options);
      expect(o.map((x) => x.votes).slice(0, 2)).toEqual([2, 1]);
      ok(await client(s2).ask('trainee.attach', { code: r.code, token: r.trainees[0]!.token }));
    });

    test('a join sent again with its key is the same trainee, also after a restart', async () => {
      const t = await kind.fresh();
      const s1 = await startServer(t.serve);
      const r = await classRoom(s1, 1);
      const key = 'k3y-0f-a-ph0ne-j01n1ng';
      const first = ok(await client(s1).ask<{ token: string }>('trainee.join', { code: r.code, nickname: '小王', key }));
      expect(first.token).toBe(key);
      const again = ok(await client(s1).ask<{ token: string; view: TraineeView }>('trainee.join', { code: r.code, nickname: '小王', key }));
      expect(again.view.name).toBe('小王');
      r.host.close();
      await s1.close();

      const s2 = await server(t.serve);
      const host = client(s2);
      ok(await host.ask('host.attach', { code: r.code, hostToken: r.hostToken }));
      const later = ok(await client(s2).ask<{ view: TraineeView }>('trainee.join', { code: r.code, nickname: '小王', key }));
      expect(later.view.name).toBe('小王');
      const fresh = ok(await host.ask<{ view: { participants: unknown[] } }>('host.attach', { code: r.code, hostToken: r.hostToken }));
      expect(fresh.view.participants).toHaveLength(2);
    });

    test('kill -9 after acknowledged votes: a new process has them all, and says which store it uses', async () => {
      const t = await kind.fresh();
      const dist = fakeDist();
      const a = spawnServer(t, dist);
      const up = await a.up;
      expect(up.out).toMatch(kind.name === 'SQLite' ? /results: +\S+dojo\.db \(SQLite\)/ : /results: +PostgreSQL postgres:\/\/postgres@127\.0\.0\.1:\d+\/dojo_test_/);
      const r = await classRoom(up, 4);
      ok(await r.act({ type: 'start' }));
      const v = await until(() => lastVote(r.trainees[0]!.c));
      for (const [i, tr] of r.trainees.entries()) ok(await tr.c.ask('trainee.vote', { code: r.code, token: tr.token, turn: 0, choice: v.now.choices[i % 3]!.choice, seq: 9 }));
      a.kill();
      await a.exited;
      const b = await spawnServer(t, dist).up;
      const host = client(b);
      ok(await host.ask('host.attach', { code: r.code, hostToken: r.hostToken }));
      ok(await host.ask('host.act', { code: r.code, hostToken: r.hostToken, action: { type: 'reveal' } }));
      const o = await until(() => host.host?.vote?.round?.options);
      expect(o.map((x) => x.votes).slice(0, 3)).toEqual([2, 1, 1]);
    }, 60_000);

    test('a vote that cannot be saved is never acknowledged; those acknowledged before it all survive', async () => {
      const t = await kind.fresh();
      const dist = fakeDist();
      const a = spawnServer(t, dist);
      const up = await a.up;
      const r = await classRoom(up, 3);
      ok(await r.act({ type: 'start' }));
      const v = await until(() => lastVote(r.trainees[0]!.c));
      const vote = (i: number, timeout?: number) =>
        r.trainees[i]!.c.ask('trainee.vote', { code: r.code, token: r.trainees[i]!.token, turn: 0, choice: v.now.choices[0]!.choice, seq: 1 }, timeout).catch((e: Error) => e);
      ok((await vote(0)) as never);
      ok((await vote(1)) as never);
      await t.breakVotes();
      const refused = await vote(2, 5000);
      expect(refused).not.toMatchObject({ ok: true });
      if (t.failsAt === 'commit') {
        // PostgreSQL: the commit failed, so the server stops rather than go on.
        const gone = await a.exited;
        expect(gone.code).toBe(1);
        expect(gone.err).toMatch(/cannot write to PostgreSQL postgres:\/\/\S+: commit failed: .*disk full \(test\)\. Stopping/);
        expect(gone.err).not.toMatch(/\n\s+at /);
      } else {
        expect(refused).toMatchObject({ ok: false, error: 'internal' });
        a.kill();
        await a.exited;
      }
      const votes = await t.sql('select pid from votes');
      expect(votes).toHaveLength(2);
    }, 60_000);

    test('rooms expire: their code stops working, their results stay exportable from the store', async () => {
      const t = await kind.fresh();
      const s = await server({ ...t.serve, ttlMs: 60_000 });
      const r = await classRoom(s, 1);
      // From the room's last activity (setting up can take seconds on a busy machine).
      let now = Date.now();
      (s.hub as unknown as { now: () => number }).now = () => now;
      now += 61_000;
      s.hub.tick();
      const c = client(s);
      expect(await c.ask('trainee.join', { code: r.code, nickname: 'x' })).toMatchObject({ ok: false, error: 'no-room' });
      const json = (await (await fetch(`${s.url}/api/rooms/${r.code}/export.json`)).json()) as { participants: { name: string }[] };
      expect(json.participants.map((p) => p.name)).toEqual(['学员 1']);
      expect((await fetch(`${s.url}/api/rooms/${r.code}/export.csv`)).status).toBe(200);
      const list = ok(await c.ask<{ rooms: { code: string; active: boolean }[] }>('room.list', {}));
      expect(list.rooms.find((x) => x.code === r.code)?.active).toBe(false);
    });
  });
});

describe('DATABASE_URL that cannot be used', () => {
  test('a clear message and exit status 1, no stack trace', async () => {
    const dist = fakeDist();
    for (const [url, said] of [
      ['postgres://dojo:secret@127.0.0.1:1/dojo', /^cannot start: cannot use the database at postgres:\/\/dojo:\*\*\*@127\.0\.0\.1:1\/dojo: .*ECONNREFUSED/],
      ['mysql://127.0.0.1/dojo', /^cannot start: DATABASE_URL must start with postgres:\/\/ or postgresql:\/\//],
    ] as const) {
      const s = spawnServer({ args: [], env: { DATABASE_URL: url } } as unknown as StoreTarget, dist);
      s.up.catch(() => undefined);
      const e = await s.exited;
      expect(e.code).toBe(1);
      expect(e.err.trim()).toMatch(said);
      expect(e.err).not.toContain('secret');
      expect(e.err).not.toMatch(/\n\s+at /);
    }
  }, 30_000);
});
