// What a plan's goals may answer: its SWOT entries, and from its baseline the weak sub-dimensions
// of its latest baseline round for the whole of government, with their
// recommendations and the decisions taken on them, exactly as the round's
// recommendations page shows them (under small-number protection).
import type { Kysely } from 'kysely';
import type { Framework } from '../../assessment/frameworks/index.ts';
import {
  openAdvice,
  type RecommendationDecision,
  type WeakSubdimension,
} from '../../assessment/results/index.ts';
import type { Schema } from '../../platform/db/schema.ts';
import { listSwotEntries, type SwotEntry } from '../analysis/index.ts';
import type { Plan } from '../plans/index.ts';
import { roundStatus } from './vision-store.ts';

export interface VisionEvidence {
  round: { id: string; name: string } | undefined;
  framework: Framework | undefined;
  weak: WeakSubdimension[];
  decisions: ReadonlyMap<string, RecommendationDecision>;
  /** Every sub-dimension and recommendation code of the round's framework: what a link may name. */
  subdimensionCodes: ReadonlySet<string>;
  recommendationCodes: ReadonlySet<string>;
  /** The plan's SWOT entries, by quadrant. */
  swotEntries: SwotEntry[];
}

const none: VisionEvidence = {
  round: undefined,
  framework: undefined,
  weak: [],
  decisions: new Map(),
  subdimensionCodes: new Set(),
  recommendationCodes: new Set(),
  swotEntries: [],
};

export async function openVisionEvidence(
  db: Kysely<Schema>,
  plan: Plan,
  threshold: number,
): Promise<VisionEvidence> {
  const swotEntries = await listSwotEntries(db, plan.id);
  const round = plan.baselineRounds.at(-1);
  if (!round) return { ...none, swotEntries };
  // A draft round has no results yet: nothing to answer.
  const status = await roundStatus(db, round.id);
  if (status !== 'open' && status !== 'closed') return { ...none, round, swotEntries };
  const advice = await openAdvice(db, {
    roundId: round.id,
    threshold,
    agencyId: undefined,
    agencyField: 'agency',
  });
  const { framework } = advice.results;
  const subdimensions = framework.dimensions.flatMap((dimension) => dimension.subdimensions);
  return {
    round,
    swotEntries,
    framework,
    weak: advice.weak,
    decisions: advice.decisions,
    subdimensionCodes: new Set(subdimensions.map((subdimension) => subdimension.code)),
    recommendationCodes: new Set(
      subdimensions.flatMap((subdimension) =>
        (subdimension.recommendations ?? []).map((recommendation) => recommendation.code),
      ),
    ),
  };
}
