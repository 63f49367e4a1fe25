import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/databases.ts';
import { type App, buildApp } from '../http/app.ts';
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
      const response = await app.inject({ method: 'POST', url: '/internal/backup', headers });
      expect(response.statusCode).toBe(404);
    }
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
