// Finding the plan a request names, in the request's workspace, for pages and API alike.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import type { FeatureDeps } from '../../platform/http/feature.ts';
import { workspaceOf } from '../../platform/http/request-workspace.ts';
import { findPlan, type Plan } from './plan-store.ts';

/**
 * A plan of the request's workspace, or 404. A closed plan is kept as it was
 * closed: a request that would change it (any but GET and HEAD: every change
 * to a plan and what it holds starts here) is refused, unless it only copies
 * the plan into a new one.
 */
export async function requirePlan(
  request: FastifyRequest,
  { database }: Pick<FeatureDeps, 'database'>,
  planId: string,
  { toCopy = false } = {},
): Promise<Plan> {
  const plan = await findPlan(database.db, workspaceOf(request).id, planId);
  if (!plan) throw new AppError('not_found', 'There is no such plan');
  if (plan.status === 'closed' && !toCopy && !readsOnly(request))
    throw new AppError('plan_closed', 'The plan is closed: it can be read and copied, not changed');
  return plan;
}

const readsOnly = (request: FastifyRequest) =>
  request.method === 'GET' || request.method === 'HEAD';
