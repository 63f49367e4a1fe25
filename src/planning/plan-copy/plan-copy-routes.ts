// The button on a plan's page and the API call that start a new plan from a
// copy of it: the new draft opens in its edit form, to be renamed.
import { z } from 'zod';
import { changedBy } from '../../platform/audit/changed-by.ts';
import { AppError } from '../../platform/errors.ts';
import { errorBodySchema } from '../../platform/http/errors.ts';
import type { App, FeatureDeps } from '../../platform/http/feature.ts';
import type { Messages } from '../../platform/i18n/messages.ts';
import {
  findPlan,
  type Plan,
  planSchema,
  presentPlan,
  requirePlan,
  TITLE_MAX,
} from '../plans/index.ts';
import { copyPlan, type PartCopier } from './plan-copy.ts';

const idParams = z.object({ id: z.uuid() });

/** "Copy of …", cut to the longest title a plan may have. */
function copyTitle(messages: Messages, plan: Plan): string {
  return messages.t('plans.copyTitle', { title: plan.title }).slice(0, TITLE_MAX);
}

export async function planCopyRoutes(app: App, deps: FeatureDeps, parts: readonly PartCopier[]) {
  const { db } = deps.database;
  const manage = { access: 'plans.manage' as const };
  app.post(
    '/plans/:id/copy',
    { schema: { hide: true, params: idParams }, config: manage },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id, { toCopy: true });
      const id = await copyPlan(
        db,
        plan,
        copyTitle(request.messages, plan),
        parts,
        changedBy(request),
      );
      return reply.redirect(`/plans/${id}/edit`, 303);
    },
  );
  app.post(
    '/api/plans/:id/copy',
    {
      schema: {
        tags: ['plans'],
        summary: 'Starts a new draft plan from a copy of this one and all its parts',
        params: idParams,
        response: { 201: planSchema, 404: errorBodySchema },
      },
      config: manage,
    },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id, { toCopy: true });
      const by = changedBy(request);
      const id = await copyPlan(db, plan, copyTitle(request.messages, plan), parts, by);
      const copy = await findPlan(db, by.workspaceId, id);
      if (!copy) throw new AppError('not_found', 'The copy was not found');
      return reply.status(201).send(presentPlan(copy));
    },
  );
}
