// The crosswalk file format: one framework version's items and sub-dimensions
// mapped onto the dimensions of another framework or of a lens, each mapping
// with a weight and a one-line rationale. One zod schema validates imported
// files and describes the format in the OpenAPI document.
import { z } from 'zod';
import {
  code,
  languageTag,
  localizedTextSchema,
  slug,
  versionNumber,
} from '../frameworks/index.ts';

const mappingSchema = z.strictObject({
  source: code.describe('The code of an item or a sub-dimension of the framework read'),
  target: code.describe('The code of a dimension of the framework or lens read through'),
  weight: z
    .number()
    .positive('must be greater than 0')
    .max(100)
    .default(1)
    .describe('How much the source counts in the target, beside the other sources mapped there'),
  rationale: localizedTextSchema.describe('One line on why the source belongs to the target'),
});

export const crosswalkSchema = z.strictObject({
  key: slug,
  version: versionNumber,
  defaultLanguage: languageTag,
  name: localizedTextSchema,
  description: localizedTextSchema.optional(),
  from: z
    .strictObject({ framework: slug, version: versionNumber })
    .describe('The framework version whose rounds this crosswalk reads'),
  to: z
    .strictObject({
      framework: slug.optional(),
      lens: slug.optional(),
      version: versionNumber,
    })
    .describe(
      'What the rounds are read through: a framework or a lens (one of the two), by version',
    ),
  mappings: z.array(mappingSchema).min(1, 'must have at least one mapping'),
});

export type Mapping = z.infer<typeof mappingSchema>;
export type Crosswalk = z.infer<typeof crosswalkSchema>;
