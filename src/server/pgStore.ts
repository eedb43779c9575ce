/**
 * The store on PostgreSQL (DATABASE_URL), for several server processes on several machines.
 * Same contract as the SQLite store: writes made in one turn of the event loop share one
 * transaction (group commit), committed right after that turn, and `durable()` resolves only
 * once it is committed; a failed commit calls `onFailure` (the server stops rather than go on
 * acknowledging what is not saved). Under load the worker may fold whole batches that are
 * already queued into one transaction (one COMMIT, one flush to disk for them all); a batch
 * is never split.
 *
 * The Store interface reads synchronously (as better-sqlite3 does), while node-postgres is
 * asynchronous: the connection lives on a worker thread (pgWorker.mjs) that runs statements
 * strictly in order. Writes are posted to it without waiting; a read posts its query and
 * blocks this thread (Atomics.wait) until the worker answers, so a read sees every write made
 * before it, including those of the still-open transaction, exactly as with SQLite.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { ACQUIRE, CHECK, HOLDER, RELEASE } from './leaseSql.js';
import { MIGRATION_LOCK, MIGRATIONS } from './pgSchema.js';
import { archivedRows, type ArchivedScenarioRow, type ArchivedSql, LeaseBusy, type LeaseAnswer, type PersonSql, type ParticipantRow, type PlayRow, type RoomRow, type ScenarioSql, sharedRow, type SharedScenarioInfo, type SharedScenarioRow, type Store, type VoteRow } from './store.js';

export interface PgStoreOptions {
  /** How long to wait for the database to accept the connection (default 10 s). */
  connectTimeoutMs?: number;
  /** How long a read may block the server before it is given up (default 30 s). */
  readTimeoutMs?: number;
}

type Event =
  | { op: 'ready'; from: number; to: number }
  | { op: 'open-failed'; message: string; code?: string }
  | { op: 'committed'; batch: number; fenced?: { room: string; token: number }[] }
  | { op: 'failed'; batch: number; message: string };

type Reply = { rows: Record<string, unknown>[] } | { error: string; code?: string } | { closed: true; committed: boolean };

interface Batch {
  id: number;
  done: Promise<void>;
  resolve: () => void;
  reject: (e: Error) => void;
}

/**
 * Upserts that many trainees make at once (a class voting, everyone playing). The worker runs
 * consecutive ones as one multi-row statement, keeping per key the row that running them one
 * by one would have left: for votes the first with the highest seq (`where excluded.seq >
 * votes.seq`), for plays the last.
 */
export interface Merge {
  head: string;
  tail: string;
  cols: number;
  key: number[];
  /** The parameter that orders writes of one key (the newest wins; ties keep the first); none: the last wins. */
  seq?: number;
}
const MERGE = {
  saveVote: {
    head: 'insert into votes (room_id, turn, pid, choice, seq, at)',
    tail: 'on conflict (room_id, turn, pid) do update set choice = excluded.choice, seq = excluded.seq, at = excluded.at where excluded.seq > votes.seq',
    cols: 6,
    key: [0, 1, 2],
    seq: 4,
  },
  savePlay: {
    head: 'insert into plays (room_id, pid, state, seq, updated_at)',
    tail: 'on conflict (room_id, pid) do update set state = excluded.state, seq = excluded.seq, updated_at = excluded.updated_at',
    cols: 5,
    key: [0, 1],
  },
} satisfies Record<string, Merge>;
const single = (m: Merge) => `${m.head} values (${Array.from({ length: m.cols }, (_, i) => `$${i + 1}`).join(', ')}) ${m.tail}`;

