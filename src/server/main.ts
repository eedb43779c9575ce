/**
 * `npm start`: one server for everything — the built game, the classroom host and join
 * pages, live classroom traffic (socket.io) and result exports. Results go to an SQLite
 * file; with REDIS_URL set, several such processes share rooms.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Server } from 'socket.io';
import { PROJECT_ROOT } from '../cli/files.js';
import { Cluster } from './cluster.js';
import { createHttp } from './http.js';
import { Hub } from './hub.js';
import { attachIo, DEFAULT_MAX_CONNECTIONS_PER_ADDRESS } from './io.js';
import { joinBase } from './joinBase.js';
import { Leases } from './lease.js';
import { ServerLibrary } from './library.js';
import { PgStore } from './pgStore.js';
import { SqliteStore } from './sqliteStore.js';
import { StudioFiles } from './studioFiles.js';
import { SharedScenarioApi, type SharedApiOptions } from './sharedScenarios.js';
import { proxyWatch } from './trust.js';
import { createJudge, type Judge } from '../engine/judge/index.js';
import { readSignals } from '../cli/files.js';
import { JudgeApi, type JudgeApiOptions } from './judgeApi.js';
import { createLlmJudge, offlineJudge } from './llmJudge.js';
import { llmSettings, type LlmSettings } from './llmSettings.js';
import { XAPI_POST_BURST, XAPI_POST_REFILL_MS, XapiService, xapiSettings, type XapiSettings } from './xapi.js';

export interface ServeOptions {
  port: number;
  host?: string;
  db: string;
  /** A PostgreSQL database (DATABASE_URL) instead of the SQLite file `db`. */
  databaseUrl?: string;
  dist: string;
  /** The folder the scenario studio opens and saves in (default: scenarios/). */
  scenarios?: string;
  redisUrl?: string;
  trainerKey?: string;
  trustLoopback?: boolean;
  ttlMs?: number;
  watch?: boolean;
  /** How long a room's lease lasts without renewal (DOJO_LEASE_MS): how soon another process takes on the rooms of one that froze or died. */
  leaseMs?: number;
  /** Limits (tests and benchmarks raise or lower them). */
  joinBurst?: number;
  joinRefillMs?: number;
  messageBurst?: number;
  messageRefillMs?: number;
  /** Connections open at once per address (DOJO_MAX_CONN_PER_IP). */
  maxConnectionsPerAddress?: number;
  /** Over-budget messages a connection may send in 10 s before it is disconnected. */
  floodRefusals?: number;
  /** Proxies in front of the server (DOJO_TRUST_PROXY): the client address is that many X-Forwarded-For entries from the right. */
  trustProxy?: number;
  /** Solo-play reports one address may post to /api/xapi/plays: at once, then one every so many ms (xapi.ts). */
  xapiPostBurst?: number;
  xapiPostRefillMs?: number;
  /** The language-model judge (DOJO_LLM_URL …: llmSettings.ts); the offline judge alone without it. */
  llm?: LlmSettings | null;
  /** Replies one address may send to POST /api/judge: at once, then one every so many ms (judgeApi.ts). */
  judgeBurst?: number;
  judgeRefillMs?: number;
  /** xAPI statements to an LRS (DOJO_XAPI_ENDPOINT …: xapi.ts); the outbox journal sits beside the SQLite file. */
  xapi?: XapiSettings | null;
  /** Where warnings go (default: the console, unless quiet). */
  warn?: (message: string) => void;
  quiet?: boolean;
  /** How trainees reach the server when it is behind a proxy (DOJO_PUBLIC_URL); default: this machine's LAN address (joinBase.ts). */
  publicUrl?: string;
}

export interface Running {
  http: HttpServer;
  io: Server;
  hub: Hub;
  port: number;
  trainerKey: string;
  xapi: XapiService;
  close(): Promise<void>;
}

export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}

