/**
 * All rooms this process holds: making them, finding them by code, settling every message
 * from a host or trainee, letting time pass, expiring them, and telling the pages what
 * changed. Transport-free: the socket layer (io.ts) validates and hands messages in, and
 * gives it a way to publish to channels.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { makeRoomCode, normalizeRoomCode } from '../engine/classroom/code.js';
import type { Play } from '../engine/session/session.js';
import { loadScenario } from '../engine/scenario/load.js';
import type { LibraryEntry, ServerLibrary } from './library.js';
import type { ClassView, HostView, MessageName, MessageOf, Reply, RoomSummary, ScenarioInfo, TraineeView } from './protocol.js';
import { fail, newToken, notHost, notInRoom, Room } from './room.js';
import { Leases } from './lease.js';
import type { LocalizedText } from '../engine/text.js';
import type { JudgeResult } from '../engine/judge/judge.js';
import type { AsyncJudge } from './llmJudge.js';
import { Fenced, type RoomRow, type Store } from './store.js';
import { classView, hostView, scenarioInfo, traineeShared, traineeView } from './views.js';

export interface Caller {
  /** The trainer: on the server's own machine, or holding the trainer key. */
  trainer: boolean;
  /** The sending socket (socket.io ids are unique across processes). */
  socketId?: string;
}

/** What a handled message asks of the socket that sent it. */
export interface Outcome {
  reply: Reply<Record<string, unknown>>;
  /** Channels the socket should join to receive updates. */
  join?: string[];
  /** Who the socket now speaks for (for presence when it disconnects). */
  as?: { code: string; pid: string };
  /** Refused because another process holds the room's lease until then (route.ts waits and tries again). */
  heldUntil?: number;
}

export interface Publisher {
  host(roomId: string, view: HostView): void;
  /** One view to every trainee of the room (encoded once, however large the class). */
  class(roomId: string, view: ClassView): void;
  /**
   * The screens showing a room's host view stop getting it (the room was taken over), except
   * the new host's: the eviction may reach its process after it joined (several processes).
   */
  evictHost(roomId: string, except?: string): void;
  /** A removed trainee's screens stop getting the class's views. */
  evictTrainee(roomId: string, pid: string): void;
  trainee(roomId: string, pid: string, view: TraineeView): void;
}

/**
 * How often the host's screen is sent what the class did (votes coming in, phones connecting):
 * at most four times a second. The whole class is in it (1,000 trainees make 60 KB), so under a
 * burst of votes it shows the count rising without being rebuilt and sent per vote. What the
 * trainer did (start, reveal, advance…) is shown at once.
 */
const HOST_VIEW_MS = 250;

export const channels = {
  host: (roomId: string) => `h:${roomId}`,
  trainee: (roomId: string, pid: string) => `p:${roomId}:${pid}`,
  class: (roomId: string) => `c:${roomId}`,
};

export interface HubOptions {
  store: Store;
  library: ServerLibrary;
  now?: () => number;
  /** How long a room stays open after its last activity. */
  ttlMs?: number;
  /** Room leases (lease.ts); default: this process alone on its database. */
  leases?: Leases;
  /**
   * The judge of rooms where trainees type their replies (the language model's with the offline one
   * behind it, or the offline one alone: llmJudge.ts); without it such replies are refused.
   */
  judge?: AsyncJudge;
}

interface Dirty {
  host: boolean;
  /** The host acted: its screen is updated now, not at the next HOST_VIEW_MS. */
  act: boolean;
  all: boolean;
  pids: Set<string>;
}

export class Hub {
  readonly rooms = new Map<string, Room>();
  /** Typed replies being read by the judge, by room, trainee and seq. */
  private readonly reading = new Map<string, Promise<JudgeResult>>();
  private readonly dirty = new Map<string, Dirty>();
  private flushTimer?: NodeJS.Timeout;
  private readonly hostShownAt = new Map<string, number>();
  private readonly byId = new Map<string, Room>();
  private ticker?: NodeJS.Timeout;
  publisher?: Publisher;
  /** Where trainees reach this server (a LAN address, not localhost), for the join link and QR code (joinBase.ts). */
  joinBase?: string;
  /** The server listens on loopback only: no phone reaches it (the host page says so). */
  loopbackOnly = false;
  /** Whether a code is in use by a room on another process (cluster). */
  codeTaken?: (code: string) => Promise<boolean>;
  readonly now: () => number;
  readonly ttlMs: number;
  readonly leases: Leases;
  /** Rooms lost to another holder, by code: when (in `losses` counts), so a message settled meanwhile is settled again. */
  private readonly lostAt = new Map<string, number>();
  private losses = 0;

