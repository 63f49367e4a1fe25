// An initiative's pages: the form that adds one (from scratch, or from an
// accepted recommendation, a SWOT weakness or a goal), its page, the form
// that edits it, and deleting it. They save through initiative-changes.ts, as
// the API does.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { textOf as frameworkText } from '../../assessment/frameworks/index.ts';
import { roleHas } from '../../platform/accounts/access.ts';
import { changedBy } from '../../platform/audit/changed-by.ts';
import { AppError } from '../../platform/errors.ts';
import type { App, FeatureDeps, RouteRequest } from '../../platform/http/feature.ts';
import { bodyVersion, formBody } from '../../platform/http/form-body.ts';
import type { FieldErrors } from '../../platform/http/forms.tsx';
import { sendPage } from '../../platform/http/page.tsx';
import { workspaceOf } from '../../platform/http/request-workspace.ts';
import { type Plan, requirePlan } from '../plans/index.ts';
import { ActionPlanSections, loadActionPlan } from './action-plan/index.ts';
import { listAgencyNames } from './agency-names.ts';
import { deleteInitiative, type InitiativeOutcome, saveInitiative } from './initiative-changes.ts';
import { rawOf, storedValues, valuesOf } from './initiative-form-values.ts';
import {
  type InitiativeFormChoices,
  type InitiativeFormValues,
  InitiativeFormView,
  initiativeFormErrors,
} from './initiative-form-views.tsx';
import { requireInitiative } from './initiative-lookup.ts';
import { findOrigin, type OriginChoice, originOf, prefillFrom } from './initiative-origins.ts';
import { openInitiativePage } from './initiative-page.ts';
import type { Initiative } from './initiative-store.ts';
import { InitiativeView } from './initiative-views.tsx';
import { openRoadmap } from './open-roadmap.ts';
import { loadPriority, PrioritySummary } from './priorities/index.ts';
import { openRoadmapEvidence, type RoadmapEvidence } from './roadmap-evidence.ts';
import { initiativeHref, roadmapHref } from './roadmap-labels.ts';
import { originText } from './roadmap-views.tsx';

const planParams = z.object({ id: z.uuid() });
const initiativeParams = z.object({ id: z.uuid(), initiativeId: z.uuid() });
const originQuery = z.object({
  from: z.enum(['recommendation', 'swot_entry', 'goal']).optional(),
  ref: z.string().max(200).optional(),
});

const mayEdit = (request: FastifyRequest) =>
  request.signedIn?.member !== undefined && roleHas(request.signedIn.member.role, 'plans.edit');

async function formChoices(
  deps: FeatureDeps,
  request: FastifyRequest,
  plan: Plan,
  evidence: RoadmapEvidence,
  selfId: string | undefined,
): Promise<InitiativeFormChoices> {
  const { db } = deps.database;
  const workspaceId = workspaceOf(request).id;
  const [roadmap, agencies, members] = await Promise.all([
    openRoadmap(db, workspaceId, plan),
    listAgencyNames(db, workspaceId),
    db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.name'])
      .where('memberships.workspace_id', '=', workspaceId)
      .orderBy('users.name')
      .execute(),
  ]);
  const { t } = request.messages;
  const text = evidence.framework ? frameworkText(request.messages, evidence.framework) : undefined;
  return {
    statuses: roadmap.statuses,
    initiatives: roadmap.initiatives
      .filter((initiative) => initiative.id !== selfId)
      .map(({ id, title, level }) => ({ id, title, level })),
    agencies: agencies.map((agency) => ({
      value: agency.id,
      label: agency.acronym ? `${agency.name} (${agency.acronym})` : agency.name,
    })),
    members: members.map((member) => ({ value: member.id, label: member.name })),
    goals: evidence.goals.map((goal) => ({ value: goal.id, label: goal.title })),
    swotEntries: evidence.swotEntries.map((entry) => ({
      value: entry.id,
      label: `${t(`vision.swotQuadrant.${entry.quadrant}`)}: ${entry.text}`,
    })),
    dimensions:
      evidence.framework && text
        ? evidence.framework.dimensions.map((dimension) => ({
            value: dimension.code,
            label: text(dimension.name),
            subdimensions: dimension.subdimensions.map((subdimension) => ({
              value: subdimension.code,
              label: `${text(subdimension.name)} (${subdimension.code})`,
            })),
          }))
        : [],
  };
}

