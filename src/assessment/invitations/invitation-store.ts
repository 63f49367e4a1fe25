// Reading an invitation from the secret in its link, with the round, framework
// and agency its questionnaire belongs to.
import type { Kysely } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import type { LinkFacts, RoundStatus } from './invitation-link.ts';
import { hashInvitationToken, looksLikeInvitationToken } from './invitation-token.ts';

export interface Invitation extends LinkFacts {
  id: string;
  email: string;
  /** The language the respondent was invited in. */
  language: string;
  revokedAt: Date | null;
  workspaceName: string;
  round: {
    id: string;
    name: string;
    status: RoundStatus;
    opensOn: string;
    closesOn: string;
    /** When the round was closed, which may be before its closing date; null while it is not. */
    closedAt: Date | null;
    frameworkId: string;
  };
  agency: { id: string; name: string; acronym: string | null };
}

function selectInvitationByToken(db: Kysely<Schema>, token: string) {
  return db
    .selectFrom('invitations as invitation')
    .innerJoin('rounds as round', 'round.id', 'invitation.round_id')
    .innerJoin('workspaces as workspace', 'workspace.id', 'round.workspace_id')
    .innerJoin('agencies as agency', 'agency.id', 'invitation.agency_id')
    .where('invitation.token_hash', '=', hashInvitationToken(token))
    .select([
      'invitation.id',
      'invitation.email',
      'invitation.language',
      'invitation.revoked_at',
      'workspace.name as workspaceName',
      'round.id as roundId',
      'round.name as roundName',
      'round.status as roundStatus',
      'round.opens_on as opensOn',
      'round.closes_on as closesOn',
      'round.closed_at as closedAt',
      'round.framework_id as frameworkId',
      'agency.id as agencyId',
      'agency.name as agencyName',
      'agency.acronym as agencyAcronym',
    ]);
}

/** An invitation as read with its round, workspace and agency (also by the questionnaire's respondent_link). */
export type InvitationRow = Awaited<
  ReturnType<ReturnType<typeof selectInvitationByToken>['executeTakeFirstOrThrow']>
>;

/** The invitation whose link carries `token`, revoked or not; undefined when there is none. */
export async function findInvitationByToken(
  db: Kysely<Schema>,
  token: string,
): Promise<Invitation | undefined> {
  if (!looksLikeInvitationToken(token)) return undefined;
  const row = await selectInvitationByToken(db, token).executeTakeFirst();
  return row && invitationOf(row);
}

export function invitationOf(row: InvitationRow): Invitation {
  return {
    id: row.id,
    email: row.email,
    language: row.language,
    revokedAt: row.revoked_at,
    workspaceName: row.workspaceName,
    round: {
      id: row.roundId,
      name: row.roundName,
      status: row.roundStatus,
      opensOn: row.opensOn,
      closesOn: row.closesOn,
      closedAt: row.closedAt,
      frameworkId: row.frameworkId,
    },
    agency: { id: row.agencyId, name: row.agencyName, acronym: row.agencyAcronym },
  };
}
