/** Try this turn again: the practice session is the moment before the last reply, exactly. */
import { describe, expect, it } from 'vitest';
import { SessionController } from '../../src/game/sessionController.js';
import { catalog, libraryFiles, loadFile } from './helpers.js';

describe('SessionController.rewound', () => {
  const cat = catalog();
  for (const file of libraryFiles()) {
    it(`reaches the state before every turn of seeded walks (with time-outs) through ${file}`, () => {
      const scenario = loadFile(file, cat);
      for (const seed of [1, 7, 23]) {
        const live = new SessionController(scenario, cat, seed);
        expect(live.rewound()).toBeNull();
        const before: string[] = [];
        let pickState = seed;
        while (!live.ended) {
          before.push(JSON.stringify(live.state));
          const node = scenario.nodes[live.state.node]!;
          const n = live.offered().length;
          pickState = (pickState * 1103515245 + 12345) % 2147483648;
          const r = pickState % (n + (node.onTimeout ? 1 : 0));
          if (r === n) live.tick((node.timeLimit ?? 0) * 1000);
          else live.choose(r);
          const practice = live.rewound();
          expect(practice, `${file} seed ${seed} turn ${before.length}`).not.toBeNull();
          expect(JSON.stringify(practice!.state)).toBe(before.at(-1));
          // The practice runs on its own: a reply there leaves the live session as it was.
          const after = JSON.stringify(live.state);
          practice!.choose(0);
          expect(JSON.stringify(live.state)).toBe(after);
          practice!.stop();
        }
        live.stop();
      }
    });
  }
});

describe('SessionController.replay', () => {
  const cat = catalog();
  it('rebuilds every library game from its seed and picks; refuses picks that do not fit', () => {
    for (const file of libraryFiles()) {
      const scenario = loadFile(file, cat);
      for (const seed of [2, 11]) {
        const live = new SessionController(scenario, cat, seed);
        let r = seed;
        while (!live.ended) {
          const node = scenario.nodes[live.state.node]!;
          const n = live.offered().length;
          r = (r * 1103515245 + 12345) % 2147483648;
          const k = r % (n + (node.onTimeout ? 1 : 0));
          if (k === n) live.tick((node.timeLimit ?? 0) * 1000);
          else live.choose(k);
          const picks = live.state.turns.map((t) => t.choice);
          const again = SessionController.replay(scenario, cat, seed, picks);
          expect(again, `${file} ${picks.join(',')}`).not.toBeNull();
          expect(JSON.stringify(again!.state)).toBe(JSON.stringify(live.state));
          again!.stop();
        }
        live.stop();
      }
      expect(SessionController.replay(scenario, cat, 1, [99])).toBeNull();
    }
  });
});
