import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/engine/scenario/jsonSchema.js';
import { libraryFiles, ROOT } from './helpers.js';

describe('editor schema', () => {
  it('the checked-in JSON Schema is current (run `npm run schema` after changing the zod schema)', () => {
    const onDisk = JSON.parse(readFileSync(join(ROOT, 'scenarios/scenario.schema.json'), 'utf8'));
    expect(onDisk).toEqual(scenarioJsonSchema());
    expect(onDisk.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('every bundled scenario starts with the yaml-language-server modeline', () => {
    for (const f of libraryFiles()) {
      expect(readFileSync(join(ROOT, f), 'utf8').split('\n')[0], f).toBe('# yaml-language-server: $schema=../scenario.schema.json');
    }
  });
});
