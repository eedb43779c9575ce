/**
 * One classroom: its scenario, its trainees and, by mode, the one customer the class votes
 * for or each trainee's own customer. Every change is written to the store first and only
 * then made in memory, so what a client was told happened is on disk.
 */
import { createHash, randomBytes } from 'node:crypto';
import { classDebrief, modelRoute, type ClassDebrief, type ClassRound, type DecidedBy } from '../engine/classroom/classPath.js';
import type { Route } from '../engine/scoring/paths.js';
import { board, type BoardEntry } from '../engine/classroom/board.js';
import { tally, type VoteTally } from '../engine/classroom/tally.js';
import { addTime, everyoneVoted, EXTRA_TIME_MS, pauseClock, resumeClock, settingsOf, timeUp, type RoomSettings, type VoteClock } from '../engine/classroom/controls.js';
import { stagePoints, type StageResult } from '../engine/classroom/leaderboard.js';
import type { LocalizedText } from '../engine/text.js';
import { nameKeys, nicknameProblem, type NicknameProblem } from '../engine/classroom/nickname.js';
import { customerProfiles } from '../engine/customers/index.js';
import { debrief } from '../engine/scoring/debrief.js';
import { MAX_CHARS, type JudgeResult } from '../engine/judge/judge.js';
import { choose, expressionNow, heardOnlyGood, offeredChoices, say, startSession, timeOut, SessionError, type Play, type SessionState } from '../engine/session/session.js';
import type { Failure, HostAction, Mode, Reply } from './protocol.js';
import type { ArchivedScenarioRow, ParticipantRow, PlayRow, RoomRow, Store, VoteRow } from './store.js';
import { CountedMap } from './countedMap.js';
import { archiveOf } from './scenarioArchive.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(18).toString('base64url');

export const fail = (error: Failure['error'], message: string): Failure => ({ ok: false, error, message });

/**
 * One answer for "no such room" and "not your token", so that a wrong code and a wrong token
 * cannot be told apart (probing for live codes learns nothing).
 */
export const notInRoom = () => fail('unknown', 'you are not in an open room with that code: join again');
export const notHost = () => fail('not-host', 'this is not the host token of an open room with that code');

const NAME_REFUSED: Record<NicknameProblem | 'lookalike' | 'banned', Failure> = {
  blank: fail('name-blank', 'that nickname shows nothing: use letters, digits or symbols people can see'),
  invisible: fail('name-invisible', 'that nickname has a blank-looking character in it: leave it out'),
  formula: fail('name-formula', 'a nickname cannot start with = + - or @'),
  marks: fail('name-marks', 'that nickname piles too many accents on one letter'),
  mixed: fail('name-mixed', 'that nickname mixes Latin letters with Cyrillic or Greek ones that look alike: write it in one alphabet'),
  lookalike: fail('name-lookalike', 'someone in this room has a name that looks the same: add something to tell you apart'),
  banned: fail('name-banned', 'the trainer does not allow this name in this room: choose another'),
};

export const roomLocked = () => fail('locked', 'the trainer has locked this room: nobody new can join now. Ask the trainer to unlock it');
const notLetIn = () => fail('waiting', 'the trainer has not let you in yet');

export type Phase = 'lobby' | 'playing' | 'ended';

export interface Round extends VoteClock {
  /** Counts on across the scenarios of a session (each scenario's first decision follows the last one's). */
  turn: number;
  node: string;
  /** Choice indices offered, in screen order. */
  offered: number[];
  status: 'open' | 'closed' | 'revealed';
}

/** A scenario file as the room holds it (the first is the room row's; later ones are in the saved state). */
export interface Source {
  file: string;
  text: string;
}

/** A scenario played earlier in this session, for the leaderboard. */
export type Stage = StageResult & { title: LocalizedText };

interface Participant {
  pid: string;
  name: string;
  tokenHash: string;
  joinedAt: number;
}

export interface SoloPlay {
  state: SessionState;
  /** When the current node was entered (the last reply was made). */
  enteredAt: number;
  /** When the phone showed the current decision (after the coaching): its time limit runs from here. */
  shownAt?: number;
  seq: number;
  /** Which scenario of the session it belongs to (0, the first, when absent). */
  stage?: number;
}

/** The room's state as stored (votes and solo plays have rows of their own). */
interface Saved {
  phase: Phase;
  voteSeconds: number;
  seed: number;
  session?: SessionState;
  round?: Round;
  rounds: ClassRound[];
  /** The best route, worked out once when the class starts (it takes a moment). */
  model?: Route;
  /** Token hashes of trainees the trainer removed: never valid again, not even as a join key. */
  dead?: string[];
  /** Name skeletons the trainer banned from this room. */
  banned?: string[];
  settings?: Partial<RoomSettings>;
  /** Trainees waiting to be let in (approval mode). */
  waiting?: string[];
  /** Names the trainer gave, by participant (over the name they joined with). */
  renamed?: Record<string, string>;
  /** Scenarios played before the current one, and the current one's file when it is not the first. */
  stages?: Stage[];
  source?: Source;
  /** Decisions voted on in the earlier scenarios (the next round numbers follow them). */
  turnBase?: number;
}

