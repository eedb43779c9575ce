/**
 * What a phone coming back costs the classroom server, against a bare socket.io server in the
 * same run: a tenth of a class vote's trainees drop (half closing the socket, half losing the
 * transport), reconnect and attach (the phone's resync: its view comes back), round after round;
 * on the echo server as many clients drop, reconnect and send one echo. The server's CPU time
 * per reconnect, each measured over all its rounds. It says how much of the classroom benchmark's
 * decision (bench/classroom.ts: a hundred reconnects in each at 1,000 trainees) is the coming
 * back itself, which no room code can make cheaper than the bare server's.
 *
 * `npm run bench -- reconnect` (300 trainees, 100 reconnects a round, 8 rounds).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { ask, connectAll, startChild, within } from './classroom.js';
import type { Figure } from './engine.js';

const TRAINEES = 300;
const DROPS = 100;
const ROUNDS = 8;
const WAIT_MS = 30_000;

const round2 = (x: number) => Math.round(x * 100) / 100;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Drop the connection (closing the socket, or losing the transport) and wait until it is back. */
async function dropAndReturn(s: Socket, how: 'socket' | 'transport'): Promise<void> {
  const back = new Promise<void>((ok) => s.once('connect', () => ok()));
  if (how === 'transport') s.io.engine.close();
  else {
    s.disconnect();
    s.connect();
  }
  await within(back, WAIT_MS, 'reconnecting');
}

export async function reconnectFigures(): Promise<Figure[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'dojo-bench-'));
  const dist = join(tmp, 'dist');
  mkdirSync(dist);
  for (const p of ['index.html', 'host.html', 'join.html']) writeFileSync(join(dist, p), '<!doctype html><title>bench</title>');
  const [room, echo] = await Promise.all([startChild('classroom', ['--db', join(tmp, 'dojo.db'), '--dist', dist, '--burst', '1000000']), startChild('echo', [])]);
  const sockets: Socket[] = [];
  try {
    const [host] = await connectAll(room.port, 1);
    sockets.push(host!);
    const scenarios = (await ask<{ scenarios: { id: string }[] }>(host!, 'library.list', {})).scenarios;
    const { code, hostToken } = await ask<{ code: string; hostToken: string }>(host!, 'room.create', { scenario: scenarios[0]!.id, mode: 'vote', voteSeconds: 600 });
    const trainees = await connectAll(room.port, TRAINEES);
    sockets.push(...trainees);
    const tokens: string[] = [];
    for (const [i, s] of trainees.entries()) tokens.push((await ask<{ token: string }>(s, 'trainee.join', { code, nickname: `学员 ${i + 1}` })).token);
    await ask(host!, 'host.act', { code, hostToken, action: { type: 'start' } });
    const echoes = await connectAll(echo.port, TRAINEES);
    sockets.push(...echoes);

    // The classroom's rounds, then the echo's, each timed on its own server only.
    const how = (i: number) => (i % 2 ? 'transport' : 'socket');
    const r0 = await room.stats();
    for (let k = 0; k < ROUNDS; k++) {
      const them = trainees.slice(0, DROPS);
      await Promise.all(
        them.map(async (s, i) => {
          await dropAndReturn(s, how(i));
          await ask(s, 'trainee.attach', { code, token: tokens[i] });
        }),
      );
    }
    const r1 = await room.stats();
    const e0 = await echo.stats();
    for (let k = 0; k < ROUNDS; k++) {
      await Promise.all(
        echoes.slice(0, DROPS).map(async (s, i) => {
          await dropAndReturn(s, how(i));
          await s.timeout(WAIT_MS).emitWithAck('echo', { code, token: tokens[i], turn: 0, choice: 0, seq: 1 });
        }),
      );
    }
    const e1 = await echo.stats();
    // And plain echoes, nobody dropping: what one costs the bare server (the classroom benchmark's unit).
    for (let k = 0; k < ROUNDS; k++) await Promise.all(echoes.map((s) => s.timeout(WAIT_MS).emitWithAck('echo', { code, token: tokens[0], turn: 0, choice: 0, seq: 1 })));
    const e2 = await echo.stats();
    const perEcho = (e2.cpuMs - e1.cpuMs) / (ROUNDS * TRAINEES);
    const n = ROUNDS * DROPS;
    const mine = (r1.cpuMs - r0.cpuMs) / n;
    const bare = (e1.cpuMs - e0.cpuMs) / n;
    const what = `${n} reconnects (${DROPS} a round of ${TRAINEES} connected, half closing the socket, half losing the transport)`;
    return [
      {
        name: 'reconnect.server_cpu_ms_per_reconnect',
        unit: 'ms',
        value: round3(mine),
        floor: { what: `bare socket.io server: the same ${what}, each followed by one echo`, value: round3(bare) },
        ratio: round2(mine / bare),
        target: `report only; classroom server: ${what}, each followed by the phone's attach (its view back, about 8 KB); user + system time`,
        pass: true,
      },
      {
        name: 'reconnect.bare_reconnect_in_echoes',
        unit: 'echoes',
        value: round2(bare / perEcho),
        floor: { what: `bare socket.io server's CPU per echo (${ROUNDS} rounds of ${TRAINEES}, nobody dropping), ms`, value: round3(perEcho) },
        target: "report only: a reconnect (with its echo) costs the bare server this many plain echoes; the classroom benchmark's decision at 1,000 trainees has 100 reconnects against an echo round of 1,000",
        pass: true,
      },
    ];
  } finally {
    for (const s of sockets) s.disconnect();
    await Promise.all([room.stop(), echo.stop()]);
    rmSync(tmp, { recursive: true, force: true });
  }
}
