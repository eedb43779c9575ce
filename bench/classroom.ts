/**
 * Classroom benchmark: N trainees vote through a whole class-vote scenario on the real
 * classroom server, against a bare socket.io echo server (the floor) in the same run.
 * Each server runs in a child process of its own (bench/classroomServer.ts), so its memory
 * is measured alone; the clients all live here.
 *
 * Per decision: every trainee votes at once and the round trip (emit → ack) of each vote is
 * timed, except for a tenth of the class who drop right after sending (half by closing the
 * socket, half by losing the transport, which socket.io may recover), come back, attach and
 * send the same vote again; those votes must count exactly once. The host then reveals and
 * compares the server's tally (and later the votes table) with what was sent, and advances
 * along the longest route the scenario has, so the class meets as many decisions as it can.
 * Before each decision every trainee must have been pushed its view of it. The echo clients
 * send one echo each per round, at once, in the same rounds.
 *
 * `npm run bench:classroom -- --clients 300 [--drop 0.1] [--seed 1] [--cpu-prof] [--two-process]`
 * (--two-process: then the same again on two classroom server processes sharing the room through
 * a throwaway Redis and PostgreSQL, the host and half the class on one, half on the other; its
 * figures go beside the first run's, under `twoProcess`, or why it was skipped)
 * (--cpu-prof writes CPU profiles of the rounds alone, the classroom server's and the echo
 * server's, to bench/out/prof/; profiling costs CPU, so take the figures from a run without it).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { io as connect, type Socket } from 'socket.io-client';
import { nextRandom } from '../src/engine/rng.js';
import { findPaths } from '../src/engine/scoring/paths.js';
import { choose, offeredChoices, startSession, timeOut, type Play } from '../src/engine/session/session.js';
import type { HostView, Reply, ScenarioInfo, TraineeView } from '../src/server/protocol.js';
import { ServerLibrary } from '../src/server/library.js';
import type { FromChild, ToChild } from './classroomServer.js';
import { median, type Figure } from './engine.js';

export interface ClassroomOptions {
  clients?: number;
  /** Share of the class that drops mid-vote each round. */
  drop?: number;
  seed?: number;
  /** Write the servers' CPU profiles of the rounds to bench/out/prof/. */
  cpuProf?: boolean;
  /**
   * Two classroom server processes sharing the room through Redis and PostgreSQL (throwaway
   * ones started for the run): the host and half the class on one, the other half on the other.
   */
  twoProcess?: boolean;
}

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/out');
const ACK_MS = 20_000;
const WAIT_MS = 30_000;
/** How long a trainee may take to get a pushed update before it counts as not getting it. */
const DEAF_MS = 5_000;
/** Quiet time before each burst, so the previous round's pushes and timers have settled. */
const SETTLE_MS = 40;

