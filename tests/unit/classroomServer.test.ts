/** The classroom server end to end over real sockets: votes, reveal, override, rejoin, de-duplication, bad input, limits (restarts, kill -9 and expiry on each store: classroomStores.test.ts). */
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { io as connect } from 'socket.io-client';
import type { TraineeView } from '../../src/server/protocol.js';
import { choose, startSession } from '../../src/engine/session/session.js';
import { debrief } from '../../src/engine/scoring/debrief.js';
import { playOf } from './helpers.js';
import { Client, ok, startServer, tempDir, until } from './classroomServer.helpers.js';

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

function client(s: { url: string }, auth: Record<string, unknown> = {}): Client {
  const c = new Client(s.url, auth);
  cleanup.push(() => c.close());
  return c;
}

/** A class-vote room on broadband-outage with `n` trainees, started. */
async function classRoom(s: Server, n = 3, mode: 'vote' | 'solo' = 'vote', scenario = 'broadband-outage') {
  const host = client(s);
  const made = ok(await host.ask<{ code: string; hostToken: string }>('room.create', { scenario, mode, voteSeconds: 60 }));
  const trainees: { c: Client; token: string }[] = [];
  for (let i = 0; i < n; i++) {
    const c = client(s);
    const j = ok(await c.ask<{ token: string }>('trainee.join', { code: made.code, nickname: `学员 ${i + 1}` }));
    trainees.push({ c, token: j.token });
  }
  const act = (action: object, token = made.hostToken) => host.ask('host.act', { code: made.code, hostToken: token, action });
  // These tests follow rounds that stay open after everyone voted (the default closes them: classroomControls.test.ts).
  ok(await act({ type: 'settings', settings: { autoClose: false } }));
  return { host, code: made.code, hostToken: made.hostToken, trainees, act };
}

const lastVote = (c: Client) => c.trainee?.vote;

