import { describe, expect, it } from 'vitest';
import { creditedApart, creditedLineOf } from '../../src/engine/scoring/credited.js';

describe('creditedApart', () => {
  it('tells what the words showed from what the reply they were read as credits', () => {
    expect(creditedApart(['a', 'b', 'c'], [{ id: 'b' }, { id: 'x' }])).toEqual({ wrote: ['b'], credited: ['a', 'c'] });
  });
  it('a picked turn wrote everything it honoured', () => {
    expect(creditedApart(['a', 'b'], undefined)).toEqual({ wrote: ['a', 'b'], credited: [] });
  });
});

describe('creditedLineOf', () => {
  it('says "in part" with the share when the typed words were not close enough for full credit', () => {
    expect(creditedLineOf('A', 1)).toEqual({ key: 'play.credited', vars: { names: 'A', share: 100 } });
    expect(creditedLineOf('A', 0.43)).toEqual({ key: 'play.creditedPart', vars: { names: 'A', share: 43 } });
  });
});
