// What the vision's pages and API both open: the plan named in the path, its
// vision, and the evidence of its baseline that goals may answer.
import type { FastifyRequest } from 'fastify';
import type { FeatureDeps } from '../../platform/http/feature.ts';
import { requirePlan } from '../plans/index.ts';
import { openVisionEvidence } from './vision-evidence.ts';
import type { GoalEvidence } from './vision-rules.ts';
import { readVision } from './vision-store.ts';

export async function openVision(
  request: FastifyRequest,
  deps: Pick<FeatureDeps, 'database' | 'resultsMinRespondents'>,
  planId: string,
) {
  const plan = await requirePlan(request, deps, planId);
  const { db } = deps.database;
  const [vision, evidence] = [
    await readVision(db, plan.id),
    await openVisionEvidence(db, plan, deps.resultsMinRespondents),
  ];
  return { plan, vision, evidence };
}

/** The codes a goal may link to, from what was opened. */
export function goalEvidenceOf(evidence: {
  subdimensionCodes: ReadonlySet<string>;
  recommendationCodes: ReadonlySet<string>;
}): GoalEvidence {
  return { ...evidence, swotEntryIds: new Set() };
}
