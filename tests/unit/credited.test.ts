import { describe, expect, it } from 'vitest';
import { creditedApart } from '../../src/engine/scoring/credited.js';

describe('creditedApart', () => {
  it('tells what the words showed from what the reply they were read as credits', () => {
    expect(creditedApart(['a', 'b', 'c'], [{ id: 'b' }, { id: 'x' }])).toEqual({ wrote: ['b'], credited: ['a', 'c'] });
  });
  it('a picked turn wrote everything it honoured', () => {
    expect(creditedApart(['a', 'b'], undefined)).toEqual({ wrote: ['a', 'b'], credited: [] });
  });
});
