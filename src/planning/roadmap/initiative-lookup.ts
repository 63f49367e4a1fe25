// Finding the initiative a request names, in a plan of the request's workspace.
import { AppError } from '../../platform/errors.ts';
import type { FeatureDeps } from '../../platform/http/feature.ts';
import type { Plan } from '../plans/index.ts';
import { findInitiative, type Initiative } from './initiative-store.ts';

/** An initiative of the plan, or 404 (one of another plan is as good as none). */
export async function requireInitiative(
  { database }: Pick<FeatureDeps, 'database'>,
  plan: Plan,
  initiativeId: string,
): Promise<Initiative> {
  const initiative = await findInitiative(database.db, plan.id, initiativeId);
  if (!initiative) throw new AppError('not_found', 'There is no such initiative in this plan');
  return initiative;
}
