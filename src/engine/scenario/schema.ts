/**
 * The scenario file format. This zod schema is the single source: the TypeScript
 * types below, the loader's validation, and the JSON Schema for editors
 * (scenarios/scenario.schema.json, made by `npm run schema`) all come from it.
 */
import { z } from '../zod.js';
import { AGE_BANDS, CHANNELS, CUSTOMER_TYPES, EXPRESSIONS, GENDERS, OUTCOMES, ROLES, SETTINGS } from '../vocabulary.js';
import { CHARACTERS, DEFAULT_LOOKS } from './look.js';
import { closestWord } from '../words.js';

export { AGE_BANDS, CHANNELS, CUSTOMER_TYPES, EXPRESSIONS, GENDERS, OUTCOMES, ROLES, SETTINGS };

const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids use lowercase letters, digits and hyphens (e.g. "calm-down")')
  .describe('An id: lowercase letters, digits and hyphens.');

/** Text in zh-CN, en or both. A plain string is taken as Chinese if it holds Chinese characters, else English. */
export const TextSchema = z
  .union([
    z.string().min(1),
    z
      .strictObject({
        'zh-CN': z.string().min(1).optional().describe('简体中文'),
        en: z.string().min(1).optional().describe('English'),
      })
      .refine((t) => t['zh-CN'] !== undefined || t.en !== undefined, 'give the text in zh-CN, en, or both'),
  ])
  .describe('Text: a plain string, or { zh-CN: …, en: … }.');

/** One line, or several variants picked at random (seeded) so replays differ. */
export const LineSchema = z
  .union([TextSchema, z.array(TextSchema).min(1)])
  .describe('What is said. A list gives variants; one is picked by the session\u2019s seeded RNG.');

export const MeterRangeSchema = z
  .strictObject({
    min: z.number().min(0).max(100).optional().describe('inclusive lower bound'),
    max: z.number().min(0).max(100).optional().describe('inclusive upper bound'),
  })
  .describe('A range on one of the customer\u2019s meters (0–100).');

export const ConditionSchema = z
  .looseObject({
    chose: z.array(z.string()).optional().describe('Choices taken earlier, as "node-id.choice-id".'),
    notChose: z.array(z.string()).optional().describe('Choices not taken earlier, as "node-id.choice-id".'),
    visited: z.array(Id).optional().describe('Nodes visited earlier.'),
  })
  .catchall(MeterRangeSchema)
  .describe('All must hold. Meter names (e.g. anger, trust, patience) depend on the customer type.');

export const PrincipleTagSchema = z
  .union([
    Id,
    z.strictObject({
      id: Id,
      weight: z.number().min(0.25).max(3).default(1).describe('How strongly the choice practises or violates it (default 1).'),
    }),
  ])
  .describe('A principle id from the catalog, or { id, weight }.');

export const EffectsSchema = z
  .record(z.string(), z.number().min(-100).max(100))
  .describe('Explicit meter changes, e.g. { anger: -20, trust: 10 }. When given they replace the customer type\u2019s own reaction.');

export const NextSchema = z
  .union([
    Id,
    z
      .array(z.strictObject({ when: ConditionSchema.optional(), to: Id }))
      .min(1)
      .describe('Branches tried in order; the first whose condition holds is taken. The last must have no condition.'),
  ])
  .describe('The node or ending that follows.');

/** Why the customer's reaction and the score part ways on this reply, when they do on purpose. */
export const MoodExceptionSchema = TextSchema.describe(
  'Only where the customer deliberately reacts against the score (e.g. an over-promise calms them now and sets up the next complaint): say why. Without it, a reply the customer takes clearly worse than another on offer must not score higher (dojo lint checks it; the library test demands it).',
);

export const ChoiceSchema = z.strictObject({
  id: Id.optional().describe('Needed only when a condition refers to this choice.'),
  text: TextSchema.describe('What the trainee says.'),
  principles: z.array(PrincipleTagSchema).describe('Principles this reply practises or violates.'),
  feedback: TextSchema.describe('Coaching shown after the choice: why it helps or hurts, citing the principle.'),
  next: NextSchema,
  when: ConditionSchema.optional().describe('The choice is offered only when this holds.'),
  effects: EffectsSchema.optional(),
  moodException: MoodExceptionSchema.optional(),
});

