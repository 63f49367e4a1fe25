import { beforeAll, describe, expect, it } from 'vitest';
import { headersOf, signInAs } from '../../../test/accounts.ts';
import { useTestApp } from '../../../test/app.ts';

describe('the agency API', () => {
  const context = useTestApp();
  let headers: Record<string, string> = {};
  beforeAll(async () => {
    headers = headersOf(await signInAs(context.database, 'coordinator'));
  });

  const post = (payload: object) =>
    context.app.inject({ method: 'POST', url: '/api/agencies', headers, payload });
  const auditOf = (entityId: string) =>
    context.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_label', 'details'])
      .where('entity_id', '=', entityId)
      .orderBy('id')
      .execute();

  it('refuses an acronym another agency already has, whatever its case, naming the field', async () => {
    const first = await post({
      name: 'Ministry of Health',
      acronym: 'MOH',
      level: 'national',
      sector: 'health',
    });
    expect(first.statusCode).toBe(201);
    const response = await post({
      name: 'Health Board',
      acronym: 'moh',
      level: 'local',
      sector: 'health',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.fields).toEqual([
      { path: 'body.acronym', message: 'another agency already has the acronym “moh”' },
    ]);
  });

  it('adds an agency, shows it, and records who added it', async () => {
    const response = await post({
      name: 'Ministry of Digital Affairs',
      acronym: 'MDA',
      level: 'national',
      sector: 'Digital',
      focalPointEmail: 'cio@mda.gov.example',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      name: 'Ministry of Digital Affairs',
      acronym: 'MDA',
      level: 'national',
      sector: 'digital',
      parentId: null,
      focalPointEmail: 'cio@mda.gov.example',
    });
    expect(await auditOf(response.json().id)).toEqual([
      {
        action: 'agency.created',
        actor_label: expect.stringContaining('Test coordinator'),
        details: { name: 'Ministry of Digital Affairs' },
      },
    ]);
  });

  it('names every field that is wrong and saves nothing', async () => {
    const response = await post({
      name: ' ',
      acronym: 'A'.repeat(30),
      level: 'national',
      sector: 'what?',
      focalPointEmail: 'nobody',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { path: 'body.name', message: 'enter the agency’s name' },
      { path: 'body.acronym', message: 'must be at most 20 characters' },
      { path: 'body.sector', message: expect.stringContaining('letters a to z') },
      { path: 'body.focalPointEmail', message: expect.stringContaining('email address') },
    ]);
  });

  it('refuses an unknown level, a missing field or a parent that is not an id, naming the field', async () => {
    const response = await post({ name: 'X', level: 'federal', parentId: 'abc' });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.fields.map((field: { path: string }) => field.path);
    expect(paths).toEqual(expect.arrayContaining(['body.level', 'body.sector', 'body.parentId']));
  });

  it('refuses a name already used, whatever its case, with 409 and no 500', async () => {
    await post({ name: 'Tax Office', level: 'national', sector: 'finance' });
    const response = await post({ name: 'tax  office', level: 'local', sector: 'finance' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      code: 'conflict',
      fields: [{ path: 'body.name', message: 'another agency is already called “tax office”' }],
    });
  });

  it('edits an agency and refuses a parent that is itself, below it or unknown', async () => {
    const ministry = (
      await post({ name: 'Ministry of Works', level: 'national', sector: 'infrastructure' })
    ).json();
    const roads = (
      await post({
        name: 'Roads Directorate',
        level: 'national',
        sector: 'infrastructure',
        parentId: ministry.id,
      })
    ).json();
    expect(roads.parentName).toBe('Ministry of Works');
    const put = (id: string, payload: object) =>
      context.app.inject({ method: 'PUT', url: `/api/agencies/${id}`, headers, payload });
    const base = { name: 'Ministry of Works', level: 'national', sector: 'infrastructure' };

    const self = await put(ministry.id, { ...base, parentId: ministry.id });
    expect(self.json().error.fields).toEqual([
      { path: 'body.parentId', message: 'cannot be the agency itself' },
    ]);
    const below = await put(ministry.id, { ...base, parentId: roads.id });
    expect(below.statusCode).toBe(400);
    expect(below.json().error.fields[0].message).toContain('sub-agencies');
    const unknown = await put(ministry.id, {
      ...base,
      parentId: '00000000-0000-4000-8000-000000000009',
    });
    expect(unknown.json().error.fields[0].message).toContain('no such agency');

    const renamed = await put(ministry.id, {
      ...base,
      name: 'Ministry of Public Works',
      acronym: 'MPW',
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Ministry of Public Works', acronym: 'MPW' });
    expect((await auditOf(ministry.id)).at(-1)).toMatchObject({
      action: 'agency.updated',
      details: { name: 'Ministry of Public Works', was: 'Ministry of Works' },
    });
    const missing = await put('00000000-0000-4000-8000-000000000009', base);
    expect(missing.statusCode).toBe(404);
  });

  describe('importing CSV', () => {
    const importCsv = (csv: string) =>
      context.app.inject({
        method: 'POST',
        url: '/api/agencies/import',
        headers: { ...headers, 'content-type': 'text/csv' },
        payload: csv,
      });
    const count = async () =>
      (
        await context.database.db
          .selectFrom('agencies')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;

    it('imports every row, with parents earlier, later or stored, and audits each agency', async () => {
      const response = await importCsv(
        [
          'name,acronym,level,sector,parent,focal point email',
          'Health Regional Office North,HRON,subnational,health,MOHW,',
          'Ministry of Health and Wellbeing,MOHW,national,health,,cio@mohw.gov.example',
          'Customs Directorate,CD,national,finance,Tax Office,',
        ].join('\r\n'),
      );
      expect(response.statusCode).toBe(201);
      const imported = response.json().imported;
      expect(
        imported.map((agency: { row: number; name: string }) => [agency.row, agency.name]),
      ).toEqual([
        [2, 'Health Regional Office North'],
        [3, 'Ministry of Health and Wellbeing'],
        [4, 'Customs Directorate'],
      ]);
      const office = await context.app.inject({
        method: 'GET',
        url: `/api/agencies/${imported[0].id}`,
        headers,
      });
      expect(office.json().parentName).toBe('Ministry of Health and Wellbeing');
      expect(await auditOf(imported[2].id)).toEqual([
        expect.objectContaining({
          action: 'agency.imported',
          details: { name: 'Customs Directorate', row: 4 },
        }),
      ]);
    });

    it('reports each problem by row and column, and imports nothing', async () => {
      const before = await count();
      const response = await importCsv(
        [
          'name,acronym,level,sector,parent,focal point email',
          'Good Agency,GA,local,health,,',
          'Bad Level,,regional,health,,',
          'Orphan,,local,health,Nowhere,',
        ].join('\n'),
      );
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([
        { path: 'row 3.level', message: 'row 3, level: must be national, subnational or local' },
        {
          path: 'row 4.parent',
          message: 'row 4, parent: no agency is called “Nowhere” in the file or the workspace',
        },
      ]);
      expect(await count()).toBe(before);
    });

    it('refuses malformed CSV and a body that is not CSV', async () => {
      const malformed = await importCsv('name,level,sector\n"Broken,local,health\n');
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().error.fields[0].message).toMatch(/^row 2: the file is not valid CSV/);
      const json = await context.app.inject({
        method: 'POST',
        url: '/api/agencies/import',
        headers,
        payload: { csv: 1 },
      });
      expect(json.statusCode).toBe(400);
    });
  });
});
