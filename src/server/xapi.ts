/**
 * xAPI on the Dojo server. With DOJO_XAPI_ENDPOINT set (DOJO_XAPI_USERNAME and
 * DOJO_XAPI_PASSWORD for basic auth), the statements of
 *   - solo play in the browser: the game posts each step of a play (its seed and picks, never
 *     scores) to POST /api/xapi/plays; the server replays it through the engine with its own
 *     copy of the scenario and makes the statements itself, so nothing a browser sends is
 *     forwarded to the LRS as it came;
 *   - classrooms: every few seconds each open room's plays (everyone plays: one learner each;
 *     class vote: the class as an xAPI Group) become statements;
 * go through the outbox (xapiOutbox.ts: on disk first, retried until the LRS takes them).
 * Without an endpoint, GET /api/xapi says so and the game keeps nothing for it. A room's
 * statements can be downloaded from the classroom's past sessions either way
 * (/api/rooms/CODE/xapi.json, in http.ts beside the CSV and JSON exports).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod';
import type { SessionState } from '../engine/session/session.js';
import { replayPicks } from '../platform/lms/objectives.js';
import { json, readBody } from './body.js';
import type { Hub } from './hub.js';
import { Buckets } from './limits.js';
import type { ServerLibrary } from './library.js';
import type { Room } from './room.js';
import { addressKey, clientAddress } from './trust.js';
import { XapiOutbox, type OutboxStatus } from './xapiOutbox.js';
import { nameUuid, playStatements, type Actor, type Statement } from './xapiStatements.js';

export const XAPI_PLAYS = '/api/xapi/plays';
const MAX_BODY = 32 * 1024;
/** Reports one address may post: this many at once, then one every so many ms (a play posts one per decision). */
export const XAPI_POST_BURST = 120;
export const XAPI_POST_REFILL_MS = 100;
const DAY = 86_400_000;

export interface XapiSettings {
  endpoint: string;
  auth?: string;
  /** The pass mark for passed/failed (DOJO_XAPI_PASS, default 65). */
  pass: number;
}

/** The settings from the environment; null without an endpoint; an error message for a bad one. */
export function xapiSettings(env: NodeJS.ProcessEnv): XapiSettings | null | { error: string } {
  const endpoint = env.DOJO_XAPI_ENDPOINT?.trim();
  if (!endpoint) return null;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return { error: `DOJO_XAPI_ENDPOINT is not an address: "${endpoint}"` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { error: `DOJO_XAPI_ENDPOINT must be http(s), not ${url.protocol}` };
  const pass = Number(env.DOJO_XAPI_PASS ?? 65);
  if (!Number.isInteger(pass) || pass < 0 || pass > 100) return { error: `DOJO_XAPI_PASS must be a whole number from 0 to 100, not "${env.DOJO_XAPI_PASS}"` };
  const user = env.DOJO_XAPI_USERNAME ?? '';
  const password = env.DOJO_XAPI_PASSWORD ?? '';
  return { endpoint, ...(user || password ? { auth: `${user}:${password}` } : {}), pass };
}

/** One step of a solo play, as the game posts it. */
const PlayReport = z.strictObject({
  learner: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  name: z.string().max(60).optional(),
  registration: z.string().regex(/^[0-9a-f-]{36}$/),
  scenario: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(200),
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  /** Each turn: the reply's index (−1 a time-out), or a typed reply as the reply read as and the principles found (engine/session/picks.ts). */
  picks: z.array(z.union([z.number().int().min(-1).max(50), z.strictObject({
          reply: z.number().int().min(0).max(50),
          said: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(60)).max(40),
          sim: z.number().min(0).max(1).optional(),
          guesses: z.array(z.strictObject({ id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(60), confidence: z.number().min(0).max(1) })).max(40).optional(),
        })])).max(500),
  /** When the play started and each turn was answered (ISO 8601). */
  startedAt: z.string().max(40).optional(),
  answeredAt: z.array(z.string().max(40)).max(500).optional(),
  finishedAt: z.string().max(40).optional(),
  latencies: z.array(z.number().int().min(0).max(DAY)).max(500).optional(),
  language: z.enum(['zh-CN', 'en']).optional(),
});
export type PlayReportBody = z.infer<typeof PlayReport>;

