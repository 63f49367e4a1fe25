// The workspace's criteria and statuses as JSON: read, and replace whole.
// A replacement may name the revision it starts from; one that comes after
// another person's answers 409 with the list as it now stands.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { changedBy } from '../../../platform/audit/changed-by.ts';
import { AppError } from '../../../platform/errors.ts';
import { errorBodySchema } from '../../../platform/http/errors.ts';
import type { App, FeatureDeps } from '../../../platform/http/feature.ts';
import { workspaceOf } from '../../../platform/http/request-workspace.ts';
import { messagesFor } from '../../../platform/i18n/messages.ts';
import { statusLabel } from '../roadmap-labels.ts';
import { defaultStatuses, type InitiativeStatus, statusKinds } from '../roadmap-statuses.ts';
import { listStatuses } from '../roadmap-statuses-store.ts';
import { axes, type Criterion, defaultCriteria } from './prioritisation.ts';
import { criterionLabel } from './priority-parts.tsx';
import { type SettingsOutcome, saveCriteria, saveStatuses } from './priority-settings-changes.ts';
import {
  CRITERION_LABEL_MAX,
  LIST_MAX,
  revisionOf,
  type SettingsProblem,
  STATUS_LABEL_MAX,
} from './priority-settings-rules.ts';
import { listCriteria, statusUsage } from './priority-settings-store.ts';

// API errors are read by programs and their authors, in English like the field names.
const english = messagesFor('en');
const tags = ['roadmap settings'];
const revision = z
  .string()
  .describe('Name it when replacing the list, to be told of a change since');

const criterionSchema = z
  .object({
    key: z.string().describe('Stable: scores are kept by it'),
    label: z.string().nullable().describe('The workspace’s own words; null keeps the standard one'),
    name: z.string().describe('What it reads as: its label, or the standard wording in English'),
    axis: z.enum(axes),
    weight: z.number(),
  })
  .meta({ id: 'PriorityCriterion' });
const criteriaSchema = z
  .object({ criteria: z.array(criterionSchema), revision })
  .meta({ id: 'PriorityCriteria' });

const statusSchema = z
  .object({
    key: z.string().describe('Stable: initiatives name their status by it'),
    label: z.string().nullable().describe('The workspace’s own words; null keeps the standard one'),
    name: z.string().describe('What it reads as: its label, or the standard wording in English'),
    kind: z.enum(statusKinds),
    defaultProgress: z.number().int().min(0).max(100),
    initiatives: z.number().int().describe('Initiatives at this status, in all plans'),
  })
  .meta({ id: 'InitiativeStatus' });
const statusesSchema = z
  .object({ statuses: z.array(statusSchema), revision })
  .meta({ id: 'InitiativeStatuses' });

// Values are judged by the rules, which name the field in the answer; the
// schema only keeps a runaway body out.
const rowFields = {
  key: z
    .string()
    .max(100)
    .optional()
    .describe('An entry’s key; none for a new one, given from its label'),
  label: z.string().max(1000).nullable().optional(),
};
const criteriaBody = z.object({
  criteria: z
    .array(
      z.object({
        ...rowFields,
        label: rowFields.label.describe(`At most ${CRITERION_LABEL_MAX} characters`),
        axis: z
          .string()
          .max(40)
          .describe(`One of: ${axes.join(', ')}`),
        weight: z.number().describe('Above 0'),
      }),
    )
    .max(LIST_MAX * 4)
    .describe('The whole list, in order: a criterion left out is removed with its scores'),
  revision: revision.optional(),
});
const statusesBody = z.object({
  statuses: z
    .array(
      z.object({
        ...rowFields,
        label: rowFields.label.describe(`At most ${STATUS_LABEL_MAX} characters`),
        kind: z
          .string()
          .max(40)
          .describe(`One of: ${statusKinds.join(', ')}`),
        defaultProgress: z.number().describe('A whole number from 0 to 100'),
      }),
    )
    .max(LIST_MAX * 4)
    .describe('The whole list, in order: a status in use cannot be left out'),
  revision: revision.optional(),
});

const conflict = (schema: z.ZodType, id: string) =>
  errorBodySchema
    .extend({ current: schema.describe('The list as another change left it') })
    .meta({ id });
const criteriaErrors = {
  400: errorBodySchema,
  409: conflict(criteriaSchema, 'PriorityCriteriaConflict'),
};
const statusesErrors = {
  400: errorBodySchema,
  409: conflict(statusesSchema, 'InitiativeStatusesConflict'),
};

