// The results downloads and their JSON, on a built 2025 round: what each
// file holds, who may have the raw answers, and what small-number protection
// keeps out of them.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { headersOf, signInAs } from '../../../../test/accounts.ts';
import { useTestApp } from '../../../../test/app.ts';
import { buildResponse } from '../../../../test/factories/responses.ts';
import { buildRound } from '../../../../test/factories/rounds.ts';
import { buildResultsRound } from '../../../../test/results-round.ts';
import { findRound } from '../../rounds/round-store.ts';
import { DEFAULT_MIN_RESPONDENTS } from '../protection/disclosure.ts';
import { type OpenResults, openResults } from '../store/open-results.ts';
import { selectResults } from '../store/results-selection.ts';

const HIDDEN_LABEL = 'Agencies with few respondents';

describe('exports of a round’s results', () => {
  const context = useTestApp();
  let roundId: string;
  let results: OpenResults;
  let admin: Record<string, string>;
  let viewer: Record<string, string>;

  beforeAll(async () => {
    const { db } = context.database;
    const world = await buildResultsRound(db);
    roundId = world.round.id;
    // One of the Ministry of Education's three respondents goes back to draft:
    // with two left, small-number protection hides it, and two more with it.
    const [toDraft] = await db
      .selectFrom('responses')
      .select('id')
      .where('round_id', '=', roundId)
      .where('agency_id', '=', world.byAcronym('MOE').id)
      .execute();
    await db
      .updateTable('responses')
      .set({ status: 'draft', submitted_at: null })
      .where('id', '=', toDraft!.id)
      .execute();
    results = await openResults(context.database.db, {
      roundId,
      threshold: DEFAULT_MIN_RESPONDENTS,
    });
    admin = headersOf(await signInAs(context.database, 'admin'));
    viewer = headersOf(await signInAs(context.database, 'viewer'));
  });

  const get = (url: string, headers: Record<string, string>) =>
    context.app.inject({ method: 'GET', url, headers });
  const csvOf = (body: string) => parse(body, { bom: true }) as string[][];
  const itemCount = () =>
    results.framework.dimensions.reduce(
      (sum, d) => sum + d.subdimensions.reduce((s, sub) => s + sub.items.length, 0),
      0,
    );
  const shownNames = () =>
    selectResults(results, results.disclosure, {}).shown.map((s) => s.agency.name);
  const hiddenNames = () =>
    results.agencies
      .filter((agency) => results.disclosure.hidden.has(agency.id))
      .map((a) => a.name);

  /** Answers of the round's submitted responses, counted by SQL, of some agencies or all. */
  async function submittedAnswers(agencyIds?: string[]): Promise<number> {
    let query = context.database.db
      .selectFrom('answers')
      .innerJoin('responses', 'responses.id', 'answers.response_id')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('responses.round_id', '=', roundId)
      .where('responses.status', '=', 'submitted');
    if (agencyIds) query = query.where('responses.agency_id', 'in', agencyIds);
    return Number((await query.executeTakeFirstOrThrow()).count);
  }

  it('gives every answer of the submitted responses as CSV, respondents under pseudonyms', async () => {
    const response = await get(`/rounds/${roundId}/results/export/answers.csv`, admin);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="digital-capability-assessment-2025-answers.csv"',
    );
    const [header, ...rows] = csvOf(response.body);
    expect(header).toEqual([
      'Respondent',
      'Agency',
      'Acronym',
      'Level',
      'Sector',
      'Item',
      'Value',
      'Not applicable',
      'Comment',
      'Evidence link',
    ]);
    expect(rows).toHaveLength(await submittedAnswers());
    // 37 submitted responses (38 less the draft), each answering the 94 items.
    expect(rows).toHaveLength(37 * 94);
    const respondents = new Set(rows.map((row) => row[0]));
    expect([...respondents].every((pseudonym) => /^R-[0-9a-f]{10}$/.test(pseudonym ?? ''))).toBe(
      true,
    );
    const round = await findRound(context.database.db, results.workspace.id, roundId);
    expect(respondents.size).toBe(round?.submitted);
    expect(respondents.size).toBe(37);
  });

  it('never names in the raw answers an agency hidden by small-number protection', async () => {
    expect(hiddenNames()).toHaveLength(3);
    expect(hiddenNames()).toContain('Ministry of Education');
    const body = (await get(`/rounds/${roundId}/results/export/answers.csv`, admin)).body;
    const agencies = new Set(
      csvOf(body)
        .slice(1)
        .map((row) => row[1]),
    );
    for (const name of hiddenNames()) expect(agencies.has(name)).toBe(false);
    expect(agencies.has(HIDDEN_LABEL)).toBe(true);
    for (const agency of agencies) expect([...shownNames(), HIDDEN_LABEL]).toContain(agency);
  });

  it('gives the same answers as a workbook', async () => {
    const response = await get(`/rounds/${roundId}/results/export/answers.xlsx`, admin);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="digital-capability-assessment-2025-answers.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Answers');
    expect(sheet?.getRow(1).getCell(1).value).toBe('Respondent');
    expect(sheet?.rowCount).toBe((await submittedAnswers()) + 1);
  });

  it('gives the same answers as JSON, a page of responses at a time', async () => {
    const csvRows = csvOf(
      (await get(`/rounds/${roundId}/results/export/answers.csv`, admin)).body,
    ).slice(1);
    const jsonRows: Record<string, unknown>[] = [];
    for (let page: number | null = 1; page !== null; ) {
      const response = await get(
        `/api/rounds/${roundId}/results/answers?page=${page}&limit=100`,
        admin,
      );
      expect(response.statusCode).toBe(200);
      const body = response.json() as { nextPage: number | null; rows: Record<string, unknown>[] };
      jsonRows.push(...body.rows);
      page = body.nextPage;
    }
    expect(jsonRows).toHaveLength(csvRows.length);
    jsonRows.forEach((row, i) => {
      const csv = csvRows[i] ?? [];
      expect([row.respondent, row.agency ?? HIDDEN_LABEL, row.item, row.value ?? '']).toEqual([
        csv[0],
        csv[1],
        csv[5],
        csv[6] === '' ? '' : Number(csv[6]),
      ]);
    });
  });

  it('refuses the raw answers to a viewer, who still has the scores', async () => {
    expect((await get(`/rounds/${roundId}/results/export/answers.csv`, viewer)).statusCode).toBe(
      403,
    );
    expect((await get(`/api/rounds/${roundId}/results/answers`, viewer)).statusCode).toBe(403);
    expect(
      (await get(`/rounds/${roundId}/results/export/item-scores.csv`, viewer)).statusCode,
    ).toBe(200);
  });

  it('releases the raw answers only once the round is closed, and says so', async () => {
    const open = await buildRound(context.database.db, { agencyCount: 3 });
    const [agencyId] = open.agencyIds as [string];
    await buildResponse(context.database.db, { round: open, agencyId, answers: { LEA01: 4 } });
    const download = await get(`/rounds/${open.id}/results/export/answers.csv`, admin);
    expect(download.statusCode).toBe(409);
    expect(download.body).not.toContain('LEA01');
    const api = await get(`/api/rounds/${open.id}/results/answers`, admin);
    expect(api.statusCode).toBe(409);
    expect(api.json().error.fields[0].path).toBe('params.id');
    const overview = await get(`/rounds/${open.id}/results`, admin);
    expect(overview.body).toContain('can be downloaded once the round is closed');
    expect(overview.body).not.toContain('/results/export/answers.csv');
  });

  it('gives a focal point the answers of their own agencies only, and none of a hidden one', async () => {
    const shown = selectResults(results, results.disclosure, {}).shown;
    const own = shown[0]?.agency;
    const hidden = results.agencies.find((agency) => results.disclosure.hidden.has(agency.id));
    if (!own || !hidden) throw new Error('the round has shown and hidden agencies');
    const focalPoint = headersOf(
      await signInAs(context.database, 'focal_point', { agencyIds: [own.id, hidden.id] }),
    );
    const rows = csvOf(
      (await get(`/rounds/${roundId}/results/export/answers.csv`, focalPoint)).body,
    ).slice(1);
    expect(rows).toHaveLength(await submittedAnswers([own.id]));
    expect(new Set(rows.map((row) => row[1]))).toEqual(new Set([own.name]));
  });

  it('gives item scores of the whole of government and of each agency shown, every item', async () => {
    const response = await get(`/rounds/${roundId}/results/export/item-scores.csv`, viewer);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="digital-capability-assessment-2025-item-scores.csv"',
    );
    const [header, ...rows] = csvOf(response.body);
    expect(header?.slice(0, 3)).toEqual(['Agency', 'Acronym', 'Level']);
    expect(rows).toHaveLength((shownNames().length + 1) * itemCount());
    expect(rows[0]?.[0]).toBe('Whole of government (each agency once)');
    const agencies = new Set(rows.map((row) => row[0]));
    for (const name of hiddenNames()) expect(agencies.has(name)).toBe(false);
    // A score is a number with at most 3 decimals, or empty; never "NaN".
    for (const row of rows) expect(row[9]).toMatch(/^(\d+(\.\d{1,3})?)?$/);
  });

  it('gives the workshop’s consensus and its rationale beside the whole of government’s item scores', async () => {
    const body = (await get(`/api/rounds/${roundId}/results/item-scores`, viewer)).json();
    const agreed = body.rows.filter(
      (row: { agency: string | null; consensusRationale: string | null }) =>
        row.agency === null && row.consensusRationale !== null,
    );
    // The whole of government's workshop agreed on the four items of LEA-VIS.
    expect(agreed).toHaveLength(4);
    expect(agreed[0].consensus).toEqual(expect.any(Number));
    const filtered = (
      await get(`/api/rounds/${roundId}/results/item-scores?level=national`, viewer)
    ).json();
    // No workshop agreed for the national agencies together: no consensus on that total.
    expect(
      filtered.rows.filter(
        (row: { agency: string | null; consensusRationale: string | null }) =>
          row.agency === null && row.consensusRationale !== null,
      ),
    ).toEqual([]);
  });

  it('applies the level and sector filters to the score tables, in the file and its name', async () => {
    const response = await get(
      `/rounds/${roundId}/results/export/dimension-scores.csv?level=local`,
      viewer,
    );
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="digital-capability-assessment-2025-dimension-scores-local.csv"',
    );
    const rows = csvOf(response.body).slice(1);
    const local = selectResults(results, results.disclosure, { level: 'local' }).shown;
    expect(local.length).toBeGreaterThan(0);
    const names = new Set(rows.map((row) => row[0]));
    expect(names).toEqual(
      new Set(['Agencies chosen (each agency once)', ...local.map((s) => s.agency.name)]),
    );
    expect(new Set(rows.map((row) => row[2]))).toEqual(new Set(['Local']));
  });

  it('gives the same dimension scores as JSON and as a workbook', async () => {
    const csvRows = csvOf(
      (await get(`/rounds/${roundId}/results/export/dimension-scores.csv?sector=health`, viewer))
        .body,
    ).slice(1);
    const json = (
      await get(`/api/rounds/${roundId}/results/dimension-scores?sector=health`, viewer)
    ).json() as { rows: Record<string, unknown>[]; filter: unknown };
    expect(json.filter).toEqual({ level: null, sector: 'health' });
    expect(
      json.rows.map((row) => [row.agency ?? '', row.respondents, row.dimension ?? '', row.score]),
    ).toEqual(
      csvRows.map((row) => [
        row[0]?.startsWith('Agencies chosen') ? '' : row[0],
        Number(row[4]),
        row[5],
        row[7] === '' ? null : Number(row[7]),
      ]),
    );
    const workbook = new ExcelJS.Workbook();
    const xlsx = await get(
      `/rounds/${roundId}/results/export/dimension-scores.xlsx?sector=health`,
      viewer,
    );
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Dimension scores')?.rowCount).toBe(csvRows.length + 1);
  });

  it('gives API users the whole of government as a tree, and the agencies shown by dimension', async () => {
    const response = await get(`/api/rounds/${roundId}/results`, viewer);
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      total: {
        value: number;
        dimensions: { code: string; subdimensions: { items: unknown[] }[] }[];
      };
      agencies: { name: string; dimensions: unknown[] }[];
      protection: { threshold: number; hiddenAgencies: number };
    };
    expect(body.total.value).toBeGreaterThan(1);
    expect(body.total.dimensions.map((d) => d.code)).toEqual(
      results.framework.dimensions.map((d) => d.code),
    );
    expect(body.agencies.map((agency) => agency.name)).toEqual(shownNames());
    expect(body.protection).toEqual({ threshold: 3, hiddenAgencies: hiddenNames().length });
    const filtered = (
      await get(`/api/rounds/${roundId}/results?level=national`, viewer)
    ).json() as {
      agencies: { level: string }[];
    };
    expect(filtered.agencies.every((agency) => agency.level === 'national')).toBe(true);
  });

  it('links the downloads from the overview, keeping the filter, the answers for their readers only', async () => {
    const forViewer = (await get(`/rounds/${roundId}/results?sector=health`, viewer)).body;
    expect(forViewer).toContain('<h2 id="exports">Exports</h2>');
    expect(forViewer).toContain(
      `href="/rounds/${roundId}/results/export/item-scores.xlsx?sector=health"`,
    );
    expect(forViewer).not.toContain('/export/answers.');
    const forAdmin = (await get(`/rounds/${roundId}/results`, admin)).body;
    expect(forAdmin).toContain(`href="/rounds/${roundId}/results/export/answers.csv"`);
  });

  it('refuses a format it does not write and a round that does not exist', async () => {
    const wrongFormat = await get(`/rounds/${roundId}/results/export/item-scores.pdf`, viewer);
    expect(wrongFormat.statusCode).toBe(400);
    const unknown = await get(
      '/api/rounds/00000000-0000-4000-8000-000000000000/results/item-scores',
      viewer,
    );
    expect(unknown.statusCode).toBe(404);
  });
});
