// An initiative's action plan as stored: the steps (step-store.ts) and the
// milestones, resources, KPIs and communication plan, each entry written only
// if it is still at the version its editor started from. One store per list,
// all of the same shape, so the changes, pages and API treat them alike.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type {
  InitiativeCommunicationTable,
  InitiativeKpiTable,
  InitiativeMilestoneTable,
  InitiativeResourceTable,
  Schema,
} from '../../../platform/db/schema.ts';
import type { PartFieldsOf, PartKey } from './action-plan-parts.ts';
import {
  deleteStepIfVersion,
  findStep,
  insertStep,
  listSteps,
  updateStepIfVersion,
} from './step-store.ts';

/** An entry of one of the lists, with what identifies it and its version. */
export type PartEntry<K extends PartKey> = PartFieldsOf[K] & {
  id: string;
  initiativeId: string;
  version: number;
};

export interface PartStore<K extends PartKey> {
  /** The entries of the given initiatives, in the order the page lists them. */
  list(db: Kysely<Schema>, initiativeIds: readonly string[]): Promise<PartEntry<K>[]>;
  /** An entry of the initiative; undefined for one of another initiative, as for none. */
  find(db: Kysely<Schema>, initiativeId: string, id: string): Promise<PartEntry<K> | undefined>;
  insert(
    tx: Transaction<Schema>,
    initiativeId: string,
    fields: PartFieldsOf[K],
    updatedBy: string | null,
  ): Promise<string>;
  /** Writes the entry if it is still at `version`, raising it; false when changed since. */
  updateIfVersion(
    tx: Transaction<Schema>,
    id: string,
    version: number,
    fields: PartFieldsOf[K],
    updatedBy: string | null,
  ): Promise<boolean>;
  deleteIfVersion(tx: Transaction<Schema>, id: string, version: number): Promise<boolean>;
}

type PartTable =
  | 'initiative_milestones'
  | 'initiative_resources'
  | 'initiative_kpis'
  | 'initiative_communications';

interface TableRows {
  initiative_milestones: Selectable<InitiativeMilestoneTable>;
  initiative_resources: Selectable<InitiativeResourceTable>;
  initiative_kpis: Selectable<InitiativeKpiTable>;
  initiative_communications: Selectable<InitiativeCommunicationTable>;
}

/**
 * A store over one of the four tables that share their shape: an id, the
 * initiative, the fields' columns, a version and when it was added. `orderBy`
 * lists the columns the page sorts by, then entries come as added.
 */
function tableStore<K extends PartKey, T extends PartTable>(
  table: T,
  columnsOf: (fields: PartFieldsOf[K]) => Record<string, unknown>,
  fieldsOf: (row: TableRows[T]) => PartFieldsOf[K],
  orderBy: readonly string[],
): PartStore<K> {
  // Kysely cannot follow a table chosen by a type parameter; every query below
  // touches only the columns the four tables share, so one of them stands for all.
  const from = (db: Kysely<Schema>) =>
    (db as unknown as Kysely<Pick<Schema, 'initiative_milestones'>>)
      .selectFrom(table as 'initiative_milestones')
      .selectAll();
  const entryOf = (row: object): PartEntry<K> => {
    const stored = row as TableRows[T] & { id: string; initiative_id: string; version: number };
    return {
      ...fieldsOf(stored),
      id: stored.id,
      initiativeId: stored.initiative_id,
      version: stored.version,
    };
  };
  const writable = (tx: Transaction<Schema>) =>
    tx as unknown as Transaction<Pick<Schema, 'initiative_milestones'>>;
  return {
    async list(db, initiativeIds) {
      if (initiativeIds.length === 0) return [];
      let query = from(db).where('initiative_id', 'in', initiativeIds);
      for (const column of orderBy)
        query = query.orderBy(column as 'due_on', (order) => order.asc().nullsLast());
      return (await query.orderBy('created_at').orderBy('id').execute()).map(entryOf);
    },
    async find(db, initiativeId, id) {
      const row = await from(db)
        .where('initiative_id', '=', initiativeId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && entryOf(row);
    },
    async insert(tx, initiativeId, fields) {
      const { id } = await writable(tx)
        .insertInto(table as 'initiative_milestones')
        .values({ initiative_id: initiativeId, ...columnsOf(fields) } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },
    async updateIfVersion(tx, id, version, fields) {
      const result = await writable(tx)
        .updateTable(table as 'initiative_milestones')
        .set((eb) => ({ ...columnsOf(fields), version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async deleteIfVersion(tx, id, version) {
      const result = await writable(tx)
        .deleteFrom(table as 'initiative_milestones')
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

const stepStore: PartStore<'steps'> = {
  list: listSteps,
  find: findStep,
  insert: insertStep,
  updateIfVersion: updateStepIfVersion,
  deleteIfVersion: deleteStepIfVersion,
};

export const partStores: { [K in PartKey]: PartStore<K> } = {
  steps: stepStore,
  milestones: tableStore<'milestones', 'initiative_milestones'>(
    'initiative_milestones',
    (fields) => ({ title: fields.title, due_on: fields.dueOn, reached_on: fields.reachedOn }),
    (row) => ({ title: row.title, dueOn: row.due_on, reachedOn: row.reached_on }),
    ['due_on'],
  ),
  resources: tableStore<'resources', 'initiative_resources'>(
    'initiative_resources',
    (fields) => ({
      kind: fields.kind,
      description: fields.description,
      amount: fields.amount,
      unit: fields.unit,
    }),
    (row) => ({ kind: row.kind, description: row.description, amount: row.amount, unit: row.unit }),
    [],
  ),
  kpis: tableStore<'kpis', 'initiative_kpis'>(
    'initiative_kpis',
    (fields) => ({
      name: fields.name,
      unit: fields.unit,
      baseline: fields.baseline,
      target: fields.target,
      target_on: fields.targetOn,
    }),
    (row) => ({
      name: row.name,
      unit: row.unit,
      baseline: row.baseline,
      target: row.target,
      targetOn: row.target_on,
    }),
    [],
  ),
  communications: tableStore<'communications', 'initiative_communications'>(
    'initiative_communications',
    (fields) => ({
      audience: fields.audience,
      message: fields.message,
      channel: fields.channel,
      frequency: fields.frequency,
      owner: fields.owner,
    }),
    (row) => ({
      audience: row.audience,
      message: row.message,
      channel: row.channel,
      frequency: row.frequency,
      owner: row.owner,
    }),
    [],
  ),
};
