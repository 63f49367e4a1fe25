// The stakeholder map's pages: the grid with its table, the form that adds or
// edits a stakeholder, deleting one, and the table as CSV or XLSX. They save
// through stakeholder-changes.ts, as the API does.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { roleHas } from '../../platform/accounts/access.ts';
import { changedBy } from '../../platform/audit/changed-by.ts';
import { AppError } from '../../platform/errors.ts';
import { tableContentTypes, tableFile, tableFormats } from '../../platform/exports/table-file.ts';
import type { App, FeatureDeps, RouteRequest } from '../../platform/http/feature.ts';
import type { FieldErrors } from '../../platform/http/forms.tsx';
import { sendPage } from '../../platform/http/page.tsx';
import { workspaceOf } from '../../platform/http/request-workspace.ts';
import { type Plan, requirePlan } from '../plans/index.ts';
import {
  deleteStakeholder,
  type StakeholderOutcome,
  saveStakeholder,
} from './stakeholder-changes.ts';
import {
  type StakeholderFormValues,
  StakeholderFormView,
  stakeholderFormErrors,
} from './stakeholder-form-views.tsx';
import {
  findStakeholder,
  listOwnerChoices,
  listStakeholders,
  type Stakeholder,
} from './stakeholder-store.ts';
import { stakeholderTable } from './stakeholder-table.ts';
import { StakeholdersView, stakeholdersHref } from './stakeholder-views.tsx';

const planParams = z.object({ id: z.uuid() });
const stakeholderParams = z.object({ id: z.uuid(), stakeholderId: z.uuid() });
const fileParams = z.object({ id: z.uuid(), format: z.enum(tableFormats) });
// A form posts strings; the rules judge them, so every problem is shown beside its field.
const formText = z.string().optional();
const stakeholderForm = z.object({
  name: formText,
  group: formText,
  vulnerableGroup: formText,
  interest: formText,
  influence: formText,
  engagement: formText,
  needs: formText,
  ownerId: formText,
  version: formText,
});
const deleteForm = z.object({ version: z.coerce.number().int() });

const mayEdit = (request: FastifyRequest) =>
  request.signedIn?.member !== undefined && roleHas(request.signedIn.member.role, 'plans.edit');

function valuesOf(body: z.infer<typeof stakeholderForm>): StakeholderFormValues {
  const { version, ...fields } = body;
  return {
    name: fields.name ?? '',
    group: fields.group ?? '',
    vulnerableGroup: fields.vulnerableGroup ?? '',
    interest: fields.interest ?? '',
    influence: fields.influence ?? '',
    engagement: fields.engagement ?? '',
    needs: fields.needs ?? '',
    ownerId: fields.ownerId ?? '',
    ...(version === undefined ? {} : { version }),
  };
}

const storedValues = (stakeholder: Stakeholder): StakeholderFormValues => ({
  name: stakeholder.name,
  group: stakeholder.group,
  vulnerableGroup: stakeholder.vulnerableGroup ?? '',
  interest: String(stakeholder.interest),
  influence: String(stakeholder.influence),
  engagement: stakeholder.engagement,
  needs: stakeholder.needs,
  ownerId: stakeholder.ownerId ?? '',
  version: String(stakeholder.version),
});

async function renderForm(
  deps: FeatureDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  plan: Plan,
  options: {
    stakeholderId?: string;
    values: StakeholderFormValues;
    errors: FieldErrors;
    conflict?: Stakeholder;
    gone?: boolean;
  },
) {
  const { t } = request.messages;
  return sendPage(request, reply, {
    title: options.stakeholderId ? t('stakeholders.editTitle') : t('stakeholders.newTitle'),
    body: (
      <StakeholderFormView
        messages={request.messages}
        plan={plan}
        stakeholderId={options.stakeholderId}
        values={options.values}
        errors={options.errors}
        owners={await listOwnerChoices(deps.database.db, workspaceOf(request).id)}
        conflict={options.conflict}
        gone={options.gone}
        csrfToken={request.signedIn?.csrfToken}
      />
    ),
  });
}

/** After a save: to the map, or the form again with its problems or the other person's change. */
function afterSave(
  deps: FeatureDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  plan: Plan,
  outcome: StakeholderOutcome,
  values: StakeholderFormValues,
  stakeholderId?: string,
) {
  if (outcome.ok) return reply.redirect(stakeholdersHref(plan.id), 303);
  if ('gone' in outcome)
    // Deleted meanwhile: what was typed stays, and saving adds it anew.
    return renderForm(deps, request, reply.status(409), plan, { values, errors: {}, gone: true });
  if ('conflict' in outcome)
    return renderForm(deps, request, reply.status(409), plan, {
      ...(stakeholderId ? { stakeholderId } : {}),
      // What was typed stays; the next save starts from the version now stored.
      values: { ...values, version: String(outcome.conflict.version) },
      errors: {},
      conflict: outcome.conflict,
    });
  return renderForm(deps, request, reply.status(400), plan, {
    ...(stakeholderId ? { stakeholderId } : {}),
    values,
    errors: stakeholderFormErrors(request.messages, outcome.problems),
  });
}

