// The demo plan's vision as loaded: goals serving SDG 16, answering weak
// sub-dimensions of the 2025 round and SWOT entries, under principles that
// include CEPA's sound policymaking.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/databases.ts';
import { DEFAULT_MIN_RESPONDENTS, openAdvice } from '../assessment/results/index.ts';
import { findSdgTarget } from '../planning/vision/sdg-goals.ts';
import { readVision } from '../planning/vision/vision-store.ts';
import { sumwherePlan } from './sumwhere-plan.ts';

describe('the Sumwhere plan’s vision', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('demo');
  });
  afterAll(() => database.drop());

  it('holds a statement, sound policymaking among its principles, and 4–6 goals serving SDG 16', async () => {
    const vision = await readVision(database.db, sumwherePlan.id);
    expect(vision.statement).toContain('2030');
    expect(
      vision.principles.find((p) => p.cepaKey === 'sound-policymaking')?.strategyNumbers,
    ).toEqual([9, 13, 16]);
    expect(vision.principles.some((p) => p.cepaKey === null && p.title)).toBe(true);
    expect(vision.goals.length).toBeGreaterThanOrEqual(4);
    expect(vision.goals.length).toBeLessThanOrEqual(6);
    expect(vision.goals.some((goal) => goal.sdgGoals.includes(16))).toBe(true);
    for (const goal of vision.goals) {
      expect(goal.priorities.length).toBeGreaterThan(0);
      for (const code of goal.sdgTargets) {
        expect(findSdgTarget(code)).toBeDefined();
        expect(goal.sdgGoals).toContain(Number(code.split('.')[0]));
      }
    }
  });

  it('answers sub-dimensions that are below their targets in the 2025 round, with their recommendations, and cites SWOT entries', async () => {
    const vision = await readVision(database.db, sumwherePlan.id);
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
    const recommended = new Set(
      advice.weak.flatMap((each) =>
        each.recommendations.map((recommendation) => recommendation.code),
      ),
    );
    for (const goal of vision.goals) {
      for (const code of goal.subdimensionCodes) expect(weak).toContain(code);
      for (const code of goal.recommendationCodes) expect(recommended).toContain(code);
    }
    expect(vision.goals.every((goal) => goal.swotEntryIds.length > 0)).toBe(true);
  });
});
