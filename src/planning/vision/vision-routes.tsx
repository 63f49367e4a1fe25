// The vision pages: the vision of a plan, its goals as CSV or XLSX, the
// statement's form, principles (added from CEPA's list or written by the
// team, edited, deleted) and the deletion of any entry. They save through
// vision-changes.ts, as the API does; goals and priorities are in
// vision-goal-routes.tsx.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { roleHas } from '../../platform/accounts/access.ts';
import { changedBy } from '../../platform/audit/changed-by.ts';
import { AppError } from '../../platform/errors.ts';
import {
  type TableFormat,
  tableContentTypes,
  tableFormats,
} from '../../platform/exports/table-file.ts';
import type { App, FeatureDeps, RouteRequest } from '../../platform/http/feature.ts';
import {
  formBody,
  bodyList as listOf,
  bodyText as textOf,
  bodyVersion as versionOf,
} from '../../platform/http/form-body.ts';
import { sendPage } from '../../platform/http/page.tsx';
import {
  deleteEntry,
  savePrinciple,
  saveStatement,
  type VisionEntryKind,
} from './vision-changes.ts';
import type { PostedPriority } from './vision-goal-views.tsx';
import { goalsFile } from './vision-goals-file.ts';
import { openVision } from './vision-lookup.ts';
import { visionFormErrors, visionHref, visionProblemText } from './vision-parts.tsx';
import {
  type PrincipleFormValues,
  PrincipleFormView,
  StatementFormView,
  VisionPageView,
} from './vision-views.tsx';

export const planParams = z.object({ id: z.uuid() });
export const entryParams = z.object({ id: z.uuid(), entryId: z.uuid() });
const mayEditVision = (request: FastifyRequest) =>
  request.signedIn?.member !== undefined && roleHas(request.signedIn.member.role, 'plans.edit');

export async function showVision(
  deps: FeatureDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  planId: string,
  error?: string,
  postedPriority?: PostedPriority,
) {
  const { plan, vision, evidence } = await openVision(request, deps, planId);
  return sendPage(request, reply, {
    title: `${request.messages.t('vision.title')} · ${plan.title}`,
    body: (
      <VisionPageView
        messages={request.messages}
        plan={plan}
        vision={vision}
        evidence={evidence}
        mayEdit={mayEditVision(request)}
        csrfToken={request.signedIn?.csrfToken}
        error={error}
        postedPriority={postedPriority}
      />
    ),
  });
}

async function exportGoals(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof planParams }>,
  reply: FastifyReply,
  format: TableFormat,
) {
  const { plan, vision, evidence } = await openVision(request, deps, request.params.id);
  return reply
    .header('content-type', tableContentTypes[format])
    .header('content-disposition', `attachment; filename="vision-goals-${plan.id}.${format}"`)
    .header('cache-control', 'private, no-store')
    .send(await goalsFile(format, request.messages, vision, evidence.swotEntries));
}

async function statementForm(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof planParams }>,
  reply: FastifyReply,
) {
  const { plan, vision } = await openVision(request, deps, request.params.id);
  return sendPage(request, reply, {
    title: request.messages.t('vision.statement.edit'),
    body: (
      <StatementFormView
        messages={request.messages}
        plan={plan}
        values={{ statement: vision.statement, version: String(vision.version) }}
        errors={{}}
        csrfToken={request.signedIn?.csrfToken}
      />
    ),
  });
}

async function statementFromForm(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof planParams; body: typeof formBody }>,
  reply: FastifyReply,
) {
  const { plan } = await openVision(request, deps, request.params.id);
  const statement = textOf(request.body, 'statement') ?? '';
  const outcome = await saveStatement(
    deps.database.db,
    plan,
    { statement },
    versionOf(request.body),
    changedBy(request),
  );
  if (outcome.ok) return reply.redirect(visionHref(plan.id), 303);
  const conflict = 'conflict' in outcome ? outcome.current : undefined;
  return sendPage(request, reply.status(conflict ? 409 : 400), {
    title: request.messages.t('vision.statement.edit'),
    body: (
      <StatementFormView
        messages={request.messages}
        plan={plan}
        // What was typed stays; the next save starts from the version now stored.
        values={{
          statement,
          version: String(conflict ? conflict.version : versionOf(request.body)),
        }}
        errors={'problems' in outcome ? visionFormErrors(request.messages, outcome.problems) : {}}
        conflict={conflict}
        csrfToken={request.signedIn?.csrfToken}
      />
    ),
  });
}