/** Grace for a client's clock when it reports that a scenario's time limit ran out. */
const TIMEOUT_GRACE_MS = 1500;
/** A phone that never says it showed a timed decision: its clock starts this long after the reply before it. */
const COACHING_ALLOWANCE_MS = 60_000;

export interface RoomOptions {
  ttlMs: number;
}

export class Room {
  phase: Phase = 'lobby';
  session?: SessionState;
  round?: Round;
  rounds: ClassRound[] = [];
  model?: Route;
  settings: RoomSettings = settingsOf(undefined);
  /** Approval mode: trainees who joined and wait for the trainer to let them in. */
  waiting = new Set<string>();
  renamed: Record<string, string> = {};
  stages: Stage[] = [];
  source?: Source;
  turnBase = 0;
  readonly participants = new Map<string, Participant>();
  private readonly byToken = new Map<string, string>();
  /** The names in the room by each of their skeletons (look-alikes share one). */
  private readonly bySkeleton = new Map<string, Set<string>>();
  private dead = new Set<string>();
  private banned = new Set<string>();
  /** Class vote: the open round's votes by participant. */
  readonly votes = new CountedMap<string, { choice: number; seq: number }>();
  /** The open round's tally as last counted, with the round and the votes' change count it was counted at. */
  private tallyMemo?: { round: Round | undefined; changes: number; tally: VoteTally };
  /** Tokens seen, by their hash: every trainee message names its token, and hashing it each time costs more than the rest of a vote. */
  private readonly hashes = new Map<string, string>();
  readonly plays = new Map<string, SoloPlay>();
  /** Sockets attached, by participant (presence on the board). */
  readonly online = new Map<string, number>();
  updatedAt: number;
  expiresAt: number;
  private debriefCache?: ClassDebrief;

  private constructor(
    private readonly store: Store,
    public play: Play,
    readonly row: Omit<RoomRow, 'phase' | 'state' | 'updatedAt' | 'expiresAt'>,
    public voteSeconds: number,
    readonly seed: number,
    private readonly options: RoomOptions,
    now: number,
  ) {
    this.updatedAt = now;
    this.expiresAt = now + options.ttlMs;
  }

  get id(): string {
    return this.row.id;
  }
  get code(): string {
    return this.row.code;
  }
  get mode(): Mode {
    return this.row.mode;
  }

  static create(
    store: Store,
    play: Play,
    init: { id: string; code: string; mode: Mode; voteSeconds: number; seed: number; sourceFile: string; sourceText: string; hostToken: string; ownWords?: boolean },
    options: RoomOptions,
    now: number,
  ): Room {
    const row = {
      id: init.id,
      code: init.code,
      mode: init.mode,
      scenarioId: play.scenario.id,
      sourceFile: init.sourceFile,
      sourceText: init.sourceText,
      hostTokenHash: hashToken(init.hostToken),
      createdAt: now,
    };
    const room = new Room(store, play, row, init.voteSeconds, init.seed, options, now);
    // Typed replies are for everyone-plays rooms (a class vote picks among the replies on the projector).
    if (init.ownWords && init.mode === 'solo') room.settings = { ...room.settings, ownWords: true };
    store.createRoom({ ...row, ...room.savedRow() });
    return room;
  }

  /** The scenario file a stored room plays now (the session may have moved on from its first). */
  static sourceOf(row: RoomRow): Source {
    const saved = JSON.parse(row.state) as Saved;
    return saved.source ?? { file: row.sourceFile, text: row.sourceText };
  }

  /** Rebuild a room from what the store holds (after a restart, or to export a past room). */
  static restore(store: Store, play: Play, row: RoomRow, parts: ParticipantRow[], votes: VoteRow[], plays: PlayRow[], options: RoomOptions): Room {
    const saved = JSON.parse(row.state) as Saved;
    const room = new Room(store, play, row, saved.voteSeconds, saved.seed, options, row.updatedAt);
    room.expiresAt = row.expiresAt;
    room.phase = saved.phase;
    room.session = saved.session;
    room.round = saved.round;
    room.rounds = saved.rounds;
    room.model = saved.model;
    room.dead = new Set(saved.dead ?? []);
    room.banned = new Set(saved.banned ?? []);
    room.settings = settingsOf(saved.settings);
    room.waiting = new Set(saved.waiting ?? []);
    room.renamed = saved.renamed ?? {};
    room.stages = saved.stages ?? [];
    room.source = saved.source;
    room.turnBase = saved.turnBase ?? 0;
    for (const p of parts) room.addParticipant({ pid: p.pid, name: room.renamed[p.pid] ?? p.name, tokenHash: p.tokenHash, joinedAt: p.joinedAt });
    if (room.round) for (const v of votes) if (v.turn === room.round.turn) room.votes.set(v.pid, { choice: v.choice, seq: v.seq });
    // In the order the trainees joined (as they started), not the store's: the board and the export list them so.
    const joined = new Map(parts.map((p, i) => [p.pid, i]));
    const at = (pid: string) => joined.get(pid) ?? parts.length;
    for (const p of [...plays].sort((a, b) => at(a.pid) - at(b.pid))) {
      const play = JSON.parse(p.state) as SoloPlay;
      // A play of an earlier scenario of the session (this trainee has not started the current one).
      if ((play.stage ?? 0) === room.stages.length) room.plays.set(p.pid, play);
    }
    return room;
  }

