// What a plan's initiatives answer and serve, opened once for a page: the
// baseline's weak sub-dimensions and recommendations with their decisions
// (under small-number protection, as the vision reads them), the plan's SWOT
// entries and its goals — and the framework, to place codes under dimensions.
import type { Kysely } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import type { Plan } from '../plans/index.ts';
import {
  openVisionEvidence,
  readVision,
  type VisionEvidence,
  type VisionGoal,
} from '../vision/index.ts';

export interface RoadmapEvidence extends VisionEvidence {
  goals: VisionGoal[];
}

export async function openRoadmapEvidence(
  db: Kysely<Schema>,
  plan: Plan,
  threshold: number,
): Promise<RoadmapEvidence> {
  const evidence = await openVisionEvidence(db, plan, threshold);
  const { goals } = await readVision(db, plan.id);
  return { ...evidence, goals };
}

/** The dimensions an initiative addresses: named directly, or through its sub-dimensions and recommendations. */
export function dimensionsAddressed(
  evidence: Pick<VisionEvidence, 'framework'>,
  codes: readonly { kind: string; code: string }[],
): string[] {
  const found = new Set<string>();
  for (const dimension of evidence.framework?.dimensions ?? [])
    for (const { kind, code } of codes)
      if (
        (kind === 'dimension' && code === dimension.code) ||
        dimension.subdimensions.some(
          (subdimension) =>
            (kind === 'subdimension' && subdimension.code === code) ||
            (kind === 'recommendation' &&
              (subdimension.recommendations ?? []).some((each) => each.code === code)),
        )
      )
        found.add(dimension.code);
  return [...found];
}
