// Invitations to answer a round for one agency, with the link secret a
// respondent would have.
import type { Kysely } from 'kysely';
import { newInvitationToken } from '../../src/assessment/invitations/invitation-token.ts';
import type { Schema } from '../../src/platform/db/schema.ts';
import { type BuiltRound, buildRound, type RoundOverrides } from './rounds.ts';

export interface BuiltInvitation {
  id: string;
  token: string;
  roundId: string;
  agencyId: string;
}

/**
 * An invitation to a round (a new open dgca round unless one is given) for an
 * agency of it (its first unless one is given), with its link secret.
 */
export async function buildInvitation(
  db: Kysely<Schema>,
  overrides: {
    round?: BuiltRound;
    roundOverrides?: RoundOverrides;
    agencyId?: string;
    email?: string;
    revoked?: boolean;
    language?: string;
  } = {},
): Promise<BuiltInvitation> {
  const round = overrides.round ?? (await buildRound(db, overrides.roundOverrides));
  const agencyId = overrides.agencyId ?? round.agencyIds[0];
  if (!agencyId) throw new Error('The round has no agency to invite');
  const { token, tokenHash } = newInvitationToken();
  const invitation = await db
    .insertInto('invitations')
    .values({
      round_id: round.id,
      agency_id: agencyId,
      email: overrides.email ?? `respondent-${tokenHash.slice(0, 8)}@example.org`,
      token_hash: tokenHash,
      revoked_at: overrides.revoked ? new Date() : null,
      ...(overrides.language ? { language: overrides.language } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: invitation.id, token, roundId: round.id, agencyId };
}
