// The demo plan's star profile and stakeholder map as the database holds them:
// every point assessed, every stakeholder group present, and every entry one
// the pages and the API would themselves accept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersOf, signInAs } from '../../test/accounts.ts';
import { openTestDatabase, type TestDatabase } from '../../test/databases.ts';
import { buildApp } from '../app.ts';
import { DEFAULT_MIN_RESPONDENTS } from '../assessment/results/index.ts';
import { findPlan } from '../planning/plans/index.ts';
import {
  checkStakeholder,
  stakeholderGroups,
  vulnerableGroups,
} from '../planning/stakeholders/stakeholder-rules.ts';
import { listOwnerChoices, listStakeholders } from '../planning/stakeholders/stakeholder-store.ts';
import { baselineScoreChoices, starPointStates } from '../planning/star-profile/star-lookup.ts';
import { checkStarPoint } from '../planning/star-profile/star-rules.ts';
import { sumwherePlan } from './sumwhere-plan.ts';

describe('the demo plan’s star profile and stakeholders', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('demo');
  });
  afterAll(() => database.drop());

  it('quotes each cited score as the results API publishes it for the whole of government', async () => {
    const app = await buildApp({ database });
    try {
      const headers = headersOf(await signInAs(database, 'viewer'));
      const get = async (url: string) => (await app.inject({ method: 'GET', url, headers })).json();
      const profile = await get(`/api/plans/${sumwherePlan.id}/star-profile`);
      const leadership = profile.points[0].evidence.find(
        (item: { code?: string }) => item.code === 'LEA',
      );
      const results = await get(`/api/rounds/${leadership.roundId}/results`);
      const published = results.total.dimensions.find(
        (dimension: { code: string }) => dimension.code === 'LEA',
      );
      expect(leadership.wholeOfGovernmentScore).toBe(published.value);
      expect(leadership.wholeOfGovernmentScore).not.toBeNull();
    } finally {
      await app.close();
    }
  });

  it('assesses every point of the star, its evidence citing the 2025 round', async () => {
    const plan = await findPlan(database.db, 'sumwhere', sumwherePlan.id);
    if (!plan) throw new Error('The demo has no plan');
    const states = await starPointStates(database.db, plan.id);
    expect(states.map((state) => state.level)).toEqual([4, 3, 2, 3, 2, 3, 2]);
    const choices = await baselineScoreChoices(database.db, plan, {
      language: 'en',
      threshold: DEFAULT_MIN_RESPONDENTS,
    });
    const scores = new Set(choices.map((choice) => choice.key));
    // The numbers quoted are the whole of government's, as the results pages publish them.
    const leadership = choices.find((choice) => choice.code === 'LEA');
    expect(leadership?.score).toBeGreaterThanOrEqual(1);
    expect(leadership?.score).toBeLessThanOrEqual(5);
    for (const state of states) expect(checkStarPoint(state, scores).problems).toEqual([]);
    expect(
      states.flatMap((state) => state.evidence).filter((item) => item.type === 'score'),
    ).toHaveLength(6);
  });

  it('maps about fifteen stakeholders across every group and vulnerable group, owned by members', async () => {
    const stakeholders = await listStakeholders(database.db, sumwherePlan.id);
    expect(stakeholders.length).toBeGreaterThanOrEqual(15);
    expect(new Set(stakeholders.map((stakeholder) => stakeholder.group))).toEqual(
      new Set(stakeholderGroups),
    );
    expect(new Set(stakeholders.map((stakeholder) => stakeholder.vulnerableGroup))).toEqual(
      new Set([null, ...vulnerableGroups]),
    );
    const members = new Set(
      (await listOwnerChoices(database.db, 'sumwhere')).map((member) => member.id),
    );
    for (const stakeholder of stakeholders)
      expect(checkStakeholder(stakeholder, members).problems).toEqual([]);
    expect(
      stakeholders.find((stakeholder) => stakeholder.name === 'Office of the President'),
    ).toMatchObject({ ownerName: 'Amara Okafor', engagement: 'empower' });
  });
});
