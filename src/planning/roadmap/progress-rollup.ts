// How far an initiative has got, and how that rolls up: through the tree to
// its programme, and to the goals, pillars and agencies it serves. Pure.
//
// An initiative's progress, first rule that applies:
// 1. completed: 100;
// 2. it has children that are not cancelled: their progress, weighted;
// 3. it has action-plan steps: the share of them done — what can be counted
//    beats what is said;
// 4. progress was reported (on the initiative or its latest timeline entry);
// 5. its status's default progress.
// Cancelled initiatives keep a progress of their own but count nowhere above them.

import { addTo } from './multimap.ts';
import type { StatusKind } from './roadmap-statuses.ts';

export interface ProgressNode {
  id: string;
  parentId: string | null;
  weight: number;
  statusKind: StatusKind;
  defaultProgress: number;
  reported: number | null;
  steps: { done: number; total: number };
}

export type ProgressSource = 'completed' | 'children' | 'steps' | 'reported' | 'status';

export interface Progress {
  /** 0–100, unrounded. */
  value: number;
  source: ProgressSource;
}

/** Every initiative's progress. Iterative, so a deep tree cannot overflow the stack. */
export function rollUpProgress(nodes: readonly ProgressNode[]): Map<string, Progress> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const children = new Map<string, ProgressNode[]>();
  const roots: ProgressNode[] = [];
  for (const node of nodes) {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    if (parent) addTo(children, parent.id, node);
    else roots.push(node);
  }
  // Parents before children; worked through backwards, children come first.
  const order: ProgressNode[] = [...roots];
  for (const node of order) order.push(...(children.get(node.id) ?? []));
  const progress = new Map<string, Progress>();
  for (const node of order.reverse())
    progress.set(node.id, progressOf(node, children.get(node.id) ?? [], progress));
  return progress;
}

function progressOf(
  node: ProgressNode,
  children: readonly ProgressNode[],
  known: ReadonlyMap<string, Progress>,
): Progress {
  if (node.statusKind === 'completed') return { value: 100, source: 'completed' };
  const fromChildren = weightedMean(
    children.filter((child) => child.statusKind !== 'cancelled'),
    known,
  );
  if (fromChildren !== undefined) return { value: fromChildren, source: 'children' };
  if (node.steps.total > 0)
    return { value: (100 * node.steps.done) / node.steps.total, source: 'steps' };
  if (node.reported !== null) return { value: node.reported, source: 'reported' };
  return { value: node.defaultProgress, source: 'status' };
}

function weightedMean(
  nodes: readonly Pick<ProgressNode, 'id' | 'weight'>[],
  progress: ReadonlyMap<string, Progress>,
): number | undefined {
  let weights = 0;
  let sum = 0;
  for (const node of nodes) {
    const value = progress.get(node.id)?.value;
    if (value === undefined) continue;
    weights += node.weight;
    sum += node.weight * value;
  }
  return weights > 0 ? sum / weights : undefined;
}

export interface GroupProgress {
  /** Initiatives counted: not cancelled, none of their ancestors already counted. */
  counted: number;
  /** Weighted progress of those counted; undefined when there are none. */
  progress: number | undefined;
}

/**
 * The progress of a group of initiatives — those serving one goal, pillar or
 * agency. An initiative whose ancestor is in the group is already inside that
 * ancestor's progress, so it is not counted twice; cancelled ones count not at all.
 */
export function groupProgress(
  nodes: readonly ProgressNode[],
  progress: ReadonlyMap<string, Progress>,
  memberIds: ReadonlySet<string>,
): GroupProgress {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const counted = nodes.filter(
    (node) =>
      memberIds.has(node.id) &&
      node.statusKind !== 'cancelled' &&
      !hasAncestorIn(node, byId, memberIds),
  );
  return { counted: counted.length, progress: weightedMean(counted, progress) };
}

function hasAncestorIn(
  node: ProgressNode,
  byId: ReadonlyMap<string, ProgressNode>,
  ids: ReadonlySet<string>,
): boolean {
  const seen = new Set<string>();
  for (let parentId = node.parentId; parentId !== null && !seen.has(parentId); ) {
    if (ids.has(parentId)) return true;
    seen.add(parentId);
    parentId = byId.get(parentId)?.parentId ?? null;
  }
  return false;
}
