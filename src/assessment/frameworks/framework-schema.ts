// The framework file format: dimensions → sub-dimensions → items, the response
// scales they use and the maturity levels over the score range. One zod schema
// validates imported files and describes the format in the OpenAPI document.
import { z } from 'zod';

export const languageTag = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en" or "es"');

export const localizedTextSchema = z
  .record(languageTag, z.string().trim().min(1, 'must not be empty').max(4000))
  .refine((text) => Object.keys(text).length > 0, 'must have text in at least one language')
  .describe('Text by language tag, e.g. {"en": "Vision", "es": "Visión"}');

export const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters, digits and hyphens, e.g. "dgca"')
  .max(64);

export const code = z
  .string()
  .regex(
    /^[A-Z][A-Z0-9-]{0,19}$/,
    'must be upper-case letters, digits and hyphens, starting with a letter, e.g. "LEA04"',
  );

const likertScaleSchema = z.strictObject({
  key: slug,
  type: z.literal('likert'),
  min: z.number().int(),
  max: z.number().int(),
  labels: z.array(z.strictObject({ value: z.number().int(), label: localizedTextSchema })).min(2),
  notApplicable: z.boolean().default(false),
});

const stageScaleSchema = z.strictObject({
  key: slug,
  type: z.literal('stages'),
  stages: z
    .array(z.strictObject({ value: z.number().int(), key: slug, label: localizedTextSchema }))
    .min(2),
  notApplicable: z.boolean().default(false),
});

export const versionNumber = z
  .string()
  .regex(/^\d+\.\d+(\.\d+)?$/, 'must be a version number such as "1.0.0"');

export const scaleSchema = z.discriminatedUnion('type', [likertScaleSchema, stageScaleSchema]);

/**
 * What one maturity level looks like for a sub-dimension or item, and what it
 * takes to reach the next level (absent at the highest level).
 */
export const levelGuidanceSchema = z.strictObject({
  looksLike: localizedTextSchema
    .optional()
    .describe('What this level looks like in practice, so a team can tell whether it is there'),
  toReachNext: localizedTextSchema
    .optional()
    .describe('What it takes to move from this level to the next one'),
});

export const HORIZONS = ['short', 'medium', 'long'] as const;
export const EFFORTS = ['low', 'medium', 'high'] as const;

export const referenceSchema = z.strictObject({
  title: localizedTextSchema,
  url: z.url({ protocol: /^https?$/, error: 'must be an http or https address' }).optional(),
});

/** What to do about a weak sub-dimension or item: the first link from a gap to an initiative. */
export const recommendationSchema = z.strictObject({
  code: code.describe('Stable across versions, so accepted recommendations keep their meaning'),
  title: localizedTextSchema,
  text: localizedTextSchema,
  horizon: z.enum(HORIZONS),
  effort: z.enum(EFFORTS),
  levels: z
    .array(slug)
    .min(1, 'must name at least one maturity level')
    .describe('The maturity levels (keys) at which this recommendation applies'),
  references: z.array(referenceSchema).optional(),
});

const guidanceField = z
  .record(slug, levelGuidanceSchema)
  .optional()
  .describe('Guidance by maturity level key');

const recommendationsField = z.array(recommendationSchema).optional();

export const itemSchema = z.strictObject({
  code,
  statement: localizedTextSchema,
  help: localizedTextSchema.optional(),
  scale: slug.describe('The key of one of the framework’s scales'),
  weight: z.number().positive().max(100).default(1),
  descriptors: z
    .record(slug, localizedTextSchema)
    .optional()
    .describe('For a stage scale: what this item looks like at each stage, by stage key'),
  guidance: guidanceField,
  recommendations: recommendationsField,
});

export const subdimensionSchema = z.strictObject({
  code,
  name: localizedTextSchema,
  description: localizedTextSchema.optional(),
  items: z.array(itemSchema).min(1, 'must have at least one item'),
  guidance: guidanceField,
  recommendations: recommendationsField,
});

export const dimensionSchema = z.strictObject({
  code,
  name: localizedTextSchema,
  description: localizedTextSchema.optional(),
  subdimensions: z.array(subdimensionSchema).min(1, 'must have at least one sub-dimension'),
});

export const maturityLevelSchema = z.strictObject({
  key: slug,
  name: localizedTextSchema,
  description: localizedTextSchema.optional(),
  minScore: z
    .number()
    .describe('The lowest score at this level; the level runs up to the next one'),
});

export const frameworkSchema = z.strictObject({
  key: slug,
  version: versionNumber,
  defaultLanguage: languageTag,
  name: localizedTextSchema,
  description: localizedTextSchema.optional(),
  source: localizedTextSchema.optional(),
  scales: z.array(scaleSchema).min(1, 'must have at least one scale'),
  maturityLevels: z.array(maturityLevelSchema).min(1, 'must have at least one level'),
  minimumAnsweredShare: z
    .number()
    .min(0, 'must be between 0 and 1')
    .max(1, 'must be between 0 and 1')
    .optional()
    .describe(
      'The share of a sub-dimension’s items that must have a value for it to get a score (default 0.5): a sub-dimension answered on one item of eight says little about the capability',
    ),
  dimensions: z.array(dimensionSchema).min(1, 'must have at least one dimension'),
});

/** Without `minimumAnsweredShare` in the framework: half of a sub-dimension's items. */
export const DEFAULT_MINIMUM_ANSWERED_SHARE = 0.5;

export type LocalizedText = z.infer<typeof localizedTextSchema>;
export type Scale = z.infer<typeof scaleSchema>;
export type Item = z.infer<typeof itemSchema>;
export type Subdimension = z.infer<typeof subdimensionSchema>;
export type Dimension = z.infer<typeof dimensionSchema>;
export type MaturityLevel = z.infer<typeof maturityLevelSchema>;
export type LevelGuidance = z.infer<typeof levelGuidanceSchema>;
export type Recommendation = z.infer<typeof recommendationSchema>;
export type Horizon = (typeof HORIZONS)[number];
export type Effort = (typeof EFFORTS)[number];
export type Framework = z.infer<typeof frameworkSchema>;