describe('class vote', () => {
  test('votes are counted without showing the split, revealed with feedback, and the majority is what the customer hears', async () => {
    const s = await server();
    const r = await classRoom(s, 3);
    await until(() => r.host.host?.participants.length === 3);
    ok(await r.act({ type: 'start' }));
    const v = await until(() => lastVote(r.trainees[0]!.c));
    expect(v.now.node).toBe('open');
    const [a, b] = v.now.choices;
    const picks = [a!.choice, a!.choice, b!.choice];
    for (const [i, t] of r.trainees.entries()) ok(await t.c.ask('trainee.vote', { code: r.code, token: t.token, turn: 0, choice: picks[i], seq: 1 }));
    const counting = await until(() => r.host.host?.vote?.round?.voters === 3 && r.host.host.vote.round);
    expect(counting.options).toBeUndefined();
    expect(r.host.host!.participants.every((p) => p.voted)).toBe(true);

    ok(await r.act({ type: 'reveal' }));
    const revealed = await until(() => r.host.host?.vote?.round?.options && r.host.host.vote.round);
    expect(revealed.options!.map((o) => o.votes)).toEqual([2, 1, ...Array(revealed.options!.length - 2).fill(0)]);
    expect(revealed.majority).toBe(a!.choice);
    expect(revealed.options![0]!.feedback['zh-CN']).toBeTruthy();
    // Trainees see the reveal too.
    await until(() => lastVote(r.trainees[2]!.c)?.round?.status === 'revealed');
    // The view sent to the whole class carries no one's vote; a trainee's own view (attach) does.
    expect(lastVote(r.trainees[2]!.c)?.round?.mine).toBeUndefined();
    const own = ok(await r.trainees[2]!.c.ask<{ view: TraineeView }>('trainee.attach', { code: r.code, token: r.trainees[2]!.token }));
    expect(own.view.vote?.round?.mine).toBe(b!.choice);
    // Votes after the round closed are refused.
    const late = await r.trainees[2]!.c.ask('trainee.vote', { code: r.code, token: r.trainees[2]!.token, turn: 0, choice: a!.choice, seq: 2 });
    expect(late).toMatchObject({ ok: false, error: 'closed' });

    ok(await r.act({ type: 'advance', turn: 0 }));
    const next = await until(() => r.host.host?.vote?.round?.turn === 1 && r.host.host.vote);
    // The same advance again (a retry, a second screen) changes nothing.
    ok(await r.act({ type: 'advance', turn: 0, choice: next.now.choices[0]!.choice }));
    await new Promise((w) => setTimeout(w, 150));
    expect(r.host.host!.vote!.round!.turn).toBe(1);
    expect(next.round!.status).toBe('open');
    expect(next.round!.voters).toBe(0);
  });

  test('the trainer overrides the majority; with no votes the decision needs the trainer; the class reaches the debrief', async () => {
    const s = await server();
    const r = await classRoom(s, 2);
    ok(await r.act({ type: 'start' }));
    // broadband-outage: 2,2,2 ends the conversation (end-lost, unresolved).
    const route = [2, 2, 2];
    for (const [turn, pick] of route.entries()) {
      const v = await until(() => lastVote(r.trainees[0]!.c)?.round?.turn === turn && lastVote(r.trainees[0]!.c));
      const target = v.now.choices[pick - 1]!.choice;
      const other = v.now.choices.find((c) => c.choice !== target)!.choice;
      if (turn === 0) {
        // Nobody votes: no timeout here, so the trainer must pick.
        ok(await r.act({ type: 'close' }));
        expect(await r.act({ type: 'advance' })).toMatchObject({ ok: false, error: 'no-votes' });
        ok(await r.act({ type: 'advance', choice: target }));
        continue;
      }
      for (const t of r.trainees) ok(await t.c.ask('trainee.vote', { code: r.code, token: t.token, turn, choice: other, seq: turn }));
      await until(() => r.host.host?.vote?.round?.voters === 2);
      ok(await r.act({ type: 'advance', choice: target }));
    }
    const d = await until(() => r.host.host?.vote?.debrief);
    expect(r.host.host!.phase).toBe('ended');
    expect(d.outcome).toBe('unresolved');
    expect(d.turns.map((t) => t.by)).toEqual(['host', 'host', 'host']);
    expect(d.turns[1]!.options.reduce((n, o) => n + o.votes, 0)).toBe(2);
    expect(d.turns[0]!.options[0]!.text['zh-CN']).toBeTruthy();
    expect(d.model?.outcome).toBe('won-back');
    const mine = await until(() => lastVote(r.trainees[1]!.c)?.debrief);
    expect(mine.overall).toBe(d.overall);
    // The phone is sent the class's result, not the projector's whole debrief (most of the class's last message).
    expect(mine).toMatchObject({ outcome: d.outcome, grade: d.grade, agreed: d.agreed, rounds: 3 });
    expect(mine).not.toHaveProperty('turns');
    expect(JSON.stringify(r.trainees[1]!.c.trainee).length).toBeLessThan(JSON.stringify(d).length / 2);
    // The override matches `dojo play` on the same picks.
    const play = playOf('scenarios/library/broadband-outage.yaml');
    const alone = route.reduce((st, pick) => choose(play, st, pick - 1), startSession(play, 1));
    expect(d.overall).toBe(debrief(play, alone).overall);
  });

  test('a vote resent after a drop is counted once; a reloaded trainee keeps identity and vote', async () => {
    const s = await server();
    const r = await classRoom(s, 2);
    ok(await r.act({ type: 'start' }));
    const v = await until(() => lastVote(r.trainees[0]!.c));
    const [t1, t2] = r.trainees;
    const vote = { code: r.code, token: t1!.token, turn: 0, choice: v.now.choices[1]!.choice, seq: 42 };
    ok(await t1!.c.ask('trainee.vote', vote));
    ok(await t1!.c.ask('trainee.vote', vote));
    // An older vote arriving late does not replace a newer one.
    ok(await t1!.c.ask('trainee.vote', { ...vote, choice: v.now.choices[0]!.choice, seq: 41 }));
    // The page reloads: a new connection, the same token.
    t2!.c.close();
    const again = client(s);
    const back = ok(await again.ask<{ view: TraineeView }>('trainee.attach', { code: r.code, token: t2!.token }));
    expect(back.view.name).toBe('学员 2');
    ok(await again.ask('trainee.vote', { code: r.code, token: t2!.token, turn: 0, choice: v.now.choices[1]!.choice, seq: 1 }));
    ok(await r.act({ type: 'reveal' }));
    const o = await until(() => r.host.host?.vote?.round?.options);
    expect(o.map((x) => x.votes).slice(0, 2)).toEqual([0, 2]);
    expect(r.host.host!.participants).toHaveLength(2);
    // Unknown tokens are refused.
    expect(await again.ask('trainee.attach', { code: r.code, token: 'x'.repeat(24) })).toMatchObject({ ok: false, error: 'unknown' });
  });

  test('a join sent again with its key (its answer lost) is the same trainee, also after a restart, not a second one', async () => {
    const db = join(tempDir(), 'dojo.db');
    const s1 = await startServer({ db });
    const r = await classRoom(s1, 1);
    const key = 'k3y-0f-a-ph0ne-j01n1ng';
    const phone = client(s1);
    const first = ok(await phone.ask<{ token: string; view: TraineeView }>('trainee.join', { code: r.code, nickname: '小王', key }));
    expect(first.token).toBe(key);
    // The answer was lost; the phone (on a new connection) sends the same join again.
    phone.close();
    const again = client(s1);
    const second = ok(await again.ask<{ token: string; view: TraineeView }>('trainee.join', { code: r.code, nickname: '小王', key }));
    expect(second.token).toBe(key);
    expect(second.view.name).toBe('小王');
    const names = await until(() => r.host.host?.participants.length === 2 && r.host.host.participants.map((p) => p.name));
    expect(names.sort()).toEqual(['学员 1', '小王']);
    // Another phone with its own key is another trainee, even with the same nickname.
    const other = ok(await client(s1).ask<{ view: TraineeView }>('trainee.join', { code: r.code, nickname: '小王', key: 'an0ther-ph0ne-s-k3y-123' }));
    expect(other.view.name).toBe('小王 2');
    // A key too short to be a secret is refused.
    expect(await again.ask('trainee.join', { code: r.code, nickname: 'x', key: 'short' })).toMatchObject({ ok: false, error: 'bad-message' });
    again.close();
    r.host.close();
    await s1.close();

    // After a restart the key still finds the same trainee.
    const s2 = await server({ db });
    const host = client(s2);
    ok(await host.ask('host.attach', { code: r.code, hostToken: r.hostToken }));
    const later = ok(await client(s2).ask<{ token: string; view: TraineeView }>('trainee.join', { code: r.code, nickname: '小王', key }));
    expect(later.view.name).toBe('小王');
    const fresh = ok(await host.ask<{ view: { participants: unknown[] } }>('host.attach', { code: r.code, hostToken: r.hostToken }));
    expect(fresh.view.participants).toHaveLength(3);
  });

  test('the host page reloads without ending the session; a trainee cannot act as host', async () => {
    const s = await server();
    const r = await classRoom(s, 1);
    ok(await r.act({ type: 'start' }));
    r.host.close();
    const host2 = client(s);
    const back = ok(await host2.ask<{ view: { phase: string } }>('host.attach', { code: r.code, hostToken: r.hostToken }));
    expect(back.view.phase).toBe('playing');
    const t = r.trainees[0]!;
    expect(await t.c.ask('host.act', { code: r.code, hostToken: t.token, action: { type: 'end' } })).toMatchObject({ ok: false, error: 'not-host' });
    // The trainer can claim a room from another browser; the old token stops working.
    const claimed = ok(await host2.ask<{ hostToken: string }>('host.claim', { code: r.code }));
    expect(await host2.ask('host.act', { code: r.code, hostToken: r.hostToken, action: { type: 'reveal' } })).toMatchObject({ ok: false, error: 'not-host' });
    ok(await host2.ask('host.act', { code: r.code, hostToken: claimed.hostToken, action: { type: 'reveal' } }));
  });

  test('the trainer removes a trainee: their vote goes, their token stops working, their phone is told', async () => {
    const s = await server();
    const r = await classRoom(s, 2);
    ok(await r.act({ type: 'start' }));
    const v = await until(() => lastVote(r.trainees[0]!.c));
    for (const t of r.trainees) ok(await t.c.ask('trainee.vote', { code: r.code, token: t.token, turn: 0, choice: v.now.choices[0]!.choice, seq: 1 }));
    const target = await until(() => r.host.host?.participants.find((p) => p.name === '学员 2'));
    ok(await r.act({ type: 'remove', id: target.id }));
    await until(() => r.trainees[1]!.c.trainee?.removed);
    await until(() => r.host.host?.participants.length === 1 && r.host.host.vote?.round?.voters === 1);
    const gone = r.trainees[1]!;
    expect(await gone.c.ask('trainee.vote', { code: r.code, token: gone.token, turn: 0, choice: v.now.choices[0]!.choice, seq: 2 })).toMatchObject({ ok: false, error: 'unknown' });
    expect(await r.act({ type: 'remove', id: target.id })).toMatchObject({ ok: false, error: 'no-participant' });
    // They may join again under another name.
    ok(await gone.c.ask('trainee.join', { code: r.code, nickname: 'Better name' }));
  });

  test('an open vote closes by itself at its deadline', async () => {
    const s = await server();
    const host = client(s);
    const made = ok(await host.ask<{ code: string; hostToken: string }>('room.create', { scenario: 'broadband-outage', mode: 'vote', voteSeconds: 5 }));
    ok(await host.ask('host.act', { code: made.code, hostToken: made.hostToken, action: { type: 'start' } }));
    await until(() => host.host?.vote?.round?.status === 'open');
    await until(() => host.host?.vote?.round?.status === 'closed', 8000);
  }, 15_000);
});

