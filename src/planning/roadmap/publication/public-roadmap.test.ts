import { describe, expect, it } from 'vitest';
import {
  buildInitiative,
  buildMilestone,
  buildRoadmap,
} from '../../../../test/factories/timeline-roadmaps.ts';
import { publicInitiativeIds, publicRoadmap } from './public-roadmap.ts';

const TODAY = '2026-07-01';

describe('what a published roadmap shows', () => {
  const initiatives = [
    buildInitiative('programme', { level: 'programme' }),
    buildInitiative('project', { parentId: 'programme' }),
    buildInitiative('hidden-project', { parentId: 'programme', isPublic: false }),
    buildInitiative('activity-under-hidden', { parentId: 'hidden-project', level: 'activity' }),
    buildInitiative('done', { status: 'completed', dependsOnIds: ['hidden-project', 'project'] }),
    buildInitiative('dropped', { status: 'cancelled' }),
  ];

  it('leaves out an initiative marked private and everything under it, however public', () => {
    expect([...publicInitiativeIds(initiatives)].sort()).toEqual([
      'done',
      'dropped',
      'programme',
      'project',
    ]);
  });

  it('keeps owners, origins and links to the analysis to the team, and budgets unless chosen', () => {
    const budgeted = [
      buildInitiative('a', {
        ownerId: 'u1',
        ownerName: 'Ada',
        budgetAmount: 1000,
        budgetCurrency: 'USD',
        budgetSource: 'Treasury',
        origin: { kind: 'goal', ref: 'g1', roundId: null },
        goalIds: ['g1'],
        codes: [{ kind: 'subdimension', code: 'LEA' }],
      }),
    ];
    const [hidden] = publicRoadmap(buildRoadmap(budgeted), [], false, TODAY).initiatives;
    expect(hidden).toMatchObject({
      ownerId: null,
      ownerName: null,
      origin: null,
      goalIds: [],
      codes: [],
      budgetAmount: null,
      budgetCurrency: null,
      budgetSource: null,
    });
    const [shown] = publicRoadmap(buildRoadmap(budgeted), [], true, TODAY).initiatives;
    expect(shown).toMatchObject({ ownerName: null, budgetAmount: 1000, budgetSource: 'Treasury' });
  });

  it('drops dependencies on, and milestones of, what is not shown', () => {
    const shown = publicRoadmap(
      buildRoadmap(initiatives),
      [buildMilestone('project', '2026-06-30'), buildMilestone('hidden-project', '2026-06-30')],
      false,
      TODAY,
    );
    expect(shown.initiatives.find((initiative) => initiative.id === 'done')?.dependsOnIds).toEqual([
      'project',
    ]);
    expect(shown.milestones.map((milestone) => milestone.initiativeId)).toEqual(['project']);
  });

  it('counts what is shown by kind of status and overdue, with the weighted progress of the top of each tree', () => {
    const { summary } = publicRoadmap(
      buildRoadmap([
        buildInitiative('programme', { level: 'programme', weight: 3 }),
        buildInitiative('half', { parentId: 'programme', steps: { done: 1, total: 2 } }),
        buildInitiative('done', { status: 'completed' }),
        buildInitiative('dropped', { status: 'cancelled' }),
        buildInitiative('late', { endsOn: '2026-06-30' }),
        buildInitiative('private', { status: 'proposed', isPublic: false }),
      ]),
      [],
      false,
      TODAY,
    );
    expect(summary.total).toBe(5);
    expect(summary.byKind).toEqual({ proposed: 0, active: 3, completed: 1, cancelled: 1 });
    expect(summary.overdue).toBe(1);
    // The programme (50 %, weight 3), the completed project (100 %) and the late one (its
    // status's 25 %), weight 1 each; cancelled work counts nowhere.
    expect(summary.progress).toBeCloseTo((3 * 50 + 100 + 25) / 5);
  });
});
