/** Golden transcripts: every checked-in transcript replays to exactly its expected record. */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listGoldens, readGolden, replay } from '../../src/cli/golden.js';
import { catalog, libraryFiles } from './helpers.js';

const cat = catalog();
const goldens = listGoldens();

describe('golden transcripts', () => {
  it('exist for the best and the worst path of every bundled scenario', () => {
    for (const file of libraryFiles()) {
      const names = goldens.filter((f) => readGolden(f).scenario === file).map((f) => basename(f, '.json'));
      expect(names, file).toEqual(expect.arrayContaining(['best', 'worst']));
    }
  });

  it.each(goldens)('%s replays to its expected transcript and debrief', (file) => {
    const g = readGolden(file);
    const r = replay(g, cat);
    if (!r.ok) throw new Error(r.error);
    expect(r.actual).toEqual(g.expected);
  });
});
