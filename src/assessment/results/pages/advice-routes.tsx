// The recommendations and targets pages of a round. Both read the results
// under small-number protection; coordinators and admins (plans.manage)
// accept or set aside recommendations and set targets with plain forms
// (post/redirect/get), the problems shown beside the fields when refused.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { roleHas } from '../../../platform/accounts/access.ts';
import { changedBy } from '../../../platform/audit/changed-by.ts';
import { AppError } from '../../../platform/errors.ts';
import type { App, FeatureDeps, RouteRequest } from '../../../platform/http/feature.ts';
import { type FieldErrors, formValue } from '../../../platform/http/forms.tsx';
import { sendPage } from '../../../platform/http/page.tsx';
import type { Messages } from '../../../platform/i18n/messages.ts';
import { checkDecision, checkTargets, type TargetProblem } from '../advice/advice-input.ts';
import { decideRecommendation, saveTargets } from '../advice/advice-store.ts';
import {
  openAdvice,
  openTargets,
  type RoundAdvice,
  type RoundTargets,
} from '../advice/open-advice.ts';
import {
  decisionNoteId,
  type PostedDecision,
  RecommendationsView,
  recommendationAnchor,
  recommendationsHref,
  type TargetsForm,
  TargetsView,
  targetFieldIds,
  targetsHref,
} from './results-advice-views.tsx';

const roundParams = z.object({ id: z.uuid() });
// The chooser sends an empty agency for the whole of government.
const agencyField = z
  .union([z.uuid(), z.literal('')])
  .optional()
  .transform((agency) => agency || undefined);
const recommendationsQuery = z.object({ agency: agencyField });
const formBody = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

const recommendationsPage = {
  hide: true,
  params: roundParams,
  querystring: recommendationsQuery,
} as const;
const decisionForm = { hide: true, params: roundParams, body: formBody } as const;
const targetsPage = {
  hide: true,
  params: roundParams,
  querystring: z.object({ saved: z.literal('1').optional() }),
} as const;
const targetsForm = { hide: true, params: roundParams, body: formBody } as const;

export async function adviceRoutes(app: App, deps: FeatureDeps) {
  const read = { access: 'workspace.read' as const };
  const manage = { access: 'plans.manage' as const };
  app.get(
    '/rounds/:id/results/recommendations',
    { schema: recommendationsPage, config: read },
    (request, reply) => showRecommendations(deps, request, reply),
  );
  app.post(
    '/rounds/:id/results/recommendations',
    { schema: decisionForm, config: manage },
    (request, reply) => decide(deps, request, reply),
  );
  app.get('/rounds/:id/results/targets', { schema: targetsPage, config: read }, (request, reply) =>
    showTargets(deps, request, reply),
  );
  app.post(
    '/rounds/:id/results/targets',
    { schema: targetsForm, config: manage },
    (request, reply) => setTargets(deps, request, reply),
  );
}

const mayManagePlans = (request: FastifyRequest) =>
  request.signedIn?.member !== undefined && roleHas(request.signedIn.member.role, 'plans.manage');

function targetsOfRound(deps: FeatureDeps, roundId: string) {
  return openTargets(deps.database.db, { roundId, threshold: deps.resultsMinRespondents });
}

function adviceOf(deps: FeatureDeps, roundId: string, agencyId: string | undefined) {
  return openAdvice(deps.database.db, {
    roundId,
    threshold: deps.resultsMinRespondents,
    agencyId,
    agencyField: 'agency',
  });
}

async function showRecommendations(
  deps: FeatureDeps,
  request: RouteRequest<typeof recommendationsPage>,
  reply: FastifyReply,
  posted?: PostedDecision,
) {
  const advice = await adviceOf(deps, request.params.id, request.query.agency);
  return renderRecommendations(request, reply, advice, posted);
}

function renderRecommendations(
  request: FastifyRequest,
  reply: FastifyReply,
  advice: RoundAdvice,
  posted?: PostedDecision,
) {
  const { messages } = request;
  return sendPage(request, reply, {
    title: messages.t('results.recommendations.pageTitle', { round: advice.results.round.name }),
    body: (
      <RecommendationsView
        messages={messages}
        advice={advice}
        mayDecide={mayManagePlans(request)}
        csrfToken={request.signedIn?.csrfToken}
        posted={posted}
      />
    ),
  });
}