/** Statements, named so that the connection prepares each once. */
const SQL = {
  meta: 'select value from meta where key = $1',
  setMeta: 'insert into meta (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value',
  createRoom: `insert into rooms (id, code, mode, scenario_id, source_file, source_text, host_token_hash, created_at, updated_at, expires_at, phase, state)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
  saveRoom: 'update rooms set phase = $2, state = $3, updated_at = $4, expires_at = $5 where id = $1',
  setHostToken: 'update rooms set host_token_hash = $2 where id = $1',
  addParticipant: 'insert into participants (room_id, pid, name, token_hash, joined_at) values ($1, $2, $3, $4, $5)',
  removeParticipant: `with v as (delete from votes where room_id = $1 and pid = $2), p as (delete from plays where room_id = $1 and pid = $2),
    a as (delete from room_scenario_people where room_id = $1 and pid = $2)
    delete from participants where room_id = $1 and pid = $2`,
  archiveScenario: `insert into room_scenarios (room_id, idx, mode, source_file, source_text, state, archived_at) values ($1, $2, $3, $4, $5, $6, $7)
    on conflict (room_id, idx) do update set mode = excluded.mode, source_file = excluded.source_file, source_text = excluded.source_text,
    state = excluded.state, archived_at = excluded.archived_at`,
  archiveForget: 'delete from room_scenario_people where room_id = $1 and idx = $2',
  archivePeople: `insert into room_scenario_people (room_id, idx, ord, pid, name, state)
    select $1, $2, t.ord, t.pid, t.name, t.state from unnest($3::int[], $4::text[], $5::text[], $6::text[]) as t(ord, pid, name, state)`,
  archived: 'select * from room_scenarios where room_id = $1 order by idx',
  archivedPeople: 'select * from room_scenario_people where room_id = $1 order by idx, ord',
  saveVote: single(MERGE.saveVote),
  savePlay: single(MERGE.savePlay),
  liveRooms: 'select * from rooms where expires_at > $1 order by created_at',
  // By id, else the newest room with that code (one round trip).
  room: 'select * from rooms where id = $1 or code = $1 order by (id = $1) desc, created_at desc limit 1',
  participants: 'select * from participants where room_id = $1 order by joined_at, pid collate "C"',
  votesAll: 'select * from votes where room_id = $1 order by turn, at, pid collate "C"',
  votesTurn: 'select * from votes where room_id = $1 and turn = $2 order by at, pid collate "C"',
  plays: 'select * from plays where room_id = $1 order by pid collate "C"',
  rooms: `select r.*, (select count(*) from participants p where p.room_id = r.id) as participant_count
    from rooms r order by created_at desc limit $1`,
  acquire: ACQUIRE,
  holder: HOLDER,
  renew: `update room_leases l set expires_at = $2 from unnest($3::text[], $4::bigint[]) as t(room_id, token)
    where l.room_id = t.room_id and l.token = t.token and l.holder = $1 returning l.room_id`,
  release: RELEASE,
  // Committed on its own (as a lease statement is), so the version it answers is already saved.
  addScenario: `insert into scenarios (id, version, yaml, titles, uploaded_at, uploader)
    select $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5 from scenarios where id = $1 returning version`,
  sharedScenarios: `select id, version, titles, uploaded_at, uploader from scenarios s
    where version = (select max(version) from scenarios t where t.id = s.id) order by id collate "C"`,
  sharedLatest: 'select * from scenarios where id = $1 order by version desc limit 1',
  sharedVersion: 'select * from scenarios where id = $1 and version = $2',
} as const;

/**
 * Run in the transaction before a fenced room's first write: no row, the token is not current
 * and the room's writes are left out; a row, and it stays locked until the commit, so no other
 * process can take the lease in between (its ACQUIRE waits, then sees the committed writes).
 */
const FENCE_CHECK = `${CHECK} for update`;

/** How long a lease operation waits for a lease row another transaction holds (then: LeaseBusy). */
const LEASE_LOCK_TIMEOUT = '2s';
type Name = keyof typeof SQL;

interface RoomSql {
  id: string;
  code: string;
  mode: RoomRow['mode'];
  scenario_id: string;
  source_file: string;
  source_text: string;
  host_token_hash: string;
  created_at: number;
  updated_at: number;
  expires_at: number;
  phase: string;
  state: string;
}

const room = (r: RoomSql): RoomRow => ({
  id: r.id,
  code: r.code,
  mode: r.mode,
  scenarioId: r.scenario_id,
  sourceFile: r.source_file,
  sourceText: r.source_text,
  hostTokenHash: r.host_token_hash,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  expiresAt: r.expires_at,
  phase: r.phase,
  state: r.state,
});

/** The URL as it may be printed: without its password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(not a URL)';
  }
}

/** A clear reason why `url` cannot be a DATABASE_URL, or undefined when it looks right. */
export function badDatabaseUrl(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'DATABASE_URL is not a URL: write it as postgres://USER:PASSWORD@HOST:5432/DATABASE';
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    return `DATABASE_URL must start with postgres:// or postgresql://, not ${u.protocol}//`;
  }
  if (!u.hostname && !u.searchParams.get('host')) return 'DATABASE_URL names no host: write it as postgres://USER:PASSWORD@HOST:5432/DATABASE';
  return undefined;
}

