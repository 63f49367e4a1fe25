// Changing a plan's vision: the statement, principles, goals and priorities,
// each checked against the rules and written with its audit entry in one
// transaction, for pages and API alike. A change names the version it started
// from; if another was saved since (or the entry was deleted), nothing is
// written and the caller is given the entry as it now stands.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit-store.ts';
import type { ChangedBy } from '../../platform/audit/changed-by.ts';
import type { Schema } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { Plan } from '../plans/index.ts';
import { findCepaPrinciple } from './cepa-principles.ts';
import {
  checkGoal,
  checkPrinciple,
  checkPriority,
  checkStatement,
  type GoalEvidence,
  type RawGoalFields,
  type RawPrincipleFields,
  type VisionProblem,
} from './vision-rules.ts';
import {
  deleteIfVersion,
  entryExists,
  insertGoal,
  insertPrinciple,
  insertPriority,
  readVision,
  updateGoalIfVersion,
  updatePrincipleIfVersion,
  updatePriorityIfVersion,
  type Vision,
  type VisionGoal,
  type VisionPrinciple,
  type VisionPriority,
  type VisionTable,
  writeStatementIfVersion,
} from './vision-store.ts';

export type VisionOutcome<Entry> =
  | { ok: true; id: string }
  | { ok: false; problems: VisionProblem[] }
  /** `current` undefined: someone deleted the entry meanwhile. */
  | { ok: false; conflict: true; current: Entry | undefined };

/** A change to an entry that exists, from the version its editor saw. */
export interface Existing {
  id: string;
  version: number;
}

const userOf = (by: ChangedBy) => ('userId' in by.actor ? by.actor.userId : null);

/** A principle's name for the audit log, which is read in English as well. */
export const principleTitle = (principle: Pick<VisionPrinciple, 'cepaKey' | 'title'>) =>
  principle.title ?? findCepaPrinciple(principle.cepaKey ?? '')?.name.en ?? '';

function audit(
  tx: Kysely<Schema>,
  by: ChangedBy,
  plan: Plan,
  entity: 'vision' | 'vision_principle' | 'vision_goal' | 'vision_priority',
  verb: 'created' | 'updated' | 'deleted',
  id: string,
  title: string,
) {
  return recordAudit(tx, {
    workspaceId: by.workspaceId,
    actor: by.actor,
    action: `${entity}.${verb}`,
    entityType: entity,
    entityId: id,
    details: { plan: plan.title, title: title.slice(0, 200) },
  });
}

function notFound(what: string): never {
  throw new AppError('not_found', `There is no such ${what} in this plan`);
}

/**
 * An entry the plan no longer holds: deleted meanwhile (a conflict, told as
 * such), unless it is another plan's — then it is refused as unknown here.
 */
async function missing(tx: Kysely<Schema>, kind: VisionEntryKind, id: string) {
  if (await entryExists(tx, tables[kind], id)) notFound(kind);
  return { ok: false as const, conflict: true as const, current: undefined };
}

export function saveStatement(
  db: Kysely<Schema>,
  plan: Plan,
  raw: { statement?: string | undefined },
  version: number,
  by: ChangedBy,
): Promise<VisionOutcome<Vision>> {
  return db.transaction().execute(async (tx) => {
    const checked = checkStatement(raw);
    if (!checked.fields) return { ok: false, problems: checked.problems };
    if (
      !(await writeStatementIfVersion(tx, plan.id, version, checked.fields.statement, userOf(by)))
    )
      return { ok: false, conflict: true, current: await readVision(tx, plan.id) };
    await audit(tx, by, plan, 'vision', 'updated', plan.id, checked.fields.statement);
    return { ok: true, id: plan.id };
  });
}

export function savePrinciple(
  db: Kysely<Schema>,
  plan: Plan,
  raw: RawPrincipleFields,
  by: ChangedBy,
  existing?: Existing,
): Promise<VisionOutcome<VisionPrinciple>> {
  return db.transaction().execute(async (tx) => {
    const { principles } = await readVision(tx, plan.id);
    const before = existing && principles.find((principle) => principle.id === existing.id);
    if (existing && !before) return missing(tx, 'principle', existing.id);
    const taken = new Set(
      principles.flatMap((principle) =>
        principle.cepaKey && principle.id !== before?.id ? [principle.cepaKey] : [],
      ),
    );
    // A principle stays what it was made as: one of CEPA's, or the team's own.
    const checked = checkPrinciple(
      before
        ? { ...raw, cepaKey: before.cepaKey, ...(before.cepaKey ? { title: null } : {}) }
        : raw,
      taken,
    );
    if (!checked.fields) return { ok: false, problems: checked.problems };
    const title = principleTitle(checked.fields);
    if (!before || !existing) {
      const id = await insertPrinciple(tx, plan.id, checked.fields, userOf(by));
      await audit(tx, by, plan, 'vision_principle', 'created', id, title);
      return { ok: true, id };
    }
    if (
      !(await updatePrincipleIfVersion(tx, before.id, existing.version, checked.fields, userOf(by)))
    )
      return { ok: false, conflict: true, current: before };
    await audit(tx, by, plan, 'vision_principle', 'updated', before.id, title);
    return { ok: true, id: before.id };
  });
}

