/**
 * A room's results as JSON (everything) and as CSV tables (one row per reply on offer, or per
 * trainee turn). A session of several scenarios: every scenario in order, each with its own
 * tables titled by it (from the plain records of scenarioArchive.ts), then the leaderboard.
 */
import { optionsAt } from '../engine/classroom/classPath.js';
import { board } from '../engine/classroom/board.js';
import { debrief, modelChoice, principleSides, replyOf, roundScore, turnScore } from '../engine/scoring/debrief.js';
import type { Reply } from '../engine/scenario/model.js';
import { pick, type Locale } from '../engine/text.js';
import { typeset } from '../engine/typeset.js';
import { OUTCOME_NAMES } from '../engine/vocabulary.js';
import { tablesCsv, type Cell, type Table } from './csv.js';
import type { Room } from './room.js';
import { sessionRecords, severalScenarios, liveRecord, type LostScenario, type ScenarioRecord } from './scenarioArchive.js';
import { seriesView } from './views.js';

const HEAD = {
  vote: {
    en: ['turn', 'node', 'customer said', 'reply', 'reply text', 'votes', 'share %', 'class chose', 'decided by', 'model reply', 'reply score', 'principles honoured', 'principles broken', 'feedback'],
    'zh-CN': ['回合', '节点', '顾客的话', '选项', '回复内容', '票数', '得票率 %', '全班所选', '决定方式', '示范回复', '选项得分', '践行的原则', '违反的原则', '点评'],
  },
  solo: {
    en: ['trainee', 'turn', 'node', 'customer said', 'reply', 'turn score', 'principles honoured', 'principles broken', 'outcome', 'overall', 'grade'],
    'zh-CN': ['学员', '回合', '节点', '顾客的话', '回复', '本轮得分', '践行的原则', '违反的原则', '结局', '总分', '等级'],
  },
  participation: {
    en: ['trainee', 'turn', 'voted', 'reply', 'reply text', 'voted at (UTC)', 'class chose', 'same as the class'],
    'zh-CN': ['学员', '回合', '是否投票', '所投选项', '回复内容', '投票时间 (UTC)', '全班所选', '与全班一致'],
  },
};

const SHEETS = {
  vote: { en: 'Class vote', 'zh-CN': '全班投票' },
  solo: { en: 'Everyone plays', 'zh-CN': '人人对练' },
  participation: { en: 'Participation', 'zh-CN': '参与情况' },
  leaderboard: { en: 'Leaderboard', 'zh-CN': '排行榜' },
};

/** A scenario's tables in a session of several: titled by it, named for it (a sheet name is cut to 28 characters, so the number comes first). */
const SCENARIO = {
  en: (n: number, title: string, kind: string) => ({ title: `Scenario ${n}: ${title} · ${kind}`, name: `${n}. ${kind} · ${title}` }),
  'zh-CN': (n: number, title: string, kind: string) => ({ title: `场景 ${n}：${title} · ${kind}`, name: `${n}. ${kind} · ${title}` }),
};
const LOST = { en: 'this scenario no longer loads, its detail cannot be shown', 'zh-CN': '这个场景已无法载入，无法列出详情' };

const LEADERBOARD_HEAD = {
  en: { rank: 'rank', name: 'trainee', cls: 'class', total: 'total' },
  'zh-CN': { rank: '名次', name: '学员', cls: '全班', total: '总分' },
};

/** Authored text as a reader of the file sees it on screen: in Chinese, its punctuation full-width (the game typesets it so). */
const say = (text: Parameters<typeof pick>[0], l: Locale) => (l === 'zh-CN' ? typeset(pick(text, l)) : pick(text, l));

/** The names of the principles a reply honours and breaks, as two cells. */
function sides(play: ScenarioRecord['play'], reply: Reply, l: Locale): [string, string] {
  const { honoured, broken } = principleSides(play.catalog, reply.principles);
  const names = (ids: string[]) => ids.map((id) => pick(play.catalog.get(id)!.name, l)).join('; ');
  return [names(honoured), names(broken)];
}

