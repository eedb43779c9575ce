/**
 * The session actor: a scenario played against its customer machine. It is fed
 * `trainee.choose`, `trainee.say` (a typed reply with the judge's reading), `trainee.timeout` and `clock.tick`; for a given seed and the same
 * events it always does the same thing, and its snapshot is plain JSON, so a saved game
 * or a classroom server can persist it (`actor.getPersistedSnapshot()`) and resume it
 * (`createActor(machine, { snapshot })`).
 */
import { assertEvent, assign, setup } from 'xstate';
import { choose, offeredChoices, say, startSession, tick, timeOut, type JudgedText, type Play, type SessionState } from './session.js';

export type SessionEvent =
  | { type: 'trainee.choose'; index: number }
  | { type: 'trainee.say'; judged: JudgedText }
  | { type: 'trainee.timeout' }
  | { type: 'clock.tick'; ms: number };

export interface SessionInput {
  seed?: number;
}

/**
 * The next context as a whole: XState's assign merges what it is given into the context, so a key the
 * pure step leaves out (askedAgain, cleared on a new decision) must be named to be cleared.
 */
const whole = (next: SessionState): SessionState => ({ askedAgain: undefined, ...next });

export function createSessionMachine(play: Play) {
  return setup({
    types: {
      context: {} as SessionState,
      events: {} as SessionEvent,
      input: {} as SessionInput,
    },
    guards: {
      isJudged: ({ event }) => {
        assertEvent(event, 'trainee.say');
        const j = event.judged as Partial<JudgedText> | undefined;
        return !!j && typeof j.text === 'string' && Array.isArray(j.principles);
      },
      isOffered: ({ context, event }) => {
        assertEvent(event, 'trainee.choose');
        return Number.isInteger(event.index) && event.index >= 0 && event.index < offeredChoices(play, context).length;
      },
      hasTimeout: ({ context }) => !!play.scenario.nodes[context.node]?.onTimeout,
      isOver: ({ context }) => !!context.ending,
    },
    actions: {
      choose: assign(({ context, event }) => {
        assertEvent(event, 'trainee.choose');
        return whole(choose(play, context, event.index));
      }),
      say: assign(({ context, event }) => {
        assertEvent(event, 'trainee.say');
        return whole(say(play, context, event.judged));
      }),
      timeOut: assign(({ context }) => whole(timeOut(play, context))),
      tick: assign(({ context, event }) => {
        assertEvent(event, 'clock.tick');
        return whole(tick(play, context, Number.isFinite(event.ms) ? event.ms : 0));
      }),
    },
  }).createMachine({
    id: 'session',
    context: ({ input }) => startSession(play, input.seed ?? 1),
    initial: 'playing',
    states: {
      playing: {
        always: { guard: 'isOver', target: 'ended' },
        on: {
          'trainee.choose': { guard: 'isOffered', actions: 'choose', target: 'playing', reenter: true },
          'trainee.say': { guard: 'isJudged', actions: 'say', target: 'playing', reenter: true },
          'trainee.timeout': { guard: 'hasTimeout', actions: 'timeOut', target: 'playing', reenter: true },
          'clock.tick': { actions: 'tick', target: 'playing', reenter: true },
        },
      },
      ended: { type: 'final' },
    },
  });
}

export type SessionMachine = ReturnType<typeof createSessionMachine>;
