/**
 * Several scenarios in one session: what each one gave (everyone plays: each trainee's points;
 * class vote: the class's score), and the running leaderboard between them.
 */
import type { BoardRow } from './board.js';
import { sharedPlaces } from './places.js';

export interface StageResult {
  scenario: string;
  mode: 'vote' | 'solo';
  /** Everyone plays: points by trainee (their overall score, or their running score when unfinished). */
  points?: Record<string, number>;
  /** Class vote: the class's overall score; null when the story was ended before its end. */
  classScore?: number | null;
}

export interface Standing {
  pid: string;
  name: string;
  total: number;
  /** Points per stage, in order; null where the trainee was not there. */
  stages: (number | null)[];
  /** 1 for the top; equal totals share a rank. */
  rank: number;
}

/** Everyone plays: each trainee's points for the scenario just played. */
export function stagePoints(rows: readonly BoardRow[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.id] = r.standing;
  return out;
}

/** The trainees' running totals over the stages, highest first (names of trainees still in the room). */
export function standings(stages: readonly StageResult[], names: ReadonlyMap<string, string>): Standing[] {
  const rows: Standing[] = [...names].map(([pid, name]) => {
    const per = stages.map((s) => s.points?.[pid] ?? null);
    return { pid, name, total: per.reduce<number>((a, p) => a + (p ?? 0), 0), stages: per, rank: 0 };
  });
  rows.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  const places = sharedPlaces(rows, (a, b) => a.total === b.total);
  rows.forEach((r, i) => (r.rank = places[i]!));
  return rows;
}

/** Class vote: the class's score per scenario and its total (unfinished scenarios count 0). */
export function classStandings(stages: readonly StageResult[]): { stages: (number | null)[]; total: number } {
  const per = stages.map((s) => s.classScore ?? null);
  return { stages: per, total: per.reduce<number>((a, p) => a + (p ?? 0), 0) };
}
