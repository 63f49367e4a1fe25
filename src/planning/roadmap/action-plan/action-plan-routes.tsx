// The pages of an initiative's action plan, under its page: for each list
// (steps, milestones, resources, KPIs, communications) the forms that add,
// edit and delete an entry; a step's one-click status change; and the form
// that adds a dated entry to the timeline. They save through the changes
// modules, as the API does, and return to the initiative's page.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { changedBy } from '../../../platform/audit/changed-by.ts';
import { AppError } from '../../../platform/errors.ts';
import type { App, FeatureDeps } from '../../../platform/http/feature.ts';
import type { FieldErrors } from '../../../platform/http/forms.tsx';
import { sendPage } from '../../../platform/http/page.tsx';
import { isoToday } from '../../../platform/iso-day.ts';
import { type Plan, requirePlan } from '../../plans/index.ts';
import { requireInitiative } from '../initiative-lookup.ts';
import type { Initiative } from '../initiative-store.ts';
import { deletePartEntry, type PartOutcome, savePartEntry } from './action-plan-changes.ts';
import {
  type FormValues,
  formErrors,
  initiativeHref,
  PartFormView,
  TimelineFormView,
} from './action-plan-form-views.tsx';
import { entryParams, type PartKey, partKeys, partSpecs } from './action-plan-parts.ts';
import { type PartEntry, partStores } from './action-plan-store.ts';
import { changeStepStatus } from './step-changes.ts';
import { addTimelineEntry } from './timeline-changes.ts';

const initiativeParams = z.object({ id: z.uuid(), initiativeId: z.uuid() });
// A form posts strings; the rules judge them, so every problem is shown beside its field.
const formText = z.string().optional();
const formOf = (part: PartKey) =>
  z.object({
    ...Object.fromEntries(partSpecs[part].fields.map((spec) => [spec.name, formText])),
    version: formText,
  });
const versionForm = z.object({ version: z.coerce.number().int() });
const statusForm = z.object({ status: z.string(), version: z.coerce.number().int() });
const timelineForm = z.object({ happenedOn: formText, text: formText, progress: formText });

type Opened = { plan: Plan; initiative: Initiative };

async function open(
  deps: FeatureDeps,
  request: FastifyRequest,
  params: { id: string; initiativeId: string },
): Promise<Opened> {
  const plan = await requirePlan(request, deps, params.id);
  return { plan, initiative: await requireInitiative(deps, plan, params.initiativeId) };
}

async function requireEntry<K extends PartKey>(
  deps: FeatureDeps,
  part: K,
  initiative: Initiative,
  entryId: string,
): Promise<PartEntry<K>> {
  const entry = await partStores[part].find(deps.database.db, initiative.id, entryId);
  if (!entry) throw new AppError('not_found', 'There is no such entry in this action plan');
  return entry;
}

/** A stored entry as its form shows it. */
function storedValues<K extends PartKey>(part: K, entry: PartEntry<K>): FormValues {
  const stored = entry as unknown as Record<string, unknown>;
  return {
    ...Object.fromEntries(
      partSpecs[part].fields.map((spec) => {
        const value = stored[spec.name];
        return [spec.name, value === null || value === undefined ? '' : String(value)];
      }),
    ),
    version: String(entry.version),
  };
}

function versionOf(text: string | undefined): number {
  const version = Number(text);
  if (text === undefined || !Number.isInteger(version))
    throw new AppError('invalid_request', 'The form has no version', [
      { path: 'version', message: 'must be the version the form was opened at' },
    ]);
  return version;
}

function renderForm<K extends PartKey>(
  request: FastifyRequest,
  reply: FastifyReply,
  { plan, initiative }: Opened,
  part: K,
  options: {
    entryId?: string;
    values: FormValues;
    errors: FieldErrors;
    conflict?: PartEntry<K>;
    gone?: boolean;
  },
) {
  const { t } = request.messages;
  return sendPage(request, reply, {
    title: `${t(`actionPlan.${part}.${options.entryId ? 'editTitle' : 'newTitle'}`)} · ${initiative.title}`,
    body: (
      <PartFormView
        messages={request.messages}
        plan={plan}
        initiative={initiative}
        part={part}
        entryId={options.entryId}
        values={options.values}
        errors={options.errors}
        conflict={options.conflict}
        gone={options.gone}
        csrfToken={request.signedIn?.csrfToken}
      />
    ),
  });
}

/** After a change: back to the initiative's list, or the form again with its problems or the other person's change. */
function afterChange<K extends PartKey>(
  request: FastifyRequest,
  reply: FastifyReply,
  opened: Opened,
  part: K,
  outcome: PartOutcome<K>,
  values: FormValues,
  entryId?: string,
) {
  if (outcome.ok)
    return reply.redirect(`${initiativeHref(opened.plan.id, opened.initiative.id)}#${part}`, 303);
  if ('gone' in outcome)
    // Deleted meanwhile: what was typed stays, and saving adds it anew.
    return renderForm(request, reply.status(409), opened, part, { values, errors: {}, gone: true });
  if ('conflict' in outcome)
    return renderForm(request, reply.status(409), opened, part, {
      entryId: outcome.conflict.id,
      // What was typed stays (none for a delete or a status change: the stored entry shows);
      // the next save starts from the version now stored.
      values: {
        ...(entryId ? values : storedValues(part, outcome.conflict)),
        version: String(outcome.conflict.version),
      },
      errors: {},
      conflict: outcome.conflict,
    });
  return renderForm(request, reply.status(400), opened, part, {
    ...(entryId ? { entryId } : {}),
    values,
    errors: formErrors(request.messages, part, outcome.problems),
  });
}

