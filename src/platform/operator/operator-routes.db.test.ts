import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/databases.ts';
import { readReferenceFramework } from '../../../test/frameworks.ts';
import { buildApp } from '../../app.ts';
import { findFramework } from '../../assessment/frameworks/framework-store.ts';
import type { App } from '../http/feature.ts';
import { OPERATOR_HEADER } from './operator-routes.ts';

describe('the command line asking the running server for a backup', () => {
  const secret = 'operator-secret-for-tests-0123456789abcdef';
  let database: TestDatabase;
  let app: App;
  beforeAll(async () => {
    database = await openTestDatabase('empty');
    app = await buildApp({ database, operatorSecret: secret });
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('answers 404 to anyone without the secret, as if there were no such route', async () => {
    for (const headers of [
      {},
      { [OPERATOR_HEADER]: 'guess' },
      { [OPERATOR_HEADER]: `${secret.slice(0, -1)}x` },
    ]) {
      for (const [method, url] of [
        ['POST', '/internal/backup'],
        ['POST', '/internal/frameworks'],
        ['GET', '/internal/frameworks/dgca'],
      ] as const) {
        const response = await app.inject({ method, url, headers, payload: {} });
        expect(response.statusCode).toBe(404);
      }
    }
    expect(await findFramework(database.db, 'nine-pillars', '7.0.0')).toBeUndefined();
  });

  it('imports and exports a framework for the command line while the server holds the database', async () => {
    const headers = { [OPERATOR_HEADER]: secret };
    const document = { ...readReferenceFramework('nine-pillars'), version: '7.0.0' };
    const imported = await app.inject({
      method: 'POST',
      url: '/internal/frameworks',
      headers,
      payload: document,
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toEqual({ key: 'nine-pillars', version: '7.0.0', outcome: 'created' });
    const exported = await app.inject({
      method: 'GET',
      url: '/internal/frameworks/nine-pillars?version=7.0.0',
      headers,
    });
    expect(exported.json()).toEqual(document);
    // Problems come back as JSON naming each field, for the command line to print.
    const refused = await app.inject({
      method: 'POST',
      url: '/internal/frameworks',
      headers,
      payload: { ...document, version: '7.0.1', scales: 'none' },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: expect.stringContaining('scales') }),
      ]),
    );
    const missing = await app.inject({ method: 'GET', url: '/internal/frameworks/none', headers });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toContain('no framework "none"');
  });

  it.skipIf(process.env.TRANSFORMA_TEST_DB !== 'pglite')(
    'sends a gzipped snapshot of the embedded database to the holder of the secret',
    async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/internal/backup',
        headers: { [OPERATOR_HEADER]: secret },
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/gzip');
      expect(gunzipSync(response.rawPayload).length).toBeGreaterThan(1_000_000);
    },
  );
});
