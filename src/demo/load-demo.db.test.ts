// The demo as the database holds it: both rounds with their scope, and the
// workshop's consensus recorded by the demo's facilitator.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/databases.ts';

describe('the loaded Sumwhere demo', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('demo');
  });
  afterAll(() => database.drop());

  it('holds the 2023 baseline and the 2025 round, both closed, each with its own agencies and answers', async () => {
    const rounds = await database.db
      .selectFrom('rounds as round')
      .select((eb) => [
        'round.name',
        'round.status',
        eb
          .selectFrom('round_agencies')
          .whereRef('round_agencies.round_id', '=', 'round.id')
          .select(sql<number>`count(*)`.as('n'))
          .as('agencies'),
        eb
          .selectFrom('answers')
          .innerJoin('responses', 'responses.id', 'answers.response_id')
          .whereRef('responses.round_id', '=', 'round.id')
          .select(sql<number>`count(*)`.as('n'))
          .as('answers'),
      ])
      .orderBy('round.opens_on')
      .execute();
    expect(rounds).toEqual([
      {
        name: 'Digital capability assessment 2023',
        status: 'closed',
        agencies: 33,
        answers: 21_796,
      },
      {
        name: 'Digital capability assessment 2025',
        status: 'closed',
        agencies: 38,
        answers: 27_850,
      },
    ]);
  });

  it('shows the workshop’s consensus on the 2025 round, recorded by the facilitator', async () => {
    const consensus = await database.db
      .selectFrom('consensus')
      .innerJoin('rounds', 'rounds.id', 'consensus.round_id')
      .innerJoin('users', 'users.id', 'consensus.recorded_by')
      .select([
        'rounds.name as round',
        'users.email as recordedBy',
        sql<boolean>`consensus.agency_id is null`.as('wholeOfGovernment'),
        sql<number>`count(*)`.as('n'),
      ])
      .groupBy(['rounds.name', 'users.email', sql`consensus.agency_id is null`])
      .orderBy('n')
      .execute();
    expect(consensus).toEqual([
      {
        round: 'Digital capability assessment 2025',
        recordedBy: 'facilitator@sumwhere.example',
        wholeOfGovernment: false,
        n: 24,
      },
      {
        round: 'Digital capability assessment 2025',
        recordedBy: 'facilitator@sumwhere.example',
        wholeOfGovernment: true,
        n: 41,
      },
    ]);
  });

  it('holds the plan “Digital Sumwhere 2026–2030”, a draft resting on the 2025 round', async () => {
    const plans = await database.db
      .selectFrom('plans')
      .innerJoin('plan_baseline_rounds', 'plan_baseline_rounds.plan_id', 'plans.id')
      .innerJoin('rounds', 'rounds.id', 'plan_baseline_rounds.round_id')
      .select([
        'plans.title',
        'plans.status',
        'plans.starts_year',
        'plans.ends_year',
        'rounds.name',
      ])
      .execute();
    expect(plans).toEqual([
      {
        title: 'Digital Sumwhere 2026–2030',
        status: 'draft',
        starts_year: 2026,
        ends_year: 2030,
        name: 'Digital capability assessment 2025',
      },
    ]);
  });
});
