// Lenses and crosswalks through the API: the reference ones listed and
// exported as imported, an import that stores a valid file and answers with
// what it leaves out, and a broken file that hears of every problem and
// stores nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { headersOf, signInAs } from '../../../test/accounts.ts';
import { useTestApp } from '../../../test/app.ts';

const frameworksDir = path.join(import.meta.dirname, '..', '..', '..', 'frameworks');
const readJson = (file: string) =>
  JSON.parse(readFileSync(path.join(frameworksDir, file), 'utf8')) as Record<string, unknown>;

/** A lens of two dimensions on 0–10, and a crosswalk of dgca onto it. */
const cityLens = () => ({
  key: 'city-lens',
  version: '1.0.0',
  defaultLanguage: 'en',
  name: { en: 'City lens', es: 'Lente de ciudad' },
  scale: { min: 0, max: 10 },
  levels: [
    { key: 'low', name: { en: 'Low', es: 'Bajo' }, minScore: 0 },
    { key: 'high', name: { en: 'High', es: 'Alto' }, minScore: 5 },
  ],
  dimensions: [
    { code: 'PEO', name: { en: 'People', es: 'Personas' } },
    { code: 'TEC', name: { en: 'Technology', es: 'Tecnología' } },
  ],
});
const cityCrosswalk = (mappings?: unknown[]) => ({
  key: 'dgca-to-city-lens',
  version: '1.0.0',
  defaultLanguage: 'en',
  name: { en: 'DGCA through the city lens' },
  from: { framework: 'dgca', version: '1.1.0' },
  to: { lens: 'city-lens', version: '1.0.0' },
  mappings: mappings ?? [
    { source: 'PWD-GEN', target: 'PEO', rationale: { en: 'Workforce is people.' } },
    { source: 'TEC-GEN', target: 'TEC', weight: 2, rationale: { en: 'Infrastructure.' } },
    { source: 'TEC12', target: 'PEO', rationale: { en: 'A CISO is a person.' } },
  ],
});

describe('the lens and crosswalk API', () => {
  const context = useTestApp();
  let headers: Record<string, string>;
  beforeAll(async () => {
    headers = headersOf(await signInAs(context.database, 'coordinator'));
  });
  const post = (url: string, payload: unknown) =>
    context.app.inject({ method: 'POST', url, headers, payload: payload as object });
  const stored = async () =>
    (await context.database.db.selectFrom('crosswalks').select('key').orderBy('key').execute()).map(
      (row) => row.key,
    );

  it('lists the reference lenses and crosswalks, and exports each as the file imported', async () => {
    const lenses = await context.app.inject({ method: 'GET', url: '/api/lenses' });
    expect(lenses.json().lenses.map((lens: { key: string }) => lens.key)).toEqual([
      'dgra',
      'oecd-dgi',
    ]);
    const crosswalks = await context.app.inject({ method: 'GET', url: '/api/crosswalks' });
    expect(crosswalks.json().crosswalks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          key: 'dgca-to-nine-pillars',
          from: { framework: 'dgca', version: '1.1.0' },
          to: { kind: 'framework', key: 'nine-pillars', version: '1.1.0' },
        }),
      ]),
    );
    const exported = await context.app.inject({
      method: 'GET',
      url: '/api/crosswalks/dgca-to-dgra/versions/1.0.0',
    });
    expect(exported.json()).toEqual(readJson('crosswalks/dgca-to-dgra.json'));
    const lens = await context.app.inject({
      method: 'GET',
      url: '/api/lenses/dgra/versions/1.0.0',
    });
    expect(lens.json()).toEqual(readJson('lenses/dgra.json'));
    const missing = await context.app.inject({
      method: 'GET',
      url: '/api/lenses/dgra/versions/9.0.0',
    });
    expect(missing.statusCode).toBe(404);
  });

  it('refuses a crosswalk onto a lens not stored yet, then imports both and lists the items left out', async () => {
    const early = await post('/api/crosswalks', cityCrosswalk());
    expect(early.statusCode).toBe(422);
    expect(early.json().error.fields).toEqual([
      { path: 'to', message: 'no lens "city-lens" version 1.0.0 is stored; import it first' },
    ]);
    const lens = await post('/api/lenses', cityLens());
    expect(lens.statusCode).toBe(201);
    const imported = await post('/api/crosswalks', cityCrosswalk());
    expect(imported.statusCode).toBe(201);
    const body = imported.json();
    expect(body).toMatchObject({
      key: 'dgca-to-city-lens',
      mappings: 3,
      coverage: { targetsWithoutMappings: [] },
    });
    expect(body.coverage.unmappedItems).toContain('LEA01');
    expect(body.coverage.unmappedItems).not.toContain('TEC12');
    expect(body.coverage.unmappedItems).not.toContain('PWD03');
    expect((await post('/api/crosswalks', cityCrosswalk())).statusCode).toBe(200);
    const changed = await post(
      '/api/crosswalks',
      cityCrosswalk([{ source: 'PWD-GEN', target: 'PEO', rationale: { en: 'Other words.' } }]),
    );
    expect(changed.statusCode).toBe(409);
    const audit = await context.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', 'in', [lens.json().id, body.id])
      .orderBy('action')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(['crosswalk.imported', 'lens.imported']);
  });

  it('reports every problem of a broken crosswalk with its path, and stores nothing', async () => {
    const before = await stored();
    const response = await post('/api/crosswalks', {
      ...cityCrosswalk([
        { source: 'XYZ01', target: 'PEO', rationale: { en: 'Unknown item.' } },
        { source: 'PWD-GEN', target: 'NOPE', rationale: { en: 'Unknown target.' } },
        { source: 'TEC-GEN', target: 'TEC', weight: -1, rationale: { en: 'Negative.' } },
        { source: 'TEC01', target: 'TEC', rationale: { en: 'Counted twice.' } },
      ]),
      key: 'broken',
    });
    expect(response.statusCode).toBe(422);
    const { fields } = response.json().error;
    expect(fields.map((field: { path: string }) => field.path).sort()).toEqual([
      'mappings[0].source',
      'mappings[1].target',
      'mappings[2].weight',
      'mappings[3].source',
    ]);
    expect(await stored()).toEqual(before);
  });

  it('lets only admins and coordinators import', async () => {
    const viewer = headersOf(await signInAs(context.database, 'viewer'));
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/lenses',
      headers: viewer,
      payload: { ...cityLens(), key: 'viewer-lens' },
    });
    expect(response.statusCode).toBe(403);
  });
});
