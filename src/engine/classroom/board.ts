/**
 * "Everyone plays": what the trainer's live board shows, computed from each trainee's own
 * session — where they are, how the customer feels, their running score — and, across the
 * class, which principles were honoured and broken, a ranking and the commonest mistakes.
 */
import type { Catalog } from '../catalog/catalog.js';
import { customerProfiles } from '../customers/index.js';
import type { Scenario } from '../scenario/model.js';
import type { Outcome } from '../scenario/schema.js';
import { debrief, DECISION_SHARE, replyOf, turnScore, type Grade } from '../scoring/debrief.js';
import type { Play, SessionState } from '../session/session.js';

export interface BoardEntry {
  id: string;
  name: string;
  state: SessionState;
}

export interface BoardRow {
  id: string;
  name: string;
  turns: number;
  node: string;
  /** 0–100, 100 = happiest (the customer type's own mood reading). */
  mood: number;
  /** Mean turn score so far (−100 to 100); null before the first reply. */
  running: number | null;
  /**
   * Where the trainee stands, on the overall's scale (0–100): the overall once finished; before, the overall so far,
   * with the outcome's share still to come (DECISION_SHARE × the running score, at least 0). What the ranking sorts by.
   */
  standing: number;
  done: boolean;
  outcome?: Outcome;
  overall?: number;
  grade?: Grade;
  /** The principles found in the trainee's last reply when they typed it (own words), in the order found. */
  found?: { id: string; polarity: 'practice' | 'violation' }[];
  /** Own words: typed tries at the current decision the customer did not follow. */
  askedAgain?: number;
}

export interface HeatCell {
  principle: string;
  polarity: 'practice' | 'violation';
  /** How many times it came up across the class. */
  times: number;
  /** How many trainees it came up for. */
  trainees: number;
}

export interface Board {
  rows: BoardRow[];
  heat: HeatCell[];
  /**
   * Everyone on one scale, by standing (a trainee who finished escalated at 0 is not above one still playing at 73
   * so far, as a play-test found); at the same standing, the finished first.
   */
  ranking: BoardRow[];
  /** Violations, most widespread first. */
  mistakes: HeatCell[];
}

export function boardRow(play: Play, e: BoardEntry): BoardRow {
  const s = e.state;
  const running = s.turns.length ? Math.round(s.turns.reduce((a, t) => a + turnScore(play, t), 0) / s.turns.length) : null;
  const row: BoardRow = {
    id: e.id,
    name: e.name,
    turns: s.turns.length,
    node: s.node,
    mood: Math.round(customerProfiles[play.scenario.customer.type].mood(s.customer.context.meters)),
    running,
    standing: Math.round(DECISION_SHARE * Math.max(0, running ?? 0)),
    done: !!s.ending,
  };
  if (s.askedAgain) row.askedAgain = s.askedAgain;
  const last = s.turns.at(-1);
  if (last?.said) {
    // Found: the judge's guesses under its thresholds are not shown as findings.
    row.found = [...new Set(last.said.principles.filter((p) => !p.guess).map((p) => p.id))].flatMap((id) => {
      const p = play.catalog.get(id);
      return p ? [{ id, polarity: p.polarity }] : [];
    });
  }
  if (s.ending) {
    const d = debrief(play, s);
    Object.assign(row, { outcome: d.outcome, overall: d.overall, grade: d.grade, standing: d.overall });
  }
  return row;
}

export function principleHeat(scenario: Scenario, catalog: Catalog, states: readonly SessionState[]): HeatCell[] {
  const cells = new Map<string, HeatCell>();
  for (const s of states) {
    const seen = new Set<string>();
    for (const t of s.turns) {
      for (const tag of replyOf(scenario, t).principles) {
        const p = catalog.get(tag.id);
        if (!p) continue;
        const c = cells.get(p.id) ?? { principle: p.id, polarity: p.polarity, times: 0, trainees: 0 };
        c.times++;
        if (!seen.has(p.id)) c.trainees++;
        seen.add(p.id);
        cells.set(p.id, c);
      }
    }
  }
  return [...cells.values()].sort((a, b) => b.trainees - a.trainees || b.times - a.times || a.principle.localeCompare(b.principle));
}

export function board(play: Play, entries: readonly BoardEntry[]): Board {
  const rows = entries.map((e) => boardRow(play, e));
  const heat = principleHeat(play.scenario, play.catalog, entries.map((e) => e.state));
  const ranking = [...rows].sort(
    (a, b) => b.standing - a.standing || Number(b.done) - Number(a.done) || (b.running ?? -101) - (a.running ?? -101) || a.name.localeCompare(b.name),
  );
  return { rows, heat, ranking, mistakes: heat.filter((c) => c.polarity === 'violation') };
}
