/**
 * What one play did to each principle, kept with the play in the saved progress so that a
 * later edit of the scenario does not rewrite the trainee's history.
 *
 * At every turn:
 *   - a practice is honoured when the reply carries it out, and broken (missed) when the best
 *     reply on offer carried it out and the reply taken, scoring lower, did not;
 *   - a violation is broken (committed, with its severity) when the reply commits it, and
 *     honoured (avoided) when a reply on offer, or letting the time run out, would have
 *     committed it and the reply taken did not.
 * The category scores are the debrief's (the facet against the best reply, where at stake).
 */
import type { Catalog } from '../catalog/catalog.js';
import { severityOf } from '../catalog/severity.js';
import type { CategoryId, SeverityLevel } from '../catalog/schema.js';
import type { Scenario } from '../scenario/model.js';
import { alternatives, asChoice, debrief, replyOf, turnScore } from '../scoring/debrief.js';
import type { Play, SessionState } from '../session/session.js';
import { replayPath } from './replay.js';

export interface PrincipleCount {
  /** Turns it was practised (a practice) or avoided while on offer (a violation). */
  honoured: number;
  /** Turns it was missed (a practice) or committed (a violation). */
  broken: number;
  /** A violation that was committed: its severity when it was. */
  severity?: SeverityLevel;
}

export interface AttemptTally {
  principles: Record<string, PrincipleCount>;
  /** The debrief's score per category (0–100), only for the categories at stake in the play. */
  categories: Partial<Record<CategoryId, number>>;
}

/** What the progress page reads of a saved play. */
export interface AttemptInput {
  scenario: string;
  overall: number;
  path: readonly number[];
  seed: number;
  tally?: AttemptTally;
}

/** The scenarios and the catalog (the game's Library has this shape). */
export interface ProgressLibrary {
  readonly catalog: Catalog;
  all(): Scenario[];
  find(id: string): Scenario | undefined;
}

/** The tally of a finished session. */
export function tallyRun(play: Play, state: SessionState): AttemptTally {
  const { scenario, catalog } = play;
  const d = debrief(play, state);
  const principles: Record<string, PrincipleCount> = {};
  const count = (id: string) => (principles[id] ??= { honoured: 0, broken: 0 });
  state.turns.forEach((t, i) => {
    const taken = replyOf(scenario, t);
    const took = new Set(taken.principles.map((p) => p.id));
    for (const id of took) {
      const p = catalog.get(id);
      if (!p) continue;
      const c = count(id);
      if (p.polarity === 'practice') c.honoured++;
      else {
        c.broken++;
        c.severity = severityOf(p);
      }
    }
    const model = d.turns[i]!.model;
    if ((model !== t.choice || (!!t.said && !t.said.verbatim)) && turnScore(play, asChoice(t, model)) > turnScore(play, t)) {
      for (const id of new Set(replyOf(scenario, { node: t.node, choice: model }).principles.map((p) => p.id))) {
        if (!took.has(id) && catalog.get(id)?.polarity === 'practice') count(id).broken++;
      }
    }
    const avoided = new Set<string>();
    for (const alt of alternatives(scenario, t)) {
      for (const tag of alt.principles) if (!took.has(tag.id) && catalog.get(tag.id)?.polarity === 'violation') avoided.add(tag.id);
    }
    for (const id of avoided) count(id).honoured++;
  });
  const categories: AttemptTally['categories'] = {};
  for (const [c, v] of Object.entries(d.categories) as [CategoryId, number | null][]) if (v !== null) categories[c] = v;
  return { principles, categories };
}

/** A saved play's tally, by replaying its path through today's file; null when the scenario is gone or the path no longer fits. */
export function tallyAttempt(lib: ProgressLibrary, a: Pick<AttemptInput, 'scenario' | 'path' | 'seed'>): AttemptTally | null {
  const scenario = lib.find(a.scenario);
  if (!scenario) return null;
  const play = { scenario, catalog: lib.catalog };
  const state = replayPath(play, a.seed, a.path);
  if (!state) return null;
  try {
    return tallyRun(play, state);
  } catch {
    return null;
  }
}
