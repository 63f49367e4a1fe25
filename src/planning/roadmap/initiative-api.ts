// A plan's roadmap as JSON: its initiatives with their rolled-up progress and
// what they link to; add (from scratch or from what prompted it), read, edit
// and delete, naming the version a change starts from. A change that comes
// after another answers 409 with the initiative as it now stands.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { changedBy } from '../../platform/audit/changed-by.ts';
import { AppError } from '../../platform/errors.ts';
import { errorBodySchema } from '../../platform/http/errors.ts';
import type { App, FeatureDeps } from '../../platform/http/feature.ts';
import { workspaceOf } from '../../platform/http/request-workspace.ts';
import { messagesFor } from '../../platform/i18n/messages.ts';
import { isoToday } from '../../platform/iso-day.ts';
import { type Plan, planConflictSchema, requirePlan } from '../plans/index.ts';
import { deleteInitiative, type InitiativeOutcome, saveInitiative } from './initiative-changes.ts';
import { findOrigin, originOf } from './initiative-origins.ts';
import {
  BUDGET_SOURCE_MAX,
  codeKinds,
  DESCRIPTION_MAX,
  EXTERNAL_ID_MAX,
  horizons,
  levels,
  TITLE_MAX,
} from './initiative-rules.ts';
import type { Initiative } from './initiative-store.ts';
import { openRoadmap, type Roadmap, statusOf } from './open-roadmap.ts';
import { initiativeOverdue } from './overdue.ts';
import { openRoadmapEvidence } from './roadmap-evidence.ts';
import { statusKinds } from './roadmap-statuses.ts';

const planParams = z.object({ id: z.uuid() });
const initiativeParams = z.object({ id: z.uuid(), initiativeId: z.uuid() });
// API errors are read by programs and their authors, in English like the field names.
const english = messagesFor('en');
const day = z.string().describe('A date, YYYY-MM-DD');