  constructor(private readonly o: HubOptions) {
    this.now = o.now ?? Date.now;
    this.ttlMs = o.ttlMs ?? 12 * 3600_000;
    this.leases = o.leases ?? new Leases(o.store, { holder: `${hostname()}:${process.pid}:${randomUUID()}`, sole: true });
    o.store.onFenced = (roomId) => this.lose(roomId);
  }

  get store(): Store {
    return this.o.store;
  }

  /** Bring back every open room from the store (after a restart). */
  restore(): { rooms: number; problems: string[] } {
    const problems: string[] = [];
    for (const row of this.o.store.liveRooms(this.now())) {
      try {
        this.takeOn(row.id, this.now());
      } catch (e) {
        problems.push(`room ${row.code}: ${(e as Error).message}`);
      }
    }
    return { rooms: this.rooms.size, problems };
  }

  /** A room as the store holds it (also past ones, for export). */
  rebuild(idOrCode: string): Room | undefined {
    const row = this.o.store.room(idOrCode);
    if (!row) return undefined;
    const source = Room.sourceOf(row);
    const r = loadScenario(source.file, source.text, this.o.library.catalog);
    if (!r.ok) throw new Error(`its scenario no longer loads: ${r.problems[0]?.message ?? ''}`);
    const play: Play = { scenario: r.scenario, catalog: this.o.library.catalog };
    return Room.restore(this.o.store, play, row, this.o.store.participants(row.id), this.o.store.votes(row.id), this.o.store.plays(row.id), { ttlMs: this.ttlMs });
  }

  private add(room: Room): void {
    this.rooms.set(room.code, room);
    this.byId.set(room.id, room);
  }

  /** Take the room's lease, then build it from the store (which now has every write of the last holder). */
  private takeOn(roomId: string, now: number): Room | { heldUntil: number } | undefined {
    const lease = this.leases.take(roomId, now);
    if (!lease.ok) return { heldUntil: lease.until };
    let room: Room | undefined;
    try {
      room = this.rebuild(roomId);
    } finally {
      if (!room) this.leases.release(roomId);
    }
    if (room) this.add(room);
    return room;
  }

  /** Let go of a room in memory: it expired (`release` its lease), or another process holds it now. */
  private remove(room: Room, release: boolean): void {
    this.rooms.delete(room.code);
    this.byId.delete(room.id);
    this.hostShownAt.delete(room.id);
    this.dirty.delete(room.id);
    if (release) this.leases.release(room.id);
  }

  /** Another process holds the room now (its lease ran out here, or a write was refused): drop it and push nothing more. */
  private lose(roomId: string): void {
    const room = this.byId.get(roomId);
    this.leases.forget(roomId);
    if (!room) return;
    this.remove(room, false);
    this.lostAt.set(room.code, ++this.losses);
    console.warn(`room ${room.code}: another server process holds it now; this one lets it go`);
  }

  /** Whether this process may act for the room now (its lease trusted or renewed); lost, it is dropped. */
  private keep(room: Room, now: number): boolean {
    try {
      if (this.leases.keep(room.id, now)) return true;
    } catch (e) {
      // The store failed: not now (the room stays, and is checked again next time).
      console.error(`room ${room.code}: renewing its lease: ${(e as Error).message}`);
      return false;
    }
    if (!this.leases.holds(room.id)) this.lose(room.id);
    return false;
  }

  /** The room with this code if this process holds it now. */
  private held(code: string, now: number): Room | undefined {
    const room = this.find(code);
    return room && this.keep(room, now) ? room : undefined;
  }

  find(code: string): Room | undefined {
    const c = normalizeRoomCode(code);
    return c ? this.rooms.get(c) : undefined;
  }

  start(tickMs = 250): void {
    this.ticker = setInterval(() => this.tick(), tickMs);
    this.ticker.unref();
  }

