/**
 * Two lint checks that need to play the scenario rather than read it: a customer won back
 * although most of the trainee's replies broke a principle (the mistakes cost nothing), and a customer who breaks
 * off right after the model reply (the best thing to say ends the talk badly).
 */
import type { Severity } from '../problems.js';
import { mistakesOf } from '../scoring/debrief.js';
import { options, type PathsReport, type Route } from '../scoring/paths.js';
import { choose, startSession, timeOut, type Play, type SessionState } from '../session/session.js';
import type { Loc } from './model.js';

type At = (loc: Loc, severity: Severity, code: string, message: string, hint: string) => void;

/** The fewest replies that break a principle for a won-back route to be suspect (with most replies bad). */
export const FORGIVEN_MISTAKES = 2;

/** The states a route passes through, replayed from the start. */
export function replayRoute(play: Play, route: Pick<Route, 'picks'>): SessionState {
  let state = startSession(play, 1);
  for (const pick of route.picks) {
    if (state.ending) break;
    state = pick === 't' ? timeOut(play, state) : choose(play, state, pick - 1);
  }
  return state;
}

/**
 * A won-back ending whose worst route breaks a principle in most of its replies (and in at least
 * FORGIVEN_MISTAKES). A resolved ending after many mistakes is fair (the fault was fixed, the customer not won).
 */
export function forgivingEndings(play: Play, report: PathsReport, at: At): void {
  const { scenario, catalog } = play;
  for (const e of report.endings) {
    if (e.outcome !== 'won-back' || !e.worst) continue;
    const end = replayRoute(play, e.worst);
    const bad = end.turns.filter((t) => {
      const node = scenario.nodes[t.node]!;
      const reply = t.choice < 0 ? node.onTimeout : node.choices[t.choice];
      return reply && mistakesOf(catalog, reply).length > 0;
    }).length;
    if (bad >= FORGIVEN_MISTAKES && bad * 2 > end.turns.length) {
      at(
        scenario.endings[e.id]!.loc,
        'warning',
        'forgiving-ending',
        `ending "${e.id}" (${e.outcome}) can be reached although ${bad} of its ${end.turns.length} replies break a principle (via ${e.worst.picks.join(',')}): the mistakes cost the trainee nothing`,
        'let a route with several mistakes lead to a worse ending, e.g. next: [{ when: { trust: { min: 50 } }, to: the-good-ending }, { to: a-worse-ending }]',
      );
    }
  }
}

const stateKey = (s: SessionState) => `${s.node}|${s.customer.value}|${JSON.stringify(s.customer.context.meters)}|${s.chose.join(',')}|${s.visited.length}`;

/** Replies that score best where they are offered, yet after which the customer breaks off at once. */
export function breakOffAfterModel(play: Play, at: At, budget = 4_000): void {
  const { scenario } = play;
  const seen = new Set<string>();
  const warned = new Set<string>();
  let queue = [startSession(play, 1)];
  while (queue.length && seen.size < budget) {
    const next: SessionState[] = [];
    for (const state of queue) {
      if (state.ending || seen.has(stateKey(state))) continue;
      seen.add(stateKey(state));
      const opts = options(play, state);
      if (!opts.length) continue;
      const model = opts.reduce((a, b) => (b.score > a.score ? b : a));
      if (model.next.endedBy === 'breakdown') {
        const node = scenario.nodes[state.node]!;
        const index = model.next.turns.at(-1)?.choice ?? -1;
        const reply = index < 0 ? node.onTimeout : node.choices[index];
        const key = `${state.node}:${model.pick}`;
        if (reply && !warned.has(key)) {
          warned.add(key);
          const label = model.pick === 't' ? 'letting the time run out' : `reply ${model.pick}`;
          at(
            reply.loc,
            'warning',
            'breaks-off-after-best',
            `in "${state.node}", ${label} scores best, yet the customer breaks off right after it (ending "${model.next.ending}")`,
            'soften the effects of the model reply, or move the customer further from their limit earlier on',
          );
        }
      }
      for (const o of opts) next.push(o.next);
    }
    queue = next;
  }
}
