/** What the host's screen and each trainee's phone are shown, built from a room. */
import { severityOf } from '../engine/catalog/severity.js';
import { optionsAt } from '../engine/classroom/classPath.js';
import { asChoice, modelChoice, principleSides, replyOf, roundScore, turnScore } from '../engine/scoring/debrief.js';
import type { Play, SessionState } from '../engine/session/session.js';
import { offeredChoices } from '../engine/session/session.js';
import type { Scenario } from '../engine/scenario/model.js';
import type {
  ClassDebriefView,
  ClassView,
  HostView,
  NodeView,
  PhoneDebriefView,
  PrincipleInfo,
  ResultView,
  RevealedOption,
  RoundView,
  ScenarioInfo,
  TraineeView,
  TurnFeedback,
} from './protocol.js';
import type { Room } from './room.js';
import { debrief } from '../engine/scoring/debrief.js';
import { isPaused, timeLeft } from '../engine/classroom/controls.js';
import { classStandings, standings } from '../engine/classroom/leaderboard.js';
import type { SeriesView } from './protocol.js';

export function scenarioInfo(s: Scenario): ScenarioInfo {
  return {
    id: s.id,
    title: s.title,
    brief: s.brief,
    type: s.customer.type,
    difficulty: s.difficulty,
    setting: s.setting,
    customer: { name: s.customer.name, persona: s.customer.persona },
    look: { character: s.customer.look.character, channel: s.customer.look.channel, ...(s.customer.look.place ? { place: s.customer.look.place } : {}) },
  };
}

/** The catalog entries a scenario uses, with where the seeds state them. */
const principleMaps = new WeakMap<Play, Record<string, PrincipleInfo>>();

export function principlesOf(play: Play): Record<string, PrincipleInfo> {
  const known = principleMaps.get(play);
  if (known) return known;
  // Every catalog principle, not only the scenario's: a typed reply (own words) may show any of
  // them. Views name only those they mention (named()), so messages stay small.
  const out: Record<string, PrincipleInfo> = {};
  for (const id of play.catalog.principles.map((p) => p.id).sort()) {
    const p = play.catalog.get(id);
    if (!p) continue;
    const src = p.sources[0]!;
    out[id] = { name: p.name, tip: p.tip, polarity: p.polarity, ...(p.polarity === 'violation' ? { severity: severityOf(p) } : {}), source: `${src.file} ${src.item}` };
  }
  principleMaps.set(play, out);
  return out;
}

export function nodeView(room: Room, s: SessionState): NodeView {
  const { scenario } = room.play;
  const node = scenario.nodes[s.node];
  const ending = scenario.endings[s.node];
  const lines = (node ?? ending)!.line;
  return {
    turn: s.turns.length,
    node: s.node,
    line: lines[s.variant] ?? lines[0]!,
    expression: room.expression(s),
    mood: room.mood(s),
    meters: s.customer.context.meters,
    choices: s.ending ? [] : offeredChoices(room.play, s).map((c) => ({ choice: c.index, text: c.text })),
    ...(node?.timeLimit && node.onTimeout ? { timeLimit: node.timeLimit } : {}),
    ...(ending ? { ending: { outcome: ending.outcome, summary: ending.summary } } : {}),
  };
}

function revealed(room: Room, node: string, offered: number[], t: ReturnType<Room['currentTally']>): RevealedOption[] {
  const n = room.play.scenario.nodes[node]!;
  return optionsAt(room.play, node, offered, room.session!.customer.context.meters, t).map((o) => ({ ...o, text: n.choices[o.choice]!.text, feedback: n.choices[o.choice]!.feedback }));
}

function roundView(room: Room, now: number): RoundView | undefined {
  const r = room.round;
  if (!r) return undefined;
  const t = room.currentTally();
  const node = room.play.scenario.nodes[r.node]!;
  const open = r.status === 'open';
  return {
    turn: r.turn,
    status: r.status,
    remainingMs: open ? timeLeft(r, now) : 0,
    voters: t.voters,
    participants: room.participants.size - room.waiting.size,
    canTimeOut: !!node.onTimeout,
    ...(open && isPaused(r) ? { paused: true as const } : {}),
    ...(open && room.settings.showLive ? { live: { options: t.options, counts: t.counts } } : {}),
    ...(r.status === 'revealed'
      ? {
          options: revealed(room, r.node, r.offered, t),
          ...(t.majority !== undefined ? { majority: t.majority } : {}),
          tie: t.tie,
          model: modelChoice(room.play, { node: r.node, offered: r.offered, before: room.session!.customer.context.meters }),
        }
      : {}),
  };
}

function resultOf(room: Room, s: SessionState): ResultView {
  const d = debrief(room.play, s);
  const ending = room.play.scenario.endings[s.ending!]!;
  return { outcome: d.outcome, summary: ending.summary, overall: d.overall, grade: d.grade, decisions: d.decisions, quadrant: d.service.quadrant };
}