const initiativeSchema = z
  .object({
    id: z.uuid(),
    externalId: z.string().nullable(),
    parentId: z.uuid().nullable(),
    level: z.enum(levels),
    title: z.string(),
    description: z.string(),
    horizon: z.enum(horizons),
    startsOn: day.nullable(),
    endsOn: day.nullable(),
    leadAgencyId: z.uuid().nullable(),
    partnerAgencyIds: z.array(z.uuid()),
    owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    budget: z
      .object({ amount: z.number(), currency: z.string(), source: z.string().nullable() })
      .nullable(),
    status: z.string().describe('A key of the workspace’s status list'),
    statusKind: z.enum(statusKinds),
    reportedProgress: z.number().nullable().describe('As last reported; null when not reported'),
    progress: z.object({
      value: z.number().describe('0–100, rolled up'),
      source: z
        .enum(['completed', 'children', 'steps', 'reported', 'status'])
        .describe('Where the value comes from'),
    }),
    overdue: z.boolean().describe('Open and past its end date'),
    weight: z.number(),
    isPublic: z.boolean(),
    dependsOnIds: z.array(z.uuid()),
    goalIds: z.array(z.uuid()),
    swotEntryIds: z.array(z.uuid()),
    codes: z.array(z.object({ kind: z.enum(codeKinds), code: z.string() })),
    origin: z
      .object({
        kind: z.enum(['recommendation', 'swot_entry', 'goal']),
        ref: z.string(),
        roundId: z.uuid().nullable(),
      })
      .nullable()
      .describe('What it was created from'),
    steps: z.object({ done: z.number().int(), total: z.number().int() }),
    version: z.number().int().describe('Name it when changing the initiative'),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Initiative' });

// Lengths and references are checked by the rules, which name the field in
// the answer; the schema only keeps a runaway body out.
const ids = z.array(z.uuid()).max(1000).default([]);
const initiativeBody = z.object({
  externalId: z
    .string()
    .max(EXTERNAL_ID_MAX * 2)
    .nullable()
    .default(null),
  parentId: z.uuid().nullable().default(null),
  level: z
    .string()
    .max(40)
    .default('project')
    .describe(`One of: ${levels.join(', ')}`),
  title: z.string().max(TITLE_MAX * 2),
  description: z
    .string()
    .max(DESCRIPTION_MAX * 2)
    .default(''),
  horizon: z
    .string()
    .max(40)
    .describe(`One of: ${horizons.join(', ')}`),
  startsOn: z.string().max(40).nullable().default(null).describe('YYYY-MM-DD'),
  endsOn: z.string().max(40).nullable().default(null).describe('YYYY-MM-DD'),
  leadAgencyId: z.uuid().nullable().default(null),
  partnerAgencyIds: ids,
  ownerId: z.uuid().nullable().default(null).describe('A member of the workspace'),
  budgetAmount: z.number().nullable().default(null),
  budgetCurrency: z.string().max(10).nullable().default(null).describe('ISO 4217, e.g. USD'),
  budgetSource: z
    .string()
    .max(BUDGET_SOURCE_MAX * 2)
    .nullable()
    .default(null),
  status: z.string().max(80).optional().describe('A key of the workspace’s status list'),
  progress: z.number().nullable().default(null).describe('0–100, or null'),
  weight: z.number().default(1).describe('Above 0'),
  isPublic: z.boolean().default(true),
  dependsOnIds: ids,
  goalIds: ids,
  swotEntryIds: ids,
  codes: z
    .array(z.object({ kind: z.string().max(40), code: z.string().max(120) }))
    .max(200)
    .default([]),
});
const originBody = z
  .object({
    kind: z.enum(['recommendation', 'swot_entry', 'goal']),
    ref: z.string().max(200).describe('A recommendation code, or the id of a SWOT entry or goal'),
  })
  .optional()
  .describe('What the initiative answers: an accepted recommendation, a SWOT weakness or a goal');
const versioned = { version: z.number().int().describe('The version the change starts from') };

const conflictSchema = planConflictSchema(initiativeSchema, 'The initiative', 'InitiativeConflict');
const errors = { 400: errorBodySchema, 404: errorBodySchema, 409: conflictSchema };

export function presentInitiative(
  initiative: Initiative,
  roadmap: Roadmap,
  today: string,
): z.infer<typeof initiativeSchema> {
  const status = statusOf(roadmap.statuses, initiative.status);
  return {
    id: initiative.id,
    externalId: initiative.externalId,
    parentId: initiative.parentId,
    level: initiative.level,
    title: initiative.title,
    description: initiative.description,
    horizon: initiative.horizon,
    startsOn: initiative.startsOn,
    endsOn: initiative.endsOn,
    leadAgencyId: initiative.leadAgencyId,
    partnerAgencyIds: initiative.partnerAgencyIds,
    owner:
      initiative.ownerId === null
        ? null
        : { id: initiative.ownerId, name: initiative.ownerName ?? '' },
    budget:
      initiative.budgetAmount === null || initiative.budgetCurrency === null
        ? null
        : {
            amount: initiative.budgetAmount,
            currency: initiative.budgetCurrency,
            source: initiative.budgetSource,
          },
    status: initiative.status,
    statusKind: status.kind,
    reportedProgress: initiative.progress,
    progress: roadmap.progress.get(initiative.id) ?? {
      value: status.defaultProgress,
      source: 'status',
    },
    overdue: initiativeOverdue({ endsOn: initiative.endsOn, statusKind: status.kind }, today),
    weight: initiative.weight,
    isPublic: initiative.isPublic,
    dependsOnIds: initiative.dependsOnIds,
    goalIds: initiative.goalIds,
    swotEntryIds: initiative.swotEntryIds,
    codes: initiative.codes,
    origin: initiative.origin,
    steps: initiative.steps,
    version: initiative.version,
    updatedAt: initiative.updatedAt.toISOString(),
  };
}

async function presentOne(deps: FeatureDeps, workspaceId: string, plan: Plan, id: string) {
  const roadmap = await openRoadmap(deps.database.db, workspaceId, plan);
  const initiative = roadmap.initiatives.find((each) => each.id === id);
  if (!initiative) throw new AppError('not_found', 'There is no such initiative in this plan');
  return presentInitiative(initiative, roadmap, isoToday());
}

async function answer(
  deps: FeatureDeps,
  workspaceId: string,
  plan: Plan,
  reply: FastifyReply,
  outcome: InitiativeOutcome,
  created = false,
) {
  if (outcome.ok)
    return reply
      .status(created ? 201 : 200)
      .send(await presentOne(deps, workspaceId, plan, outcome.id));
  if ('gone' in outcome)
    throw new AppError('not_found', 'There is no such initiative in this plan');
  if ('conflict' in outcome) {
    const roadmap = await openRoadmap(deps.database.db, workspaceId, plan);
    return reply.status(409).send({
      error: {
        code: 'conflict',
        message: 'The initiative was changed since the version named; nothing was saved',
        fields: [{ path: 'version', message: `is ${outcome.conflict.version} now` }],
      },
      current: presentInitiative(outcome.conflict, roadmap, isoToday()),
    });
  }
  throw new AppError(
    'invalid_request',
    'The initiative was refused; nothing was saved',
    outcome.problems.map((problem) => ({
      path: `body.${problem.field}`,
      message: english.t(`roadmap.error.${problem.rule}`, problem.values),
    })),
  );
}

export async function initiativeApi(app: App, deps: FeatureDeps) {
  const { db } = deps.database;
  const tags = ['roadmap'];
  app.get(
    '/api/plans/:id/initiatives',
    {
      schema: {
        tags,
        summary: 'The plan’s initiatives by title, with their rolled-up progress',
        params: planParams,
        response: { 200: z.object({ initiatives: z.array(initiativeSchema) }), ...errors },
      },
      config: { access: 'workspace.read' },
    },
    async (request) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const roadmap = await openRoadmap(db, workspaceOf(request).id, plan);
      const today = isoToday();
      return {
        initiatives: roadmap.initiatives.map((each) => presentInitiative(each, roadmap, today)),
      };
    },
  );
  app.post(
    '/api/plans/:id/initiatives',
    {
      schema: {
        tags,
        summary: 'Adds an initiative to the plan, from scratch or from what prompted it',
        params: planParams,
        body: initiativeBody.extend({ origin: originBody }),
        response: { 201: initiativeSchema, ...errors },
      },
      config: { access: 'plans.edit' },
    },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const { origin: named, ...fields } = request.body;
      let origin: ReturnType<typeof originOf> | undefined;
      if (named) {
        const evidence = await openRoadmapEvidence(db, plan, deps.resultsMinRespondents);
        const choice = findOrigin(evidence, named.kind, named.ref);
        if (!choice)
          throw new AppError('invalid_request', 'There is nothing of this kind to start from', [
            {
              path: 'body.origin.ref',
              message: 'is not an accepted recommendation, a weakness or a goal of this plan',
            },
          ]);
        origin = originOf(choice, evidence);
      }
      const outcome = await saveInitiative(
        db,
        plan.id,
        fields,
        changedBy(request),
        origin ? { origin } : {},
      );
      return answer(deps, workspaceOf(request).id, plan, reply, outcome, true);
    },
  );
  app.get(
    '/api/plans/:id/initiatives/:initiativeId',
    {
      schema: {
        tags,
        summary: 'One initiative',
        params: initiativeParams,
        response: { 200: initiativeSchema, ...errors },
      },
      config: { access: 'workspace.read' },
    },
    async (request) => {
      const plan = await requirePlan(request, deps, request.params.id);
      return presentOne(deps, workspaceOf(request).id, plan, request.params.initiativeId);
    },
  );
  app.put(
    '/api/plans/:id/initiatives/:initiativeId',
    {
      schema: {
        tags,
        summary: 'Changes an initiative, if it is still at the version named',
        params: initiativeParams,
        body: initiativeBody.extend(versioned),
        response: { 200: initiativeSchema, ...errors },
      },
      config: { access: 'plans.edit' },
    },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const { version, ...fields } = request.body;
      const outcome = await saveInitiative(db, plan.id, fields, changedBy(request), {
        existing: { initiativeId: request.params.initiativeId, version },
      });
      return answer(deps, workspaceOf(request).id, plan, reply, outcome);
    },
  );
  app.delete(
    '/api/plans/:id/initiatives/:initiativeId',
    {
      schema: {
        tags,
        summary:
          'Deletes an initiative and everything under it, if it is still at the version named',
        params: initiativeParams,
        querystring: z.object({
          version: z.coerce.number().int().describe('The version the deletion starts from'),
        }),
        response: { 204: z.null().describe('Deleted'), ...errors },
      },
      config: { access: 'plans.edit' },
    },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const outcome = await deleteInitiative(
        db,
        plan.id,
        request.params.initiativeId,
        request.query.version,
        changedBy(request),
      );
      if (outcome.ok) return reply.status(204).send(null);
      return answer(deps, workspaceOf(request).id, plan, reply, outcome);
    },
  );
}
