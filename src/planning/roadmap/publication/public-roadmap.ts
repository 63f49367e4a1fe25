// What a published roadmap shows to everyone: only initiatives marked public
// whose every ancestor is public too (hiding a programme hides what is under
// it), with no owner, no origin, no links to the plan's internal analysis and
// a budget only when the publisher chose to show budgets; the status summary
// is counted on what is shown. Pure: the public page and its tests read it.
import type { Initiative } from '../initiative-store.ts';
import type { Milestone } from '../milestone-store.ts';
import { progressNodes, type Roadmap } from '../open-roadmap.ts';
import { overallTally, type Tally } from '../roadmap-summary.ts';

export interface PublicRoadmap extends Roadmap {
  milestones: Milestone[];
  showBudgets: boolean;
  /** Counted on what is shown, as of the day it is opened. */
  summary: Tally;
}

/** The initiatives a published roadmap may show: public, under public ancestors only. */
export function publicInitiativeIds(initiatives: readonly Initiative[]): Set<string> {
  const byId = new Map(initiatives.map((initiative) => [initiative.id, initiative]));
  const shown = new Set<string>();
  for (const initiative of initiatives) {
    let visible = initiative.isPublic;
    const seen = new Set<string>([initiative.id]);
    for (let parentId = initiative.parentId; visible && parentId !== null; ) {
      const parent = byId.get(parentId);
      if (!parent || seen.has(parentId)) break;
      seen.add(parentId);
      visible = parent.isPublic;
      parentId = parent.parentId;
    }
    if (visible) shown.add(initiative.id);
  }
  return shown;
}

/** An initiative as the public sees it: what the plan's team keeps to itself left out. */
function shownToThePublic(
  initiative: Initiative,
  shown: ReadonlySet<string>,
  showBudgets: boolean,
): Initiative {
  return {
    ...initiative,
    ownerId: null,
    ownerName: null,
    origin: null,
    goalIds: [],
    swotEntryIds: [],
    codes: [],
    dependsOnIds: initiative.dependsOnIds.filter((id) => shown.has(id)),
    ...(showBudgets ? {} : { budgetAmount: null, budgetCurrency: null, budgetSource: null }),
  };
}

export function publicRoadmap(
  roadmap: Roadmap,
  milestones: readonly Milestone[],
  showBudgets: boolean,
  today: string,
): PublicRoadmap {
  const shown = publicInitiativeIds(roadmap.initiatives);
  const initiatives = roadmap.initiatives
    .filter((initiative) => shown.has(initiative.id))
    .map((initiative) => shownToThePublic(initiative, shown, showBudgets));
  // Progress stays as rolled up over the whole tree: a programme is as far
  // along as its work, shown or not; only the initiatives counted are those shown.
  const summary = overallTally({
    initiatives,
    nodes: progressNodes(initiatives, roadmap.statuses),
    progress: roadmap.progress,
    today,
  });
  return {
    plan: roadmap.plan,
    statuses: roadmap.statuses,
    initiatives,
    progress: new Map([...roadmap.progress].filter(([id]) => shown.has(id))),
    milestones: milestones.filter((milestone) => shown.has(milestone.initiativeId)),
    showBudgets,
    summary,
  };
}
