// An initiative's action-plan steps as stored, each written only if it is
// still at the version its editor started from.
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../../platform/db/schema.ts';
import type { StepFields } from './step-rules.ts';

export interface Step extends StepFields {
  id: string;
  initiativeId: string;
  version: number;
  updatedAt: Date;
}

function stepQuery(db: Kysely<Schema>) {
  return db
    .selectFrom('initiative_steps')
    .select([
      'id',
      'initiative_id',
      'external_id',
      'what',
      'responsible',
      'supporting',
      'due_on',
      'status',
      'version',
      'updated_at',
    ]);
}

type StepRow = Awaited<ReturnType<ReturnType<typeof stepQuery>['execute']>>[number];

const toStep = (row: StepRow): Step => ({
  id: row.id,
  initiativeId: row.initiative_id,
  externalId: row.external_id,
  what: row.what,
  responsible: row.responsible,
  supporting: row.supporting,
  dueOn: row.due_on,
  status: row.status,
  version: row.version,
  updatedAt: row.updated_at,
});

/** The steps of the given initiatives, by due date (undated last), then as added. */
export async function listSteps(
  db: Kysely<Schema>,
  initiativeIds: readonly string[],
): Promise<Step[]> {
  if (initiativeIds.length === 0) return [];
  const rows = await stepQuery(db)
    .where('initiative_id', 'in', initiativeIds)
    .orderBy('due_on', (order) => order.asc().nullsLast())
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toStep);
}

/** A step of the initiative; undefined for one of another initiative, as for none. */
export async function findStep(
  db: Kysely<Schema>,
  initiativeId: string,
  stepId: string,
): Promise<Step | undefined> {
  const row = await stepQuery(db)
    .where('initiative_id', '=', initiativeId)
    .where('id', '=', stepId)
    .executeTakeFirst();
  return row && toStep(row);
}

const columnsOf = (fields: StepFields) => ({
  external_id: fields.externalId,
  what: fields.what,
  responsible: fields.responsible,
  supporting: fields.supporting,
  due_on: fields.dueOn,
  status: fields.status,
});

export async function insertStep(
  tx: Transaction<Schema>,
  initiativeId: string,
  fields: StepFields,
  updatedBy: string | null,
): Promise<string> {
  const { id } = await tx
    .insertInto('initiative_steps')
    .values({ initiative_id: initiativeId, ...columnsOf(fields), updated_by: updatedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Writes a step if it is still at `version`, raising the version; false when changed since. */
export async function updateStepIfVersion(
  tx: Transaction<Schema>,
  stepId: string,
  version: number,
  fields: StepFields,
  updatedBy: string | null,
): Promise<boolean> {
  const result = await tx
    .updateTable('initiative_steps')
    .set((eb) => ({
      ...columnsOf(fields),
      version: eb('version', '+', 1),
      updated_at: new Date(),
      updated_by: updatedBy,
    }))
    .where('id', '=', stepId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteStepIfVersion(
  tx: Transaction<Schema>,
  stepId: string,
  version: number,
): Promise<boolean> {
  const result = await tx
    .deleteFrom('initiative_steps')
    .where('id', '=', stepId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