const log = (s: string) => process.stderr.write(`classroom: ${s}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, bad) => (timer = setTimeout(() => bad(new Error(`timed out after ${ms} ms: ${what}`)), ms)));
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

async function until<T>(f: () => T | undefined | false, what: string, ms = WAIT_MS): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const v = f();
    if (v) return v;
    if (performance.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(5);
  }
}

/** A seeded source of numbers in [0, 1): the engine's own generator. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    const r = nextRandom(state);
    state = r.state;
    return r.value;
  };
}

/** Nearest-rank percentile. */
function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const mb = (bytes: number) => round2(bytes / 1024 / 1024);

// ---- the servers, each in a child process ----

interface Stats {
  /** CPU time used so far, user + system, ms. */
  cpuMs: number;
  memory: NodeJS.MemoryUsage;
}

interface Child {
  port: number;
  stats(): Promise<Stats>;
  /** Start or stop the CPU profile of the measured window (with --cpu-prof; else nothing). */
  profile(start: boolean): Promise<void>;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

function reply<T extends FromChild['type']>(child: ChildProcess, type: T, what: string): Promise<Extract<FromChild, { type: T }>> {
  return within(
    new Promise((ok, bad) => {
      const onMessage = (m: FromChild) => {
        if (m.type !== type) return;
        off();
        ok(m as Extract<FromChild, { type: T }>);
      };
      const onExit = (code: number | null) => {
        off();
        bad(new Error(`${what}: the server exited (${code})`));
      };
      const off = () => {
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    }),
    WAIT_MS,
    what,
  );
}

export async function startChild(kind: 'classroom' | 'echo', args: string[], execArgv: string[] = []): Promise<Child> {
  const child = fork(join(ROOT, 'bin/run-ts.mjs'), [join(import.meta.dirname, 'classroomServer.ts'), '--kind', kind, ...args], {
    execArgv: ['--expose-gc', ...execArgv],
    // The child's output goes to our stderr: stdout carries the figures.
    stdio: ['ignore', 2, 2, 'ipc'],
  });
  children.add(child);
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      if (child.connected) child.send({ type: 'stop' } satisfies ToChild);
      await within(exited, 5000, `${kind} server exit`).catch(() => child.kill('SIGKILL'));
    }
    children.delete(child);
  };
  try {
    const { port } = await reply(child, 'ready', `${kind} server start`);
    return {
      port,
      async stats() {
        const m = reply(child, 'stats', `${kind} server stats`);
        child.send({ type: 'stats' } satisfies ToChild);
        const { cpu, memory } = await m;
        return { cpuMs: (cpu.user + cpu.system) / 1000, memory };
      },
      async profile(start: boolean) {
        if (!args.includes('--profile-dir')) return;
        const m = reply(child, 'profiled', `${kind} server profile`);
        child.send({ type: 'profile', start } satisfies ToChild);
        await m;
      },
      stop,
    };
  } catch (e) {
    child.kill('SIGKILL');
    children.delete(child);
    throw e;
  }
}

// ---- clients ----

function client(port: number): Socket {
  return connect(`http://127.0.0.1:${port}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
    randomizationFactor: 0,
    timeout: WAIT_MS,
  });
}

/** Connect in batches: a few hundred handshakes at once would only measure the accept queue. */
export async function connectAll(port: number | number[], n: number, batch = 50): Promise<Socket[]> {
  const ports = typeof port === 'number' ? [port] : port;
  const out: Socket[] = [];
  for (let i = 0; i < n; i += batch) {
    // Spread over the servers in turn: client i goes to server i mod their number.
    const sockets = Array.from({ length: Math.min(batch, n - i) }, (_, j) => client(ports[(i + j) % ports.length]!));
    out.push(...sockets);
    await within(Promise.all(sockets.map((s) => new Promise((ok) => s.once('connect', () => ok(undefined))))), WAIT_MS, `connecting clients ${i}–${i + sockets.length}`);
  }
  return out;
}

export async function ask<T = Record<string, unknown>>(s: Socket, event: string, payload: unknown): Promise<{ ok: true } & T> {
  const r = (await s.timeout(ACK_MS).emitWithAck(event, payload)) as Reply<T>;
  if (!r.ok) throw new Error(`${event}: ${r.error}: ${r.message}`);
  return r;
}

interface Trainee {
  socket: Socket;
  token: string;
  seq: number;
  view?: TraineeView;
  /** How and when it dropped (diagnostics). */
  drops: string[];
}

// ---- steering: the host follows the longest route the scenario has ----

/**
 * The longest of the routes findPaths reports (the best and worst way to each ending), as
 * choice indices (-1: let the time run out). The room's seed only picks line variants, so a
 * route found from any seed is the route the room takes.
 */
function longestRoute(play: Play): { picks: number[]; nodes: string[] } {
  const report = findPaths(play, startSession(play, 1));
  const routes = report.endings.flatMap((e) => [e.best, e.worst]).filter((r) => !!r);
  const route = routes.sort((a, b) => b.picks.length - a.picks.length)[0];
  if (!route) return { picks: [], nodes: [] };
  let s = startSession(play, 1);
  const picks = route.picks.map((p) => {
    const choice = p === 't' ? -1 : offeredChoices(play, s)[p - 1]!.index;
    s = p === 't' ? timeOut(play, s) : choose(play, s, p - 1);
    return choice;
  });
  return { picks, nodes: route.nodes };
}

