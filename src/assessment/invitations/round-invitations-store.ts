// Queries for the invitations of a round as a lead manages them: the list per
// agency with each respondent's progress, adding respondents, revoking links,
// and claiming the reminders that are due.
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import type { Language } from '../../platform/i18n/messages.ts';
import { linkOpensOn } from './invitation-link-sql.ts';
import { newInvitationToken } from './invitation-token.ts';
import type { ReminderOccasion, ReminderWindow } from './reminders.ts';

export type RespondentProgress = 'not_started' | 'draft' | 'submitted';

export interface ManagedInvitation {
  id: string;
  email: string;
  language: string;
  invitedAt: Date;
  revokedAt: Date | null;
  remindersSent: number;
  lastRemindedAt: Date | null;
  progress: RespondentProgress;
}

export async function listInvitations(
  db: Kysely<Schema>,
  roundId: string,
  agencyId: string,
): Promise<ManagedInvitation[]> {
  const rows = await db
    .selectFrom('invitations as invitation')
    .leftJoin('responses as response', 'response.invitation_id', 'invitation.id')
    .where('invitation.round_id', '=', roundId)
    .where('invitation.agency_id', '=', agencyId)
    .select([
      'invitation.id',
      'invitation.email',
      'invitation.language',
      'invitation.created_at as invitedAt',
      'invitation.revoked_at as revokedAt',
      'invitation.reminders_sent as remindersSent',
      'invitation.last_reminded_at as lastRemindedAt',
      'response.status as responseStatus',
    ])
    .orderBy(sql`lower(invitation.email)`)
    .orderBy('invitation.created_at')
    .execute();
  return rows.map(({ responseStatus, ...row }) => ({
    ...row,
    progress: responseStatus ?? 'not_started',
  }));
}

