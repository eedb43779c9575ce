/**
 * Trust and abuse (issue 14, V2–V8): who counts as the trainer behind proxies and tunnels,
 * which address a join is counted against, one answer for a wrong code and a wrong token, the
 * connection cap, floods disconnected, CSV defused for every separator, nicknames that look
 * blank or like someone else's, removed and banned trainees, and a busy port at start-up.
 */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { TraineeView } from '../../src/server/protocol.js';
import { csvCell, toCsv } from '../../src/server/csv.js';
import { addressKey, clientAddress } from '../../src/server/trust.js';
import { Client, fakeDist, ok, startServer, tempDir, until } from './classroomServer.helpers.js';

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

function client(s: { url: string }, auth: Record<string, unknown> = {}, headers?: Record<string, string>): Client {
  const c = new Client(s.url, auth, headers ? { extraHeaders: headers } : {});
  cleanup.push(() => c.close());
  return c;
}

/** A room made by the trainer (a local connection), with its host token. */
async function room(s: Server, mode: 'vote' | 'solo' = 'vote') {
  const host = client(s);
  const made = ok(await host.ask<{ code: string; hostToken: string }>('room.create', { scenario: 'broadband-outage', mode, voteSeconds: 60 }));
  // Starting a class vote works out the best route first: seconds on a busy machine.
  const act = (action: object) => host.ask('host.act', { code: made.code, hostToken: made.hostToken, action }, 30_000);
  return { host, code: made.code, hostToken: made.hostToken, act };
}

