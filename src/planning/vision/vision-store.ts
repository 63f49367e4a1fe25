// A plan's vision as stored: the statement, principles with their strategies,
// goals with their links, and priorities; each editable row written only if
// it is still at the version its editor started from.
import type { Kysely } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import { listSwotEntries, type SwotEntry } from '../analysis/index.ts';
import type { GoalFields, PrincipleFields, PriorityFields, PriorityTerm } from './vision-rules.ts';

export interface VisionPrinciple {
  id: string;
  cepaKey: string | null;
  title: string | null;
  description: string;
  strategyNumbers: number[];
  version: number;
}

export interface VisionPriority {
  id: string;
  goalId: string;
  text: string;
  term: PriorityTerm;
  version: number;
}

export interface VisionGoal extends GoalFields {
  id: string;
  version: number;
  priorities: VisionPriority[];
}

export interface Vision {
  planId: string;
  statement: string;
  /** 0 while no statement was ever saved. */
  version: number;
  principles: VisionPrinciple[];
  goals: VisionGoal[];
}

type LinkKind = Schema['vision_goal_links']['kind'];

export async function readVision(db: Kysely<Schema>, planId: string): Promise<Vision> {
  const statement = await db
    .selectFrom('plan_visions')
    .select(['statement', 'version'])
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  const principleRows = await db
    .selectFrom('vision_principles')
    .select(['id', 'cepa_key', 'title', 'description', 'version'])
    .where('plan_id', '=', planId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const strategies = principleRows.length
    ? await db
        .selectFrom('vision_principle_strategies')
        .select(['principle_id', 'strategy_number'])
        .where(
          'principle_id',
          'in',
          principleRows.map((row) => row.id),
        )
        .orderBy('strategy_number')
        .execute()
    : [];
  const goalRows = await db
    .selectFrom('vision_goals')
    .select(['id', 'title', 'description', 'version'])
    .where('plan_id', '=', planId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const goalIds = goalRows.map((row) => row.id);
  const links = goalIds.length
    ? await db
        .selectFrom('vision_goal_links')
        .select(['goal_id', 'kind', 'code'])
        .where('goal_id', 'in', goalIds)
        .orderBy('code')
        .execute()
    : [];
  const swotLinks = goalIds.length
    ? await db
        .selectFrom('vision_goal_swot_entries')
        .select(['goal_id', 'swot_entry_id'])
        .where('goal_id', 'in', goalIds)
        .execute()
    : [];
  const priorities = goalIds.length
    ? await db
        .selectFrom('vision_priorities')
        .select(['id', 'goal_id', 'text', 'term', 'version'])
        .where('goal_id', 'in', goalIds)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
    : [];
  const linked = (goalId: string, kind: LinkKind) =>
    links.filter((link) => link.goal_id === goalId && link.kind === kind).map((link) => link.code);
  return {
    planId,
    statement: statement?.statement ?? '',
    version: statement?.version ?? 0,
    principles: principleRows.map((row) => ({
      id: row.id,
      cepaKey: row.cepa_key,
      title: row.title,
      description: row.description,
      version: row.version,
      strategyNumbers: strategies
        .filter((strategy) => strategy.principle_id === row.id)
        .map((strategy) => strategy.strategy_number),
    })),
    goals: goalRows.map((row) => ({
      id: row.id,
      title: row.title,
      description: row.description,
      version: row.version,
      sdgGoals: linked(row.id, 'sdg')
        .map(Number)
        .sort((a, b) => a - b),
      sdgTargets: linked(row.id, 'sdg_target').sort(bySdgCode),
      subdimensionCodes: linked(row.id, 'subdimension'),
      recommendationCodes: linked(row.id, 'recommendation'),
      swotEntryIds: swotLinks
        .filter((link) => link.goal_id === row.id)
        .map((link) => link.swot_entry_id),
      priorities: priorities
        .filter((priority) => priority.goal_id === row.id)
        .map((priority) => ({
          id: priority.id,
          goalId: priority.goal_id,
          text: priority.text,
          term: priority.term,
          version: priority.version,
        })),
    })),
  };
}

/** "16.10" after "16.9", letters after numbers, as the UN lists them. */
function bySdgCode(a: string, b: string): number {
  const key = (code: string) => {
    const [goal = '0', target = ''] = code.split('.');
    const number = Number(target);
    return [Number(goal), Number.isNaN(number) ? 100 + target.charCodeAt(0) : number] as const;
  };
  const [ga, ta] = key(a);
  const [gb, tb] = key(b);
  return ga - gb || ta - tb;
}

const changed = (updatedBy: string | null) => ({ updated_at: new Date(), updated_by: updatedBy });

/** Writes the statement if it is still at `version` (0: none saved yet); false otherwise. */
export async function writeStatementIfVersion(
  db: Kysely<Schema>,
  planId: string,
  version: number,
  statement: string,
  updatedBy: string | null,
): Promise<boolean> {
  if (version === 0) {
    const inserted = await db
      .insertInto('plan_visions')
      .values({ plan_id: planId, statement, updated_by: updatedBy })
      .onConflict((conflict) => conflict.column('plan_id').doNothing())
      .executeTakeFirst();
    return (inserted.numInsertedOrUpdatedRows ?? 0n) > 0n;
  }
  const result = await db
    .updateTable('plan_visions')
    .set((eb) => ({ statement, version: eb('version', '+', 1), ...changed(updatedBy) }))
    .where('plan_id', '=', planId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

async function setStrategies(db: Kysely<Schema>, principleId: string, numbers: readonly number[]) {
  await db
    .deleteFrom('vision_principle_strategies')
    .where('principle_id', '=', principleId)
    .execute();
  if (numbers.length > 0)
    await db
      .insertInto('vision_principle_strategies')
      .values(numbers.map((number) => ({ principle_id: principleId, strategy_number: number })))
      .execute();
}

export async function insertPrinciple(
  db: Kysely<Schema>,
  planId: string,
  fields: PrincipleFields,
  updatedBy: string | null,
): Promise<string> {
  const { id } = await db
    .insertInto('vision_principles')
    .values({
      plan_id: planId,
      cepa_key: fields.cepaKey,
      title: fields.title,
      description: fields.description,
      updated_by: updatedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await setStrategies(db, id, fields.strategyNumbers);
  return id;
}

export async function updatePrincipleIfVersion(
  db: Kysely<Schema>,
  principleId: string,
  version: number,
  fields: PrincipleFields,
  updatedBy: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('vision_principles')
    .set((eb) => ({
      cepa_key: fields.cepaKey,
      title: fields.title,
      description: fields.description,
      version: eb('version', '+', 1),
      ...changed(updatedBy),
    }))
    .where('id', '=', principleId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return false;
  await setStrategies(db, principleId, fields.strategyNumbers);
  return true;
}

async function setLinks(db: Kysely<Schema>, goalId: string, fields: GoalFields) {
  await db.deleteFrom('vision_goal_links').where('goal_id', '=', goalId).execute();
  const links: { goal_id: string; kind: LinkKind; code: string }[] = [
    ...fields.sdgGoals.map((number) => ({ kind: 'sdg' as const, code: String(number) })),
    ...fields.sdgTargets.map((code) => ({ kind: 'sdg_target' as const, code })),
    ...fields.subdimensionCodes.map((code) => ({ kind: 'subdimension' as const, code })),
    ...fields.recommendationCodes.map((code) => ({ kind: 'recommendation' as const, code })),
  ].map((link) => ({ goal_id: goalId, ...link }));
  if (links.length > 0) await db.insertInto('vision_goal_links').values(links).execute();
  await db.deleteFrom('vision_goal_swot_entries').where('goal_id', '=', goalId).execute();
  if (fields.swotEntryIds.length > 0)
    await db
      .insertInto('vision_goal_swot_entries')
      .values(fields.swotEntryIds.map((id) => ({ goal_id: goalId, swot_entry_id: id })))
      .execute();
}

export async function insertGoal(
  db: Kysely<Schema>,
  planId: string,
  fields: GoalFields,
  updatedBy: string | null,
): Promise<string> {
  const { id } = await db
    .insertInto('vision_goals')
    .values({
      plan_id: planId,
      title: fields.title,
      description: fields.description,
      updated_by: updatedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await setLinks(db, id, fields);
  return id;
}

export async function updateGoalIfVersion(
  db: Kysely<Schema>,
  goalId: string,
  version: number,
  fields: GoalFields,
  updatedBy: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('vision_goals')
    .set((eb) => ({
      title: fields.title,
      description: fields.description,
      version: eb('version', '+', 1),
      ...changed(updatedBy),
    }))
    .where('id', '=', goalId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return false;
  await setLinks(db, goalId, fields);
  return true;
}

export async function insertPriority(
  db: Kysely<Schema>,
  goalId: string,
  fields: PriorityFields,
  updatedBy: string | null,
): Promise<string> {
  const { id } = await db
    .insertInto('vision_priorities')
    .values({ goal_id: goalId, text: fields.text, term: fields.term, updated_by: updatedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updatePriorityIfVersion(
  db: Kysely<Schema>,
  priorityId: string,
  version: number,
  fields: PriorityFields,
  updatedBy: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('vision_priorities')
    .set((eb) => ({
      text: fields.text,
      term: fields.term,
      version: eb('version', '+', 1),
      ...changed(updatedBy),
    }))
    .where('id', '=', priorityId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export type VisionTable = 'vision_principles' | 'vision_goals' | 'vision_priorities';

/** Whether an entry of this id exists in any plan: one of another plan is refused as unknown, not as deleted. */
export async function entryExists(db: Kysely<Schema>, table: VisionTable, id: string) {
  const row = await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/** Deletes a principle, goal or priority if it is still at `version`; false otherwise. */
export async function deleteIfVersion(
  db: Kysely<Schema>,
  table: VisionTable,
  id: string,
  version: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom(table)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * Copies one plan's vision into another (a new plan that starts from the
 * last): statement, principles with strategies, goals with links and
 * priorities, under new ids. SDG and framework links are codes and carry over
 * as they are; a link to a SWOT entry points at its copy in the new plan —
 * the entry of the same quadrant, place and text — so the analysis is copied
 * first, and a link whose entry has no copy is left out.
 */
export async function copyVision(
  db: Kysely<Schema>,
  fromPlanId: string,
  toPlanId: string,
): Promise<void> {
  const vision = await readVision(db, fromPlanId);
  if (vision.version > 0)
    await db
      .insertInto('plan_visions')
      .values({ plan_id: toPlanId, statement: vision.statement, updated_by: null })
      .execute();
  for (const principle of vision.principles) await insertPrinciple(db, toPlanId, principle, null);
  const keyOf = (entry: SwotEntry) => JSON.stringify([entry.quadrant, entry.position, entry.text]);
  const copies = new Map(
    (await listSwotEntries(db, toPlanId)).map((entry) => [keyOf(entry), entry.id]),
  );
  const copyOf = new Map(
    (await listSwotEntries(db, fromPlanId)).flatMap((entry) => {
      const copy = copies.get(keyOf(entry));
      return copy ? [[entry.id, copy] as const] : [];
    }),
  );
  for (const goal of vision.goals) {
    const swotEntryIds = goal.swotEntryIds.flatMap((id) => {
      const copy = copyOf.get(id);
      return copy ? [copy] : [];
    });
    const goalId = await insertGoal(db, toPlanId, { ...goal, swotEntryIds }, null);
    for (const priority of goal.priorities) await insertPriority(db, goalId, priority, null);
  }
}

/** The status of a round a plan rests on: only an open or closed round has results. */
export async function roundStatus(db: Kysely<Schema>, roundId: string) {
  const row = await db
    .selectFrom('rounds')
    .select('status')
    .where('id', '=', roundId)
    .executeTakeFirst();
  return row?.status;
}
