/**
 * Several server processes sharing rooms through Redis (REDIS_URL): the host on process A,
 * the trainees on process B; a vote round completes and nothing is lost. Needs Debian's
 * redis-server (.ci/run installs it; on CI the test never skips).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Client, ok, startServer, until } from './classroomServer.helpers.js';
import { haveRedis, startRedis } from './serverProcess.helpers.js';

const run = haveRedis || process.env.CI ? test : test.skip;

let redis: { url: string; stop(): void } | undefined;
let url = '';

beforeAll(async () => {
  if (!haveRedis) return;
  redis = await startRedis();
  url = redis.url;
});

afterAll(() => {
  redis?.stop();
});

run('host on process A, trainees on process B: a vote round completes and nothing is lost', async () => {
  expect(haveRedis, 'redis-server is not installed (apt-get install -y redis-server)').toBe(true);
  const a = await startServer({ redisUrl: url });
  const b = await startServer({ redisUrl: url });
  const clients: Client[] = [];
  try {
    const host = new Client(a.url);
    clients.push(host);
    const made = ok(await host.ask<{ code: string; hostToken: string }>('room.create', { scenario: 'broadband-outage', mode: 'vote', voteSeconds: 60 }));
    const trainees: { c: Client; token: string }[] = [];
    for (let i = 0; i < 4; i++) {
      const c = new Client(b.url);
      clients.push(c);
      const j = ok(await c.ask<{ token: string }>('trainee.join', { code: made.code, nickname: `b${i}` }, 10_000));
      trainees.push({ c, token: j.token });
    }
    await until(() => host.host?.participants.length === 4 && host.host.participants.every((p) => p.online));
    ok(await host.ask('host.act', { code: made.code, hostToken: made.hostToken, action: { type: 'start' } }));
    // Views published on A reach the trainees' sockets on B.
    const v = await until(() => trainees[3]!.c.trainee?.vote?.round && trainees[3]!.c.trainee.vote);
    const picks = [0, 0, 1, 2].map((k) => v.now.choices[k]!.choice);
    await Promise.all(trainees.map((t, i) => t.c.ask('trainee.vote', { code: made.code, token: t.token, turn: 0, choice: picks[i], seq: 1 }).then(ok)));
    // A resent vote (lost ack) through B is still counted once.
    ok(await trainees[0]!.c.ask('trainee.vote', { code: made.code, token: trainees[0]!.token, turn: 0, choice: picks[0], seq: 1 }));
    await until(() => host.host?.vote?.round?.voters === 4);
    ok(await host.ask('host.act', { code: made.code, hostToken: made.hostToken, action: { type: 'reveal' } }));
    const o = await until(() => host.host?.vote?.round?.options);
    expect(o.map((x) => x.votes).slice(0, 3)).toEqual([2, 1, 1]);
    await until(() => trainees[1]!.c.trainee?.vote?.round?.status === 'revealed');
    ok(await host.ask('host.act', { code: made.code, hostToken: made.hostToken, action: { type: 'advance' } }));
    await until(() => trainees[2]!.c.trainee?.vote?.round?.turn === 1);
    // A trainee reconnecting to B again resumes through the owner on A.
    const again = new Client(b.url);
    clients.push(again);
    const back = ok(await again.ask<{ view: { name: string } }>('trainee.attach', { code: made.code, token: trainees[2]!.token }, 10_000));
    expect(back.view.name).toBe('b2');
  } finally {
    for (const c of clients) c.close();
    await a.close();
    await b.close();
  }
}, 60_000);

run('the process holding a room dies: another process on the same database takes the room on, votes intact', async () => {
  expect(haveRedis).toBe(true);
  const { join } = await import('node:path');
  const { tempDir } = await import('./classroomServer.helpers.js');
  const db = join(tempDir(), 'shared.db');
  const a = await startServer({ redisUrl: url, db });
  const b = await startServer({ redisUrl: url, db });
  const clients: Client[] = [];
  try {
    const host = new Client(a.url);
    clients.push(host);
    const made = ok(await host.ask<{ code: string; hostToken: string }>('room.create', { scenario: 'broadband-outage', mode: 'vote', voteSeconds: 60 }));
    const t = new Client(b.url);
    clients.push(t);
    const j = ok(await t.ask<{ token: string }>('trainee.join', { code: made.code, nickname: 'x' }, 10_000));
    ok(await host.ask('host.act', { code: made.code, hostToken: made.hostToken, action: { type: 'start' } }));
    const v = await until(() => t.trainee?.vote?.round && t.trainee.vote);
    ok(await t.ask('trainee.vote', { code: made.code, token: j.token, turn: 0, choice: v.now.choices[1]!.choice, seq: 1 }));
    host.close();
    await a.close();
    // The host comes back through B: B finds no process holding the room and takes it on.
    const host2 = new Client(b.url);
    clients.push(host2);
    ok(await host2.ask('host.attach', { code: made.code, hostToken: made.hostToken }, 20_000));
    ok(await host2.ask('host.act', { code: made.code, hostToken: made.hostToken, action: { type: 'reveal' } }));
    const o = await until(() => host2.host?.vote?.round?.options);
    expect(o.map((x) => x.votes).slice(0, 2)).toEqual([0, 1]);
  } finally {
    for (const c of clients) c.close();
    await b.close();
  }
}, 60_000);


run('a take-over through another process: the new host screen keeps its views, the old one stops getting them', async () => {
  expect(haveRedis).toBe(true);
  const a = await startServer({ redisUrl: url });
  const b = await startServer({ redisUrl: url });
  const clients: Client[] = [];
  try {
    const old = new Client(a.url);
    clients.push(old);
    const made = ok(await old.ask<{ code: string; hostToken: string }>('room.create', { scenario: 'broadband-outage', mode: 'vote', voteSeconds: 60 }));
    // Several take-overs in a row, each from a screen on B while the room lives on A: the
    // eviction of the earlier screens must never catch the screen that just took over.
    let host = old;
    for (let round = 0; round < 5; round++) {
      const next = new Client(b.url);
      clients.push(next);
      ok(await next.ask<{ hostToken: string }>('host.claim', { code: made.code }, 10_000));
      host = next;
      const t = new Client(b.url);
      clients.push(t);
      ok(await t.ask('trainee.join', { code: made.code, nickname: `t${round}` }, 10_000));
      await until(() => host.host?.participants.length === round + 1, 10_000);
    }
    // The first screen heard nothing after it was taken over.
    expect(old.host?.participants.length ?? 0).toBe(0);
  } finally {
    for (const c of clients) c.close();
    await a.close();
    await b.close();
  }
}, 60_000);
