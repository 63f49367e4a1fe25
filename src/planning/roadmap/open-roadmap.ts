// Opens a plan's roadmap as every view of it reads it: the initiatives, the
// workspace's statuses, and each initiative's progress rolled up.
import type { Kysely } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import type { Plan } from '../plans/index.ts';
import { type Initiative, listInitiatives } from './initiative-store.ts';
import { type Progress, type ProgressNode, rollUpProgress } from './progress-rollup.ts';
import type { InitiativeStatus } from './roadmap-statuses.ts';
import { listStatuses } from './roadmap-statuses-store.ts';

export interface Roadmap {
  plan: Plan;
  statuses: readonly InitiativeStatus[];
  initiatives: Initiative[];
  progress: Map<string, Progress>;
}

export async function openRoadmap(
  db: Kysely<Schema>,
  workspaceId: string,
  plan: Plan,
): Promise<Roadmap> {
  const [statuses, initiatives] = await Promise.all([
    listStatuses(db, workspaceId),
    listInitiatives(db, { planId: plan.id }),
  ]);
  return {
    plan,
    statuses,
    initiatives,
    progress: rollUpProgress(progressNodes(initiatives, statuses)),
  };
}

/** A status by key; an initiative whose status left the list counts as proposed, at 0. */
export function statusOf(statuses: readonly InitiativeStatus[], key: string): InitiativeStatus {
  return (
    statuses.find((status) => status.key === key) ?? {
      key,
      label: key,
      kind: 'proposed',
      defaultProgress: 0,
    }
  );
}

export function progressNodes(
  initiatives: readonly Initiative[],
  statuses: readonly InitiativeStatus[],
): ProgressNode[] {
  return initiatives.map((initiative) => {
    const status = statusOf(statuses, initiative.status);
    return {
      id: initiative.id,
      parentId: initiative.parentId,
      weight: initiative.weight,
      statusKind: status.kind,
      defaultProgress: status.defaultProgress,
      reported: initiative.progress,
      steps: initiative.steps,
    };
  });
}
