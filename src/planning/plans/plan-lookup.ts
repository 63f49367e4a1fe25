// Finding the plan a request names, in the request's workspace, for pages and API alike.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import type { FeatureDeps } from '../../platform/http/feature.ts';
import { workspaceOf } from '../../platform/http/request-workspace.ts';
import { findPlan, type Plan } from './plan-store.ts';

/** A plan of the request's workspace, or 404. */
export async function requirePlan(
  request: FastifyRequest,
  { database }: Pick<FeatureDeps, 'database'>,
  planId: string,
): Promise<Plan> {
  const plan = await findPlan(database.db, workspaceOf(request).id, planId);
  if (!plan) throw new AppError('not_found', 'There is no such plan');
  return plan;
}
