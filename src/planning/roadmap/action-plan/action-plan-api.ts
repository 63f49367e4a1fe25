// An initiative's action plan as JSON, under
// /api/plans/:id/initiatives/:initiativeId: for each list (steps, milestones,
// resources, KPIs, communications) list, add, edit and delete (naming the
// version the change starts from; a late change answers 409 with the entry as
// it now stands), and the timeline: list, newest first, and add.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { changedBy } from '../../../platform/audit/changed-by.ts';
import { AppError } from '../../../platform/errors.ts';
import { errorBodySchema } from '../../../platform/http/errors.ts';
import type { App, FeatureDeps } from '../../../platform/http/feature.ts';
import { messagesFor } from '../../../platform/i18n/messages.ts';
import { planConflictSchema, requirePlan } from '../../plans/index.ts';
import { requireInitiative } from '../initiative-lookup.ts';
import { deletePartEntry, type PartOutcome, savePartEntry } from './action-plan-changes.ts';
import { problemText } from './action-plan-form-views.tsx';
import { entryParams, type PartKey, partKeys } from './action-plan-parts.ts';
import {
  type ActionPlanProblem,
  CHANNEL_MAX,
  DESCRIPTION_MAX,
  MESSAGE_MAX,
  PERSON_MAX,
  type RawFields,
  resourceKinds,
  TITLE_MAX,
  UNIT_MAX,
  UPDATE_TEXT_MAX,
} from './action-plan-rules.ts';
import { type PartEntry, partStores } from './action-plan-store.ts';
import { EXTERNAL_ID_MAX, STEP_PERSON_MAX, STEP_WHAT_MAX, stepStatuses } from './step-rules.ts';
import { addTimelineEntry } from './timeline-changes.ts';
import { listTimeline, type TimelineEntry } from './timeline-store.ts';

const initiativeParams = z.object({ id: z.uuid(), initiativeId: z.uuid() });
// API errors are read by programs and their authors, in English like the field names.
const english = messagesFor('en');

const day = z.iso.date().nullable();
// Lengths and values are checked by the rules, which name the field in the
// answer; the schemas only type the body and keep a runaway one out.
const text = (max: number) => z.string().max(max * 2);
const optionalText = (max: number) => text(max).default('');
const dayText = z.string().max(40).nullable().default(null).describe('A day, YYYY-MM-DD');
const amount = z.number().nullable().default(null);

const bodies = {
  steps: z.object({
    what: text(STEP_WHAT_MAX),
    responsible: optionalText(STEP_PERSON_MAX),
    supporting: optionalText(STEP_PERSON_MAX),
    dueOn: dayText,
    status: z
      .string()
      .max(40)
      .default('not_started')
      .describe(`One of: ${stepStatuses.join(', ')}`),
    externalId: text(EXTERNAL_ID_MAX)
      .nullable()
      .default(null)
      .describe('A stable id from a spreadsheet'),
  }),
  milestones: z.object({
    title: text(TITLE_MAX),
    dueOn: z.string().max(40).describe('A day, YYYY-MM-DD'),
    reachedOn: dayText.describe('The day it was reached, not after today'),
  }),
  resources: z.object({
    kind: z
      .string()
      .max(40)
      .describe(`One of: ${resourceKinds.join(', ')}`),
    description: text(DESCRIPTION_MAX),
    amount: amount.describe('0 or more; needs a unit'),
    unit: text(UNIT_MAX).nullable().default(null).describe('A currency or unit, e.g. USD'),
  }),
  kpis: z.object({
    name: text(TITLE_MAX),
    unit: optionalText(UNIT_MAX),
    baseline: amount,
    target: amount,
    targetOn: dayText,
  }),
  communications: z.object({
    audience: text(PERSON_MAX),
    message: text(MESSAGE_MAX),
    channel: text(CHANNEL_MAX),
    frequency: text(CHANNEL_MAX),
    owner: optionalText(PERSON_MAX),
  }),
} satisfies Record<PartKey, z.ZodObject>;

