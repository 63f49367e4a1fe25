// The pages of a vision's goals and their priorities: writing a goal (its SDG
// targets offered for the goals chosen, so the form works without JavaScript:
// choose goals, "save and choose targets", then tick targets), and adding,
// editing a priority. They save through vision-changes.ts, as the API does.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { changedBy } from '../../platform/audit/changed-by.ts';
import { AppError } from '../../platform/errors.ts';
import type { App, FeatureDeps, RouteRequest } from '../../platform/http/feature.ts';
import {
  type FormBody,
  formBody,
  bodyList as listOf,
  bodyText as textOf,
  bodyVersion as versionOf,
} from '../../platform/http/form-body.ts';
import { sendPage } from '../../platform/http/page.tsx';
import { saveGoal, savePriority, type VisionOutcome } from './vision-changes.ts';
import { type GoalFormValues, GoalFormView, goalFormValues } from './vision-goal-form-views.tsx';
import { type PriorityFormValues, PriorityFormView } from './vision-goal-views.tsx';
import { goalEvidenceOf, openVision } from './vision-lookup.ts';
import { goalAnchor, goalHref, visionFormErrors, visionHref } from './vision-parts.tsx';
import { entryParams, planParams, showVision } from './vision-routes.tsx';
import type { VisionGoal, VisionPriority } from './vision-store.ts';

function goalValuesOf(body: FormBody): GoalFormValues {
  return {
    title: textOf(body, 'title') ?? '',
    description: textOf(body, 'description') ?? '',
    sdgGoals: listOf(body, 'sdgGoals'),
    // Targets come in one group per SDG goal: sdgTargets-16, sdgTargets-9 …
    sdgTargets: Object.keys(body)
      .filter((name) => name.startsWith('sdgTargets'))
      .flatMap((name) => listOf(body, name)),
    subdimensionCodes: listOf(body, 'subdimensionCodes'),
    recommendationCodes: listOf(body, 'recommendationCodes'),
    // SWOT entries come in one group per quadrant: swotEntryIds-weakness …
    swotEntryIds: Object.keys(body)
      .filter((name) => name.startsWith('swotEntryIds'))
      .flatMap((name) => listOf(body, name)),
    ...(body.version === undefined ? {} : { version: textOf(body, 'version') ?? '' }),
  };
}

async function goalForm(
  deps: FeatureDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  planId: string,
  goalId: string | undefined,
  posted?: { values: GoalFormValues; outcome: VisionOutcome<VisionGoal> },
) {
  const { plan, vision, evidence } = await openVision(request, deps, planId);
  const goal = goalId ? vision.goals.find((candidate) => candidate.id === goalId) : undefined;
  if (goalId && !goal && !posted)
    throw new AppError('not_found', 'There is no such goal in this plan');
  const outcome = posted?.outcome;
  const conflict = outcome && 'conflict' in outcome ? { current: outcome.current } : undefined;
  const values = posted
    ? {
        ...posted.values,
        ...(conflict?.current ? { version: String(conflict.current.version) } : {}),
      }
    : goal
      ? goalFormValues(goal)
      : {};
  const { t } = request.messages;
  return sendPage(request, reply, {
    title: goalId ? t('vision.goal.editTitle') : t('vision.goal.newTitle'),
    body: (
      <GoalFormView
        messages={request.messages}
        plan={plan}
        goalId={goalId}
        values={values}
        errors={
          outcome && 'problems' in outcome
            ? visionFormErrors(request.messages, outcome.problems)
            : {}
        }
        evidence={evidence}
        conflict={conflict}
        csrfToken={request.signedIn?.csrfToken}
      />
    ),
  });
}

async function goalFromForm(
  deps: FeatureDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  { planId, goalId, body }: { planId: string; goalId: string | undefined; body: FormBody },
) {
  const { plan, evidence } = await openVision(request, deps, planId);
  const values = goalValuesOf(body);
  const outcome = await saveGoal(
    deps.database.db,
    plan,
    values,
    goalEvidenceOf(evidence),
    changedBy(request),
    goalId ? { id: goalId, version: versionOf(body) } : undefined,
  );
  if (outcome.ok)
    return reply.redirect(
      textOf(body, 'next') === 'targets'
        ? `${goalHref(plan.id, outcome.id)}#sdgGoals`
        : `${visionHref(plan.id)}#${goalAnchor(outcome.id)}`,
      303,
    );
  return goalForm(deps, request, reply.status('conflict' in outcome ? 409 : 400), plan.id, goalId, {
    values,
    outcome,
  });
}

