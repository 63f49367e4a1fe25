// Fixtures for workshop tests: the demo's closed round.
import type { Kysely } from 'kysely';
import type { Schema } from '../src/platform/db/schema.ts';

/** The demo's latest closed dgca round (2025), with its hundreds of submitted responses. */
export async function demoRoundId(db: Kysely<Schema>): Promise<string> {
  const round = await db
    .selectFrom('rounds')
    .select('id')
    .where('status', '=', 'closed')
    .orderBy('opens_on', 'desc')
    .executeTakeFirstOrThrow();
  return round.id;
}