function classDebriefView(room: Room): ClassDebriefView | undefined {
  const c = room.classResult();
  if (!c) return undefined;
  const { scenario } = room.play;
  return {
    ...resultOf(room, room.session!),
    agreed: c.agreed,
    turns: c.turns.map((t) => {
      const n = scenario.nodes[t.node]!;
      return {
        n: t.n,
        node: t.node,
        line: n.line[t.variant] ?? n.line[0]!,
        options: t.options.map((o) => ({ ...o, text: n.choices[o.choice]!.text, feedback: n.choices[o.choice]!.feedback })),
        picked: t.picked,
        by: t.by,
        model: t.model,
        score: t.score,
        voters: t.voters,
      };
    }),
    ...(c.model ? { model: { outcome: c.model.outcome, overall: c.model.overall, picks: c.model.picks } } : {}),
  };
}

type Feedbackish = { honoured: readonly string[]; broken: readonly string[] };

/**
 * Only the catalog entries a view names: the whole scenario's would be most of every
 * message, and a class of hundreds gets several messages per decision.
 */
function named(all: Record<string, PrincipleInfo>, groups: readonly (readonly Feedbackish[] | undefined)[], extra: readonly string[] = []): Record<string, PrincipleInfo> {
  const out: Record<string, PrincipleInfo> = {};
  const add = (id: string) => {
    const p = all[id];
    if (p) out[id] = p;
  };
  for (const g of groups) for (const f of g ?? []) for (const id of [...f.honoured, ...f.broken]) add(id);
  for (const id of extra) add(id);
  return out;
}

/** What never changes in a room's views: the scenario's card and its principles, worked out once per play. */
const infos = new WeakMap<Play, ScenarioInfo>();
function infoOf(play: Play): ScenarioInfo {
  let info = infos.get(play);
  if (!info) infos.set(play, (info = scenarioInfo(play.scenario)));
  return info;
}

/** The class-vote part of the host's and the trainees' views: the customer now, the round, the debrief. */
function voteSection(room: Room, now: number): HostView['vote'] {
  if (room.mode !== 'vote' || !room.session) return undefined;
  const round = roundView(room, now);
  const debriefView = classDebriefView(room);
  return { now: nodeView(room, room.session), ...(round ? { round } : {}), ...(debriefView ? { debrief: debriefView } : {}) };
}

/** The principles a class-vote view names (revealed options, debrief turns). */
const voteGroups = (vote: HostView['vote']) => [vote?.round?.options, ...(vote?.debrief?.turns.map((t) => t.options) ?? [])];

/** The scenarios played so far in the session and the leaderboard; absent while on the first. */
export function seriesView(room: Room): SeriesView | undefined {
  const stages = room.stagesSoFar();
  if (!stages.length) return undefined;
  const names = new Map([...room.participants.values()].filter((p) => !room.waiting.has(p.pid)).map((p) => [p.pid, p.name]));
  return {
    n: room.stages.length + 1,
    stages,
    ...(room.mode === 'solo' ? { standings: standings(stages, names) } : { classTotal: classStandings(stages) }),
  };
}

export function hostView(room: Room, now: number): HostView {
  const voting = room.round?.status === 'open';
  const series = seriesView(room);
  const view: HostView = {
    code: room.code,
    mode: room.mode,
    phase: room.phase,
    scenario: infoOf(room.play),
    voteSeconds: room.voteSeconds,
    settings: room.settings,
    participants: [...room.participants.values()].map((p) => ({
      id: p.pid,
      name: p.name,
      online: (room.online.get(p.pid) ?? 0) > 0,
      ...(voting && !room.waiting.has(p.pid) ? { voted: room.votes.has(p.pid) } : {}),
      ...(room.waiting.has(p.pid) ? { waiting: true as const } : {}),
    })),
    principles: {},
    ...(series ? { series } : {}),
  };
  const vote = voteSection(room, now);
  if (vote) view.vote = vote;
  if (room.mode === 'solo') view.solo = room.board();
  view.principles = named(principlesOf(room.play), voteGroups(vote), [...(view.solo?.heat.map((h) => h.principle) ?? []), ...(view.solo?.rows.flatMap((r) => r.found?.map((f) => f.id) ?? []) ?? [])]);
  return view;
}

/**
 * A typed turn's coaching: the authored feedback is about words the trainee did not write (it may praise
 * what they did not do), so it gives the better reply that was on offer instead, or says there was none.
 */
