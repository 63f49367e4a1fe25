// Responses to a round, draft or submitted, with the answers a test states
// item by item ('na': not applicable), each behind an invitation: the one a
// test gives, or a new one.
import type { Kysely } from 'kysely';
import type { Schema } from '../../src/platform/db/schema.ts';
import { dgcaItemCodes } from '../frameworks.ts';
import { type BuiltInvitation, buildInvitation } from './invitations.ts';
import type { BuiltRound } from './rounds.ts';

export type Answers = Record<string, number | 'na'>;

/** An answer to each of dgca's 94 items: `answer`, or what it gives for the item's code. */
export function answerEveryItem(answer: number | 'na' | ((itemCode: string) => number | 'na')) {
  return Object.fromEntries(
    dgcaItemCodes.map((code) => [code, typeof answer === 'function' ? answer(code) : answer]),
  ) as Answers;
}

/** Whose response: an invitation's, or one of `agencyId` in the round behind a new invitation. */
type Respondent =
  | { invitation: Pick<BuiltInvitation, 'id' | 'roundId' | 'agencyId'> }
  | { round: BuiltRound; agencyId: string };

/** A response, submitted unless told otherwise, with its answers (none unless given). */
export async function buildResponse(
  db: Kysely<Schema>,
  options: Respondent & { answers?: Answers; status?: 'draft' | 'submitted' },
): Promise<string> {
  const invitation =
    'invitation' in options
      ? options.invitation
      : await buildInvitation(db, { round: options.round, agencyId: options.agencyId });
  const status = options.status ?? 'submitted';
  // One transaction, as the questionnaire writes: results never see the response without its answers.
  return db.transaction().execute(async (tx) => {
    const response = await tx
      .insertInto('responses')
      .values({
        invitation_id: invitation.id,
        round_id: invitation.roundId,
        agency_id: invitation.agencyId,
        status,
        submitted_at: status === 'submitted' ? new Date() : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const answers = Object.entries(options.answers ?? {});
    if (answers.length > 0)
      await tx
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
  });
}