export function saveGoal(
  db: Kysely<Schema>,
  plan: Plan,
  raw: RawGoalFields,
  evidence: GoalEvidence,
  by: ChangedBy,
  existing?: Existing,
): Promise<VisionOutcome<VisionGoal>> {
  return db.transaction().execute(async (tx) => {
    const before =
      existing && (await readVision(tx, plan.id)).goals.find((goal) => goal.id === existing.id);
    if (existing && !before) return missing(tx, 'goal', existing.id);
    const checked = checkGoal(raw, evidence);
    if (!checked.fields) return { ok: false, problems: checked.problems };
    if (!before || !existing) {
      const id = await insertGoal(tx, plan.id, checked.fields, userOf(by));
      await audit(tx, by, plan, 'vision_goal', 'created', id, checked.fields.title);
      return { ok: true, id };
    }
    if (!(await updateGoalIfVersion(tx, before.id, existing.version, checked.fields, userOf(by))))
      return { ok: false, conflict: true, current: before };
    await audit(tx, by, plan, 'vision_goal', 'updated', before.id, checked.fields.title);
    return { ok: true, id: before.id };
  });
}

export function savePriority(
  db: Kysely<Schema>,
  plan: Plan,
  raw: { goalId?: string | undefined; text?: string | undefined; term?: string | undefined },
  by: ChangedBy,
  existing?: Existing,
): Promise<VisionOutcome<VisionPriority>> {
  return db.transaction().execute(async (tx) => {
    const { goals } = await readVision(tx, plan.id);
    const before =
      existing &&
      goals.flatMap((goal) => goal.priorities).find((priority) => priority.id === existing.id);
    if (existing && !before) return missing(tx, 'priority', existing.id);
    const checked = checkPriority(raw);
    if (!checked.fields) return { ok: false, problems: checked.problems };
    if (!before || !existing) {
      const goal = goals.find((candidate) => candidate.id === raw.goalId);
      if (!goal) notFound('goal');
      const id = await insertPriority(tx, goal.id, checked.fields, userOf(by));
      await audit(tx, by, plan, 'vision_priority', 'created', id, checked.fields.text);
      return { ok: true, id };
    }
    if (
      !(await updatePriorityIfVersion(tx, before.id, existing.version, checked.fields, userOf(by)))
    )
      return { ok: false, conflict: true, current: before };
    await audit(tx, by, plan, 'vision_priority', 'updated', before.id, checked.fields.text);
    return { ok: true, id: before.id };
  });
}

const tables = {
  principle: 'vision_principles',
  goal: 'vision_goals',
  priority: 'vision_priorities',
} as const satisfies Record<string, VisionTable>;
export type VisionEntryKind = keyof typeof tables;

function findEntry(vision: Vision, kind: VisionEntryKind, id: string) {
  if (kind === 'principle') {
    const principle = vision.principles.find((entry) => entry.id === id);
    return principle && { entry: principle, title: principleTitle(principle) };
  }
  if (kind === 'goal') {
    const goal = vision.goals.find((entry) => entry.id === id);
    return goal && { entry: goal, title: goal.title };
  }
  const priority = vision.goals.flatMap((goal) => goal.priorities).find((entry) => entry.id === id);
  return priority && { entry: priority, title: priority.text };
}

/** Deletes a principle, goal (with its priorities) or priority, if still at the version its deleter saw. */
export function deleteEntry(
  db: Kysely<Schema>,
  plan: Plan,
  kind: VisionEntryKind,
  existing: Existing,
  by: ChangedBy,
): Promise<VisionOutcome<VisionPrinciple | VisionGoal | VisionPriority>> {
  return db.transaction().execute(async (tx) => {
    const found = findEntry(await readVision(tx, plan.id), kind, existing.id);
    if (!found) return missing(tx, kind, existing.id);
    if (!(await deleteIfVersion(tx, tables[kind], existing.id, existing.version)))
      return { ok: false, conflict: true, current: found.entry };
    await audit(tx, by, plan, `vision_${kind}`, 'deleted', existing.id, found.title);
    return { ok: true, id: existing.id };
  });
}
