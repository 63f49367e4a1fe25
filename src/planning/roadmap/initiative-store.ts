// A plan's initiatives as stored: each row with its partners, dependencies,
// goals, SWOT entries and codes, its owner's and lead agency's names and how
// many of its steps are done. Read in a handful of queries for the whole plan,
// then put together, so a roadmap of thousands costs the same few round trips.
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import type { CodeKind, InitiativeFields } from './initiative-rules.ts';
import { addTo } from './multimap.ts';

export type OriginKind = 'recommendation' | 'swot_entry' | 'goal';

/** What an initiative was created from. */
export interface Origin {
  kind: OriginKind;
  /** A recommendation's code, or the id of the SWOT entry or goal. */
  ref: string;
  /** For a recommendation: the round whose results advised it. */
  roundId: string | null;
}

export interface Initiative extends InitiativeFields {
  id: string;
  planId: string;
  ownerName: string | null;
  leadAgency: { name: string; acronym: string | null } | null;
  origin: Origin | null;
  steps: { done: number; total: number };
  version: number;
  updatedAt: Date;
}

function initiativeQuery(db: Kysely<Schema>) {
  return db
    .selectFrom('initiatives')
    .leftJoin('users', 'users.id', 'initiatives.owner_id')
    .leftJoin('agencies', 'agencies.id', 'initiatives.lead_agency_id')
    .selectAll('initiatives')
    .select(['users.name as owner_name', 'agencies.name as agency_name', 'agencies.acronym']);
}

type Scope = { planId: string; initiativeId?: string };

/** The plan's initiatives by title, or the one named; links and step counts included. */
export async function listInitiatives(db: Kysely<Schema>, scope: Scope): Promise<Initiative[]> {
  let rows = initiativeQuery(db).where('initiatives.plan_id', '=', scope.planId);
  if (scope.initiativeId) rows = rows.where('initiatives.id', '=', scope.initiativeId);
  const found = await rows.orderBy('initiatives.title').orderBy('initiatives.id').execute();
  if (found.length === 0) return [];
  const links = await linksOf(db, scope);
  return found.map((row) => {
    const link = (map: Map<string, string[]>) => map.get(row.id) ?? [];
    return {
      id: row.id,
      planId: row.plan_id,
      externalId: row.external_id,
      parentId: row.parent_id,
      level: row.level,
      title: row.title,
      description: row.description,
      horizon: row.horizon,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      leadAgencyId: row.lead_agency_id,
      leadAgency: row.agency_name ? { name: row.agency_name, acronym: row.acronym } : null,
      partnerAgencyIds: link(links.partners),
      ownerId: row.owner_id,
      ownerName: row.owner_name,
      budgetAmount: row.budget_amount,
      budgetCurrency: row.budget_currency,
      budgetSource: row.budget_source,
      status: row.status,
      progress: row.progress,
      weight: row.weight,
      isPublic: row.is_public,
      dependsOnIds: link(links.dependencies),
      goalIds: link(links.goals),
      swotEntryIds: link(links.swot),
      codes: links.codes.get(row.id) ?? [],
      origin:
        row.origin_kind && row.origin_ref
          ? { kind: row.origin_kind, ref: row.origin_ref, roundId: row.origin_round_id }
          : null,
      steps: links.steps.get(row.id) ?? { done: 0, total: 0 },
      version: row.version,
      updatedAt: row.updated_at,
    };
  });
}

export async function findInitiative(
  db: Kysely<Schema>,
  planId: string,
  initiativeId: string,
): Promise<Initiative | undefined> {
  const [initiative] = await listInitiatives(db, { planId, initiativeId });
  return initiative;
}

async function linksOf(db: Kysely<Schema>, { planId, initiativeId }: Scope) {
  // Every link table is read through its initiative, limited to the plan (or the one initiative).
  const inScope = db
    .selectFrom('initiatives')
    .select('initiatives.id')
    .where('plan_id', '=', planId)
    .$if(initiativeId !== undefined, (query) => query.where('id', '=', initiativeId ?? ''));
  const [partners, dependencies, goals, swot, codes, steps] = await Promise.all([
    db
      .selectFrom('initiative_partners')
      .select(['initiative_id', 'agency_id as ref'])
      .where('initiative_id', 'in', inScope)
      .execute(),
    db
      .selectFrom('initiative_dependencies')
      .select(['initiative_id', 'depends_on_id as ref'])
      .where('initiative_id', 'in', inScope)
      .execute(),
    db
      .selectFrom('initiative_goals')
      .select(['initiative_id', 'goal_id as ref'])
      .where('initiative_id', 'in', inScope)
      .execute(),
    db
      .selectFrom('initiative_swot_entries')
      .select(['initiative_id', 'swot_entry_id as ref'])
      .where('initiative_id', 'in', inScope)
      .execute(),
    db
      .selectFrom('initiative_codes')
      .select(['initiative_id', 'kind', 'code'])
      .where('initiative_id', 'in', inScope)
      .orderBy('kind')
      .orderBy('code')
      .execute(),
    db
      .selectFrom('initiative_steps')
      .select((eb) => [
        'initiative_id',
        eb.fn.countAll<number>().as('total'),
        eb.fn.countAll<number>().filterWhere('status', '=', 'done').as('done'),
      ])
      .where('initiative_id', 'in', inScope)
      .groupBy('initiative_id')
      .execute(),
  ]);
  const grouped = (rows: { initiative_id: string; ref: string }[]) => {
    const map = new Map<string, string[]>();
    for (const row of rows) addTo(map, row.initiative_id, row.ref);
    return map;
  };
  const codeMap = new Map<string, { kind: CodeKind; code: string }[]>();
  for (const row of codes) addTo(codeMap, row.initiative_id, { kind: row.kind, code: row.code });
  return {
    partners: grouped(partners),
    dependencies: grouped(dependencies),
    goals: grouped(goals),
    swot: grouped(swot),
    codes: codeMap,
    steps: new Map(
      steps.map((row) => [row.initiative_id, { done: Number(row.done), total: Number(row.total) }]),
    ),
  };
}

