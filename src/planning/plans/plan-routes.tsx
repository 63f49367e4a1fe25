// The plans pages: the list, a plan's overview, the form that creates or edits
// one, and the buttons that adopt and close it. They save through
// plan-changes.ts, as the API does.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { roleHas } from '../../platform/accounts/access.ts';
import { changedBy } from '../../platform/audit/changed-by.ts';
import { AppError } from '../../platform/errors.ts';
import type { App, FeatureDeps, RouteRequest } from '../../platform/http/feature.ts';
import type { FieldErrors } from '../../platform/http/forms.tsx';
import { sendPage } from '../../platform/http/page.tsx';
import { workspaceOf } from '../../platform/http/request-workspace.ts';
import { movePlan, type PlanOutcome, savePlan } from './plan-changes.ts';
import { requirePlan } from './plan-lookup.ts';
import { planStatuses } from './plan-rules.ts';
import { listPlans, listRoundChoices, type Plan } from './plan-store.ts';
import {
  type PlanFormValues,
  PlanFormView,
  PlanOverviewView,
  PlansListView,
  planFormErrors,
  planHref,
  planProblemText,
} from './plan-views.tsx';

const idParams = z.object({ id: z.uuid() });
// A form posts strings; the rules judge them, so every problem is shown beside its field.
const formText = z.string().optional();
const planForm = z.object({
  title: formText,
  startsYear: formText,
  endsYear: formText,
  baselineRoundIds: z.union([z.string(), z.array(z.string())]).optional(),
  version: formText,
});
const statusForm = z.object({ status: z.enum(planStatuses), version: z.coerce.number().int() });

const mayManagePlans = (request: FastifyRequest) =>
  request.signedIn?.member !== undefined && roleHas(request.signedIn.member.role, 'plans.manage');

function valuesOf(body: z.infer<typeof planForm>): PlanFormValues {
  const rounds = body.baselineRoundIds;
  return {
    title: body.title ?? '',
    startsYear: body.startsYear ?? '',
    endsYear: body.endsYear ?? '',
    baselineRoundIds: rounds === undefined ? [] : Array.isArray(rounds) ? rounds : [rounds],
    ...(body.version === undefined ? {} : { version: body.version }),
  };
}

async function renderForm(
  deps: FeatureDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { planId?: string; values: PlanFormValues; errors: FieldErrors; conflict?: Plan },
) {
  const { t } = request.messages;
  const heading = options.planId ? t('plans.editTitle') : t('plans.newTitle');
  return sendPage(request, reply, {
    title: heading,
    body: (
      <PlanFormView
        messages={request.messages}
        action={options.planId ? `/plans/${options.planId}/edit` : '/plans/new'}
        heading={heading}
        values={options.values}
        errors={options.errors}
        rounds={await listRoundChoices(deps.database.db, workspaceOf(request).id)}
        conflict={options.conflict}
        csrfToken={request.signedIn?.csrfToken}
      />
    ),
  });
}

/** After a save: to the plan, or the form again with its problems or the other person's change. */
function afterSave(
  deps: FeatureDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  outcome: PlanOutcome,
  values: PlanFormValues,
  planId?: string,
) {
  if (outcome.ok) return reply.redirect(planHref(outcome.id), 303);
  if ('conflict' in outcome)
    return renderForm(deps, request, reply.status(409), {
      planId,
      // What was typed stays; the next save starts from the version now stored.
      values: { ...values, version: String(outcome.conflict.version) },
      errors: {},
      conflict: outcome.conflict,
    });
  return renderForm(deps, request, reply.status(400), {
    planId,
    values,
    errors: planFormErrors(request.messages, outcome.problems),
  });
}

async function showList(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const plans = await listPlans(deps.database.db, workspaceOf(request).id);
  return sendPage(request, reply, {
    title: request.messages.t('plans.title'),
    body: (
      <PlansListView
        messages={request.messages}
        plans={plans}
        mayManage={mayManagePlans(request)}
      />
    ),
  });
}

async function showPlan(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof idParams }>,
  reply: FastifyReply,
  error?: string,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  return sendPage(request, reply, {
    title: plan.title,
    body: (
      <PlanOverviewView
        messages={request.messages}
        plan={plan}
        mayManage={mayManagePlans(request)}
        csrfToken={request.signedIn?.csrfToken}
        error={error}
      />
    ),
  });
}

async function addFromForm(
  deps: FeatureDeps,
  request: RouteRequest<{ body: typeof planForm }>,
  reply: FastifyReply,
) {
  const values = valuesOf(request.body);
  return afterSave(
    deps,
    request,
    reply,
    await savePlan(deps.database.db, values, changedBy(request)),
    values,
  );
}

async function showEditForm(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof idParams }>,
  reply: FastifyReply,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  return renderForm(deps, request, reply, {
    planId: plan.id,
    values: {
      title: plan.title,
      startsYear: String(plan.startsYear),
      endsYear: String(plan.endsYear),
      baselineRoundIds: plan.baselineRounds.map((round) => round.id),
      version: String(plan.version),
    },
    errors: {},
  });
}

async function editFromForm(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof idParams; body: typeof planForm }>,
  reply: FastifyReply,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  const values = valuesOf(request.body);
  const version = Number(values.version);
  if (!Number.isInteger(version))
    throw new AppError('invalid_request', 'The form has no version', [
      { path: 'version', message: 'must be the version the form was opened at' },
    ]);
  const outcome = await savePlan(deps.database.db, values, changedBy(request), {
    planId: plan.id,
    version,
  });
  return afterSave(deps, request, reply, outcome, values, plan.id);
}

async function moveFromForm(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof idParams; body: typeof statusForm }>,
  reply: FastifyReply,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  const outcome = await movePlan(
    deps.database.db,
    plan.id,
    request.body.status,
    request.body.version,
    changedBy(request),
  );
  if (outcome.ok) return reply.redirect(planHref(plan.id), 303);
  const { t } = request.messages;
  const error =
    'conflict' in outcome
      ? t('plans.conflict.status')
      : outcome.problems.map((problem) => planProblemText(request.messages, problem)).join(' ');
  return showPlan(deps, request, reply.status('conflict' in outcome ? 409 : 400), error);
}

export async function planRoutes(app: App, deps: FeatureDeps) {
  const read = { access: 'workspace.read' as const };
  const manage = { access: 'plans.manage' as const };
  app.get('/plans', { schema: { hide: true }, config: read }, (request, reply) =>
    showList(deps, request, reply),
  );
  app.get('/plans/new', { schema: { hide: true }, config: manage }, (request, reply) =>
    renderForm(deps, request, reply, { values: {}, errors: {} }),
  );
  app.post(
    '/plans/new',
    { schema: { hide: true, body: planForm }, config: manage },
    (request, reply) => addFromForm(deps, request, reply),
  );
  app.get(
    '/plans/:id',
    { schema: { hide: true, params: idParams }, config: read },
    (request, reply) => showPlan(deps, request, reply),
  );
  app.get(
    '/plans/:id/edit',
    { schema: { hide: true, params: idParams }, config: manage },
    (request, reply) => showEditForm(deps, request, reply),
  );
  app.post(
    '/plans/:id/edit',
    { schema: { hide: true, params: idParams, body: planForm }, config: manage },
    (request, reply) => editFromForm(deps, request, reply),
  );
  app.post(
    '/plans/:id/status',
    { schema: { hide: true, params: idParams, body: statusForm }, config: manage },
    (request, reply) => moveFromForm(deps, request, reply),
  );
}
