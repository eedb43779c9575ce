/**
 * The classroom's messages. Everything a client sends is checked against these schemas
 * (sizes bounded) before the server looks at it; what the server sends back is typed here
 * so the host and join pages share one definition.
 */
import { z } from 'zod';
import type { ClassOption, DecidedBy } from '../engine/classroom/classPath.js';
import type { RoomSettings } from '../engine/classroom/controls.js';
import type { Standing, StageResult } from '../engine/classroom/leaderboard.js';
import type { BoardRow, HeatCell } from '../engine/classroom/board.js';
import type { SeverityLevel } from '../engine/catalog/schema.js';
import type { Grade, Quadrant } from '../engine/scoring/debrief.js';
import type { LocalizedText } from '../engine/text.js';
import type { ErrorCode, OwnTextCode } from '../engine/classroom/errors.js';
import type { CustomerType, Outcome, Setting } from '../engine/scenario/schema.js';

export const MAX_MESSAGE_BYTES = 16_384;
export const NICKNAME_MAX = 24;
export const VOTE_SECONDS = { min: 5, max: 600, default: 30 } as const;

const Code = z.string().min(1).max(16);
const Token = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
const Turn = z.number().int().min(0).max(10_000);
const ChoiceIndex = z.number().int().min(0).max(64);
const Seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
// Letters, marks, digits, spaces and common punctuation; no control or format characters.
const Nickname = z
  .string()
  .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, 'nickname is empty').max(NICKNAME_MAX, `nickname is longer than ${NICKNAME_MAX} characters`).regex(/^[\p{L}\p{M}\p{N}\p{Zs}\p{P}\p{S}]+$/u, 'nickname has characters that cannot be shown'));

export const Mode = z.enum(['vote', 'solo']);
export type Mode = z.infer<typeof Mode>;

export const HostAction = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('start') }),
  z.strictObject({ type: z.literal('close') }),
  z.strictObject({ type: z.literal('reveal') }),
  z.strictObject({ type: z.literal('reopen') }),
  /** Apply the majority, or `choice` (the trainer's override), and go to the next decision. */
  z.strictObject({
    type: z.literal('advance'),
    choice: z.number().int().min(-1).max(64).optional(),
    /** The decision the trainer means; an advance sent twice (a retry, a second screen) then moves on once. */
    turn: z.number().int().min(0).max(10_000).optional(),
  }),
  z.strictObject({ type: z.literal('end') }),
  /**
   * Take a trainee out of the room (e.g. a nickname not fit for the projector): their token stops
   * working for good, their votes and play go. With `ban`, nobody may join this room again under
   * that name or one that looks like it.
   */
  z.strictObject({ type: z.literal('remove'), id: z.string().min(1).max(32), ban: z.boolean().optional() }),
  /** Change the room's settings (lock, approval of joins, closing the vote once all have voted, the live split). */
  z.strictObject({
    type: z.literal('settings'),
    settings: z
      .strictObject({ locked: z.boolean().optional(), approval: z.boolean().optional(), autoClose: z.boolean().optional(), showLive: z.boolean().optional(), ownWords: z.boolean().optional() })
      .refine((o) => Object.keys(o).length > 0, 'name at least one setting'),
  }),
  /** Let a trainee waiting for approval in. */
  z.strictObject({ type: z.literal('admit'), id: z.string().min(1).max(32) }),
  /** Give a trainee another name (the same rules as a nickname typed on a phone). */
  z.strictObject({ type: z.literal('rename'), id: z.string().min(1).max(32), name: Nickname }),
  /** The vote's clock: 30 seconds more, stop, go on. */
  z.strictObject({ type: z.literal('addTime') }),
  z.strictObject({ type: z.literal('pause') }),
  z.strictObject({ type: z.literal('resume') }),
  /** The next scenario of the session, once this one is over: the class stays, the leaderboard runs on. */
  z.strictObject({ type: z.literal('next'), scenario: z.string().min(1).max(128) }),
]);
export type HostAction = z.infer<typeof HostAction>;

/** The longest typed reply a phone may send (the judge reads its first 2,000 characters). */
export const SAY_MAX_CHARS = 4000;

