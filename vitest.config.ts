// One suite, every backend: unit tests once; database and HTTP tests (*.db.test.ts)
// on the embedded database and, when TRANSFORMA_TEST_POSTGRES_URL names a
// PostgreSQL server, again on it; browser journeys in Debian's Chromium.
import { defineConfig } from 'vitest/config';

const postgresUrl = process.env.TRANSFORMA_TEST_POSTGRES_URL;
const databaseTests = ['src/**/*.db.test.{ts,tsx}'];

function databaseProject(
  kind: 'pglite' | 'postgres',
  name: string = kind,
  include = databaseTests,
  // A journey that checks a dozen pages with axe in two languages takes tens of seconds on two busy cores.
  testTimeout = 30_000,
) {
  return {
    extends: true as const,
    test: {
      name,
      include,
      globalSetup: ['test/global-setup.ts'],
      env: { TRANSFORMA_TEST_DB: kind, TRANSFORMA_TEST_POSTGRES_URL: postgresUrl ?? '' },
      testTimeout,
      hookTimeout: 60_000,
    },
  };
}

if (!postgresUrl) {
  console.log(
    'TRANSFORMA_TEST_POSTGRES_URL is not set: database tests run on the embedded database only.',
  );
}

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.{ts,tsx}'], exclude: databaseTests },
      },
      databaseProject('pglite'),
      ...(postgresUrl ? [databaseProject('postgres')] : []),
      databaseProject('pglite', 'browser', ['test/browser/**/*.browser.test.ts'], 120_000),
      databaseProject('pglite', 'durability', ['test/durability/**/*.durability.test.ts']),
    ],
  },
});