/** A time the browser gave, if it is a real one and not in the future or long past; else none. */
function clientTime(s: string | undefined, now: number): string | undefined {
  if (!s) return undefined;
  const t = Date.parse(s);
  return Number.isFinite(t) && t <= now + 60_000 && t >= now - 30 * DAY ? new Date(t).toISOString() : undefined;
}

/** A room's plays as statements: one learner per trainee (everyone plays), the class as a Group (class vote). */
export function roomStatements(room: Room, o: { pass: number; homePage: string; stamp: (id: string) => string }): Statement[] {
  const ctx = { id: room.id, code: room.code };
  const out: Statement[] = [];
  const plays: { actor: Actor; key: string; state: SessionState }[] = [];
  if (room.mode === 'vote') {
    if (room.session) plays.push({ actor: { objectType: 'Group', name: `Class ${room.code}`, account: { homePage: o.homePage, name: `room-${room.id}` } }, key: 'class', state: room.session });
  } else {
    for (const e of room.boardEntries()) plays.push({ actor: { objectType: 'Agent', name: e.name, account: { homePage: o.homePage, name: `room-${room.id}-${e.id}` } }, key: e.id, state: e.state });
  }
  for (const p of plays) out.push(...playStatements(room.play, p.state, { actor: p.actor, registration: nameUuid(`room:${room.id}:${p.key}`), pass: o.pass, stamp: o.stamp, room: ctx }));
  return out;
}

export class XapiService {
  readonly outbox: XapiOutbox | null;
  private poll?: NodeJS.Timeout;
  private readonly posts: Buckets;

  constructor(
    private readonly o: {
      settings: XapiSettings | null;
      hub: Hub;
      library: ServerLibrary;
      journal: string;
      homePage: () => string;
      pollMs?: number;
      log?: (m: string) => void;
      fetch?: typeof fetch;
      minRetryMs?: number;
      /** Proxies in front (DOJO_TRUST_PROXY): whose address a post counts under (trust.ts). */
      trustProxy?: number;
      /** The per-address limit on posts (default XAPI_POST_BURST at once, then one every XAPI_POST_REFILL_MS). */
      postBurst?: number;
      postRefillMs?: number;
    },
  ) {
    this.posts = new Buckets(o.postBurst ?? XAPI_POST_BURST, o.postRefillMs ?? XAPI_POST_REFILL_MS);
    this.outbox = o.settings
      ? new XapiOutbox({ endpoint: o.settings.endpoint, journal: o.journal, ...(o.settings.auth ? { auth: o.settings.auth } : {}), ...(o.log ? { log: o.log } : {}), ...(o.fetch ? { fetch: o.fetch } : {}), ...(o.minRetryMs ? { minRetryMs: o.minRetryMs } : {}) })
      : null;
  }

  get enabled(): boolean {
    return !!this.outbox;
  }

  get pass(): number {
    return this.o.settings?.pass ?? 65;
  }

  /** Watch the classroom rooms (every few seconds), and send what is queued. */
  start(): void {
    if (!this.outbox) return;
    this.poll = setInterval(() => this.collectRooms(), this.o.pollMs ?? 5000);
    this.poll.unref?.();
    void this.outbox.flush();
  }

  /** Queue the statements of every open room not queued before. */
  collectRooms(): number {
    if (!this.outbox) return 0;
    let n = 0;
    const now = new Date().toISOString();
    for (const room of this.o.hub.rooms.values()) {
      try {
        n += this.outbox.add(roomStatements(room, { pass: this.pass, homePage: this.o.homePage(), stamp: (id) => this.outbox!.stampOf(id) ?? now }));
      } catch (e) {
        this.o.log?.(`xAPI: room ${room.code}: ${(e as Error).message}`);
      }
    }
    return n;
  }

