// The star profile's pages: the star with its table and every point, the form
// that assesses one point, clearing a point, and the profile as CSV or XLSX.
// They save through star-changes.ts, as the API does.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { roleHas } from '../../platform/accounts/access.ts';
import { changedBy } from '../../platform/audit/changed-by.ts';
import { AppError } from '../../platform/errors.ts';
import { tableContentTypes, tableFile, tableFormats } from '../../platform/exports/table-file.ts';
import type { App, FeatureDeps, RouteRequest } from '../../platform/http/feature.ts';
import type { FieldErrors } from '../../platform/http/forms.tsx';
import { sendPage } from '../../platform/http/page.tsx';
import { type Plan, requirePlan } from '../plans/index.ts';
import { clearStarPoint, saveStarPoint } from './star-changes.ts';
import {
  type EvidenceSlotValues,
  type StarPointFormValues,
  StarPointFormView,
  starFormErrors,
  starFormValues,
} from './star-form-views.tsx';
import { baselineScoreChoices, type ScoreChoice, starPointStates } from './star-lookup.ts';
import { findStarPoint as findModelPoint, modelText, type StarPoint } from './star-model.ts';
import type { RawEvidence, StarPointState } from './star-rules.ts';
import { starTable } from './star-table.ts';
import { StarProfileView, starHref } from './star-views.tsx';

const planParams = z.object({ id: z.uuid() });
const pointParams = z.object({ id: z.uuid(), point: z.string().max(60) });
const fileParams = z.object({ id: z.uuid(), format: z.enum(tableFormats) });
// A form posts strings; the rules judge them, so every problem is shown beside its field.
const formText = z.string().optional();
const repeated = z.union([z.string(), z.array(z.string()).max(50)]).optional();
const pointForm = z.object({
  level: formText,
  narrative: formText,
  evidenceTitle: repeated,
  evidenceUrl: repeated,
  evidenceScore: repeated,
  version: formText,
});
const clearForm = z.object({ version: z.coerce.number().int().min(0) });

const mayEdit = (request: FastifyRequest) =>
  request.signedIn?.member !== undefined && roleHas(request.signedIn.member.role, 'plans.edit');

const listOf = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

function valuesOf(body: z.infer<typeof pointForm>): StarPointFormValues {
  const titles = listOf(body.evidenceTitle);
  const urls = listOf(body.evidenceUrl);
  const scores = listOf(body.evidenceScore);
  const slots = Math.max(titles.length, urls.length, scores.length);
  const evidence: EvidenceSlotValues[] = Array.from({ length: slots }, (_, index) => ({
    title: titles[index] ?? '',
    url: urls[index] ?? '',
    score: scores[index] ?? '',
  }));
  // Blank slots at the end are the form's spare ones, not evidence.
  while (evidence.length > 0) {
    const last = evidence.at(-1);
    if (!last || `${last.title}${last.url}${last.score}`.trim() !== '') break;
    evidence.pop();
  }
  return {
    level: body.level ?? '',
    narrative: body.narrative ?? '',
    evidence,
    version: body.version ?? '',
  };
}

function rawEvidence(slot: EvidenceSlotValues): RawEvidence {
  const [roundId = '', code = ''] = slot.score.split('|');
  return { title: slot.title, url: slot.url, roundId, code };
}

/** The baseline scores a point may cite, with the numbers the results pages publish. */
const choicesFor = (deps: FeatureDeps, request: FastifyRequest, plan: Plan) =>
  baselineScoreChoices(deps.database.db, plan, {
    language: request.messages.language,
    threshold: deps.resultsMinRespondents,
  });

function requireModelPoint(key: string): StarPoint {
  const point = findModelPoint(key);
  if (!point) throw new AppError('not_found', 'The star profiling model has no such point');
  return point;
}

async function renderForm(
  deps: FeatureDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  plan: Plan,
  point: StarPoint,
  options: { values: StarPointFormValues; errors: FieldErrors; conflict?: StarPointState },
) {
  const scores = await choicesFor(deps, request, plan);
  return sendPage(request, reply, {
    title: `${modelText(point.name, request.messages.language)} · ${plan.title}`,
    body: (
      <StarPointFormView
        messages={request.messages}
        plan={plan}
        point={point}
        values={options.values}
        errors={options.errors}
        scores={scores}
        scoreNames={new Map(scores.map((choice) => [choice.key, choice]))}
        conflict={options.conflict}
        csrfToken={request.signedIn?.csrfToken}
      />
    ),
  });
}

