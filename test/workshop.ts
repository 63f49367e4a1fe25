// Fixtures for workshop tests: the demo's closed round, and submitted
// self-assessments of one agency in a round built for the test.
import type { Kysely } from 'kysely';
import type { Schema } from '../src/platform/db/schema.ts';
import { type BuiltRound, buildInvitation } from './factories.ts';

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

/** A response of `agencyId` in the round with the given answers ('na': not applicable). */
export async function buildResponse(
  db: Kysely<Schema>,
  options: {
    round: BuiltRound;
    agencyId: string;
    answers: Record<string, number | 'na'>;
    status?: 'draft' | 'submitted';
  },
): Promise<string> {
  const invitation = await buildInvitation(db, {
    round: { id: options.round.id, agencyIds: [options.agencyId] },
  });
  const status = options.status ?? 'submitted';
  const response = await db
    .insertInto('responses')
    .values({
      invitation_id: invitation.id,
      round_id: options.round.id,
      agency_id: options.agencyId,
      status,
      submitted_at: status === 'submitted' ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const answers = Object.entries(options.answers);
  if (answers.length > 0)
    await db
      .insertInto('answers')
      .values(
        answers.map(([itemCode, answer]) => ({
          response_id: response.id,
          item_code: itemCode,
          value: answer === 'na' ? null : answer,
          not_applicable: answer === 'na',
        })),
      )
      .execute();
  return response.id;
}
