/**
 * Where classroom results are kept. Every write happens before the server acknowledges the
 * message that caused it, so an acknowledged vote or reply survives a crash.
 */
import type { Mode } from './protocol.js';

export interface RoomRow {
  id: string;
  code: string;
  mode: Mode;
  scenarioId: string;
  /** The scenario file as it was when the room was made: a later edit does not change a running class. */
  sourceFile: string;
  sourceText: string;
  hostTokenHash: string;
  createdAt: number;
  updatedAt: number;
  expiresAt: number;
  phase: string;
  /** The room's own state as JSON (session, rounds, settings). */
  state: string;
}

export interface ParticipantRow {
  roomId: string;
  pid: string;
  name: string;
  tokenHash: string;
  joinedAt: number;
}

export interface VoteRow {
  roomId: string;
  turn: number;
  pid: string;
  choice: number;
  seq: number;
  at: number;
}

export interface PlayRow {
  roomId: string;
  pid: string;
  /** The trainee's session as JSON. */
  state: string;
  seq: number;
  updatedAt: number;
}

/**
 * A scenario of a classroom session that the room has moved on from (Room.nextScenario), kept
 * for the export: the room itself then holds the next scenario only.
 */
export interface ArchivedScenarioRow {
  roomId: string;
  /** Its place in the session (0, the first). */
  index: number;
  mode: Mode;
  /** The scenario file as the room played it (it reloads even if the library changed since). */
  sourceFile: string;
  sourceText: string;
  /** What the class did, as JSON (scenarioArchive.ts: the class's session and rounds, the model route). */
  state: string;
  archivedAt: number;
  /** The class then, in join order: each trainee's name and, as JSON, their votes (with their times) or their play. */
  people: { pid: string; name: string; state: string }[];
}

/** The archive's tables, the same in both databases (SQLite reads bigint as an integer). */
export const ARCHIVE_TABLES = `
create table if not exists room_scenarios (
  room_id text not null, idx integer not null, mode text not null, source_file text not null, source_text text not null,
  state text not null, archived_at bigint not null, primary key (room_id, idx)
);
create table if not exists room_scenario_people (
  room_id text not null, idx integer not null, ord integer not null, pid text not null, name text not null, state text not null,
  primary key (room_id, idx, pid)
);
`;

/** Rows of room_scenarios and room_scenario_people as both databases return them. */
export interface ArchivedSql {
  room_id: string;
  idx: number;
  mode: Mode;
  source_file: string;
  source_text: string;
  state: string;
  archived_at: number;
}
export interface PersonSql {
  room_id: string;
  idx: number;
  pid: string;
  name: string;
  state: string;
}

export function archivedRows(scenarios: ArchivedSql[], people: PersonSql[]): ArchivedScenarioRow[] {
  return scenarios.map((r) => ({
    roomId: r.room_id,
    index: Number(r.idx),
    mode: r.mode,
    sourceFile: r.source_file,
    sourceText: r.source_text,
    state: r.state,
    archivedAt: Number(r.archived_at),
    people: people.filter((p) => Number(p.idx) === Number(r.idx)).map((p) => ({ pid: p.pid, name: p.name, state: p.state })),
  }));
}

/** A scenario a trainer shared on this server (sharedScenarios.ts): every upload is a new version, old ones stay. */
export interface SharedScenarioRow {
  id: string;
  version: number;
  yaml: string;
  /** The scenario's title per locale, as JSON ({ "zh-CN": …, "en": … }). */
  titles: string;
  uploadedAt: number;
  uploader?: string;
}

/** A row of the scenarios table as both databases return it. */
export interface ScenarioSql {
  id: string;
  version: number;
  yaml?: string;
  titles: string;
  uploaded_at: number;
  uploader: string | null;
}

