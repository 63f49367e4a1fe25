// A plan's roadmap publication as JSON: whether and where it is published,
// publishing (choosing whether budgets show) and unpublishing, through the
// same changes and audit entries as the page; and the published roadmap
// itself, for anyone, as the public page shows it.
import { z } from 'zod';
import { changedBy } from '../../../platform/audit/changed-by.ts';
import { AppError } from '../../../platform/errors.ts';
import { errorBodySchema } from '../../../platform/http/errors.ts';
import type { App, FeatureDeps } from '../../../platform/http/feature.ts';
import { workspaceOf } from '../../../platform/http/request-workspace.ts';
import { isoToday } from '../../../platform/iso-day.ts';
import { requirePlan } from '../../plans/index.ts';
import { horizons, levels } from '../initiative-rules.ts';
import { statusOf } from '../open-roadmap.ts';
import { statusKinds } from '../roadmap-statuses.ts';
import { openPublicRoadmap, PUBLIC_CACHE } from './open-public-roadmap.ts';
import type { PublicRoadmap } from './public-roadmap.ts';
import { publishRoadmap, unpublishRoadmap } from './publication-changes.ts';
import { findPublication, type Publication } from './publication-store.ts';
import { publicRoadmapPath } from './publication-views.tsx';

const planParams = z.object({ id: z.uuid() });

const publicationSchema = z
  .object({
    url: z.url().describe('The public page, readable with no sign-in'),
    showBudgets: z.boolean(),
    publishedAt: z.iso.datetime(),
  })
  .meta({ id: 'RoadmapPublication' });
const publicationBody = z.object({
  showBudgets: z.boolean().default(false).describe('Whether the public page shows budgets'),
});
const errors = { 400: errorBodySchema, 404: errorBodySchema };

const day = z.iso.date();
const publicRoadmapSchema = z
  .object({
    plan: z.object({ title: z.string(), startsYear: z.number().int(), endsYear: z.number().int() }),
    summary: z.object({
      total: z.number().int(),
      byStatusKind: z.record(z.enum(statusKinds), z.number().int()),
      overdue: z.number().int().describe('Open initiatives past their end date'),
      progress: z
        .number()
        .nullable()
        .describe('Weighted progress (0–100) of what is shown, each initiative once'),
    }),
    initiatives: z.array(
      z.object({
        id: z.uuid(),
        parentId: z.uuid().nullable().describe('Null also when the parent is not shown'),
        level: z.enum(levels),
        title: z.string(),
        description: z.string(),
        horizon: z.enum(horizons),
        startsOn: day.nullable(),
        endsOn: day.nullable(),
        status: z.object({ key: z.string(), kind: z.enum(statusKinds) }),
        progress: z.number().describe('0–100, rolled up'),
        leadAgency: z.string().nullable(),
        budget: z
          .object({ amount: z.number(), currency: z.string(), source: z.string().nullable() })
          .nullable()
          .describe('Only when the publisher chose to show budgets'),
        dependsOnIds: z.array(z.uuid()),
        milestones: z.array(z.object({ title: z.string(), dueOn: day, reachedOn: day.nullable() })),
      }),
    ),
  })
  .meta({ id: 'PublicRoadmap' });

function presentPublic(roadmap: PublicRoadmap): z.infer<typeof publicRoadmapSchema> {
  const shown = new Set(roadmap.initiatives.map((initiative) => initiative.id));
  return {
    plan: {
      title: roadmap.plan.title,
      startsYear: roadmap.plan.startsYear,
      endsYear: roadmap.plan.endsYear,
    },
    summary: {
      total: roadmap.summary.total,
      byStatusKind: roadmap.summary.byKind,
      overdue: roadmap.summary.overdue,
      progress: roadmap.summary.progress ?? null,
    },
    initiatives: roadmap.initiatives.map((initiative) => {
      const status = statusOf(roadmap.statuses, initiative.status);
      return {
        id: initiative.id,
        parentId:
          initiative.parentId !== null && shown.has(initiative.parentId)
            ? initiative.parentId
            : null,
        level: initiative.level,
        title: initiative.title,
        description: initiative.description,
        horizon: initiative.horizon,
        startsOn: initiative.startsOn,
        endsOn: initiative.endsOn,
        status: { key: status.key, kind: status.kind },
        progress: roadmap.progress.get(initiative.id)?.value ?? status.defaultProgress,
        leadAgency: initiative.leadAgency?.name ?? null,
        budget:
          roadmap.showBudgets && initiative.budgetAmount !== null && initiative.budgetCurrency
            ? {
                amount: initiative.budgetAmount,
                currency: initiative.budgetCurrency,
                source: initiative.budgetSource,
              }
            : null,
        dependsOnIds: initiative.dependsOnIds,
        milestones: roadmap.milestones
          .filter((milestone) => milestone.initiativeId === initiative.id)
          .map(({ title, dueOn, reachedOn }) => ({ title, dueOn, reachedOn })),
      };
    }),
  };
}

export async function publicationApi(app: App, deps: FeatureDeps) {
  const { db } = deps.database;
  const tags = ['roadmap'];
  const present = (publication: Publication): z.infer<typeof publicationSchema> => ({
    url: `${deps.mail.publicUrl}${publicRoadmapPath(publication.slug)}`,
    showBudgets: publication.showBudgets,
    publishedAt: publication.publishedAt.toISOString(),
  });
  app.get(
    '/api/public/roadmaps/:slug',
    {
      schema: {
        tags,
        summary:
          'A published roadmap, for anyone with no sign-in: what its public page shows; 404 once unpublished',
        params: z.object({ slug: z.string().max(80) }),
        response: { 200: publicRoadmapSchema, 404: errorBodySchema },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const roadmap = await openPublicRoadmap(
        db,
        workspaceOf(request).id,
        request.params.slug,
        isoToday(),
      );
      if (!roadmap) throw new AppError('not_found', 'There is no such published roadmap');
      if (!request.signedIn) reply.header('cache-control', PUBLIC_CACHE);
      return presentPublic(roadmap);
    },
  );
  app.get(
    '/api/plans/:id/roadmap/publication',
    {
      schema: {
        tags,
        summary: 'Where the plan’s roadmap is published; 404 when it is not',
        params: planParams,
        response: { 200: publicationSchema, ...errors },
      },
      config: { access: 'workspace.read' },
    },
    async (request) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const publication = await findPublication(db, plan.id);
      if (!publication) throw new AppError('not_found', 'The plan’s roadmap is not published');
      return present(publication);
    },
  );
  app.put(
    '/api/plans/:id/roadmap/publication',
    {
      schema: {
        tags,
        summary:
          'Publishes the plan’s roadmap read-only for everyone, or changes whether budgets show; the address stays',
        params: planParams,
        body: publicationBody,
        response: { 200: publicationSchema, ...errors },
      },
      config: { access: 'plans.manage' },
    },
    async (request) => {
      const plan = await requirePlan(request, deps, request.params.id);
      return present(await publishRoadmap(db, plan, request.body, changedBy(request)));
    },
  );
  app.delete(
    '/api/plans/:id/roadmap/publication',
    {
      schema: {
        tags,
        summary: 'Unpublishes the plan’s roadmap: its public address answers 404',
        params: planParams,
        response: { 204: z.null().describe('Not published (any more)'), ...errors },
      },
      config: { access: 'plans.manage' },
    },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      await unpublishRoadmap(db, plan, changedBy(request));
      return reply.status(204).send(null);
    },
  );
}
