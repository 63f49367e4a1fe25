// The workshop API on a real database: statistics that match a computation
// over the stored answers, consensus recorded and changed with its audit
// trail, and bad input refused with the field named.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { headersOf, signInAs } from '../../../test/accounts.ts';
import { useTestApp } from '../../../test/app.ts';
import { buildAgency } from '../../../test/factories/agencies.ts';
import { buildResponse } from '../../../test/factories/responses.ts';
import { buildRound } from '../../../test/factories/rounds.ts';
import { RATIONALE_MAX } from './consensus.ts';

describe('the workshop API', () => {
  const context = useTestApp();
  let roundId: string;
  let healthId: string;
  let facilitator: Record<string, string>;

  beforeAll(async () => {
    const { db } = context.database;
    facilitator = headersOf(await signInAs(context.database, 'facilitator', { name: 'Kofi' }));
    const health = await buildAgency(db, { name: 'Ministry of Health' });
    const finance = await buildAgency(db, { name: 'Ministry of Finance', sector: 'finance' });
    const council = await buildAgency(db, { name: 'Riverside Council', level: 'local' });
    healthId = health.id;
    const round = await buildRound(db, {
      status: 'closed',
      agencyIds: [health.id, finance.id, council.id],
    });
    roundId = round.id;
    // Each self-assessment's answers to LEA01 and LEA02: ten submitted, and a
    // draft that no statistic counts.
    const selfAssessments: [string, number | 'na', number, ('draft' | 'submitted')?][] = [
      [health.id, 5, 4],
      [health.id, 5, 4],
      [health.id, 4, 3],
      [health.id, 'na', 5],
      [health.id, 1, 1, 'draft'],
      [finance.id, 2, 3],
      [finance.id, 3, 3],
      [finance.id, 1, 3],
      [council.id, 4, 2],
      [council.id, 4, 2],
      [council.id, 2, 2],
    ];
    for (const [agencyId, LEA01, LEA02, status] of selfAssessments)
      await buildResponse(db, { round, agencyId, answers: { LEA01, LEA02 }, status });
  });

  async function items(query: string) {
    return context.app.inject({
      method: 'GET',
      url: `/api/rounds/${roundId}/workshop/items?${query}`,
      headers: facilitator,
    });
  }

  async function record(payload: Record<string, unknown>, round = roundId) {
    return context.app.inject({
      method: 'PUT',
      url: `/api/rounds/${round}/consensus`,
      headers: facilitator,
      payload,
    });
  }

  it('gives each item of a sub-dimension the statistics of the submitted self-assessments', async () => {
    const response = await items('subdimension=LEA-VIS');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.scope).toMatchObject({ agencyId: null, statisticsFrom: 'whole_of_government' });
    expect(body.scope.submittedResponses).toBe(10);
    expect(body.items.map((item: { code: string }) => item.code)).toEqual([
      'LEA01',
      'LEA02',
      'LEA03',
      'LEA04',
    ]);
    // LEA01: 5, 5, 4, 2, 3, 1, 4, 4, 2 and one "not applicable": a mean of 30 / 9,
    // squares of the deviations summing to 16, so a spread of √(16 / 9).
    const lea01 = body.items[0];
    expect(lea01.statistics).toMatchObject({ answers: 9, notApplicable: 1, divergent: true });
    expect(lea01.statistics.mean).toBeCloseTo(30 / 9, 9);
    expect(lea01.statistics.standardDeviation).toBeCloseTo(4 / 3, 9);
    expect(lea01.statistics.counts.find((c: { value: number }) => c.value === 5).count).toBe(2);
    expect(lea01.scale.values).toHaveLength(5);
    expect(lea01.consensus).toBeNull();
  });

  it('draws an agency’s statistics from its own submitted responses', async () => {
    const body = (await items(`subdimension=LEA-VIS&agency=${healthId}`)).json();
    expect(body.scope).toEqual({
      agencyId: healthId,
      statisticsFrom: 'agency',
      submittedResponses: 4,
      withheldItems: [],
    });
    // LEA02 of the ministry: 4, 4, 3 and 5.
    expect(body.items[1].statistics.answers).toBe(4);
    expect(body.items[1].statistics.mean).toBeCloseTo(4, 9);
    expect(body.items[1].statistics.standardDeviation).toBeCloseTo(Math.sqrt(2 / 4), 9);
  });

  it('shows the whole of government, not an agency the results hide, and counts no draft', async () => {
    // Five national health agencies, so every filter's total holds all five.
    const agencyIds = [];
    for (let i = 0; i < 5; i++) agencyIds.push((await buildAgency(context.database.db)).id);
    const round = await buildRound(context.database.db, { agencyIds });
    const [small, ...large] = round.agencyIds as [string, ...string[]];
    const answer = (agencyId: string, value: number | 'na', status?: 'draft') =>
      buildResponse(context.database.db, {
        round,
        agencyId,
        answers: { LEA01: value },
        ...(status ? { status } : {}),
      });
    for (const value of [1, 2]) await answer(small, value);
    // 3, 4, 5 and 6 respondents: the small agency is hidden with the two
    // smallest of these, so no total comes down to fewer than three hidden.
    for (const [index, agencyId] of large.entries()) {
      await answer(agencyId, 'na');
      for (let r = 0; r < index + 2; r++) await answer(agencyId, 5);
    }
    const largest = large[3] as string;
    await answer(largest, 1, 'draft');
    const get = (agency: string) =>
      context.app.inject({
        method: 'GET',
        url: `/api/rounds/${round.id}/workshop/items?subdimension=LEA-VIS&agency=${agency}`,
        headers: facilitator,
      });
    const forSmall = (await get(small)).json();
    expect(forSmall.scope).toEqual({
      agencyId: small,
      statisticsFrom: 'whole_of_government',
      submittedResponses: 2,
      withheldItems: [],
    });
    // 1 + 2 + 5 × 14 over 16 answers, 4 "not applicable".
    expect(forSmall.items[0].statistics).toMatchObject({
      answers: 16,
      notApplicable: 4,
      mean: 73 / 16,
    });
    expect((await get(large[0] as string)).json().scope.statisticsFrom).toBe('whole_of_government');
    const forLarge = (await get(largest)).json();
    expect(forLarge.scope.statisticsFrom).toBe('agency');
    expect(forLarge.items[0].statistics).toMatchObject({
      answers: 5,
      notApplicable: 1,
      mean: 5,
      standardDeviation: 0,
      divergent: false,
    });
    // An empty item: nobody answered LEA02.
    expect(forLarge.items[1].statistics).toMatchObject({
      answers: 0,
      mean: null,
      divergent: false,
    });
  });

  it('records a consensus, changes it, and keeps every change in the audit log', async () => {
    const first = await record({
      itemCode: 'LEA03',
      value: 3,
      rationale: ' Policies exist, unevenly applied. ',
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      outcome: 'recorded',
      consensus: {
        itemCode: 'LEA03',
        agencyId: null,
        value: 3,
        notApplicable: false,
        rationale: 'Policies exist, unevenly applied.',
        recordedBy: 'Kofi',
      },
    });
    const changed = await record({
      itemCode: 'LEA03',
      notApplicable: true,
      rationale: 'Out of scope.',
    });
    expect(changed.json()).toMatchObject({
      outcome: 'changed',
      consensus: { value: null, notApplicable: true, rationale: 'Out of scope.' },
    });
    const again = await record({
      itemCode: 'LEA03',
      notApplicable: true,
      rationale: 'Out of scope.',
    });
    expect(again.json().outcome).toBe('unchanged');

    const shown = (await items('subdimension=LEA-VIS')).json();
    expect(shown.items[2].consensus).toMatchObject({
      notApplicable: true,
      rationale: 'Out of scope.',
    });

    const stored = await context.database.db
      .selectFrom('consensus')
      .selectAll()
      .where('round_id', '=', roundId)
      .where('item_code', '=', 'LEA03')
      .execute();
    expect(stored).toHaveLength(1);
    const audit = await context.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_type', 'entity_id', 'actor_label', 'details'])
      .where('entity_type', '=', 'consensus')
      .orderBy('id')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(['consensus.recorded', 'consensus.changed']);
    expect(audit.every((entry) => entry.entity_id === stored[0]!.id)).toBe(true);
    expect(audit[0]!.actor_label).toMatch(/^Kofi </);
    expect(audit[1]!.details).toMatchObject({
      roundId,
      itemCode: 'LEA03',
      agencyId: null,
      value: null,
      notApplicable: true,
      previous: { value: 3, notApplicable: false, rationale: 'Policies exist, unevenly applied.' },
    });
  });

  it('keeps an agency’s consensus apart from the whole of government’s', async () => {
    const agencyId = healthId;
    await record({ itemCode: 'LEA04', value: 2, rationale: 'Across government.' });
    const forAgency = await record({ itemCode: 'LEA04', agencyId, value: 5, rationale: 'Here.' });
    expect(forAgency.json()).toMatchObject({
      outcome: 'recorded',
      consensus: { agencyId, value: 5 },
    });
    const whole = (await items('subdimension=LEA-VIS')).json();
    expect(whole.items[3].consensus).toMatchObject({ agencyId: null, value: 2 });
    const agency = (await items(`subdimension=LEA-VIS&agency=${agencyId}`)).json();
    expect(agency.items[3].consensus).toMatchObject({ agencyId, value: 5 });
  });

  it.each([
    ['a value off the scale', { itemCode: 'LEA01', value: 7, rationale: 'x' }, 'body.value'],
    ['no value', { itemCode: 'LEA01', rationale: 'x' }, 'body.value'],
    [
      'a value and not applicable',
      { itemCode: 'LEA01', value: 2, notApplicable: true, rationale: 'x' },
      'body.value',
    ],
    ['no rationale', { itemCode: 'LEA01', value: 2, rationale: '   ' }, 'body.rationale'],
    [
      'a rationale too long',
      { itemCode: 'LEA01', value: 2, rationale: 'x'.repeat(RATIONALE_MAX + 1) },
      'body.rationale',
    ],
    ['an unknown item', { itemCode: 'ZZZ99', value: 2, rationale: 'x' }, 'body.itemCode'],
    ['a value that is text', { itemCode: 'LEA01', value: 'three', rationale: 'x' }, 'body.value'],
    [
      'an agency outside the round',
      {
        itemCode: 'LEA01',
        agencyId: '00000000-0000-4000-8000-000000000000',
        value: 2,
        rationale: 'x',
      },
      'body.agencyId',
    ],
  ])('refuses %s with a 400 naming the field, and stores nothing', async (_, payload, field) => {
    const before = await context.database.db
      .selectFrom('consensus')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    const response = await record(payload);
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.fields.map((problem: { path: string }) => problem.path);
    expect(paths).toContain(field);
    const after = await context.database.db
      .selectFrom('consensus')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('answers 404 for an unknown sub-dimension or round, and 400 for an agency that is not one', async () => {
    expect((await items('subdimension=NOPE')).statusCode).toBe(404);
    const unknownRound = await record(
      { itemCode: 'LEA01', value: 2, rationale: 'x' },
      '00000000-0000-4000-8000-000000000000',
    );
    expect(unknownRound.statusCode).toBe(404);
    const badAgency = await items('subdimension=LEA-VIS&agency=ministry');
    expect(badAgency.statusCode).toBe(400);
    expect(badAgency.json().error.fields[0].path).toBe('querystring.agency');
  });
});
