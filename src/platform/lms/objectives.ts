/**
 * One SCORM objective per principle a play exercised, counted as the progress page counts a
 * play (engine/progress/tally.ts), but turn by turn so that a play in progress reports too:
 *   - a practice is honoured when the reply carries it out, and missed when the best reply on
 *     offer carried it out and the reply taken, scoring lower, did not;
 *   - a violation is committed when the reply commits it, and avoided when a reply on offer
 *     (or letting the time run out) would have committed it and the reply taken did not.
 * Score = the share of those turns it was honoured or avoided (0–100); passed when it was
 * never missed or committed, else failed.
 */
import { alternatives, asChoice, modelChoice, replyOf, turnScore } from '../../engine/scoring/debrief.js';
import type { Play, SessionState } from '../../engine/session/session.js';

export interface ObjectiveReport {
  id: string;
  polarity: 'practice' | 'violation';
  honoured: number;
  broken: number;
  /** 0–100. */
  score: number;
  status: 'passed' | 'failed';
}

/** The session after these picks: the engine's (session/picks.ts). */
export { replayPicks } from '../../engine/session/picks.js';

/** Objectives in the order they were first exercised. */
export function objectivesOf(play: Play, state: SessionState): ObjectiveReport[] {
  const { scenario, catalog } = play;
  const counts = new Map<string, { honoured: number; broken: number }>();
  const count = (id: string) => {
    let c = counts.get(id);
    if (!c) counts.set(id, (c = { honoured: 0, broken: 0 }));
    return c;
  };
  for (const t of state.turns) {
    const took = new Set(replyOf(scenario, t).principles.map((p) => p.id));
    for (const id of took) {
      const p = catalog.get(id);
      if (!p) continue;
      if (p.polarity === 'practice') count(id).honoured++;
      else count(id).broken++;
    }
    const model = modelChoice(play, t);
    if ((model !== t.choice || !!t.said) && turnScore(play, asChoice(t, model)) > turnScore(play, t)) {
      for (const id of new Set(replyOf(scenario, { node: t.node, choice: model }).principles.map((p) => p.id))) {
        if (!took.has(id) && catalog.get(id)?.polarity === 'practice') count(id).broken++;
      }
    }
    const avoided = new Set<string>();
    for (const alt of alternatives(scenario, t)) {
      for (const tag of alt.principles) if (!took.has(tag.id) && catalog.get(tag.id)?.polarity === 'violation') avoided.add(tag.id);
    }
    for (const id of avoided) count(id).honoured++;
  }
  return [...counts].map(([id, c]) => ({
    id,
    polarity: catalog.get(id)!.polarity,
    ...c,
    score: Math.round((100 * c.honoured) / (c.honoured + c.broken)),
    status: c.broken ? 'failed' : 'passed',
  }));
}

/** The reply id the best reply on offer at a turn had (the file's id, else c<index>; "timeout"). */
export function modelReplyId(play: Play, state: SessionState, turn: number): string | null {
  const t = state.turns[turn];
  if (!t) return null;
  const m = modelChoice(play, t);
  if (m < 0) return 'timeout';
  const c = play.scenario.nodes[t.node]!.choices[m];
  return c ? (c.id ?? `c${c.index}`) : null;
}
