import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SessionController } from '../../src/game/sessionController.js';
import { modelReplyText } from '../../src/game/play/modelReply.js';
import { catalog, loadFile, ROOT } from './helpers.js';

const words = (locale: string) => (JSON.parse(readFileSync(join(ROOT, `locales/${locale}/translation.json`), 'utf8')) as { play: Record<string, string> }).play;

/** Turns of quiet-passenger where a weaker reply's better move was to say nothing (walks a few turns deep). */
function waitTurns(): { picks: number[]; node: string }[] {
  const cat = catalog();
  const scenario = loadFile('scenarios/library/quiet-passenger.yaml', cat);
  const found: { picks: number[]; node: string }[] = [];
  const walk = (picks: number[], depth: number) => {
    const s = SessionController.replay(scenario, cat, 7, picks)!;
    const offered = s.ended ? [] : s.offered().map((o) => o.index);
    s.stop();
    for (const p of offered) {
      const next = SessionController.replay(scenario, cat, 7, [...picks, p])!;
      const last = next.lastTurn()!;
      if (last.better?.choice === -1) found.push({ picks: [...picks, p], node: last.turn.node });
      next.stop();
      if (depth > 1) walk([...picks, p], depth - 1);
    }
  };
  walk([], 3);
  return found;
}

describe('the model reply when the better move is to wait', () => {
  const cat = catalog();
  const scenario = loadFile('scenarios/library/quiet-passenger.yaml', cat);
  const turns = waitTurns();

  it('quiet-passenger has turns where waiting is the better move', () => {
    expect(turns.length).toBeGreaterThan(0);
  });

  for (const [locale, want] of [['en', 'Wait quietly and let the time run out.'], ['zh-CN', '静静等待,让时间过去。']] as const) {
    it(`${locale}: says to wait quietly, not "(no reply)"`, () => {
      const play = words(locale);
      expect(play.waitQuietly).toBe(want);
      for (const t of turns) {
        const text = modelReplyText(scenario.nodes[t.node]!, -1, locale, play.waitQuietly!, true);
        expect(text).toBe(want);
        expect(text).not.toBe(play.noReply);
      }
    });
  }

  it('a spoken model reply is its words, quoted on request', () => {
    const node = scenario.nodes[turns[0]!.node]!;
    expect(modelReplyText(node, 0, 'en', 'wait')).toBe(node.choices[0]!.text.en);
    expect(modelReplyText(node, 0, 'zh-CN', 'wait', true)).toBe(`“${node.choices[0]!.text['zh-CN']}”`);
  });
});
