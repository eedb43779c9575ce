/** The principle catalog file format (scenarios/principles.yaml). */
import { z } from '../zod.js';

import { CATEGORY_IDS, SEVERITIES } from '../vocabulary.js';

export { CATEGORY_IDS, SEVERITIES };

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids use lowercase letters, digits and hyphens');
const BothLocales = z.strictObject({ 'zh-CN': z.string().min(1), en: z.string().min(1) });

export const SourceSchema = z.strictObject({
  file: z.string().regex(/^00[0-4]_[0-9a-f]+\.txt$/, 'a seed file name such as 002_27eb744ca3868eee.txt'),
  item: z.string().min(1),
  quote: z.string().min(1).optional(),
});

/**
 * How bad a violation is, and why the sources make it so: a lapse of manner (minor), a
 * refusal or a shifted problem that leaves the customer wronged (serious), or a breach of
 * faith the sources forbid outright — lying, accusing, fighting, demeaning, obstructing (grave).
 */
export const SeveritySchema = z.strictObject({
  level: z.enum(SEVERITIES),
  why: BothLocales,
});

export const PrincipleSchema = z.strictObject({
  id: Id,
  category: z.enum(CATEGORY_IDS),
  polarity: z.enum(['practice', 'violation']),
  service: z.enum(['soft', 'hard']),
  /** Violations only. A violation without one counts as serious. */
  severity: SeveritySchema.optional(),
  name: BothLocales,
  tip: BothLocales,
  sources: z.array(SourceSchema).min(1, 'every principle cites at least one source'),
});

/** An old id kept readable: scenario files using it get its replacement(s), and lint suggests the new id. */
export const AliasSchema = z.strictObject({
  id: Id,
  to: z.array(Id).min(1),
  note: BothLocales,
});

/** One step of the complaint-handling procedure, and the principles that carry it out. */
export const ProcedureStepSchema = z.strictObject({
  id: Id,
  name: BothLocales,
  principles: z.array(Id).min(1),
  source: SourceSchema,
});

/** The order the sources give for handling a complaint; the debrief sets the trainee's moves against it. */
export const ProcedureSchema = z.strictObject({
  name: BothLocales,
  sources: z.array(SourceSchema).min(1),
  steps: z.array(ProcedureStepSchema).min(2),
});

export const CatalogSchema = z.strictObject({
  version: z.union([z.literal(1), z.literal(2)]),
  categories: z.array(
    z.strictObject({ id: z.enum(CATEGORY_IDS), name: BothLocales, description: BothLocales.optional() }),
  ),
  principles: z.array(PrincipleSchema).min(1),
  aliases: z.array(AliasSchema).optional(),
  procedure: ProcedureSchema.optional(),
});

export type CategoryId = (typeof CATEGORY_IDS)[number];
export type SeverityLevel = (typeof SEVERITIES)[number];
export type Principle = z.infer<typeof PrincipleSchema>;
export type Alias = z.infer<typeof AliasSchema>;
export type Procedure = z.infer<typeof ProcedureSchema>;
export type CatalogFile = z.infer<typeof CatalogSchema>;