export const Messages = {
  'library.list': z.strictObject({ key: z.string().max(128).optional() }),
  'room.create': z.strictObject({
    key: z.string().max(128).optional(),
    scenario: z.string().min(1).max(128),
    mode: Mode,
    voteSeconds: z.number().int().min(VOTE_SECONDS.min).max(VOTE_SECONDS.max).default(VOTE_SECONDS.default),
    /** Everyone plays: trainees type their replies (RoomSettings.ownWords). */
    ownWords: z.boolean().optional(),
  }),
  'room.list': z.strictObject({ key: z.string().max(128).optional() }),
  /** A trainer who lost a room's host token (another browser) gets it again. */
  'host.claim': z.strictObject({ key: z.string().max(128).optional(), code: Code }),
  'host.attach': z.strictObject({ code: Code, hostToken: Token }),
  'host.act': z.strictObject({ code: Code, hostToken: Token, action: HostAction }),
  /**
   * `key`: a secret the phone made for this join. It becomes the trainee's token, so a join
   * sent again after its answer was lost finds the same trainee instead of adding a second.
   */
  'trainee.join': z.strictObject({ code: Code, nickname: Nickname, key: Token.optional() }),
  'trainee.attach': z.strictObject({ code: Code, token: Token }),
  'trainee.vote': z.strictObject({ code: Code, token: Token, turn: Turn, choice: ChoiceIndex, seq: Seq }),
  'trainee.choose': z.strictObject({ code: Code, token: Token, turn: Turn, choice: ChoiceIndex, seq: Seq }),
  'trainee.timeout': z.strictObject({ code: Code, token: Token, turn: Turn }),
  /** Everyone plays in own words: a typed reply, read by the server's judge (at most SAY_MAX_CHARS). */
  'trainee.say': z.strictObject({ code: Code, token: Token, turn: Turn, text: z.string().max(SAY_MAX_CHARS), seq: Seq }),
  /** Everyone plays: the decision is on the phone now (after the coaching); its time limit starts. */
  'trainee.seen': z.strictObject({ code: Code, token: Token, turn: Turn }),
} as const;
export type MessageName = keyof typeof Messages;
export type MessageOf<N extends MessageName> = z.output<(typeof Messages)[N]>;

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
const isInt = (x: unknown, max: number) => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= max;
const isCode = (x: unknown) => typeof x === 'string' && x.length >= 1 && x.length <= 16;
const isToken = (x: unknown) => typeof x === 'string' && TOKEN.test(x);

/** The keys of a plain object sent as a message, if it is one. */
function keysOf(x: unknown): string[] | undefined {
  return typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype ? Object.keys(x) : undefined;
}

/**
 * The messages a whole class sends at once (a vote, a reply picked, an attach after a reconnect),
 * checked without the schema, which costs more than the rest of a vote: by the same rules as their
 * schemas above, so whatever passes here passes there unchanged. Anything else, including every
 * message that fails here, goes to the schema (which also says what is wrong).
 */
export function quickMessage(name: string, x: unknown): Record<string, unknown> | undefined {
  const keys = keysOf(x);
  if (!keys) return undefined;
  const m = x as Record<string, unknown>;
  switch (name) {
    case 'trainee.vote':
    case 'trainee.choose':
      return keys.length === 5 && isCode(m.code) && isToken(m.token) && isInt(m.turn, 10_000) && isInt(m.choice, 64) && isInt(m.seq, Number.MAX_SAFE_INTEGER) ? m : undefined;
    case 'trainee.attach':
      return keys.length === 2 && isCode(m.code) && isToken(m.token) ? m : undefined;
    default:
      return undefined;
  }
}
export type MessageIn<N extends MessageName> = z.input<(typeof Messages)[N]>;

/** A refusal: its code (each with its own text on the pages), and the server's English message. */
export type Failure = { ok: false; error: ErrorCode | OwnTextCode; message: string };
export type Reply<T = object> = ({ ok: true } & T) | Failure;

// ---- What the server sends ----

export interface ScenarioInfo {
  id: string;
  title: LocalizedText;
  brief: LocalizedText;
  type: CustomerType;
  difficulty: number;
  setting: Setting;
  customer: { name: LocalizedText; persona: LocalizedText };
  /** The drawn character that shows the customer, and whether they are here or on the phone. */
  look: { character: string; channel: 'in-person' | 'phone'; place?: Setting };
  /** Shared on this server by a trainer (POST /api/scenarios), not bundled: its latest version. */
  shared?: { version: number };
}

export interface PrincipleInfo {
  name: LocalizedText;
  tip: LocalizedText;
  polarity: 'practice' | 'violation';
  /** Violations: how bad (minor, serious, grave). */
  severity?: SeverityLevel;
  /** "002_….txt 3.1": where the seeds say so. */
  source: string;
}

export interface ChoiceView {
  choice: number;
  text: LocalizedText;
}

/** What the customer says now and the replies on offer. */
export interface NodeView {
  turn: number;
  node: string;
  line: LocalizedText;
  expression: string;
  mood: number;
  meters: Record<string, number>;
  choices: ChoiceView[];
  /** Seconds the scenario allows at this decision (solo play). */
  timeLimit?: number;
  ending?: { outcome: Outcome; summary: LocalizedText };
}

export interface RevealedOption extends ClassOption {
  text: LocalizedText;
  feedback: LocalizedText;
}

export interface RoundView {
  turn: number;
  status: 'open' | 'closed' | 'revealed';
  /** Milliseconds left to vote when the message was sent (open rounds). */
  remainingMs: number;
  voters: number;
  participants: number;
  /** Only once revealed. */
  options?: RevealedOption[];
  majority?: number;
  tie?: boolean;
  /** Once revealed: the best reply on offer (the debrief's model reply; -1: letting the time run out was best). */
  model?: number;
  /** Whether letting the time run out is a possible outcome here (no votes). */
  canTimeOut: boolean;
  /** The trainer stopped the clock (remainingMs is frozen). */
  paused?: true;
  /** While open, when the trainer shows the split live (and always to the host): votes per reply. */
  live?: { options: number[]; counts: number[] };
}

