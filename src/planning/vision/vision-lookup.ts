// What the vision's pages and API both open: the plan named in the path, its
// vision, and the evidence of its baseline that goals may answer.
import type { FastifyRequest } from 'fastify';
import type { FeatureDeps } from '../../platform/http/feature.ts';
import { requirePlan } from '../plans/index.ts';
import { openVisionEvidence, type VisionEvidence } from './vision-evidence.ts';
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

/** What a goal may link to, from what was opened: codes of the baseline, SWOT entries of the plan. */
export function goalEvidenceOf(evidence: VisionEvidence): GoalEvidence {
  return {
    subdimensionCodes: evidence.subdimensionCodes,
    recommendationCodes: evidence.recommendationCodes,
    swotEntryIds: new Set(evidence.swotEntries.map((entry) => entry.id)),
  };
}
