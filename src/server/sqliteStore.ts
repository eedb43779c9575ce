/**
 * The default store: one SQLite file (better-sqlite3), WAL journal. Writes made in the same
 * turn of the event loop share one transaction (group commit), committed right after it;
 * the server acknowledges a message only once `durable()` says its writes are committed.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ACQUIRE, CHECK, HOLDER, LEASE_TABLE, RELEASE, RENEW_ONE, sqliteNamed, sqliteParams } from './leaseSql.js';
import { ARCHIVE_TABLES, Fenced, LeaseBusy, type ArchivedScenarioRow, type LeaseAnswer, type ParticipantRow, type PlayRow, type RoomRow, archivedRows, type ArchivedSql, type PersonSql, type ScenarioSql, sharedRow, type SharedScenarioInfo, type SharedScenarioRow, type Store, type VoteRow } from './store.js';

const SCHEMA = `
create table if not exists meta (key text primary key, value text not null);
create table if not exists rooms (
  id text primary key, code text not null, mode text not null, scenario_id text not null,
  source_file text not null, source_text text not null, host_token_hash text not null,
  created_at integer not null, updated_at integer not null, expires_at integer not null,
  phase text not null, state text not null
);
create index if not exists rooms_expires on rooms (expires_at);
create index if not exists rooms_code on rooms (code);
create table if not exists participants (
  room_id text not null, pid text not null, name text not null, token_hash text not null, joined_at integer not null,
  primary key (room_id, pid)
);
create table if not exists votes (
  room_id text not null, turn integer not null, pid text not null, choice integer not null, seq integer not null, at integer not null,
  primary key (room_id, turn, pid)
);
create table if not exists plays (
  room_id text not null, pid text not null, state text not null, seq integer not null, updated_at integer not null,
  primary key (room_id, pid)
);
${LEASE_TABLE}
${ARCHIVE_TABLES}
create table if not exists scenarios (
  id text not null, version integer not null, yaml text not null, titles text not null,
  uploaded_at integer not null, uploader text, primary key (id, version)
);
`;

/**
 * One trainee per join key (their token) in a room, so that a join applied twice cannot make
 * two. A database from before this index may hold such twins (issue 14, V1): the later ones go.
 */
