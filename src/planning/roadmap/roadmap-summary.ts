// The roadmap at a glance, and its views: how many initiatives of each level
// stand at each kind of status, the weighted progress, what is overdue, and
// the same per horizon, pillar or dimension, goal and lead agency. Pure.

import type { Level } from './initiative-rules.ts';
import { levels } from './initiative-rules.ts';
import type { Initiative } from './initiative-store.ts';
import { addTo } from './multimap.ts';
import { initiativeOverdue, milestoneOverdue } from './overdue.ts';
import { groupProgress, type Progress, type ProgressNode } from './progress-rollup.ts';
import { type StatusKind, statusKinds } from './roadmap-statuses.ts';

export const groupings = ['tree', 'horizon', 'dimension', 'goal', 'agency'] as const;
export type Grouping = (typeof groupings)[number];

export interface Tally {
  total: number;
  byKind: Record<StatusKind, number>;
  overdue: number;
  /** Weighted progress of what is counted (see groupProgress); undefined when nothing is. */
  progress: number | undefined;
}

export interface RoadmapGroup {
  /** A horizon, a dimension code, a goal id or an agency id; '' for initiatives with none. */
  key: string;
  /** The group's initiatives in tree order. */
  initiatives: Initiative[];
  tally: Tally;
}

/** An initiative in tree order with how deep it sits: 0 for the top. */
export interface TreeRow {
  initiative: Initiative;
  depth: number;
}

export interface RoadmapFacts {
  initiatives: readonly Initiative[];
  nodes: readonly ProgressNode[];
  progress: ReadonlyMap<string, Progress>;
  today: string;
}

/** Depth-first, children by title under their parent; an orphan (its parent gone) starts at the top. */
export function treeRows(initiatives: readonly Initiative[]): TreeRow[] {
  const ids = new Set(initiatives.map((initiative) => initiative.id));
  const children = new Map<string | null, Initiative[]>();
  for (const initiative of initiatives) {
    const parent =
      initiative.parentId !== null && ids.has(initiative.parentId) ? initiative.parentId : null;
    addTo(children, parent, initiative);
  }
  const rows: TreeRow[] = [];
  const stack: TreeRow[] = (children.get(null) ?? [])
    .map((initiative) => ({ initiative, depth: 0 }))
    .reverse();
  for (let row = stack.pop(); row !== undefined; row = stack.pop()) {
    rows.push(row);
    const depth = row.depth + 1;
    for (const child of [...(children.get(row.initiative.id) ?? [])].reverse())
      stack.push({ initiative: child, depth });
  }
  return rows;
}

function tallyOf(facts: RoadmapFacts, members: readonly Initiative[]): Tally {
  const byKind = Object.fromEntries(statusKinds.map((kind) => [kind, 0])) as Record<
    StatusKind,
    number
  >;
  const kindOf = new Map(facts.nodes.map((node) => [node.id, node.statusKind]));
  let overdue = 0;
  for (const initiative of members) {
    const statusKind = kindOf.get(initiative.id) ?? 'proposed';
    byKind[statusKind]++;
    if (initiativeOverdue({ endsOn: initiative.endsOn, statusKind }, facts.today)) overdue++;
  }
  const ids = new Set(members.map((initiative) => initiative.id));
  return {
    total: members.length,
    byKind,
    overdue,
    progress: groupProgress(facts.nodes, facts.progress, ids).progress,
  };
}

/** Per level (programmes, projects, activities): how many stand where; levels with none left out. */
export function levelTallies(facts: RoadmapFacts): { level: Level; tally: Tally }[] {
  return levels
    .map((level) => ({
      level,
      tally: tallyOf(
        facts,
        facts.initiatives.filter((initiative) => initiative.level === level),
      ),
    }))
    .filter(({ tally }) => tally.total > 0);
}

/** The whole roadmap's tally: its weighted progress is that of the top of the tree. */
export const overallTally = (facts: RoadmapFacts): Tally => tallyOf(facts, facts.initiatives);

/**
 * The initiatives grouped one way: an initiative shows in every group it
 * belongs to (two goals, two dimensions), and under '' when it belongs to none.
 * `keysOf` gives an initiative's keys for groupings other than horizon and tree.
 */
export function groupRoadmap(
  facts: RoadmapFacts,
  grouping: Exclude<Grouping, 'tree'>,
  dimensionsOf: (initiative: Initiative) => readonly string[],
): RoadmapGroup[] {
  const keysOf = (initiative: Initiative): readonly string[] => {
    switch (grouping) {
      case 'horizon':
        return [initiative.horizon];
      case 'dimension':
        return dimensionsOf(initiative);
      case 'goal':
        return initiative.goalIds;
      case 'agency':
        return initiative.leadAgencyId ? [initiative.leadAgencyId] : [];
    }
  };
  const members = new Map<string, Initiative[]>();
  for (const { initiative } of treeRows(facts.initiatives)) {
    const keys = keysOf(initiative);
    for (const key of keys.length > 0 ? keys : ['']) addTo(members, key, initiative);
  }
  return [...members].map(([key, initiatives]) => ({
    key,
    initiatives,
    tally: tallyOf(facts, initiatives),
  }));
}

export interface MilestoneTally {
  total: number;
  reached: number;
  /** Not reached by their date, under an initiative still open. */
  overdue: number;
}

/** How the roadmap's milestones stand; `kindOf` gives each initiative's kind of status. */
export function milestoneTally(
  milestones: readonly { initiativeId: string; dueOn: string; reachedOn: string | null }[],
  kindOf: (initiativeId: string) => StatusKind,
  today: string,
): MilestoneTally {
  let reached = 0;
  let overdue = 0;
  for (const milestone of milestones) {
    if (milestone.reachedOn !== null) reached++;
    else if (milestoneOverdue(milestone, kindOf(milestone.initiativeId), today)) overdue++;
  }
  return { total: milestones.length, reached, overdue };
}