export function exportCsv(room: Room, l: Locale): string {
  return tablesCsv(exportTables(room, l));
}

/**
 * The results as tables: per scenario the summary, then (class vote) who voted what and when;
 * then (several scenarios) the leaderboard. A single scenario's tables are untitled, as always.
 */
export function exportTables(room: Room, l: Locale): Table[] {
  const several = severalScenarios(room);
  const tables = sessionRecords(room).flatMap((r) => ('problem' in r ? [lostTable(r, l)] : scenarioTables(r, l, several)));
  const board = leaderboardTable(room, l);
  if (board) tables.push(board);
  return tables;
}

function scenarioTables(r: ScenarioRecord, l: Locale, titled: boolean): Table[] {
  const tables = [summaryTable(r, l)];
  if (r.mode === 'vote') tables.push(participationTable(r, l));
  if (!titled) return tables;
  const title = say(r.play.scenario.title, l);
  return tables.map((t) => ({ ...t, ...SCENARIO[l](r.index + 1, title, t.name) }));
}

function lostTable(r: LostScenario, l: Locale): Table {
  const { title, name } = SCENARIO[l](r.index + 1, say(r.title, l), l === 'en' ? 'Not shown' : '无法列出');
  return { name, title, head: [l === 'en' ? 'problem' : '问题'], rows: [[`${LOST[l]}: ${r.problem}`]] };
}

/** Class vote: every trainee at every decision of this scenario: whether they voted, for which reply, when. */
function participationTable(r: ScenarioRecord, l: Locale): Table {
  const { scenario } = r.play;
  const byTurn = new Map<string, { choice: number; at: number }>();
  for (const v of r.votes) byTurn.set(`${v.turn}:${v.pid}`, v);
  const rows: Cell[][] = [];
  const turns = r.session?.turns ?? [];
  const count = turns.length + (r.open ? 1 : 0);
  for (let i = 0; i < count; i++) {
    const t = turns[i];
    const offered = t?.offered ?? r.open!.offered;
    const node = scenario.nodes[t?.node ?? r.open!.node]!;
    for (const p of r.people) {
      const v = byTurn.get(`${i}:${p.pid}`);
      const k = v ? offered.indexOf(v.choice) : -1;
      const text = v ? node.choices[v.choice]?.text : undefined;
      rows.push([
        p.name,
        i + 1,
        !!v,
        k >= 0 ? k + 1 : '',
        text ? say(text, l) : '',
        v ? new Date(v.at).toISOString().replace('T', ' ').slice(0, 19) : '',
        t ? (t.choice < 0 ? (l === 'en' ? 'time ran out' : '超时') : offered.indexOf(t.choice) + 1) : '',
        t && v ? v.choice === t.choice : '',
      ]);
    }
  }
  return { name: SHEETS.participation[l], head: HEAD.participation[l], rows };
}

/** Several scenarios in the session: the leaderboard over those finished (the current one too, once it has ended). */
function leaderboardTable(room: Room, l: Locale): Table | undefined {
  const s = seriesView(room);
  if (!s) return undefined;
  const h = LEADERBOARD_HEAD[l];
  const titles = s.stages.map((st, i) => `${i + 1}. ${say(st.title, l)}`);
  if (s.standings) {
    return { name: SHEETS.leaderboard[l], head: [h.rank, h.name, ...titles, h.total], rows: s.standings.map((r) => [r.rank, r.name, ...r.stages, r.total]) };
  }
  return { name: SHEETS.leaderboard[l], head: [h.cls, ...titles, h.total], rows: [[h.cls, ...s.classTotal!.stages, s.classTotal!.total]] };
}

