// The workshop's pages without JavaScript: the overview, a sub-dimension with
// its distributions, a consensus posted through the form, errors beside the
// field, and figures withheld where the results' small-number protection
// withholds them.
import { beforeAll, describe, expect, it } from 'vitest';
import { headersOf, signInAs } from '../../../test/accounts.ts';
import { useTestApp } from '../../../test/app.ts';
import { buildConsensus } from '../../../test/factories/consensus.ts';
import { buildResponse } from '../../../test/factories/responses.ts';
import { buildRound } from '../../../test/factories/rounds.ts';

describe('the workshop pages', () => {
  const context = useTestApp();
  let roundId: string;
  let signedIn: Awaited<ReturnType<typeof signInAs>>;

  beforeAll(async () => {
    const { db } = context.database;
    signedIn = await signInAs(context.database, 'facilitator');
    // Three agencies of three respondents, who answer LEA-VIS alike but for
    // LEA01 (1, 3 and 5 in each agency: a spread of √(8 / 3), so divergent).
    const round = await buildRound(db, { status: 'closed', agencyCount: 3 });
    roundId = round.id;
    for (const agencyId of round.agencyIds)
      for (const LEA01 of [1, 3, 5])
        await buildResponse(db, {
          round,
          agencyId,
          answers: { LEA01, LEA02: 3, LEA03: 4, LEA04: 2 },
        });
    // The whole of government's workshop has agreed three items so far.
    for (const itemCode of ['STR01', 'STR02', 'GOV01'])
      await buildConsensus(db, { roundId, itemCode, value: 3, recordedBy: signedIn.userId });
  });

  const get = (url: string) =>
    context.app.inject({ method: 'GET', url, headers: headersOf(signedIn) });
  const post = (url: string, form: Record<string, string>) =>
    context.app.inject({
      method: 'POST',
      url,
      headers: { cookie: signedIn.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: signedIn.csrfToken, ...form }).toString(),
    });

  it('is linked from the round’s page for those who may run it, and only for them', async () => {
    const link = `href="/rounds/${roundId}/workshop"`;
    expect((await get(`/rounds/${roundId}`)).body).toContain(link);
    const viewer = headersOf(await signInAs(context.database, 'viewer'));
    const asViewer = await context.app.inject({ url: `/rounds/${roundId}`, headers: viewer });
    expect(asViewer.statusCode).toBe(200);
    expect(asViewer.body).not.toContain(link);
  });

  it('shows the overview by dimension with a link to every sub-dimension', async () => {
    const response = await get(`/rounds/${roundId}/workshop`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<h1>Collaborative assessment</h1>');
    expect(response.body).toContain(`href="/rounds/${roundId}/workshop/LEA-VIS"`);
    expect(response.body).toContain(`href="/rounds/${roundId}/workshop/PWD-GEN"`);
    expect(response.body).toContain(
      '94 items: 3 with a consensus, 1 where the self-assessments diverge',
    );
  });

  it('shows each item’s distribution as bars with the numbers beside them, and no inline style', async () => {
    const response = await get(`/rounds/${roundId}/workshop/LEA-VIS`);
    expect(response.statusCode).toBe(200);
    expect(response.body.match(/class="workshop-item"/g)).toHaveLength(4);
    expect(response.body).toContain('Self-assessment answers to LEA01');
    expect(response.body).toMatch(/class="bar bar-\d+"/);
    expect(response.body).toContain('Spread (standard deviation)');
    expect(response.body).not.toMatch(/\sstyle=/);
  });

  it('records a consensus from the form and goes on to the next item', async () => {
    const response = await post(`/rounds/${roundId}/workshop/LEA-VIS`, {
      itemCode: 'LEA01',
      value: '4',
      rationale: 'A vision is published and known.',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(
      `/rounds/${roundId}/workshop/LEA-VIS?saved=LEA01#item-LEA02`,
    );
    const page = await get(`/rounds/${roundId}/workshop/LEA-VIS?saved=LEA01`);
    expect(page.body).toContain('The consensus for LEA01 is saved.');
    expect(page.body).toContain('Agreed: 4 Agree');
    expect(page.body).toContain('A vision is published and known.');
  });

  it('goes on to the next sub-dimension after its last item', async () => {
    const response = await post(`/rounds/${roundId}/workshop/LEA-VIS`, {
      itemCode: 'LEA04',
      value: 'na',
      rationale: 'Not relevant here.',
    });
    expect(response.headers.location).toMatch(
      new RegExp(`^/rounds/${roundId}/workshop/LEA-POL\\?saved=LEA04#item-`),
    );
  });

  it('shows a refused consensus again with each error beside its field', async () => {
    const response = await post(`/rounds/${roundId}/workshop/LEA-VIS`, {
      itemCode: 'LEA02',
      value: '2',
      rationale: '   ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('id="LEA02-rationale-error"');
    expect(response.body).toContain('Enter the rationale for the consensus on LEA02');
    expect(response.body).toMatch(/id="LEA02-value-2" name="value" value="2" checked/);
    const noValue = await post(`/rounds/${roundId}/workshop/LEA-VIS`, {
      itemCode: 'LEA02',
      rationale: 'Because.',
    });
    expect(noValue.statusCode).toBe(400);
    expect(noValue.body).toContain('id="LEA02-value-error"');
  });

  it('says why an agency with fewer than three respondents is shown the whole of government', async () => {
    const round = await buildRound(context.database.db, { agencyCount: 4, status: 'closed' });
    const [agencyId, ...others] = round.agencyIds as [string, ...string[]];
    await buildResponse(context.database.db, { round, agencyId, answers: { LEA01: 2 } });
    for (const other of others)
      for (const value of [3, 4, 5])
        await buildResponse(context.database.db, {
          round,
          agencyId: other,
          answers: { LEA01: value },
        });
    const response = await get(`/rounds/${round.id}/workshop/LEA-VIS?agency=${agencyId}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('1 submitted self-assessment) are not shown on their own');
    expect(response.body).toContain('shown alone only from 3 respondents');
  });

  it('gives the figures of no item that the results withhold', async () => {
    // Three agencies of one respondent, beside a large one: at LEA02, which
    // only two of them answered, the whole of government would give them away.
    const round = await buildRound(context.database.db, { agencyCount: 4, status: 'closed' });
    const [a, b, c, large] = round.agencyIds as [string, string, string, string];
    for (const agencyId of [a, b])
      await buildResponse(context.database.db, {
        round,
        agencyId,
        answers: { LEA01: 2, LEA02: 1 },
      });
    await buildResponse(context.database.db, { round, agencyId: c, answers: { LEA01: 4 } });
    for (const value of [3, 4, 5])
      await buildResponse(context.database.db, {
        round,
        agencyId: large,
        answers: { LEA01: value, LEA02: value },
      });
    const response = await get(`/rounds/${round.id}/workshop/LEA-VIS`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('One item has no figures here');
    const api = (await get(`/api/rounds/${round.id}/workshop/items?subdimension=LEA-VIS`)).json();
    expect(api.scope.withheldItems).toEqual(['LEA02']);
    expect(api.items[1].statistics).toMatchObject({ answers: 0, mean: null });
    expect(api.items[0].statistics).toMatchObject({ answers: 6 });
  });

  it('refuses an agency outside the round', async () => {
    const response = await get(
      `/rounds/${roundId}/workshop?agency=00000000-0000-4000-8000-000000000000`,
    );
    expect(response.statusCode).toBe(400);
  });
});
