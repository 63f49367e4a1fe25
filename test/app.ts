// An app over a fresh test database, for HTTP tests through app.inject. The
// database is the empty template (migrated, reference frameworks installed, no
// workspace): each test builds what it needs with test/factories/.
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../src/app.ts';
import type { App } from '../src/platform/http/feature.ts';
import { openTestDatabase, type TestDatabase } from './databases.ts';

export interface TestApp {
  app: App;
  database: TestDatabase;
}

/** Opens an app for the tests of one file and closes it after them. */
export function useTestApp(): TestApp {
  const context = {} as TestApp;
  beforeAll(async () => {
    context.database = await openTestDatabase('empty');
    context.app = await buildApp({ database: context.database });
    await context.app.ready();
  });
  afterAll(async () => {
    await context.app?.close();
    await context.database?.drop();
  });
  return context;
}