export async function serve(o: ServeOptions): Promise<Running> {
  const store = o.databaseUrl ? await PgStore.open(o.databaseUrl) : new SqliteStore(o.db);
  const results = store instanceof PgStore ? store.description : `${resolve(o.db)} (SQLite)`;
  // A write that cannot be committed: stop rather than go on acknowledging what is not on disk.
  store.onFailure = (e) => {
    console.error(`cannot write to ${results}: ${e.message}. Stopping, so that nothing is acknowledged that was not saved.`);
    process.exit(1);
  };
  const trainerKey = o.trainerKey ?? store.meta('trainer-key') ?? randomBytes(12).toString('base64url');
  if (!o.trainerKey) store.setMeta('trainer-key', trainerKey);
  const library = ServerLibrary.load(PROJECT_ROOT);
  if (o.watch) library.watch();
  // One holder per room: alone on the database (no REDIS_URL), this process takes every lease.
  const leases = new Leases(store, { holder: `${hostname()}:${process.pid}:${randomBytes(6).toString('base64url')}`, sole: !o.redisUrl, ...(o.leaseMs ? { ttlMs: o.leaseMs } : {}) });
  // The judge's signals, read once: for /api/judge and for class rooms where trainees type.
  const signals = readSignals(library.catalog);
  const offline = 'problems' in signals ? undefined : createJudge(signals.signals);
  const warn = o.warn ?? (o.quiet ? () => undefined : (m: string) => console.warn(m));
  // One judge for both: the language model's (when set up) reads class rooms' typed replies too.
  const judged = judgeOf(library, signals, offline, o.llm ?? null, warn);
  const hub = new Hub({ store, library, leases, ...(o.ttlMs ? { ttlMs: o.ttlMs } : {}), ...('error' in judged.judge ? {} : { judge: judged.judge }) });
  // Several processes: a room is taken on by whichever process a message about it reaches
  // when no other holds it (io.ts), not all at once at start-up (they may share a database).
  const restored = o.redisUrl ? { rooms: 0, problems: [] } : hub.restore();
  // Behind a reverse proxy on this machine every visitor would look local: trust nobody for it.
  const trustLoopback = o.trustLoopback ?? !o.publicUrl;
  const trustProxy = o.trustProxy ?? 0;
  const onHeaders = proxyWatch({ ...(o.publicUrl ? { publicUrl: o.publicUrl } : {}), trustProxy, warn });
  // The trainer's own page may name this machine by its host name as well as localhost.
  const localNames = [hostname(), `${hostname()}.local`];
  const xapi = new XapiService({ settings: o.xapi ?? null, hub, library, journal: join(dirname(resolve(o.db)), 'xapi-outbox.jsonl'), homePage: () => `${hub.joinBase ?? 'http://localhost'}/`, log: warn, trustProxy, ...pickXapiLimits(o) });
  const judge = new JudgeApi({ ...judged, library, trustProxy, ...(o.judgeBurst !== undefined ? { burst: o.judgeBurst } : {}), ...(o.judgeRefillMs !== undefined ? { refillMs: o.judgeRefillMs } : {}) });
  const studio = new StudioFiles(resolve(o.scenarios ?? join(PROJECT_ROOT, 'scenarios')));
  const bundled = () => new Map(library.list().map((e) => [e.scenario.id, e.file]));
  const shared = (trainer: SharedApiOptions['trainer']) => new SharedScenarioApi({ store, catalog: () => library.catalog, bundled, trainer });
  const http = createHttp({ dist: o.dist, hub, library, trainerKey, trustLoopback, localNames, onHeaders, xapi, judge, studio, shared });
  let redis: { quit(): Promise<unknown> } | undefined;
  const { io, useCluster } = attachIo(http, hub, { trainerKey, trustLoopback, localNames, trustProxy, onHeaders, ...pickLimits(o) });
  if (o.redisUrl) {
    const { createClient } = await import('redis');
    const { createAdapter } = await import('@socket.io/redis-streams-adapter');
    const client = createClient({ url: o.redisUrl });
    client.on('error', (e: Error) => console.error(`redis: ${e.message}`));
    await client.connect();
    redis = client;
    io.adapter(createAdapter(client));
    const cluster = new Cluster(io, hub);
    useCluster(cluster);
    hub.codeTaken = (c) => cluster.codeTaken(c);
  }
  hub.start();
  xapi.start();
  try {
    await new Promise<void>((ok, bad) => {
      http.once('error', bad);
      http.listen(o.port, o.host ?? '0.0.0.0', () => ok());
    });
  } catch (e) {
    // The port is taken (or not ours to use): let go of everything, so the process can end.
    xapi.stop();
    hub.stop();
    library.close();
    await new Promise<void>((ok) => io.close(() => ok()));
    await redis?.quit().catch(() => undefined);
    store.close();
    throw e;
  }
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : o.port;
  const reach = joinBase({ ...(o.host !== undefined ? { host: o.host } : {}), port, ...(o.publicUrl ? { publicUrl: o.publicUrl } : {}), lan: lanAddresses() });
  const net = reach.base;
  if (net) hub.joinBase = net;
  hub.loopbackOnly = reach.loopbackOnly;
  if (!o.quiet) {
    console.log(`Complaint Dojo 投诉应对实训 is running
  play:                 http://localhost:${port}/${net && !reach.loopbackOnly ? `   (on the network: ${net}/)` : ''}
  host a class:         http://localhost:${port}/host
  trainees join:        ${net ?? `http://localhost:${port}`}/join
  scenario studio:      http://localhost:${port}/studio
  host from elsewhere:  ${net ?? `http://localhost:${port}`}/host#key=${trainerKey}   (keep this link to yourself)
  results:              ${results}${restored.rooms ? ` (${restored.rooms} open room${restored.rooms > 1 ? 's' : ''} restored)` : ''}${o.redisUrl ? `\n  sharing rooms via:    ${o.redisUrl}` : ''}`);
    if (reach.loopbackOnly)
      warn(`warning: listening on ${o.host} only: trainees' phones cannot reach this server. For a class, start it with \`npm start\` (it listens on every address) or --host 0.0.0.0.`);
    if (o.publicUrl && !trustProxy)
      warn('warning: DOJO_PUBLIC_URL is set but DOJO_TRUST_PROXY is not: every trainee coming through the proxy counts as one address for the join limit and the connection cap. Set DOJO_TRUST_PROXY=1 for one proxy in front.');
    for (const p of restored.problems) console.warn(`warning: ${p}`);
    for (const p of library.problems) console.warn(`warning: ${p.file}:${p.line}:${p.col}: ${p.message}`);
  }
  return {
    http,
    io,
    hub,
    port,
    trainerKey,
    xapi,
    async close() {
      xapi.stop();
      hub.stop();
      library.close();
      await new Promise<void>((ok) => io.close(() => ok()));
      await redis?.quit().catch(() => undefined);
      store.close();
    },
  };
}

/** The judge the server answers with: the language model's when one is set up, the offline one always behind it. */
function judgeOf(
  library: ServerLibrary,
  s: ReturnType<typeof readSignals>,
  offline: Judge | undefined,
  llm: LlmSettings | null,
  warn: (m: string) => void,
): Pick<JudgeApiOptions, 'judge' | 'info'> {
  if ('problems' in s) {
    const where = s.problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`).join('; ');
    warn(`warning: the judge's signals do not load, so /api/judge answers 503: ${where}`);
    return { judge: { error: `the judge is not available: its signals file has problems (${where})` }, info: { llm: false } };
  }
  if (!offline) return { judge: { error: 'the judge is not available' }, info: { llm: false } };
  if (!llm) return { judge: offlineJudge(offline), info: { llm: false } };
  const l = createLlmJudge({ settings: llm, catalog: library.catalog, offline, log: warn });
  return { judge: l.judge, info: l.info() };
}

function pickLimits(o: ServeOptions) {
  const out: Record<string, number> = {};
  for (const k of ['joinBurst', 'joinRefillMs', 'messageBurst', 'messageRefillMs', 'maxConnectionsPerAddress', 'floodRefusals'] as const) if (o[k] !== undefined) out[k] = o[k]!;
  return out;
}

function pickXapiLimits(o: ServeOptions): { postBurst?: number; postRefillMs?: number } {
  return { ...(o.xapiPostBurst !== undefined ? { postBurst: o.xapiPostBurst } : {}), ...(o.xapiPostRefillMs !== undefined ? { postRefillMs: o.xapiPostRefillMs } : {}) };
}

const USAGE = `npm start [-- --port N] [--db FILE] [--dist DIR]
  --port N      port to listen on (default: PORT or 8080)
  --db FILE     SQLite file for classroom results (default: DOJO_DB or data/dojo.db)
  --dist DIR    the built game (default: dist)
  --scenarios DIR  the folder the studio (/studio) opens and saves in (default: scenarios)
  DATABASE_URL  keep results in PostgreSQL (postgres://USER:PASSWORD@HOST:5432/DB) instead of the SQLite file
  REDIS_URL     share rooms between several server processes (on one database: the same --db file, or DATABASE_URL)
  DOJO_LEASE_MS how long a process holds a room without renewing it (default 10000): how soon another takes
                over the rooms of one that froze or died
  DOJO_PUBLIC_URL   the address trainees use, when the server is behind a proxy
  DOJO_TRUST_PROXY  how many proxies stand in front (1 for one nginx or tunnel): client addresses come from X-Forwarded-For
  DOJO_MAX_CONN_PER_IP  connections open at once from one address (default ${DEFAULT_MAX_CONNECTIONS_PER_ADDRESS}: a class behind one shared address)
  DOJO_TRAINER_KEY  the key for hosting from another device (default: made once, kept in the db)
  DOJO_XAPI_ENDPOINT  send xAPI statements of solo and classroom play to this LRS (…/xapi/); with
                    DOJO_XAPI_USERNAME and DOJO_XAPI_PASSWORD (basic auth), DOJO_XAPI_PASS (pass mark, 65)
  DOJO_LLM_URL      judge typed replies with a language model: an OpenAI-compatible chat-completions address
                    (e.g. http://127.0.0.1:11434/v1 for Ollama), with DOJO_LLM_MODEL, DOJO_LLM_KEY (Bearer, optional),
                    DOJO_LLM_TIMEOUT_MS (default 8000), DOJO_LLM_CONCURRENCY (default 2); the offline judge answers
                    whenever the model fails. Typed replies go to that address.
  DOJO_XAPI_RATE    solo-play reports one address may post a second (default ${1000 / XAPI_POST_REFILL_MS}, ${XAPI_POST_BURST} at once); more get 429`;

export async function main(argv: string[]): Promise<number> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') {
      console.log(USAGE);
      return 0;
    }
    const m = /^--(port|db|dist|host|scenarios)(?:=(.*))?$/.exec(a);
    if (!m) {
      console.error(`unknown option ${a}\n${USAGE}`);
      return 2;
    }
    const v = m[2] ?? argv[++i];
    if (v === undefined) {
      console.error(`${a} needs a value`);
      return 2;
    }
    args.set(m[1]!, v);
  }
  const port = Number(args.get('port') ?? process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`port must be a number from 0 to 65535, not "${args.get('port') ?? process.env.PORT}"`);
    return 2;
  }
  const dist = resolve(args.get('dist') ?? join(PROJECT_ROOT, 'dist'));
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`${dist} has no built game: run \`npm run build\` first (npm start does it for you)`);
    return 1;
  }
  const db = args.get('db') ?? process.env.DOJO_DB ?? join(PROJECT_ROOT, 'data/dojo.db');
  const count = (name: string, min: number, max: number): number | undefined | null => {
    const v = process.env[name];
    if (v === undefined || v === '') return undefined;
    const n = Number(v);
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    console.error(`${name} must be a whole number from ${min} to ${max}, not "${v}"`);
    return null;
  };
  const trustProxy = count('DOJO_TRUST_PROXY', 0, 10);
  const maxConnections = count('DOJO_MAX_CONN_PER_IP', 1, 1_000_000);
  const xapiRate = count('DOJO_XAPI_RATE', 1, 10_000);
  const leaseMs = count('DOJO_LEASE_MS', 1000, 600_000);
  if (trustProxy === null || maxConnections === null || xapiRate === null || leaseMs === null) return 2;
  const xapi = xapiSettings(process.env);
  if (xapi && 'error' in xapi) {
    console.error(xapi.error);
    return 2;
  }
  const llm = llmSettings(process.env);
  if (llm && 'error' in llm) {
    console.error(llm.error);
    return 2;
  }
  try {
    const running = await serve({
      port,
      db,
      dist,
      watch: true,
      ...(args.get('scenarios') ? { scenarios: args.get('scenarios')! } : {}),
      ...(args.get('host') ? { host: args.get('host')! } : {}),
      ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
      ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}),
      ...(process.env.DOJO_PUBLIC_URL ? { publicUrl: process.env.DOJO_PUBLIC_URL } : {}),
      ...(process.env.DOJO_TRAINER_KEY ? { trainerKey: process.env.DOJO_TRAINER_KEY } : {}),
      ...(trustProxy !== undefined ? { trustProxy } : {}),
      ...(maxConnections !== undefined ? { maxConnectionsPerAddress: maxConnections } : {}),
      // A rate of N a second keeps a burst of 12 seconds' worth.
      ...(xapiRate !== undefined ? { xapiPostRefillMs: 1000 / xapiRate, xapiPostBurst: Math.max(XAPI_POST_BURST, xapiRate * 12) } : {}),
      ...(leaseMs !== undefined ? { leaseMs } : {}),
      xapi,
      llm,
    });
    if (llm) console.log(`  replies judged by:    ${llm.model} at ${llm.url}${llm.key ? ' (with a key)' : ''}, the offline judge when it fails`);
    if (xapi) console.log(`  xAPI statements to:   ${xapi.endpoint}${xapi.auth ? ' (basic auth)' : ''}`);
    const stop = () => void running.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return -1;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') console.error(`port ${port} is in use: stop the other server or set PORT / --port`);
    else if (err.code === 'ECONNREFUSED') console.error(`cannot reach Redis at ${process.env.REDIS_URL}: ${err.message}`);
    else console.error(`cannot start: ${err.message}`);
    return 1;
  }
}
