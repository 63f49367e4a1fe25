// The results pages of a closed round, read by a member without JavaScript:
// what each page shows, filters, comparisons, small-number protection, and
// refusals of bad addresses.
import { beforeAll, describe, expect, it } from 'vitest';
import { headersOf, signInAs } from '../../../../test/accounts.ts';
import { useTestApp } from '../../../../test/app.ts';
import { buildRound } from '../../../../test/factories/rounds.ts';
import { buildResultsRound, type ResultsRound } from '../../../../test/results-round.ts';
import { positionOf, textsOf } from '../../../../test/svg.ts';

describe('the results pages', () => {
  const context = useTestApp();
  let world: ResultsRound;
  let roundId: string;
  let headers: Record<string, string>;

  beforeAll(async () => {
    world = await buildResultsRound(context.database.db);
    roundId = world.round.id;
    headers = headersOf(await signInAs(context.database, 'viewer'));
  });

  const get = (url: string) => context.app.inject({ method: 'GET', url, headers });

  it('is linked from the round’s page', async () => {
    const response = await get(`/rounds/${roundId}`);
    expect(response.body).toContain(`href="/rounds/${roundId}/results"`);
  });

  it('shows the whole of government by dimension, as a chart and as a table', async () => {
    const response = await get(`/rounds/${roundId}/results`);
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toContain('<h1>Results</h1>');
    expect(body).toMatch(/<svg[^>]*role="img"/);
    expect(body).toContain('Scores by dimension, with their maturity level');
    for (const dimension of ['Leadership', 'Technology', 'Professional and workforce development'])
      expect(body).toContain(dimension);
    expect(body).toMatch(/Overall score<\/dt><dd><strong>\d\.\d\d<\/strong>/);
    expect(body).not.toMatch(/\sstyle=/);
    expect(body).not.toContain('NaN');
  });

  it('gives each score its 95% interval, and each agency its respondents', async () => {
    const overview = await get(`/rounds/${roundId}/results`);
    expect(overview.body).toContain('95% interval');
    expect(overview.body).toMatch(/<td class="numeric">\d\.\d\d–\d\.\d\d<\/td>/);
    const agencies = await get(`/rounds/${roundId}/results/agencies`);
    expect(agencies.body).toContain('<th scope="col" class="numeric">Respondents</th>');
    expect(agencies.body).toMatch(/<td class="numeric">\d\.\d\d–\d\.\d\d<\/td>/);
  });

  it('filters by level and by sector', async () => {
    const all = await get(`/rounds/${roundId}/results`);
    const local = await get(`/rounds/${roundId}/results?level=local&sector=`);
    expect(local.statusCode).toBe(200);
    const agencies = (body: string) =>
      Number(/Agencies with a score<\/dt><dd>(\d+)/.exec(body)?.[1]);
    expect(agencies(all.body)).toBe(11);
    expect(agencies(local.body)).toBe(3);
    expect(local.body).toContain('<option value="local" selected>');
  });

  it('lists agencies in a heatmap with a table, each linking to its own page', async () => {
    const response = await get(`/rounds/${roundId}/results/agencies`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Scores by agency and sub-dimension');
    const link = new RegExp(`href="/rounds/${roundId}/results/agencies/([0-9a-f-]{36})"`).exec(
      response.body,
    );
    expect(link).not.toBeNull();
    const agency = await get(`/rounds/${roundId}/results/agencies/${link?.[1]}`);
    expect(agency.statusCode).toBe(200);
    expect(agency.body).toContain('Compared with other agencies');
    expect(agency.body).toContain('Whole of government');
  });

  it('lists the heatmap’s agencies in the order of the acronyms it labels them by', async () => {
    const response = await get(`/rounds/${roundId}/results/agencies`);
    // The page's only chart without an earlier round to compare with.
    const svg = /<svg[\s\S]*?<\/svg>/.exec(response.body)?.[0];
    expect(svg).toBeDefined();
    const acronyms = new Set(
      (
        await context.database.db
          .selectFrom('agencies')
          .select('acronym')
          .where('acronym', 'is not', null)
          .execute()
      ).map((agency) => agency.acronym),
    );
    const labels = textsOf(svg ?? '')
      .filter((text) => acronyms.has(text.text))
      .sort((a, b) => positionOf(a).y - positionOf(b).y)
      .map((text) => text.text);
    expect(labels).toHaveLength(11);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('shows the answers of each item of a dimension', async () => {
    const response = await get(`/rounds/${roundId}/results/items?dimension=TEC`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('id="item-TEC01"');
    expect(response.body).toContain('Not applicable');
    expect(response.body).toContain('Where respondents disagree most');
    // Both item means, named apart, and the share agreeing beside them.
    expect(response.body).toContain('Mean, each respondent once');
    expect(response.body).toContain('Score, each agency once');
    expect(response.body).toMatch(/<td class="numeric">\d{1,3}%<\/td>/);
  });

  it('gives diagnostic findings linked to their numbers', async () => {
    const response = await get(`/rounds/${roundId}/results/diagnostics`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Items pulling a dimension down');
    expect(response.body).toMatch(
      new RegExp(`href="/rounds/${roundId}/results/items#item-[A-Z]{3}\\d\\d"`),
    );
    // Every respondent answered TEC11 one lower than the rest of Technology.
    expect(response.body).toContain(`href="/rounds/${roundId}/results/items#item-TEC11"`);
  });

  it('shows the change since 2023 over all agencies and over those that answered both rounds', async () => {
    const page = await get(`/rounds/${roundId}/results?compare=${world.baseline.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/The overall score went from \d\.\d\d to \d\.\d\d/);
    // 2023 asked 5 agencies, 2025 all 11: the six new ones are left out of the like-for-like change.
    expect(page.body).toContain(
      'Over the 5 agencies that answered in both rounds, the overall score went from',
    );
    expect(page.body).toContain('Scores by dimension of the agencies that answered in both rounds');
  });

  it('shows how much of the framework a partial consensus covers, and no overall consensus', async () => {
    const page = await get(`/rounds/${roundId}/results/agencies/${world.byAcronym('MOH').id}`);
    expect(page.body).toContain('The workshop agreed on 2 of the framework’s 94 items');
    const overallRow = /<th scope="row">Overall score<\/th>(.*?)<\/tr>/.exec(page.body)?.[1] ?? '';
    const cells = [...overallRow.matchAll(/<td class="numeric">([^<]*)<\/td>/g)].map((m) => m[1]);
    // Its own score, then the consensus column left empty.
    expect(cells[0]).toMatch(/^\d\.\d\d$/);
    expect(cells[1]).not.toMatch(/\d/);
  });

  it('has no results for a draft round, and never offers one to compare with', async () => {
    const draft = await buildRound(context.database.db, {
      status: 'draft',
      name: 'Draft round of 2024',
      opensOn: '2024-03-01',
      closesOn: '2024-04-01',
    });
    expect((await get(`/rounds/${draft.id}/results`)).statusCode).toBe(404);
    const overview = await get(`/rounds/${roundId}/results`);
    expect(overview.body).not.toContain('Draft round of 2024');
  });

  it('names the field of a bad filter, and does not know unknown rounds', async () => {
    const level = await get(`/rounds/${roundId}/results?level=galactic`);
    expect(level.statusCode).toBe(400);
    expect(level.body).toContain('Level: must be one of: national, subnational, local');
    const dimension = await get(`/rounds/${roundId}/results/items?dimension=NOPE`);
    expect(dimension.statusCode).toBe(400);
    const compare = await get(`/rounds/${roundId}/results?compare=${roundId}`);
    expect(compare.statusCode).toBe(400);
    expect(compare.body).toContain('The value of “compare” cannot be used.');
    const unknown = await get('/rounds/00000000-0000-4000-8000-000000000000/results');
    expect(unknown.statusCode).toBe(404);
  });

  it('does not show an agency with too few respondents on its own, nor give it away', async () => {
    // Every agency has 3 submitted responses or more: take the Ministry of
    // Health down to 2 by returning the others to draft.
    const { db } = context.database;
    const health = world.byAcronym('MOH');
    const submitted = await db
      .selectFrom('responses')
      .select('id')
      .where('round_id', '=', roundId)
      .where('agency_id', '=', health.id)
      .where('status', '=', 'submitted')
      .orderBy('id')
      .execute();
    await db
      .updateTable('responses')
      .set({ status: 'draft', submitted_at: null })
      .where(
        'id',
        'in',
        submitted.slice(2).map((response) => response.id),
      )
      .execute();

    const agencies = await get(`/rounds/${roundId}/results/agencies`);
    const shown = new Set(
      [...agencies.body.matchAll(/results\/agencies\/([0-9a-f-]{36})"/g)].map((m) => m[1]),
    );
    expect(shown.has(health.id)).toBe(false);
    // Two more are hidden with it, so the total minus the agencies shown is
    // never one or two agencies, whose mean and spread would give them away.
    const counted = agencies.body.match(
      /(\d+) agencies are counted in the totals but not shown on their own/,
    );
    expect(Number(counted?.[1])).toBeGreaterThanOrEqual(3);
    const page = await get(`/rounds/${roundId}/results/agencies/${health.id}`);
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('fewer than 3 respondents');
    // Still counted: the whole of government has every agency with a score.
    const overview = await get(`/rounds/${roundId}/results`);
    expect(overview.body).toMatch(/Agencies with a score<\/dt><dd>11</);
  });

  it('is in Spanish for a Spanish reader', async () => {
    const response = await context.app.inject({
      url: `/rounds/${roundId}/results`,
      headers: { ...headers, 'accept-language': 'es' },
    });
    expect(response.body).toContain('<h1>Resultados</h1>');
  });
});
