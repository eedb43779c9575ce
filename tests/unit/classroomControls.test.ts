/** The trainer's controls over real sockets: host only, validated, persisted across a restart; the exports (CSV participation, XLSX read back). */
import { afterEach, describe, expect, test } from 'vitest';
import { readXlsxSheets } from '../../src/cli/sheet.js';
import type { HostView, TraineeView } from '../../src/server/protocol.js';
import { Client, csvTables, ok, startServer, tempDir, until } from './classroomServer.helpers.js';
import { join } from 'node:path';

type Server = Awaited<ReturnType<typeof startServer>>;
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});
const SLOW = 30_000; // starting a class vote works out the best route: seconds on a loaded machine

async function server(db?: string): Promise<Server> {
  const s = await startServer(db ? { db } : {});
  cleanup.push(() => s.close());
  return s;
}
function client(s: { url: string }): Client {
  const c = new Client(s.url);
  cleanup.push(() => c.close());
  return c;
}

async function room(s: Server, mode: 'vote' | 'solo' = 'vote') {
  const host = client(s);
  const made = ok(await host.ask<{ code: string; hostToken: string; view: HostView }>('room.create', { scenario: 'broadband-outage', mode, voteSeconds: 60 }));
  const act = (action: object, token = made.hostToken) => host.ask('host.act', { code: made.code, hostToken: token, action }, SLOW);
  const join = async (nickname: string) => {
    const c = client(s);
    const r = await c.ask<{ token: string; view: TraineeView }>('trainee.join', { code: made.code, nickname });
    return { c, r };
  };
  return { host, code: made.code, hostToken: made.hostToken, act, join, view: made.view };
}

/** A class vote started with two trainees, Ann and Bo, on its first decision. */
async function twoVoting() {
  const s = await server();
  const r = await room(s);
  const a = await r.join('Ann');
  const b = await r.join('Bo');
  ok(await r.act({ type: 'start' }));
  const round = await until(() => r.host.host?.vote?.round, SLOW);
  return { s, r, a, b, ta: ok(a.r).token, tb: ok(b.r).token, round };
}