  private savedRow(): Pick<RoomRow, 'phase' | 'state' | 'updatedAt' | 'expiresAt'> {
    const saved: Saved = {
      phase: this.phase,
      voteSeconds: this.voteSeconds,
      seed: this.seed,
      rounds: this.rounds,
      ...(this.session ? { session: this.session } : {}),
      ...(this.round ? { round: this.round } : {}),
      ...(this.model ? { model: this.model } : {}),
      ...(this.dead.size ? { dead: [...this.dead] } : {}),
      ...(this.banned.size ? { banned: [...this.banned] } : {}),
      settings: this.settings,
      ...(this.waiting.size ? { waiting: [...this.waiting] } : {}),
      ...(Object.keys(this.renamed).length ? { renamed: this.renamed } : {}),
      ...(this.stages.length ? { stages: this.stages } : {}),
      ...(this.source ? { source: this.source } : {}),
      ...(this.turnBase ? { turnBase: this.turnBase } : {}),
    };
    return { phase: this.phase, state: JSON.stringify(saved), updatedAt: this.updatedAt, expiresAt: this.expiresAt };
  }

  /** Make a change to the room's own state: computed on a copy, stored, then kept. */
  private commit(now: number, change: () => void): void {
    const kept = ['phase', 'session', 'round', 'rounds', 'dead', 'banned', 'settings', 'waiting', 'renamed', 'stages', 'source', 'turnBase', 'play', 'model'] as const;
    const self = this as unknown as Record<(typeof kept)[number], unknown>;
    const before = Object.fromEntries(kept.map((k) => [k, self[k]]));
    const votes = new Map(this.votes);
    try {
      change();
      this.touch(now);
      this.expirySavedAt = now;
      this.store.saveRoom(this.id, this.savedRow());
    } catch (e) {
      Object.assign(this, before);
      this.votes.clear();
      for (const [k, v] of votes) this.votes.set(k, v);
      throw e;
    }
  }

  private touch(now: number): void {
    this.updatedAt = now;
    this.expiresAt = now + this.options.ttlMs;
    // Votes, joins and plays keep a room open too: its expiry reaches the disk once a minute.
    if (now - this.expirySavedAt > 60_000) {
      this.expirySavedAt = now;
      this.store.saveRoom(this.id, this.savedRow());
    }
  }

  private expirySavedAt = 0;

  private addParticipant(p: Participant): void {
    this.participants.set(p.pid, p);
    this.byToken.set(p.tokenHash, p.pid);
    this.presenceChanged++;
    for (const k of nameKeys(p.name)) {
      const names = this.bySkeleton.get(k) ?? new Set<string>();
      names.add(p.name);
      this.bySkeleton.set(k, names);
    }
  }

  private dropParticipant(p: Participant): void {
    this.participants.delete(p.pid);
    this.byToken.delete(p.tokenHash);
    this.presenceChanged++;
    for (const k of nameKeys(p.name)) {
      const names = this.bySkeleton.get(k);
      names?.delete(p.name);
      if (names && !names.size) this.bySkeleton.delete(k);
    }
  }

  /** Why this nickname may not join now (blank-looking, banned, like another's), if it may not. */
  private nameRefused(nickname: string): Failure | undefined {
    const problem = nicknameProblem(nickname);
    if (problem && problem !== 'mixed') return NAME_REFUSED[problem];
    const keys = nameKeys(nickname);
    if (keys.some((k) => this.banned.has(k))) return NAME_REFUSED.banned;
    // The very same name is another trainee of that name (numbered below); a look-alike is not.
    if (keys.some((k) => [...(this.bySkeleton.get(k) ?? [])].some((n) => n !== nickname))) return NAME_REFUSED.lookalike;
    return problem && NAME_REFUSED[problem];
  }

  /** Replace the host token (the trainer lost it); the old one stops working. */
  newHostToken(): string {
    const token = newToken();
    this.store.setHostToken(this.id, hashToken(token));
    this.row.hostTokenHash = hashToken(token);
    return token;
  }

  isHost(token: string): boolean {
    return hashToken(token) === this.row.hostTokenHash;
  }

  pidOf(token: string): string | undefined {
    return this.byToken.get(this.hashOf(token));
  }

