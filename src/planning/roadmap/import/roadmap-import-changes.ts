// Importing a roadmap file into a plan: what the rows mean is decided by
// roadmap-import-plan.ts against the plan as read inside the transaction, then
// every addition and change is written in that one transaction with one audit
// entry, or nothing at all. Rows are never deleted by an import.
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit-store.ts';
import type { ChangedBy } from '../../../platform/audit/changed-by.ts';
import type { Schema } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { messagesFor, supportedLanguages } from '../../../platform/i18n/messages.ts';
import { insertStep, listSteps, stepStatuses, updateStepIfVersion } from '../action-plan/index.ts';
import { initiativeContext, userOf } from '../initiative-changes.ts';
import {
  addDependencies,
  insertInitiative,
  listInitiatives,
  updateInitiativeIfVersion,
} from '../initiative-store.ts';
import {
  type ImportCounts,
  type ImportNames,
  type PlannedInitiative,
  type PlannedStep,
  planRoadmapImport,
} from './roadmap-import-plan.ts';
import type { ImportProblem, ImportSheet } from './roadmap-import-rows.ts';

export type RoadmapImportOutcome =
  | { ok: true; counts: ImportCounts }
  | { ok: false; problems: ImportProblem[] };

/** Every language's words for a key of the catalogue. */
const labelsIn = (key: string) =>
  supportedLanguages.map((language) => messagesFor(language).t(key));

async function namesOf(
  db: Kysely<Schema>,
  workspaceId: string,
  planId: string,
  statuses: readonly { key: string; label: string | null }[],
): Promise<ImportNames> {
  const [agencies, members, goals] = await Promise.all([
    db
      .selectFrom('agencies')
      .select(['id', 'name', 'acronym'])
      .where('workspace_id', '=', workspaceId)
      .execute(),
    db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.email'])
      .where('memberships.workspace_id', '=', workspaceId)
      .execute(),
    db.selectFrom('vision_goals').select(['id', 'title']).where('plan_id', '=', planId).execute(),
  ]);
  return {
    agencies,
    members,
    goals,
    statusLabels: new Map(
      statuses.map(({ key, label }) => [
        key,
        label !== null ? [label] : labelsIn(`roadmap.status.${key}`),
      ]),
    ),
    stepStatusLabels: new Map(
      stepStatuses.map((key) => [key, labelsIn(`roadmap.stepStatus.${key}`)]),
    ),
  };
}

/** Imports the sheets read from a file into the plan, all of them or, on any problem, nothing. */
export async function importRoadmap(
  db: Kysely<Schema>,
  planId: string,
  sheets: readonly ImportSheet[],
  by: ChangedBy,
): Promise<RoadmapImportOutcome> {
  return db.transaction().execute(async (tx) => {
    const context = await initiativeContext(tx, by.workspaceId, planId);
    const initiatives = await listInitiatives(tx, { planId });
    const steps = await listSteps(
      tx,
      initiatives.map((initiative) => initiative.id),
    );
    const names = await namesOf(tx, by.workspaceId, planId, context.statuses);
    const plan = planRoadmapImport(sheets, { initiatives, steps }, context, names);
    if (!plan.ok) return plan;
    const idOfKey = await writeInitiatives(tx, planId, plan.initiatives, userOf(by));
    await writeSteps(tx, plan.steps, idOfKey, userOf(by));
    await recordAudit(tx, {
      workspaceId: by.workspaceId,
      actor: by.actor,
      action: 'roadmap.imported',
      entityType: 'roadmap',
      entityId: planId,
      details: {
        planId,
        added: plan.counts.initiatives.added,
        changed: plan.counts.initiatives.changed,
        unchanged: plan.counts.initiatives.unchanged,
        stepsAdded: plan.counts.steps.added,
        stepsChanged: plan.counts.steps.changed,
        stepsUnchanged: plan.counts.steps.unchanged,
      },
    });
    return { ok: true, counts: plan.counts };
  });
}

function changedMeanwhile(): never {
  throw new AppError('conflict', 'The roadmap changed while it was being imported; import again');
}

/**
 * Writes the initiatives, parents first; a dependency on a row not yet
 * written is added once every row is. Returns the stored id of every key.
 */
async function writeInitiatives(
  tx: Transaction<Schema>,
  planId: string,
  planned: readonly PlannedInitiative[],
  userId: string | null,
): Promise<Map<string, string>> {
  const idOfKey = new Map<string, string>();
  for (const { key, stored } of planned) if (stored) idOfKey.set(key, stored.id);
  const waiting: { id: string; keys: string[] }[] = [];
  const written = new Set<string>();
  for (const { key, stored, fields, change } of planned) {
    if (change === 'unchanged' && stored) {
      written.add(key);
      continue;
    }
    // A new row's key is not an id; stored initiatives outside the file are named by id.
    const idOf = (reference: string) => idOfKey.get(reference) ?? reference;
    const isReady = (reference: string) => !reference.startsWith('row:') || written.has(reference);
    const ready = fields.dependsOnIds.filter(isReady).map(idOf);
    const toWrite = {
      ...fields,
      parentId: fields.parentId ? idOf(fields.parentId) : null,
      dependsOnIds: ready,
    };
    let id: string;
    if (stored) {
      if (!(await updateInitiativeIfVersion(tx, stored.id, stored.version, toWrite, userId)))
        changedMeanwhile();
      id = stored.id;
    } else id = await insertInitiative(tx, planId, toWrite, null, userId);
    idOfKey.set(key, id);
    written.add(key);
    waiting.push({ id, keys: fields.dependsOnIds.filter((reference) => !isReady(reference)) });
  }
  for (const { id, keys } of waiting)
    await addDependencies(
      tx,
      id,
      keys.map((key) => idOfKey.get(key) ?? key),
    );
  return idOfKey;
}

async function writeSteps(
  tx: Transaction<Schema>,
  planned: readonly PlannedStep[],
  idOfKey: ReadonlyMap<string, string>,
  userId: string | null,
) {
  for (const { initiativeKey, stored, fields, change } of planned) {
    if (change === 'unchanged') continue;
    if (stored) {
      if (!(await updateStepIfVersion(tx, stored.id, stored.version, fields, userId)))
        changedMeanwhile();
    } else await insertStep(tx, idOfKey.get(initiativeKey) ?? initiativeKey, fields, userId);
  }
}
