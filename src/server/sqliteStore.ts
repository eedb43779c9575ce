/**
 * The default store: one SQLite file (better-sqlite3), WAL journal. Writes made in the same
 * turn of the event loop share one transaction (group commit), committed right after it;
 * the server acknowledges a message only once `durable()` says its writes are committed.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ParticipantRow, PlayRow, RoomRow, Store, VoteRow } from './store.js';

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

  /** `path` ':memory:' for a throwaway store. */
  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // With WAL, NORMAL survives a killed process (only a power cut can lose the last commits).
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
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
        for (const table of ['participants', 'votes', 'plays']) db.prepare(`delete from ${table} where room_id = ? and pid = ?`).run(roomId, pid);
      }),
      setHostToken: db.prepare('update rooms set host_token_hash = ? where id = ?'),
      addParticipant: db.prepare('insert into participants (room_id, pid, name, token_hash, joined_at) values (@roomId, @pid, @name, @tokenHash, @joinedAt)'),
      saveVote: db.prepare(
        `insert into votes (room_id, turn, pid, choice, seq, at) values (@roomId, @turn, @pid, @choice, @seq, @at)
         on conflict (room_id, turn, pid) do update set choice = excluded.choice, seq = excluded.seq, at = excluded.at where excluded.seq > votes.seq`,
      ),
      savePlay: db.prepare(
        `insert into plays (room_id, pid, state, seq, updated_at) values (@roomId, @pid, @state, @seq, @updatedAt)
         on conflict (room_id, pid) do update set state = excluded.state, seq = excluded.seq, updated_at = excluded.updated_at`,
      ),
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
      rooms: db.prepare<[number], RoomSql & { participant_count: number }>(
        'select r.*, (select count(*) from participants p where p.room_id = r.id) as participant_count from rooms r order by created_at desc limit ?',
      ),
    };
  }

  /** Open the shared transaction of this turn of the event loop, if none is open. */
  private write(): void {
    if (this.db.inTransaction) return;
    this.db.exec('BEGIN');
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
    this.write();
    this.q.createRoom.run(r);
  }
  saveRoom(id: string, patch: Pick<RoomRow, 'phase' | 'state' | 'updatedAt' | 'expiresAt'>): void {
    this.write();
    this.q.saveRoom.run({ id, ...patch });
  }
  setHostToken(roomId: string, hash: string): void {
    this.write();
    this.q.setHostToken.run(hash, roomId);
  }
  removeParticipant(roomId: string, pid: string): void {
    this.write();
    this.q.removeParticipant(roomId, pid);
  }
  addParticipant(p: ParticipantRow): void {
    this.write();
    this.q.addParticipant.run(p);
  }
  saveVote(v: VoteRow): void {
    this.write();
    this.q.saveVote.run(v);
  }
  savePlay(p: PlayRow): void {
    this.write();
    this.q.savePlay.run(p);
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
  close(): void {
    if (this.db.inTransaction) this.db.exec('COMMIT');
    this.db.close();
  }
}
