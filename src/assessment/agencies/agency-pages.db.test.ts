import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/accounts.ts';
import { useTestApp } from '../../../test/app.ts';
import { type BuiltAgency, buildAgency } from '../../../test/factories/agencies.ts';
import { multipart } from '../../../test/multipart.ts';

describe('the agency pages', () => {
  const context = useTestApp();
  let cookie = '';
  let csrf = '';
  let ministry: BuiltAgency;
  let inspectorate: BuiltAgency;
  let finance: BuiltAgency;
  beforeAll(async () => {
    const { db } = context.database;
    ministry = await buildAgency(db, { name: 'Ministry of Health', acronym: null });
    inspectorate = await buildAgency(db, { name: 'Health Inspectorate', parentId: ministry.id });
    finance = await buildAgency(db, { name: 'Ministry of Finance', sector: 'finance' });
    const signedIn = await signInAs(context.database, 'coordinator');
    cookie = signedIn.cookie;
    csrf = signedIn.csrfToken;
  });
  const form = (url: string, fields: Record<string, string>) =>
    context.app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
    });

  it('offers to add and import agencies to a coordinator, and not to a viewer', async () => {
    const page = await context.app.inject({ method: 'GET', url: '/agencies', headers: { cookie } });
    expect(page.body).toContain('href="/agencies/new"');
    expect(page.body).toContain('href="/agencies/import"');
    const viewer = await signInAs(context.database, 'viewer');
    const asViewer = await context.app.inject({
      method: 'GET',
      url: '/agencies',
      headers: { cookie: viewer.cookie },
    });
    expect(asViewer.body).not.toContain('href="/agencies/new"');
  });

  it('adds an agency through the form and goes back to the list', async () => {
    const response = await form('/agencies/new', {
      name: 'Data Protection Commission',
      acronym: 'DPC',
      level: 'national',
      sector: 'justice',
      parentId: '',
      focalPointEmail: '',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/agencies');
    const list = await context.app.inject({ method: 'GET', url: '/agencies', headers: { cookie } });
    expect(list.body).toContain('Data Protection Commission');
  });

  it('shows each problem beside its field, keeps what was typed, and saves nothing', async () => {
    const response = await form('/agencies/new', {
      name: 'Data Protection Commission',
      acronym: 'DPC',
      level: 'planetary',
      sector: '',
      focalPointEmail: 'stats@',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('id="name-error"');
    expect(response.body).toContain(
      'another agency is already called “Data Protection Commission”',
    );
    expect(response.body).toContain('id="level-error"');
    expect(response.body).toContain('id="sector-error"');
    expect(response.body).toContain('id="focalPointEmail-error"');
    expect(response.body).toContain('value="stats@"');
  });

  it('refuses a form without the session’s CSRF token', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/agencies/new',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=Sneaky&level=local&sector=health',
    });
    expect(response.statusCode).toBe(403);
  });

  it('edits an agency, offering as parent no agency below it', async () => {
    const page = await context.app.inject({
      method: 'GET',
      url: `/agencies/${ministry.id}/edit`,
      headers: { cookie },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="Ministry of Health"');
    expect(page.body).not.toContain(`<option value="${ministry.id}"`);
    expect(page.body).not.toContain(`<option value="${inspectorate.id}"`);
    expect(page.body).toContain(`<option value="${finance.id}"`);

    const saved = await form(`/agencies/${ministry.id}/edit`, {
      name: ministry.name,
      acronym: 'MOH',
      level: ministry.level,
      sector: ministry.sector,
      focalPointEmail: 'cio@moh.gov.example',
    });
    expect(saved.statusCode).toBe(303);
    const stored = await context.database.db
      .selectFrom('agencies')
      .select('focal_point_email')
      .where('id', '=', ministry.id)
      .executeTakeFirstOrThrow();
    expect(stored.focal_point_email).toBe('cio@moh.gov.example');
  });

  it('imports an uploaded CSV file and lists what it added', async () => {
    const { payload, contentType } = multipart(
      { _csrf: csrf },
      {
        name: 'agencies.csv',
        content:
          '\uFEFFname,level,sector,parent\nPort Authority,national,infrastructure,\nPort Security Unit,local,security,Port Authority\n',
      },
    );
    const response = await context.app.inject({
      method: 'POST',
      url: '/agencies/import',
      headers: { cookie, 'content-type': contentType },
      payload,
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('2 agencies imported');
    expect(response.body).toContain('Port Security Unit');
  });

  it('lists every problem of pasted CSV by row, keeps the text, and imports nothing', async () => {
    const csv =
      'name,level,sector,parent\nLake Authority,lakeside,environment,\nLake Unit,local,environment,Lake Authority\n';
    const { payload, contentType } = multipart({ _csrf: csrf, csv });
    const response = await context.app.inject({
      method: 'POST',
      url: '/agencies/import',
      headers: { cookie, 'content-type': contentType },
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('The file has 1 problem, so nothing was imported');
    expect(response.body).toContain('row 2, level: must be national, subnational or local');
    expect(response.body).toContain('Lake Unit,local');
    const stored = await context.database.db
      .selectFrom('agencies')
      .select('id')
      .where('name', 'like', 'Lake%')
      .execute();
    expect(stored).toEqual([]);
  });

  it('explains a file that is not UTF-8, in Spanish too', async () => {
    const { payload, contentType } = multipart(
      { _csrf: csrf },
      {
        name: 'latin1.csv',
        content: Buffer.from(
          'name,level,sector\nMinisterio de Educaci\xf3n,national,education\n',
          'latin1',
        ),
      },
    );
    const response = await context.app.inject({
      method: 'POST',
      url: '/agencies/import?lang=es',
      headers: { cookie, 'content-type': contentType },
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('fila 1: el archivo no es texto UTF-8');
  });
});