const stored = {
  id: z.uuid(),
  version: z.number().int().describe('Name it when changing the entry'),
};
const entrySchemas = {
  steps: z
    .object({
      ...stored,
      what: z.string(),
      responsible: z.string(),
      supporting: z.string(),
      dueOn: day,
      status: z.enum(stepStatuses),
      externalId: z.string().nullable(),
    })
    .meta({ id: 'ActionPlanStep' }),
  milestones: z
    .object({ ...stored, title: z.string(), dueOn: z.iso.date(), reachedOn: day })
    .meta({ id: 'ActionPlanMilestone' }),
  resources: z
    .object({
      ...stored,
      kind: z.enum(resourceKinds),
      description: z.string(),
      amount: z.number().nullable(),
      unit: z.string().nullable(),
    })
    .meta({ id: 'ActionPlanResource' }),
  kpis: z
    .object({
      ...stored,
      name: z.string(),
      unit: z.string(),
      baseline: z.number().nullable(),
      target: z.number().nullable(),
      targetOn: day,
    })
    .meta({ id: 'ActionPlanKpi' }),
  communications: z
    .object({
      ...stored,
      audience: z.string(),
      message: z.string(),
      channel: z.string(),
      frequency: z.string(),
      owner: z.string(),
    })
    .meta({ id: 'ActionPlanCommunication' }),
} satisfies Record<PartKey, z.ZodObject>;

const timelineEntrySchema = z
  .object({
    id: z.uuid(),
    happenedOn: z.iso.date(),
    text: z.string(),
    progress: z.number().int().min(0).max(100).nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'TimelineEntry' });
const timelineBody = z.object({
  happenedOn: z.string().max(40).describe('A day, YYYY-MM-DD, not after today'),
  text: text(UPDATE_TEXT_MAX),
  progress: z
    .number()
    .nullable()
    .default(null)
    .describe('0–100; the latest entry’s sets the initiative’s reported progress'),
});

/** What leaves the server of an entry: its schema's fields, nothing more. */
function present<K extends PartKey>(part: K, entry: PartEntry<K>) {
  const shape = entrySchemas[part].shape as Record<string, unknown>;
  const row = entry as unknown as Record<string, unknown>;
  return Object.fromEntries(Object.keys(shape).map((key) => [key, row[key]]));
}

const presentEntry = (entry: TimelineEntry): z.infer<typeof timelineEntrySchema> => ({
  id: entry.id,
  happenedOn: entry.happenedOn,
  text: entry.text,
  progress: entry.progress,
  createdAt: entry.createdAt.toISOString(),
});

function refused(what: string, problems: readonly ActionPlanProblem[]): never {
  throw new AppError(
    'invalid_request',
    `The ${what} was refused; nothing was saved`,
    problems.map((problem) => ({
      path: `body.${problem.field}`,
      message: problemText(english, problem),
    })),
  );
}

async function answer<K extends PartKey>(
  deps: FeatureDeps,
  part: K,
  initiativeId: string,
  reply: FastifyReply,
  outcome: PartOutcome<K>,
  created = false,
) {
  if (outcome.ok) {
    const entry = await partStores[part].find(deps.database.db, initiativeId, outcome.id);
    if (!entry) throw new AppError('not_found', 'There is no such entry in this action plan');
    return reply.status(created ? 201 : 200).send(present(part, entry));
  }
  if ('gone' in outcome)
    throw new AppError('not_found', 'There is no such entry in this action plan');
  if ('conflict' in outcome)
    return reply.status(409).send({
      error: {
        code: 'conflict',
        message: 'The entry was changed since the version named; nothing was saved',
        fields: [{ path: 'version', message: `is ${outcome.conflict.version} now` }],
      },
      current: present(part, outcome.conflict),
    });
  return refused('entry', outcome.problems);
}