/** Whether an agency is in the round's scope: only those can have respondents. */
export async function isAgencyInRound(
  db: Kysely<Schema>,
  roundId: string,
  agencyId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('round_agencies')
    .select('agency_id')
    .where('round_id', '=', roundId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The addresses (lower case) already holding a link that works, for one agency in a round. */
export async function invitedEmails(
  db: Kysely<Schema>,
  roundId: string,
  agencyId: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('invitations')
    .select(sql<string>`lower(email)`.as('email'))
    .where('round_id', '=', roundId)
    .where('agency_id', '=', agencyId)
    .where('revoked_at', 'is', null)
    .execute();
  return new Set(rows.map((row) => row.email));
}

export interface CreatedInvitation {
  id: string;
  email: string;
  language: Language;
  /** The link's secret: handed on once, never stored. */
  token: string;
}

export async function insertInvitations(
  db: Kysely<Schema>,
  roundId: string,
  agencyId: string,
  respondents: readonly { email: string; language: Language }[],
): Promise<CreatedInvitation[]> {
  if (respondents.length === 0) return [];
  const withTokens = respondents.map((respondent) => ({
    ...respondent,
    ...newInvitationToken(),
  }));
  const rows = await db
    .insertInto('invitations')
    .values(
      withTokens.map((respondent) => ({
        round_id: roundId,
        agency_id: agencyId,
        email: respondent.email,
        language: respondent.language,
        token_hash: respondent.tokenHash,
      })),
    )
    .returning(['id', 'token_hash'])
    .execute();
  const idByHash = new Map(rows.map((row) => [row.token_hash, row.id]));
  return withTokens.map((respondent) => ({
    id: idByHash.get(respondent.tokenHash) ?? '',
    email: respondent.email,
    language: respondent.language,
    token: respondent.token,
  }));
}

/** The working invitations of one agency and round whose link secrets hash to `tokenHashes`. */
export async function invitationsByTokenHash(
  db: Kysely<Schema>,
  roundId: string,
  agencyId: string,
  tokenHashes: readonly string[],
): Promise<{ email: string; language: string; tokenHash: string }[]> {
  if (tokenHashes.length === 0) return [];
  return db
    .selectFrom('invitations')
    .where('round_id', '=', roundId)
    .where('agency_id', '=', agencyId)
    .where('revoked_at', 'is', null)
    .where('token_hash', 'in', [...tokenHashes])
    .select(['email', 'language', 'token_hash as tokenHash'])
    .execute();
}

export interface InvitationScope {
  id: string;
  email: string;
  roundId: string;
  agencyId: string;
  workspaceId: string;
  revokedAt: Date | null;
}

export async function findInvitationScope(
  db: Kysely<Schema>,
  id: string,
): Promise<InvitationScope | undefined> {
  return db
    .selectFrom('invitations as invitation')
    .innerJoin('rounds as round', 'round.id', 'invitation.round_id')
    .where('invitation.id', '=', id)
    .select([
      'invitation.id',
      'invitation.email',
      'invitation.round_id as roundId',
      'invitation.agency_id as agencyId',
      'round.workspace_id as workspaceId',
      'invitation.revoked_at as revokedAt',
    ])
    .executeTakeFirst();
}

/** Revokes a link; false when it already was. */
export async function revokeInvitation(db: Kysely<Schema>, id: string): Promise<boolean> {
  const row = await db
    .updateTable('invitations')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export interface ClaimedReminder {
  invitationId: string;
  email: string;
  language: string;
  invitedAt: Date;
  roundId: string;
  roundName: string;
  closesOn: string;
  agencyId: string;
  agencyName: string;
  workspaceId: string;
  workspaceName: string;
}

// Claimed in batches, so one claim never holds thousands of row locks.
const CLAIM_BATCH = 500;

/**
 * Claims the respondents due a reminder (the rule of reminders.ts, applied in
 * SQL) and counts the reminder as sent, in one statement: rows another process
 * is claiming are skipped (SKIP LOCKED), and a row it has just claimed no
 * longer matches when re-checked, so no respondent is reminded twice.
 */
export async function claimDueReminders(
  db: Kysely<Schema>,
  options: {
    occasion: ReminderOccasion;
    window: ReminderWindow;
    today: string;
    now: Date;
    roundId?: string;
    agencyIds?: readonly string[];
  },
): Promise<ClaimedReminder[]> {
  const { window, today, now, roundId, agencyIds } = options;
  if (agencyIds && agencyIds.length === 0) return [];
  const claimed = await sql<{ id: string }>`
    with due as (
      select invitation.id
      from invitations invitation
      join rounds round on round.id = invitation.round_id
      where ${linkOpensOn({ invitation: 'invitation', round: 'round' }, today)}
        and coalesce(invitation.last_reminded_at, invitation.created_at) < ${window.lastContactBefore}
        ${window.remindersBelow === undefined ? sql`` : sql`and invitation.reminders_sent < ${window.remindersBelow}`}
        ${roundId ? sql`and invitation.round_id = ${roundId}` : sql``}
        ${agencyIds ? sql`and invitation.agency_id in (${sql.join(agencyIds)})` : sql``}
        and not exists (
          select 1 from responses response
          where response.invitation_id = invitation.id and response.status = 'submitted'
        )
      order by invitation.id
      limit ${CLAIM_BATCH}
      for update of invitation skip locked
    )
    update invitations
    set reminders_sent = invitations.reminders_sent + 1, last_reminded_at = ${now}
    from due
    where invitations.id = due.id
    returning invitations.id
  `.execute(db);
  const ids = claimed.rows.map((row) => row.id);
  if (ids.length === 0) return [];
  return db
    .selectFrom('invitations as invitation')
    .innerJoin('rounds as round', 'round.id', 'invitation.round_id')
    .innerJoin('workspaces as workspace', 'workspace.id', 'round.workspace_id')
    .innerJoin('agencies as agency', 'agency.id', 'invitation.agency_id')
    .where('invitation.id', 'in', ids)
    .select([
      'invitation.id as invitationId',
      'invitation.email',
      'invitation.language',
      'invitation.created_at as invitedAt',
      'round.id as roundId',
      'round.name as roundName',
      'round.closes_on as closesOn',
      'agency.id as agencyId',
      'agency.name as agencyName',
      'workspace.id as workspaceId',
      'workspace.name as workspaceName',
    ])
    .orderBy('invitation.id')
    .execute();
}
