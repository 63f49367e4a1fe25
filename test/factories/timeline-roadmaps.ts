// Hand-made roadmaps for the timeline and the public roadmap: initiatives as
// the store gives them, with defaults, and a roadmap of them with its progress
// rolled up as open-roadmap.ts does.
import type { Initiative } from '../../src/planning/roadmap/initiative-store.ts';
import type { Milestone } from '../../src/planning/roadmap/milestone-store.ts';
import { progressNodes, type Roadmap } from '../../src/planning/roadmap/open-roadmap.ts';
import { rollUpProgress } from '../../src/planning/roadmap/progress-rollup.ts';
import { defaultStatuses } from '../../src/planning/roadmap/roadmap-statuses.ts';

export function buildInitiative(id: string, overrides: Partial<Initiative> = {}): Initiative {
  return {
    id,
    planId: 'plan',
    externalId: null,
    parentId: null,
    level: 'project',
    title: `Initiative ${id}`,
    description: '',
    horizon: 'short',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    leadAgencyId: null,
    leadAgency: null,
    partnerAgencyIds: [],
    ownerId: null,
    ownerName: null,
    budgetAmount: null,
    budgetCurrency: null,
    budgetSource: null,
    status: 'in_progress',
    progress: null,
    weight: 1,
    isPublic: true,
    dependsOnIds: [],
    goalIds: [],
    swotEntryIds: [],
    codes: [],
    origin: null,
    steps: { done: 0, total: 0 },
    version: 1,
    updatedAt: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  };
}

export function buildMilestone(
  initiativeId: string,
  dueOn: string,
  overrides: Partial<Milestone> = {},
): Milestone {
  return {
    id: `${initiativeId}-${dueOn}`,
    initiativeId,
    title: `Due ${dueOn}`,
    dueOn,
    reachedOn: null,
    ...overrides,
  };
}

/** A roadmap of a 2026–2030 plan over these initiatives, with the default statuses. */
export function buildRoadmap(
  initiatives: Initiative[],
  plan: { startsYear: number; endsYear: number } = { startsYear: 2026, endsYear: 2030 },
): Roadmap {
  return {
    plan: {
      id: 'plan',
      title: 'Digital Sumwhere',
      ...plan,
      status: 'adopted',
      copiedFrom: null,
      version: 1,
      updatedAt: new Date('2026-01-01T00:00:00Z'),
      baselineRounds: [],
    },
    statuses: defaultStatuses,
    initiatives,
    progress: rollUpProgress(progressNodes(initiatives, defaultStatuses)),
  };
}
