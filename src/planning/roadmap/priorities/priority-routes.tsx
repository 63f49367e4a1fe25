// The plan's priorities page and the form where a member scores an
// initiative. Scores are saved through priority-score-changes.ts, as the API
// saves them; only the member's own sheet is replaced.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { roleHas } from '../../../platform/accounts/access.ts';
import { changedBy } from '../../../platform/audit/changed-by.ts';
import { AppError } from '../../../platform/errors.ts';
import type { App, FeatureDeps, RouteRequest } from '../../../platform/http/feature.ts';
import { type FieldErrors, formValue } from '../../../platform/http/forms.tsx';
import { sendPage } from '../../../platform/http/page.tsx';
import { workspaceOf } from '../../../platform/http/request-workspace.ts';
import { type Plan, requirePlan } from '../../plans/index.ts';
import { requireInitiative } from '../initiative-lookup.ts';
import type { Initiative } from '../initiative-store.ts';
import { initiativeHref } from '../roadmap-labels.ts';
import type { Criterion } from './prioritisation.ts';
import { loadOwnSheet, loadPriorities } from './priority-lookup.ts';
import { prioritiesHref } from './priority-parts.tsx';
import { saveScoreSheet } from './priority-score-changes.ts';
import { ScoreFormView, scoreField, scoreFormErrors } from './priority-score-views.tsx';
import { listCriteria } from './priority-settings-store.ts';
import { PrioritiesView } from './priority-views.tsx';

const planParams = z.object({ id: z.uuid() });
const initiativeParams = z.object({ id: z.uuid(), initiativeId: z.uuid() });
const formBody = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
// Where the member came from, and goes back to: the initiative's page unless the priorities page.
const fromQuery = z.object({ from: z.enum(['priorities']).optional() });
type From = z.infer<typeof fromQuery>['from'];
const returnHref = (planId: string, initiativeId: string, from: From) =>
  from === 'priorities' ? prioritiesHref(planId) : initiativeHref(planId, initiativeId);

const may = (request: FastifyRequest, permission: 'plans.edit' | 'plans.manage') =>
  request.signedIn?.member !== undefined && roleHas(request.signedIn.member.role, permission);

async function showPriorities(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof planParams }>,
  reply: FastifyReply,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  const { ranked } = await loadPriorities(deps.database.db, workspaceOf(request).id, plan.id);
  return sendPage(request, reply, {
    title: `${request.messages.t('priorities.title')} · ${plan.title}`,
    body: (
      <PrioritiesView
        messages={request.messages}
        plan={plan}
        ranked={ranked}
        mayScore={may(request, 'plans.edit')}
        mayManage={may(request, 'plans.manage')}
      />
    ),
  });
}

function renderScoreForm(
  request: FastifyRequest,
  reply: FastifyReply,
  plan: Plan,
  initiative: Initiative,
  criteria: readonly Criterion[],
  values: Record<string, string>,
  from: From,
  errors: FieldErrors = {},
) {
  return sendPage(request, reply, {
    title: request.messages.t('priorities.score.title', { title: initiative.title }),
    body: (
      <ScoreFormView
        messages={request.messages}
        plan={plan}
        initiative={initiative}
        criteria={criteria}
        values={values}
        errors={errors}
        from={from}
        back={returnHref(plan.id, initiative.id, from)}
        csrfToken={request.signedIn?.csrfToken}
      />
    ),
  });
}

function memberOf(request: FastifyRequest): string {
  const userId = request.signedIn?.member && request.signedIn.userId;
  if (!userId) throw new AppError('forbidden', 'Only a member scores an initiative');
  return userId;
}

async function showScoreForm(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof initiativeParams; querystring: typeof fromQuery }>,
  reply: FastifyReply,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  const initiative = await requireInitiative(deps, plan, request.params.initiativeId);
  const { db } = deps.database;
  const [criteria, sheet] = await Promise.all([
    listCriteria(db, workspaceOf(request).id),
    loadOwnSheet(db, initiative.id, memberOf(request)),
  ]);
  const values = Object.fromEntries([...sheet].map(([key, score]) => [key, String(score)]));
  return renderScoreForm(request, reply, plan, initiative, criteria, values, request.query.from);
}

async function scoreFromForm(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof initiativeParams; body: typeof formBody }>,
  reply: FastifyReply,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  const initiative = await requireInitiative(deps, plan, request.params.initiativeId);
  memberOf(request);
  const prefix = scoreField('');
  const values = Object.fromEntries(
    Object.entries(request.body)
      .filter(([name]) => name.startsWith(prefix))
      .map(([name, value]) => [name.slice(prefix.length), formValue(value)]),
  );
  const from = formValue(request.body.from) === 'priorities' ? 'priorities' : undefined;
  const outcome = await saveScoreSheet(deps.database.db, initiative, values, changedBy(request));
  if (outcome.ok) return reply.redirect(returnHref(plan.id, initiative.id, from), 303);
  const criteria = await listCriteria(deps.database.db, workspaceOf(request).id);
  return renderScoreForm(
    request,
    reply.status(400),
    plan,
    initiative,
    criteria,
    values,
    from,
    scoreFormErrors(request.messages, criteria, outcome.problems),
  );
}

export async function priorityRoutes(app: App, deps: FeatureDeps) {
  app.get(
    '/plans/:id/roadmap/priorities',
    { schema: { hide: true, params: planParams }, config: { access: 'workspace.read' } },
    (request, reply) => showPriorities(deps, request, reply),
  );
  app.get(
    '/plans/:id/roadmap/:initiativeId/score',
    {
      schema: { hide: true, params: initiativeParams, querystring: fromQuery },
      config: { access: 'plans.edit' },
    },
    (request, reply) => showScoreForm(deps, request, reply),
  );
  app.post(
    '/plans/:id/roadmap/:initiativeId/score',
    {
      schema: { hide: true, params: initiativeParams, body: formBody },
      config: { access: 'plans.edit' },
    },
    (request, reply) => scoreFromForm(deps, request, reply),
  );
}