// ---- the run ----

interface Run {
  clients: number;
  rounds: number;
  scenario: string;
  vote: number[];
  echo: number[];
  votes: number;
  resent: number;
  recovered: number;
  lost: number;
  doubled: number;
  rejected: number;
  offline: number;
  /** Each decision's p99 (a busy machine shows as a few bad decisions, not as all of them). */
  roundP99: number[];
  echoRoundP99: number[];
  /** Trainees that stopped getting pushed updates after a reconnect. */
  deaf: number;
  /** CPU time this process (all the clients) spent in the vote bursts. */
  clientCpuMs: number;
  /** Trainee views pushed during the rounds, and the size of one. */
  pushes: number;
  viewBytes: number;
  /** From the last advance to the host's view of the ended class. */
  endMs: number;
  /** Memory after the run (summed over the classroom processes); CPU time spent during the rounds (summed). */
  server: { memory: NodeJS.MemoryUsage; cpuMs: number };
  /** Classroom server processes (1, or 2 sharing the room through Redis and PostgreSQL). */
  processes: number;
  /** The machine's load averages (1, 5, 15 min) before and after. */
  load: { before: number[]; after: number[] };
  echoServer: { memory: NodeJS.MemoryUsage; cpuMs: number };
}

/** Where the classroom servers keep their results, and the votes stored there by decision. */
interface Backing {
  args: string[];
  votesByTurn(): Promise<{ turn: number; n: number }[]>;
  stop(): Promise<void>;
}

function sqliteBacking(db: string): Backing {
  return {
    args: ['--db', db],
    async votesByTurn() {
      const file = new Database(db, { readonly: true });
      try {
        return file.prepare('select turn, count(*) as n from votes group by turn').all() as { turn: number; n: number }[];
      } finally {
        file.close();
      }
    },
    async stop() {},
  };
}

/** A throwaway Redis and PostgreSQL (the test helpers'), or why there are none. */
async function sharedBacking(db: string): Promise<Backing | { skip: string }> {
  const { haveRedis, startRedis } = await import('../tests/unit/serverProcess.helpers.js');
  if (!haveRedis) return { skip: 'redis-server is not installed (apt-get install -y redis-server)' };
  const { startPg } = await import('../tests/unit/pgCluster.helpers.js');
  const started = await startPg({ fsync: true }).catch((e: Error) => ({ skip: e.message }));
  if ('skip' in started) return { skip: started.skip };
  const redis = await startRedis();
  const url = await started.pg.createDatabase();
  return {
    args: ['--db', db, '--redis', redis.url, '--database-url', url],
    async votesByTurn() {
      const c = await started.pg.connect(url);
      try {
        const r = await c.query<{ turn: number; n: string }>('select turn, count(*) as n from votes group by turn');
        return r.rows.map((x) => ({ turn: Number(x.turn), n: Number(x.n) }));
      } finally {
        await c.end();
      }
    },
    async stop() {
      redis.stop();
      await started.pg.stop();
    },
  };
}

const sum = (xs: NodeJS.MemoryUsage[]): NodeJS.MemoryUsage => {
  const out = { ...xs[0]! };
  for (const x of xs.slice(1)) for (const k of Object.keys(out) as (keyof NodeJS.MemoryUsage)[]) out[k] += x[k];
  return out;
};