  /** Stop the timers and let every room's lease go, so another process may take the rooms at once. */
  stop(): void {
    clearInterval(this.ticker);
    clearTimeout(this.flushTimer);
    for (const room of [...this.rooms.values()]) this.remove(room, true);
  }

  tick(): void {
    const now = this.now();
    try {
      if (this.leases.due(now)) for (const id of this.leases.renewAll(now)) this.lose(id);
    } catch (e) {
      // The store failed: the leases then run out here, and each room is checked again before use.
      console.error(`renewing room leases: ${(e as Error).message}`);
    }
    for (const room of [...this.rooms.values()]) {
      if (room.expired(now)) {
        this.remove(room, true);
        continue;
      }
      try {
        if (this.keep(room, now) && room.tick(now)) this.touch(room, { host: true, all: true });
      } catch (e) {
        if (!(e instanceof Fenced)) console.error(`room ${room.code}: ${(e as Error).message}`);
      }
    }
  }

  // ---- publishing ----

  private touch(room: Room, what: { host?: boolean; act?: boolean; all?: boolean; pid?: string }): void {
    const d = this.dirty.get(room.id) ?? { host: false, act: false, all: false, pids: new Set<string>() };
    d.host ||= !!what.host || !!what.act;
    d.act ||= !!what.act;
    d.all ||= !!what.all;
    if (what.pid) d.pids.add(what.pid);
    this.dirty.set(room.id, d);
    this.flushTimer ??= setTimeout(() => this.flush(), 15);
  }

  flush(): void {
    this.flushTimer = undefined;
    const now = this.now();
    const pending = [...this.dirty];
    this.dirty.clear();
    for (const [id, d] of pending) {
      try {
        this.publish(id, d, now);
      } catch (e) {
        // One room's trouble must not stop the others' updates (nor the server).
        console.error(`updating room ${id}: ${(e as Error).stack ?? e}`);
      }
    }
  }

  private publish(id: string, d: Dirty, now: number): void {
    const room = this.byId.get(id);
    if (!room || !this.publisher || !this.keep(room, now)) return;
    if (d.host) {
      // The host's screen (the whole class, the board) at most every HOST_VIEW_MS: under a
      // burst of votes it shows the count rising without rebuilding the view per vote.
      const wait = d.act ? 0 : (this.hostShownAt.get(id) ?? 0) + HOST_VIEW_MS - now;
      if (wait > 0) {
        this.touch(room, { host: true });
        clearTimeout(this.flushTimer);
        this.flushTimer = setTimeout(() => this.flush(), Math.min(wait, HOST_VIEW_MS));
      } else {
        this.hostShownAt.set(id, now);
        this.publisher.host(id, hostView(room, now));
      }
    }
    const shared = d.all || d.pids.size ? traineeShared(room, now) : undefined;
    if (!shared) return;
    // Class vote: every phone shows the same thing, so it is sent once to the room.
    if (d.all && room.mode === 'vote') this.publisher.class(id, classView(shared));
    const pids = d.all && room.mode !== 'vote' ? [...room.participants.keys()] : [...d.pids];
    for (const pid of pids) this.publisher.trainee(id, pid, traineeView(room, shared, pid, now));
  }

  // ---- messages ----

  /**
   * Settle one validated message. Room messages for rooms this process does not hold return
   * undefined. Resolves once what the message changed is on disk.
   */
  async handle<N extends MessageName>(name: N, msg: MessageOf<N>, caller: Caller, o: { adopt?: boolean } = {}): Promise<Outcome | undefined> {
    const code = normalizeRoomCode(String((msg as { code?: unknown }).code ?? '')) ?? '';
    const mark = this.losses;
    let out: Outcome | undefined;
    try {
      out = await this.settle(name, msg, caller, !!o.adopt);
    } catch (e) {
      // Refused at the write: the room is another process's now (and already let go here).
      if (!(e instanceof Fenced)) throw e;
      await this.o.store.durable();
      return undefined;
    }
    await this.o.store.durable();
    // Refused at the commit (PostgreSQL), or lost meanwhile: what this told the caller may not stand.
    if ((this.lostAt.get(code) ?? 0) > mark) return undefined;
    return out;
  }

