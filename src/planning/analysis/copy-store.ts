// Copying a plan's analysis to a new plan: its PESTLE factors and SWOT
// entries under new ids, a SWOT link to a factor pointing at the factor's
// copy. Links outside the plan (rounds, agencies) stay as they are.
import type { Kysely } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';

export async function copyAnalysis(
  db: Kysely<Schema>,
  fromPlanId: string,
  toPlanId: string,
): Promise<void> {
  const factors = await db
    .selectFrom('pestle_factors')
    .selectAll()
    .where('plan_id', '=', fromPlanId)
    .execute();
  const factorCopies = new Map<string, string>();
  for (const {
    id,
    plan_id: _plan,
    created_at: _c,
    updated_at: _u,
    version: _v,
    ...factor
  } of factors) {
    const copy = await db
      .insertInto('pestle_factors')
      .values({ ...factor, plan_id: toPlanId })
      .returning('id')
      .executeTakeFirstOrThrow();
    factorCopies.set(id, copy.id);
  }
  const entries = await db
    .selectFrom('swot_entries')
    .selectAll()
    .where('plan_id', '=', fromPlanId)
    .execute();
  if (entries.length === 0) return;
  await db
    .insertInto('swot_entries')
    .values(
      entries.map(
        ({ id: _id, plan_id: _plan, created_at: _c, updated_at: _u, version: _v, ...entry }) => ({
          ...entry,
          plan_id: toPlanId,
          evidence_factor_id: entry.evidence_factor_id
            ? (factorCopies.get(entry.evidence_factor_id) ?? null)
            : null,
        }),
      ),
    )
    .execute();
}
