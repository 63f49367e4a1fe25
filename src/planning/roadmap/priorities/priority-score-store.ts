// Members' score sheets as stored: read for a whole plan in one query (the
// priorities page) or for one initiative, and one member's sheet replaced.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Schema } from '../../../platform/db/schema.ts';
import type { ScoreSheet } from './prioritisation.ts';

/** Each initiative's sheets, one per member who scored it, keyed by initiative then member. */
export type SheetsByInitiative = Map<string, Map<string, Map<string, number>>>;

export async function listScoreSheets(
  db: Kysely<Schema>,
  scope: { planId: string } | { initiativeId: string },
): Promise<SheetsByInitiative> {
  // One row per member and initiative, the sheet as one JSON object: a plan
  // of a thousand initiatives reads a tenth of the rows it would otherwise.
  const rows = await db
    .selectFrom('initiative_scores')
    .innerJoin('initiatives', 'initiatives.id', 'initiative_scores.initiative_id')
    .select([
      'initiative_scores.initiative_id',
      'initiative_scores.user_id',
      sql<
        Record<string, number>
      >`json_object_agg(initiative_scores.criterion, initiative_scores.score)`.as('scores'),
    ])
    .$if('planId' in scope, (query) =>
      query.where('initiatives.plan_id', '=', 'planId' in scope ? scope.planId : ''),
    )
    .$if('initiativeId' in scope, (query) =>
      query.where('initiatives.id', '=', 'initiativeId' in scope ? scope.initiativeId : ''),
    )
    .groupBy(['initiative_scores.initiative_id', 'initiative_scores.user_id'])
    .execute();
  const sheets: SheetsByInitiative = new Map();
  for (const row of rows) {
    const members = sheets.get(row.initiative_id) ?? new Map<string, Map<string, number>>();
    sheets.set(row.initiative_id, members);
    members.set(row.user_id, new Map(Object.entries(row.scores)));
  }
  return sheets;
}

/**
 * Holds the initiative until the transaction ends; false when it was deleted
 * meanwhile, so a sheet is never written for an initiative that is gone.
 */
export async function lockInitiative(tx: Transaction<Schema>, initiativeId: string) {
  const row = await tx
    .selectFrom('initiatives')
    .select('id')
    .where('id', '=', initiativeId)
    .forShare()
    .executeTakeFirst();
  return row !== undefined;
}

/** Replaces one member's sheet of one initiative; other members' scores are not touched. */
export async function replaceScoreSheet(
  tx: Transaction<Schema>,
  initiativeId: string,
  userId: string,
  sheet: ScoreSheet,
): Promise<void> {
  await tx
    .deleteFrom('initiative_scores')
    .where('initiative_id', '=', initiativeId)
    .where('user_id', '=', userId)
    .execute();
  if (sheet.size === 0) return;
  await tx
    .insertInto('initiative_scores')
    .values(
      [...sheet].map(([criterion, score]) => ({
        initiative_id: initiativeId,
        user_id: userId,
        criterion,
        score,
      })),
    )
    .execute();
}

/** The plan's initiatives by title, as far as the priorities page needs them. */
export function listInitiativeTitles(db: Kysely<Schema>, planId: string) {
  return db
    .selectFrom('initiatives')
    .select(['id', 'title'])
    .where('plan_id', '=', planId)
    .orderBy('title')
    .orderBy('id')
    .execute();
}