function presentCriteria(criteria: readonly Criterion[]): z.infer<typeof criteriaSchema> {
  return {
    criteria: criteria.map((criterion) => ({
      key: criterion.key,
      label: criterion.label,
      name: criterionLabel(english, criterion),
      axis: criterion.axis,
      weight: criterion.weight,
    })),
    revision: revisionOf(criteria),
  };
}

function presentStatuses(
  statuses: readonly InitiativeStatus[],
  usage: ReadonlyMap<string, number>,
): z.infer<typeof statusesSchema> {
  return {
    statuses: statuses.map((status) => ({
      key: status.key,
      label: status.label,
      name: statusLabel(english, status),
      kind: status.kind,
      defaultProgress: status.defaultProgress,
      initiatives: usage.get(status.key) ?? 0,
    })),
    revision: revisionOf(statuses),
  };
}

const standardNames = new Map<string, string>([
  ...defaultCriteria.map((c) => [c.key, criterionLabel(english, c)] as const),
  ...defaultStatuses.map((s) => [s.key, statusLabel(english, s)] as const),
]);

function refused(list: 'criteria' | 'statuses', problems: readonly SettingsProblem[]): never {
  throw new AppError(
    'invalid_request',
    `The ${list} were refused; nothing was saved`,
    problems.map((problem) => ({
      path:
        problem.index === null ? `body.${list}` : `body.${list}.${problem.index}.${problem.field}`,
      message: english.t(`priorities.error.${problem.rule}`, {
        ...problem.values,
        ...(problem.values?.key === undefined
          ? {}
          : {
              status: standardNames.get(String(problem.values.key)) ?? String(problem.values.key),
            }),
      }),
    })),
  );
}

function answer<T>(
  reply: FastifyReply,
  list: 'criteria' | 'statuses',
  outcome: SettingsOutcome<T>,
  present: (list: readonly T[]) => unknown,
) {
  if (outcome.ok) return reply.send(present(outcome.list));
  if ('conflict' in outcome)
    return reply.status(409).send({
      error: {
        code: 'conflict',
        message: `The ${list} were changed since the revision named; nothing was saved`,
        fields: [{ path: 'revision', message: `is ${revisionOf(outcome.conflict)} now` }],
      },
      current: present(outcome.conflict),
    });
  return refused(list, outcome.problems);
}

export async function prioritySettingsApi(app: App, deps: FeatureDeps) {
  const { db } = deps.database;
  app.get(
    '/api/roadmap-settings/criteria',
    {
      schema: {
        tags,
        summary: 'The criteria initiatives are scored on, in order',
        response: { 200: criteriaSchema },
      },
      config: { access: 'workspace.read' },
    },
    async (request) => presentCriteria(await listCriteria(db, workspaceOf(request).id)),
  );
  app.put(
    '/api/roadmap-settings/criteria',
    {
      schema: {
        tags,
        summary: 'Replaces the criteria, whole or not at all',
        body: criteriaBody,
        response: { 200: criteriaSchema, ...criteriaErrors },
      },
      config: { access: 'plans.manage' },
    },
    async (request, reply) =>
      answer(
        reply,
        'criteria',
        await saveCriteria(db, request.body.criteria, changedBy(request), request.body.revision),
        presentCriteria,
      ),
  );
  app.get(
    '/api/roadmap-settings/statuses',
    {
      schema: {
        tags,
        summary: 'The statuses initiatives move through, in order, with how many are at each',
        response: { 200: statusesSchema },
      },
      config: { access: 'workspace.read' },
    },
    async (request) => {
      const workspaceId = workspaceOf(request).id;
      return presentStatuses(
        await listStatuses(db, workspaceId),
        await statusUsage(db, workspaceId),
      );
    },
  );
  app.put(
    '/api/roadmap-settings/statuses',
    {
      schema: {
        tags,
        summary: 'Replaces the statuses, whole or not at all; a status in use cannot go',
        body: statusesBody,
        response: { 200: statusesSchema, ...statusesErrors },
      },
      config: { access: 'plans.manage' },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request).id;
      const outcome = await saveStatuses(
        db,
        request.body.statuses,
        changedBy(request),
        request.body.revision,
      );
      const usage = await statusUsage(db, workspaceId);
      return answer(reply, 'statuses', outcome, (list) => presentStatuses(list, usage));
    },
  );
}