  /** hashToken, remembered for the tokens in use (a few per trainee; wrong ones too, but only so many). */
  private hashOf(token: string): string {
    let hash = this.hashes.get(token);
    if (hash === undefined) {
      if (this.hashes.size >= 2 * this.participants.size + 256) this.hashes.clear();
      hash = hashToken(token);
      this.hashes.set(token, hash);
    }
    return hash;
  }

  expired(now: number): boolean {
    return now >= this.expiresAt;
  }

  // ---- trainees ----

  /** A new trainee; with the `key` of an earlier join (its answer lost), that same trainee again. */
  join(nickname: string, now: number, key?: string): Reply<{ pid: string; token: string }> {
    if (key !== undefined && this.dead.has(hashToken(key))) return fail('removed', 'the trainer removed you from this room');
    const again = key === undefined ? undefined : this.pidOf(key);
    if (again) return { ok: true, pid: again, token: key! };
    if (this.settings.locked) return roomLocked();
    if (this.participants.size >= 1000) return fail('full', 'this room is full');
    const refused = this.nameRefused(nickname);
    if (refused) return refused;
    let name = nickname;
    for (let n = 2; this.bySkeleton.get(nameKeys(name)[0]!)?.has(name); n++) name = `${nickname} ${n}`;
    if (nameKeys(name).some((k) => this.banned.has(k))) return NAME_REFUSED.banned;
    const token = key ?? newToken();
    const p: Participant = { pid: randomBytes(6).toString('base64url'), name, tokenHash: hashToken(token), joinedAt: now };
    this.store.addParticipant({ roomId: this.id, ...p });
    this.addParticipant(p);
    if (this.settings.approval) this.commit(now, () => (this.waiting = new Set([...this.waiting, p.pid])));
    else if (this.mode === 'solo' && this.phase === 'playing') this.startPlay(p.pid, now);
    this.touch(now);
    return { ok: true, pid: p.pid, token };
  }

  private soloSeed(pid: string): number {
    return createHash('sha256').update(`${this.seed}:${pid}`).digest().readUInt32LE(0);
  }

  private startPlay(pid: string, now: number): void {
    const play: SoloPlay = { state: startSession(this.play, this.soloSeed(pid)), enteredAt: now, seq: 0, ...(this.stages.length ? { stage: this.stages.length } : {}) };
    this.savePlay(pid, play, now);
  }

  private savePlay(pid: string, play: SoloPlay, now: number): void {
    this.store.savePlay({ roomId: this.id, pid, state: JSON.stringify(play), seq: play.seq, updatedAt: now });
    this.plays.set(pid, play);
    this.touch(now);
  }

  /** A vote; `closed` when it was the last one missing and the vote closed by itself. */
  vote(pid: string, turn: number, choice: number, seq: number, now: number): Reply<{ counted: true; closed?: true }> {
    if (this.mode !== 'vote') return fail('wrong-mode', 'this room does not vote');
    if (this.waiting.has(pid)) return notLetIn();
    const round = this.round;
    if (!round || this.phase !== 'playing') return fail('closed', 'there is no vote open');
    if (turn !== round.turn) {
      // A retry of a vote on an earlier decision that was stored before it closed is fine.
      const stored = turn < round.turn && this.store.votes(this.id, turn).find((v) => v.pid === pid);
      return stored && stored.seq >= seq ? { ok: true, counted: true } : fail('closed', 'that vote has closed');
    }
    const mine = this.votes.get(pid);
    if (mine && mine.seq >= seq) return { ok: true, counted: true };
    if (round.status !== 'open') return fail('closed', 'that vote has closed');
    if (!round.offered.includes(choice)) return fail('bad-choice', 'that reply is not on offer');
    this.store.saveVote({ roomId: this.id, turn, pid, choice, seq, at: now });
    this.votes.set(pid, { choice, seq });
    this.touch(now);
    return this.closeIfAllVoted(now) ? { ok: true, counted: true, closed: true } : { ok: true, counted: true };
  }

  /** A socket speaking for this trainee connected (+1) or went away (-1). */
  setOnline(pid: string, delta: 1 | -1): void {
    const before = this.online.get(pid) ?? 0;
    const after = Math.max(0, before + delta);
    this.online.set(pid, after);
    this.onlineCount += Number(after > 0) - Number(before > 0);
    this.presenceChanged++;
  }

  /** Trainees with a phone connected now (`online` above 0), let in or not. */
  private onlineCount = 0;

  /** Counts changes to who is in the room and connected (participants, sockets); `waiting` is always replaced, never changed in place. */
  private presenceChanged = 0;
  private presentMemo?: { changed: number; waiting: Set<string>; pids: string[] };

  /** Trainees let in whose phone is connected now (worked out again only when that may have changed: a class votes hundreds of times in between). */
  present(): string[] {
    const m = this.presentMemo;
    if (m && m.changed === this.presenceChanged && m.waiting === this.waiting) return m.pids;
    const pids = [...this.participants.keys()].filter((pid) => !this.waiting.has(pid) && (this.online.get(pid) ?? 0) > 0);
    this.presentMemo = { changed: this.presenceChanged, waiting: this.waiting, pids };
    return pids;
  }

