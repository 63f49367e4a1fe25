// A plan's roadmap publication as JSON: whether and where it is published,
// publishing (choosing whether budgets show) and unpublishing, through the
// same changes and audit entries as the page.
import { z } from 'zod';
import { changedBy } from '../../platform/audit/changed-by.ts';
import { AppError } from '../../platform/errors.ts';
import { errorBodySchema } from '../../platform/http/errors.ts';
import type { App, FeatureDeps } from '../../platform/http/feature.ts';
import { requirePlan } from '../plans/index.ts';
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

export async function publicationApi(app: App, deps: FeatureDeps) {
  const { db } = deps.database;
  const tags = ['roadmap'];
  const present = (publication: Publication): z.infer<typeof publicationSchema> => ({
    url: `${deps.mail.publicUrl}${publicRoadmapPath(publication.slug)}`,
    showBudgets: publication.showBudgets,
    publishedAt: publication.publishedAt.toISOString(),
  });
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