const columnsOf = (fields: InitiativeFields) => ({
  external_id: fields.externalId,
  parent_id: fields.parentId,
  level: fields.level,
  title: fields.title,
  description: fields.description,
  horizon: fields.horizon,
  starts_on: fields.startsOn,
  ends_on: fields.endsOn,
  lead_agency_id: fields.leadAgencyId,
  owner_id: fields.ownerId,
  budget_amount: fields.budgetAmount,
  budget_currency: fields.budgetCurrency,
  budget_source: fields.budgetSource,
  status: fields.status,
  progress: fields.progress,
  weight: fields.weight,
  is_public: fields.isPublic,
});

export async function insertInitiative(
  tx: Transaction<Schema>,
  planId: string,
  fields: InitiativeFields,
  origin: Origin | null,
  updatedBy: string | null,
): Promise<string> {
  const { id } = await tx
    .insertInto('initiatives')
    .values({
      plan_id: planId,
      ...columnsOf(fields),
      origin_kind: origin?.kind ?? null,
      origin_ref: origin?.ref ?? null,
      origin_round_id: origin?.roundId ?? null,
      updated_by: updatedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeLinks(tx, id, fields);
  return id;
}

/**
 * Writes an initiative's fields and links if it is still at `version`,
 * raising the version; false when another change was saved since (nothing written).
 */
export async function updateInitiativeIfVersion(
  tx: Transaction<Schema>,
  initiativeId: string,
  version: number,
  fields: InitiativeFields,
  updatedBy: string | null,
): Promise<boolean> {
  const result = await tx
    .updateTable('initiatives')
    .set((eb) => ({
      ...columnsOf(fields),
      version: eb('version', '+', 1),
      updated_at: new Date(),
      updated_by: updatedBy,
    }))
    .where('id', '=', initiativeId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return false;
  await writeLinks(tx, initiativeId, fields);
  return true;
}

async function writeLinks(tx: Transaction<Schema>, id: string, fields: InitiativeFields) {
  await Promise.all([
    tx.deleteFrom('initiative_partners').where('initiative_id', '=', id).execute(),
    tx.deleteFrom('initiative_dependencies').where('initiative_id', '=', id).execute(),
    tx.deleteFrom('initiative_goals').where('initiative_id', '=', id).execute(),
    tx.deleteFrom('initiative_swot_entries').where('initiative_id', '=', id).execute(),
    tx.deleteFrom('initiative_codes').where('initiative_id', '=', id).execute(),
  ]);
  const rows = <T>(values: T[], insert: (values: T[]) => Promise<unknown>) =>
    values.length > 0 ? insert(values) : undefined;
  await rows(
    fields.partnerAgencyIds.map((agency_id) => ({ initiative_id: id, agency_id })),
    (values) => tx.insertInto('initiative_partners').values(values).execute(),
  );
  await rows(
    fields.dependsOnIds.map((depends_on_id) => ({ initiative_id: id, depends_on_id })),
    (values) => tx.insertInto('initiative_dependencies').values(values).execute(),
  );
  await rows(
    fields.goalIds.map((goal_id) => ({ initiative_id: id, goal_id })),
    (values) => tx.insertInto('initiative_goals').values(values).execute(),
  );
  await rows(
    fields.swotEntryIds.map((swot_entry_id) => ({ initiative_id: id, swot_entry_id })),
    (values) => tx.insertInto('initiative_swot_entries').values(values).execute(),
  );
  await rows(
    fields.codes.map(({ kind, code }) => ({ initiative_id: id, kind, code })),
    (values) => tx.insertInto('initiative_codes').values(values).execute(),
  );
}

/** Deletes an initiative, and everything under it, if it is still at `version`. */
export async function deleteInitiativeIfVersion(
  tx: Transaction<Schema>,
  initiativeId: string,
  version: number,
): Promise<boolean> {
  const result = await tx
    .deleteFrom('initiatives')
    .where('id', '=', initiativeId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * Adds dependencies to an initiative beside those it has; for an import, whose
 * rows may wait for initiatives written after them.
 */
export async function addDependencies(
  tx: Transaction<Schema>,
  initiativeId: string,
  dependsOnIds: readonly string[],
): Promise<void> {
  if (dependsOnIds.length === 0) return;
  await tx
    .insertInto('initiative_dependencies')
    .values(dependsOnIds.map((depends_on_id) => ({ initiative_id: initiativeId, depends_on_id })))
    .onConflict((conflict) => conflict.doNothing())
    .execute();
}