async function addPriorityFromForm(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof entryParams; body: typeof formBody }>,
  reply: FastifyReply,
) {
  const { plan } = await openVision(request, deps, request.params.id);
  const outcome = await savePriority(
    deps.database.db,
    plan,
    {
      goalId: request.params.entryId,
      text: textOf(request.body, 'text'),
      term: textOf(request.body, 'term'),
    },
    changedBy(request),
  );
  if (outcome.ok)
    return reply.redirect(`${visionHref(plan.id)}#${goalAnchor(request.params.entryId)}`, 303);
  const errors = visionFormErrors(request.messages, 'problems' in outcome ? outcome.problems : []);
  return showVision(deps, request, reply.status(400), plan.id, Object.values(errors).join(' '), {
    goalId: request.params.entryId,
    values: { text: textOf(request.body, 'text') ?? '', term: textOf(request.body, 'term') ?? '' },
    errors,
  });
}

async function priorityForm(
  deps: FeatureDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  planId: string,
  priorityId: string,
  posted?: { values: PriorityFormValues; outcome: VisionOutcome<VisionPriority> },
) {
  const { plan, vision } = await openVision(request, deps, planId);
  const goal = vision.goals.find((candidate) =>
    candidate.priorities.some((priority) => priority.id === priorityId),
  );
  const priority = goal?.priorities.find((candidate) => candidate.id === priorityId);
  const outcome = posted?.outcome;
  const conflict = outcome && 'conflict' in outcome ? { current: outcome.current } : undefined;
  // A priority deleted meanwhile has nothing to show but the notice and what was typed.
  if (!goal || !priority) {
    if (!conflict) throw new AppError('not_found', 'There is no such priority in this plan');
    return showVision(deps, request, reply, plan.id, request.messages.t('vision.conflict.deleted'));
  }
  const values = posted
    ? {
        ...posted.values,
        ...(conflict?.current ? { version: String(conflict.current.version) } : {}),
      }
    : { text: priority.text, term: priority.term, version: String(priority.version) };
  return sendPage(request, reply, {
    title: request.messages.t('vision.priority.editTitle'),
    body: (
      <PriorityFormView
        messages={request.messages}
        plan={plan}
        goal={goal}
        priority={priority}
        values={values}
        errors={
          outcome && 'problems' in outcome
            ? visionFormErrors(request.messages, outcome.problems)
            : {}
        }
        conflict={conflict}
        csrfToken={request.signedIn?.csrfToken}
      />
    ),
  });
}

async function priorityFromForm(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof entryParams; body: typeof formBody }>,
  reply: FastifyReply,
) {
  const { plan } = await openVision(request, deps, request.params.id);
  const values = {
    text: textOf(request.body, 'text') ?? '',
    term: textOf(request.body, 'term') ?? '',
    version: textOf(request.body, 'version') ?? '',
  };
  const outcome = await savePriority(deps.database.db, plan, values, changedBy(request), {
    id: request.params.entryId,
    version: versionOf(request.body),
  });
  if (outcome.ok) return reply.redirect(visionHref(plan.id), 303);
  return priorityForm(
    deps,
    request,
    reply.status('conflict' in outcome ? 409 : 400),
    plan.id,
    request.params.entryId,
    { values, outcome },
  );
}

export async function visionGoalRoutes(app: App, deps: FeatureDeps) {
  const edit = { access: 'plans.edit' as const };
  const base = '/plans/:id/vision';
  app.get(
    `${base}/goals/new`,
    { schema: { hide: true, params: planParams }, config: edit },
    (request, reply) => goalForm(deps, request, reply, request.params.id, undefined),
  );
  app.post(
    `${base}/goals/new`,
    { schema: { hide: true, params: planParams, body: formBody }, config: edit },
    (request, reply) =>
      goalFromForm(deps, request, reply, {
        planId: request.params.id,
        goalId: undefined,
        body: request.body,
      }),
  );
  app.get(
    `${base}/goals/:entryId`,
    { schema: { hide: true, params: entryParams }, config: edit },
    (request, reply) => goalForm(deps, request, reply, request.params.id, request.params.entryId),
  );
  app.post(
    `${base}/goals/:entryId`,
    { schema: { hide: true, params: entryParams, body: formBody }, config: edit },
    (request, reply) =>
      goalFromForm(deps, request, reply, {
        planId: request.params.id,
        goalId: request.params.entryId,
        body: request.body,
      }),
  );
  app.post(
    `${base}/goals/:entryId/priorities`,
    { schema: { hide: true, params: entryParams, body: formBody }, config: edit },
    (request, reply) => addPriorityFromForm(deps, request, reply),
  );
  app.get(
    `${base}/priorities/:entryId`,
    { schema: { hide: true, params: entryParams }, config: edit },
    (request, reply) =>
      priorityForm(deps, request, reply, request.params.id, request.params.entryId),
  );
  app.post(
    `${base}/priorities/:entryId`,
    { schema: { hide: true, params: entryParams, body: formBody }, config: edit },
    (request, reply) => priorityFromForm(deps, request, reply),
  );
}
