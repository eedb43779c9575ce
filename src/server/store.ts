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

export interface Store {
  /** Resolves once every write made so far is committed: acknowledge only after it. */
  durable(): Promise<void>;
  meta(key: string): string | undefined;
  setMeta(key: string, value: string): void;
  createRoom(r: RoomRow): void;
  saveRoom(id: string, patch: Pick<RoomRow, 'phase' | 'state' | 'updatedAt' | 'expiresAt'>): void;
  setHostToken(roomId: string, hash: string): void;
  addParticipant(p: ParticipantRow): void;
  /** The trainer took a trainee out: they are no longer listed, and their votes and play are gone. */
  removeParticipant(roomId: string, pid: string): void;
  saveVote(v: VoteRow): void;
  savePlay(p: PlayRow): void;
  /** Rooms still open at `now`. */
  liveRooms(now: number): RoomRow[];
  room(idOrCode: string): RoomRow | undefined;
  participants(roomId: string): ParticipantRow[];
  votes(roomId: string, turn?: number): VoteRow[];
  plays(roomId: string): PlayRow[];
  /** Past and present rooms, newest first. */
  rooms(limit: number): (RoomRow & { participantCount: number })[];
  close(): void;
}