  /**
   * How far down the connected trainees (as `present()` last listed them) everyone has voted, in
   * this round: votes are only added while a round is open, so the next look starts there (a new
   * list or a new round starts again at the top), and a class's thousand votes are looked at once each.
   */
  private votedUpTo?: { present: string[]; round: Round; at: number };

  /** With "close when everyone has voted" on: close the open vote once every connected trainee has voted. */
  closeIfAllVoted(now: number): boolean {
    const round = this.round;
    if (!this.settings.autoClose || round?.status !== 'open') return false;
    // Fewer votes than trainees connected and let in: someone there has not voted. While a class
    // votes, phones drop and come back (each time the list below is made again), so this is
    // looked at first, and the list only for the last few votes.
    if (this.votes.size < this.onlineCount - this.waiting.size) return false;
    const present = this.present();
    const seen = this.votedUpTo;
    let at = seen && seen.present === present && seen.round === round ? seen.at : 0;
    while (at < present.length && this.votes.has(present[at]!)) at++;
    this.votedUpTo = { present, round, at };
    if (at < present.length || !everyoneVoted(present, (pid) => this.votes.has(pid))) return false;
    this.commit(now, () => (this.round = { ...this.round!, status: 'closed' }));
    return true;
  }

  choose(pid: string, turn: number, choice: number, seq: number, now: number): Reply {
    const play = this.plays.get(pid);
    if (this.mode !== 'solo') return fail('wrong-mode', 'in this room the class votes');
    if (this.waiting.has(pid)) return notLetIn();
    if (!play || this.phase !== 'playing') return fail('not-playing', 'the round is not running');
    if (seq <= play.seq) return { ok: true };
    if (turn !== play.state.turns.length || play.state.ending) return fail('stale', 'that decision is already behind you');
    const n = offeredChoices(this.play, play.state).findIndex((c) => c.index === choice);
    if (n < 0) return fail('bad-choice', 'that reply is not on offer');
    this.savePlay(pid, { ...play, state: choose(this.play, play.state, n), enteredAt: now, seq, shownAt: undefined }, now);
    return { ok: true };
  }

  /**
   * Own words, before the judge reads the reply: whether this trainee may say something at this
   * decision now (a refusal), whether it is a repeat of a reply already settled, or the node it
   * answers. The room may change while the judge reads (it may take seconds), so `say` asks again.
   */
  sayCheck(pid: string, turn: number, seq: number, judged: boolean): Failure | { repeat: true } | { node: string } {
    const play = this.plays.get(pid);
    if (this.mode !== 'solo') return fail('wrong-mode', 'in this room the class votes');
    if (!this.settings.ownWords) return fail('not-own-words', 'in this room trainees pick a reply');
    if (!judged) return fail('no-judge', 'the judge is not available on this server: pick a reply');
    if (this.waiting.has(pid)) return notLetIn();
    if (!play || this.phase !== 'playing') return fail('not-playing', 'the round is not running');
    if (seq <= play.seq) return { repeat: true };
    if (turn !== play.state.turns.length || play.state.ending) return fail('stale', 'that decision is already behind you');
    return { node: play.state.node };
  }

  /**
   * Own words: a typed reply, as the server's judge read it (`read`, for the node `sayCheck` gave).
   * Read as close enough to a reply on offer, it is a turn like a pick (scored on what was written,
   * the conversation following that reply); otherwise the customer asks again: nothing is scored and
   * `askedAgain` grows. A reply with no words in it is refused with the judge's notice, and nothing changes.
   */
  say(pid: string, turn: number, text: string, seq: number, now: number, read: JudgeResult & { node: string }): Reply<{ askedAgain?: number; heard?: LocalizedText[] }> | (Failure & { notice?: string }) {
    const check = this.sayCheck(pid, turn, seq, true);
    if ('error' in check) return check;
    if ('repeat' in check) return { ok: true };
    // The trainee moved on while the judge read (another tab, a timeout): this reading is of another decision.
    if (check.node !== read.node) return fail('stale', 'that decision is already behind you');
    const play = this.plays.get(pid)!;
    if (read.notice && ['empty', 'binary', 'no-words'].includes(read.notice.code)) return { ...fail('unreadable', read.notice.message.en ?? read.notice.code), notice: read.notice.code };
    const next = say(this.play, play.state, { text: text.slice(0, MAX_CHARS), principles: read.principles, ...(read.closest ? { closest: read.closest } : {}) });
    if (next.turns.length === play.state.turns.length) {
      this.savePlay(pid, { ...play, state: next, seq }, now);
      // Good in itself but the way of no reply here: the phone says what was heard (names, in both languages).
      const heard = heardOnlyGood(this.play, read.principles).map((id) => this.play.catalog.get(id)!.name);
      return { ok: true, askedAgain: next.askedAgain ?? 1, ...(heard.length ? { heard } : {}) };
    }
    this.savePlay(pid, { ...play, state: next, enteredAt: now, seq, shownAt: undefined }, now);
    return { ok: true };
  }

