/** `dojo schema`: print the scenario JSON Schema (draft-07) for editors. */
import { scenarioJsonSchema } from '../../engine/scenario/jsonSchema.js';
import { parseArgs } from '../args.js';
import type { Output } from '../main.js';

export function schemaCommand(argv: string[], io: Output): number {
  parseArgs(argv, {});
  io.out(JSON.stringify(scenarioJsonSchema(), null, 2));
  return 0;
}