export const sharedRow = (r: ScenarioSql): SharedScenarioRow => ({
  id: r.id,
  version: Number(r.version),
  yaml: r.yaml ?? '',
  titles: r.titles,
  uploadedAt: Number(r.uploaded_at),
  ...(r.uploader != null ? { uploader: r.uploader } : {}),
});

/** A shared scenario's latest version, for lists. */
export type SharedScenarioInfo = Omit<SharedScenarioRow, 'yaml'>;

/** A room's lease (lease.ts): granted with its fencing token, or refused with whose it is until when. */
export type LeaseAnswer = { ok: true; token: number } | { ok: false; holder: string; expiresAt: number };

/** Writes to a room refused because another process holds its lease now (a newer token). */
export class Fenced extends Error {
  constructor(readonly roomId: string) {
    super(`room ${roomId} is held by another server process now`);
  }
}

/** A lease operation could not get at the lease row in time (another process is writing it): try later. */
export class LeaseBusy extends Error {}

export interface Store {
  /** Resolves once every write made so far is committed: acknowledge only after it. */
  durable(): Promise<void>;
  meta(key: string): string | undefined;
  setMeta(key: string, value: string): void;
  createRoom(r: RoomRow): void;
  saveRoom(id: string, patch: Pick<RoomRow, 'phase' | 'state' | 'updatedAt' | 'expiresAt'>): void;
  setHostToken(roomId: string, hash: string): void;
  addParticipant(p: ParticipantRow): void;
  /** The trainer took a trainee out: they are no longer listed, and their votes and play are gone (from the archived scenarios too). */
  removeParticipant(roomId: string, pid: string): void;
  saveVote(v: VoteRow): void;
  savePlay(p: PlayRow): void;
  /** Keep a scenario the room moves on from (replacing one kept before at that index: a retried move). */
  archiveScenario(a: ArchivedScenarioRow): void;
  /** The scenarios a room moved on from, in the order of the session. */
  archivedScenarios(roomId: string): ArchivedScenarioRow[];
  /** Rooms still open at `now`. */
  liveRooms(now: number): RoomRow[];
  room(idOrCode: string): RoomRow | undefined;
  participants(roomId: string): ParticipantRow[];
  votes(roomId: string, turn?: number): VoteRow[];
  plays(roomId: string): PlayRow[];
  /** Past and present rooms, newest first. */
  rooms(limit: number): (RoomRow & { participantCount: number })[];
  close(): void;

  // ---- shared scenarios ----
  /** Store a new version of a shared scenario (1 for a new id) and commit it; its version number. */
  addScenario(s: Omit<SharedScenarioRow, 'version'>): number;
  /** The latest version of every shared scenario, by id. */
  sharedScenarios(): SharedScenarioInfo[];
  /** One version of a shared scenario (the latest without `version`). */
  sharedScenario(id: string, version?: number): SharedScenarioRow | undefined;

  // ---- one holder per room (lease.ts) ----
  /**
   * Take the room's lease for `holder` until `now + ttlMs`, if it is free, expired, already
   * this holder's, or `force`d. A new holder gets a higher fencing token than any before; the
   * same holder keeps its token. May throw LeaseBusy.
   */
  acquireLease(roomId: string, holder: string, now: number, ttlMs: number, force: boolean): LeaseAnswer;
  /** Extend the leases `holder` still holds with these tokens; the rooms of the others (lost to another holder). May throw LeaseBusy. */
  renewLeases(holder: string, held: { roomId: string; token: number }[], now: number, ttlMs: number): string[];
  /** Let the lease go at once (the room expired, the server stops): another process may take it. */
  releaseLease(roomId: string, token: number): void;
  /**
   * From now on, writes to this room are committed only while `token` is its current one;
   * otherwise they are refused (the rest of their transaction is not) and `onFenced` is told.
   * SQLite refuses at the write (it throws Fenced), PostgreSQL at the commit.
   */
  fence(roomId: string, token: number): void;
  onFenced?: (roomId: string) => void;
}
