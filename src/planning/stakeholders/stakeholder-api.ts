// A plan's stakeholders as JSON: list, read, add, edit and delete (naming the
// version the change starts from). A change that comes after another answers
// 409 with the stakeholder as it now stands, so nothing is overwritten unseen.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { changedBy } from '../../platform/audit/changed-by.ts';
import { AppError } from '../../platform/errors.ts';
import { errorBodySchema } from '../../platform/http/errors.ts';
import type { App, FeatureDeps } from '../../platform/http/feature.ts';
import { messagesFor } from '../../platform/i18n/messages.ts';
import { planConflictSchema, requirePlan } from '../plans/index.ts';
import {
  deleteStakeholder,
  type StakeholderOutcome,
  saveStakeholder,
} from './stakeholder-changes.ts';
import { stakeholderProblemText } from './stakeholder-form-views.tsx';
import {
  engagementLevels,
  NAME_MAX,
  NEEDS_MAX,
  quadrantOf,
  quadrants,
  RATING_MAX,
  RATING_MIN,
  stakeholderGroups,
  suggestedEngagement,
  vulnerableGroups,
} from './stakeholder-rules.ts';
import { findStakeholder, listStakeholders, type Stakeholder } from './stakeholder-store.ts';

const planParams = z.object({ id: z.uuid() });
const stakeholderParams = z.object({ id: z.uuid(), stakeholderId: z.uuid() });
// API errors are read by programs and their authors, in English like the field names.
const english = messagesFor('en');

const stakeholderSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    group: z.enum(stakeholderGroups),
    vulnerableGroup: z.enum(vulnerableGroups).nullable(),
    interest: z.number().int().min(RATING_MIN).max(RATING_MAX),
    influence: z.number().int().min(RATING_MIN).max(RATING_MAX),
    engagement: z.enum(engagementLevels),
    quadrant: z.enum(quadrants).describe('Where interest and influence place it on the grid'),
    suggestedEngagement: z
      .enum(engagementLevels)
      .describe('The engagement its quadrant suggests, beside the one chosen'),
    needs: z.string(),
    owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    version: z.number().int().describe('Name it when changing the stakeholder'),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Stakeholder' });

// Lengths are checked by the rules, which name the field in the answer; the
// schema only keeps a runaway body out.
const stakeholderBody = z.object({
  name: z.string().max(NAME_MAX * 2),
  group: z
    .string()
    .max(100)
    .describe(`One of: ${stakeholderGroups.join(', ')}`),
  vulnerableGroup: z
    .string()
    .max(100)
    .nullable()
    .default(null)
    .describe(`For the group vulnerable_groups only, one of: ${vulnerableGroups.join(', ')}`),
  interest: z.number().int(),
  influence: z.number().int(),
  engagement: z
    .string()
    .max(100)
    .describe(`One of: ${engagementLevels.join(', ')}`),
  needs: z
    .string()
    .max(NEEDS_MAX * 2)
    .default(''),
  ownerId: z.uuid().nullable().default(null).describe('A member of the workspace'),
});
const versioned = { version: z.number().int().describe('The version the change starts from') };

const conflictSchema = planConflictSchema(
  stakeholderSchema,
  'The stakeholder',
  'StakeholderConflict',
);
const errors = { 400: errorBodySchema, 404: errorBodySchema, 409: conflictSchema };

function present(stakeholder: Stakeholder): z.infer<typeof stakeholderSchema> {
  return {
    id: stakeholder.id,
    name: stakeholder.name,
    group: stakeholder.group,
    vulnerableGroup: stakeholder.vulnerableGroup,
    interest: stakeholder.interest,
    influence: stakeholder.influence,
    engagement: stakeholder.engagement,
    quadrant: quadrantOf(stakeholder.interest, stakeholder.influence),
    suggestedEngagement: suggestedEngagement(stakeholder.interest, stakeholder.influence),
    needs: stakeholder.needs,
    owner:
      stakeholder.ownerId === null
        ? null
        : { id: stakeholder.ownerId, name: stakeholder.ownerName ?? '' },
    version: stakeholder.version,
    updatedAt: stakeholder.updatedAt.toISOString(),
  };
}