  /** A trainee's time limit ran out (their page says so, or the server's sweep finds it). */
  timeOut(pid: string, turn: number, now: number): Reply {
    const play = this.plays.get(pid);
    if (!play || this.phase !== 'playing') return fail('not-playing', 'the round is not running');
    if (turn !== play.state.turns.length || play.state.ending) return { ok: true };
    const node = this.play.scenario.nodes[play.state.node];
    if (!node?.timeLimit || !node.onTimeout) return fail('no-time-limit', 'there is no time limit here');
    if (now < this.deadline(play, node.timeLimit) - TIMEOUT_GRACE_MS) return fail('too-early', 'there is still time');
    this.savePlay(pid, { ...play, state: timeOut(this.play, play.state), enteredAt: now, shownAt: undefined }, now);
    return { ok: true };
  }

  /** The decision is on the trainee's screen now: its time limit starts (once). */
  seen(pid: string, turn: number, now: number): Reply {
    const play = this.plays.get(pid);
    if (!play || this.phase !== 'playing') return fail('not-playing', 'the round is not running');
    if (turn !== play.state.turns.length || play.state.ending || play.shownAt !== undefined) return { ok: true };
    this.savePlay(pid, { ...play, shownAt: Math.min(now, play.enteredAt + COACHING_ALLOWANCE_MS) }, now);
    return { ok: true };
  }

  /** When a solo trainee's time at their current decision runs out. */
  deadline(play: SoloPlay, timeLimit: number): number {
    return (play.shownAt ?? play.enteredAt + COACHING_ALLOWANCE_MS) + timeLimit * 1000;
  }

  // ---- the host ----

  act(action: HostAction, now: number): Reply {
    try {
      switch (action.type) {
        case 'start':
          if (this.phase !== 'lobby') return fail('started', 'the session has already started');
          if (this.mode === 'vote') this.commit(now, () => {
            this.model = modelRoute(this.play, this.seed);
            this.phase = 'playing';
            this.session = startSession(this.play, this.seed);
            this.openRound(now);
          });
          else {
            this.commit(now, () => (this.phase = 'playing'));
            for (const pid of this.participants.keys()) if (!this.plays.has(pid) && !this.waiting.has(pid)) this.startPlay(pid, now);
          }
          return { ok: true };
        case 'close':
          if (this.round?.status !== 'open') return fail('not-open', 'no vote is open');
          this.commit(now, () => (this.round = { ...this.round!, status: 'closed' }));
          return { ok: true };
        case 'reveal':
          if (!this.round || this.phase !== 'playing') return fail('no-round', 'there is nothing to reveal');
          this.commit(now, () => (this.round = { ...this.round!, status: 'revealed' }));
          return { ok: true };
        case 'reopen':
          if (!this.round || this.phase !== 'playing') return fail('no-round', 'there is no vote to reopen');
          this.commit(now, () => {
            const { pausedLeft: _, ...round } = this.round!;
            this.round = { ...round, status: 'open', deadline: now + this.voteSeconds * 1000 };
          });
          return { ok: true };
        case 'addTime':
        case 'pause':
        case 'resume':
          return this.clock(action.type, now);
        case 'settings':
          return this.changeSettings(action.settings, now);
        case 'admit':
          return this.admit(action.id, now);
        case 'rename':
          return this.rename(action.id, action.name, now);
        case 'next':
          // The hub loads the scenario and calls nextScenario.
          return fail('no-scenario', 'the next scenario must come from the library');
        case 'advance':
          // Already settled (a retried or doubled advance): nothing more to do.
          if (action.turn !== undefined && action.turn !== this.round?.turn) return { ok: true };
          return this.advance(action.choice, now);
        case 'remove': {
          const p = this.participants.get(action.id);
          if (!p) return fail('no-participant', 'no such trainee in this room');
          // Their token is dead for good (also as a join key, also after a restart); banned, so is their name.
          this.commit(now, () => {
            this.dead = new Set([...this.dead, p.tokenHash]);
            if (action.ban) this.banned = new Set([...this.banned, ...nameKeys(p.name)]);
          });
          this.store.removeParticipant(this.id, p.pid);
          if (this.waiting.has(p.pid) || this.renamed[p.pid] !== undefined) {
            this.commit(now, () => {
              this.waiting = new Set([...this.waiting].filter((w) => w !== p.pid));
              this.renamed = Object.fromEntries(Object.entries(this.renamed).filter(([k]) => k !== p.pid));
            });
          }
          this.dropParticipant(p);
          this.votes.delete(p.pid);
          this.plays.delete(p.pid);
          if ((this.online.get(p.pid) ?? 0) > 0) this.onlineCount--;
          this.online.delete(p.pid);
          this.presenceChanged++;
          this.touch(now);
          return { ok: true };
        }
        case 'end':
          if (this.phase === 'ended') return { ok: true };
          this.commit(now, () => {
            this.phase = 'ended';
            this.round = undefined;
          });
          return { ok: true };
      }
    } catch (e) {
      if (e instanceof SessionError) return fail('session', e.message);
      throw e;
    }
  }