async function showMap(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof planParams }>,
  reply: FastifyReply,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  return sendPage(request, reply, {
    title: `${request.messages.t('stakeholders.title')} · ${plan.title}`,
    body: (
      <StakeholdersView
        messages={request.messages}
        plan={plan}
        stakeholders={await listStakeholders(deps.database.db, plan.id)}
        mayEdit={mayEdit(request)}
      />
    ),
  });
}

async function addFromForm(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof planParams; body: typeof stakeholderForm }>,
  reply: FastifyReply,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  const values = valuesOf({ ...request.body, version: undefined });
  const outcome = await saveStakeholder(deps.database.db, plan.id, values, changedBy(request));
  return afterSave(deps, request, reply, plan, outcome, values);
}

async function requireStakeholder(deps: FeatureDeps, plan: Plan, stakeholderId: string) {
  const stakeholder = await findStakeholder(deps.database.db, plan.id, stakeholderId);
  if (!stakeholder) throw new AppError('not_found', 'There is no such stakeholder in this plan');
  return stakeholder;
}

async function showEditForm(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof stakeholderParams }>,
  reply: FastifyReply,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  const stakeholder = await requireStakeholder(deps, plan, request.params.stakeholderId);
  return renderForm(deps, request, reply, plan, {
    stakeholderId: stakeholder.id,
    values: storedValues(stakeholder),
    errors: {},
  });
}

function versionOf(text: string | undefined): number {
  const version = Number(text);
  if (text === undefined || !Number.isInteger(version))
    throw new AppError('invalid_request', 'The form has no version', [
      { path: 'version', message: 'must be the version the form was opened at' },
    ]);
  return version;
}

async function editFromForm(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof stakeholderParams; body: typeof stakeholderForm }>,
  reply: FastifyReply,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  const values = valuesOf(request.body);
  const outcome = await saveStakeholder(deps.database.db, plan.id, values, changedBy(request), {
    stakeholderId: request.params.stakeholderId,
    version: versionOf(values.version),
  });
  return afterSave(deps, request, reply, plan, outcome, values, request.params.stakeholderId);
}

async function deleteFromForm(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof stakeholderParams; body: typeof deleteForm }>,
  reply: FastifyReply,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  const outcome = await deleteStakeholder(
    deps.database.db,
    plan.id,
    request.params.stakeholderId,
    request.body.version,
    changedBy(request),
  );
  if (outcome.ok || !('conflict' in outcome)) return reply.redirect(stakeholdersHref(plan.id), 303);
  // Changed meanwhile: the form shows the change, to delete it knowingly or keep it.
  return renderForm(deps, request, reply.status(409), plan, {
    stakeholderId: outcome.conflict.id,
    values: storedValues(outcome.conflict),
    errors: {},
    conflict: outcome.conflict,
  });
}

async function sendExport(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof fileParams }>,
  reply: FastifyReply,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  const { format } = request.params;
  const table = stakeholderTable(
    request.messages,
    await listStakeholders(deps.database.db, plan.id),
  );
  return reply
    .header('content-type', tableContentTypes[format])
    .header('content-disposition', `attachment; filename="stakeholders.${format}"`)
    .header('cache-control', 'private, no-store')
    .send(await tableFile(format, table));
}

export async function stakeholderRoutes(app: App, deps: FeatureDeps) {
  const read = { access: 'workspace.read' as const };
  const edit = { access: 'plans.edit' as const };
  app.get(
    '/plans/:id/stakeholders',
    { schema: { hide: true, params: planParams }, config: read },
    (request, reply) => showMap(deps, request, reply),
  );
  app.get(
    '/plans/:id/stakeholders/export.:format',
    { schema: { hide: true, params: fileParams }, config: read },
    (request, reply) => sendExport(deps, request, reply),
  );
  app.get(
    '/plans/:id/stakeholders/new',
    { schema: { hide: true, params: planParams }, config: edit },
    async (request, reply) =>
      renderForm(deps, request, reply, await requirePlan(request, deps, request.params.id), {
        values: {},
        errors: {},
      }),
  );
  app.post(
    '/plans/:id/stakeholders/new',
    { schema: { hide: true, params: planParams, body: stakeholderForm }, config: edit },
    (request, reply) => addFromForm(deps, request, reply),
  );
  app.get(
    '/plans/:id/stakeholders/:stakeholderId/edit',
    { schema: { hide: true, params: stakeholderParams }, config: edit },
    (request, reply) => showEditForm(deps, request, reply),
  );
  app.post(
    '/plans/:id/stakeholders/:stakeholderId/edit',
    { schema: { hide: true, params: stakeholderParams, body: stakeholderForm }, config: edit },
    (request, reply) => editFromForm(deps, request, reply),
  );
  app.post(
    '/plans/:id/stakeholders/:stakeholderId/delete',
    { schema: { hide: true, params: stakeholderParams, body: deleteForm }, config: edit },
    (request, reply) => deleteFromForm(deps, request, reply),
  );
}