export class PgStore implements Store {
  readonly description: string;
  /** Called when a commit fails (the database then no longer matches what was acknowledged). */
  onFailure?: (e: Error) => void;
  onFenced?: (roomId: string) => void;
  private readonly fences = new Map<string, number>();
  private readonly flag: Int32Array;
  private open?: Batch;
  /** The newest batch not yet settled: everything before it is settled too (the worker keeps order). */
  private latest?: Batch;
  private readonly pending = new Map<number, Batch>();
  private nextBatch = 1;
  private closed = false;
  private dead?: Error;
  private failedOnce = false;

  private constructor(
    url: string,
    private readonly worker: Worker,
    private readonly replyPort: MessagePort,
    private readonly eventPort: MessagePort,
    flag: SharedArrayBuffer,
    private readonly readTimeoutMs: number,
  ) {
    this.description = `PostgreSQL ${redactUrl(url)}`;
    this.flag = new Int32Array(flag);
    eventPort.on('message', (e: Event) => this.settle(e));
    worker.on('error', (e) => this.die(new Error(`the PostgreSQL connection thread failed: ${e.message}`)));
    worker.on('exit', () => {
      if (!this.closed) this.die(new Error('the PostgreSQL connection thread stopped'));
    });
    this.idle();
  }

  /** Connect, bring the schema up to date, and resolve once ready; rejects with a message fit for the console. */
  static async open(url: string, o: PgStoreOptions = {}): Promise<PgStore> {
    const bad = badDatabaseUrl(url);
    if (bad) throw new Error(bad);
    const connectTimeoutMs = o.connectTimeoutMs ?? 10_000;
    const flag = new SharedArrayBuffer(4);
    const reply = new MessageChannel();
    const events = new MessageChannel();
    const worker = new Worker(new URL('./pgWorker.mjs', import.meta.url), {
      workerData: { url, migrations: MIGRATIONS, lockKey: MIGRATION_LOCK, fenceCheck: FENCE_CHECK, leaseLockTimeout: LEASE_LOCK_TIMEOUT, flag, replyPort: reply.port2, eventPort: events.port2, connectTimeoutMs },
      transferList: [reply.port2, events.port2],
    });
    const first = await new Promise<Event>((resolve, reject) => {
      events.port1.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the PostgreSQL connection thread stopped (${code})`)));
    }).catch((e: Error) => ({ op: 'open-failed' as const, message: e.message }));
    if (first.op !== 'ready') {
      void worker.terminate();
      events.port1.close();
      reply.port1.close();
      const why = first.op === 'open-failed' ? first.message : `unexpected ${first.op}`;
      throw new Error(`cannot use the database at ${redactUrl(url)}: ${why || 'no answer'}`);
    }
    return new PgStore(url, worker, reply.port1, events.port1, flag, o.readTimeoutMs ?? 30_000);
  }

  // ---- the worker thread ----

  /** Keep the process alive only while a commit is awaited (an idle store holds nothing open). */
  private idle(): void {
    if (this.pending.size) {
      this.worker.ref();
      this.eventPort.ref();
    } else {
      this.worker.unref();
      this.eventPort.unref();
    }
  }

  private settle(e: Event): void {
    if (e.op !== 'committed' && e.op !== 'failed') return;
    const b = this.pending.get(e.batch);
    if (!b) return;
    this.pending.delete(e.batch);
    if (this.latest === b) this.latest = undefined;
    // Told before the batch resolves, so that whoever awaits it finds the room already let go.
    // (Unless this process has taken the room again since, with a newer token.)
    if (e.op === 'committed') for (const f of e.fenced ?? []) if (this.fences.get(f.room) === f.token) this.onFenced?.(f.room);
    if (e.op === 'committed') b.resolve();
    else this.fail(b, new Error(`commit failed: ${e.message}`));
    this.idle();
  }

  private fail(b: Batch, e: Error): void {
    b.reject(e);
    if (this.failedOnce) return;
    this.failedOnce = true;
    this.onFailure?.(e);
  }

  /** The worker is gone: every batch still waiting has failed. */
  private die(e: Error): void {
    if (this.dead) return;
    this.dead = e;
    for (const b of this.pending.values()) this.fail(b, e);
    this.pending.clear();
    this.open = undefined;
    this.latest = undefined;
    this.idle();
  }

  /** Post a write into this turn's transaction, opening the batch (and scheduling its commit) if needed. */
  private write(name: Name, params: unknown[], room?: string): void {
    if (this.closed) throw new Error('the store is closed');
    if (this.dead) throw this.dead;
    if (!this.open) {
      let resolve!: () => void;
      let reject!: (e: Error) => void;
      const done = new Promise<void>((ok, bad) => {
        resolve = ok;
        reject = bad;
      });
      // A failed commit is reported to whoever awaits durable(); never unhandled.
      done.catch(() => undefined);
      const b: Batch = { id: this.nextBatch++, done, resolve, reject };
      this.open = b;
      this.latest = b;
      this.pending.set(b.id, b);
      this.idle();
      setImmediate(() => {
        if (this.open !== b || this.closed) return;
        this.open = undefined;
        this.post({ op: 'commit', batch: b.id });
      });
    }
    const token = room === undefined ? undefined : this.fences.get(room);
    this.outbox.push({ op: 'write', name, sql: SQL[name], params, merge: (MERGE as Partial<Record<Name, Merge>>)[name], ...(token !== undefined ? { room, token } : {}) });
  }

  /**
   * Writes of this turn not yet posted: they go to the worker together, with the commit or
   * before the next read or lease (a message per vote cost more than the vote's own work).
   */
  private outbox: Record<string, unknown>[] = [];

  /** Post `msg` to the worker after the writes waiting in the outbox (in one message: the worker keeps their order). */
  private post(msg: Record<string, unknown>): void {
    if (this.outbox.length) {
      const items = this.outbox;
      this.outbox = [];
      items.push(msg);
      this.worker.postMessage({ op: 'many', items });
    } else this.worker.postMessage(msg);
  }

  /** Send this turn's transaction to be committed now (before a lease operation, which runs outside any). */
  private commitNow(): void {
    const b = this.open;
    if (!b) return;
    this.open = undefined;
    this.post({ op: 'commit', batch: b.id });
  }

  /** A lease statement, on its own (autocommit), waiting at most LEASE_LOCK_TIMEOUT for the row. */
  private lease<T>(name: Name, params: unknown[]): T[] {
    if (this.closed) throw new Error('the store is closed');
    this.commitNow();
    const r = this.call({ op: 'lease', name, sql: SQL[name], params });
    if ('error' in r) {
      if (r.code === '55P03') throw new LeaseBusy(`the lease of a room is being written by another process: ${r.error}`);
      throw new Error(`PostgreSQL: ${r.error}`);
    }
    if (!('rows' in r)) throw new Error('PostgreSQL: unexpected answer');
    return r.rows as T[];
  }

  /** Run a query on the worker and wait for its answer, blocking this thread. */
  private call(msg: Record<string, unknown>): Reply {
    if (this.dead) throw this.dead;
    Atomics.store(this.flag, 0, 0);
    this.post(msg);
    const waited = Atomics.wait(this.flag, 0, 0, this.readTimeoutMs);
    const got = receiveMessageOnPort(this.replyPort);
    if (!got) {
      const e = new Error(waited === 'timed-out' ? `PostgreSQL did not answer within ${this.readTimeoutMs / 1000} s` : 'PostgreSQL gave no answer');
      // The answer may still come; a later read must not take it for its own.
      this.die(e);
      throw e;
    }
    return got.message as Reply;
  }

  private read<T>(name: Name, params: unknown[]): T[] {
    if (this.closed) throw new Error('the store is closed');
    const r = this.call({ op: 'read', name, sql: SQL[name], params });
    if ('error' in r) throw new Error(`PostgreSQL: ${r.error}`);
    if (!('rows' in r)) throw new Error('PostgreSQL: unexpected answer');
    return r.rows as T[];
  }

  // ---- Store ----

  durable(): Promise<void> {
    return this.latest?.done ?? Promise.resolve();
  }

  meta(key: string): string | undefined {
    return this.read<{ value: string }>('meta', [key])[0]?.value;
  }
  setMeta(key: string, value: string): void {
    this.write('setMeta', [key, value]);
  }
  createRoom(r: RoomRow): void {
    this.write('createRoom', [r.id, r.code, r.mode, r.scenarioId, r.sourceFile, r.sourceText, r.hostTokenHash, r.createdAt, r.updatedAt, r.expiresAt, r.phase, r.state], r.id);
  }
  saveRoom(id: string, patch: Pick<RoomRow, 'phase' | 'state' | 'updatedAt' | 'expiresAt'>): void {
    this.write('saveRoom', [id, patch.phase, patch.state, patch.updatedAt, patch.expiresAt], id);
  }
  setHostToken(roomId: string, hash: string): void {
    this.write('setHostToken', [roomId, hash], roomId);
  }
  addParticipant(p: ParticipantRow): void {
    this.write('addParticipant', [p.roomId, p.pid, p.name, p.tokenHash, p.joinedAt], p.roomId);
  }
  removeParticipant(roomId: string, pid: string): void {
    this.write('removeParticipant', [roomId, pid], roomId);
  }
  saveVote(v: VoteRow): void {
    this.write('saveVote', [v.roomId, v.turn, v.pid, v.choice, v.seq, v.at], v.roomId);
  }
  savePlay(p: PlayRow): void {
    this.write('savePlay', [p.roomId, p.pid, p.state, p.seq, p.updatedAt], p.roomId);
  }
  archiveScenario(a: ArchivedScenarioRow): void {
    // One transaction with the room's own save (this turn's), each statement fenced like it.
    this.write('archiveScenario', [a.roomId, a.index, a.mode, a.sourceFile, a.sourceText, a.state, a.archivedAt], a.roomId);
    this.write('archiveForget', [a.roomId, a.index], a.roomId);
    if (a.people.length) {
      this.write('archivePeople', [a.roomId, a.index, a.people.map((_, i) => i), a.people.map((p) => p.pid), a.people.map((p) => p.name), a.people.map((p) => p.state)], a.roomId);
    }
  }
  archivedScenarios(roomId: string): ArchivedScenarioRow[] {
    return archivedRows(this.read<ArchivedSql>('archived', [roomId]), this.read<PersonSql>('archivedPeople', [roomId]));
  }
  liveRooms(now: number): RoomRow[] {
    return this.read<RoomSql>('liveRooms', [now]).map(room);
  }
  room(idOrCode: string): RoomRow | undefined {
    const r = this.read<RoomSql>('room', [idOrCode])[0];
    return r && room(r);
  }
  participants(roomId: string): ParticipantRow[] {
    return this.read<{ room_id: string; pid: string; name: string; token_hash: string; joined_at: number }>('participants', [roomId]).map((p) => ({
      roomId: p.room_id,
      pid: p.pid,
      name: p.name,
      tokenHash: p.token_hash,
      joinedAt: p.joined_at,
    }));
  }
  votes(roomId: string, turn?: number): VoteRow[] {
    const rows =
      turn === undefined
        ? this.read<{ room_id: string; turn: number; pid: string; choice: number; seq: number; at: number }>('votesAll', [roomId])
        : this.read<{ room_id: string; turn: number; pid: string; choice: number; seq: number; at: number }>('votesTurn', [roomId, turn]);
    return rows.map((v) => ({ roomId: v.room_id, turn: v.turn, pid: v.pid, choice: v.choice, seq: v.seq, at: v.at }));
  }
  plays(roomId: string): PlayRow[] {
    return this.read<{ room_id: string; pid: string; state: string; seq: number; updated_at: number }>('plays', [roomId]).map((p) => ({
      roomId: p.room_id,
      pid: p.pid,
      state: p.state,
      seq: p.seq,
      updatedAt: p.updated_at,
    }));
  }
  rooms(limit: number): (RoomRow & { participantCount: number })[] {
    return this.read<RoomSql & { participant_count: number }>('rooms', [limit]).map((r) => ({ ...room(r), participantCount: r.participant_count }));
  }

  addScenario(sc: Omit<SharedScenarioRow, 'version'>): number {
    // Two uploads of one id at once (two servers): the second meets the first's key and tries again.
    for (let i = 0; ; i++) {
      if (this.closed) throw new Error('the store is closed');
      this.commitNow();
      const r = this.call({ op: 'lease', name: 'addScenario', sql: SQL.addScenario, params: [sc.id, sc.yaml, sc.titles, sc.uploadedAt, sc.uploader ?? null] });
      if ('rows' in r) return Number((r.rows[0] as { version: number }).version);
      if ('error' in r && r.code === '23505' && i < 5) continue;
      throw new Error(`PostgreSQL: ${'error' in r ? r.error : 'unexpected answer'}`);
    }
  }
  sharedScenarios(): SharedScenarioInfo[] {
    return this.read<ScenarioSql>('sharedScenarios', []).map((r) => {
      const { yaml: _, ...info } = sharedRow(r);
      return info;
    });
  }
  sharedScenario(id: string, version?: number): SharedScenarioRow | undefined {
    const r = version === undefined ? this.read<ScenarioSql>('sharedLatest', [id])[0] : this.read<ScenarioSql>('sharedVersion', [id, version])[0];
    return r && sharedRow(r);
  }

  acquireLease(roomId: string, holder: string, now: number, ttlMs: number, force: boolean): LeaseAnswer {
    const got = this.lease<{ token: number }>('acquire', [roomId, holder, now + ttlMs, now, force ? 1 : 0])[0];
    if (got) return { ok: true, token: Number(got.token) };
    const h = this.lease<{ holder: string; expires_at: number }>('holder', [roomId])[0];
    return { ok: false, holder: h?.holder ?? '', expiresAt: Number(h?.expires_at ?? 0) };
  }
  renewLeases(holder: string, held: { roomId: string; token: number }[], now: number, ttlMs: number): string[] {
    if (!held.length) return [];
    const kept = new Set(this.lease<{ room_id: string }>('renew', [holder, now + ttlMs, held.map((l) => l.roomId), held.map((l) => l.token)]).map((r) => r.room_id));
    return held.filter((l) => !kept.has(l.roomId)).map((l) => l.roomId);
  }
  releaseLease(roomId: string, token: number): void {
    this.lease('release', [roomId, token]);
  }
  fence(roomId: string, token: number): void {
    this.fences.set(roomId, token);
  }

  /** Commit what is open, wait for it, and let go of the connection. */
  close(): void {
    if (this.closed) return;
    const open = this.open;
    this.open = undefined;
    let reply: Reply | undefined;
    if (!this.dead) {
      try {
        reply = this.call({ op: 'close', batch: open?.id ?? 0 });
      } catch {
        reply = undefined;
      }
    }
    this.closed = true;
    // The outcomes of the last batches were posted before the answer to close: take them now.
    for (let m = receiveMessageOnPort(this.eventPort); m; m = receiveMessageOnPort(this.eventPort)) this.settle(m.message as Event);
    if (!reply) this.die(new Error('the PostgreSQL connection was lost before closing'));
    this.eventPort.close();
    this.replyPort.close();
    void this.worker.terminate();
  }
}
