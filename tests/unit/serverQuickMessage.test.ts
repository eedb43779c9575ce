/** The trainee messages checked without their schema (quickMessage): whatever passes there passes the schema unchanged. */
import { describe, expect, test } from 'vitest';
import { Messages, quickMessage, type MessageName } from '../../src/server/protocol.js';
import { nextRandom } from '../../src/engine/rng.js';

const TOKEN = 'abcdefghijklmnopqrstuvwx';
const good: Record<string, Record<string, unknown>> = {
  'trainee.vote': { code: 'ABCDE', token: TOKEN, turn: 3, choice: 2, seq: 1_733_000_000_000 },
  'trainee.choose': { code: 'ABCDE', token: TOKEN, turn: 0, choice: 0, seq: 0 },
  'trainee.attach': { code: 'ABCDE', token: TOKEN },
};

/** Values that sit on or just past the schemas' edges, and of the wrong kinds. */
const odd: unknown[] = [
  undefined, null, true, 0, -1, 1.5, 64, 65, 10_000, 10_001, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, NaN, Infinity, -0,
  '', 'A', 'ABCDEFGHIJKLMNOP', 'ABCDEFGHIJKLMNOPQ', TOKEN, TOKEN.slice(0, 15), 'x'.repeat(64), 'x'.repeat(65), `${TOKEN}!`, `${TOKEN}\n`, '7', [], {}, [1],
];

describe('quickMessage', () => {
  test('takes the common well-formed messages as they are, and leaves every other message to the schema', () => {
    for (const [name, msg] of Object.entries(good)) {
      expect(quickMessage(name, msg)).toBe(msg);
      expect(Messages[name as MessageName].safeParse(msg).success).toBe(true);
    }
    expect(quickMessage('trainee.join', { code: 'ABCDE', nickname: 'Ann' })).toBeUndefined();
    expect(quickMessage('host.act', { code: 'ABCDE', hostToken: TOKEN, action: { type: 'start' } })).toBeUndefined();
  });

  test('never passes what the schema refuses, nor differs from what the schema makes of it (thousands of mangled messages)', () => {
    let state = 7;
    const rnd = (n: number) => {
      const r = nextRandom(state);
      state = r.state;
      return Math.floor(r.value * n);
    };
    let passed = 0;
    for (let i = 0; i < 20_000; i++) {
      const name = Object.keys(good)[rnd(3)]!;
      const msg: Record<string, unknown> = { ...good[name]! };
      for (let k = rnd(3); k > 0; k--) {
        const keys = [...Object.keys(msg), 'extra', 'key', '__proto__'];
        const key = keys[rnd(keys.length)]!;
        if (rnd(4) === 0) delete msg[key];
        else Object.defineProperty(msg, key, { value: odd[rnd(odd.length)], enumerable: true, configurable: true, writable: true });
      }
      const quick = quickMessage(name, msg);
      const schema = Messages[name as MessageName].safeParse(msg);
      if (quick) {
        passed++;
        expect(schema.success, JSON.stringify(msg)).toBe(true);
        expect(schema.data).toEqual(quick);
      }
    }
    expect(passed).toBeGreaterThan(1000);
    // Not a plain object: left to the schema.
    expect(quickMessage('trainee.vote', [1, 2])).toBeUndefined();
    expect(quickMessage('trainee.vote', Object.assign(Object.create({ code: 'ABCDE' }), { token: TOKEN }))).toBeUndefined();
    expect(quickMessage('trainee.vote', 'vote')).toBeUndefined();
  });
});