describe('trainer controls', () => {
  test('only the host token may use them; bad ones are refused with a reason; the server stays up', async () => {
    const s = await server();
    const r = await room(s);
    expect(r.view.settings).toEqual({ locked: false, approval: false, autoClose: true, showLive: false, ownWords: false });
    const other = await r.join('Ann');
    const trainee = ok(other.r);
    // A trainee's token is not the host's.
    expect(await r.act({ type: 'settings', settings: { locked: true } }, trainee.token)).toMatchObject({ ok: false, error: 'not-host' });
    for (const bad of [
      { type: 'settings', settings: {} },
      { type: 'settings', settings: { locked: 'yes' } },
      { type: 'settings', settings: { volume: 11 } },
      { type: 'rename', id: 'x', name: '' },
      { type: 'rename', id: 'x', name: 'a'.repeat(40) },
      { type: 'next' },
      { type: 'addTime', seconds: 600 },
    ]) {
      const res = await r.act(bad);
      expect(res, JSON.stringify(bad)).toMatchObject({ ok: false, error: 'bad-message' });
      expect((res as { message: string }).message).toMatch(/^host\.act: action/);
    }
    expect(await r.act({ type: 'admit', id: 'nobody' })).toMatchObject({ ok: false, error: 'no-participant' });
    expect(await r.act({ type: 'pause' })).toMatchObject({ ok: false, error: 'not-open' });
    expect(await r.act({ type: 'next', scenario: 'hotpot-wait' })).toMatchObject({ ok: false, error: 'not-ended' });
    expect(await r.act({ type: 'rename', id: trainee.view.name ? 'nobody' : 'x', name: 'Bob' })).toMatchObject({ ok: false, error: 'no-participant' });
    ok(await r.act({ type: 'settings', settings: { locked: false } }));
  });

  test('lock, approval, rename: a late joiner is told the room is locked; joiners wait until let in; all of it survives a restart', async () => {
    const db = join(tempDir(), 'dojo.db');
    let s = await server(db);
    const r = await room(s);
    ok(await r.join('Ann').then((j) => j.r));
    ok(await r.act({ type: 'settings', settings: { locked: true } }));
    expect((await r.join('Late')).r).toMatchObject({ ok: false, error: 'locked', message: expect.stringMatching(/locked/) });
    ok(await r.act({ type: 'settings', settings: { locked: false, approval: true } }));
    const bo = await r.join('Bo');
    const boJoin = ok(bo.r);
    expect(boJoin.view.waiting).toBe(true);
    const host = await until(() => r.host.host?.participants.find((p) => p.name === 'Bo' && p.waiting));
    // A look-alike or a formula is refused as a rename, as it would be as a nickname.
    const ann = r.host.host!.participants.find((p) => p.name === 'Ann')!;
    expect(await r.act({ type: 'rename', id: ann.id, name: 'B0' })).toMatchObject({ ok: false, error: 'name-lookalike' });
    expect(await r.act({ type: 'rename', id: ann.id, name: '=1+1' })).toMatchObject({ ok: false, error: 'name-formula' });
    ok(await r.act({ type: 'rename', id: ann.id, name: 'Annie' }));

    // Restart: the settings, the queue and the new name are still there.
    await s.close();
    cleanup.length = 0;
    s = await server(db);
    const again = client(s);
    const v = ok(await again.ask<{ view: HostView }>('host.attach', { code: r.code, hostToken: r.hostToken })).view;
    expect(v.settings).toMatchObject({ locked: false, approval: true, autoClose: true });
    expect(v.participants.map((p) => [p.name, !!p.waiting])).toEqual([['Annie', false], ['Bo', true]]);
    const act = (action: object) => again.ask('host.act', { code: r.code, hostToken: r.hostToken, action }, SLOW);
    ok(await act({ type: 'admit', id: host.id }));
    expect(await act({ type: 'admit', id: host.id })).toMatchObject({ ok: false, error: 'not-waiting' });
    const bo2 = client(s);
    const att = ok(await bo2.ask<{ view: TraineeView }>('trainee.attach', { code: r.code, token: boJoin.token }));
    expect(att.view.waiting).toBeUndefined();
  });

  test('pause, resume, +30 s; the vote closes once every connected trainee voted; the split shows live when asked', async () => {
    const { r, a, b, ta, tb, round } = await twoVoting();
    const left0 = round.remainingMs;
    ok(await r.act({ type: 'addTime' }));
    const more = await until(() => (r.host.host!.vote!.round!.remainingMs > left0 + 20_000 ? r.host.host!.vote!.round : undefined));
    expect(more.remainingMs).toBeLessThanOrEqual(left0 + 30_000);
    ok(await r.act({ type: 'pause' }));
    const paused = await until(() => r.host.host?.vote?.round?.paused && r.host.host.vote.round);
    await new Promise((w) => setTimeout(w, 1200));
    ok(await r.act({ type: 'settings', settings: { showLive: true } }));
    const still = await until(() => r.host.host?.vote?.round?.live && r.host.host.vote.round);
    expect(still.remainingMs).toBe(paused.remainingMs);
    expect(await r.act({ type: 'pause' })).toMatchObject({ ok: false, error: 'paused' });
    ok(await r.act({ type: 'resume' }));
    await until(() => r.host.host?.vote?.round && !r.host.host.vote.round.paused);
    const choice = r.host.host!.vote!.now.choices[0]!.choice;
    ok(await a.c.ask('trainee.vote', { code: r.code, token: ta, turn: round.turn, choice, seq: 1 }));
    // The phones see the split while voting (show live).
    const live = await until(() => b.c.trainee?.vote?.round?.live?.counts.some((n) => n === 1) && b.c.trainee.vote.round);
    expect(live.status).toBe('open');
    const last = ok(await b.c.ask<{ closed?: true }>('trainee.vote', { code: r.code, token: tb, turn: round.turn, choice, seq: 1 }));
    expect(last.closed).toBe(true);
    await until(() => r.host.host?.vote?.round?.status === 'closed');
    expect(await r.act({ type: 'addTime' })).toMatchObject({ ok: false, error: 'not-open' });
  }, 90_000);

  test('a vote that closes by itself is not pushed to the phones: they hear of it with the reveal, a changed vote is refused, an attach shows it closed', async () => {
    const { s, r, a, b, ta, tb, round } = await twoVoting();
    await until(() => a.c.trainee?.vote?.round?.status === 'open' && b.c.trainee?.vote?.round?.status === 'open');
    const [first, second] = r.host.host!.vote!.now.choices.map((c) => c.choice);
    ok(await a.c.ask('trainee.vote', { code: r.code, token: ta, turn: round.turn, choice: first, seq: 1 }));
    const pushed = [a.c.traineeViews.length, b.c.traineeViews.length];
    expect(ok(await b.c.ask<{ closed?: true }>('trainee.vote', { code: r.code, token: tb, turn: round.turn, choice: first, seq: 1 })).closed).toBe(true);
    await until(() => r.host.host?.vote?.round?.status === 'closed');
    // The host's screen says closed; the phones were sent nothing (a write per phone saved).
    await new Promise((w) => setTimeout(w, 300));
    expect([a.c.traineeViews.length, b.c.traineeViews.length]).toEqual(pushed);
    // A phone that changes its mind is told the vote has closed (it then shows it closed itself) …
    expect(await a.c.ask('trainee.vote', { code: r.code, token: ta, turn: round.turn, choice: second, seq: 2 })).toMatchObject({ ok: false, error: 'closed' });
    // … one that comes back sees it closed, with its vote …
    const back = ok(await client(s).ask<{ view: TraineeView }>('trainee.attach', { code: r.code, token: tb }));
    expect(back.view.vote?.round).toMatchObject({ status: 'closed', mine: first });
    // … and the reveal reaches every phone.
    ok(await r.act({ type: 'reveal' }));
    await until(() => a.c.trainee?.vote?.round?.status === 'revealed' && b.c.trainee?.vote?.round?.status === 'revealed');
    expect(a.c.trainee!.vote!.round!.options?.find((o) => o.choice === first)?.votes).toBe(2);
  }, 90_000);
});

