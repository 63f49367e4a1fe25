// The demo plan's roadmap as loaded: Sumwhere's 16 priority projects under
// three programmes, one completed, six under way and nine not started, each
// answering a weak sub-dimension and serving a goal, four with full action
// plans — and every initiative one the rules would themselves accept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersOf, signInAs } from '../../test/accounts.ts';
import { openTestDatabase, type TestDatabase } from '../../test/databases.ts';
import { buildApp } from '../app.ts';
import { DEFAULT_MIN_RESPONDENTS, openAdvice } from '../assessment/results/index.ts';
import { findPlan } from '../planning/plans/index.ts';
import { initiativeContext } from '../planning/roadmap/initiative-changes.ts';
import { checkInitiativeFields } from '../planning/roadmap/initiative-rules.ts';
import { openRoadmap, statusOf } from '../planning/roadmap/open-roadmap.ts';
import { sumwherePlan } from './sumwhere-plan.ts';

describe('the Sumwhere plan’s roadmap', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('demo');
  });
  afterAll(() => database.drop());

  async function roadmap() {
    const plan = await findPlan(database.db, 'sumwhere', sumwherePlan.id);
    if (!plan) throw new Error('The demo has no plan');
    return openRoadmap(database.db, 'sumwhere', plan);
  }

  it('holds 16 projects under three programmes: 1 completed, 6 under way, 9 not started', async () => {
    const { initiatives, statuses } = await roadmap();
    const projects = initiatives.filter((initiative) => initiative.level === 'project');
    expect(projects).toHaveLength(16);
    expect(initiatives.filter((initiative) => initiative.level === 'programme')).toHaveLength(3);
    const kinds = projects.map((project) => statusOf(statuses, project.status).kind);
    expect(kinds.filter((kind) => kind === 'completed')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'active')).toHaveLength(6);
    expect(kinds.filter((kind) => kind === 'proposed')).toHaveLength(9);
    for (const project of projects) expect(project.parentId).not.toBeNull();
  });

  it('ties every project to a weak sub-dimension of the 2025 round and a goal, through accepted recommendations', async () => {
    const { initiatives } = await roadmap();
    const round = await database.db
      .selectFrom('plan_baseline_rounds')
      .select('round_id')
      .where('plan_id', '=', sumwherePlan.id)
      .executeTakeFirstOrThrow();
    const advice = await openAdvice(database.db, {
      roundId: round.round_id,
      threshold: DEFAULT_MIN_RESPONDENTS,
      agencyId: undefined,
      agencyField: 'agency',
    });
    const weak = new Set(advice.weak.map((each) => each.subdimensionCode));
    for (const project of initiatives.filter((initiative) => initiative.level === 'project')) {
      const codes = project.codes.filter((code) => code.kind === 'subdimension');
      expect(
        codes.some(({ code }) => weak.has(code)),
        project.title,
      ).toBe(true);
      expect(project.goalIds.length, project.title).toBeGreaterThan(0);
      for (const { kind, code } of project.codes)
        if (kind === 'recommendation') expect(advice.decisions.get(code)?.status).toBe('accepted');
    }
  });

  it('gives four projects full action plans, and only entries the rules accept', async () => {
    const { initiatives } = await roadmap();
    const withPlans = await database.db
      .selectFrom('initiative_steps')
      .innerJoin(
        'initiative_kpis',
        'initiative_kpis.initiative_id',
        'initiative_steps.initiative_id',
      )
      .innerJoin(
        'initiative_communications',
        'initiative_communications.initiative_id',
        'initiative_steps.initiative_id',
      )
      .innerJoin(
        'initiative_milestones',
        'initiative_milestones.initiative_id',
        'initiative_steps.initiative_id',
      )
      .select('initiative_steps.initiative_id')
      .distinct()
      .execute();
    expect(withPlans).toHaveLength(4);
    const context = await initiativeContext(database.db, 'sumwhere', sumwherePlan.id);
    for (const initiative of initiatives)
      expect(
        checkInitiativeFields(initiative, context, initiative.id).problems,
        initiative.title,
      ).toEqual([]);
  });

  it('shows the 16 projects and the one completed at a glance', async () => {
    const app = await buildApp({ database });
    try {
      const headers = headersOf(await signInAs(database, 'viewer'));
      const page = await app.inject({
        method: 'GET',
        url: `/plans/${sumwherePlan.id}/roadmap`,
        headers,
      });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('16 projects');
      expect(page.body).toMatch(
        /1 completed · 6 under way · 9 not started · <strong class="overdue">\d+ overdue/,
      );
      // Of the milestones, those reached are counted, and any overdue flagged.
      expect(page.body).toMatch(/<dt>\d+ milestones<\/dt><dd>\d+ reached/);
      // The partnership gap waits for an initiative: its accepted recommendation and its weakness.
      expect(page.body).toContain('2 decisions waiting for an initiative');
      expect(page.body).toContain(
        'Map potential partners and launch one joint initiative (GOV-PAR-R1)',
      );
    } finally {
      await app.close();
    }
  });
});
