// What a workshop agreed on an item, for the whole of government or for one
// agency, as the workshop stores it (without the audit entry of recording it).
import type { Kysely } from 'kysely';
import type { Schema } from '../../src/platform/db/schema.ts';

/** A consensus on one item of a round; the whole of government's unless an agency is given. */
export async function buildConsensus(
  db: Kysely<Schema>,
  options: {
    roundId: string;
    itemCode: string;
    agencyId?: string;
    value: number | 'na';
    rationale?: string;
    recordedBy?: string;
  },
): Promise<string> {
  const row = await db
    .insertInto('consensus')
    .values({
      round_id: options.roundId,
      item_code: options.itemCode,
      agency_id: options.agencyId ?? null,
      value: options.value === 'na' ? null : options.value,
      not_applicable: options.value === 'na',
      rationale: options.rationale ?? 'Agreed in the workshop',
      recorded_by: options.recordedBy ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