function summaryTable(r: ScenarioRecord, l: Locale): Table {
  const { play } = r;
  const { scenario } = play;
  const rows: Cell[][] = [];
  if (r.mode === 'vote') {
    r.session?.turns.forEach((t, i) => {
      const round = r.rounds[i];
      const node = scenario.nodes[t.node]!;
      const line = say(node.line[t.variant] ?? node.line[0]!, l);
      const model = modelChoice(play, t);
      const options = optionsAt(play, t.node, t.offered, t.before, round?.tally);
      if (t.choice < 0) options.push({ choice: -1, votes: 0, share: 0, score: roundScore(turnScore(play, t)), honoured: [], broken: [] });
      options.forEach((o, k) => {
        const reply = o.choice < 0 ? node.onTimeout! : node.choices[o.choice]!;
        rows.push([
          i + 1,
          t.node,
          line,
          o.choice < 0 ? (l === 'en' ? 'time ran out' : '超时') : k + 1,
          reply.text ? say(reply.text, l) : '',
          o.votes,
          Math.round(o.share * 100),
          o.choice === t.choice,
          o.choice === t.choice ? (round?.by ?? '') : '',
          o.choice === model,
          o.score,
          ...sides(play, reply, l),
          say(reply.feedback, l),
        ]);
      });
    });
    return { name: SHEETS.vote[l], head: HEAD.vote[l], rows };
  }
  for (const e of r.plays) {
    const s = e.state;
    const d = s.ending ? debrief(play, s) : undefined;
    // Not finished: said so, not left blank (the overall so far is on the board and the leaderboard).
    const tail: Cell[] = d ? [OUTCOME_NAMES[l][d.outcome], d.overall, d.grade] : [l === 'en' ? 'not finished' : '未完成', '', ''];
    if (!s.turns.length) rows.push([e.name, '', '', '', '', '', '', '', ...tail]);
    s.turns.forEach((t, i) => {
      const node = scenario.nodes[t.node]!;
      const reply = replyOf(scenario, t);
      rows.push([
        e.name,
        i + 1,
        t.node,
        say(node.line[t.variant] ?? node.line[0]!, l),
        // A typed reply (own words): what was written, said to be typed; never the reply it was read as.
        t.said ? `${l === 'en' ? '(typed) ' : '（自己写的）'}${t.said.text}` : reply.text ? say(reply.text, l) : l === 'en' ? '(time ran out)' : '（超时）',
        roundScore(turnScore(play, t)),
        ...sides(play, reply, l),
        ...tail,
      ]);
    });
  }
  return { name: SHEETS.solo[l], head: HEAD.solo[l], rows };
}

/** One scenario's results as JSON: the class's rounds and debrief, or each trainee's and the board. */
function scenarioJson(r: ScenarioRecord) {
  if (r.mode === 'vote') {
    return {
      rounds: r.rounds.map((x) => ({ turn: x.turn + 1, node: x.node, options: x.tally.options, votes: x.tally.counts, voters: x.tally.voters, picked: x.picked, by: x.by })),
      ...(r.classResult ? { debrief: r.classResult } : {}),
    };
  }
  return {
    trainees: r.plays.map((e) => ({
      name: e.name,
      turns: e.state.turns.length,
      ...(e.state.ending ? { debrief: debrief(r.play, e.state) } : {}),
    })),
    board: board(r.play, r.plays),
  };
}

export function exportJson(room: Room): unknown {
  const { scenario } = room.play;
  const base = {
    room: { id: room.id, code: room.code, mode: room.mode, phase: room.phase, createdAt: new Date(room.row.createdAt).toISOString(), voteSeconds: room.voteSeconds },
    scenario: { id: scenario.id, title: scenario.title, file: room.row.sourceFile },
    participants: [...room.participants.values()].map((p) => ({ name: p.name, joinedAt: new Date(p.joinedAt).toISOString() })),
  };
  const now = { ...base, ...scenarioJson(liveRecord(room)) };
  if (!severalScenarios(room)) return now;
  // Several scenarios: the current one as above, and every one of the session in order, with the leaderboard.
  const scenarios = sessionRecords(room).map((r) =>
    'problem' in r
      ? { n: r.index + 1, scenario: { title: r.title }, problem: r.problem }
      : { n: r.index + 1, scenario: { id: r.play.scenario.id, title: r.play.scenario.title, file: r.file }, mode: r.mode, ...scenarioJson(r) },
  );
  return { ...now, scenarios, leaderboard: seriesView(room) };
}