async function renderForm(
  deps: FeatureDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  plan: Plan,
  options: {
    initiativeId?: string;
    origin?: OriginChoice | undefined;
    values: InitiativeFormValues;
    errors: FieldErrors;
    conflict?: Initiative;
    gone?: boolean;
    evidence?: RoadmapEvidence;
  },
) {
  const { t } = request.messages;
  const evidence =
    options.evidence ??
    (await openRoadmapEvidence(deps.database.db, plan, deps.resultsMinRespondents));
  const action = options.initiativeId
    ? `${initiativeHref(plan.id, options.initiativeId)}/edit`
    : `${roadmapHref(plan.id)}/new`;
  return sendPage(request, reply, {
    title: options.initiativeId ? t('roadmap.editTitle') : t('roadmap.newTitle'),
    body: (
      <InitiativeFormView
        messages={request.messages}
        plan={plan}
        action={action}
        heading={options.initiativeId ? t('roadmap.editTitle') : t('roadmap.newTitle')}
        origin={
          options.origin &&
          `${t(`roadmap.origin.${options.origin.kind}`)}: ${originText(request.messages, evidence, options.origin)}`
        }
        values={options.values}
        errors={options.errors}
        choices={await formChoices(deps, request, plan, evidence, options.initiativeId)}
        conflict={options.conflict}
        gone={options.gone}
        csrfToken={request.signedIn?.csrfToken}
      />
    ),
  });
}

/** The origin a form names, or a refusal naming `ref` when it is no longer one the plan offers. */
function requireOrigin(
  evidence: RoadmapEvidence,
  from: string | undefined,
  ref: string | undefined,
) {
  if (!from) return undefined;
  const origin = findOrigin(evidence, from, ref);
  if (!origin)
    throw new AppError('invalid_request', 'There is nothing of this kind to start from', [
      {
        path: 'ref',
        message: 'is not an accepted recommendation, a weakness or a goal of this plan',
      },
    ]);
  return origin;
}

async function showNewForm(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof planParams; querystring: typeof originQuery }>,
  reply: FastifyReply,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  const evidence = await openRoadmapEvidence(deps.database.db, plan, deps.resultsMinRespondents);
  const origin = requireOrigin(evidence, request.query.from, request.query.ref);
  const text = evidence.framework ? frameworkText(request.messages, evidence.framework) : () => '';
  const prefill = origin ? prefillFrom(origin, evidence, (value) => text(value)) : {};
  const codes = (kind: string) =>
    (prefill.codes ?? []).filter((code) => code.kind === kind).map((code) => code.code);
  return renderForm(deps, request, reply, plan, {
    origin,
    evidence,
    errors: {},
    values: {
      title: prefill.title ?? '',
      description: prefill.description ?? '',
      horizon: prefill.horizon ?? '',
      goalIds: [...(prefill.goalIds ?? [])],
      swotEntryIds: [...(prefill.swotEntryIds ?? [])],
      subdimensionCodes: codes('subdimension'),
      recommendationCodes: codes('recommendation'),
      ...(origin ? { from: origin.kind, ref: origin.ref } : {}),
    },
  });
}

/** After a save: to the initiative's page, or the form again with its problems or the other person's change. */
function afterSave(
  deps: FeatureDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  plan: Plan,
  outcome: InitiativeOutcome,
  values: InitiativeFormValues,
  options: {
    initiativeId?: string;
    origin?: OriginChoice | undefined;
    /** Already opened to check the origin; the form opens it otherwise, only when shown again. */
    evidence?: RoadmapEvidence | undefined;
  },
) {
  const { initiativeId, origin, evidence } = options;
  if (outcome.ok) return reply.redirect(initiativeHref(plan.id, outcome.id), 303);
  if ('gone' in outcome) {
    // Deleted meanwhile: what was typed stays, and saving adds it anew.
    const { version: _, ...typed } = values;
    return renderForm(deps, request, reply.status(409), plan, {
      origin,
      ...(evidence ? { evidence } : {}),
      values: typed,
      errors: {},
      gone: true,
    });
  }
  const base = {
    origin,
    ...(evidence ? { evidence } : {}),
    ...(initiativeId ? { initiativeId } : {}),
  };
  if ('conflict' in outcome)
    return renderForm(deps, request, reply.status(409), plan, {
      ...base,
      values: { ...values, version: String(outcome.conflict.version) },
      errors: {},
      conflict: outcome.conflict,
    });
  return renderForm(deps, request, reply.status(400), plan, {
    ...base,
    values,
    errors: initiativeFormErrors(request.messages, outcome.problems),
  });
}