async function answer(
  deps: FeatureDeps,
  planId: string,
  reply: FastifyReply,
  outcome: StakeholderOutcome,
  created = false,
) {
  if (outcome.ok) {
    const stakeholder = await findStakeholder(deps.database.db, planId, outcome.id);
    if (!stakeholder) throw new AppError('not_found', 'There is no such stakeholder in this plan');
    return reply.status(created ? 201 : 200).send(present(stakeholder));
  }
  if ('gone' in outcome)
    throw new AppError('not_found', 'There is no such stakeholder in this plan');
  if ('conflict' in outcome)
    return reply.status(409).send({
      error: {
        code: 'conflict',
        message: 'The stakeholder was changed since the version named; nothing was saved',
        fields: [{ path: 'version', message: `is ${outcome.conflict.version} now` }],
      },
      current: present(outcome.conflict),
    });
  throw new AppError(
    'invalid_request',
    'The stakeholder was refused; nothing was saved',
    outcome.problems.map((problem) => ({
      path: `body.${problem.field}`,
      message: stakeholderProblemText(english, problem),
    })),
  );
}

export async function stakeholderApi(app: App, deps: FeatureDeps) {
  const { db } = deps.database;
  const tags = ['stakeholders'];
  app.get(
    '/api/plans/:id/stakeholders',
    {
      schema: {
        tags,
        summary: 'The plan’s stakeholder map, by name',
        params: planParams,
        response: { 200: z.object({ stakeholders: z.array(stakeholderSchema) }), ...errors },
      },
      config: { access: 'workspace.read' },
    },
    async (request) => {
      const plan = await requirePlan(request, deps, request.params.id);
      return { stakeholders: (await listStakeholders(db, plan.id)).map(present) };
    },
  );
  app.post(
    '/api/plans/:id/stakeholders',
    {
      schema: {
        tags,
        summary: 'Adds a stakeholder to the plan',
        params: planParams,
        body: stakeholderBody,
        response: { 201: stakeholderSchema, ...errors },
      },
      config: { access: 'plans.edit' },
    },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      return answer(
        deps,
        plan.id,
        reply,
        await saveStakeholder(db, plan.id, request.body, changedBy(request)),
        true,
      );
    },
  );
  app.get(
    '/api/plans/:id/stakeholders/:stakeholderId',
    {
      schema: {
        tags,
        summary: 'One stakeholder',
        params: stakeholderParams,
        response: { 200: stakeholderSchema, ...errors },
      },
      config: { access: 'workspace.read' },
    },
    async (request) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const stakeholder = await findStakeholder(db, plan.id, request.params.stakeholderId);
      if (!stakeholder)
        throw new AppError('not_found', 'There is no such stakeholder in this plan');
      return present(stakeholder);
    },
  );
  app.put(
    '/api/plans/:id/stakeholders/:stakeholderId',
    {
      schema: {
        tags,
        summary: 'Changes a stakeholder, if it is still at the version named',
        params: stakeholderParams,
        body: stakeholderBody.extend(versioned),
        response: { 200: stakeholderSchema, ...errors },
      },
      config: { access: 'plans.edit' },
    },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const { version, ...fields } = request.body;
      return answer(
        deps,
        plan.id,
        reply,
        await saveStakeholder(db, plan.id, fields, changedBy(request), {
          stakeholderId: request.params.stakeholderId,
          version,
        }),
      );
    },
  );
  app.delete(
    '/api/plans/:id/stakeholders/:stakeholderId',
    {
      schema: {
        tags,
        summary: 'Deletes a stakeholder, if it is still at the version named',
        params: stakeholderParams,
        querystring: z.object({
          version: z.coerce.number().int().describe('The version the deletion starts from'),
        }),
        response: { 204: z.null().describe('Deleted'), ...errors },
      },
      config: { access: 'plans.edit' },
    },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const outcome = await deleteStakeholder(
        db,
        plan.id,
        request.params.stakeholderId,
        request.query.version,
        changedBy(request),
      );
      if (outcome.ok) return reply.status(204).send(null);
      return answer(deps, plan.id, reply, outcome);
    },
  );
}
