// The publication of a plan's roadmap: its controls under the plan (publish,
// with or without budgets, and unpublish, each confirmed; forms that work
// without JavaScript) and the public page at /public/roadmaps/<slug>, read
// with no sign-in. The API (publication-api.ts) publishes through the same changes.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { roleHas } from '../../../platform/accounts/access.ts';
import { changedBy } from '../../../platform/audit/changed-by.ts';
import { AppError } from '../../../platform/errors.ts';
import type { App, FeatureDeps, RouteRequest } from '../../../platform/http/feature.ts';
import type { FieldErrors } from '../../../platform/http/forms.tsx';
import { sendPage } from '../../../platform/http/page.tsx';
import { workspaceOf } from '../../../platform/http/request-workspace.ts';
import { isoToday } from '../../../platform/iso-day.ts';
import { type Plan, requirePlan } from '../../plans/index.ts';
import { openRoadmap } from '../open-roadmap.ts';
import { openPublicRoadmap, PUBLIC_CACHE } from './open-public-roadmap.ts';
import { publicInitiativeIds } from './public-roadmap.ts';
import { publishRoadmap, unpublishRoadmap } from './publication-changes.ts';
import { findPublication } from './publication-store.ts';
import {
  type PublicationFormValues,
  PublicationView,
  PublicRoadmapView,
  publicationHref,
  publicRoadmapPath,
} from './publication-views.tsx';

const planParams = z.object({ id: z.uuid() });
const slugParams = z.object({ slug: z.string().max(80) });
const formText = z.union([z.string(), z.array(z.string())]).optional();
const publishForm = z.object({ budgets: formText, confirm: formText });
const unpublishForm = z.object({ confirmUnpublish: formText });

const mayManage = (request: FastifyRequest) =>
  request.signedIn?.member !== undefined && roleHas(request.signedIn.member.role, 'plans.manage');

async function showPublication(
  deps: FeatureDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  plan: Plan,
  options: { values?: PublicationFormValues; errors?: FieldErrors } = {},
) {
  const { db } = deps.database;
  const [publication, roadmap] = await Promise.all([
    findPublication(db, plan.id),
    openRoadmap(db, workspaceOf(request).id, plan),
  ]);
  return sendPage(request, reply, {
    title: `${request.messages.t('roadmapPublic.manage.title')} · ${plan.title}`,
    body: (
      <PublicationView
        messages={request.messages}
        plan={plan}
        publication={publication}
        publicUrl={publication && `${deps.mail.publicUrl}${publicRoadmapPath(publication.slug)}`}
        counts={{
          shown: publicInitiativeIds(roadmap.initiatives).size,
          total: roadmap.initiatives.length,
        }}
        mayManage={mayManage(request)}
        values={options.values ?? {}}
        errors={options.errors ?? {}}
        csrfToken={request.signedIn?.csrfToken}
      />
    ),
  });
}

const ticked = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value : [value]).includes('yes');

async function publishFromForm(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof planParams; body: typeof publishForm }>,
  reply: FastifyReply,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  const { t } = request.messages;
  const budgets = [request.body.budgets].flat()[0];
  const values: PublicationFormValues =
    budgets === 'shown' || budgets === 'hidden' ? { budgets } : {};
  const errors: FieldErrors = {};
  if (!values.budgets) errors.budgets = t('roadmapPublic.error.budgets');
  if (!ticked(request.body.confirm)) errors.confirm = t('roadmapPublic.error.confirm');
  if (Object.keys(errors).length > 0)
    return showPublication(deps, request, reply.status(400), plan, { values, errors });
  await publishRoadmap(
    deps.database.db,
    plan,
    { showBudgets: values.budgets === 'shown' },
    changedBy(request),
  );
  return reply.redirect(publicationHref(plan.id), 303);
}

async function unpublishFromForm(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof planParams; body: typeof unpublishForm }>,
  reply: FastifyReply,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  if (!ticked(request.body.confirmUnpublish))
    return showPublication(deps, request, reply.status(400), plan, {
      errors: { confirmUnpublish: request.messages.t('roadmapPublic.error.confirmUnpublish') },
    });
  // Already taken down by someone else: the page says it is not published, which is what was asked.
  await unpublishRoadmap(deps.database.db, plan, changedBy(request));
  return reply.redirect(publicationHref(plan.id), 303);
}

async function showPublicRoadmap(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof slugParams }>,
  reply: FastifyReply,
) {
  const today = isoToday();
  const roadmap = await openPublicRoadmap(
    deps.database.db,
    workspaceOf(request).id,
    request.params.slug,
    today,
  );
  if (!roadmap) throw new AppError('not_found', 'There is no such published roadmap');
  // Signed in, the page frame is the reader's own (their name, their token): it stays private.
  if (!request.signedIn) reply.header('cache-control', PUBLIC_CACHE);
  return sendPage(request, reply, {
    title: `${request.messages.t('roadmapPublic.page.title')} · ${roadmap.plan.title}`,
    body: <PublicRoadmapView messages={request.messages} roadmap={roadmap} today={today} />,
  });
}

export async function publicationRoutes(app: App, deps: FeatureDeps) {
  const manage = { access: 'plans.manage' as const };
  app.get(
    '/plans/:id/roadmap/publication',
    { schema: { hide: true, params: planParams }, config: { access: 'workspace.read' } },
    async (request, reply) =>
      showPublication(deps, request, reply, await requirePlan(request, deps, request.params.id)),
  );
  app.post(
    '/plans/:id/roadmap/publication',
    { schema: { hide: true, params: planParams, body: publishForm }, config: manage },
    (request, reply) => publishFromForm(deps, request, reply),
  );
  app.post(
    '/plans/:id/roadmap/publication/delete',
    { schema: { hide: true, params: planParams, body: unpublishForm }, config: manage },
    (request, reply) => unpublishFromForm(deps, request, reply),
  );
  app.get(
    '/public/roadmaps/:slug',
    { schema: { hide: true, params: slugParams }, config: { access: 'public' } },
    (request, reply) => showPublicRoadmap(deps, request, reply),
  );
}