/** A GET with any headers (fetch will not send a Host header of our choosing). */
function get(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Whether a socket is refused at the door; resolves with the refusal's message, or 'connected'. */
function door(c: Client): Promise<string> {
  return new Promise((resolve) => {
    if (c.socket.connected) return resolve('connected');
    c.socket.once('connect', () => resolve('connected'));
    c.socket.once('connect_error', (e: Error) => resolve(e.message));
  });
}

const FORWARDING: Record<string, string>[] = [{ 'x-forwarded-for': '203.0.113.9' }, { forwarded: 'for=203.0.113.9' }, { 'x-real-ip': '203.0.113.9' }];

describe('V2: who is the trainer', () => {
  test('a loopback connection that came through a proxy or tunnel is not the trainer: no rooms listed, no take-over, no export', async () => {
    const s = await server();
    const r = await room(s);
    for (const h of FORWARDING) {
      const visitor = client(s, {}, h);
      expect(await visitor.ask('library.list', {})).toMatchObject({ ok: false, error: 'not-trainer' });
      expect(await visitor.ask('room.list', {})).toMatchObject({ ok: false, error: 'not-trainer' });
      expect(await visitor.ask('host.claim', { code: r.code })).toMatchObject({ ok: false, error: 'not-trainer' });
      expect(await get(`${s.url}/api/rooms/${r.code}/export.csv`, h)).toBe(403);
    }
    // The real host still holds the room.
    ok(await r.act({ type: 'start' }));
    // Without a forwarding header, this machine is the trainer.
    expect(await get(`${s.url}/api/rooms/${r.code}/export.csv`)).toBe(200);
  });

  test('another site (its Origin) or another host name (DNS rebinding, ssh -R) on loopback is not the trainer either', async () => {
    const s = await server();
    const r = await room(s);
    const site = client(s, {}, { origin: 'https://evil.example' });
    expect(await site.ask('library.list', {})).toMatchObject({ ok: false, error: 'not-trainer' });
    expect(await site.ask('host.claim', { code: r.code })).toMatchObject({ ok: false, error: 'not-trainer' });
    const named = client(s, {}, { host: 'dojo.tunnel.example' });
    expect(await named.ask('library.list', {})).toMatchObject({ ok: false, error: 'not-trainer' });
    expect(await get(`${s.url}/api/rooms/${r.code}/export.json`, { host: 'dojo.tunnel.example' })).toBe(403);
    // The page's own origin on this machine is the trainer.
    const own = client(s, {}, { origin: s.url });
    ok(await own.ask('library.list', {}));
  });

  test('take-over and exports need the trainer key or the room\'s host token', async () => {
    const s = await server({ trainerKey: 't'.repeat(20) });
    const r = await room(s);
    const keyed = client(s, { key: 't'.repeat(20) }, { 'x-forwarded-for': '203.0.113.9' });
    ok(await keyed.ask('host.claim', { code: r.code }));
    const h = { 'x-forwarded-for': '203.0.113.9' };
    expect(await get(`${s.url}/api/rooms/${r.code}/export.csv`, { ...h, 'x-dojo-key': 't'.repeat(20) })).toBe(200);
    // The host token of this room (the claim above replaced it: the old one is dead).
    expect(await get(`${s.url}/api/rooms/${r.code}/export.csv`, { ...h, 'x-dojo-host-token': r.hostToken })).toBe(403);
    const other = await room(s);
    expect(await get(`${s.url}/api/rooms/${other.code}/export.csv`, { ...h, 'x-dojo-host-token': other.hostToken })).toBe(200);
    expect(await get(`${s.url}/api/rooms/${r.code}/export.csv`, { ...h, 'x-dojo-host-token': other.hostToken })).toBe(403);
  });

  test('the first request through a proxy without DOJO_PUBLIC_URL logs one warning', async () => {
    const warnings: string[] = [];
    const s = await server({ warn: (m: string) => warnings.push(m) });
    expect(warnings).toEqual([]);
    await get(`${s.url}/`, { 'x-forwarded-for': '203.0.113.9' });
    const c = client(s, {}, { 'x-forwarded-for': '203.0.113.10' });
    await c.ask('library.list', {});
    await get(`${s.url}/`, { forwarded: 'for=203.0.113.11' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('DOJO_PUBLIC_URL');
    expect(warnings[0]).toContain('DOJO_TRUST_PROXY');
  });
});

describe('V3: the client address behind proxies', () => {
  test('the Nth entry from the right for N trusted hops, never the first; no trust, no forwarded address', () => {
    const peer = (xff: string | undefined, address = '10.0.0.1') => ({ address, headers: xff === undefined ? {} : { 'x-forwarded-for': xff } });
    expect(clientAddress(peer('6.6.6.6, 198.51.100.7'), 1)).toBe('198.51.100.7');
    expect(clientAddress(peer('6.6.6.6, 198.51.100.7, 10.0.0.2'), 2)).toBe('198.51.100.7');
    expect(clientAddress(peer('198.51.100.7'), 3)).toBe('198.51.100.7');
    expect(clientAddress(peer('6.6.6.6, 198.51.100.7'), 0)).toBe('10.0.0.1');
    expect(clientAddress(peer(undefined), 1)).toBe('10.0.0.1');
    expect(clientAddress(peer('garbage, 198.51.100.7'), 1)).toBe('198.51.100.7');
    expect(clientAddress(peer('6.6.6.6, not an address'), 1)).toBe('10.0.0.1');
    // IPv6: one home or phone has a whole /64; IPv4-mapped addresses are the IPv4 address.
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:bbbb::9'));
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
  });

  test('spoofed X-Forwarded-For entries do not buy more joins (DOJO_TRUST_PROXY=1)', async () => {
    const s = await server({ publicUrl: 'https://dojo.example.org', trustProxy: 1, joinBurst: 3, joinRefillMs: 60_000 });
    const replies = [];
    for (let i = 0; i < 10; i++) {
      const c = client(s, {}, { 'x-forwarded-for': `192.0.2.${i}, 198.51.100.7` });
      replies.push(await c.ask('trainee.join', { code: 'ABCDE', nickname: `x${i}` }));
    }
    expect(replies.filter((x) => !x.ok && x.error === 'slow-down')).toHaveLength(7);
    // Another real client (another address the proxy saw) has its own budget.
    const other = client(s, {}, { 'x-forwarded-for': '192.0.2.1, 198.51.100.8' });
    expect(await other.ask('trainee.join', { code: 'ABCDE', nickname: 'y' })).toMatchObject({ error: 'no-room' });
  });

  test('without DOJO_TRUST_PROXY a forwarded address is not believed', async () => {
    const s = await server({ publicUrl: 'https://dojo.example.org', joinBurst: 3, joinRefillMs: 60_000 });
    const replies = [];
    for (let i = 0; i < 8; i++) replies.push(await client(s, {}, { 'x-forwarded-for': `192.0.2.${i}` }).ask('trainee.join', { code: 'ABCDE', nickname: `x${i}` }));
    expect(replies.filter((x) => !x.ok && x.error === 'slow-down')).toHaveLength(5);
  });
});

describe('V5: no room-code oracle, and connections per address', () => {
  test('a wrong code and a wrong token get the same answer, for trainees and for hosts', async () => {
    const s = await server();
    const r = await room(s);
    const c = client(s);
    const token = 'x'.repeat(24);
    const wrongCode = await c.ask('trainee.attach', { code: r.code === 'ABCDE' ? 'ABCDF' : 'ABCDE', token });
    const wrongToken = await c.ask('trainee.attach', { code: r.code, token });
    expect(wrongCode).toMatchObject({ ok: false });
    expect(wrongToken).toEqual(wrongCode);
    expect(await c.ask('trainee.vote', { code: r.code, token, turn: 0, choice: 0, seq: 1 })).toEqual(await c.ask('trainee.vote', { code: 'ZZZZZ', token, turn: 0, choice: 0, seq: 1 }));
    expect(await c.ask('host.attach', { code: r.code, hostToken: token })).toEqual(await c.ask('host.attach', { code: 'ZZZZZ', hostToken: token }));
    const action = { type: 'end' };
    expect(await c.ask('host.act', { code: r.code, hostToken: token, action })).toEqual(await c.ask('host.act', { code: 'ZZZZZ', hostToken: token, action }));
    // Not the trainer: the same refusal whether or not the room exists.
    const visitor = client(s, {}, { 'x-forwarded-for': '203.0.113.9' });
    expect(await visitor.ask('host.claim', { code: r.code })).toEqual(await visitor.ask('host.claim', { code: 'ZZZZZ' }));
  });

  test('failed look-ups spend the join budget; a trainee already in keeps voting', async () => {
    const s = await server({ joinBurst: 4, joinRefillMs: 60_000 });
    const r = await room(s);
    // Not this machine's own connections (those are the trainer's, which nothing limits).
    const visitor = { 'x-forwarded-for': '203.0.113.9' };
    const trainee = client(s, {}, visitor);
    const me = ok(await trainee.ask<{ token: string }>('trainee.join', { code: r.code, nickname: '小李' }));
    ok(await r.act({ type: 'start' }));
    const v = await until(() => trainee.trainee?.vote);
    const prober = client(s, {}, visitor);
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await prober.ask('trainee.attach', { code: r.code, token: `${i}`.repeat(20) }));
    expect(answers.slice(0, 3).every((a) => !a.ok && a.error !== 'slow-down')).toBe(true);
    expect(answers.slice(3).every((a) => !a.ok && a.error === 'slow-down')).toBe(true);
    expect(await prober.ask('trainee.join', { code: r.code, nickname: 'probe' })).toMatchObject({ error: 'slow-down' });
    ok(await trainee.ask('trainee.vote', { code: r.code, token: me.token, turn: 0, choice: v.now.choices[0]!.choice, seq: 1 }));
  });

  test('connections per address are capped; a freed place can be taken again', async () => {
    const s = await server({ maxConnectionsPerAddress: 4 });
    const first = Array.from({ length: 4 }, () => client(s));
    for (const c of first) expect(await door(c)).toBe('connected');
    const fifth = new Client(s.url, {}, { reconnection: false });
    cleanup.push(() => fifth.close());
    expect(await door(fifth)).toBe('too-many-connections');
    first[0]!.close();
    await new Promise((w) => setTimeout(w, 100));
    const again = client(s);
    expect(await door(again)).toBe('connected');
    ok(await again.ask('library.list', {}));
  });
});

describe('V6: floods', () => {
  test('a connection that keeps sending past its budget is disconnected, not answered message by message', async () => {
    const s = await server({ messageBurst: 10, messageRefillMs: 60_000, floodRefusals: 5 });
    const flooder = new Client(s.url, {}, { reconnection: false });
    cleanup.push(() => flooder.close());
    expect(await door(flooder)).toBe('connected');
    let answers = 0;
    let refusals = 0;
    const gone = new Promise<string>((resolve) => flooder.socket.once('disconnect', (reason) => resolve(reason)));
    for (let i = 0; i < 300; i++)
      flooder.socket.emit('library.list', {}, (a: { ok: boolean; error?: string }) => {
        answers++;
        if (!a.ok && a.error === 'slow-down') refusals++;
      });
    expect(await gone).toBe('io server disconnect');
    expect(refusals).toBeLessThanOrEqual(5);
    expect(answers).toBeLessThanOrEqual(15);
    // Everyone else carries on.
    ok(await client(s).ask('library.list', {}));
  });
});

/** Split a CSV row as a spreadsheet would with `sep` (RFC 4180 quotes). */
function fields(row: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let start = true;
  for (let i = 0; i < row.length; i++) {
    const ch = row[i]!;
    if (quoted) {
      if (ch === '"' && row[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && start) {
      quoted = true;
      start = false;
    } else if (ch === sep) {
      out.push(cur);
      cur = '';
      start = true;
    } else {
      cur += ch;
      start = false;
    }
  }
  out.push(cur);
  return out;
}

const FORMULA_START = /^\s*[=+\-@]/;

describe('V4: CSV for every separator', () => {
  test('a cell cannot become a formula whether the file is split on commas, semicolons or tabs', () => {
    const nasty = [';=1+1;', 'a;=1+1', 'a,=1+1', 'a\t=1+1', 'x; -2+3', 'a;@SUM(A1)', '"=1+1', 'ok;\n=1+1', '=1+1', '\t=1'];
    for (const n of nasty) {
      const row = ['1', n, 'tail'].map((c) => csvCell(c)).join(',');
      for (const sep of [',', ';', '\t']) for (const f of fields(row, sep)) expect(f, `${JSON.stringify(n)} split on ${JSON.stringify(sep)}`).not.toMatch(FORMULA_START);
      // Cells with a separator of any kind are quoted.
      if (/[;\t,]/.test(n)) expect(csvCell(n).startsWith('"')).toBe(true);
    }
    // Plain text and numbers are untouched.
    expect(csvCell('张三')).toBe('张三');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('a - b')).toBe('a - b');
    expect(toCsv(['n'], [[';=1+1;']]).split('\r\n')[1]).not.toMatch(/;=/);
  });

  test('a nickname may not start with a formula character; the exported file is safe with ; as the separator', async () => {
    const s = await server();
    const r = await room(s, 'solo');
    for (const n of ['=1+1', '+1', '-2', '@x']) expect(await client(s).ask('trainee.join', { code: r.code, nickname: n })).toMatchObject({ ok: false, error: 'name-formula' });
    ok(await client(s).ask('trainee.join', { code: r.code, nickname: 'x;=1+1;' }));
    ok(await r.act({ type: 'start' }));
    const csv = await (await fetch(`${s.url}/api/rooms/${r.code}/export.csv`)).text();
    for (const line of csv.split('\r\n').slice(1)) for (const f of fields(line, ';')) expect(f).not.toMatch(FORMULA_START);
  });
});

describe('V7: nicknames', () => {
  const blank = ['\u3164', '\u3164\u3164', '\u2800', '\u115F\u1160', '\uFFA0', '\u0301\u0302', 'a\u0301'.slice(1), '\u034F', '\uFE0F', '...', ' \u2800 '];
  const fine = ['张伟', 'José', 'Zoë', '王Alex', 'Ольга', 'Ελένη', '山田 太郎', '김민수', 'Nguyễn Văn An', '😀 Sam', "O'Brien", 'Anne-Marie', 'नमस्ते', '学员 1', '❤️ Mia'];

  test('the rules: blank-looking, formula, stacked marks and mixed scripts refused; real names in any script pass', async () => {
    const { nameSkeleton, nicknameProblem } = await import('../../src/engine/classroom/nickname.js');
    for (const n of blank) expect(nicknameProblem(n), JSON.stringify(n)).toBe('blank');
    for (const n of ['Al\u3164ice', 'Bob\u2800', 'A\u115Fnn']) expect(nicknameProblem(n), JSON.stringify(n)).toBe('invisible');
    for (const n of ['=x', '+x', '-x', '@x']) expect(nicknameProblem(n)).toBe('formula');
    expect(nicknameProblem('Z\u0301\u0302\u0303\u0304\u0305a')).toBe('marks');
    for (const n of ['\u0410lice', 'P\u0430ypal', '\u0391lpha', 'Ολga']) expect(nicknameProblem(n), n).toBe('mixed');
    for (const n of fine) expect(nicknameProblem(n), n).toBeUndefined();
    // Look-alikes share a skeleton; different names do not.
    expect(nameSkeleton('\u0410lice')).toBe(nameSkeleton('Alice'));
    expect(nameSkeleton('\u0421\u0410\u041C')).toBe(nameSkeleton('CAM'));
    expect(nameSkeleton('ALICE')).toBe(nameSkeleton('alice'));
    expect(nameSkeleton('Ｂｏｂ')).toBe(nameSkeleton('Bob'));
    expect(nameSkeleton('Bi1l')).toBe(nameSkeleton('Bill'));
    expect(nameSkeleton('Ann')).not.toBe(nameSkeleton('Anna'));
    expect(nameSkeleton('张伟')).not.toBe(nameSkeleton('张玮'));
  });

  test('the server refuses blank-looking names and look-alikes of someone in the room, with their own error', async () => {
    const s = await server({ joinBurst: 100 });
    const r = await room(s);
    const c = client(s);
    for (const n of blank.filter((x) => x.trim())) expect(await c.ask('trainee.join', { code: r.code, nickname: n }), JSON.stringify(n)).toMatchObject({ ok: false, error: 'name-blank' });
    ok(await c.ask('trainee.join', { code: r.code, nickname: 'Alice' }));
    ok(await client(s).ask('trainee.join', { code: r.code, nickname: 'CAM' }));
    expect(await client(s).ask('trainee.join', { code: r.code, nickname: '\u0410lice' })).toMatchObject({ ok: false, error: 'name-lookalike' });
    expect(await client(s).ask('trainee.join', { code: r.code, nickname: '\u0421\u0410\u041C' })).toMatchObject({ ok: false, error: 'name-lookalike' });
    expect(await client(s).ask('trainee.join', { code: r.code, nickname: 'P\u0430ypal' })).toMatchObject({ ok: false, error: 'name-mixed' });
    // The same name again is a second trainee (numbered), as before.
    const twin = ok(await client(s).ask<{ view: TraineeView }>('trainee.join', { code: r.code, nickname: 'Alice' }));
    expect(twin.view.name).toBe('Alice 2');
    for (const n of fine) ok(await client(s).ask('trainee.join', { code: r.code, nickname: n }));
  });

  test('a removed trainee\'s token is dead, also after a restart; a banned name (or a look-alike) cannot join again', async () => {
    const db = join(tempDir(), 'dojo.db');
    const s1 = await startServer({ db });
    const r = await room(s1);
    const key = 'k3y-0f-the-r3m0ved-ph0ne';
    const phone = client(s1);
    const j = ok(await phone.ask<{ token: string }>('trainee.join', { code: r.code, nickname: 'Rude', key }));
    const kept = ok(await client(s1).ask<{ token: string }>('trainee.join', { code: r.code, nickname: 'Kind' }));
    const rude = await until(() => r.host.host?.participants.find((p) => p.name === 'Rude'));
    ok(await r.act({ type: 'remove', id: rude.id }));
    expect(await phone.ask('trainee.attach', { code: r.code, token: j.token })).toMatchObject({ ok: false, error: 'unknown' });
    // The old token as a join key does not bring the trainee back.
    expect(await client(s1).ask('trainee.join', { code: r.code, nickname: 'Rude', key })).toMatchObject({ ok: false, error: 'removed' });
    // Removed without a ban: the name itself may come back (with a new phone key).
    const back = ok(await client(s1).ask<{ token: string }>('trainee.join', { code: r.code, nickname: 'Rude' }));
    const again = await until(() => r.host.host?.participants.find((p) => p.name === 'Rude' && p.id !== rude.id));
    ok(await r.act({ type: 'remove', id: again.id, ban: true }));
    for (const n of ['Rude', 'RUDE', 'Ru de', 'R\u0443de']) expect(await client(s1).ask('trainee.join', { code: r.code, nickname: n }), n).toMatchObject({ ok: false });
    expect(await client(s1).ask('trainee.join', { code: r.code, nickname: 'Rude' })).toMatchObject({ ok: false, error: 'name-banned' });
    ok(await client(s1).ask('trainee.join', { code: r.code, nickname: 'Polite' }));
    r.host.close();
    await s1.close();

    // After a restart: still dead, still banned; the others are still in.
    const s2 = await server({ db });
    const c = client(s2);
    expect(await c.ask('trainee.join', { code: r.code, nickname: 'Rude', key })).toMatchObject({ ok: false, error: 'removed' });
    expect(await c.ask('trainee.attach', { code: r.code, token: back.token })).toMatchObject({ ok: false, error: 'unknown' });
    expect(await c.ask('trainee.join', { code: r.code, nickname: 'rude' })).toMatchObject({ ok: false, error: 'name-banned' });
    ok(await c.ask('trainee.attach', { code: r.code, token: kept.token }));
  });
});

describe('V8: a busy port', () => {
  test('npm start on a port in use says so and exits with status 1', async () => {
    const busy = createServer();
    await new Promise<void>((ok_) => busy.listen(0, '127.0.0.1', ok_));
    cleanup.push(() => new Promise((ok_) => busy.close(ok_)));
    const port = (busy.address() as { port: number }).port;
    const child = spawn(process.execPath, ['bin/serve.mjs', '--port', String(port), '--host', '127.0.0.1', '--db', join(tempDir(), 'dojo.db'), '--dist', fakeDist()], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), 40_000);
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    clearTimeout(killer);
    expect(err).toContain(`port ${port} is in use`);
    expect(code).toBe(1);
  }, 60_000);
});
