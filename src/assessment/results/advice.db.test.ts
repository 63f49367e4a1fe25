// Targets and recommendations through HTTP: what a viewer reads, what a
// coordinator decides and sets, what is refused, and small-number protection.
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/accounts.ts';
import { useTestApp } from '../../../test/app.ts';
import { buildAgency } from '../../../test/factories/agencies.ts';
import { buildConsensus } from '../../../test/factories/consensus.ts';
import { buildResponse } from '../../../test/factories/responses.ts';
import { type BuiltRound, buildRound } from '../../../test/factories/rounds.ts';
import { buildWorkspace } from '../../../test/factories/workspace.ts';
import { buildFramework } from '../../../test/frameworks.ts';
import { importFramework } from '../frameworks/index.ts';

const recommendation = (code: string, levels: string[]) => ({
  code,
  title: { en: `Title of ${code}` },
  text: { en: `What to do for ${code}.` },
  horizon: 'medium',
  effort: 'low',
  levels,
});
const item = (code: string) => ({ code, statement: { en: code }, scale: 'agreement' });

// Levels at 1, 2, 3 and 4. AAA-X and AAA-Y weigh a quarter of the overall
// score each, BBB-Z half of it.
const adviceFramework = buildFramework({
  key: 'advice-test',
  maturityLevels: ['one', 'two', 'three', 'four'].map((key, index) => ({
    key,
    name: { en: key[0]?.toUpperCase() + key.slice(1) },
    minScore: index + 1,
  })),
  dimensions: [
    {
      code: 'AAA',
      name: { en: 'Alpha' },
      subdimensions: [
        {
          code: 'AAA-X',
          name: { en: 'Xenon' },
          items: [item('X1')],
          guidance: {
            one: {
              looksLike: { en: 'Xenon at one looks ad hoc.' },
              toReachNext: { en: 'Write Xenon down.' },
            },
            two: { looksLike: { en: 'Xenon at two is written down.' } },
          },
          recommendations: [
            recommendation('AAA-X-R1', ['one', 'two']),
            recommendation('AAA-X-R2', ['three']),
          ],
        },
        { code: 'AAA-Y', name: { en: 'Yttrium' }, items: [item('Y1')] },
      ],
    },
    {
      code: 'BBB',
      name: { en: 'Beta' },
      subdimensions: [
        {
          code: 'BBB-Z',
          name: { en: 'Zinc' },
          items: [item('Z1')],
          recommendations: [recommendation('BBB-Z-R1', ['two', 'three'])],
        },
      ],
    },
  ],
});

