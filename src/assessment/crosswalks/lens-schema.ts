// The lens file format: a named list of dimensions with descriptions and no
// items, the score range a reading through it is given on, and the levels
// over that range. A lens is what a crosswalk maps a framework onto when the
// other framework has no questionnaire of its own here (the World Bank's
// DGRA, the OECD Digital Government Index).
import { z } from 'zod';
import {
  code,
  languageTag,
  localizedTextSchema,
  maturityLevelSchema,
  slug,
  versionNumber,
} from '../frameworks/index.ts';

const lensDimensionSchema = z.strictObject({
  code,
  name: localizedTextSchema,
  description: localizedTextSchema.optional(),
});

export const lensSchema = z.strictObject({
  key: slug,
  version: versionNumber,
  defaultLanguage: languageTag,
  name: localizedTextSchema,
  description: localizedTextSchema.optional(),
  source: localizedTextSchema.optional(),
  scale: z
    .strictObject({ min: z.number(), max: z.number() })
    .describe('The range scores read through the lens are given on, e.g. 0 to 1'),
  levels: z
    .array(maturityLevelSchema)
    .min(1, 'must have at least one level')
    .describe('Levels over the lens’s range, ascending, the first at its minimum'),
  dimensions: z.array(lensDimensionSchema).min(1, 'must have at least one dimension'),
});

export type Lens = z.infer<typeof lensSchema>;
