import { beforeAll, describe, expect, it } from 'vitest';
import { headersOf, signInAs } from '../../../test/accounts.ts';
import { useTestApp } from '../../../test/app.ts';
import { buildFramework, readReferenceFramework } from '../../../test/frameworks.ts';

describe('the framework API', () => {
  const context = useTestApp();
  let headers: Record<string, string> = {};
  beforeAll(async () => {
    headers = headersOf(await signInAs(context.database, 'coordinator'));
  });
  const frameworkRows = async () =>
    (
      await context.database.db
        .selectFrom('frameworks')
        .select(['key', 'version'])
        .orderBy('key')
        .execute()
    ).map((row) => `${row.key}@${row.version}`);

  it('lists the reference frameworks with their counts', async () => {
    const response = await context.app.inject({ method: 'GET', url: '/api/frameworks' });
    expect(response.statusCode).toBe(200);
    const counts = response
      .json()
      .frameworks.map((f: Record<string, unknown>) => [
        f.key,
        f.dimensions,
        f.subdimensions,
        f.items,
      ]);
    expect(counts).toEqual([
      ['dgca', 6, 20, 94],
      ['nine-pillars', 9, 9, 9],
    ]);
  });

  it('exports a framework as the file that was imported', async () => {
    const response = await context.app.inject({
      method: 'GET',
      url: '/api/frameworks/dgca/versions/1.1.0',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(readReferenceFramework('dgca'));
  });

  it('imports a new framework, and re-importing the same file changes nothing', async () => {
    const file = buildFramework({ key: 'city-digital', version: '2.1' });
    const first = await context.app.inject({
      method: 'POST',
      url: '/api/frameworks',
      headers,
      payload: file,
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      key: 'city-digital',
      version: '2.1',
      dimensions: 2,
      items: 3,
    });
    const audit = await context.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'actor_label', 'details'])
      .where('action', '=', 'framework.imported')
      .where('entity_id', '=', first.json().id)
      .execute();
    expect(audit).toEqual([
      {
        action: 'framework.imported',
        entity_id: first.json().id,
        actor_label: expect.stringContaining('Test coordinator'),
        details: { key: 'city-digital', version: '2.1' },
      },
    ]);
    const again = await context.app.inject({
      method: 'POST',
      url: '/api/frameworks',
      headers,
      payload: file,
    });
    expect(again.statusCode).toBe(200);
    const exported = await context.app.inject({
      method: 'GET',
      url: '/api/frameworks/city-digital',
    });
    expect(exported.json()).toEqual(file);
  });

  it('refuses a changed file under a version that exists, naming the version field', async () => {
    const file = buildFramework({ key: 'city-digital', version: '2.1', name: { en: 'Renamed' } });
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/frameworks',
      headers,
      payload: file,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      code: 'conflict',
      fields: [{ path: 'version' }],
    });
  });

  it('reports every problem of a malformed file with its path, and stores nothing', async () => {
    const before = await frameworkRows();
    const file = buildFramework({ key: 'broken' });
    file.dimensions[1]!.subdimensions[0]!.items[0]!.code = 'AAA01';
    file.dimensions[0]!.subdimensions[0]!.items[1]!.scale = 'missing';
    (file.maturityLevels[1] as { minScore: unknown }).minScore = 'high';
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/frameworks',
      headers,
      payload: file,
    });
    expect(response.statusCode).toBe(422);
    const { error } = response.json();
    expect(error.code).toBe('invalid_framework');
    expect(error.message).toBe('The framework file has 3 problems; nothing was imported');
    expect(error.fields).toEqual(
      expect.arrayContaining([
        { path: 'maturityLevels[1].minScore', message: 'must be a number' },
        {
          path: 'dimensions[1].subdimensions[0].items[0].code',
          message:
            'duplicate code "AAA01", first used at dimensions[0].subdimensions[0].items[0].code',
        },
        {
          path: 'dimensions[0].subdimensions[0].items[1].scale',
          message: 'unknown scale "missing"; the scales are "agreement"',
        },
      ]),
    );
    expect(await frameworkRows()).toEqual(before);
  });

  it('answers a body that is not JSON with a 400, not a crash', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/frameworks',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"key": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_request');
  });

  it('answers 404 naming what is missing for an unknown framework or version', async () => {
    const unknown = await context.app.inject({ method: 'GET', url: '/api/frameworks/nothing' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe('There is no framework "nothing"');
    const version = await context.app.inject({
      method: 'GET',
      url: '/api/frameworks/dgca/versions/9.9.9',
    });
    expect(version.json().error.message).toBe('Framework "dgca" has no version 9.9.9');
  });
});
