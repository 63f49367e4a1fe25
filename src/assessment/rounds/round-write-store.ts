// Queries that create and change rounds: the round row, its agencies in
// scope, its status, and what the rules need to know before a change.
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import type { RoundFields, RoundStatus } from './round-rules.ts';

export interface FrameworkOption {
  id: string;
  key: string;
  version: string;
  name: string;
}

/** Every stored framework version a round may use, newest import first within a key. */
export async function listFrameworkOptions(db: Kysely<Schema>): Promise<FrameworkOption[]> {
  return db
    .selectFrom('frameworks')
    .select(['id', 'key', 'version', 'name'])
    .orderBy('key')
    .orderBy('imported_at', 'desc')
    .execute();
}

export async function listAgencyIds(db: Kysely<Schema>, workspaceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('agencies')
    .where('workspace_id', '=', workspaceId)
    .select('id')
    .orderBy('name')
    .execute();
  return rows.map((row) => row.id);
}

export async function listScope(db: Kysely<Schema>, roundId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('round_agencies')
    .where('round_id', '=', roundId)
    .select('agency_id')
    .execute();
  return rows.map((row) => row.agency_id);
}

export interface RoundState {
  id: string;
  name: string;
  status: RoundStatus;
  /** 'YYYY-MM-DD' */
  closesOn: string;
  agencyIds: string[];
}

/** A round and its agencies, locked until the transaction ends so changes take turns. */
export async function lockRound(
  tx: Kysely<Schema>,
  workspaceId: string,
  roundId: string,
): Promise<RoundState | undefined> {
  const round = await tx
    .selectFrom('rounds')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', roundId)
    .select(['id', 'name', 'status', 'closes_on as closesOn'])
    .forUpdate()
    .executeTakeFirst();
  if (!round) return undefined;
  return { ...round, agencyIds: await listScope(tx, roundId) };
}

/** The names of agencies among `agencyIds` that already have invitations to the round. */
export async function agenciesWithInvitations(
  db: Kysely<Schema>,
  roundId: string,
  agencyIds: readonly string[],
): Promise<string[]> {
  if (agencyIds.length === 0) return [];
  const rows = await db
    .selectFrom('invitations')
    .innerJoin('agencies', 'agencies.id', 'invitations.agency_id')
    .where('invitations.round_id', '=', roundId)
    .where('invitations.agency_id', 'in', agencyIds)
    .select('agencies.name')
    .distinct()
    .orderBy('agencies.name')
    .execute();
  return rows.map((row) => row.name);
}

export async function insertRound(
  db: Kysely<Schema>,
  workspaceId: string,
  fields: RoundFields,
): Promise<string> {
  const row = await db
    .insertInto('rounds')
    .values({
      workspace_id: workspaceId,
      framework_id: fields.frameworkId,
      name: fields.name,
      opens_on: fields.opensOn,
      closes_on: fields.closesOn,
      status: 'draft',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await setScope(db, row.id, [], fields.agencyIds);
  return row.id;
}

export async function updateRound(
  db: Kysely<Schema>,
  round: RoundState,
  fields: RoundFields,
): Promise<void> {
  await db
    .updateTable('rounds')
    .set({
      framework_id: fields.frameworkId,
      name: fields.name,
      opens_on: fields.opensOn,
      closes_on: fields.closesOn,
    })
    .where('id', '=', round.id)
    .execute();
  await setScope(db, round.id, round.agencyIds, fields.agencyIds);
}

async function setScope(
  db: Kysely<Schema>,
  roundId: string,
  before: readonly string[],
  after: readonly string[],
) {
  const removed = before.filter((id) => !after.includes(id));
  const added = after.filter((id) => !before.includes(id));
  if (removed.length > 0)
    await db
      .deleteFrom('round_agencies')
      .where('round_id', '=', roundId)
      .where('agency_id', 'in', removed)
      .execute();
  // In slices, to stay well under the number of parameters a statement may carry.
  for (let start = 0; start < added.length; start += 1000) {
    await db
      .insertInto('round_agencies')
      .values(
        added
          .slice(start, start + 1000)
          .map((agencyId) => ({ round_id: roundId, agency_id: agencyId })),
      )
      .execute();
  }
}

/** Moves a round to `status`, noting the moment it opened or closed. */
export async function setRoundStatus(
  db: Kysely<Schema>,
  roundId: string,
  status: RoundStatus,
): Promise<void> {
  const now = sql<Date>`now()`;
  await db
    .updateTable('rounds')
    .set({
      status,
      ...(status === 'open' ? { opened_at: now } : {}),
      ...(status === 'closed' ? { closed_at: now } : {}),
    })
    .where('id', '=', roundId)
    .execute();
}