export interface ClassTurnView {
  n: number;
  node: string;
  line: LocalizedText;
  options: RevealedOption[];
  picked: number;
  by: DecidedBy;
  model: number;
  score: number;
  voters: number;
}

export interface ResultView {
  outcome: Outcome;
  summary: LocalizedText;
  overall: number;
  grade: Grade;
  decisions: number;
  /** Null when soft or hard service was never at stake. */
  quadrant: Quadrant | null;
}

export interface ClassDebriefView extends ResultView {
  turns: ClassTurnView[];
  agreed: number;
  model?: { outcome: Outcome; overall: number; picks: (number | 't')[] };
}

/**
 * What a phone shows of a class vote's debrief: the class's result, and in how many of its decisions
 * it agreed with the best reply. The whole debrief (every decision's split and coaching) is the host's,
 * for the projector: sent to every phone it was most of the last message of a class (60–80 KB each).
 */
export interface PhoneDebriefView extends ResultView {
  agreed: number;
  /** Decisions the class voted on. */
  rounds: number;
}

export interface ParticipantView {
  /** Stable per trainee; for the host's "remove". */
  id: string;
  name: string;
  online: boolean;
  /** Class vote: whether they voted in the open round (never what). */
  voted?: boolean;
  /** Waiting for the trainer to let them in (approval mode). */
  waiting?: true;
}

/** The scenarios played so far in this session and the running leaderboard. */
export interface SeriesView {
  /** 1-based: which scenario of the session this is. */
  n: number;
  stages: (StageResult & { title: LocalizedText })[];
  /** Everyone plays: per trainee. */
  standings?: Standing[];
  /** Class vote: the class's score per scenario. */
  classTotal?: { stages: (number | null)[]; total: number };
}

export interface HostView {
  code: string;
  mode: Mode;
  phase: 'lobby' | 'playing' | 'ended';
  scenario: ScenarioInfo;
  voteSeconds: number;
  settings: RoomSettings;
  participants: ParticipantView[];
  principles: Record<string, PrincipleInfo>;
  series?: SeriesView;
  vote?: { now: NodeView; round?: RoundView; debrief?: ClassDebriefView };
  solo?: { rows: BoardRow[]; heat: HeatCell[]; ranking: BoardRow[]; mistakes: HeatCell[] };
}

export interface TurnFeedback {
  turn: number;
  choice: number;
  text?: LocalizedText;
  feedback: LocalizedText;
  honoured: string[];
  broken: string[];
  score: number;
  /**
   * A typed reply: what was written, where each principle was found in it, and the reply (0-based, as offered) it
   * was read as; `verbatim`: word for word that reply (nothing marked: it is that reply); `guess`: the judge's
   * under-threshold guess (not marked as evidence: its span is only the clause it scored highest).
   */
  said?: { text: string; found: { id: string; start: number; end: number; guess?: true }[]; readAs: number; verbatim?: true };
}

export interface TraineeView {
  /** The trainer took this trainee out of the room. */
  removed?: true;
  /** Approval mode: the trainer has not let this trainee in yet. */
  waiting?: true;
  series?: SeriesView;
  code: string;
  mode: Mode;
  phase: 'lobby' | 'playing' | 'ended';
  /**
   * The trainee's name, and (class vote) their vote in the round: present in the view sent to
   * one trainee (join, attach, everyone-plays updates); absent from the class-vote view sent
   * once to the whole class, where the phone keeps what it knows.
   */
  name?: string;
  scenario: ScenarioInfo;
  principles: Record<string, PrincipleInfo>;
  /** Everyone plays in own words: replies are typed (said in the lobby too). */
  ownWords?: true;
  vote?: { now: NodeView; round?: RoundView & { mine?: number }; debrief?: PhoneDebriefView };
  /** remainingMs: of a timed decision; it runs from `trainee.seen` (the full limit until then). */
  solo?: {
    now: NodeView;
    remainingMs?: number;
    last?: TurnFeedback;
    result?: ResultView & { turns: TurnFeedback[] };
    /** The trainer ended the round before this trainee's customer was done: the turns they played. */
    soFar?: TurnFeedback[];
    /** Own words: replies are typed; `askedAgain` counts the typed tries at this decision the customer did not follow. */
    ownWords?: true;
    askedAgain?: number;
  };
}

export interface RoomSummary {
  id: string;
  code: string;
  mode: Mode;
  scenario: string;
  title: LocalizedText;
  phase: string;
  createdAt: number;
  participants: number;
  active: boolean;
}

/**
 * A class-vote view sent to the whole class at once: while the class plays it leaves out the
 * scenario's card (most of the view, and it does not change), which the phone keeps from its
 * join or attach and from the lobby's views (those carry it, also for a session's next scenario).
 */
export type ClassView = Omit<TraineeView, 'scenario'> & { scenario?: ScenarioInfo };

export interface ServerToClient {
  'view.host': (v: HostView) => void;
  'view.trainee': (v: TraineeView | ClassView) => void;
}