  /**
   * Take on an open room that only the store has (this process restarted, or the one holding
   * it died or froze past its lease); refused while another process's lease on it runs.
   */
  adopt(code: string, now = this.now()): Room | { heldUntil: number } | undefined {
    const c = normalizeRoomCode(code);
    if (!c) return undefined;
    if (this.held(c, now)) return this.rooms.get(c);
    // Still here but its lease could not be renewed just now (the store was busy): soon.
    if (this.rooms.has(c)) return { heldUntil: now + 250 };
    const row = this.o.store.room(c);
    if (!row || row.expiresAt <= now) return undefined;
    return this.takeOn(row.id, now);
  }

  private async settle<N extends MessageName>(name: N, msg: MessageOf<N>, caller: Caller, adopt: boolean): Promise<Outcome | undefined> {
    const m = msg as Record<string, unknown>;
    const now = this.now();
    switch (name) {
      case 'library.list':
        if (!caller.trainer) return { reply: notTrainer() };
        return { reply: { ok: true, scenarios: [...this.o.library.list().map((e) => scenarioInfo(e.scenario)), ...this.sharedInfos()], ...(this.joinBase ? { joinBase: this.joinBase } : {}), ...(this.loopbackOnly ? { loopbackOnly: true } : {}) } };
      case 'room.list':
        if (!caller.trainer) return { reply: notTrainer() };
        return { reply: { ok: true, rooms: this.summaries(50) } };
      case 'room.create':
        if (!caller.trainer) return { reply: notTrainer() };
        return this.create(msg as MessageOf<'room.create'>, now);
      case 'host.claim':
        // Refused before the room is looked up: the answer must not say whether the code is live.
        if (!caller.trainer) return { reply: notTrainer() };
        break;
      default:
        break;
    }
    const room = this.held(String(m.code ?? ''), now) ?? (adopt ? this.adopt(String(m.code ?? ''), now) : undefined);
    if (!room) return undefined;
    if (!(room instanceof Room)) return { reply: fail('moving', 'the server holding this room is not answering: try again in a few seconds'), heldUntil: room.heldUntil };
    switch (name) {
      case 'host.claim': {
        // A new token: the old one (in a browser that is gone) stops working.
        const hostToken = room.newHostToken();
        this.publisher?.evictHost(room.id, caller.socketId);
        return { reply: { ok: true, code: room.code, hostToken, view: hostView(room, now) }, join: [channels.host(room.id)] };
      }
      case 'host.attach': {
        const a = msg as MessageOf<'host.attach'>;
        if (!room.isHost(a.hostToken)) return { reply: notHost() };
        return { reply: { ok: true, view: hostView(room, now) }, join: [channels.host(room.id)] };
      }
      case 'host.act': {
        const a = msg as MessageOf<'host.act'>;
        if (!room.isHost(a.hostToken)) return { reply: notHost() };
        const r = a.action.type === 'next' ? this.next(room, a.action.scenario, now) : room.act(a.action, now);
        if (r.ok && a.action.type === 'next') this.prepare(room);
        if (r.ok && a.action.type === 'remove') {
          this.publisher?.trainee(room.id, a.action.id, { ...traineeShared(room, now), removed: true });
          this.publisher?.evictTrainee(room.id, a.action.id);
        }
        if (r.ok) this.touch(room, { act: true, all: true });
        return { reply: r };
      }
      case 'trainee.join': {
        const j = msg as MessageOf<'trainee.join'>;
        if (room.phase === 'ended') return { reply: fail('ended', 'this session has ended') };
        const r = room.join(j.nickname, now, j.key);
        if (!r.ok) return { reply: r };
        this.touch(room, { host: true });
        const view = traineeView(room, traineeShared(room, now), r.pid, now);
        return { reply: { ok: true, token: r.token, code: room.code, view }, join: [channels.trainee(room.id, r.pid), channels.class(room.id)], as: { code: room.code, pid: r.pid } };
      }
      case 'trainee.attach': {
        const pid = room.pidOf((msg as MessageOf<'trainee.attach'>).token);
        if (!pid) return { reply: notInRoom() };
        const view = traineeView(room, traineeShared(room, now), pid, now);
        return { reply: { ok: true, code: room.code, view }, join: [channels.trainee(room.id, pid), channels.class(room.id)], as: { code: room.code, pid } };
      }
      case 'trainee.vote': {
        const v = msg as MessageOf<'trainee.vote'>;
        const pid = room.pidOf(v.token);
        if (!pid) return { reply: notInRoom() };
        const r = room.vote(pid, v.turn, v.choice, v.seq, now);
        // The acknowledgement tells the phone its vote counted; only the host's count changes
        // (and, with the split shown live, everyone's screen). A vote that closed the round by
        // itself (everyone connected has voted) is not pushed to the class: nobody is left to
        // vote, so the phones hear of it with the reveal (or from the refusal of a changed vote),
        // a write per phone saved on every decision.
        if (r.ok) this.touch(room, { host: true, all: room.settings.showLive });
        return { reply: r };
      }
      case 'trainee.choose':
      case 'trainee.timeout':
      case 'trainee.seen': {
        const v = msg as MessageOf<'trainee.choose'>;
        const pid = room.pidOf(v.token);
        if (!pid) return { reply: notInRoom() };
        const r =
          name === 'trainee.choose' ? room.choose(pid, v.turn, v.choice, v.seq, now) : name === 'trainee.seen' ? room.seen(pid, v.turn, now) : room.timeOut(pid, v.turn, now);
        if (r.ok) this.touch(room, { host: true, pid });
        return { reply: r };
      }
      case 'trainee.say': {
        const v = msg as MessageOf<'trainee.say'>;
        const pid = room.pidOf(v.token);
        if (!pid) return { reply: notInRoom() };
        const check = room.sayCheck(pid, v.turn, v.seq, !!this.o.judge);
        if ('error' in check) return { reply: check };
        if ('repeat' in check) return { reply: { ok: true } };
        const read = await this.read(room, pid, v, check.node);
        // A language model may take seconds: the room may have gone to another process meanwhile.
        if (this.held(room.code, this.now()) !== room) return undefined;
        const r = room.say(pid, v.turn, v.text, v.seq, this.now(), { ...read, node: check.node });
        if (r.ok) this.touch(room, { host: true, pid });
        return { reply: r };
      }
      default:
        return { reply: fail('unknown-message', `unknown message ${String(name)}`) };
    }
  }