describe('a session of several scenarios, and the exports', () => {
  test('class vote: who voted what and when in the CSV; the XLSX holds the same tables; the next scenario carries the class score, also after a restart', async () => {
    const db = join(tempDir(), 'dojo.db');
    let s = await server(db);
    const r = await room(s);
    const a = await r.join('x;=1+1');
    const b = await r.join('Bo');
    await r.join('Cy');
    ok(await r.act({ type: 'start' }));
    const round = await until(() => r.host.host?.vote?.round, SLOW);
    const [first, second] = r.host.host!.vote!.now.choices;
    ok(await a.c.ask('trainee.vote', { code: r.code, token: ok(a.r).token, turn: round.turn, choice: second!.choice, seq: 1 }));
    ok(await b.c.ask('trainee.vote', { code: r.code, token: ok(b.r).token, turn: round.turn, choice: first!.choice, seq: 1 }));
    ok(await r.act({ type: 'advance', choice: second!.choice, turn: round.turn }));
    await until(() => r.host.host?.vote?.round?.turn === round.turn + 1);

    const csvRes = await fetch(`${s.url}/api/rooms/${r.code}/export.csv?lang=en`);
    const csv = csvTables(await csvRes.text());
    const participation = csv[1]!;
    expect(participation[0]).toEqual(['trainee', 'turn', 'voted', 'reply', 'reply text', 'voted at (UTC)', 'class chose', 'same as the class']);
    const turn1 = participation.filter((row) => row[1] === '1');
    expect(turn1.map((row) => [row[0], row[2], row[3], row[6], row[7]])).toEqual([
      ["x;'=1+1", 'yes', '2', '2', 'yes'],
      ['Bo', 'yes', '1', '2', 'no'],
      ['Cy', 'no', '', '2', ''],
    ]);
    expect(turn1[0]![5]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    // The open decision is listed too, nobody has voted on it yet.
    expect(participation.filter((row) => row[1] === '2').map((row) => row[2])).toEqual(['no', 'no', 'no']);

    const xRes = await fetch(`${s.url}/api/rooms/${r.code}/export.xlsx?lang=en`);
    expect(xRes.headers.get('content-type')).toMatch(/spreadsheetml/);
    const sheets = await readXlsxSheets(Buffer.from(await xRes.arrayBuffer()));
    expect(sheets.map((sh) => sh.sheet)).toEqual(['Class vote', 'Participation']);
    // Cell by cell, the workbook says what the CSV says (numbers as numbers, empty cells empty, text defused alike).
    sheets.forEach((sh, i) => {
      const width = Math.max(...csv[i]!.map((row) => row.length));
      expect(sh.rows.map((row) => [...row, ...Array(width - row.length).fill('')])).toEqual(csv[i]);
    });

    ok(await r.act({ type: 'end' }));
    expect(await r.act({ type: 'next', scenario: 'no-such-scenario' })).toMatchObject({ ok: false, error: 'no-scenario' });
    ok(await r.act({ type: 'next', scenario: 'hotpot-wait' }));
    const lobby = await until(() => r.host.host?.series && r.host.host);
    expect(lobby.phase).toBe('lobby');
    expect(lobby.scenario.id).toBe('hotpot-wait');
    expect(lobby.series).toMatchObject({ n: 2, classTotal: { stages: [null], total: 0 } });
    expect(lobby.participants).toHaveLength(3);

    await s.close();
    cleanup.length = 0;
    s = await server(db);
    const again = client(s);
    const v = ok(await again.ask<{ view: HostView }>('host.attach', { code: r.code, hostToken: r.hostToken })).view;
    expect(v.scenario.id).toBe('hotpot-wait');
    expect(v.series?.stages.map((st) => st.scenario)).toEqual(['broadband-outage']);
    // The first scenario's tables (archived when the room moved on), titled by it; the second has not started.
    const x = await fetch(`${s.url}/api/rooms/${r.code}/export.xlsx?lang=zh-CN`);
    const zh = await readXlsxSheets(Buffer.from(await x.arrayBuffer()));
    expect(zh.map((sh) => sh.sheet.replace(/ · .*/, ''))).toEqual(['1. 全班投票', '1. 参与情况', '排行榜']);
    expect(zh[1]!.rows[0]![0]).toMatch(/^场景 1：.+ · 参与情况$/);
    expect(zh[1]!.rows.filter((row) => row[1] === '1').map((row) => [row[0], row[2], row[3]])).toEqual([
      ["x;'=1+1", 'yes', '2'],
      ['Bo', 'yes', '1'],
      ['Cy', 'no', ''],
    ]);
  }, 120_000);

  test('everyone plays: the next scenario puts each trainee\'s points on the leaderboard', async () => {
    const s = await server();
    const r = await room(s, 'solo');
    const a = await r.join('Ann');
    ok(a.r);
    ok(await r.act({ type: 'start' }));
    const me = await until(() => (a.c.trainee?.solo?.now.choices.length ? a.c.trainee.solo : undefined));
    ok(await a.c.ask('trainee.choose', { code: r.code, token: ok(a.r).token, turn: 0, choice: me.now.choices[0]!.choice, seq: 1 }));
    const row = await until(() => (r.host.host?.solo?.rows[0]?.running != null ? r.host.host.solo.rows[0] : undefined));
    // Unfinished: the overall so far (the outcome's share still to come), on the scale of a finished trainee's overall.
    expect(row.standing).toBe(Math.round(0.8 * Math.max(0, row.running!)));
    ok(await r.act({ type: 'end' }));
    // Ended before her customer was done: her phone gets the turn she played, to look back on.
    const phone = await until(() => (a.c.trainee?.phase === 'ended' ? a.c.trainee : undefined));
    expect(phone.solo?.result).toBeUndefined();
    expect(phone.solo?.soFar?.map((f) => f.turn)).toEqual([0]);
    ok(await r.act({ type: 'next', scenario: 'door-bump' }));
    const v = await until(() => r.host.host?.series && r.host.host);
    expect(v.series!.standings).toEqual([{ pid: expect.any(String), name: 'Ann', total: row.standing, stages: [row.standing], rank: 1 }]);
    ok(await r.act({ type: 'start' }));
    // A fresh customer of the new scenario for each trainee.
    await until(() => a.c.trainee?.scenario.id === 'door-bump' && a.c.trainee.solo?.now.turn === 0);
    // While the second scenario runs the leaderboard holds the first only; once it has ended, both
    // (play-test: the scenario just finished was missing from its own debrief's leaderboard).
    expect(r.host.host!.series!.stages.map((st) => st.scenario)).toEqual(['broadband-outage']);
    ok(await r.act({ type: 'end' }));
    const ended = await until(() => (r.host.host?.phase === 'ended' ? r.host.host : undefined));
    expect(ended.series).toMatchObject({ n: 2, stages: [{ scenario: 'broadband-outage' }, { scenario: 'door-bump' }] });
    expect(ended.series!.standings).toEqual([{ pid: expect.any(String), name: 'Ann', total: row.standing, stages: [row.standing, 0], rank: 1 }]);
    const csv = await (await fetch(`${s.url}/api/rooms/${r.code}/export.csv?lang=en`)).text();
    expect(csv).toMatch(/\nrank,trainee,1\. [^,\n]+,2\. [^,\n]+,total\r?\n1,Ann,/);
    // Ann did not finish the second scenario: said so, not left blank; in Chinese too.
    expect(csv).toMatch(/^Ann,.*,not finished,,$/m);
    const zh = await (await fetch(`${s.url}/api/rooms/${r.code}/export.csv?lang=zh-CN`)).text();
    expect(zh).toMatch(/^Ann,.*,未完成,,$/m);
  }, 60_000);
});
