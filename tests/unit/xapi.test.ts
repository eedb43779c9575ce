/**
 * xAPI: the statements a play makes, the outbox against a fake LRS on 127.0.0.1 (basic auth;
 * down, then up: queued, retried, nothing lost, nothing twice; a restart in between), the
 * server's endpoint for solo play and its classroom statements, and the browser's reporter.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findPaths } from '../../src/engine/scoring/paths.js';
import { choose, offeredChoices, startSession, type Play } from '../../src/engine/session/session.js';
import { XapiReporter, XAPI_STORE } from '../../src/platform/lms/xapiReport.js';
import { replayPicks } from '../../src/platform/lms/objectives.js';
import { request } from 'node:http';
import { Buckets } from '../../src/server/limits.js';
import { xapiSettings } from '../../src/server/xapi.js';
import { XapiOutbox } from '../../src/server/xapiOutbox.js';
import { EXT, nameUuid, playStatements, VERBS, type Statement } from '../../src/server/xapiStatements.js';
import { Client, ok, startServer, tempDir, until } from './classroomServer.helpers.js';
import { playOf } from './helpers.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

/** A fake LRS: keeps what it is sent, checks basic auth; `down` refuses connections, `status` forces an answer. */
async function fakeLrs(o: { auth?: string; port?: number } = {}) {
  const got: Statement[] = [];
  const requests: { auth?: string; version?: string }[] = [];
  let status = 200;
  let refuse: (s: Statement) => boolean = () => false;
  let server: Server | null = null;
  let port = o.port ?? 0;
  const up = async () => {
    server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        requests.push({ ...(req.headers.authorization ? { auth: req.headers.authorization } : {}), ...(req.headers['x-experience-api-version'] ? { version: String(req.headers['x-experience-api-version']) } : {}) });
        if (o.auth && req.headers.authorization !== `Basic ${Buffer.from(o.auth).toString('base64')}`) return void res.writeHead(401).end();
        if (status !== 200) return void res.writeHead(status).end();
        const batch = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Statement[];
        if (batch.some(refuse)) return void res.writeHead(400).end('bad statement');
        got.push(...batch);
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(batch.map((s) => s.id)));
      });
    });
    await new Promise<void>((r) => server!.listen(port, '127.0.0.1', () => r()));
    port = (server!.address() as { port: number }).port;
  };
  const down = () => new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  await up();
  cleanup.push(down);
  return {
    got,
    requests,
    get url() {
      return `http://127.0.0.1:${port}/xapi/`;
    },
    up,
    down,
    set status(s: number) {
      status = s;
    },
    set refuse(f: (s: Statement) => boolean) {
      refuse = f;
    },
  };
}

function statementsOf(play: Play, picks: number[], registration = 'r1') {
  const state = replayPicks(play, 1, picks)!;
  return playStatements(play, state, { actor: { objectType: 'Agent', name: 'Li', account: { homePage: 'http://dojo.test/', name: 'learner-1' } }, registration, pass: 65, stamp: () => '2026-01-05T09:00:00.000Z' });
}

const play = playOf('scenarios/library/broadband-outage.yaml');
/** The best route's picks as written in the file (the route gives 1-based positions among the replies on offer). */
const best = () => {
  let state = startSession(play, 1);
  const picks: number[] = [];
  for (const p of findPaths(play, startSession(play, 1)).best!.picks) {
    picks.push(offeredChoices(play, state)[(p as number) - 1]!.index);
    state = choose(play, state, (p as number) - 1);
  }
  return picks;
};

