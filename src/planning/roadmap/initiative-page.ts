// What an initiative's page shows of the roadmap around it: its progress and
// where that comes from, its place in the tree, its dependencies, the goals it
// serves with their progress, and the evidence behind it.

import { AppError } from '../../platform/errors.ts';
import type { FeatureDeps } from '../../platform/http/feature.ts';
import { isoToday } from '../../platform/iso-day.ts';
import type { Plan } from '../plans/index.ts';
import { listAgencyNames } from './agency-names.ts';
import type { Initiative } from './initiative-store.ts';
import type { InitiativePage } from './initiative-views.tsx';
import { openRoadmap, progressNodes } from './open-roadmap.ts';
import { groupProgress } from './progress-rollup.ts';
import { openRoadmapEvidence } from './roadmap-evidence.ts';

export async function openInitiativePage(
  deps: Pick<FeatureDeps, 'database' | 'resultsMinRespondents'>,
  workspaceId: string,
  plan: Plan,
  initiativeId: string,
): Promise<InitiativePage> {
  const { db } = deps.database;
  const [roadmap, evidence, agencies] = await Promise.all([
    openRoadmap(db, workspaceId, plan),
    openRoadmapEvidence(db, plan, deps.resultsMinRespondents),
    listAgencyNames(db, workspaceId),
  ]);
  const byId = new Map(roadmap.initiatives.map((initiative) => [initiative.id, initiative]));
  const initiative = byId.get(initiativeId);
  if (!initiative) throw new AppError('not_found', 'There is no such initiative in this plan');
  const ancestors: Initiative[] = [];
  for (let parent = initiative.parentId ? byId.get(initiative.parentId) : undefined; parent; ) {
    if (ancestors.includes(parent)) break;
    ancestors.unshift(parent);
    parent = parent.parentId ? byId.get(parent.parentId) : undefined;
  }
  const nodes = progressNodes(roadmap.initiatives, roadmap.statuses);
  const serving = (goalId: string) =>
    new Set(
      roadmap.initiatives.filter((each) => each.goalIds.includes(goalId)).map((each) => each.id),
    );
  return {
    roadmap,
    initiative,
    evidence,
    ancestors,
    children: roadmap.initiatives.filter((each) => each.parentId === initiative.id),
    waitsFor: initiative.dependsOnIds.flatMap((id) => byId.get(id) ?? []),
    neededBy: roadmap.initiatives.filter((each) => each.dependsOnIds.includes(initiative.id)),
    goals: evidence.goals
      .filter((goal) => initiative.goalIds.includes(goal.id))
      .map((goal) => ({
        id: goal.id,
        title: goal.title,
        progress: groupProgress(nodes, roadmap.progress, serving(goal.id)),
      })),
    agencies: new Map(agencies.map((agency) => [agency.id, agency])),
    today: isoToday(),
  };
}