/** Accepts, sets aside or reopens one recommendation, then returns to it. */
async function decide(
  deps: FeatureDeps,
  request: RouteRequest<typeof decisionForm>,
  reply: FastifyReply,
) {
  const agencyId = agencyField.safeParse(formValue(request.body.agency));
  if (!agencyId.success)
    throw new AppError('invalid_request', 'The agency is not one of this round', [
      { path: 'agency', message: 'must be the id of an agency' },
    ]);
  const advice = await adviceOf(deps, request.params.id, agencyId.data);
  const checked = checkDecision(advice.results.framework, {
    code: formValue(request.body.code),
    status: formValue(request.body.status),
    note: formValue(request.body.note),
  });
  if (!checked.ok) {
    if (checked.problem.field !== 'note')
      throw new AppError('invalid_request', checked.problem.message, [
        { path: checked.problem.field, message: checked.problem.message },
      ]);
    const code = formValue(request.body.code);
    return renderRecommendations(request, reply.status(400), advice, {
      code,
      note: formValue(request.body.note),
      errors: { [decisionNoteId(code)]: noteProblemText(request.messages, checked.problem.kind) },
    });
  }
  await decideRecommendation(
    deps.database.db,
    { roundId: advice.results.round.id, agencyId: advice.agency?.id ?? null, ...checked.decision },
    changedBy(request),
  );
  return reply.redirect(
    `${recommendationsHref(advice.results.round.id, advice.agency?.id)}#${recommendationAnchor(checked.decision.recommendationCode)}`,
    303,
  );
}

function noteProblemText(messages: Messages, kind: string): string {
  return messages.t(`results.recommendations.noteProblem.${kind}`);
}

async function showTargets(
  deps: FeatureDeps,
  request: RouteRequest<typeof targetsPage>,
  reply: FastifyReply,
) {
  const roundTargets = await targetsOfRound(deps, request.params.id);
  return renderTargets(request, reply, roundTargets, {
    saved: request.query.saved === '1',
  });
}

function renderTargets(
  request: FastifyRequest,
  reply: FastifyReply,
  roundTargets: RoundTargets,
  options: { saved: boolean; form?: TargetsForm },
) {
  const { messages } = request;
  return sendPage(request, reply, {
    title: messages.t('results.targets.pageTitle', { round: roundTargets.results.round.name }),
    body: (
      <TargetsView
        messages={messages}
        roundTargets={roundTargets}
        mayEdit={mayManagePlans(request)}
        csrfToken={request.signedIn?.csrfToken}
        form={options.form}
        saved={options.saved}
      />
    ),
  });
}

/** Saves every target the form changed, or none when one of them is refused. */
async function setTargets(
  deps: FeatureDeps,
  request: RouteRequest<typeof targetsForm>,
  reply: FastifyReply,
) {
  const roundTargets = await targetsOfRound(deps, request.params.id);
  const { framework } = roundTargets.results;
  const values: TargetsForm['values'] = {};
  for (const dimension of framework.dimensions)
    for (const code of [dimension.code, ...dimension.subdimensions.map((s) => s.code)]) {
      const ids = targetFieldIds(code);
      values[code] = {
        level: formValue(request.body[ids.level]),
        due: formValue(request.body[ids.due]),
      };
    }
  const checked = checkTargets(framework, values);
  if (!checked.ok) {
    const errors: FieldErrors = {};
    for (const problem of checked.problems)
      errors[targetFieldIds(problem.code)[problem.field]] = targetProblemText(
        request.messages,
        problem,
      );
    return renderTargets(request, reply.status(400), roundTargets, {
      saved: false,
      form: { values, errors },
    });
  }
  await saveTargets(deps.database.db, framework.key, checked.targets, changedBy(request));
  return reply.redirect(`${targetsHref(roundTargets.results.round.id)}?saved=1`, 303);
}

function targetProblemText(messages: Messages, problem: TargetProblem): string {
  return messages.t(`results.targets.problem.${problem.kind}`);
}