  /**
   * The judge's reading of a typed reply. A phone that hears nothing while a language model reads
   * sends the same reply again (same seq): it waits for the reading already under way.
   */
  private read(room: Room, pid: string, v: MessageOf<'trainee.say'>, node: string): Promise<JudgeResult> {
    const key = `${room.id}\u0000${pid}\u0000${v.seq}`;
    const under = this.reading.get(key);
    if (under) return under;
    const p = this.o.judge!(v.text, { scenario: room.play.scenario, node }).finally(() => this.reading.delete(key));
    this.reading.set(key, p);
    return p;
  }

  /**
   * A scenario to host: from the library, else the latest version shared on this server. A
   * shared one's file is named `shared/ID/vN.yaml`, so the room records the version it plays
   * (and keeps that version's text: a later upload does not change it).
   */
  private entry(id: string): LibraryEntry | undefined {
    const bundled = this.o.library.get(id);
    if (bundled) return bundled;
    const row = this.o.store.sharedScenario(id);
    if (!row) return undefined;
    const file = sharedFile(row.id, row.version);
    const r = loadScenario(file, row.yaml, this.o.library.catalog);
    return r.ok ? { scenario: r.scenario, file, text: row.yaml } : undefined;
  }

  /** The shared scenarios the server can host now (the latest version of each that loads). */
  private sharedInfos(): ScenarioInfo[] {
    const out: ScenarioInfo[] = [];
    for (const s of this.o.store.sharedScenarios()) {
      if (this.o.library.get(s.id)) continue;
      const e = this.entry(s.id);
      if (e) out.push({ ...scenarioInfo(e.scenario), shared: { version: s.version } });
    }
    return out;
  }

  /** The trainer's "next scenario": from the library or the shared ones, as the room was made. */
  private next(room: Room, scenario: string, now: number) {
    const entry = this.entry(scenario);
    if (!entry) return fail('no-scenario', `no scenario "${scenario}"`);
    return room.nextScenario({ scenario: entry.scenario, catalog: this.o.library.catalog }, { file: entry.file, text: entry.text }, now);
  }

