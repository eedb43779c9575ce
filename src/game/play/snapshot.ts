/** What the play screen tells window.dojo (tests and tools read it): the phase, the node, the customer, the score. */
import type { DojoSnapshot } from '../services.js';
import type { SessionController } from '../sessionController.js';

export function playSnapshot(live: SessionController, scored: SessionController, o: { phase: NonNullable<DojoSnapshot['phase']>; practice: boolean; choices: string[]; expression: string; ownWords: DojoSnapshot['ownWords'] }): Partial<DojoSnapshot> {
  const { scenario } = live.play;
  const { state } = live;
  return {
    phase: o.phase,
    practice: o.practice,
    ownWords: o.ownWords,
    scenario: scenario.id,
    node: state.ending ?? state.node,
    choices: o.choices,
    customer: {
      type: scenario.customer.type,
      character: scenario.customer.look.character,
      channel: scenario.customer.look.channel,
      state: state.customer.value,
      expression: o.expression,
      meters: { ...state.customer.context.meters },
    },
    // The score is always the live session's: practice never counts.
    score: scored.running(),
    outcome: state.ending ? scenario.endings[state.ending]!.outcome : null,
  };
}