  /** +30 s, pause, resume: only while the vote is open. */
  private clock(what: 'addTime' | 'pause' | 'resume', now: number): Reply {
    const round = this.round;
    if (this.mode !== 'vote' || round?.status !== 'open' || this.phase !== 'playing') return fail('not-open', 'no vote is open: the clock runs only while voting');
    const next = what === 'addTime' ? addTime(round, EXTRA_TIME_MS, now) : what === 'pause' ? pauseClock(round, now) : resumeClock(round, now);
    if (!next) return fail(what === 'pause' ? 'paused' : 'running', what === 'pause' ? 'the clock is already paused' : 'the clock is already running');
    this.commit(now, () => (this.round = next));
    return { ok: true };
  }

  private changeSettings(patch: Partial<RoomSettings>, now: number): Reply<{ closed?: true }> {
    const admitted = patch.approval === false ? [...this.waiting] : [];
    this.commit(now, () => {
      this.settings = { ...this.settings, ...patch };
      // Approval off: whoever was waiting comes in.
      if (admitted.length) this.waiting = new Set();
    });
    for (const pid of admitted) if (this.mode === 'solo' && this.phase === 'playing' && !this.plays.has(pid)) this.startPlay(pid, now);
    return this.closeIfAllVoted(now) ? { ok: true, closed: true } : { ok: true };
  }

  private admit(pid: string, now: number): Reply {
    if (!this.participants.has(pid)) return fail('no-participant', 'no such trainee in this room');
    if (!this.waiting.has(pid)) return fail('not-waiting', 'that trainee is not waiting to be let in');
    this.commit(now, () => (this.waiting = new Set([...this.waiting].filter((w) => w !== pid))));
    if (this.mode === 'solo' && this.phase === 'playing' && !this.plays.has(pid)) this.startPlay(pid, now);
    return { ok: true };
  }

  /** The trainer names a trainee (the same rules as a name typed on a phone, and unlike anyone else's). */
  private rename(pid: string, name: string, now: number): Reply {
    const p = this.participants.get(pid);
    if (!p) return fail('no-participant', 'no such trainee in this room');
    if (name === p.name) return { ok: true };
    this.dropParticipant(p);
    const refused = this.nameRefused(name) ?? (this.bySkeleton.get(nameKeys(name)[0]!)?.has(name) ? NAME_REFUSED.lookalike : undefined);
    this.addParticipant(p);
    if (refused) return refused;
    this.commit(now, () => (this.renamed = { ...this.renamed, [pid]: name }));
    this.dropParticipant(p);
    this.addParticipant({ ...p, name });
    return { ok: true };
  }

  /** What this scenario gave the session's leaderboard (the class's score, or each trainee's points). */
  private stageResult(): Stage {
    return this.mode === 'vote'
      ? { scenario: this.play.scenario.id, title: this.play.scenario.title, mode: 'vote', classScore: this.session?.ending ? debrief(this.play, this.session).overall : null }
      : { scenario: this.play.scenario.id, title: this.play.scenario.title, mode: 'solo', points: stagePoints(this.board().rows) };
  }

  /**
   * The scenarios of the session so far for its leaderboard: those before this one, and this one
   * too once it has ended (its debrief then shows the leaderboard with it, and so does the export).
   */
  stagesSoFar(): Stage[] {
    if (this.phase !== 'ended' || !this.stages.length) return this.stages;
    // Worked out once while the scenario stays ended (the views ask for it at every update, and an
    // everyone-plays stage's points are a debrief per trainee): again only if someone was removed.
    const key = `${this.stages.length}:${this.participants.size}:${this.plays.size}`;
    if (this.endedStage?.key !== key || this.endedStage.session !== this.session) this.endedStage = { key, session: this.session, stages: [...this.stages, this.stageResult()] };
    return this.endedStage.stages;
  }

  private endedStage?: { key: string; session: SessionState | undefined; stages: Stage[] };

  /**
   * The next scenario of the session, once this one has ended: what this one gave goes on the
   * leaderboard, its detail is archived in the store (in the same commit: the export holds every
   * scenario of the session), the class stays, and the room waits in the lobby for Start.
   */
  nextScenario(play: Play, source: Source, now: number): Reply {
    if (this.phase !== 'ended') return fail('not-ended', 'finish or end this scenario before the next one');
    if (this.stages.length >= 50) return fail('too-many-scenarios', 'a session holds at most 50 scenarios');
    const result = this.stageResult();
    const turns = this.session?.turns.length ?? 0;
    const archive = archiveOf(this, now);
    this.commit(now, () => {
      this.store.archiveScenario(archive);
      this.stages = [...this.stages, result];
      this.turnBase += turns;
      this.play = play;
      this.source = source;
      this.phase = 'lobby';
      this.session = undefined;
      this.round = undefined;
      this.rounds = [];
      this.model = undefined;
    });
    this.debriefCache = undefined;
    this.plays.clear();
    this.votes.clear();
    return { ok: true };
  }