describe('xAPI statements', () => {
  it('initialized, answered per decision with principles as result extensions, completed and passed', () => {
    const picks = best();
    const s = statementsOf(play, picks);
    expect(s.map((x) => x.verb.id.split('/').pop())).toEqual(['initialized', ...picks.map(() => 'answered'), 'completed', 'passed']);
    const a = s[1]!;
    expect(a.verb).toEqual(VERBS.answered);
    expect(a.object.id).toBe('urn:complaint-dojo:scenario:broadband-outage:node:open');
    expect(a.object.definition).toMatchObject({ type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'choice' });
    expect(a.result).toMatchObject({ response: expect.any(String), score: { scaled: 1, raw: 100, min: -100, max: 100 }, success: true });
    const ext = (a.result as { extensions: Record<string, unknown> }).extensions;
    expect(ext[EXT.honoured]).toEqual(expect.arrayContaining([expect.any(String)]));
    expect(ext[EXT.broken]).toEqual([]);
    expect((s.at(-1)!.result as { score: { raw: number } }).score.raw).toBeGreaterThanOrEqual(65);
    expect(s.every((x) => x.version === '1.0.3' && x.context.registration === 'r1' && /^[0-9a-f-]{36}$/.test(x.id))).toBe(true);
    // The same moment, the same id; another play, another.
    expect(statementsOf(play, picks).map((x) => x.id)).toEqual(s.map((x) => x.id));
    expect(statementsOf(play, picks, 'r2')[0]!.id).not.toBe(s[0]!.id);
    expect(nameUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('reads its settings from the environment, refusing bad ones', () => {
    expect(xapiSettings({})).toBeNull();
    expect(xapiSettings({ DOJO_XAPI_ENDPOINT: 'http://127.0.0.1:9/xapi/', DOJO_XAPI_USERNAME: 'u', DOJO_XAPI_PASSWORD: 'p' })).toEqual({ endpoint: 'http://127.0.0.1:9/xapi/', auth: 'u:p', pass: 65 });
    expect(xapiSettings({ DOJO_XAPI_ENDPOINT: 'nonsense' })).toEqual({ error: expect.stringMatching(/not an address/) });
    expect(xapiSettings({ DOJO_XAPI_ENDPOINT: 'ftp://x/' })).toEqual({ error: expect.stringMatching(/http/) });
    expect(xapiSettings({ DOJO_XAPI_ENDPOINT: 'http://x/', DOJO_XAPI_PASS: '150' })).toEqual({ error: expect.stringMatching(/DOJO_XAPI_PASS/) });
  });
});

describe('xAPI outbox', () => {
  it('LRS down: statements queued on disk, kept over a restart, sent once when it is back, with basic auth', async () => {
    const lrs = await fakeLrs({ auth: 'dojo:secret' });
    await lrs.down();
    const journal = join(tempDir(), 'xapi-outbox.jsonl');
    const logs: string[] = [];
    const first = new XapiOutbox({ endpoint: lrs.url, auth: 'dojo:secret', journal, minRetryMs: 20, maxRetryMs: 50, log: (m) => logs.push(m) });
    const s = statementsOf(play, best());
    expect(first.add(s)).toBe(s.length);
    await first.flush();
    expect(first.status()).toMatchObject({ pending: s.length, sent: 0, failing: expect.stringMatching(/cannot reach/) });
    expect(logs).toEqual([expect.stringMatching(/kept and sent again later/)]);
    expect(readFileSync(journal, 'utf8').split('\n').filter((l) => l.startsWith('{"q"'))).toHaveLength(s.length);
    first.stop();

    // A restart while the LRS is still down: the journal has them all; adding the same again changes nothing.
    const second = new XapiOutbox({ endpoint: lrs.url, auth: 'dojo:secret', journal, minRetryMs: 20, maxRetryMs: 50, log: (m) => logs.push(m) });
    cleanup.push(() => second.stop());
    expect(second.status().pending).toBe(s.length);
    expect(second.add(s)).toBe(0);
    await lrs.up();
    await until(() => second.status().pending === 0, 5000);
    expect(lrs.got.map((x) => x.id)).toEqual(s.map((x) => x.id));
    expect(lrs.requests.every((r) => r.auth === `Basic ${Buffer.from('dojo:secret').toString('base64')}` && r.version === '1.0.3')).toBe(true);
    expect(second.status()).toMatchObject({ pending: 0, sent: s.length, dead: 0, failing: null });
    // Known after compaction on the next start too: never sent twice.
    second.stop();
    const third = new XapiOutbox({ endpoint: lrs.url, journal, auth: 'dojo:secret' });
    cleanup.push(() => third.stop());
    expect(third.add(s)).toBe(0);
    expect(third.stampOf(s[0]!.id)).toBe('2026-01-05T09:00:00.000Z');
  });

  it('503 and wrong credentials are retried; a statement the LRS refuses is set aside with the reason, the rest go', async () => {
    const lrs = await fakeLrs({ auth: 'a:b' });
    lrs.status = 503;
    const journal = join(tempDir(), 'j.jsonl');
    const said: string[] = [];
    const box = new XapiOutbox({ endpoint: lrs.url, auth: 'a:b', journal, minRetryMs: 20, maxRetryMs: 40, log: (m) => said.push(m) });
    cleanup.push(() => box.stop());
    const s = statementsOf(play, best());
    box.add(s);
    await box.flush();
    expect(box.status()).toMatchObject({ pending: s.length, failing: expect.stringMatching(/HTTP 503/) });
    lrs.status = 200;
    lrs.refuse = (x) => x.verb.id.endsWith('/completed');
    await until(() => box.status().pending === 0, 5000);
    expect(box.status()).toMatchObject({ sent: s.length - 1, dead: 1 });
    expect(said[0]).toMatch(/HTTP 503 .*kept and sent again later/);
    expect(said).toContainEqual(expect.stringMatching(/takes statements again/));
    expect(said).toContainEqual(expect.stringMatching(/refused 1 statement\(s\), kept in .*j\.jsonl: HTTP 400/));
    expect(lrs.got).toHaveLength(s.length - 1);
    expect(readFileSync(journal, 'utf8')).toMatch(/"dead":\["[0-9a-f-]+"\],"why":"HTTP 400 bad statement"/);

    const wrong = new XapiOutbox({ endpoint: lrs.url, auth: 'a:wrong', journal: join(tempDir(), 'w.jsonl'), minRetryMs: 20, log: () => {} });
    cleanup.push(() => wrong.stop());
    wrong.add(statementsOf(play, best(), 'r9'));
    await wrong.flush();
    expect(wrong.status()).toMatchObject({ dead: 0, failing: expect.stringMatching(/HTTP 401 .*DOJO_XAPI_USERNAME/) });
  });
});

describe('xAPI on the Dojo server', () => {
  it('solo play: the game posts seed and picks, the server replays them and the LRS gets the statements; bad reports refused, server up', async () => {
    const lrs = await fakeLrs({ auth: 'u:p' });
    const s = await startServer({ xapi: { endpoint: lrs.url, auth: 'u:p', pass: 65 } });
    cleanup.push(() => s.close());
    expect(await (await fetch(`${s.url}/api/xapi`)).json()).toEqual({ enabled: true });
    const picks = best();
    const post = (body: unknown, type = 'application/json') => fetch(`${s.url}/api/xapi/plays`, { method: 'POST', headers: { 'Content-Type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const t0 = Math.floor(Date.now() / 1000) * 1000 - 600_000;
    const at = (s: number) => new Date(t0 + s * 1000).toISOString();
    const report = { learner: 'learner-abc-123', name: 'Li Na', registration: '0f8fad5b-d9cb-469f-a165-70867728950e', scenario: 'broadband-outage', seed: 1, picks: picks.slice(0, 2), startedAt: at(0), answeredAt: [at(20), at(41)], latencies: [5000, 6000], language: 'en' };
    let r = await post(report);
    expect(r.status).toBe(202);
    expect(await r.json()).toEqual({ queued: 3, statements: 3 });
    // The whole play later: only what is new is queued.
    r = await post({ ...report, picks, answeredAt: picks.map((_, i) => at(20 + 21 * i)), finishedAt: at(300) });
    expect(await r.json()).toEqual({ queued: picks.length - 2 + 2, statements: picks.length + 3 });
    await until(() => lrs.got.length === picks.length + 3, 5000);
    const got = lrs.got;
    expect(got[0]).toMatchObject({ verb: VERBS.initialized, actor: { name: 'Li Na', account: { name: 'learner-abc-123' } }, timestamp: at(0) });
    expect(got[1]).toMatchObject({ timestamp: at(20), result: { duration: 'PT5.00S' } });
    expect(got[3]!.timestamp).toBe(at(62));
    expect(got.at(-1)!.timestamp).toBe(at(300));
    expect(got.at(-1)!.verb).toEqual(VERBS.passed);
    expect(new Set(got.map((x) => x.id)).size).toBe(got.length);

    for (const [body, status] of [
      ['{', 400],
      [{ ...report, picks: [9, 9] }, 422],
      [{ ...report, scenario: 'not-here' }, 422],
      [{ ...report, learner: 'x' }, 400],
      [{ ...report, extra: 1 }, 400],
      ['x'.repeat(40_000), 413],
    ] as const) {
      expect((await post(body)).status, JSON.stringify(body).slice(0, 40)).toBe(status);
    }
    expect((await post(report, 'text/plain')).status).toBe(415);
    expect((await fetch(`${s.url}/api/xapi/plays`)).status).toBe(405);
    expect((await fetch(`${s.url}/api/xapi`)).status).toBe(200);
  });

  it('classroom: each trainee of an everyone-plays room becomes statements, and the room downloads as xAPI JSON', async () => {
    const lrs = await fakeLrs();
    const s = await startServer({ xapi: { endpoint: lrs.url, pass: 65 } });
    cleanup.push(() => s.close());
    const host = new Client(s.url);
    cleanup.push(() => host.close());
    const made = ok(await host.ask<{ code: string; hostToken: string }>('room.create', { scenario: 'broadband-outage', mode: 'solo', voteSeconds: 60 }));
    const t = new Client(s.url);
    cleanup.push(() => t.close());
    const j = ok(await t.ask<{ token: string }>('trainee.join', { code: made.code, nickname: '学员 1' }));
    ok(await host.ask('host.act', { code: made.code, hostToken: made.hostToken, action: { type: 'start' } }));
    for (let turn = 0; turn < 2; turn++) {
      const v = await until(() => t.trainee?.solo?.now.turn === turn && t.trainee.solo);
      ok(await t.ask('trainee.choose', { code: made.code, token: j.token, turn, choice: v.now.choices[0]!.choice, seq: turn + 1 }));
    }
    await until(() => t.trainee?.solo?.last?.turn === 1);
    // Two answers, and the end if the customer broke off at the second.
    const n = s.xapi.collectRooms();
    expect([3, 5]).toContain(n);
    expect(s.xapi.collectRooms()).toBe(0);
    await until(() => lrs.got.length === n, 5000);
    expect(lrs.got[0]).toMatchObject({ actor: { objectType: 'Agent', name: '学员 1' }, verb: VERBS.initialized, context: { extensions: { [EXT.room]: { code: made.code } } } });
    const res = await fetch(`${s.url}/api/rooms/${made.code}/xapi.json`, { headers: { 'x-dojo-key': s.trainerKey } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/\.xapi\.json"$/);
    const downloaded = (await res.json()) as Statement[];
    expect(downloaded.map((x) => x.id)).toEqual(lrs.got.map((x) => x.id));
    expect(downloaded.map((x) => x.timestamp)).toEqual(lrs.got.map((x) => x.timestamp));
    // Not the trainer (the request came through a proxy, without the key): refused.
    expect((await fetch(`${s.url}/api/rooms/${made.code}/xapi.json`, { headers: { 'X-Forwarded-For': '198.51.100.7' } })).status).toBe(403);
  });

  it('without an endpoint: the game is told so and nothing is kept; the download still works', async () => {
    const s = await startServer();
    cleanup.push(() => s.close());
    expect(await (await fetch(`${s.url}/api/xapi`)).json()).toEqual({ enabled: false });
    const r = await fetch(`${s.url}/api/xapi/plays`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(404);
    expect(existsSync(join(s.db, '..', 'xapi-outbox.jsonl'))).toBe(false);
  });
});

describe('POST /api/xapi/plays: limits per address', () => {
  const report = (i: number, picks: number[]) => ({ learner: `learner-${String(i).padStart(4, '0')}`, registration: nameUuid(`flood-${i}`), scenario: 'broadband-outage', seed: 1, picks });

  it('a flood from one address: the budget taken, the rest 429 with Retry-After; the server answers others meanwhile; nothing queued twice', async () => {
    const lrs = await fakeLrs();
    const s = await startServer({ xapi: { endpoint: lrs.url, pass: 65 }, xapiPostBurst: 30, xapiPostRefillMs: 600_000, trustProxy: 1 });
    cleanup.push(() => s.close());
    const picks = best().slice(0, 2);
    const post = (body: unknown, from = '203.0.113.9') =>
      fetch(`${s.url}/api/xapi/plays`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': from }, body: JSON.stringify(body) });
    const flood = Promise.all(Array.from({ length: 150 }, (_, i) => post(report(i, picks))));
    // While it runs, the server still answers: the status page, and another address's report.
    expect((await fetch(`${s.url}/api/xapi`)).status).toBe(200);
    expect((await post(report(9999, picks), '198.51.100.20')).status).toBe(202);
    const answers = await flood;
    const accepted = answers.map((r, i) => [r.status, i] as const).filter(([st]) => st === 202).map(([, i]) => i);
    expect(accepted).toHaveLength(30);
    const limited = answers.filter((r) => r.status === 429);
    expect(limited).toHaveLength(120);
    expect(Number(limited[0]!.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    expect(await limited[0]!.json()).toMatchObject({ error: expect.stringMatching(/^too many reports from this address: try again in \d+ s$/), retryAfter: expect.any(Number) });
    // Each accepted play is queued once (3 statements: initialized and two answers), the same play again adds nothing.
    await until(() => lrs.got.length === 31 * 3, 5000);
    expect(new Set(lrs.got.map((x) => x.id)).size).toBe(lrs.got.length);
    await until(() => s.xapi.status()?.pending === 0, 5000);
    expect(s.xapi.status()).toMatchObject({ pending: 0, sent: 31 * 3, dead: 0 });
    // A forged X-Forwarded-For entry further left does not buy a fresh budget: the proxy's entry counts.
    expect((await post(report(1, picks), '10.9.9.9, 203.0.113.9')).status).toBe(429);
    // The same play posted again (here from another address, with budget left) queues nothing new.
    const again = await post(report(accepted[0]!, picks), '198.51.100.20');
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual({ queued: 0, statements: 3 });
    const journal = readFileSync(join(dirname(s.db), 'xapi-outbox.jsonl'), 'utf8').split('\n').filter((l) => l.startsWith('{"q"'));
    const ids = journal.map((l) => (JSON.parse(l) as { q: Statement }).q.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('without a trusted proxy, X-Forwarded-For is not believed: one budget for the connection\'s address', async () => {
    const s = await startServer({ xapi: { endpoint: 'http://127.0.0.1:9/xapi/', pass: 65 }, xapiPostBurst: 3, xapiPostRefillMs: 60_000 });
    cleanup.push(() => s.close());
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await fetch(`${s.url}/api/xapi/plays`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `198.51.100.${i}` }, body: '{}' });
      statuses.push(r.status);
    }
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
  });

  it('bodies over 32 KB: 413 by their Content-Length without reading them, and streamed ones cut off; the server stays up', async () => {
    const s = await startServer({ xapi: { endpoint: 'http://127.0.0.1:9/xapi/', pass: 65 } });
    cleanup.push(() => s.close());
    const declared = await fetch(`${s.url}/api/xapi/plays`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pad: 'x'.repeat(33_000) }) });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ error: 'at most 32768 bytes' });
    // Chunked, with no length: 413 once past the cap; a sender that goes on past 1 MB is cut off.
    const streamed = await new Promise<number | 'cut'>((resolve) => {
      const req = request(`${s.url}/api/xapi/plays`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', () => resolve('cut'));
      const chunk = 'x'.repeat(64 * 1024);
      let sent = 0;
      const more = () => {
        while (sent < 4 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', more);
        }
        req.end();
      };
      more();
    });
    expect([413, 'cut']).toContain(streamed);
    expect((await fetch(`${s.url}/api/xapi`)).status).toBe(200);
  });

  it('Buckets tell how long until the next token', () => {
    let now = 0;
    const b = new Buckets(2, 1000, () => now);
    expect(b.waitMs('a')).toBe(0);
    expect(b.take('a') && b.take('a')).toBe(true);
    expect(b.take('a')).toBe(false);
    expect(b.waitMs('a')).toBe(1000);
    now = 400;
    expect(b.waitMs('a')).toBe(600);
    now = 1000;
    expect(b.take('a')).toBe(true);
  });
});

describe('the game reporting solo play', () => {
  function memory() {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
  }
  function emitter() {
    const h = new Map<string, ((e: never) => void)[]>();
    return { on: (n: string, f: (e: never) => void) => void h.set(n, [...(h.get(n) ?? []), f]), emit: (n: string, e: unknown) => h.get(n)?.forEach((f) => f(e as never)) };
  }

  it('keeps reports while the server cannot be reached and sends them when it can; never throws at the learner', async () => {
    const store = memory();
    const ev = emitter();
    const sent: { registration: string; picks: number[] }[] = [];
    let up = false;
    const fake = (async (url: string, init?: RequestInit) => {
      if (!up) throw new TypeError('Failed to fetch');
      if (String(url).endsWith('api/xapi')) return new Response(JSON.stringify({ enabled: true }));
      sent.push(JSON.parse(String(init!.body)));
      return new Response('{}', { status: 202 });
    }) as typeof fetch;
    const r = new XapiReporter({ events: ev, store, base: 'http://dojo.test/', locale: () => 'en', fetch: fake, retryMs: 10, uuid: () => '0f8fad5b-d9cb-469f-a165-70867728950e' });
    cleanup.push(() => r.stop());
    ev.emit('learning.started', { scenario: 'broadband-outage', seed: 4, picks: [], title: {} });
    ev.emit('learning.answered', { scenario: 'broadband-outage', seed: 4, turn: 1, picks: [1], latencyMs: 3000 });
    await new Promise((x) => setTimeout(x, 50));
    expect(r.waiting).toBe(1);
    expect(JSON.parse(store.m.get(XAPI_STORE)!).outbox['0f8fad5b-d9cb-469f-a165-70867728950e'].picks).toEqual([1]);
    up = true;
    await until(() => r.waiting === 0, 3000);
    expect(sent.at(-1)).toMatchObject({ registration: '0f8fad5b-d9cb-469f-a165-70867728950e', picks: [1], latencies: [3000], scenario: 'broadband-outage', seed: 4 });
  });

  it('a server without an LRS: nothing is kept', async () => {
    const store = memory();
    const ev = emitter();
    const fake = (async () => new Response(JSON.stringify({ enabled: false }))) as unknown as typeof fetch;
    const r = new XapiReporter({ events: ev, store, base: 'http://dojo.test/', locale: () => 'en', fetch: fake });
    cleanup.push(() => r.stop());
    await new Promise((x) => setTimeout(x, 20));
    ev.emit('learning.started', { scenario: 'broadband-outage', seed: 4, picks: [], title: {} });
    await new Promise((x) => setTimeout(x, 20));
    expect(r.waiting).toBe(0);
  });
});