async function addFromForm(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof planParams; body: typeof formBody }>,
  reply: FastifyReply,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  const values = { ...valuesOf(request.body), version: undefined };
  // The baseline's evidence is opened only to check an origin named; a plain save needs none.
  const evidence = values.from
    ? await openRoadmapEvidence(deps.database.db, plan, deps.resultsMinRespondents)
    : undefined;
  const origin = evidence && requireOrigin(evidence, values.from, values.ref || undefined);
  const outcome = await saveInitiative(
    deps.database.db,
    plan.id,
    rawOf(values),
    changedBy(request),
    origin && evidence ? { origin: originOf(origin, evidence) } : {},
  );
  return afterSave(deps, request, reply, plan, outcome, values, { origin, evidence });
}

async function showEditForm(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof initiativeParams }>,
  reply: FastifyReply,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  const initiative = await requireInitiative(deps, plan, request.params.initiativeId);
  return renderForm(deps, request, reply, plan, {
    initiativeId: initiative.id,
    values: storedValues(initiative),
    errors: {},
  });
}

async function editFromForm(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof initiativeParams; body: typeof formBody }>,
  reply: FastifyReply,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  const values = valuesOf(request.body);
  const outcome = await saveInitiative(
    deps.database.db,
    plan.id,
    rawOf(values),
    changedBy(request),
    {
      existing: { initiativeId: request.params.initiativeId, version: bodyVersion(request.body) },
    },
  );
  return afterSave(deps, request, reply, plan, outcome, values, {
    initiativeId: request.params.initiativeId,
  });
}

async function deleteFromForm(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof initiativeParams; body: typeof formBody }>,
  reply: FastifyReply,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  const outcome = await deleteInitiative(
    deps.database.db,
    plan.id,
    request.params.initiativeId,
    bodyVersion(request.body),
    changedBy(request),
  );
  if (outcome.ok || !('conflict' in outcome)) return reply.redirect(roadmapHref(plan.id), 303);
  // Changed meanwhile: the form shows the change, to delete it knowingly or keep it.
  return renderForm(deps, request, reply.status(409), plan, {
    initiativeId: outcome.conflict.id,
    values: storedValues(outcome.conflict),
    errors: {},
    conflict: outcome.conflict,
  });
}

async function showInitiative(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof initiativeParams }>,
  reply: FastifyReply,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  const page = await openInitiativePage(
    deps,
    workspaceOf(request).id,
    plan,
    request.params.initiativeId,
  );
  const [actionPlan, { priority, criteria }] = await Promise.all([
    loadActionPlan(deps.database.db, page.initiative.id),
    loadPriority(deps.database.db, workspaceOf(request).id, page.initiative.id),
  ]);
  const csrfToken = request.signedIn?.csrfToken;
  return sendPage(request, reply, {
    title: `${page.initiative.title} · ${plan.title}`,
    body: (
      <InitiativeView
        messages={request.messages}
        page={page}
        kpis={actionPlan.kpis}
        mayEdit={mayEdit(request)}
        csrfToken={csrfToken}
        priority={
          <PrioritySummary
            messages={request.messages}
            plan={plan}
            initiative={page.initiative}
            priority={priority}
            criteria={criteria}
            mayScore={mayEdit(request)}
          />
        }
        actionPlan={
          <ActionPlanSections
            messages={request.messages}
            plan={plan}
            initiative={page.initiative}
            actionPlan={actionPlan}
            mayEdit={mayEdit(request)}
            csrfToken={csrfToken}
            today={page.today}
          />
        }
      />
    ),
  });
}

export async function initiativeRoutes(app: App, deps: FeatureDeps) {
  const read = { access: 'workspace.read' as const };
  const edit = { access: 'plans.edit' as const };
  app.get(
    '/plans/:id/roadmap/new',
    { schema: { hide: true, params: planParams, querystring: originQuery }, config: edit },
    (request, reply) => showNewForm(deps, request, reply),
  );
  app.post(
    '/plans/:id/roadmap/new',
    { schema: { hide: true, params: planParams, body: formBody }, config: edit },
    (request, reply) => addFromForm(deps, request, reply),
  );
  app.get(
    '/plans/:id/roadmap/:initiativeId',
    { schema: { hide: true, params: initiativeParams }, config: read },
    (request, reply) => showInitiative(deps, request, reply),
  );
  app.get(
    '/plans/:id/roadmap/:initiativeId/edit',
    { schema: { hide: true, params: initiativeParams }, config: edit },
    (request, reply) => showEditForm(deps, request, reply),
  );
  app.post(
    '/plans/:id/roadmap/:initiativeId/edit',
    { schema: { hide: true, params: initiativeParams, body: formBody }, config: edit },
    (request, reply) => editFromForm(deps, request, reply),
  );
  app.post(
    '/plans/:id/roadmap/:initiativeId/delete',
    { schema: { hide: true, params: initiativeParams, body: formBody }, config: edit },
    (request, reply) => deleteFromForm(deps, request, reply),
  );
}
