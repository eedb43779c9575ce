/** A room's results as JSON (everything) and as a CSV table (one row per reply on offer, or per trainee turn). */
import { optionsAt } from '../engine/classroom/classPath.js';
import { debrief, principleSides, replyOf, roundScore, turnScore } from '../engine/scoring/debrief.js';
import type { Reply } from '../engine/scenario/model.js';
import { pick, type Locale } from '../engine/text.js';
import { typeset } from '../engine/typeset.js';
import { OUTCOME_NAMES } from '../engine/vocabulary.js';
import { tablesCsv, type Cell, type Table } from './csv.js';
import type { Room } from './room.js';
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

const LEADERBOARD_HEAD = {
  en: { rank: 'rank', name: 'trainee', cls: 'class', total: 'total' },
  'zh-CN': { rank: '名次', name: '学员', cls: '全班', total: '总分' },
};

/** Authored text as a reader of the file sees it on screen: in Chinese, its punctuation full-width (the game typesets it so). */
const say = (text: Parameters<typeof pick>[0], l: Locale) => (l === 'zh-CN' ? typeset(pick(text, l)) : pick(text, l));

/** The names of the principles a reply honours and breaks, as two cells. */
function sides(room: Room, reply: Reply, l: Locale): [string, string] {
  const { honoured, broken } = principleSides(room.play.catalog, reply.principles);
  const names = (ids: string[]) => ids.map((id) => pick(room.play.catalog.get(id)!.name, l)).join('; ');
  return [names(honoured), names(broken)];
}

export function exportCsv(room: Room, l: Locale): string {
  return tablesCsv(exportTables(room, l));
}

/** The results as tables: the summary, then (class vote) who voted what and when, then (several scenarios) the leaderboard. */
export function exportTables(room: Room, l: Locale): Table[] {
  const tables = [summaryTable(room, l)];
  if (room.mode === 'vote') tables.push(participationTable(room, l));
  const board = leaderboardTable(room, l);
  if (board) tables.push(board);
  return tables;
}

/** Class vote: every trainee at every decision of this scenario: whether they voted, for which reply, when. */
function participationTable(room: Room, l: Locale): Table {
  const { scenario } = room.play;
  const byTurn = new Map<string, { choice: number; at: number }>();
  for (const v of room.storedVotes()) byTurn.set(`${v.turn - room.turnBase}:${v.pid}`, v);
  const rows: Cell[][] = [];
  const turns = room.session?.turns ?? [];
  const count = turns.length + (room.round ? 1 : 0);
  for (let i = 0; i < count; i++) {
    const t = turns[i];
    const offered = t?.offered ?? room.round!.offered;
    const node = scenario.nodes[t?.node ?? room.round!.node]!;
    for (const p of room.participants.values()) {
      if (room.waiting.has(p.pid)) continue;
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
  const titles = s.stages.map((st, i) => `${i + 1}. ${pick(st.title, l)}`);
  if (s.standings) {
    return { name: SHEETS.leaderboard[l], head: [h.rank, h.name, ...titles, h.total], rows: s.standings.map((r) => [r.rank, r.name, ...r.stages, r.total]) };
  }
  return { name: SHEETS.leaderboard[l], head: [h.cls, ...titles, h.total], rows: [[h.cls, ...s.classTotal!.stages, s.classTotal!.total]] };
}

function summaryTable(room: Room, l: Locale): Table {
  const { scenario } = room.play;
  const rows: Cell[][] = [];
  if (room.mode === 'vote') {
    const s = room.session;
    s?.turns.forEach((t, i) => {
      const r = room.rounds[i];
      const node = scenario.nodes[t.node]!;
      const line = say(node.line[t.variant] ?? node.line[0]!, l);
      const model = room.classModel(i);
      const options = optionsAt(room.play, t.node, t.offered, t.before, r?.tally);
      if (t.choice < 0) options.push({ choice: -1, votes: 0, share: 0, score: roundScore(turnScore(room.play, t)), honoured: [], broken: [] });
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
          o.choice === t.choice ? (r?.by ?? '') : '',
          o.choice === model,
          o.score,
          ...sides(room, reply, l),
          say(reply.feedback, l),
        ]);
      });
    });
    return { name: SHEETS.vote[l], head: HEAD.vote[l], rows };
  }
  for (const e of room.boardEntries()) {
    const s = e.state;
    const d = s.ending ? debrief(room.play, s) : undefined;
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
        roundScore(turnScore(room.play, t)),
        ...sides(room, reply, l),
        ...tail,
      ]);
    });
  }
  return { name: SHEETS.solo[l], head: HEAD.solo[l], rows };
}

export function exportJson(room: Room): unknown {
  const { scenario } = room.play;
  const base = {
    room: { id: room.id, code: room.code, mode: room.mode, phase: room.phase, createdAt: new Date(room.row.createdAt).toISOString(), voteSeconds: room.voteSeconds },
    scenario: { id: scenario.id, title: scenario.title, file: room.row.sourceFile },
    participants: [...room.participants.values()].map((p) => ({ name: p.name, joinedAt: new Date(p.joinedAt).toISOString() })),
  };
  if (room.mode === 'vote') {
    const result = room.classResult();
    return {
      ...base,
      rounds: room.rounds.map((r) => ({ turn: r.turn + 1, node: r.node, options: r.tally.options, votes: r.tally.counts, voters: r.tally.voters, picked: r.picked, by: r.by })),
      ...(result ? { debrief: result } : {}),
    };
  }
  return {
    ...base,
    trainees: room.boardEntries().map((e) => ({
      name: e.name,
      turns: e.state.turns.length,
      ...(e.state.ending ? { debrief: debrief(room.play, e.state) } : {}),
    })),
    board: room.board(),
  };
}
