/**
 * The one skeleton every customer type shares, built from what each type's file declares:
 * its profile, its reaction rules, what a turn and a silence do by themselves, its guards
 * over the meters, the order they are judged in, and how each state hears a move. The
 * machine re-judges its state after every reply; scoring asks the same definition how much
 * a move is worth in the state the customer is in, so the score and the customer agree.
 */
import { assertEvent, assign, setup } from 'xstate';
import {
  applyDelta,
  initialMeters,
  react,
  type CustomerContext,
  type CustomerEvent,
  type CustomerInput,
  type CustomerProfile,
  type Meters,
  type MeterShift,
  type ReactionRule,
  type ReplyTag,
} from './reaction.js';

/** How a customer in one state hears a move, and where the seeds (or the design) say so. */
export interface Hearing {
  /** How much the move counts now: a factor on its reaction, and on its score. */
  worth?: (tag: ReplyTag) => number;
  /** How a rule's movement is amplified in this state, without changing what the move is worth. */
  flow?: (rule: ReactionRule) => number;
  source: string;
}

export interface CustomerDefinition<G extends string, S extends string, F extends string> {
  profile: CustomerProfile;
  rules: readonly ReactionRule[];
  /** What every reply costs or brings, whatever it says. */
  turn: MeterShift;
  /** What an unanswered silence does, besides the turn (unless the scenario gives effects). */
  silence: MeterShift;
  guards: Record<G, (m: Meters) => boolean>;
  /** Judged in order after every event: the first guard that holds picks the state; the last entry has no guard. */
  judge: readonly { guard?: G; target: NoInfer<S | F> }[];
  /** The state the customer breaks off in (the scenario's breakdown ending follows). */
  final: F;
  /** Every other state, and how it hears a move (null: at face value). */
  hearing: Record<S, Hearing | null>;
}

export interface Customer<S extends string = string> {
  profile: CustomerProfile;
  rules: readonly ReactionRule[];
  turn: MeterShift;
  silence: MeterShift;
  machine: ReturnType<typeof build>;
  /** The state the machine would judge these meters to be in. */
  stateOf(meters: Meters): S;
  /** How much a move counts with this customer now (1 = at face value). */
  worth(tag: ReplyTag, meters: Meters): number;
  /** The same, for many tags at one moment: the state is judged once. */
  worthAt(meters: Meters): (tag: ReplyTag) => number;
  /** The seed line (or design note) behind each state's hearing. */
  hearingSource(state: string): string | undefined;
}

function build<G extends string, S extends string, F extends string>(def: CustomerDefinition<G, S, F>) {
  const specs = def.profile.meters;
  const guards = Object.fromEntries(
    Object.entries(def.guards).map(([name, g]) => [name, ({ context }: { context: CustomerContext }) => (g as (m: Meters) => boolean)(context.meters)]),
  ) as Record<G, ({ context }: { context: CustomerContext }) => boolean>;
  const listening = { target: 'judging', actions: 'hear' } as const;
  const states: Record<string, object> = {
    judging: { always: def.judge.map((j) => (j.guard ? { guard: j.guard, target: j.target } : { target: j.target })) },
    [def.final]: { type: 'final' },
  };
  for (const s of Object.keys(def.hearing)) states[s] = { on: { 'trainee.reply': listening, 'trainee.silent': listening } };
  return setup({
    types: {
      context: {} as CustomerContext,
      events: {} as CustomerEvent,
      input: {} as CustomerInput,
    },
    actions: {
      hear: assign(({ context, event }) => {
        assertEvent(event, ['trainee.reply', 'trainee.silent']);
        const state = stateOf(def, context.meters);
        const hearing = (def.hearing as Record<string, Hearing | null>)[state] ?? null;
        const { delta, fired } = event.effects
          ? { delta: event.effects, fired: ['scenario effects'] }
          : react(def.rules, event.tags, hearing?.worth, hearing?.flow);
        const silent = event.type === 'trainee.silent' && !event.effects;
        const shift = silent ? combine(def.turn, def.silence) : def.turn;
        const { meters, change } = applyDelta(specs, context.meters, delta, shift);
        return { meters, lastDelta: change, lastRules: fired, turns: context.turns + 1 };
      }),
    },
    guards,
  }).createMachine({
    id: def.profile.type,
    context: ({ input }) => ({
      meters: initialMeters(specs, input?.start),
      lastDelta: {},
      lastRules: [],
      turns: 0,
    }),
    initial: 'judging',
    states,
  });
}

function stateOf<G extends string, S extends string, F extends string>(def: CustomerDefinition<G, S, F>, m: Meters): S | F {
  for (const j of def.judge) if (!j.guard || def.guards[j.guard](m)) return j.target;
  return def.judge[def.judge.length - 1]!.target;
}

/** A silence is the turn and the silence together; only the silence's own floors hold (a silence is a way of treating someone). */
function combine(a: MeterShift, b: MeterShift): MeterShift {
  const delta: Meters = { ...a.delta };
  for (const [k, v] of Object.entries(b.delta)) delta[k] = (delta[k] ?? 0) + v;
  return { delta, ...(b.floor ? { floor: b.floor } : {}), source: `${a.source}; ${b.source}` };
}

export function defineCustomer<G extends string, S extends string, F extends string>(def: CustomerDefinition<G, S, F>): Customer<S | F> {
  const hearing = def.hearing as Record<string, Hearing | null>;
  return {
    profile: def.profile,
    rules: def.rules,
    turn: def.turn,
    silence: def.silence,
    machine: build(def),
    stateOf: (m) => stateOf(def, m),
    worth: (tag, m) => hearing[stateOf(def, m)]?.worth?.(tag) ?? 1,
    worthAt: (m) => hearing[stateOf(def, m)]?.worth ?? (() => 1),
    hearingSource: (s) => hearing[s]?.source,
  };
}