  /** A room's statements for download: with the times they were first queued where they were, else the room's own times. */
  download(room: Room): Statement[] {
    const fallback = new Date(room.row.createdAt).toISOString();
    return roomStatements(room, { pass: this.pass, homePage: this.o.homePage(), stamp: (id) => this.outbox?.stampOf(id) ?? fallback });
  }

  status(): OutboxStatus | null {
    return this.outbox?.status() ?? null;
  }

  /** Requests under /api/xapi; false for any other. */
  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    if (path === '/api/xapi') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'method not allowed' }), true;
      json(res, 200, { enabled: this.enabled });
      return true;
    }
    if (path !== XAPI_PLAYS) return false;
    if (req.method !== 'POST') return json(res, 405, { error: 'method not allowed' }), true;
    // Anyone may post here (no login): each address gets a budget, counted before anything is read.
    const key = addressKey(clientAddress({ address: req.socket.remoteAddress, headers: req.headers }, this.o.trustProxy ?? 0));
    if (!this.posts.take(key)) {
      const wait = Math.max(1, Math.ceil(this.posts.waitMs(key) / 1000));
      res.setHeader('Retry-After', String(wait));
      return json(res, 429, { error: `too many reports from this address: try again in ${wait} s`, retryAfter: wait }), true;
    }
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) {
      res.setHeader('Connection', 'close');
      return json(res, 413, { error: `at most ${MAX_BODY} bytes` }), true;
    }
    if (!this.outbox) return json(res, 404, { error: 'xAPI is not set up on this server (DOJO_XAPI_ENDPOINT)', enabled: false }), true;
    if (!/^application\/json\b/.test(String(req.headers['content-type'] ?? ''))) return json(res, 415, { error: 'send JSON' }), true;
    const text = await readBody(req, MAX_BODY);
    if (text === null) {
      res.setHeader('Connection', 'close');
      return json(res, 413, { error: `at most ${MAX_BODY} bytes` }), true;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return json(res, 400, { error: 'not JSON' }), true;
    }
    const parsed = PlayReport.safeParse(data);
    if (!parsed.success) return json(res, 400, { error: `bad play report: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}` }), true;
    const r = parsed.data;
    const entry = this.o.library.get(r.scenario);
    // A scenario the server does not have (a trainer's own file opened in the browser): nothing to check it against.
    if (!entry) return json(res, 422, { error: `this server has no scenario "${r.scenario}"`, dropped: true }), true;
    const play = { scenario: entry.scenario, catalog: this.o.library.catalog };
    const state = replayPicks(play, r.seed, r.picks);
    if (!state) return json(res, 422, { error: 'these picks do not fit the scenario on this server', dropped: true }), true;
    const now = Date.now();
    const at = [r.startedAt, ...(r.answeredAt ?? []), r.finishedAt];
    const host = String(req.headers.host ?? 'localhost').replace(/[^A-Za-z0-9.:[\]-]/g, '');
    const statements = playStatements(play, state, {
      actor: { objectType: 'Agent', ...(r.name ? { name: r.name } : {}), account: { homePage: `http://${host}/`, name: r.learner } },
      registration: r.registration,
      pass: this.pass,
      latencies: r.latencies ?? [],
      ...(r.language ? { language: r.language } : {}),
      stamp: (id) => this.outbox!.stampOf(id) ?? new Date(now).toISOString(),
    });
    // Each statement's own time where the game gave it: initialized, the answers in order, then the end.
    statements.forEach((s, i) => {
      if (this.outbox!.stampOf(s.id)) return;
      const t = clientTime(i < 1 + state.turns.length ? at[i] : r.finishedAt, now);
      if (t) s.timestamp = t;
    });
    const queued = this.outbox.add(statements);
    json(res, 202, { queued, statements: statements.length });
    return true;
  }

  stop(): void {
    clearInterval(this.poll);
    this.collectRooms();
    this.outbox?.stop();
  }
}
