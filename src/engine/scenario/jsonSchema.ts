/** The editor schema (JSON Schema draft-07), generated from the one zod schema. */
import { z } from '../zod.js';
import { ScenarioSchema } from './schema.js';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, { target: 'draft-07', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://complaint-dojo.invalid/scenario.schema.json', title: 'Complaint Dojo scenario' };
}
