/**
 * Model-based tests with xstate/graph: walk the session actor of every bundled scenario
 * (and the fixture) through every distinct state, and check that every node and ending is
 * reachable and that no state short of an ending is a dead end.
 */
import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { createSessionMachine, type SessionEvent } from '../../src/engine/session/machine.js';
import { offeredChoices, type SessionState } from '../../src/engine/session/session.js';
import { libraryFiles, playOf } from './helpers.js';

const files = ['tests/fixtures/mini-angry.yaml', ...libraryFiles()];

describe.each(files)('%s', (file) => {
  const play = playOf(file);
  const machine = createSessionMachine(play);
  const eventsFor = (ctx: SessionState): SessionEvent[] => [
    ...offeredChoices(play, ctx).map((_, index) => ({ type: 'trainee.choose' as const, index })),
    ...(play.scenario.nodes[ctx.node]?.onTimeout && !ctx.ending ? [{ type: 'trainee.timeout' as const }] : []),
  ];
  const paths = getShortestPaths(machine, {
    input: { seed: 1 },
    events: (snapshot) => eventsFor(snapshot.context),
    serializeState: (snapshot) => {
      const c = snapshot.context;
      return `${c.node}|${c.customer.value}|${Object.values(c.customer.context.meters).join(',')}|${c.chose.join(',')}|${c.ending ?? ''}`;
    },
  });

  it('reaches every node and every ending', () => {
    const reached = new Set(paths.map((p) => p.state.context.node));
    const all = [...Object.keys(play.scenario.nodes), ...Object.keys(play.scenario.endings)];
    expect(all.filter((id) => !reached.has(id))).toEqual([]);
  });

  it('has no dead end: every state short of an ending offers a reply', () => {
    const dead = paths
      .map((p) => p.state)
      .filter((s) => s.status !== 'done' && eventsFor(s.context).length === 0)
      .map((s) => s.context.node);
    expect(dead).toEqual([]);
  });

  it('ends a walk by breakdown only in the breakdown ending, and otherwise where a reply led', () => {
    const done = paths.map((p) => p.state).filter((s) => s.status === 'done');
    expect(done.length).toBeGreaterThan(0);
    for (const s of done) {
      const c = s.context;
      if (c.endedBy === 'breakdown') expect(c.ending).toBe(play.scenario.breakdown);
      else expect(c.customer.done).toBe(false);
    }
  });
});