describe('everyone plays', () => {
  test('each trainee plays their own customer; the board, heat map and ranking follow', async () => {
    const s = await server();
    const r = await classRoom(s, 2, 'solo');
    ok(await r.act({ type: 'start' }));
    const [t1, t2] = r.trainees;
    const mine = (c: Client) => c.trainee?.solo;
    // Trainee 1 plays the worst route to the end; trainee 2 one good reply.
    for (const [turn, pick] of [2, 2, 2].entries()) {
      const v = await until(() => mine(t1!.c)?.now.turn === turn && mine(t1!.c));
      ok(await t1!.c.ask('trainee.choose', { code: r.code, token: t1!.token, turn, choice: v.now.choices[pick - 1]!.choice, seq: turn + 1 }));
    }
    const done = await until(() => mine(t1!.c)?.result);
    expect(done.outcome).toBe('unresolved');
    expect(done.turns).toHaveLength(3);
    const v2 = await until(() => mine(t2!.c));
    ok(await t2!.c.ask('trainee.choose', { code: r.code, token: t2!.token, turn: 0, choice: v2.now.choices[1]!.choice, seq: 1 }));
    // A retried reply is not applied twice.
    ok(await t2!.c.ask('trainee.choose', { code: r.code, token: t2!.token, turn: 0, choice: v2.now.choices[1]!.choice, seq: 1 }));
    const last = await until(() => mine(t2!.c)?.last);
    expect(last.score).toBe(100);
    const board = await until(() => r.host.host?.solo?.rows.find((x) => x.name === '学员 2')?.turns === 1 && r.host.host.solo);
    expect(board.rows.find((x) => x.name === '学员 1')).toMatchObject({ done: true, outcome: 'unresolved' });
    expect(board.heat.length).toBeGreaterThan(0);
    expect(board.mistakes.every((m) => m.polarity === 'violation')).toBe(true);
    // One scale: trainee 2's one 100-point reply (80 so far) stands above trainee 1's unresolved worst route.
    expect(board.ranking.map((x) => [x.name, x.standing])).toEqual([['学员 2', 80], ['学员 1', board.rows.find((x) => x.name === '学员 1')!.overall]]);
    // Late joiners play too.
    const late = client(s);
    const j = ok(await late.ask<{ view: TraineeView }>('trainee.join', { code: r.code, nickname: 'late' }));
    expect(j.view.solo?.now.node).toBe('open');
    ok(await r.act({ type: 'end' }));
    await until(() => r.host.host?.phase === 'ended');
    expect(await t2!.c.ask('trainee.choose', { code: r.code, token: t2!.token, turn: 1, choice: 0, seq: 2 })).toMatchObject({ ok: false, error: 'not-playing' });
  });

  test('a scenario time limit is enforced by the server, not the page', async () => {
    const s = await server();
    const r = await classRoom(s, 1, 'solo', 'five-to-closing');
    ok(await r.act({ type: 'start' }));
    const t = r.trainees[0]!;
    const timed = async () => {
      for (let turn = 0; turn < 6; turn++) {
        const v = await until(() => t.c.trainee?.solo?.now.turn === turn && t.c.trainee.solo);
        if (v.now.timeLimit) return v;
        ok(await t.c.ask('trainee.choose', { code: r.code, token: t.token, turn, choice: v.now.choices[0]!.choice, seq: turn + 1 }));
      }
      throw new Error('no timed decision');
    };
    const v = await timed();
    // The full limit until the phone shows the decision (after its coaching).
    expect(v.remainingMs).toBe(v.now.timeLimit! * 1000);
    let now = Date.now();
    (s.hub as unknown as { now: () => number }).now = () => now;
    ok(await t.c.ask('trainee.seen', { code: r.code, token: t.token, turn: v.now.turn }));
    expect(await t.c.ask('trainee.timeout', { code: r.code, token: t.token, turn: v.now.turn })).toMatchObject({ ok: false, error: 'too-early' });
    // The phone went quiet: once the limit is well past, the server applies the timeout itself.
    now += v.now.timeLimit! * 1000 + 10_000;
    s.hub.tick();
    const after = await until(() => t.c.trainee?.solo?.last?.turn === v.now.turn && t.c.trainee.solo.last);
    expect(after.choice).toBe(-1);
  });
});

