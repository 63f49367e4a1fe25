import { beforeAll, describe, expect, it } from 'vitest';
import { headersOf, signInAs } from '../../../test/accounts.ts';
import { useTestApp } from '../../../test/app.ts';
import { multipart } from '../../../test/multipart.ts';
import {
  brokenXlsform,
  buildXlsform,
  withSheet,
  xlsformFramework,
  xlsxOf,
} from '../../../test/xlsform.ts';
import { XLSX_CONTENT_TYPE } from './xlsform/xlsx-file.ts';

describe('XLSForm workbooks over HTTP', () => {
  const context = useTestApp();
  let coordinator: Awaited<ReturnType<typeof signInAs>>;
  beforeAll(async () => {
    coordinator = await signInAs(context.database, 'coordinator', { name: 'Cora Coordinator' });
  });
  const storedKeys = async () =>
    (await context.database.db.selectFrom('frameworks').select('key').orderBy('key').execute()).map(
      (row) => row.key,
    );
  const uploadOnPage = async (content: Buffer, language = 'en') => {
    const { payload, contentType } = multipart(
      { _csrf: coordinator.csrfToken },
      { name: 'city.xlsx', content, type: XLSX_CONTENT_TYPE },
    );
    return context.app.inject({
      method: 'POST',
      url: `/frameworks/import?lang=${language}`,
      headers: { cookie: coordinator.cookie, 'content-type': contentType },
      payload,
    });
  };
  const postToApi = (payload: Buffer | string, contentType = XLSX_CONTENT_TYPE) =>
    context.app.inject({
      method: 'POST',
      url: '/api/frameworks/xlsform',
      headers: { ...headersOf(coordinator), 'content-type': contentType },
      payload,
    });

  it('imports a workbook uploaded on the import page, the same page as a JSON file', async () => {
    const form = await context.app.inject({
      method: 'GET',
      url: '/frameworks/import',
      headers: { cookie: coordinator.cookie },
    });
    expect(form.body).toContain('accept=".json,application/json,.xlsx,');
    expect(form.body).toContain('href="/api/frameworks/dgca/xlsform"');

    const response = await uploadOnPage(await xlsxOf(buildXlsform()));
    expect(response.statusCode).toBe(201);
    expect(response.body).toContain('City services readiness, version 1.2, is imported');
    expect(response.body).toContain('2 dimensions, 3 sub-dimensions, 5 items');
    const exported = await context.app.inject({
      method: 'GET',
      url: '/api/frameworks/city-readiness',
    });
    expect(exported.json()).toEqual(xlsformFramework());

    const again = await uploadOnPage(await xlsxOf(buildXlsform()));
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('was already imported from this same file; nothing changed');
  });

  it('lists every problem of a broken workbook on the page by sheet, row and column, in the reader’s language, and stores nothing', async () => {
    const broken = withSheet(brokenXlsform(), 'settings', ([header]) => [
      header ?? [],
      ['Broken', 'broken', '1.0', 'English (en)'],
    ]);
    const before = await storedKeys();
    const response = await uploadOnPage(await xlsxOf(broken));
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('The file has 2 problems; nothing was imported');
    expect(response.body).toContain(
      '<strong>Sheet survey, row 23, column A (type)</strong>: Transforma cannot import a question of type “select_multiple agree”.',
    );
    expect(response.body).toContain(
      "<strong>Sheet maturity_levels, row 3, column D (min_score)</strong>: must be greater than the previous level's minScore (1)",
    );
    const inSpanish = await uploadOnPage(await xlsxOf(broken), 'es');
    expect(inSpanish.body).toContain('El archivo tiene 2 problemas; no se importó nada');
    expect(inSpanish.body).toContain('<strong>Hoja survey, fila 23, columna A (type)</strong>');
    expect(await storedKeys()).toEqual(before);
  });

  it('refuses on the page a file that is not a readable workbook, and an old .xls one', async () => {
    const zip = await uploadOnPage(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64)]));
    expect(zip.statusCode).toBe(400);
    expect(zip.body).toContain('The file is not a workbook Transforma can read.');
    const xls = await uploadOnPage(
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]),
    );
    expect(xls.statusCode).toBe(400);
    expect(xls.body).toContain('The file is an Excel 97–2003 workbook (.xls).');
  });

  it('imports a workbook sent to the API, and reports each problem of a broken one with its sheet, row and column', async () => {
    const file = await xlsxOf(
      withSheet(buildXlsform(), 'settings', ([header]) => [
        header ?? [],
        ['From the API', 'api_city', '2.0', 'English (en)'],
      ]),
    );
    const created = await postToApi(file);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      key: 'api-city',
      version: '2.0',
      name: 'From the API',
      items: 5,
    });

    const before = await storedKeys();
    const refused = await postToApi(await xlsxOf(brokenXlsform()));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toEqual({
      code: 'invalid_framework',
      message: 'The workbook has 2 problems; nothing was imported',
      fields: [
        {
          path: 'Sheet survey, row 23, column A (type)',
          message: expect.stringContaining(
            'cannot import a question of type “select_multiple agree”',
          ),
        },
        {
          path: 'Sheet maturity_levels, row 3, column D (min_score)',
          message: "must be greater than the previous level's minScore (1)",
        },
      ],
    });
    const notWorkbook = await postToApi(Buffer.from('PK\x03\x04 not really'));
    expect(notWorkbook.statusCode).toBe(400);
    expect(notWorkbook.json().error.code).toBe('invalid_request');
    const json = await postToApi('{"key": "x"}', 'application/json');
    expect(json.statusCode).toBe(400);
    expect(await storedKeys()).toEqual(before);
  });

  it('exports any framework as an XLSForm download that imports back as the same framework', async () => {
    const page = await context.app.inject({ method: 'GET', url: '/frameworks/nine-pillars' });
    expect(page.body).toMatch(/href="\/api\/frameworks\/nine-pillars\/versions\/[\d.]+\/xlsform"/);
    expect(page.body).toContain('not the guidance or recommendations');

    const file = await xlsxOf(
      withSheet(buildXlsform(), 'settings', ([header]) => [
        header ?? [],
        ['Exported', 'exported_city', '1.0', 'English (en)'],
      ]),
    );
    expect((await postToApi(file)).statusCode).toBe(201);
    const download = await context.app.inject({
      method: 'GET',
      url: '/api/frameworks/exported-city/versions/1.0/xlsform',
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
    expect(download.headers['content-disposition']).toBe(
      'attachment; filename="exported-city-1.0.xlsx"',
    );
    // Imported again from its own export: the same file, so nothing changes.
    const reimported = await postToApi(download.rawPayload);
    expect(reimported.statusCode).toBe(200);
    expect(reimported.json()).toMatchObject({ key: 'exported-city', version: '1.0' });

    // dgca's export leaves out its guidance and recommendations, so it cannot stand in for the stored version.
    const dgca = await context.app.inject({
      method: 'GET',
      url: '/api/frameworks/dgca/xlsform',
    });
    const dgcaAgain = await postToApi(dgca.rawPayload);
    expect(dgcaAgain.statusCode).toBe(409);
    expect(dgcaAgain.json().error.fields).toEqual([
      { path: 'version', message: expect.stringMatching(/^version [\d.]+ already exists$/) },
    ]);

    const latest = await context.app.inject({
      method: 'GET',
      url: '/api/frameworks/nine-pillars/xlsform',
    });
    expect(latest.headers['content-disposition']).toMatch(
      /^attachment; filename="nine-pillars-[\d.]+\.xlsx"$/,
    );
    const missing = await context.app.inject({
      method: 'GET',
      url: '/api/frameworks/nothing/xlsform',
    });
    expect(missing.statusCode).toBe(404);
  });
});