const ONE_TRAINEE_PER_TOKEN = `
delete from votes where (room_id, pid) in (select p.room_id, p.pid from participants p
  where exists (select 1 from participants q where q.room_id = p.room_id and q.token_hash = p.token_hash and (q.joined_at, q.pid) < (p.joined_at, p.pid)));
delete from plays where (room_id, pid) in (select p.room_id, p.pid from participants p
  where exists (select 1 from participants q where q.room_id = p.room_id and q.token_hash = p.token_hash and (q.joined_at, q.pid) < (p.joined_at, p.pid)));
delete from participants where exists (select 1 from participants q where q.room_id = participants.room_id
  and q.token_hash = participants.token_hash and (q.joined_at, q.pid) < (participants.joined_at, participants.pid));
create unique index participants_token on participants (room_id, token_hash);
`;

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

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly q;
  private committed?: Promise<void>;
  /** Called when a commit fails (the database then no longer matches what was acknowledged). */
  onFailure?: (e: Error) => void;
  onFenced?: (roomId: string) => void;
  /** Each fenced room's token, and whether it was still current in the open transaction. */
  private readonly fences = new Map<string, number>();
  private readonly checked = new Map<string, boolean>();

  /** `path` ':memory:' for a throwaway store. */
  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // With WAL, NORMAL survives a killed process (only a power cut can lose the last commits).
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    if (!this.db.prepare("select 1 from sqlite_master where type = 'index' and name = 'participants_token'").get()) this.db.transaction(() => this.db.exec(ONE_TRAINEE_PER_TOKEN))();
    const db = this.db;
    this.q = {
      meta: db.prepare<[string], { value: string }>('select value from meta where key = ?'),
      setMeta: db.prepare('insert into meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value'),
      createRoom: db.prepare(
        `insert into rooms (id, code, mode, scenario_id, source_file, source_text, host_token_hash, created_at, updated_at, expires_at, phase, state)
         values (@id, @code, @mode, @scenarioId, @sourceFile, @sourceText, @hostTokenHash, @createdAt, @updatedAt, @expiresAt, @phase, @state)`,
      ),
      saveRoom: db.prepare('update rooms set phase = @phase, state = @state, updated_at = @updatedAt, expires_at = @expiresAt where id = @id'),
      removeParticipant: db.transaction((roomId: string, pid: string) => {
        for (const table of ['participants', 'votes', 'plays', 'room_scenario_people']) db.prepare(`delete from ${table} where room_id = ? and pid = ?`).run(roomId, pid);
      }),
      setHostToken: db.prepare('update rooms set host_token_hash = ? where id = ?'),
      addParticipant: db.prepare('insert into participants (room_id, pid, name, token_hash, joined_at) values (@roomId, @pid, @name, @tokenHash, @joinedAt)'),
      // Positional: a class of hundreds votes at once, and binding by name costs a third more.
      saveVote: db.prepare<[string, number, string, number, number, number]>(
        `insert into votes (room_id, turn, pid, choice, seq, at) values (?, ?, ?, ?, ?, ?)
         on conflict (room_id, turn, pid) do update set choice = excluded.choice, seq = excluded.seq, at = excluded.at where excluded.seq > votes.seq`,
      ),
      savePlay: db.prepare(
        `insert into plays (room_id, pid, state, seq, updated_at) values (@roomId, @pid, @state, @seq, @updatedAt)
         on conflict (room_id, pid) do update set state = excluded.state, seq = excluded.seq, updated_at = excluded.updated_at`,
      ),
      archiveScenario: db.transaction((a: ArchivedScenarioRow) => {
        db.prepare(
          `insert into room_scenarios (room_id, idx, mode, source_file, source_text, state, archived_at) values (?, ?, ?, ?, ?, ?, ?)
           on conflict (room_id, idx) do update set mode = excluded.mode, source_file = excluded.source_file, source_text = excluded.source_text,
           state = excluded.state, archived_at = excluded.archived_at`,
        ).run(a.roomId, a.index, a.mode, a.sourceFile, a.sourceText, a.state, a.archivedAt);
        db.prepare('delete from room_scenario_people where room_id = ? and idx = ?').run(a.roomId, a.index);
        const person = db.prepare('insert into room_scenario_people (room_id, idx, ord, pid, name, state) values (?, ?, ?, ?, ?, ?)');
        a.people.forEach((p, i) => person.run(a.roomId, a.index, i, p.pid, p.name, p.state));
      }),
      archived: db.prepare<[string], ArchivedSql>('select * from room_scenarios where room_id = ? order by idx'),
      archivedPeople: db.prepare<[string], PersonSql>('select * from room_scenario_people where room_id = ? order by idx, ord'),
      liveRooms: db.prepare<[number], RoomSql>('select * from rooms where expires_at > ? order by created_at'),
      roomById: db.prepare<[string], RoomSql>('select * from rooms where id = ?'),
      roomByCode: db.prepare<[string], RoomSql>('select * from rooms where code = ? order by created_at desc limit 1'),
      participants: db.prepare<[string], { room_id: string; pid: string; name: string; token_hash: string; joined_at: number }>(
        'select * from participants where room_id = ? order by joined_at, pid',
      ),
      votesAll: db.prepare<[string], { room_id: string; turn: number; pid: string; choice: number; seq: number; at: number }>('select * from votes where room_id = ? order by turn, at'),
      votesTurn: db.prepare<[string, number], { room_id: string; turn: number; pid: string; choice: number; seq: number; at: number }>(
        'select * from votes where room_id = ? and turn = ? order by at',
      ),
      plays: db.prepare<[string], { room_id: string; pid: string; state: string; seq: number; updated_at: number }>('select * from plays where room_id = ?'),
      acquire: db.prepare<Record<string, unknown>, { token: number }>(sqliteNamed(ACQUIRE)),
      holder: db.prepare<Record<string, unknown>, { holder: string; expires_at: number }>(sqliteNamed(HOLDER)),
      check: db.prepare<Record<string, unknown>, { ok: number }>(sqliteNamed(CHECK)),
      renew: db.prepare(sqliteNamed(RENEW_ONE)),
      release: db.prepare(sqliteNamed(RELEASE)),
      addScenario: db.prepare<Record<string, unknown>, { version: number }>(
        `insert into scenarios (id, version, yaml, titles, uploaded_at, uploader)
         select @id, coalesce(max(version), 0) + 1, @yaml, @titles, @uploadedAt, @uploader from scenarios where id = @id returning version`,
      ),
      sharedScenarios: db.prepare<[], ScenarioSql>(
        'select id, version, titles, uploaded_at, uploader from scenarios s where version = (select max(version) from scenarios t where t.id = s.id) order by id',
      ),
      sharedLatest: db.prepare<[string], ScenarioSql>('select * from scenarios where id = ? order by version desc limit 1'),
      sharedVersion: db.prepare<[string, number], ScenarioSql>('select * from scenarios where id = ? and version = ?'),
      rooms: db.prepare<[number], RoomSql & { participant_count: number }>(
        'select r.*, (select count(*) from participants p where p.room_id = r.id) as participant_count from rooms r order by created_at desc limit ?',
      ),
    };
  }

  /**
   * Open the shared transaction of this turn of the event loop, if none is open, and for a
   * write to a fenced room check (once per transaction) that its token is still current. The
   * transaction holds SQLite's write lock from its start (IMMEDIATE), so no other process can
   * take the lease between that check and the commit.
   */
  private write(roomId?: string): void {
    this.begin();
    const token = roomId === undefined ? undefined : this.fences.get(roomId);
    if (token === undefined) return;
    let current = this.checked.get(roomId!);
    if (current === undefined) {
      current = !!this.q.check.get(sqliteParams([roomId, token]));
      this.checked.set(roomId!, current);
      if (!current) this.onFenced?.(roomId!);
    }
    if (!current) throw new Fenced(roomId!);
  }

  private begin(): void {
    if (this.db.inTransaction) return;
    this.db.exec('BEGIN IMMEDIATE');
    this.checked.clear();
    this.committed = new Promise<void>((done, failed) =>
      setImmediate(() => {
        try {
          this.db.exec('COMMIT');
          done();
        } catch (e) {
          if (this.db.inTransaction) this.db.exec('ROLLBACK');
          failed(e as Error);
          this.onFailure?.(e as Error);
        }
      }),
    );
    // A failed commit is reported to whoever awaits durable(); never unhandled.
    this.committed.catch(() => undefined);
  }

  durable(): Promise<void> {
    return this.db.inTransaction && this.committed ? this.committed : Promise.resolve();
  }

  meta(key: string): string | undefined {
    return this.q.meta.get(key)?.value;
  }
  setMeta(key: string, value: string): void {
    this.write();
    this.q.setMeta.run(key, value);
  }
  createRoom(r: RoomRow): void {
    this.write(r.id);
    this.q.createRoom.run(r);
  }
  saveRoom(id: string, patch: Pick<RoomRow, 'phase' | 'state' | 'updatedAt' | 'expiresAt'>): void {
    this.write(id);
    this.q.saveRoom.run({ id, ...patch });
  }
  setHostToken(roomId: string, hash: string): void {
    this.write(roomId);
    this.q.setHostToken.run(hash, roomId);
  }
  removeParticipant(roomId: string, pid: string): void {
    this.write(roomId);
    this.q.removeParticipant(roomId, pid);
  }
  addParticipant(p: ParticipantRow): void {
    this.write(p.roomId);
    this.q.addParticipant.run(p);
  }
  saveVote(v: VoteRow): void {
    this.write(v.roomId);
    this.q.saveVote.run(v.roomId, v.turn, v.pid, v.choice, v.seq, v.at);
  }
  savePlay(p: PlayRow): void {
    this.write(p.roomId);
    this.q.savePlay.run(p);
  }
  archiveScenario(a: ArchivedScenarioRow): void {
    this.write(a.roomId);
    this.q.archiveScenario(a);
  }
  archivedScenarios(roomId: string): ArchivedScenarioRow[] {
    return archivedRows(this.q.archived.all(roomId), this.q.archivedPeople.all(roomId));
  }
  liveRooms(now: number): RoomRow[] {
    return this.q.liveRooms.all(now).map(room);
  }
  room(idOrCode: string): RoomRow | undefined {
    const r = this.q.roomById.get(idOrCode) ?? this.q.roomByCode.get(idOrCode);
    return r && room(r);
  }
  participants(roomId: string): ParticipantRow[] {
    return this.q.participants.all(roomId).map((p) => ({ roomId: p.room_id, pid: p.pid, name: p.name, tokenHash: p.token_hash, joinedAt: p.joined_at }));
  }
  votes(roomId: string, turn?: number): VoteRow[] {
    const rows = turn === undefined ? this.q.votesAll.all(roomId) : this.q.votesTurn.all(roomId, turn);
    return rows.map((v) => ({ roomId: v.room_id, turn: v.turn, pid: v.pid, choice: v.choice, seq: v.seq, at: v.at }));
  }
  plays(roomId: string): PlayRow[] {
    return this.q.plays.all(roomId).map((p) => ({ roomId: p.room_id, pid: p.pid, state: p.state, seq: p.seq, updatedAt: p.updated_at }));
  }
  rooms(limit: number): (RoomRow & { participantCount: number })[] {
    return this.q.rooms.all(limit).map((r) => ({ ...room(r), participantCount: r.participant_count }));
  }

  addScenario(sc: Omit<SharedScenarioRow, 'version'>): number {
    // In this turn's transaction (committed with it: await durable() before answering).
    this.write();
    return this.q.addScenario.get({ id: sc.id, yaml: sc.yaml, titles: sc.titles, uploadedAt: sc.uploadedAt, uploader: sc.uploader ?? null })!.version;
  }
  sharedScenarios(): SharedScenarioInfo[] {
    return this.q.sharedScenarios.all().map((r) => {
      const { yaml: _, ...info } = sharedRow(r);
      return info;
    });
  }
  sharedScenario(id: string, version?: number): SharedScenarioRow | undefined {
    const r = version === undefined ? this.q.sharedLatest.get(id) : this.q.sharedVersion.get(id, version);
    return r && sharedRow(r);
  }

  /**
   * A lease statement: inside this turn's transaction if one is open, else committed at once
   * (a renewal on a timer then holds no write lock past its own statement). Waiting past the
   * busy timeout for another process's write lock: LeaseBusy.
   */
  private lease<T>(f: () => T): T {
    const own = !this.db.inTransaction;
    try {
      if (own) this.db.exec('BEGIN IMMEDIATE');
      const r = f();
      if (own) this.db.exec('COMMIT');
      return r;
    } catch (e) {
      if (own && this.db.inTransaction) this.db.exec('ROLLBACK');
      if ((e as { code?: string }).code === 'SQLITE_BUSY') throw new LeaseBusy(`the database is busy: ${(e as Error).message}`);
      throw e;
    }
  }

  acquireLease(roomId: string, holder: string, now: number, ttlMs: number, force: boolean): LeaseAnswer {
    return this.lease(() => {
      const got = this.q.acquire.get(sqliteParams([roomId, holder, now + ttlMs, now, force ? 1 : 0]));
      if (got) return { ok: true, token: got.token };
      const h = this.q.holder.get(sqliteParams([roomId]));
      return { ok: false, holder: h?.holder ?? '', expiresAt: h?.expires_at ?? 0 };
    });
  }
  renewLeases(holder: string, held: { roomId: string; token: number }[], now: number, ttlMs: number): string[] {
    if (!held.length) return [];
    return this.lease(() => held.filter((l) => this.q.renew.run(sqliteParams([holder, now + ttlMs, l.roomId, l.token])).changes === 0).map((l) => l.roomId));
  }
  releaseLease(roomId: string, token: number): void {
    this.lease(() => this.q.release.run(sqliteParams([roomId, token])));
  }
  fence(roomId: string, token: number): void {
    this.fences.set(roomId, token);
    this.checked.delete(roomId);
  }

  close(): void {
    if (this.db.inTransaction) this.db.exec('COMMIT');
    this.db.close();
  }
}
