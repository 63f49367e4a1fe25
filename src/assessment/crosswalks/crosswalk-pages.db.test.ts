// A built 2025 round read through the shipped crosswalks, by a member without
// JavaScript and through the API: what the page and its downloads show, that
// the total is read from the same protected numbers the results publish, and
// refusals of bad choices.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { headersOf, signInAs } from '../../../test/accounts.ts';
import { useTestApp } from '../../../test/app.ts';
import { buildRound } from '../../../test/factories/rounds.ts';
import { buildResultsRound } from '../../../test/results-round.ts';

const frameworksDir = path.join(import.meta.dirname, '..', '..', '..', 'frameworks');

interface ApiScore {
  code: string | null;
  value: number | null;
  maturityLevel: string | null;
  withheld: boolean;
}
interface ApiReading {
  target: { range: { min: number; max: number } };
  protection: { threshold: number; hiddenAgencies: number };
  total: ApiScore[] | null;
  rows: { agency: string | null; target: string | null; score: number | null }[];
}
interface ApiResults {
  total: {
    dimensions: {
      subdimensions: {
        code: string;
        value: number | null;
        items: { code: string; value: number | null }[];
      }[];
    }[];
  };
  agencies: { name: string }[];
}

describe('a round read through a crosswalk', () => {
  const context = useTestApp();
  let roundId: string;
  let headers: Record<string, string>;
  let hiddenName: string;

  beforeAll(async () => {
    const { db } = context.database;
    const world = await buildResultsRound(db);
    roundId = world.round.id;
    // One of the Ministry of Education's three respondents goes back to draft:
    // with two left, small-number protection hides it, and others with it.
    const [toDraft] = await db
      .selectFrom('responses')
      .select('id')
      .where('round_id', '=', roundId)
      .where('agency_id', '=', world.byAcronym('MOE').id)
      .execute();
    await db
      .updateTable('responses')
      .set({ status: 'draft', submitted_at: null })
      .where('id', '=', toDraft?.id ?? '')
      .execute();
    hiddenName = world.byAcronym('MOE').name;
    headers = headersOf(await signInAs(context.database, 'viewer'));
  });

  const get = (url: string) => context.app.inject({ method: 'GET', url, headers });
  const page = (query = '') => get(`/rounds/${roundId}/results/crosswalks${query}`);
  const api = async (key: string, query = '') =>
    (await get(`/api/rounds/${roundId}/results/crosswalks/${key}${query}`)).json() as ApiReading;

  it('is a tab of every results page', async () => {
    const overview = await get(`/rounds/${roundId}/results`);
    expect(overview.body).toContain(`href="/rounds/${roundId}/results/crosswalks"`);
    expect(overview.body).toContain('Read through…');
    const response = await page();
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<h1>Read through another framework</h1>');
    expect(response.body).toContain('aria-current="page"');
  });

  it('offers the three shipped crosswalks of dgca and reads the round through each, with levels', async () => {
    const response = await page();
    for (const key of ['dgca-to-dgra', 'dgca-to-nine-pillars', 'dgca-to-oecd-dgi'])
      expect(response.body).toContain(`<option value="${key}"`);
    const pillars = await page('?crosswalk=dgca-to-nine-pillars');
    expect(pillars.body).toContain('<option value="dgca-to-nine-pillars" selected>');
    expect(pillars.body).toContain('Vision, leadership and mindsets');
    expect(pillars.body).toMatch(
      /<td class="numeric">\d\.\d\d<\/td><td>(Online presence|Transactional|Connected|Transformative|Between)/,
    );
    const oecd = await page('?crosswalk=dgca-to-oecd-dgi');
    expect(oecd.body).toContain('Government as a platform');
    // On the index's range, 0 to 1.
    expect(oecd.body).toMatch(/<td class="numeric">0\.\d\d<\/td>/);
    expect(oecd.body).toContain('TEC11');
    expect(oecd.body).not.toContain('NaN');
  });

  it('gives the same scores in Spanish, in Spanish words', async () => {
    const response = await page('?crosswalk=dgca-to-dgra&lang=es');
    expect(response.body).toContain('Leer a través de otro marco');
    expect(response.body).toContain('Liderazgo y gobernanza');
  });

  it('reads the total from the scores the results publish: a target is the weighted mean of its sources, moved onto the target’s range', async () => {
    const results = (await get(`/api/rounds/${roundId}/results`)).json() as ApiResults;
    const scoreOf = new Map<string, number | null>();
    for (const dimension of results.total.dimensions)
      for (const subdimension of dimension.subdimensions) {
        scoreOf.set(subdimension.code, subdimension.value);
        for (const item of subdimension.items) scoreOf.set(item.code, item.value);
      }
    const reading = await api('dgca-to-nine-pillars');
    // VLM: LEA-VIS, LEA-POL and STR-GEN, weight 1 each, from 1–5 onto 1–4.
    const mean =
      ((scoreOf.get('LEA-VIS') ?? 0) +
        (scoreOf.get('LEA-POL') ?? 0) +
        (scoreOf.get('STR-GEN') ?? 0)) /
      3;
    const vlm = reading.total?.find((score) => score.code === 'VLM');
    expect(vlm?.value).toBeCloseTo(1 + ((mean - 1) * 3) / 4, 2);
    // DAT: LEA-DAT, STR-DAT, GOV-DAT at 1 and LEG-DAT at 0.5.
    const dat =
      ((scoreOf.get('LEA-DAT') ?? 0) +
        (scoreOf.get('STR-DAT') ?? 0) +
        (scoreOf.get('GOV-DAT') ?? 0) +
        0.5 * (scoreOf.get('LEG-DAT') ?? 0)) /
      3.5;
    expect(reading.total?.find((score) => score.code === 'DAT')?.value).toBeCloseTo(
      1 + ((dat - 1) * 3) / 4,
      2,
    );
    expect(reading.total?.at(-1)).toMatchObject({ code: null, withheld: false });
  });

  it.each([
    ['dgca-to-nine-pillars', { min: 1, max: 4 }],
    ['dgca-to-dgra', { min: 1, max: 4 }],
    ['dgca-to-oecd-dgi', { min: 0, max: 1 }],
  ])('reads every target dimension of %s from the published total, as its file says', async (key, range) => {
    const results = (await get(`/api/rounds/${roundId}/results`)).json() as ApiResults;
    const scoreOf = new Map<string, number | null>();
    for (const dimension of results.total.dimensions)
      for (const subdimension of dimension.subdimensions) {
        scoreOf.set(subdimension.code, subdimension.value);
        for (const item of subdimension.items) scoreOf.set(item.code, item.value);
      }
    const file = JSON.parse(
      readFileSync(path.join(frameworksDir, 'crosswalks', `${key}.json`), 'utf8'),
    ) as { mappings: { source: string; target: string; weight?: number }[] };
    const reading = await api(key);
    const targets = reading.total?.filter((score) => score.code !== null) ?? [];
    expect(targets.length).toBeGreaterThan(5);
    for (const target of targets) {
      // dgca's items all weigh 1, so each source counts with its mapping's weight.
      const mapped = file.mappings.filter((mapping) => mapping.target === target.code);
      const weight = mapped.reduce((sum, mapping) => sum + (mapping.weight ?? 1), 0);
      const mean =
        mapped.reduce(
          (sum, m) => sum + (m.weight ?? 1) * (scoreOf.get(m.source) ?? Number.NaN),
          0,
        ) / weight;
      expect({ code: target.code, value: target.value }).toEqual({
        code: target.code,
        value: expect.closeTo(range.min + ((mean - 1) * (range.max - range.min)) / 4, 2),
      });
    }
  });

  it('shows only the agencies the results show, and names no agency hidden by small-number protection', async () => {
    const results = (await get(`/api/rounds/${roundId}/results`)).json() as ApiResults;
    const reading = await api('dgca-to-dgra');
    expect(reading.protection.hiddenAgencies).toBeGreaterThan(0);
    const named = new Set(reading.rows.map((row) => row.agency).filter((name) => name !== null));
    expect([...named].sort()).toEqual(results.agencies.map((agency) => agency.name).sort());
    expect(named.has(hiddenName)).toBe(false);
    const response = await page('?crosswalk=dgca-to-dgra');
    expect(response.body).not.toContain(hiddenName);
    expect(response.body).toContain('counted in the totals but not shown on their own');
  });

  it('follows the level and sector filters, keeping the crosswalk chosen', async () => {
    const response = await page('?crosswalk=dgca-to-dgra&level=local&sector=');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Agencies chosen, each agency once');
    expect(response.body).toContain('<option value="local" selected>');
    expect(response.body).toContain('<option value="dgca-to-dgra" selected>');
    const local = await api('dgca-to-dgra', '?level=local');
    expect(
      local.rows.every(
        (row) =>
          row.agency === null ||
          ['Riverside Council', 'Hilltop Council', 'Port Town Council'].includes(row.agency),
      ),
    ).toBe(true);
  });

  it('downloads the reading as CSV: the total, then each agency shown, one row per dimension and overall', async () => {
    const response = await get(
      `/rounds/${roundId}/results/crosswalks/export.csv?crosswalk=dgca-to-oecd-dgi`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="digital-capability-assessment-2025-dgca-to-oecd-dgi.csv"',
    );
    const [header, ...rows] = parse(response.body, { bom: true }) as string[][];
    expect(header?.slice(0, 6)).toEqual([
      'Agency',
      'Acronym',
      'Level',
      'Sector',
      'Dimension code',
      'Dimension',
    ]);
    const reading = await api('dgca-to-oecd-dgi');
    const agencies = new Set(reading.rows.map((row) => row.agency)).size;
    // Six dimensions and the overall score, for the total and each agency shown.
    expect(rows).toHaveLength(agencies * 7);
    expect(rows[0]?.[0]).toBe('Whole of government (each agency once)');
    const xlsx = await get(
      `/rounds/${roundId}/results/crosswalks/export.xlsx?crosswalk=dgca-to-oecd-dgi`,
    );
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a crosswalk that does not read the round’s framework, naming the field', async () => {
    const response = await page('?crosswalk=nine-pillars-to-nowhere');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('crosswalk');
    const apiResponse = await get(`/api/rounds/${roundId}/results/crosswalks/nope`);
    expect(apiResponse.statusCode).toBe(400);
    expect(apiResponse.json()).toMatchObject({
      error: { code: 'invalid_request', fields: [{ path: 'params.key' }] },
    });
  });

  it('says so when no crosswalk reads the round’s framework', async () => {
    const pillars = await buildRound(context.database.db, {
      name: 'Pillars 2025',
      status: 'closed',
      frameworkKey: 'nine-pillars',
    });
    const response = await get(`/rounds/${pillars.id}/results/crosswalks`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('No crosswalk reads rounds of');
    expect(response.body).not.toContain('name="crosswalk"');
    const download = await get(`/rounds/${pillars.id}/results/crosswalks/export.csv`);
    expect(download.statusCode).toBe(404);
  });

  it('asks a reader to sign in', async () => {
    const response = await context.app.inject({
      method: 'GET',
      url: `/api/rounds/${roundId}/results/crosswalks/dgca-to-dgra`,
    });
    expect(response.statusCode).toBe(401);
  });
});