  /**
   * A class vote needs its scenario's best route when it starts (the debrief compares the class
   * with it). The search takes a moment (the first time per scenario: searches are kept), so it
   * runs while the class joins, after the reply, instead of stalling everyone at Start.
   */
  private prepare(room: Room): void {
    if (room.mode !== 'vote') return;
    setImmediate(() => {
      try {
        room.prepare();
      } catch (e) {
        // Start searches again, and reports what fails there.
        console.error(`room ${room.code}: searching the best route: ${(e as Error).message}`);
      }
    });
  }

  /** A socket speaking for a trainee connected or went away. */
  presence(code: string, pid: string, delta: 1 | -1): boolean {
    const room = this.held(code, this.now());
    if (!room || !room.participants.has(pid)) return false;
    room.setOnline(pid, delta);
    this.touch(room, { host: true });
    return true;
  }

  private async create(m: MessageOf<'room.create'>, now: number): Promise<Outcome> {
    const entry = this.entry(m.scenario);
    if (!entry) return { reply: fail('no-scenario', `no scenario "${m.scenario}"`) };
    let code = '';
    for (let i = 0; i < 50 && !code; i++) {
      const c = makeRoomCode(() => randomInt(0, 1 << 30) / (1 << 30));
      if (!this.rooms.has(c) && !(await this.codeTaken?.(c))) code = c;
    }
    if (!code) return { reply: fail('busy', 'no free room code: try again') };
    const id = randomUUID();
    if (!this.leases.take(id, now).ok) return { reply: fail('internal', 'the database is busy: try again') };
    const hostToken = newToken();
    let room: Room;
    try {
      room = this.createRoom(entry, { id, code, mode: m.mode, voteSeconds: m.voteSeconds, hostToken, ...(m.ownWords ? { ownWords: true } : {}) }, now);
    } catch (e) {
      this.leases.release(id);
      throw e;
    }
    this.add(room);
    this.prepare(room);
    return { reply: { ok: true, code, hostToken, view: hostView(room, now) }, join: [channels.host(room.id)] };
  }

  private createRoom(entry: LibraryEntry, init: { id: string; code: string; mode: MessageOf<'room.create'>['mode']; voteSeconds: number; hostToken: string; ownWords?: boolean }, now: number): Room {
    return Room.create(
      this.o.store,
      { scenario: entry.scenario, catalog: this.o.library.catalog },
      {
        ...init,
        seed: randomBytes(4).readUInt32LE(0),
        sourceFile: entry.file,
        sourceText: entry.text,
      },
      { ttlMs: this.ttlMs },
      now,
    );
  }

  /** A past room's scenario title: the bundled one's, or the shared version it played, else its id. */
  private pastTitle(r: RoomRow): LocalizedText {
    const shared = SHARED_FILE.exec(r.sourceFile);
    if (shared) {
      const row = this.o.store.sharedScenario(shared[1]!, Number(shared[2]));
      if (row) return JSON.parse(row.titles) as LocalizedText;
    }
    return this.o.library.get(r.scenarioId)?.scenario.title ?? { en: r.scenarioId };
  }

  summaries(limit: number): RoomSummary[] {
    const now = this.now();
    return this.o.store.rooms(limit).map((r) => {
      const live = this.rooms.get(r.code);
      const title = live?.id === r.id ? live.play.scenario.title : this.pastTitle(r);
      return {
        id: r.id,
        code: r.code,
        mode: r.mode,
        scenario: r.scenarioId,
        title,
        phase: live?.id === r.id ? live.phase : r.phase,
        createdAt: r.createdAt,
        participants: r.participantCount,
        active: r.expiresAt > now,
      };
    });
  }
}

/** Where a shared file's name says which version it is (`shared/ID/vN.yaml`). */
const SHARED_FILE = /^shared\/([a-z0-9][a-z0-9-]*)\/v([1-9]\d*)\.yaml$/;

/** How a room names the shared scenario file it plays: its id and version. */
export const sharedFile = (id: string, version: number) => `shared/${id}/v${version}.yaml`;

const notTrainer = () => fail('not-trainer', 'only the trainer can do this: open /host on the server, or with the trainer link it printed');
