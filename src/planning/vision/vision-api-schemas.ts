// The shapes of the vision's JSON API, each written once: what it answers
// (presented on purpose, never a raw row) and what it accepts. They generate
// the OpenAPI document as they validate.
import { z } from 'zod';
import { errorBodySchema } from '../../platform/http/errors.ts';
import { planConflictSchema } from '../plans/index.ts';
import { cepaGroups } from './cepa-principles.ts';
import type { VisionEvidence } from './vision-evidence.ts';
import {
  DESCRIPTION_MAX,
  LINKS_MAX,
  PRIORITY_MAX,
  priorityTerms,
  TITLE_MAX,
} from './vision-rules.ts';
import type { Vision, VisionGoal } from './vision-store.ts';

export const planParams = z.object({ id: z.uuid() });
export const entryParams = z.object({ id: z.uuid(), entryId: z.uuid() });
export const version = z.number().int().min(0).describe('The version the change starts from');

const named = z.object({ en: z.string(), es: z.string() });
export const referenceSchema = z
  .object({
    cepaPrinciples: z.array(
      z.object({
        key: z.string(),
        group: z.enum(cepaGroups),
        name: named,
        strategies: z.array(z.object({ number: z.number().int(), name: named })),
      }),
    ),
    sdgGoals: z.array(
      z.object({
        number: z.number().int(),
        name: named,
        targets: z.array(z.object({ code: z.string(), name: named })),
      }),
    ),
  })
  .meta({ id: 'VisionReference' });

export const principleSchema = z
  .object({
    id: z.uuid(),
    cepaKey: z.string().nullable().describe('One of CEPA’s principles; null for the team’s own'),
    title: z.string().nullable().describe('The team’s own title; null for one of CEPA’s'),
    description: z.string(),
    strategyNumbers: z.array(z.number().int()),
    version: z.number().int(),
  })
  .meta({ id: 'VisionPrinciple' });
export const prioritySchema = z
  .object({
    id: z.uuid(),
    goalId: z.uuid(),
    text: z.string(),
    term: z.enum(priorityTerms),
    version: z.number().int(),
  })
  .meta({ id: 'VisionPriority' });
export const goalSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string(),
    sdgGoals: z.array(z.number().int()),
    sdgTargets: z.array(z.string()),
    subdimensions: z.array(
      z.object({
        code: z.string(),
        weak: z
          .object({ score: z.number(), target: z.number(), gap: z.number() })
          .nullable()
          .describe(
            'Its whole-of-government numbers in the baseline round; null if not below its target',
          ),
      }),
    ),
    recommendations: z.array(
      z.object({ code: z.string(), decision: z.enum(['accepted', 'set_aside', 'open']) }),
    ),
    swotEntries: z
      .array(z.object({ id: z.uuid(), quadrant: z.string(), text: z.string() }))
      .describe('The plan’s SWOT entries the goal answers'),
    priorities: z.array(prioritySchema),
    version: z.number().int(),
  })
  .meta({ id: 'VisionGoal' });
export const visionSchema = z
  .object({
    planId: z.uuid(),
    statement: z.string(),
    version: z.number().int().describe('0 while no statement was saved'),
    baselineRound: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    principles: z.array(principleSchema),
    goals: z.array(goalSchema),
  })
  .meta({ id: 'Vision' });

export const principleBody = z.object({
  cepaKey: z.string().max(60).nullable().optional(),
  title: z
    .string()
    .max(TITLE_MAX * 2)
    .nullable()
    .optional(),
  description: z
    .string()
    .max(DESCRIPTION_MAX * 2)
    .default(''),
  strategyNumbers: z.array(z.number().int()).max(LINKS_MAX).default([]),
});
export const goalBody = z.object({
  title: z.string().max(TITLE_MAX * 2),
  description: z
    .string()
    .max(DESCRIPTION_MAX * 2)
    .default(''),
  sdgGoals: z.array(z.number().int()).max(LINKS_MAX).default([]),
  sdgTargets: z.array(z.string().max(10)).max(LINKS_MAX).default([]),
  subdimensionCodes: z.array(z.string().max(50)).max(LINKS_MAX).default([]),
  recommendationCodes: z.array(z.string().max(50)).max(LINKS_MAX).default([]),
  swotEntryIds: z
    .array(z.uuid())
    .max(LINKS_MAX)
    .default([])
    .describe('SWOT entries of the same plan'),
});
export const priorityBody = z.object({ text: z.string().max(PRIORITY_MAX * 2), term: z.string() });

function conflictSchema(name: string, current: z.ZodType) {
  return planConflictSchema(current.nullable(), 'The entry (null if deleted)', `${name}Conflict`);
}
export const errors = (name: string, current: z.ZodType) => ({
  400: errorBodySchema,
  404: errorBodySchema,
  409: conflictSchema(name, current),
});

export function presentGoal(
  goal: VisionGoal,
  evidence: VisionEvidence,
): z.infer<typeof goalSchema> {
  return {
    id: goal.id,
    title: goal.title,
    description: goal.description,
    sdgGoals: goal.sdgGoals,
    sdgTargets: goal.sdgTargets,
    subdimensions: goal.subdimensionCodes.map((code) => {
      const weak = evidence.weak.find((each) => each.subdimensionCode === code);
      return {
        code,
        weak: weak
          ? { score: weak.score, target: weak.target.level.minScore, gap: weak.gap }
          : null,
      };
    }),
    recommendations: goal.recommendationCodes.map((code) => ({
      code,
      decision: evidence.decisions.get(code)?.status ?? 'open',
    })),
    swotEntries: goal.swotEntryIds.flatMap((id) => {
      const entry = evidence.swotEntries.find((candidate) => candidate.id === id);
      return entry ? [{ id, quadrant: entry.quadrant, text: entry.text }] : [];
    }),
    priorities: goal.priorities,
    version: goal.version,
  };
}

export const presentVision = (
  vision: Vision,
  evidence: VisionEvidence,
): z.infer<typeof visionSchema> => ({
  planId: vision.planId,
  statement: vision.statement,
  version: vision.version,
  baselineRound: evidence.round ?? null,
  principles: vision.principles,
  goals: vision.goals.map((goal) => presentGoal(goal, evidence)),
});