async function run(o: Required<ClassroomOptions>): Promise<Run | { skip: string }> {
  const n = o.clients;
  const loadBefore = loadavg();
  const rng = mulberry32(o.seed);
  const tmp = mkdtempSync(join(tmpdir(), 'dojo-bench-'));
  const dist = join(tmp, 'dist');
  mkdirSync(dist);
  for (const p of ['index.html', 'host.html', 'join.html']) writeFileSync(join(dist, p), `<!doctype html><html><head><title>${p}</title></head><body></body></html>`);
  const db = join(tmp, 'dojo.db');
  let backing: Backing | { skip: string } | undefined;
  try {
    backing = o.twoProcess ? await sharedBacking(db) : sqliteBacking(db);
  } finally {
    if (!backing || 'skip' in backing) rmSync(tmp, { recursive: true, force: true });
  }
  if ('skip' in backing) return backing;
  const prof = join(OUT, 'prof');
  if (o.cpuProf) mkdirSync(prof, { recursive: true });
  const profArgs = o.cpuProf ? ['--profile-dir', prof] : [];

  const library = ServerLibrary.load(ROOT);
  const servers: Child[] = [];
  let echoServer: Child | undefined;
  const sockets: Socket[] = [];
  const classArgs = [...backing.args, '--dist', dist, '--burst', String(Math.max(1_000_000, n * 100)), ...profArgs];
  try {
    const started = await Promise.allSettled([...Array.from({ length: o.twoProcess ? 2 : 1 }, () => startChild('classroom', classArgs)), startChild('echo', profArgs)]);
    for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
    echoServer = servers.pop();
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    const server = servers[0]!;
    const all = [...servers, echoServer!];

    // The host makes a class-vote room on the scenario with the longest route.
    const [host] = await connectAll(server.port, 1);
    sockets.push(host!);
    let hostView: HostView | undefined;
    host!.on('view.host', (v: HostView) => (hostView = v));
    const offered = (await ask<{ scenarios: ScenarioInfo[] }>(host!, 'library.list', {})).scenarios;
    const ranked = offered
      .flatMap((info) => {
        const scenario = library.get(info.id)?.scenario;
        return scenario ? [{ scenario, route: longestRoute({ scenario, catalog: library.catalog }) }] : [];
      })
      .sort((a, b) => b.route.picks.length - a.route.picks.length || a.scenario.id.localeCompare(b.scenario.id));
    if (!ranked[0]) throw new Error('the server offers no scenario');
    const { scenario, route } = ranked[0];
    const created = await ask<{ code: string; hostToken: string; view: HostView }>(host!, 'room.create', { scenario: scenario.id, mode: 'vote', voteSeconds: 600 });
    const { code, hostToken } = created;
    hostView = created.view;
    const act = (action: Record<string, unknown>) => ask(host!, 'host.act', { code, hostToken, action });

    // The class joins, and the echo clients connect.
    const trainees: Trainee[] = (await connectAll(servers.map((s) => s.port), n)).map((socket) => ({ socket, token: '', seq: 0, drops: [] }));
    sockets.push(...trainees.map((t) => t.socket));
    let pushes = 0;
    // What the pushes were, by the phase and vote status they showed (where the views come from).
    const pushKinds = new Map<string, number>();
    for (const t of trainees)
      t.socket.on('view.trainee', (v: TraineeView) => {
        t.view = v;
        pushes++;
        const kind = `${v.phase}:${v.vote?.round?.status ?? '-'}`;
        pushKinds.set(kind, (pushKinds.get(kind) ?? 0) + 1);
      });
    for (let i = 0; i < n; i += 50) {
      await within(
        Promise.all(
          trainees.slice(i, i + 50).map(async (t, j) => {
            const r = await ask<{ token: string; view: TraineeView }>(t.socket, 'trainee.join', { code, nickname: `学员 ${i + j + 1}` });
            t.token = r.token;
            t.view ??= r.view;
          }),
        ),
        WAIT_MS,
        'joining',
      );
    }
    const echoes = await connectAll(echoServer!.port, n);
    sockets.push(...echoes);
    log(`${n} trainees in room ${code} on "${scenario.id}" (longest route: ${route.picks.length} decisions), ${n} echo clients`);

    const before = await Promise.all(all.map((c) => c.stats()));
    await Promise.all(all.map((c) => c.profile(true)));
    const pushes0 = pushes;
    let viewBytes = 0;
    let advancedAt = 0;
    let endMs = 0;
    const out = { vote: [] as number[], echo: [] as number[], rounds: 0, votes: 0, resent: 0, recovered: 0, lost: 0, doubled: 0, rejected: 0, offline: 0, deaf: 0, clientCpuMs: 0, roundP99: [] as number[], echoRoundP99: [] as number[] };
    await act({ type: 'start' });
    for (let turn = 0; ; turn++) {
      const hv = await until(() => (hostView?.phase === 'ended' || (hostView?.vote?.round?.turn === turn && hostView.vote.round.status === 'open')) && hostView, `the host's view of decision ${turn}`);
      if (hv.phase === 'ended') {
        endMs = performance.now() - advancedAt;
        break;
      }
      if (hv.vote!.now.node !== route.nodes[turn]) throw new Error(`decision ${turn} is at "${hv.vote!.now.node}", the route expected "${route.nodes[turn]}"`);
      // Every trainee's page shows the new decision before anyone votes. One that never gets
      // it was left deaf by a recovered reconnect (see the report): counted, then reconnected.
      const ready = (t: Trainee) => t.view?.vote?.round?.turn === turn && t.view.vote.round.status === 'open';
      const deaf = await until(() => trainees.every(ready), `every trainee's view of decision ${turn}`, DEAF_MS).then(
        () => [],
        () => trainees.filter((t) => !ready(t)),
      );
      for (const t of deaf) {
        out.deaf++;
        log(`decision ${turn}: a trainee got no update (drops: ${t.drops.join(' ')}): reconnecting it`);
        const back = new Promise<void>((ok) => t.socket.once('connect', () => ok()));
        t.socket.disconnect();
        t.socket.connect();
        await within(back, WAIT_MS, 'reconnecting a deaf trainee');
        t.view = (await ask<{ view: TraineeView }>(t.socket, 'trainee.attach', { code, token: t.token })).view;
      }
      if (!trainees.every(ready)) throw new Error(`decision ${turn}: trainees still behind after reconnecting`);

      viewBytes ||= Buffer.byteLength(JSON.stringify(trainees[0]!.view));
      const [v0, e0] = [out.vote.length, out.echo.length];
      // The floor: one echo per client, all at once.
      await sleep(SETTLE_MS);
      const payload = { code, token: trainees[0]!.token, turn, choice: 0, seq: turn + 1 };
      await within(
        Promise.all(
          echoes.map((s) => {
            const t0 = performance.now();
            return s
              .timeout(ACK_MS)
              .emitWithAck('echo', payload)
              .then(() => out.echo.push(performance.now() - t0));
          }),
        ),
        WAIT_MS,
        `echo round ${turn}`,
      );

      // The class votes, all at once; a tenth drop right after sending and send again.
      await sleep(SETTLE_MS);
      const cpu0 = process.cpuUsage();
      const dropping = new Set<number>();
      while (dropping.size < Math.round(n * o.drop)) dropping.add(Math.floor(rng() * n));
      const sent = new Map<number, number>();
      const dropAndResend = async (t: Trainee, msg: Record<string, unknown>, how: 'socket' | 'transport'): Promise<Reply> => {
        // The first ack never comes: the client fails it when the socket goes.
        const first = t.socket.timeout(ACK_MS).emitWithAck('trainee.vote', msg).catch(() => undefined);
        const back = new Promise<void>((ok) => t.socket.once('connect', () => ok()));
        if (how === 'transport') t.socket.io.engine.close();
        else {
          t.socket.disconnect();
          t.socket.connect();
        }
        await within(back, WAIT_MS, 'reconnecting');
        if (t.socket.recovered) out.recovered++;
        t.drops.push(`${turn}:${how}${t.socket.recovered ? ':recovered' : ''}`);
        const a = await ask<{ view: TraineeView }>(t.socket, 'trainee.attach', { code, token: t.token });
        t.view = a.view;
        const r = (await t.socket.timeout(ACK_MS).emitWithAck('trainee.vote', msg)) as Reply;
        await first;
        return r;
      };

      const acks = trainees.map((t, i) => {
        const choices = t.view!.vote!.now.choices;
        const choice = choices[Math.floor(rng() * choices.length)]!.choice;
        sent.set(choice, (sent.get(choice) ?? 0) + 1);
        const msg = { code, token: t.token, turn, choice, seq: ++t.seq };
        const counted = (r: Reply) => {
          if (!r.ok) {
            out.rejected++;
            log(`vote refused: ${r.error}: ${r.message}`);
          }
        };
        if (dropping.has(i)) return dropAndResend(t, msg, i % 2 ? 'transport' : 'socket').then(counted);
        const t0 = performance.now();
        return (
          t.socket
            .timeout(ACK_MS)
            .emitWithAck('trainee.vote', msg)
            // Timed before anything else looks at the reply.
            .then((r: Reply) => (out.vote.push(performance.now() - t0), counted(r)))
        );
      });
      await within(Promise.all(acks), WAIT_MS * 2, `vote round ${turn}`);
      const cpu1 = process.cpuUsage(cpu0);
      out.clientCpuMs += (cpu1.user + cpu1.system) / 1000;
      out.votes += n;
      out.resent += dropping.size;

      // The host reveals: the tally must be exactly what was sent.
      await act({ type: 'reveal' });
      const rv = await until(() => hostView?.vote?.round?.turn === turn && hostView.vote.round.status === 'revealed' && hostView, `the reveal of decision ${turn}`);
      const round = rv.vote!.round!;
      for (const [choice, count] of sent) {
        const got = round.options?.find((x) => x.choice === choice)?.votes ?? 0;
        out.lost += Math.max(0, count - got);
        out.doubled += Math.max(0, got - count);
      }
      for (const x of round.options ?? []) if (!sent.has(x.choice)) out.doubled += x.votes;
      if (round.voters !== n) log(`decision ${turn}: the server counts ${round.voters} voters, ${n} voted`);
      out.offline = rv.participants.filter((p) => !p.online).length;
      out.rounds++;
      const [roundVotes, roundEcho] = [out.vote.slice(v0), out.echo.slice(e0)];
      out.roundP99.push(percentile(roundVotes, 99));
      out.echoRoundP99.push(percentile(roundEcho, 99));
      log(
        `decision ${turn}: ${round.voters}/${n} voters, vote p50 / p99 ${round2(percentile(roundVotes, 50))} / ${round2(percentile(roundVotes, 99))} ms, echo ${round2(percentile(roundEcho, 50))} / ${round2(percentile(roundEcho, 99))} ms${out.offline ? `, ${out.offline} shown offline` : ''}`,
      );
      advancedAt = performance.now();
      await act({ type: 'advance', choice: route.picks[turn]! });
    }

    log(`trainee views received, by what they showed: ${[...pushKinds].map(([k, c]) => `${k} ${c}`).join(', ')}`);
    await Promise.all(all.map((c) => c.profile(false)));
    const after = await Promise.all(all.map((c) => c.stats()));
    for (const s of sockets.splice(0)) s.disconnect();
    await Promise.all(servers.map((c) => c.stop()));
    // And what is on disk: one row per trainee and decision.
    const rows = await backing.votesByTurn();
    for (let turn = 0; turn < out.rounds; turn++) out.lost += Math.max(0, n - (rows.find((r) => r.turn === turn)?.n ?? 0));
    const cpu = (i: number) => after[i]!.cpuMs - before[i]!.cpuMs;
    const k = servers.length;
    return {
      ...out,
      clients: n,
      scenario: scenario.id,
      pushes: pushes - pushes0,
      viewBytes,
      endMs,
      server: { memory: sum(after.slice(0, k).map((a) => a.memory)), cpuMs: servers.reduce((t, _, i) => t + cpu(i), 0) },
      processes: k,
      load: { before: loadBefore, after: loadavg() },
      echoServer: { memory: after[k]!.memory, cpuMs: cpu(k) },
    };
  } finally {
    for (const s of sockets) s.disconnect();
    await Promise.all([...servers.map((c) => c.stop()), echoServer?.stop()]);
    await backing.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

const options = (opts: ClassroomOptions): Required<ClassroomOptions> => ({
  clients: opts.clients ?? 300,
  drop: opts.drop ?? 0.1,
  seed: opts.seed ?? 1,
  cpuProf: opts.cpuProf ?? false,
  twoProcess: opts.twoProcess ?? false,
});

/** One classroom server process on SQLite, against the echo floor. */
export async function classroomFigures(opts: ClassroomOptions = {}): Promise<Figure[]> {
  const r = await run({ ...options(opts), twoProcess: false });
  if ('skip' in r) throw new Error(r.skip);
  return figuresOf(r, 'classroom');
}

/**
 * The single-process run and, with `twoProcess`, then the two-process one (each against the
 * echo floor measured in its own run, the same clients), or why it was skipped.
 */
export async function classroomReport(opts: ClassroomOptions = {}): Promise<{ figures: Figure[]; twoProcess?: { figures: Figure[] } | { skipped: string } }> {
  const figures = await classroomFigures(opts);
  if (!opts.twoProcess) return { figures };
  log('two processes sharing the room through Redis and PostgreSQL');
  const r = await run({ ...options(opts), twoProcess: true });
  if ('skip' in r) {
    log(`two-process run skipped: ${r.skip}`);
    return { figures, twoProcess: { skipped: r.skip } };
  }
  return { figures, twoProcess: { figures: figuresOf(r, 'classroom.two_process') } };
}

function figuresOf(r: Run, name: string): Figure[] {
  const p50 = percentile(r.vote, 50);
  const p99 = percentile(r.vote, 99);
  const e50 = percentile(r.echo, 50);
  const e99 = percentile(r.echo, 99);
  const cpu = r.server.cpuMs / r.rounds;
  const echoCpu = r.echoServer.cpuMs / r.rounds;
  const echoWhat = `bare socket.io echo server (child process), the same ${r.clients} clients, one echo each per round, all at once`;
  const where = r.processes > 1 ? `${r.processes} classroom server processes sharing the room through Redis and PostgreSQL (the host and half the class on one, half on the other), summed` : 'one classroom server process on SQLite';
  const context = `${r.clients} clients, ${r.rounds} decisions of "${r.scenario}"; ${where}`;
  return [
    {
      name: `${name}.vote_rtt_p50_ms`,
      unit: 'ms',
      value: round2(p50),
      floor: { what: `p50 of the ${echoWhat}`, value: round2(e50) },
      ratio: round2(p50 / e50),
      target: `report only (the budget is on p99); ${context}`,
      pass: true,
    },
    {
      name: `${name}.vote_rtt_p99_ms`,
      unit: 'ms',
      value: round2(p99),
      floor: { what: `p99 of the ${echoWhat}`, value: round2(e99) },
      ratio: round2(p99 / e99),
      target: `≤ 2 × echo p99 (${round2(2 * e99)} ms) and ≤ 100 ms on loopback; ${r.vote.length} votes timed, the ${r.resent} resent after a drop not; median of the decisions' own p99: ${round2(median(r.roundP99))} ms (echo ${round2(median(r.echoRoundP99))} ms)`,
      pass: p99 <= 2 * e99 && p99 <= 100,
    },
    {
      name: `${name}.server_rss_mb`,
      unit: 'MB',
      value: mb(r.server.memory.rss),
      floor: { what: `echo server's RSS, ${r.clients} clients connected`, value: mb(r.echoServer.memory.rss) },
      ratio: round2(r.server.memory.rss / r.echoServer.memory.rss),
      target: `report only; after the run, ${r.clients} clients still connected; ${where}`,
      pass: true,
    },
    {
      name: `${name}.server_heap_used_mb`,
      unit: 'MB',
      value: mb(r.server.memory.heapUsed),
      floor: { what: "echo server's heap used, same moment", value: mb(r.echoServer.memory.heapUsed) },
      ratio: round2(r.server.memory.heapUsed / r.echoServer.memory.heapUsed),
      target: 'report only; after a full GC in each process',
      pass: true,
    },
    {
      name: `${name}.server_cpu_ms_per_decision`,
      unit: 'ms',
      value: round2(cpu),
      floor: { what: `echo server's CPU time per round of ${r.clients} echoes`, value: round2(echoCpu) },
      ratio: round2(cpu / echoCpu),
      target: `report only; ${where}; user + system time over the ${r.rounds} decisions (${r.clients} votes, reveal, advance, and the pushes they cause) and the class debrief at the end; ${Math.round(r.pushes / r.rounds)} trainee views of about ${Math.round(r.viewBytes / 1024)} KB pushed per decision; the clients' own process spent ${round2(r.clientCpuMs / r.rounds)} ms per vote burst`,
      pass: true,
    },
    {
      name: `${name}.votes_lost`,
      unit: 'votes',
      value: r.lost,
      target: `0: every vote sent is in the revealed tally and in the votes table (${r.votes} votes, ${r.resent} resent after a drop, ${r.recovered} of those on a recovered session)`,
      pass: r.lost === 0,
    },
    {
      name: `${name}.votes_double_counted`,
      unit: 'votes',
      value: r.doubled,
      target: '0: no option in the revealed tally has more votes than were sent for it',
      pass: r.doubled === 0,
    },
    {
      name: `${name}.votes_refused`,
      unit: 'votes',
      value: r.rejected,
      target: '0: every vote, first send or resend, is acknowledged ok',
      pass: r.rejected === 0,
    },
    {
      name: `${name}.trainees_left_deaf`,
      unit: 'trainees',
      value: r.deaf,
      target: `0: after a reconnect every trainee still gets the pushed updates (each one that did not got none for ${DEAF_MS / 1000} s, and was reconnected by hand)`,
      pass: r.deaf === 0,
    },
    {
      name: `${name}.shown_offline`,
      unit: 'trainees',
      value: r.offline,
      target: "0: after the last round every trainee is connected, so the host's list shows them all online",
      pass: r.offline === 0,
    },
    {
      name: `${name}.end_of_class_ms`,
      unit: 'ms',
      value: round2(r.endMs),
      target: "report only: from the host's last advance to its view of the class debrief (the server builds the debrief, then pushes it to everyone)",
      pass: true,
    },
    { name: `${name}.rounds`, unit: 'decisions', value: r.rounds, target: `context: "${r.scenario}", the host steering for the longest route`, pass: true },
    { name: `${name}.clients`, unit: 'clients', value: r.clients, target: 'context', pass: true },
    { name: `${name}.server_processes`, unit: 'processes', value: r.processes, target: `context: ${where}`, pass: true },
    {
      name: `${name}.load_average`,
      unit: 'load',
      value: round2(r.load.before[0]!),
      target: `context: the machine's 1-minute load average (as uptime shows it) before the run; after: ${r.load.after.map(round2).join(', ')} (1, 5, 15 min) on ${cpus().length} cores: clients and servers share them, and other jobs may run`,
      pass: true,
    },
  ];
}

if (process.argv[1] === import.meta.filename) {
  const args = process.argv.slice(2);
  const value = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : undefined;
  };
  const report = await classroomReport({
    ...(value('clients') ? { clients: value('clients')! } : {}),
    ...(value('drop') !== undefined ? { drop: value('drop')! } : {}),
    ...(value('seed') !== undefined ? { seed: value('seed')! } : {}),
    cpuProf: args.includes('--cpu-prof'),
    twoProcess: args.includes('--two-process'),
  });
  const result = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown' },
    ...report,
  };
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'classroom.json'), JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}
