/** The principle catalog file format (scenarios/principles.yaml). */
import { z } from 'zod';

import { CATEGORY_IDS } from '../vocabulary.js';

export { CATEGORY_IDS };

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids use lowercase letters, digits and hyphens');
const BothLocales = z.strictObject({ 'zh-CN': z.string().min(1), en: z.string().min(1) });

export const SourceSchema = z.strictObject({
  file: z.string().regex(/^00[0-4]_[0-9a-f]+\.txt$/, 'a seed file name such as 002_27eb744ca3868eee.txt'),
  item: z.string().min(1),
  quote: z.string().min(1).optional(),
});

export const PrincipleSchema = z.strictObject({
  id: Id,
  category: z.enum(CATEGORY_IDS),
  polarity: z.enum(['practice', 'violation']),
  service: z.enum(['soft', 'hard']),
  name: BothLocales,
  tip: BothLocales,
  sources: z.array(SourceSchema).min(1, 'every principle cites at least one source'),
});

export const CatalogSchema = z.strictObject({
  version: z.literal(1),
  categories: z.array(
    z.strictObject({ id: z.enum(CATEGORY_IDS), name: BothLocales, description: BothLocales.optional() }),
  ),
  principles: z.array(PrincipleSchema).min(1),
});

export type CategoryId = (typeof CATEGORY_IDS)[number];
export type Principle = z.infer<typeof PrincipleSchema>;
export type CatalogFile = z.infer<typeof CatalogSchema>;
