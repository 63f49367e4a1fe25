// A plan's roadmap publication as stored: the slug of its public address and
// whether budgets are shown. One row per published plan; none when unpublished.
import type { Kysely } from 'kysely';
import type { Schema } from '../../../platform/db/schema.ts';

export interface Publication {
  planId: string;
  slug: string;
  showBudgets: boolean;
  publishedAt: Date;
}

const columns = ['plan_id', 'slug', 'show_budgets', 'published_at'] as const;

const publicationOf = (row: {
  plan_id: string;
  slug: string;
  show_budgets: boolean;
  published_at: Date;
}): Publication => ({
  planId: row.plan_id,
  slug: row.slug,
  showBudgets: row.show_budgets,
  publishedAt: row.published_at,
});

export async function findPublication(
  db: Kysely<Schema>,
  planId: string,
): Promise<Publication | undefined> {
  const row = await db
    .selectFrom('roadmap_publications')
    .select(columns)
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return row && publicationOf(row);
}

/** The publication at a public address, if its plan belongs to the workspace. */
export async function findPublicationBySlug(
  db: Kysely<Schema>,
  workspaceId: string,
  slug: string,
): Promise<Publication | undefined> {
  const row = await db
    .selectFrom('roadmap_publications')
    .innerJoin('plans', 'plans.id', 'roadmap_publications.plan_id')
    .select(columns.map((column) => `roadmap_publications.${column}` as const))
    .where('roadmap_publications.slug', '=', slug)
    .where('plans.workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return row && publicationOf(row);
}

/** Publishes, or changes what a publication shows; the slug of an existing one stays, so its address does. */
export async function writePublication(
  db: Kysely<Schema>,
  publication: { planId: string; slug: string; showBudgets: boolean; publishedBy: string | null },
): Promise<void> {
  await db
    .insertInto('roadmap_publications')
    .values({
      plan_id: publication.planId,
      slug: publication.slug,
      show_budgets: publication.showBudgets,
      published_by: publication.publishedBy,
    })
    .onConflict((conflict) =>
      conflict.column('plan_id').doUpdateSet({
        show_budgets: publication.showBudgets,
        published_by: publication.publishedBy,
      }),
    )
    .execute();
}

export async function deletePublication(db: Kysely<Schema>, planId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('roadmap_publications')
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
