// Queries for assessment rounds and the progress of their responses.
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import type { AgencyProgress } from './round-progress.ts';

/** A round as its pages name it, without its counts. */
export interface RoundInfo {
  id: string;
  name: string;
  status: 'draft' | 'open' | 'closed';
  opensOn: string;
  closesOn: string;
  /** When it was actually opened and closed; null until then. */
  openedAt: Date | null;
  closedAt: Date | null;
  frameworkId: string;
  frameworkKey: string;
  frameworkVersion: string;
  frameworkName: string;
}

export interface RoundSummary extends RoundInfo {
  agencies: number;
  invited: number;
  submitted: number;
}

function roundInfoQuery(db: Kysely<Schema>, workspaceId: string) {
  return db
    .selectFrom('rounds as round')
    .innerJoin('frameworks as framework', 'framework.id', 'round.framework_id')
    .where('round.workspace_id', '=', workspaceId)
    .select([
      'round.id',
      'round.name',
      'round.status',
      'round.opens_on as opensOn',
      'round.closes_on as closesOn',
      'round.opened_at as openedAt',
      'round.closed_at as closedAt',
      'framework.id as frameworkId',
      'framework.key as frameworkKey',
      'framework.version as frameworkVersion',
      'framework.name as frameworkName',
    ]);
}

// Counting a round's invitations and responses costs milliseconds per
// thousand agencies: only the pages that show the counts ask for them.
function roundQuery(db: Kysely<Schema>, workspaceId: string) {
  return roundInfoQuery(db, workspaceId).select((eb) => [
    eb
      .selectFrom('round_agencies')
      .whereRef('round_agencies.round_id', '=', 'round.id')
      .select(eb.fn.countAll<number>().as('n'))
      .as('agencies'),
    eb
      .selectFrom('invitations')
      .whereRef('invitations.round_id', '=', 'round.id')
      .where('invitations.revoked_at', 'is', null)
      .select(eb.fn.countAll<number>().as('n'))
      .as('invited'),
    eb
      .selectFrom('responses')
      .whereRef('responses.round_id', '=', 'round.id')
      .where('responses.status', '=', 'submitted')
      .select(eb.fn.countAll<number>().as('n'))
      .as('submitted'),
  ]);
}

const withCounts = <
  T extends { agencies: number | null; invited: number | null; submitted: number | null },
>(
  row: T,
) => ({
  ...row,
  agencies: row.agencies ?? 0,
  invited: row.invited ?? 0,
  submitted: row.submitted ?? 0,
});

export async function listRounds(db: Kysely<Schema>, workspaceId: string): Promise<RoundSummary[]> {
  const rows = await roundQuery(db, workspaceId)
    .orderBy('round.opens_on', 'desc')
    .orderBy('round.name')
    .execute();
  return rows.map(withCounts);
}

export async function findRoundInfo(
  db: Kysely<Schema>,
  workspaceId: string,
  id: string,
): Promise<RoundInfo | undefined> {
  return roundInfoQuery(db, workspaceId).where('round.id', '=', id).executeTakeFirst();
}

/** The rounds of the same framework that opened before this one and are past their draft, latest first. */
export async function earlierRounds(
  db: Kysely<Schema>,
  workspaceId: string,
  round: RoundInfo,
): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('rounds as round')
    .innerJoin('frameworks as framework', 'framework.id', 'round.framework_id')
    .where('round.workspace_id', '=', workspaceId)
    .where('framework.key', '=', round.frameworkKey)
    .where('round.status', '!=', 'draft')
    .where('round.opens_on', '<', round.opensOn)
    .where('round.id', '!=', round.id)
    .select(['round.id', 'round.name'])
    .orderBy('round.opens_on', 'desc')
    .orderBy('round.name')
    .execute();
}

export async function findRound(
  db: Kysely<Schema>,
  workspaceId: string,
  id: string,
): Promise<RoundSummary | undefined> {
  const row = await roundQuery(db, workspaceId).where('round.id', '=', id).executeTakeFirst();
  return row && withCounts(row);
}

/** Per agency in scope: invitations not revoked, responses started, responses submitted. */
export async function roundProgress(
  db: Kysely<Schema>,
  roundId: string,
): Promise<AgencyProgress[]> {
  return db
    .selectFrom('round_agencies as scope')
    .innerJoin('agencies as agency', 'agency.id', 'scope.agency_id')
    .leftJoin('invitations as invitation', (join) =>
      join
        .onRef('invitation.round_id', '=', 'scope.round_id')
        .onRef('invitation.agency_id', '=', 'scope.agency_id'),
    )
    .leftJoin('responses as response', 'response.invitation_id', 'invitation.id')
    .where('scope.round_id', '=', roundId)
    .groupBy(['agency.id', 'agency.name', 'agency.acronym', 'agency.level', 'agency.sector'])
    .select([
      'agency.id as agencyId',
      'agency.name as agencyName',
      'agency.acronym',
      'agency.level',
      'agency.sector',
      sql<number>`count(invitation.id) filter (where invitation.revoked_at is null)`.as('invited'),
      sql<number>`count(response.id) filter (where invitation.revoked_at is null)`.as('started'),
      sql<number>`count(response.id) filter (where invitation.revoked_at is null and response.status = 'submitted')`.as(
        'submitted',
      ),
    ])
    .orderBy('agency.name')
    .execute();
}
