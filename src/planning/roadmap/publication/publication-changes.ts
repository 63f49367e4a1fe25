// Publishing a plan's roadmap and taking it down, each with its audit entry in
// one transaction, for the page and the API alike. A new publication gets a
// random slug nobody can guess (128 bits); publishing again keeps it.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit-store.ts';
import type { ChangedBy } from '../../../platform/audit/changed-by.ts';
import type { Schema } from '../../../platform/db/schema.ts';
import type { Plan } from '../../plans/index.ts';
import { userOf } from '../initiative-changes.ts';
import {
  deletePublication,
  findPublication,
  type Publication,
  writePublication,
} from './publication-store.ts';

export const newSlug = () => randomBytes(16).toString('hex');

/** Publishes the plan's roadmap, or changes whether budgets show on it. */
export async function publishRoadmap(
  db: Kysely<Schema>,
  plan: Plan,
  options: { showBudgets: boolean },
  by: ChangedBy,
): Promise<Publication> {
  return db.transaction().execute(async (tx) => {
    const before = await findPublication(tx, plan.id);
    await writePublication(tx, {
      planId: plan.id,
      slug: before?.slug ?? newSlug(),
      showBudgets: options.showBudgets,
      publishedBy: userOf(by),
    });
    await recordAudit(tx, {
      workspaceId: by.workspaceId,
      actor: by.actor,
      action: 'roadmap.published',
      entityType: 'roadmap',
      entityId: plan.id,
      details: { planId: plan.id, title: plan.title, showBudgets: options.showBudgets },
    });
    return (await findPublication(tx, plan.id)) as Publication;
  });
}

/** Takes the plan's roadmap down: its address answers 404 from now on. False when it was not published. */
export async function unpublishRoadmap(
  db: Kysely<Schema>,
  plan: Plan,
  by: ChangedBy,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    if (!(await deletePublication(tx, plan.id))) return false;
    await recordAudit(tx, {
      workspaceId: by.workspaceId,
      actor: by.actor,
      action: 'roadmap.unpublished',
      entityType: 'roadmap',
      entityId: plan.id,
      details: { planId: plan.id, title: plan.title },
    });
    return true;
  });
}