async function showProfile(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof planParams }>,
  reply: FastifyReply,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  const scores: ScoreChoice[] = await choicesFor(deps, request, plan);
  return sendPage(request, reply, {
    title: `${request.messages.t('starProfile.title')} · ${plan.title}`,
    body: (
      <StarProfileView
        messages={request.messages}
        plan={plan}
        states={await starPointStates(deps.database.db, plan.id)}
        scores={new Map(scores.map((choice) => [choice.key, choice]))}
        mayEdit={mayEdit(request)}
      />
    ),
  });
}

async function showPointForm(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof pointParams }>,
  reply: FastifyReply,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  const point = requireModelPoint(request.params.point);
  const state = (await starPointStates(deps.database.db, plan.id)).find(
    (candidate) => candidate.point === point.key,
  );
  if (!state) throw new AppError('not_found', 'The star profiling model has no such point');
  return renderForm(deps, request, reply, plan, point, {
    values: starFormValues(state),
    errors: {},
  });
}

function versionOf(text: string): number {
  const version = Number(text);
  if (text.trim() === '' || !Number.isInteger(version) || version < 0)
    throw new AppError('invalid_request', 'The form has no version', [
      { path: 'version', message: 'must be the version the form was opened at' },
    ]);
  return version;
}

async function saveFromForm(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof pointParams; body: typeof pointForm }>,
  reply: FastifyReply,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  const point = requireModelPoint(request.params.point);
  const values = valuesOf(request.body);
  const version = versionOf(values.version);
  const scores = await choicesFor(deps, request, plan);
  const outcome = await saveStarPoint(
    deps.database.db,
    plan.id,
    point.key,
    {
      level: values.level,
      narrative: values.narrative,
      evidence: values.evidence.map(rawEvidence),
    },
    version,
    new Set(scores.map((choice) => choice.key)),
    changedBy(request),
  );
  if (outcome.ok) return reply.redirect(`${starHref(plan.id)}#point-${point.key}`, 303);
  if ('conflict' in outcome)
    return renderForm(deps, request, reply.status(409), plan, point, {
      // What was typed stays; the next save starts from the version now stored.
      values: { ...values, version: String(outcome.conflict.version) },
      errors: {},
      conflict: outcome.conflict,
    });
  return renderForm(deps, request, reply.status(400), plan, point, {
    values,
    errors: starFormErrors(request.messages, outcome.problems),
  });
}

async function clearFromForm(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof pointParams; body: typeof clearForm }>,
  reply: FastifyReply,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  const point = requireModelPoint(request.params.point);
  const outcome = await clearStarPoint(
    deps.database.db,
    plan.id,
    point.key,
    request.body.version,
    changedBy(request),
  );
  if (outcome.ok || !('conflict' in outcome))
    return reply.redirect(`${starHref(plan.id)}#point-${point.key}`, 303);
  // Changed meanwhile: the form shows the change, to clear it knowingly or keep it.
  return renderForm(deps, request, reply.status(409), plan, point, {
    values: starFormValues(outcome.conflict),
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
  const scores = await choicesFor(deps, request, plan);
  const table = starTable(
    request.messages,
    await starPointStates(deps.database.db, plan.id),
    new Map(scores.map((choice) => [choice.key, choice])),
  );
  return reply
    .header('content-type', tableContentTypes[format])
    .header('content-disposition', `attachment; filename="star-profile.${format}"`)
    .header('cache-control', 'private, no-store')
    .send(await tableFile(format, table));
}

export async function starRoutes(app: App, deps: FeatureDeps) {
  const read = { access: 'workspace.read' as const };
  const edit = { access: 'plans.edit' as const };
  app.get(
    '/plans/:id/star',
    { schema: { hide: true, params: planParams }, config: read },
    (request, reply) => showProfile(deps, request, reply),
  );
  app.get(
    '/plans/:id/star/export.:format',
    { schema: { hide: true, params: fileParams }, config: read },
    (request, reply) => sendExport(deps, request, reply),
  );
  app.get(
    '/plans/:id/star/:point/edit',
    { schema: { hide: true, params: pointParams }, config: edit },
    (request, reply) => showPointForm(deps, request, reply),
  );
  app.post(
    '/plans/:id/star/:point/edit',
    { schema: { hide: true, params: pointParams, body: pointForm }, config: edit },
    (request, reply) => saveFromForm(deps, request, reply),
  );
  app.post(
    '/plans/:id/star/:point/clear',
    { schema: { hide: true, params: pointParams, body: clearForm }, config: edit },
    (request, reply) => clearFromForm(deps, request, reply),
  );
}
