/**
 * Reading-free strategies: ways of picking a reply that look only at its surface (how long
 * it is, how many courtesy words it has, or nothing at all), never at what it says. A
 * scenario that lets any of them do well can be won without understanding the principles.
 * Each plays through the session's pure functions and is scored by the debrief; a strategy
 * always answers (it never lets a time limit run out unless nothing is offered).
 */
import type { RoutePick } from '../scoring/paths.js';
import { debrief, type Grade } from '../scoring/debrief.js';
import { nextRandom, seedState } from '../rng.js';
import type { Choice } from '../scenario/model.js';
import type { Outcome } from '../scenario/schema.js';
import { choose, currentNode, offeredChoices, SessionError, startSession, timeOut, type Play } from '../session/session.js';
import { pick, type Locale, type LocalizedText } from '../text.js';
import { courtesyCount } from './courtesy.js';

/** The strategies that are the same on every run: the ones lint holds a scenario to. */
export const READING_FREE = ['longest', 'shortest', 'courteous'] as const;
export const STRATEGIES = [...READING_FREE, 'random'] as const;
export type StrategyName = (typeof STRATEGIES)[number];

/** A play that never reaches an ending is stopped after this many turns. */
export const TURN_CAP = 60;

/** A reply's text in `locale` (falling back to the other language, as the game does). */
export const replyText = (text: LocalizedText, locale: Locale): string => pick(text, locale);

/** Length as the trainee sees it: characters (code points), without surrounding blanks. */
export const textLength = (text: string): number => Array.from(text.trim()).length;

/** The index (into `xs`) of the highest `score`; the first one on ties. */
function argmax<T>(xs: readonly T[], score: (x: T) => number): number {
  let at = 0;
  for (let i = 1; i < xs.length; i++) if (score(xs[i]!) > score(xs[at]!)) at = i;
  return at;
}

interface Picked {
  n: number;
  rng: number;
}

type Picker = (offered: readonly Choice[], locale: Locale, rng: number) => Picked;

const PICKERS: Record<StrategyName, Picker> = {
  longest: (offered, locale, rng) => ({ n: argmax(offered, (c) => textLength(replyText(c.text, locale))), rng }),
  shortest: (offered, locale, rng) => ({ n: argmax(offered, (c) => -textLength(replyText(c.text, locale))), rng }),
  courteous: (offered, locale, rng) => ({ n: argmax(offered, (c) => courtesyCount(replyText(c.text, locale), locale)), rng }),
  random: (offered, _locale, rng) => {
    const r = nextRandom(rng);
    return { n: Math.min(offered.length - 1, Math.floor(r.value * offered.length)), rng: r.state };
  },
};

/** Why a play stopped without an ending. */
export type Stopped = 'turn-cap' | 'stuck';

export interface StrategyRun {
  seed: number;
  /** On-screen numbers (1-based), or "t" where nothing was offered and the time ran out. */
  picks: RoutePick[];
  ending: string | null;
  outcome: Outcome | null;
  overall: number | null;
  grade: Grade | null;
  stopped?: Stopped;
  /** What stopped it, for a play that ended without an ending. */
  reason?: string;
}

/** The strategy's own random stream, apart from the session's (which picks line variants). */
const strategyRng = (seed: number) => (seedState(seed) ^ 0x5bd1e995) >>> 0;

/** Play the scenario once with a strategy, reading `locale`'s text. */
export function playStrategy(play: Play, strategy: StrategyName, locale: Locale, seed = 1, turnCap = TURN_CAP): StrategyRun {
  let state = startSession(play, seed);
  let rng = strategyRng(seed);
  const picks: RoutePick[] = [];
  const stop = (stopped: Stopped, reason: string): StrategyRun => ({ seed, picks, ending: null, outcome: null, overall: null, grade: null, stopped, reason });
  while (!state.ending) {
    if (picks.length >= turnCap) return stop('turn-cap', `no ending after ${turnCap} turns (at node "${state.node}")`);
    const offered = offeredChoices(play, state);
    try {
      if (!offered.length) {
        if (!currentNode(play, state)?.onTimeout) return stop('stuck', `node "${state.node}" offers no reply`);
        state = timeOut(play, state);
        picks.push('t');
        continue;
      }
      const p = PICKERS[strategy](offered, locale, rng);
      rng = p.rng;
      picks.push(p.n + 1);
      state = choose(play, state, p.n);
    } catch (e) {
      if (e instanceof SessionError) return stop('stuck', `node "${state.node}": ${e.message}`);
      throw e;
    }
  }
  const d = debrief(play, state);
  return { seed, picks, ending: d.ending, outcome: d.outcome, overall: d.overall, grade: d.grade };
}
