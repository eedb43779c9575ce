import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeIdsIn } from '../../src/studio/nodeIds.js';

describe('the studio completes node ids from the text being edited', () => {
  it('finds every node and ending of a library file (written as a list of `- id:`)', () => {
    const text = readFileSync(join(import.meta.dirname, '../../scenarios/library/door-bump.yaml'), 'utf8');
    const ids = nodeIdsIn(text);
    expect(ids).toContain('bump');
    expect(ids).toContain('end-won-back');
    expect(ids.length).toBe(11 + 7);
  });

  it('reads a half-written file and ids written as keys', () => {
    expect(nodeIdsIn('nodes:\n  - id: "a"\n    line: x\n  b:\n    line: y\nendings:\n  - id: c\n  - id:')).toEqual(['a', 'b', 'c']);
  });
});
