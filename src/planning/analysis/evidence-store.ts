// Whether a SWOT entry's link points at something that exists in the plan's
// workspace: a code of the round's framework, an agency, a factor of the plan.
import type { Kysely } from 'kysely';
import { type Framework, loadFramework } from '../../assessment/frameworks/index.ts';
import type { Schema } from '../../platform/db/schema.ts';
import { type EvidenceLink, frameworkCodes } from './swot-rules.ts';

export async function evidenceExists(
  db: Kysely<Schema>,
  scope: { workspaceId: string; planId: string },
  link: EvidenceLink,
): Promise<boolean> {
  if (link.kind === 'agency')
    return (
      (await db
        .selectFrom('agencies')
        .select('id')
        .where('workspace_id', '=', scope.workspaceId)
        .where('id', '=', link.agencyId)
        .executeTakeFirst()) !== undefined
    );
  if (link.kind === 'pestle')
    return (
      (await db
        .selectFrom('pestle_factors')
        .select('id')
        .where('plan_id', '=', scope.planId)
        .where('id', '=', link.factorId)
        .executeTakeFirst()) !== undefined
    );
  const round = await db
    .selectFrom('rounds')
    .select('framework_id')
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', link.roundId)
    .executeTakeFirst();
  if (!round) return false;
  return frameworkCodes(await loadFramework(db, round.framework_id))[link.kind].has(link.code);
}

/** What links may point at and be named by: rounds with their frameworks, agencies, the plan's factors. */
export interface EvidenceSources {
  rounds: { id: string; name: string; framework: Framework }[];
  agencies: { id: string; name: string }[];
  factors: { id: string; description: string }[];
}

/**
 * The rounds the plan rests on (offered as links) and those its entries
 * already cite, the workspace's agencies and the plan's factors.
 */
export async function evidenceSources(
  db: Kysely<Schema>,
  scope: { workspaceId: string; planId: string; roundIds: readonly string[] },
): Promise<EvidenceSources> {
  const cited = await db
    .selectFrom('swot_entries')
    .select('evidence_round_id')
    .distinct()
    .where('plan_id', '=', scope.planId)
    .where('evidence_round_id', 'is not', null)
    .execute();
  const roundIds = [
    ...new Set([...scope.roundIds, ...cited.flatMap((row) => row.evidence_round_id ?? [])]),
  ];
  const rounds =
    roundIds.length === 0
      ? []
      : await db
          .selectFrom('rounds')
          .select(['id', 'name', 'framework_id'])
          .where('workspace_id', '=', scope.workspaceId)
          .where('id', 'in', roundIds)
          .orderBy('opens_on', 'desc')
          .execute();
  return {
    rounds: await Promise.all(
      rounds.map(async (round) => ({
        id: round.id,
        name: round.name,
        framework: await loadFramework(db, round.framework_id),
      })),
    ),
    agencies: await db
      .selectFrom('agencies')
      .select(['id', 'name'])
      .where('workspace_id', '=', scope.workspaceId)
      .orderBy('name')
      .execute(),
    factors: await db
      .selectFrom('pestle_factors')
      .select(['id', 'description'])
      .where('plan_id', '=', scope.planId)
      .orderBy('heading')
      .orderBy('position')
      .execute(),
  };
}