function partApi(app: App, deps: FeatureDeps, part: PartKey) {
  const { db } = deps.database;
  const tags = ['action plans'];
  const base = `/api/plans/:id/initiatives/:initiativeId/${part}`;
  const param = entryParams[part];
  // Typed as the initiative's parameters: the entry's, named per list, is read with entryIdOf.
  const entryParamsSchema = initiativeParams.extend({
    [param]: z.uuid(),
  }) as unknown as typeof initiativeParams;
  const entryIdOf = (params: object) => (params as Record<string, string>)[param] ?? '';
  // One list's schemas, typed loosely: the handlers below serve every list.
  const entrySchema: z.ZodObject = entrySchemas[part];
  const body: z.ZodObject = bodies[part];
  const conflictSchema = planConflictSchema(entrySchema, 'The entry');
  const errors = { 400: errorBodySchema, 404: errorBodySchema, 409: conflictSchema };
  const open = async (
    request: Parameters<typeof requirePlan>[0],
    params: z.infer<typeof initiativeParams>,
  ) => requireInitiative(deps, await requirePlan(request, deps, params.id), params.initiativeId);
  app.get(
    base,
    {
      schema: {
        tags,
        summary: `The initiative’s ${part}`,
        params: initiativeParams,
        response: { 200: z.object({ [part]: z.array(entrySchema) }), ...errors },
      },
      config: { access: 'workspace.read' },
    },
    async (request) => {
      const initiative = await open(request, request.params);
      const entries = await partStores[part].list(db, [initiative.id]);
      return { [part]: entries.map((entry) => present(part, entry)) };
    },
  );
  app.post(
    base,
    {
      schema: {
        tags,
        summary: `Adds to the initiative’s ${part}`,
        params: initiativeParams,
        body,
        response: { 201: entrySchema, ...errors },
      },
      config: { access: 'plans.edit' },
    },
    async (request, reply) => {
      const initiative = await open(request, request.params);
      const outcome = await savePartEntry(
        db,
        part,
        initiative,
        request.body as RawFields,
        changedBy(request),
      );
      return answer(deps, part, initiative.id, reply, outcome, true);
    },
  );
  app.put(
    `${base}/:${param}`,
    {
      schema: {
        tags,
        summary: `Changes one of the initiative’s ${part}, if it is still at the version named`,
        params: entryParamsSchema,
        body: body.extend({
          version: z.number().int().describe('The version the change starts from'),
        }),
        response: { 200: entrySchema, ...errors },
      },
      config: { access: 'plans.edit' },
    },
    async (request, reply) => {
      const initiative = await open(request, request.params);
      const { version, ...fields } = request.body as Record<string, unknown> & { version: number };
      const outcome = await savePartEntry(
        db,
        part,
        initiative,
        fields as RawFields,
        changedBy(request),
        { id: entryIdOf(request.params), version },
      );
      return answer(deps, part, initiative.id, reply, outcome);
    },
  );
  app.delete(
    `${base}/:${param}`,
    {
      schema: {
        tags,
        summary: `Deletes one of the initiative’s ${part}, if it is still at the version named`,
        params: entryParamsSchema,
        querystring: z.object({
          version: z.coerce.number().int().describe('The version the deletion starts from'),
        }),
        response: { 204: z.null().describe('Deleted'), ...errors },
      },
      config: { access: 'plans.edit' },
    },
    async (request, reply) => {
      const initiative = await open(request, request.params);
      const outcome = await deletePartEntry(
        db,
        part,
        initiative,
        entryIdOf(request.params),
        request.query.version,
        changedBy(request),
      );
      if (outcome.ok) return reply.status(204).send(null);
      return answer(deps, part, initiative.id, reply, outcome);
    },
  );
}

export async function actionPlanApi(app: App, deps: FeatureDeps) {
  const { db } = deps.database;
  for (const part of partKeys) partApi(app, deps, part);
  const tags = ['action plans'];
  const path = '/api/plans/:id/initiatives/:initiativeId/updates';
  app.get(
    path,
    {
      schema: {
        tags,
        summary: 'The initiative’s timeline, newest first',
        params: initiativeParams,
        response: {
          200: z.object({ updates: z.array(timelineEntrySchema) }),
          404: errorBodySchema,
        },
      },
      config: { access: 'workspace.read' },
    },
    async (request) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const initiative = await requireInitiative(deps, plan, request.params.initiativeId);
      return { updates: (await listTimeline(db, [initiative.id])).map(presentEntry) };
    },
  );
  app.post(
    path,
    {
      schema: {
        tags,
        summary:
          'Adds a dated entry to the initiative’s timeline; the latest entry’s progress becomes the initiative’s',
        params: initiativeParams,
        body: timelineBody,
        response: {
          201: timelineEntrySchema.extend({
            reported: z.boolean().describe('Whether it set the initiative’s reported progress'),
          }),
          400: errorBodySchema,
          404: errorBodySchema,
        },
      },
      config: { access: 'plans.edit' },
    },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const initiative = await requireInitiative(deps, plan, request.params.initiativeId);
      const outcome = await addTimelineEntry(db, initiative, request.body, changedBy(request));
      if (!outcome.ok) return refused('timeline entry', outcome.problems);
      const entry = (await listTimeline(db, [initiative.id])).find((one) => one.id === outcome.id);
      if (!entry) throw new AppError('not_found', 'There is no such timeline entry');
      return reply.status(201).send({ ...presentEntry(entry), reported: outcome.reported });
    },
  );
}