describe('bad input and limits', () => {
  test('malformed, unknown and oversized messages are refused and the server stays up', async () => {
    const s = await server();
    const c = client(s);
    expect(await c.ask('trainee.join', { code: 'ABCDE' })).toMatchObject({ ok: false, error: 'bad-message' });
    expect(await c.ask('trainee.join', 'hello')).toMatchObject({ ok: false, error: 'bad-message' });
    expect(await c.ask('trainee.join', { code: 'ABCDE', nickname: 'x', extra: 1 })).toMatchObject({ ok: false, error: 'bad-message' });
    expect(await c.ask('trainee.join', { code: 'ABCDE', nickname: 'a\u0007b' })).toMatchObject({ ok: false, error: 'bad-message' });
    expect(await c.ask('trainee.join', { code: 'ABCDE', nickname: 'x'.repeat(200) })).toMatchObject({ ok: false, error: 'bad-message' });
    expect(await c.ask('__proto__', {})).toMatchObject({ ok: false, error: 'unknown-message' });
    expect(await c.ask('room.create', { scenario: 'nope', mode: 'vote' })).toMatchObject({ ok: false, error: 'no-scenario' });
    expect(await c.ask('trainee.join', { code: 'ABCDE', nickname: 'x' })).toMatchObject({ ok: false, error: 'no-room' });
    expect(await c.ask('trainee.vote', { code: 'ABCDE', token: 'a'.repeat(20), turn: -1, choice: 0, seq: 1 })).toMatchObject({ ok: false, error: 'bad-message' });
    // Too big: the connection is dropped, nothing else happens.
    const big = client(s);
    await until(() => big.socket.connected);
    big.socket.emit('trainee.join', { code: 'ABCDE', nickname: 'x'.repeat(100_000) });
    await until(() => !big.socket.connected || undefined);
    // A message without an acknowledgement callback is simply dropped.
    c.socket.emit('trainee.vote', { junk: true });
    const still = client(s);
    ok(await still.ask('library.list', {}));
  });

  test('join attempts are rate-limited per address; messages per connection', async () => {
    const s = await server({ joinBurst: 3, joinRefillMs: 60_000, messageBurst: 10, messageRefillMs: 60_000 });
    const c = client(s);
    const codes = await Promise.all(Array.from({ length: 5 }, () => c.ask('trainee.join', { code: 'ABCDE', nickname: 'x' })));
    expect(codes.filter((x) => !x.ok && x.error === 'slow-down').length).toBeGreaterThanOrEqual(2);
    const spam = await Promise.all(Array.from({ length: 12 }, () => c.ask('library.list', {})));
    expect(spam.some((x) => !x.ok && x.error === 'slow-down')).toBe(true);
  });

  test('only the trainer creates rooms and exports: loopback by default, otherwise the trainer key', async () => {
    const s = await server({ trustLoopback: false, trainerKey: 'k'.repeat(16) });
    const stranger = client(s);
    expect(await stranger.ask('library.list', {})).toMatchObject({ ok: false, error: 'not-trainer' });
    expect(await stranger.ask('room.create', { scenario: 'broadband-outage', mode: 'vote' })).toMatchObject({ ok: false, error: 'not-trainer' });
    const trainer = client(s, { key: 'k'.repeat(16) });
    const made = ok(await trainer.ask<{ code: string }>('room.create', { scenario: 'broadband-outage', mode: 'vote' }));
    expect((await fetch(`${s.url}/api/rooms/${made.code}/export.csv`)).status).toBe(403);
    expect((await fetch(`${s.url}/api/rooms/${made.code}/export.csv?key=${'k'.repeat(16)}`)).status).toBe(200);
  });

  test('behind a proxy (DOJO_PUBLIC_URL) a local connection is not the trainer; exports take the key from a header', async () => {
    const s = await server({ publicUrl: 'https://dojo.example.org', trainerKey: 'p'.repeat(16) });
    const c = client(s);
    expect(await c.ask('library.list', {})).toMatchObject({ ok: false, error: 'not-trainer' });
    const trainer = client(s, { key: 'p'.repeat(16) });
    const made = ok(await trainer.ask<{ code: string }>('room.create', { scenario: 'broadband-outage', mode: 'vote' }));
    expect((await fetch(`${s.url}/api/rooms/${made.code}/export.json`)).status).toBe(403);
    expect((await fetch(`${s.url}/api/rooms/${made.code}/export.json`, { headers: { 'x-dojo-key': 'p'.repeat(16) } })).status).toBe(200);
  });

  test('the HTTP side refuses path tricks and non-GET methods', async () => {
    const s = await server();
    expect((await fetch(`${s.url}/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    expect((await fetch(`${s.url}/host`)).headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await fetch(`${s.url}/`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${s.url}/api/rooms/NOPE/export.csv`)).status).toBe(404);
    expect(await (await fetch(`${s.url}/`)).text()).toContain('dojo-server');
  });
});

