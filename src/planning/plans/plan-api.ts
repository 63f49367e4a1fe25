// Plans as JSON: list, read, create, edit (naming the version the change
// starts from) and move along draft → adopted → closed. A change that comes
// after another answers 409 with the plan as it now stands, so nothing is
// overwritten unseen.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { changedBy } from '../../platform/audit/changed-by.ts';
import { AppError } from '../../platform/errors.ts';
import { errorBodySchema } from '../../platform/http/errors.ts';
import type { App, FeatureDeps } from '../../platform/http/feature.ts';
import { workspaceOf } from '../../platform/http/request-workspace.ts';
import { messagesFor } from '../../platform/i18n/messages.ts';
import { movePlan, type PlanOutcome, savePlan } from './plan-changes.ts';
import { planConflictSchema } from './plan-conflict.ts';
import { requirePlan } from './plan-lookup.ts';
import { FIRST_YEAR, LAST_YEAR, planStatuses, TITLE_MAX } from './plan-rules.ts';
import { findPlan, listPlans, type Plan } from './plan-store.ts';
import { planProblemText } from './plan-views.tsx';

const idParams = z.object({ id: z.uuid() });
// API errors are read by programs and their authors, in English like the field names.
const english = messagesFor('en');

export const planSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    startsYear: z.number().int(),
    endsYear: z.number().int(),
    status: z.enum(planStatuses),
    version: z.number().int().describe('Name it when changing the plan'),
    copiedFrom: z.uuid().nullable(),
    updatedAt: z.iso.datetime(),
    baselineRounds: z.array(z.object({ id: z.uuid(), name: z.string() })),
  })
  .meta({ id: 'Plan' });

const planBody = z.object({
  title: z.string().max(TITLE_MAX * 2),
  startsYear: z.number().int().min(FIRST_YEAR).max(LAST_YEAR),
  endsYear: z.number().int().min(FIRST_YEAR).max(LAST_YEAR),
  baselineRoundIds: z.array(z.uuid()).max(50).default([]),
});
const versioned = { version: z.number().int().describe('The version the change starts from') };

const conflictSchema = planConflictSchema(planSchema, 'The plan', 'PlanConflict');
const errors = { 400: errorBodySchema, 404: errorBodySchema, 409: conflictSchema };

export const presentPlan = (plan: Plan): z.infer<typeof planSchema> => ({
  ...plan,
  updatedAt: plan.updatedAt.toISOString(),
});

/** The plan saved, or the problems or the other change as the API reports them. */
async function answer(
  deps: FeatureDeps,
  workspaceId: string,
  reply: FastifyReply,
  outcome: PlanOutcome,
  created = false,
) {
  if (outcome.ok) {
    const plan = await findPlan(deps.database.db, workspaceId, outcome.id);
    if (!plan) throw new AppError('not_found', 'There is no such plan');
    return reply.status(created ? 201 : 200).send(presentPlan(plan));
  }
  if ('conflict' in outcome)
    return reply.status(409).send({
      error: {
        code: 'conflict',
        message: 'The plan was changed since the version named; nothing was saved',
        fields: [{ path: 'version', message: `is ${outcome.conflict.version} now` }],
      },
      current: presentPlan(outcome.conflict),
    });
  throw new AppError(
    'invalid_request',
    'The plan was refused; nothing was saved',
    outcome.problems.map((problem) => ({
      path: `body.${problem.field}`,
      message: planProblemText(english, problem),
    })),
  );
}

export async function planApi(app: App, deps: FeatureDeps) {
  const { db } = deps.database;
  app.get(
    '/api/plans',
    {
      schema: {
        tags: ['plans'],
        summary: 'The workspace’s transformation plans, latest period first',
        response: { 200: z.object({ plans: z.array(planSchema) }) },
      },
      config: { access: 'workspace.read' },
    },
    async (request) => ({ plans: (await listPlans(db, workspaceOf(request).id)).map(presentPlan) }),
  );
  app.get(
    '/api/plans/:id',
    {
      schema: {
        tags: ['plans'],
        summary: 'One plan',
        params: idParams,
        response: { 200: planSchema, ...errors },
      },
      config: { access: 'workspace.read' },
    },
    async (request) => presentPlan(await requirePlan(request, deps, request.params.id)),
  );
  app.post(
    '/api/plans',
    {
      schema: {
        tags: ['plans'],
        summary: 'Creates a plan, as a draft',
        body: planBody,
        response: { 201: planSchema, ...errors },
      },
      config: { access: 'plans.manage' },
    },
    async (request, reply) =>
      answer(
        deps,
        workspaceOf(request).id,
        reply,
        await savePlan(db, request.body, changedBy(request)),
        true,
      ),
  );
  app.put(
    '/api/plans/:id',
    {
      schema: {
        tags: ['plans'],
        summary: 'Changes a plan’s title, period and baseline, if it is still at the version named',
        params: idParams,
        body: planBody.extend(versioned),
        response: { 200: planSchema, ...errors },
      },
      config: { access: 'plans.manage' },
    },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const { version, ...fields } = request.body;
      return answer(
        deps,
        workspaceOf(request).id,
        reply,
        await savePlan(db, fields, changedBy(request), { planId: plan.id, version }),
      );
    },
  );
  app.post(
    '/api/plans/:id/status',
    {
      schema: {
        tags: ['plans'],
        summary: 'Adopts a draft plan or closes an adopted one',
        params: idParams,
        body: z.object({ status: z.enum(['adopted', 'closed']), ...versioned }),
        response: { 200: planSchema, ...errors },
      },
      config: { access: 'plans.manage' },
    },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      return answer(
        deps,
        workspaceOf(request).id,
        reply,
        await movePlan(db, plan.id, request.body.status, request.body.version, changedBy(request)),
      );
    },
  );
}