function partRoutes<K extends PartKey>(app: App, deps: FeatureDeps, part: K) {
  const edit = { access: 'plans.edit' as const };
  const { db } = deps.database;
  const base = `/plans/:id/roadmap/:initiativeId/${part}`;
  const param = entryParams[part];
  const entryParamsSchema = initiativeParams.extend({ [param]: z.uuid() });
  const entryIdOf = (params: Record<string, string>) => params[param] ?? '';
  const form = formOf(part);
  app.get(
    `${base}/new`,
    { schema: { hide: true, params: initiativeParams }, config: edit },
    async (request, reply) =>
      renderForm(request, reply, await open(deps, request, request.params), part, {
        values: {},
        errors: {},
      }),
  );
  app.post(
    `${base}/new`,
    { schema: { hide: true, params: initiativeParams, body: form }, config: edit },
    async (request, reply) => {
      const opened = await open(deps, request, request.params);
      const { version: _, ...values } = request.body as FormValues;
      const outcome = await savePartEntry(db, part, opened.initiative, values, changedBy(request));
      return afterChange(request, reply, opened, part, outcome, values);
    },
  );
  app.get(
    `${base}/:${param}/edit`,
    { schema: { hide: true, params: entryParamsSchema }, config: edit },
    async (request, reply) => {
      const params = request.params as Record<string, string> & z.infer<typeof initiativeParams>;
      const opened = await open(deps, request, params);
      const entry = await requireEntry(deps, part, opened.initiative, entryIdOf(params));
      return renderForm(request, reply, opened, part, {
        entryId: entry.id,
        values: storedValues(part, entry),
        errors: {},
      });
    },
  );
  app.post(
    `${base}/:${param}/edit`,
    { schema: { hide: true, params: entryParamsSchema, body: form }, config: edit },
    async (request, reply) => {
      const params = request.params as Record<string, string> & z.infer<typeof initiativeParams>;
      const opened = await open(deps, request, params);
      const values = request.body as FormValues;
      const entryId = entryIdOf(params);
      const outcome = await savePartEntry(db, part, opened.initiative, values, changedBy(request), {
        id: entryId,
        version: versionOf(values.version),
      });
      return afterChange(request, reply, opened, part, outcome, values, entryId);
    },
  );
  app.post(
    `${base}/:${param}/delete`,
    { schema: { hide: true, params: entryParamsSchema, body: versionForm }, config: edit },
    async (request, reply) => {
      const params = request.params as Record<string, string> & z.infer<typeof initiativeParams>;
      const opened = await open(deps, request, params);
      const outcome = await deletePartEntry(
        db,
        part,
        opened.initiative,
        entryIdOf(params),
        request.body.version,
        changedBy(request),
      );
      // Changed meanwhile: the form shows the change, to delete it knowingly or keep it.
      return afterChange(request, reply, opened, part, outcome, {});
    },
  );
}

export async function actionPlanRoutes(app: App, deps: FeatureDeps) {
  const edit = { access: 'plans.edit' as const };
  const { db } = deps.database;
  for (const part of partKeys) partRoutes(app, deps, part);
  app.post(
    '/plans/:id/roadmap/:initiativeId/steps/:stepId/status',
    {
      schema: {
        hide: true,
        params: initiativeParams.extend({ stepId: z.uuid() }),
        body: statusForm,
      },
      config: edit,
    },
    async (request, reply) => {
      const opened = await open(deps, request, request.params);
      const outcome = await changeStepStatus(
        db,
        opened.initiative,
        request.params.stepId,
        request.body.status,
        request.body.version,
        changedBy(request),
      );
      if (!outcome.ok && 'problems' in outcome)
        throw new AppError('invalid_request', 'There is no such step status', [
          { path: 'body.status', message: 'must be one of the step statuses' },
        ]);
      return afterChange(request, reply, opened, 'steps', outcome, {});
    },
  );
  const timelinePath = '/plans/:id/roadmap/:initiativeId/updates/new';
  const renderTimelineForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    { plan, initiative }: Opened,
    values: FormValues,
    errors: FieldErrors,
  ) =>
    sendPage(request, reply, {
      title: `${request.messages.t('actionPlan.updates.newTitle')} · ${initiative.title}`,
      body: (
        <TimelineFormView
          messages={request.messages}
          plan={plan}
          initiative={initiative}
          values={values}
          errors={errors}
          csrfToken={request.signedIn?.csrfToken}
        />
      ),
    });
  app.get(
    timelinePath,
    { schema: { hide: true, params: initiativeParams }, config: edit },
    async (request, reply) =>
      renderTimelineForm(
        request,
        reply,
        await open(deps, request, request.params),
        { happenedOn: isoToday() },
        {},
      ),
  );
  app.post(
    timelinePath,
    { schema: { hide: true, params: initiativeParams, body: timelineForm }, config: edit },
    async (request, reply) => {
      const opened = await open(deps, request, request.params);
      const outcome = await addTimelineEntry(
        db,
        opened.initiative,
        request.body,
        changedBy(request),
      );
      if (outcome.ok)
        return reply.redirect(
          `${initiativeHref(opened.plan.id, opened.initiative.id)}#timeline`,
          303,
        );
      return renderTimelineForm(
        request,
        reply.status(400),
        opened,
        request.body,
        formErrors(request.messages, 'updates', outcome.problems),
      );
    },
  );
}