async function principleForm(
  deps: FeatureDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  planId: string,
  principleId: string | undefined,
  posted?: { values: PrincipleFormValues; outcome: Awaited<ReturnType<typeof savePrinciple>> },
) {
  const { plan, vision } = await openVision(request, deps, planId);
  const principle = principleId
    ? vision.principles.find((candidate) => candidate.id === principleId)
    : undefined;
  if (principleId && !principle && !posted)
    throw new AppError('not_found', 'There is no such principle in this plan');
  const outcome = posted?.outcome;
  const conflict = outcome && 'conflict' in outcome ? { current: outcome.current } : undefined;
  const values: PrincipleFormValues = posted
    ? {
        ...posted.values,
        ...(conflict?.current ? { version: String(conflict.current.version) } : {}),
      }
    : principle
      ? {
          title: principle.title ?? '',
          description: principle.description,
          strategyNumbers: principle.strategyNumbers.map(String),
          version: String(principle.version),
        }
      : {};
  const shown = principle ?? conflict?.current;
  return sendPage(request, reply, {
    title: request.messages.t('vision.principles'),
    body: (
      <PrincipleFormView
        messages={request.messages}
        plan={plan}
        principle={
          shown ?? (principleId ? { id: principleId, cepaKey: null, title: null } : undefined)
        }
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

async function addPrincipleFromForm(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof planParams; body: typeof formBody }>,
  reply: FastifyReply,
) {
  const { plan } = await openVision(request, deps, request.params.id);
  const cepaKey = textOf(request.body, 'cepaKey');
  const values = {
    title: textOf(request.body, 'title') ?? '',
    description: textOf(request.body, 'description') ?? '',
  };
  const outcome = await savePrinciple(
    deps.database.db,
    plan,
    { ...values, cepaKey: cepaKey ?? null },
    changedBy(request),
  );
  // A principle of CEPA's opens next, for its strategies to be chosen.
  if (outcome.ok)
    return reply.redirect(
      cepaKey ? `${visionHref(plan.id)}/principles/${outcome.id}` : visionHref(plan.id),
      303,
    );
  if (cepaKey && 'problems' in outcome)
    return showVision(
      deps,
      request,
      reply.status(400),
      plan.id,
      outcome.problems.map((problem) => visionProblemText(request.messages, problem)).join(' '),
    );
  return principleForm(deps, request, reply.status(400), plan.id, undefined, { values, outcome });
}

async function editPrincipleFromForm(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof entryParams; body: typeof formBody }>,
  reply: FastifyReply,
) {
  const { plan } = await openVision(request, deps, request.params.id);
  const values = {
    title: textOf(request.body, 'title') ?? '',
    description: textOf(request.body, 'description') ?? '',
    strategyNumbers: listOf(request.body, 'strategyNumbers'),
    version: textOf(request.body, 'version') ?? '',
  };
  const outcome = await savePrinciple(deps.database.db, plan, values, changedBy(request), {
    id: request.params.entryId,
    version: versionOf(request.body),
  });
  if (outcome.ok) return reply.redirect(visionHref(plan.id), 303);
  return principleForm(
    deps,
    request,
    reply.status('conflict' in outcome ? 409 : 400),
    plan.id,
    request.params.entryId,
    { values, outcome },
  );
}

async function deleteFromForm(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof entryParams; body: typeof formBody }>,
  reply: FastifyReply,
  kind: VisionEntryKind,
) {
  const { plan } = await openVision(request, deps, request.params.id);
  const outcome = await deleteEntry(
    deps.database.db,
    plan,
    kind,
    { id: request.params.entryId, version: versionOf(request.body) },
    changedBy(request),
  );
  if (outcome.ok) return reply.redirect(visionHref(plan.id), 303);
  return showVision(
    deps,
    request,
    reply.status(409),
    plan.id,
    request.messages.t('vision.conflict.delete'),
  );
}

export async function visionRoutes(app: App, deps: FeatureDeps) {
  const read = { access: 'workspace.read' as const };
  const edit = { access: 'plans.edit' as const };
  const base = '/plans/:id/vision';
  app.get(base, { schema: { hide: true, params: planParams }, config: read }, (request, reply) =>
    showVision(deps, request, reply, request.params.id),
  );
  for (const format of tableFormats)
    app.get(
      `${base}/goals.${format}`,
      { schema: { hide: true, params: planParams }, config: read },
      (request, reply) => exportGoals(deps, request, reply, format),
    );
  app.get(
    `${base}/statement`,
    { schema: { hide: true, params: planParams }, config: edit },
    (request, reply) => statementForm(deps, request, reply),
  );
  app.post(
    `${base}/statement`,
    { schema: { hide: true, params: planParams, body: formBody }, config: edit },
    (request, reply) => statementFromForm(deps, request, reply),
  );
  app.post(
    `${base}/principles`,
    { schema: { hide: true, params: planParams, body: formBody }, config: edit },
    (request, reply) => addPrincipleFromForm(deps, request, reply),
  );
  app.get(
    `${base}/principles/new`,
    { schema: { hide: true, params: planParams }, config: edit },
    (request, reply) => principleForm(deps, request, reply, request.params.id, undefined),
  );
  app.get(
    `${base}/principles/:entryId`,
    { schema: { hide: true, params: entryParams }, config: edit },
    (request, reply) =>
      principleForm(deps, request, reply, request.params.id, request.params.entryId),
  );
  app.post(
    `${base}/principles/:entryId`,
    { schema: { hide: true, params: entryParams, body: formBody }, config: edit },
    (request, reply) => editPrincipleFromForm(deps, request, reply),
  );
  for (const [kind, path] of [
    ['principle', 'principles'],
    ['goal', 'goals'],
    ['priority', 'priorities'],
  ] as const)
    app.post(
      `${base}/${path}/:entryId/delete`,
      { schema: { hide: true, params: entryParams, body: formBody }, config: edit },
      (request, reply) => deleteFromForm(deps, request, reply, kind),
    );
}