export const TimeoutSchema = z
  .strictObject({
    principles: z.array(PrincipleTagSchema).default([]),
    feedback: TextSchema,
    next: NextSchema,
    effects: EffectsSchema.optional(),
    moodException: MoodExceptionSchema.optional(),
  })
  .describe('What happens when the time limit runs out with no reply. Tag it with what the silence means here (e.g. show-patience for a pause a quiet customer needs, no-answer for a question left hanging): an untagged time-out scores as the worst reply on offer.');

export const NodeSchema = z.strictObject({
  id: Id,
  line: LineSchema,
  expression: z.enum(EXPRESSIONS).optional().describe('Face to show; by default it follows the customer\u2019s state.'),
  note: TextSchema.optional().describe('Stage direction shown to the trainee, e.g. "(He slams the counter.)"'),
  timeLimit: z.number().int().min(3).max(600).optional().describe('Seconds the trainee has to reply.'),
  onTimeout: TimeoutSchema.optional(),
  choices: z.array(ChoiceSchema).min(1, 'a node needs at least one choice; a node without choices must be an ending').max(6),
});

export const EndingSchema = z.strictObject({
  id: Id,
  outcome: z.enum(OUTCOMES),
  line: LineSchema.optional().describe('The customer\u2019s last words (none for a silent exit).'),
  expression: z.enum(EXPRESSIONS).optional(),
  summary: TextSchema.describe('What happened, for the debrief.'),
});

/** One of a fixed list of words; a misspelt one is named with the word it is nearest to. */
const word = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, {
    error: (issue) => {
      const near = typeof issue.input === 'string' ? closestWord(issue.input, values) : undefined;
      const got = typeof issue.input === 'string' ? `"${issue.input}"` : String(issue.input);
      return `unknown ${what} ${got}${near ? ` (did you mean "${near}"?)` : ''}: use one of ${values.join(', ')}`;
    },
  });

export const LookSchema = z
  .strictObject({
    gender: word(GENDERS, 'gender').optional(),
    age: word(AGE_BANDS, 'age band').optional().describe('Age band: 20s, 30s … 70s.'),
    role: word(ROLES, 'role').optional().describe('What they do, which decides how they dress.'),
    glasses: z.boolean().optional(),
    channel: word(CHANNELS, 'channel')
      .optional()
      .describe('in-person, or phone: a caller is shown in a call frame, never standing in your place. Default: phone in the call centre, in-person elsewhere.'),
    place: word(SETTINGS, 'setting').optional().describe('On the phone: where the caller is (a setting), shown behind them in the call frame.'),
  })
  .describe(
    `How the customer looks; the game shows the drawn character that fits (same gender, role and glasses, an age band either side at most). What is left out comes from the type: ${Object.entries(
      DEFAULT_LOOKS,
    )
      .map(([t, l]) => `${t} ${l.gender} ${l.age} ${l.role}${l.glasses ? ' with glasses' : ''}`)
      .join('; ')}. Drawn: ${CHARACTERS.map((c) => c.id).join(', ')}.`,
  );

export const CustomerSchema = z.strictObject({
  type: z.enum(CUSTOMER_TYPES),
  name: TextSchema,
  persona: TextSchema.describe('Who the customer is, for the trainee and for the trainer.'),
  start: z.record(z.string(), z.number().min(0).max(100)).optional().describe('Starting meter values, overriding the type\u2019s defaults.'),
  look: LookSchema.optional(),
});

export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: Id,
    title: TextSchema,
    difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]).describe('1 introductory, 2 intermediate, 3 hard.'),
    setting: z.enum(SETTINGS),
    brief: TextSchema.describe('A short brief for the trainee.'),
    trains: z.array(Id).optional().describe('The principles this scenario mainly trains.'),
    customer: CustomerSchema,
    start: Id.optional().describe('First node; by default the first in the list.'),
    breakdown: Id.optional().describe('Ending used when the customer breaks off (by default the first ending with the type\u2019s breakdown outcome).'),
    nodes: z.array(NodeSchema).min(1),
    endings: z.array(EndingSchema).min(1),
  })
  .describe('A Complaint Dojo scenario.');

export type CustomerType = (typeof CUSTOMER_TYPES)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type Expression = (typeof EXPRESSIONS)[number];
export type Setting = (typeof SETTINGS)[number];
export type LookFile = z.infer<typeof LookSchema>;
export type ScenarioFile = z.infer<typeof ScenarioSchema>;
export type ScenarioFileInput = z.input<typeof ScenarioSchema>;
