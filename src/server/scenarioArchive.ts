/**
 * The scenarios of a classroom session as the export reads them: each a plain record, the same
 * whether it is the one the room plays now or one it moved on from. When the trainer moves on
 * (Room.nextScenario), the scenario played is archived in the store (archiveOf), in the same
 * commit as the room's own save; the export loads the archived ones back (sessionRecords).
 */
import { classDebrief, modelRoute, type ClassDebrief, type ClassRound } from '../engine/classroom/classPath.js';
import type { BoardEntry } from '../engine/classroom/board.js';
import { loadScenario } from '../engine/scenario/load.js';
import type { Route } from '../engine/scoring/paths.js';
import type { Play, SessionState } from '../engine/session/session.js';
import type { LocalizedText } from '../engine/text.js';
import type { Mode } from './protocol.js';
import type { Room } from './room.js';
import type { ArchivedScenarioRow } from './store.js';

/** A vote, its decision counted from the scenario's first (0). */
export interface CastVote {
  turn: number;
  pid: string;
  choice: number;
  at: number;
}

/** One scenario of a session, everything its export tables need. */
export interface ScenarioRecord {
  /** Its place in the session (0, the first). */
  index: number;
  play: Play;
  mode: Mode;
  file: string;
  /** Class vote: the class's customer. */
  session?: SessionState;
  rounds: ClassRound[];
  /** The decision open now (the live scenario's): listed in the participation, votes on it as they stand. */
  open?: { node: string; offered: number[] };
  /** Class vote: the debrief, once the customer was done. */
  classResult?: ClassDebrief;
  /** The class (trainees let in), in join order. */
  people: { pid: string; name: string }[];
  /** Everyone plays: each trainee's own customer. */
  plays: BoardEntry[];
  votes: CastVote[];
}

/** A scenario that could not be loaded back (its file no longer loads with this catalog). */
export interface LostScenario {
  index: number;
  title: LocalizedText;
  problem: string;
}

/** The archived scenario's own state (ArchivedScenarioRow.state). */
interface ArchivedState {
  scenario: string;
  title: LocalizedText;
  seed: number;
  session?: SessionState;
  rounds: ClassRound[];
  model?: Route;
}

/** A trainee's part of it (ArchivedScenarioRow.people[].state). */
interface PersonState {
  play?: SessionState;
  votes?: Omit<CastVote, 'pid'>[];
}

const letIn = (room: Room) => [...room.participants.values()].filter((p) => !room.waiting.has(p.pid));

/** The votes on the room's current scenario, as stored (with when each was cast). */
const castVotes = (room: Room): CastVote[] => room.storedVotes().map((v) => ({ turn: v.turn - room.turnBase, pid: v.pid, choice: v.choice, at: v.at }));

/** The scenario the room plays now, as an archive row (written when the room moves on from it). */
export function archiveOf(room: Room, now: number): ArchivedScenarioRow {
  const source = room.source ?? { file: room.row.sourceFile, text: room.row.sourceText };
  const { scenario } = room.play;
  const state: ArchivedState = {
    scenario: scenario.id,
    title: scenario.title,
    seed: room.seed,
    ...(room.session ? { session: room.session } : {}),
    rounds: room.rounds,
    ...(room.model ? { model: room.model } : {}),
  };
  const votes = new Map<string, Omit<CastVote, 'pid'>[]>();
  for (const { pid, ...v } of castVotes(room)) votes.set(pid, [...(votes.get(pid) ?? []), v]);
  const people = letIn(room).map((p) => {
    const play = room.plays.get(p.pid);
    const mine: PersonState = { ...(play ? { play: play.state } : {}), ...(votes.has(p.pid) ? { votes: votes.get(p.pid) } : {}) };
    return { pid: p.pid, name: p.name, state: JSON.stringify(mine) };
  });
  return { roomId: room.id, index: room.stages.length, mode: room.mode, sourceFile: source.file, sourceText: source.text, state: JSON.stringify(state), archivedAt: now, people };
}

/** The scenario the room plays now. */
export function liveRecord(room: Room): ScenarioRecord {
  const { round } = room;
  return {
    index: room.stages.length,
    play: room.play,
    mode: room.mode,
    file: (room.source ?? { file: room.row.sourceFile }).file,
    ...(room.session ? { session: room.session } : {}),
    rounds: room.rounds,
    ...(round ? { open: { node: round.node, offered: round.offered } } : {}),
    ...(room.mode === 'vote' && room.session?.ending ? { classResult: room.classResult() } : {}),
    people: letIn(room).map((p) => ({ pid: p.pid, name: p.name })),
    plays: room.boardEntries(),
    votes: room.mode === 'vote' ? castVotes(room) : [],
  };
}

/** An archived scenario loaded back (names as the room has them now: the trainer may have renamed someone since). */
function archivedRecord(room: Room, a: ArchivedScenarioRow): ScenarioRecord | LostScenario {
  const state = JSON.parse(a.state) as ArchivedState;
  const loaded = loadScenario(a.sourceFile, a.sourceText, room.play.catalog);
  if (!loaded.ok) return { index: a.index, title: state.title, problem: loaded.problems[0]?.message ?? 'it no longer loads' };
  const play: Play = { scenario: loaded.scenario, catalog: room.play.catalog };
  const people = a.people.map((p) => ({ pid: p.pid, name: room.participants.get(p.pid)?.name ?? p.name, mine: JSON.parse(p.state) as PersonState }));
  const { session, rounds } = state;
  return {
    index: a.index,
    play,
    mode: a.mode,
    file: a.sourceFile,
    ...(session ? { session } : {}),
    rounds,
    ...(a.mode === 'vote' && session?.ending ? { classResult: classDebrief(play, session, rounds, state.model ?? modelRoute(play, state.seed)) } : {}),
    people: people.map(({ pid, name }) => ({ pid, name })),
    plays: people.flatMap((p) => (p.mine.play ? [{ id: p.pid, name: p.name, state: p.mine.play }] : [])),
    votes: people.flatMap((p) => (p.mine.votes ?? []).map((v) => ({ ...v, pid: p.pid }))),
  };
}

/**
 * Every scenario of the session in order: those the room moved on from, then the current one
 * (a later scenario still waiting in the lobby has nothing to show yet and is left out).
 */
export function sessionRecords(room: Room): (ScenarioRecord | LostScenario)[] {
  const earlier = room.stages.length ? room.archived().map((a) => archivedRecord(room, a)) : [];
  return room.stages.length && room.phase === 'lobby' ? earlier : [...earlier, liveRecord(room)];
}

/** Whether the session holds more than one scenario (its export then titles each scenario's tables). */
export const severalScenarios = (room: Room): boolean => room.stages.length > 0;
