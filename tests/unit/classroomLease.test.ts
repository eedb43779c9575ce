/**
 * V1 of issue 14, as a test: two server processes (Redis, one shared database: SQLite file or
 * PostgreSQL) and a room whose holder freezes (SIGSTOP, as a long GC pause or a starved CPU
 * would) for longer than its lease. Trainees join and vote through the other process, which
 * takes the room on once the lease has run out; the holder then resumes (SIGCONT). Every
 * acknowledged vote is in the reveal, both host screens agree, nobody is in the database
 * twice, and the class moves on together. Needs redis-server (.ci/run installs it).
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { HostView } from '../../src/server/protocol.js';
import { Client, fakeDist, ok, until } from './classroomServer.helpers.js';
import { haveRedis, spawnServer, startRedis } from './serverProcess.helpers.js';
import { storeKinds } from './storeKinds.helpers.js';

const kinds = await storeKinds();
let redis: { url: string; stop(): void } | undefined;
beforeAll(async () => {
  if (haveRedis) redis = await startRedis();
});
afterAll(async () => {
  redis?.stop();
  await Promise.all(kinds.map((k) => k.stop()));
});

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

/** Answers through a process that is forwarding to a frozen one take seconds. */
const PATIENT_MS = 30_000;
const LEASE_MS = 3000;
const FREEZE_MS = 8000;

function client(url: string): Client {
  const c = new Client(url);
  cleanup.push(() => c.close());
  return c;
}

const counts = (v: HostView | undefined) => v?.vote?.round?.options?.map((o) => o.votes);

describe.each(kinds)('$name store, two processes behind Redis', (kind) => {
  const run = kind.skip ? test.skip : haveRedis || process.env.CI ? test : test.skip;
  run('the holder frozen past its lease: no acknowledged vote lost, one trainee each, both hosts agree', async () => {
    expect(haveRedis, 'redis-server is not installed (apt-get install -y redis-server)').toBe(true);
    const t = await kind.fresh();
    const dist = fakeDist();
    const env = { ...t.env, REDIS_URL: redis!.url, DOJO_LEASE_MS: String(LEASE_MS) };
    const a = spawnServer({ args: t.args, env }, dist, (f) => cleanup.push(f));
    const b = spawnServer({ args: t.args, env }, dist, (f) => cleanup.push(f));
    const [onA, onB] = await Promise.all([a.up, b.up]);

    // The room lives on A; a second host screen watches through B.
    const host = client(onA.url);
    const made = ok(await host.ask<{ code: string; hostToken: string }>('room.create', { scenario: 'broadband-outage', mode: 'vote', voteSeconds: 120 }));
    const code = made.code;
    const host2 = client(onB.url);
    ok(await host2.ask('host.attach', { code, hostToken: made.hostToken }, PATIENT_MS));
    const act = (h: Client, action: object) => h.ask('host.act', { code, hostToken: made.hostToken, action }, PATIENT_MS);

    const trainees: { c: Client; token: string; name: string }[] = [];
    const join = async (url: string, name: string) => {
      const c = client(url);
      const key = `key-of-${name}-${'x'.repeat(12)}`;
      const j = ok(await c.ask<{ token: string }>('trainee.join', { code, nickname: name, key }, PATIENT_MS));
      trainees.push({ c, token: j.token, name });
      return trainees.at(-1)!;
    };
    for (const n of ['a1', 'a2', 'a3']) await join(onA.url, n);
    // The vote stays open while trainees come and go (not closed once all present have voted).
    ok(await act(host, { type: 'settings', settings: { autoClose: false } }));
    ok(await act(host, { type: 'start' }));
    const first = await until(() => trainees[0]!.c.trainee?.vote?.round && trainees[0]!.c.trainee.vote, 10_000);
    const choices = first.now.choices.map((c) => c.choice);
    const acked: number[] = [];
    const vote = async (tr: { c: Client; token: string }, k: number) => {
      ok(await tr.c.ask('trainee.vote', { code, token: tr.token, turn: 0, choice: choices[k % choices.length], seq: 1 }, PATIENT_MS));
      acked.push(k % choices.length);
    };
    for (const [i, tr] of trainees.entries()) await vote(tr, i);

    // A freezes; the class goes on through B.
    a.signal('SIGSTOP');
    const frozenAt = Date.now();
    const [b1, b2] = await Promise.all([join(onB.url, 'b1'), join(onB.url, 'b2')]);
    await vote(b1, 1);
    await vote(b2, 2);
    await new Promise((r) => setTimeout(r, Math.max(0, FREEZE_MS - (Date.now() - frozenAt))));
    a.signal('SIGCONT');

    // After the thaw: a trainee on A sends its vote again (its answer lost), another joins through A.
    ok(await trainees[0]!.c.ask('trainee.vote', { code, token: trainees[0]!.token, turn: 0, choice: choices[0], seq: 1 }, PATIENT_MS));
    const a4 = await join(onA.url, 'a4');
    await vote(a4, 0);

    const voters = acked.length;
    await until(() => host.host?.vote?.round?.voters === voters && host2.host?.vote?.round?.voters === voters, 15_000).catch(() => undefined);
    expect([host.host?.vote?.round?.voters, host2.host?.vote?.round?.voters]).toEqual([voters, voters]);
    expect(host.host?.participants.length).toBe(trainees.length);
    expect(host2.host?.participants.map((p) => p.name).sort()).toEqual(trainees.map((tr) => tr.name).sort());

    ok(await act(host, { type: 'reveal' }));
    const expected = choices.map((_, k) => acked.filter((x) => x === k).length);
    await until(() => counts(host.host) && counts(host2.host), 10_000);
    // Both screens show the same reveal, with every acknowledged vote in it.
    await until(() => String(counts(host.host)) === String(expected) && String(counts(host2.host)) === String(expected), 5000).catch(() => undefined);
    expect(counts(host.host)).toEqual(expected);
    expect(counts(host2.host)).toEqual(expected);

    // One row per trainee in the database, none twice.
    const rows = await t.sql(`select p.name, p.token_hash from participants p join rooms r on r.id = p.room_id where r.code = '${code}'`);
    expect(rows.map((r) => r.name).sort()).toEqual(trainees.map((tr) => tr.name).sort());
    const votes = await t.sql(`select v.pid from votes v join rooms r on r.id = v.room_id where r.code = '${code}' and v.turn = 0`);
    expect(votes).toHaveLength(voters);

    // The class moves on together, on either process.
    ok(await act(host2, { type: 'advance', turn: 0 }));
    await until(() => trainees.every((tr) => tr.c.trainee?.vote?.round?.turn === 1) && host.host?.vote?.round?.turn === 1 && host2.host?.vote?.round?.turn === 1, 10_000).catch(
      () => undefined,
    );
    expect(trainees.map((tr) => `${tr.name}:${tr.c.trainee?.vote?.round?.turn}`)).toEqual(trainees.map((tr) => `${tr.name}:1`));
    expect([host.host?.vote?.round?.turn, host2.host?.vote?.round?.turn]).toEqual([1, 1]);
    // Both processes are still up.
    expect(a.output()).not.toMatch(/Stopping/);
    expect(b.output()).not.toMatch(/Stopping/);
  }, 120_000);
});