describe('exports', () => {
  test('CSV has a BOM, Chinese intact, and formula-like text defused; JSON has the rounds', async () => {
    const s = await server();
    const r = await classRoom(s, 1);
    ok(await r.act({ type: 'start' }));
    const v = await until(() => lastVote(r.trainees[0]!.c));
    ok(await r.trainees[0]!.c.ask('trainee.vote', { code: r.code, token: r.trainees[0]!.token, turn: 0, choice: v.now.choices[0]!.choice, seq: 1 }));
    ok(await r.act({ type: 'advance' }));
    const res = await fetch(`${s.url}/api/rooms/${r.code}/export.csv`);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('.csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('顾客的话');
    expect(text).toContain('宽带');
    const en = await (await fetch(`${s.url}/api/rooms/${r.code}/export.csv?lang=en`)).text();
    expect(en).toContain('customer said');
    const json = (await (await fetch(`${s.url}/api/rooms/${r.code}/export.json`)).json()) as { rounds: { votes: number[] }[] };
    expect(json.rounds).toHaveLength(1);
    expect(json.rounds[0]!.votes.reduce((a, b) => a + b)).toBe(1);
  });
});

test('a raw socket that never sends anything valid does not disturb others', async () => {
  const s = await server();
  const raw = connect(s.url, { transports: ['websocket'] });
  cleanup.push(() => raw.close());
  raw.emit('trainee.vote', null, () => undefined);
  raw.emit('host.act', { code: 'A'.repeat(16), hostToken: 'b'.repeat(20), action: { type: 'advance', choice: 9999 } }, () => undefined);
  const c = client(s);
  ok(await c.ask('library.list', {}));
});