describe('targets and recommendations', () => {
  const context = useTestApp();
  let round: BuiltRound;
  const agencies: Record<string, string> = {};
  let viewer: Record<string, string>;
  let coordinator: { cookie: string; csrfToken: string };

  beforeAll(async () => {
    const { db } = context.database;
    await buildWorkspace(db);
    await importFramework(db, adviceFramework, {
      workspaceId: null,
      actor: { system: 'test' },
    });
    // Each agency's answers to X1, Y1 and Z1, one list per respondent.
    const answersOf: Record<string, number[][]> = {
      A: [
        [1, 4, 2],
        [1, 4, 2],
        [2, 4, 2],
        [2, 4, 2],
      ], // X 1.5, Y 4, Z 2
      B: [
        [3, 5, 3],
        [3, 5, 3],
        [3, 5, 3],
        [3, 5, 3],
      ], // X 3, Y 5, Z 3
      D: [
        [2, 4, 3],
        [2, 4, 3],
        [2, 4, 3],
      ],
      E: [
        [2, 4, 3],
        [2, 4, 3],
        [2, 4, 3],
      ],
      C: [[5, 5, 5]], // one respondent: hidden
    };
    for (const acronym of Object.keys(answersOf))
      agencies[acronym] = (await buildAgency(db, { name: `Agency ${acronym}`, acronym })).id;
    round = await buildRound(db, {
      frameworkKey: 'advice-test',
      status: 'closed',
      agencyIds: Object.values(agencies),
    });
    for (const [acronym, respondents] of Object.entries(answersOf))
      for (const [x, y, z] of respondents)
        await buildResponse(db, {
          round,
          agencyId: agencies[acronym] as string,
          answers: { X1: x as number, Y1: y as number, Z1: z as number },
        });
    const viewerSession = await signInAs(context.database, 'viewer');
    viewer = { cookie: viewerSession.cookie };
    coordinator = await signInAs(context.database, 'coordinator');
  });

  const get = (url: string, headers: Record<string, string> = viewer) =>
    context.app.inject({ method: 'GET', url, headers });
  const post = (url: string, payload: Record<string, string>, as = coordinator) =>
    context.app.inject({
      method: 'POST',
      url,
      headers: { cookie: as.cookie },
      payload: { _csrf: as.csrfToken, ...payload },
    });
  const api = (method: 'GET' | 'PUT', url: string, payload?: unknown) =>
    context.app.inject({
      method,
      url,
      headers: { cookie: coordinator.cookie, 'x-csrf-token': coordinator.csrfToken },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const recommendationsUrl = () => `/rounds/${round.id}/results/recommendations`;

  // The whole of government, each agency once (the hidden one counts inside):
  // X (1.5 + 3 + 2 + 2 + 5) / 5 = 2.7, level two, aims at three: gap 0.3 × 1/4;
  // Y 4.4, at the top level already; Z (2 + 3 + 3 + 3 + 5) / 5 = 3.2, level
  // three, aims at four: gap 0.8 × 1/2 = 0.4, so it comes first.
  it('ranks the whole of government’s weak sub-dimensions by gap × weight, with the numbers behind each', async () => {
    const response = await get(recommendationsUrl());
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toContain('<h1>Recommendations for the whole of government</h1>');
    expect(body.indexOf('Beta: Zinc')).toBeGreaterThan(0);
    expect(body.indexOf('Beta: Zinc')).toBeLessThan(body.indexOf('Alpha: Xenon'));
    expect(body).not.toContain('Alpha: Yttrium');
    expect(body).toContain(
      'Score 3.20 (Three); target Four (4.00); gap 0.80 × weight 1/2 = priority 0.4.',
    );
    expect(body).toContain(
      'Score 2.70 (Two); target Three (3.00); gap 0.30 × weight 1/4 = priority 0.075.',
    );
    expect(body).toContain('Title of BBB-Z-R1');
    expect(body).toContain('Title of AAA-X-R1');
    expect(body).not.toContain('Title of AAA-X-R2');
    expect(body).toContain('Xenon at two is written down.');
    // A viewer reads; only coordinators and admins decide.
    expect(body).not.toContain('>Accept</button>');
  });

  it('shows the targets beside the scores of the results overview, with the gaps', async () => {
    const response = await get(`/rounds/${round.id}/results`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<th scope="col">Target</th>');
    expect(response.body).toMatch(
      /Alpha: Xenon<\/th><td class="numeric">2\.70<\/td><td>Two<\/td><td>Three \(3\.00\)<\/td><td class="numeric">0\.30<\/td>/,
    );
  });

  it('advises an agency shown on its own, and refuses one protected by small-number protection', async () => {
    const response = await get(`${recommendationsUrl()}?agency=${agencies.A}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<h1>Recommendations for Agency A (A)</h1>');
    // A: Z 2 aims at four (gap 2 × 1/2 = 1), X 1.5 at three (gap 1.5 × 1/4).
    expect(response.body).toContain(
      'Score 2.00 (Two); target Four (4.00); gap 2.00 × weight 1/2 = priority 1.',
    );
    expect(response.body).toContain('What One looks like');
    expect(response.body).toContain('To reach Two');
    // The agency's own page shows its gaps to the same targets, and links here.
    const own = await get(`/rounds/${round.id}/results/agencies/${agencies.A}`);
    expect(own.body).toMatch(
      /<th scope="row">Beta<\/th>.*?<td>Four \(4\.00\)<\/td><td class="numeric">2\.00<\/td>/,
    );
    expect(own.body).toContain(`href="${recommendationsUrl()}?agency=${agencies.A}"`);
    const hidden = await get(`${recommendationsUrl()}?agency=${agencies.C}`);
    expect(hidden.statusCode).toBe(409);
    expect(hidden.body).not.toContain('Score 5.00');
    const json = await api(
      'GET',
      `/api/rounds/${round.id}/results/recommendations?agency=${agencies.C}`,
    );
    expect(json.statusCode).toBe(409);
    expect(json.json().error.fields).toEqual([
      { path: 'agency', message: 'has results protected by small-number protection' },
    ]);
  });

  it('lets a coordinator accept a recommendation with a note, audited, and take it back', async () => {
    const accepted = await post(recommendationsUrl(), {
      code: 'BBB-Z-R1',
      status: 'accepted',
      note: 'The digital office leads it from March.',
    });
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe(`${recommendationsUrl()}#rec-BBB-Z-R1`);
    const page = await get(recommendationsUrl(), { cookie: coordinator.cookie });
    expect(page.body).toMatch(
      /<strong>Accepted<\/strong> on [^<]+ — The digital office leads it from March\./,
    );
    expect(page.body).toContain('>Reopen</button>');
    const audit = await context.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity_type', '=', 'recommendation')
      .execute();
    expect(audit).toContainEqual({ action: 'recommendation.accepted', entity_id: 'BBB-Z-R1' });
    // For an agency, the decision is its own: the whole of government's stays.
    await post(recommendationsUrl(), {
      code: 'BBB-Z-R1',
      status: 'set_aside',
      note: '',
      agency: agencies.A as string,
    });
    const forA = await api(
      'GET',
      `/api/rounds/${round.id}/results/recommendations?agency=${agencies.A}`,
    );
    expect(forA.json().weak[0].recommendations[0].decision).toMatchObject({ status: 'set_aside' });
    const reopened = await post(recommendationsUrl(), {
      code: 'BBB-Z-R1',
      status: 'open',
      note: '',
      agency: agencies.A as string,
    });
    expect(reopened.statusCode).toBe(303);
    const again = await api(
      'GET',
      `/api/rounds/${round.id}/results/recommendations?agency=${agencies.A}`,
    );
    expect(again.json().weak[0].recommendations[0].decision).toBeNull();
    const whole = await api('GET', `/api/rounds/${round.id}/results/recommendations`);
    expect(whole.json().weak[0].recommendations[0].decision).toMatchObject({
      status: 'accepted',
      note: 'The digital office leads it from March.',
    });
  });

  it('refuses a decision from a viewer, for an unknown recommendation, and a note too long, saving nothing', async () => {
    const viewerSession = await signInAs(context.database, 'viewer');
    const refused = await post(
      recommendationsUrl(),
      { code: 'AAA-X-R1', status: 'accepted', note: '' },
      viewerSession,
    );
    expect(refused.statusCode).toBe(403);
    const unknown = await post(recommendationsUrl(), {
      code: 'NOPE-R9',
      status: 'accepted',
      note: '',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('The value of “code” cannot be used.');
    const long = await post(recommendationsUrl(), {
      code: 'AAA-X-R1',
      status: 'accepted',
      note: 'n'.repeat(2001),
    });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('Write a note of at most 2,000 characters');
    expect(long.body).toContain('aria-invalid="true"');
    const decided = await context.database.db
      .selectFrom('recommendation_decisions')
      .select('recommendation_code')
      .where('recommendation_code', '=', 'AAA-X-R1')
      .execute();
    expect(decided).toEqual([]);
    const api404 = await api('PUT', `/api/rounds/${round.id}/results/recommendations/NOPE-R9`, {
      status: 'accepted',
    });
    expect(api404.statusCode).toBe(400);
    expect(api404.json().error.fields).toEqual([
      { path: 'code', message: 'is not a recommendation of this round’s framework' },
    ]);
    const hidden = await api('PUT', `/api/rounds/${round.id}/results/recommendations/AAA-X-R1`, {
      status: 'accepted',
      agency: agencies.C,
    });
    expect(hidden.statusCode).toBe(409);
  });

  it('sets a dimension’s target for its sub-dimensions, and refuses a bad form whole', async () => {
    const targetsUrl = `/rounds/${round.id}/results/targets`;
    const bad = await post(targetsUrl, {
      'level-AAA': 'four',
      'due-AAA': '2028-02-30',
      'level-BBB-Z': '',
      'due-BBB-Z': '2029-01-01',
      'level-AAA-Y': 'five',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter a real date, for example 2028-12-31');
    expect(bad.body).toContain('Choose a level as well: a date alone is no target');
    expect(bad.body).toContain('Choose one of the framework’s levels');
    expect(await context.database.db.selectFrom('targets').selectAll().execute()).toEqual([]);

    const saved = await post(targetsUrl, { 'level-AAA': 'four', 'due-AAA': '2028-12-31' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${targetsUrl}?saved=1`);
    const page = await get(`${targetsUrl}?saved=1`, { cookie: coordinator.cookie });
    expect(page.body).toContain('The targets are saved.');
    const targets = await api('GET', `/api/rounds/${round.id}/results/targets`);
    const byCode = new Map(
      (targets.json().targets as { code: string; target: unknown; gap: number }[]).map((row) => [
        row.code,
        row,
      ]),
    );
    expect(byCode.get('AAA')).toMatchObject({
      target: { level: 'four', dueOn: '2028-12-31', source: 'set' },
    });
    expect(byCode.get('AAA-X')).toMatchObject({
      target: { level: 'four', source: 'dimension' },
      gap: 1.3,
    });
    expect(byCode.get('BBB-Z')).toMatchObject({
      target: { level: 'four', source: 'default' },
      gap: 0.8,
    });
    // Xenon now aims at four: gap 1.3 × 1/4 = 0.325.
    const recommendations = await get(recommendationsUrl());
    expect(recommendations.body).toContain('gap 1.30 × weight 1/4 = priority 0.325.');
    const audit = await context.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'target')
      .execute();
    expect(audit).toEqual([{ action: 'target.set' }]);
  });

  it('sets targets through the API all or nothing, naming the entry refused', async () => {
    const refused = await api('PUT', `/api/rounds/${round.id}/results/targets`, {
      targets: [
        { code: 'BBB', level: 'three', dueOn: null },
        { code: 'BBB-Z', level: 'nine' },
        { code: 'CCC', level: 'two' },
      ],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([
      {
        path: 'targets[1].level',
        message: "must be one of the framework's levels: one, two, three, four",
      },
      { path: 'targets[2].code', message: 'is not a dimension or sub-dimension of this framework' },
    ]);
    const unchanged = await api('GET', `/api/rounds/${round.id}/results/targets`);
    expect(
      unchanged.json().targets.find((row: { code: string }) => row.code === 'BBB').target.source,
    ).toBe('default');
    const cleared = await api('PUT', `/api/rounds/${round.id}/results/targets`, {
      targets: [{ code: 'AAA', level: null }],
    });
    expect(cleared.statusCode).toBe(200);
    expect(
      cleared.json().targets.find((row: { code: string }) => row.code === 'AAA-X').target,
    ).toMatchObject({
      level: 'three',
      source: 'default',
    });
  });

  it('counts the workshop’s consensus where it agreed, showing the self-assessment beside it', async () => {
    await buildConsensus(context.database.db, { roundId: round.id, itemCode: 'X1', value: 1 });
    const response = await get(recommendationsUrl());
    // Xenon agreed at 1 (One): gap 2 to Three × 1/4 = 0.5, now ahead of Zinc's 0.4.
    expect(response.body.indexOf('Alpha: Xenon')).toBeLessThan(response.body.indexOf('Beta: Zinc'));
    expect(response.body).toContain(
      'Score 1.00 (One); target Three (3.00); gap 2.00 × weight 1/4 = priority 0.5.',
    );
    expect(response.body).toContain(
      'The score is the workshop’s consensus; the self-assessment gave 2.70.',
    );
  });
});