  private openRound(now: number): void {
    const s = this.session!;
    this.votes.clear();
    if (s.ending) {
      this.phase = 'ended';
      this.round = undefined;
      return;
    }
    this.round = {
      turn: this.turnBase + s.turns.length,
      node: s.node,
      offered: offeredChoices(this.play, s).map((c) => c.index),
      deadline: now + this.voteSeconds * 1000,
      status: 'open',
    };
  }

  /** The open round's count (counted again only once a vote or the round changed: every view shows it). Read only. */
  currentTally(): VoteTally {
    const m = this.tallyMemo;
    if (m && m.round === this.round && m.changes === this.votes.changes) return m.tally;
    const t = tally(this.round?.offered ?? [], [...this.votes.values()].map((v) => v.choice));
    this.tallyMemo = { round: this.round, changes: this.votes.changes, tally: t };
    return t;
  }

  private advance(override: number | undefined, now: number): Reply {
    const round = this.round;
    if (this.mode !== 'vote' || !round || !this.session) return fail('no-round', 'there is no decision to settle');
    const t = this.currentTally();
    const node = this.play.scenario.nodes[round.node]!;
    let picked: number;
    let by: DecidedBy;
    if (override !== undefined) {
      if (override === -1 ? !node.onTimeout : !round.offered.includes(override)) return fail('bad-choice', 'that reply is not on offer');
      picked = override;
      by = override === -1 ? 'timeout' : override === t.majority ? 'majority' : 'host';
    } else if (t.majority !== undefined) {
      picked = t.majority;
      by = 'majority';
    } else if (node.onTimeout) {
      picked = -1;
      by = 'timeout';
    } else {
      return fail('no-votes', 'nobody has voted: pick the reply yourself');
    }
    this.commit(now, () => {
      const s = this.session!;
      this.session = picked === -1 ? timeOut(this.play, s) : choose(this.play, s, round.offered.indexOf(picked));
      this.rounds = [...this.rounds, { turn: round.turn, node: round.node, tally: t, picked, by }];
      this.openRound(now);
    });
    return { ok: true };
  }

  /** Time passes: votes close at their deadline; a solo trainee who left a timed decision gets its timeout. */
  tick(now: number): boolean {
    let changed = false;
    if (this.phase !== 'playing') return false;
    if (this.round?.status === 'open' && timeUp(this.round, now)) {
      this.commit(now, () => (this.round = { ...this.round!, status: 'closed' }));
      changed = true;
    }
    for (const [pid, p] of this.plays) {
      const node = this.play.scenario.nodes[p.state.node];
      if (p.state.ending || !node?.timeLimit || !node.onTimeout) continue;
      if (now >= this.deadline(p, node.timeLimit) + TIMEOUT_GRACE_MS * 2) {
        this.timeOut(pid, p.state.turns.length, now);
        changed = true;
      }
    }
    return changed;
  }

  // ---- reading ----

  classResult(): ClassDebrief | undefined {
    if (!this.session?.ending) return undefined;
    this.model ??= modelRoute(this.play, this.seed);
    this.debriefCache ??= classDebrief(this.play, this.session, this.rounds, this.model);
    return this.debriefCache;
  }

  /** Search the scenario's best route ahead of Start (searches are kept per scenario: Start then finds it done). */
  prepare(): void {
    if (this.mode === 'vote' && this.phase === 'lobby') modelRoute(this.play, this.seed);
  }

  /** The class's votes on this scenario's decisions, as stored (with when each was cast). */
  storedVotes(): VoteRow[] {
    return this.store.votes(this.id).filter((v) => v.turn >= this.turnBase);
  }

  /** The scenarios of this session the room moved on from, as stored. */
  archived(): ArchivedScenarioRow[] {
    return this.store.archivedScenarios(this.id);
  }

  boardEntries(): BoardEntry[] {
    return [...this.plays].map(([pid, p]) => ({ id: pid, name: this.participants.get(pid)?.name ?? '?', state: p.state }));
  }

  board() {
    return board(this.play, this.boardEntries());
  }

  mood(state: SessionState): number {
    return Math.round(customerProfiles[this.play.scenario.customer.type].mood(state.customer.context.meters));
  }

  expression(state: SessionState): string {
    return expressionNow(this.play, state);
  }

  soloResult(pid: string) {
    const p = this.plays.get(pid);
    return p?.state.ending ? debrief(this.play, p.state) : undefined;
  }
}