function typedFeedback(play: Play, t: SessionState['turns'][number]): TurnFeedback['feedback'] {
  const m = modelChoice(play, t);
  const mine = roundScore(turnScore(play, t));
  const best = roundScore(turnScore(play, asChoice(t, m)));
  const text = m >= 0 ? play.scenario.nodes[t.node]!.choices[m]!.text : undefined;
  if (!text || best <= mine) return { en: 'Nothing on offer here would have scored better.', 'zh-CN': '这一轮没有比这更好的回答。' };
  // Read as the best reply itself: its wording scores better, not another reply.
  if (m === t.choice) return { en: `Said the way that reply puts it, it scores ${best}: “${text.en ?? text['zh-CN']}”`, 'zh-CN': `按那句回答的说法来说，能得 ${best} 分：“${text['zh-CN'] ?? text.en}”` };
  return { en: `A better reply was on offer (${best}): “${text.en ?? text['zh-CN']}”`, 'zh-CN': `当时更好的说法（${best}）：“${text['zh-CN'] ?? text.en}”` };
}

function feedbackOf(room: Room, s: SessionState, i: number): TurnFeedback {
  const t = s.turns[i]!;
  const reply = replyOf(room.play.scenario, t);
  return {
    turn: i,
    choice: t.choice,
    ...(reply.text ? { text: reply.text } : {}),
    feedback: t.said && !t.said.verbatim ? typedFeedback(room.play, t) : reply.feedback,
    ...principleSides(room.play.catalog, reply.principles),
    score: roundScore(turnScore(room.play, t)),
    ...(t.said
      ? {
          said: {
            text: t.said.text,
            found: t.said.verbatim ? [] : t.said.principles.map((p) => ({ id: p.id, start: p.evidence[0]!, end: p.evidence[1]!, ...(p.guess ? { guess: true as const } : {}) })),
            readAs: t.offered.indexOf(t.choice),
            ...(t.said.verbatim ? { verbatim: true as const } : {}),
          },
        }
      : {}),
  };
}

/** The class's debrief as a phone shows it (protocol.ts PhoneDebriefView). */
function phoneDebrief(d: ClassDebriefView): PhoneDebriefView {
  const { turns, model: _, ...result } = d;
  return { ...result, rounds: turns.length };
}

/** The part every trainee's view shares, built once per update. */
export function traineeShared(room: Room, now: number): TraineeView {
  const section = voteSection(room, now);
  const vote: TraineeView['vote'] = section && {
    now: section.now,
    ...(section.round ? { round: section.round } : {}),
    ...(section.debrief ? { debrief: phoneDebrief(section.debrief) } : {}),
  };
  const series = seriesView(room);
  return {
    code: room.code,
    mode: room.mode,
    phase: room.phase,
    scenario: infoOf(room.play),
    principles: named(principlesOf(room.play), [vote?.round?.options]),
    ...(room.mode === 'solo' && room.settings.ownWords ? { ownWords: true as const } : {}),
    ...(vote ? { vote } : {}),
    ...(series ? { series } : {}),
  };
}

/** What goes to the whole class of a class vote (protocol.ts ClassView): the shared view, without the scenario's card once the class plays. */
export function classView(shared: TraineeView): ClassView {
  if (shared.phase === 'lobby') return shared;
  const { scenario: _, ...rest } = shared;
  return rest;
}

export function traineeView(room: Room, shared: TraineeView, pid: string, now: number): TraineeView {
  const view: TraineeView = { ...shared, name: room.participants.get(pid)?.name ?? '', ...(room.waiting.has(pid) ? { waiting: true as const } : {}) };
  if (shared.vote?.round) {
    const mine = room.votes.get(pid)?.choice;
    view.vote = { ...shared.vote, round: { ...shared.vote.round, ...(mine !== undefined ? { mine } : {}) } };
  }
  const p = room.plays.get(pid);
  if (room.mode === 'solo' && p) {
    const s = p.state;
    const node = room.play.scenario.nodes[s.node];
    view.solo = {
      now: nodeView(room, s),
      ...(node?.timeLimit && node.onTimeout && !s.ending && room.phase === 'playing'
        ? { remainingMs: p.shownAt === undefined ? node.timeLimit * 1000 : Math.max(0, room.deadline(p, node.timeLimit) - now) }
        : {}),
      ...(s.turns.length ? { last: feedbackOf(room, s, s.turns.length - 1) } : {}),
      ...(s.ending ? { result: { ...resultOf(room, s), turns: s.turns.map((_, i) => feedbackOf(room, s, i)) } } : {}),
      ...(!s.ending && room.phase === 'ended' && s.turns.length ? { soFar: s.turns.map((_, i) => feedbackOf(room, s, i)) } : {}),
      ...(room.settings.ownWords ? { ownWords: true as const } : {}),
      ...(s.askedAgain ? { askedAgain: s.askedAgain } : {}),
    };
    view.principles = { ...view.principles, ...named(principlesOf(room.play), [view.solo.last ? [view.solo.last] : undefined, view.solo.result?.turns, view.solo.soFar]) };
  }
  return view;
}
