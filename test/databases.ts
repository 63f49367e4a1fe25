// Test databases on either backend, chosen by TRANSFORMA_TEST_DB (pglite or
// postgres). Both start from templates made once per run by global-setup.ts:
// `empty` (migrated, reference frameworks installed), where tests build their
// own data (test/factories/), and `demo` (plus Sumwhere), for the demo's own
// tests and the browser journeys only.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import {
  type Database,
  openPostgres,
  pgliteOptions,
  usePglite,
} from '../src/platform/db/database.ts';

export type Template = 'empty' | 'demo';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase:
      | { kind: 'pglite'; templates: Record<Template, string> }
      | { kind: 'postgres'; adminUrl: string; templates: Record<Template, string> };
  }
}

export interface TestDatabase extends Database {
  /** Closes the database and removes it. */
  drop(): Promise<void>;
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function openTestDatabase(template: Template = 'empty'): Promise<TestDatabase> {
  const setup = inject('testDatabase');
  if (setup.kind === 'pglite') {
    const dump = await readFile(setup.templates[template]);
    const database = usePglite(
      await PGlite.create({ ...pgliteOptions, loadDataDir: new Blob([dump]) }),
    );
    return { ...database, drop: () => database.close() };
  }
  const name = `transforma_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: setup.adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${setup.templates[template]}`);
  } finally {
    await admin.end();
  }
  const database = await openPostgres(databaseUrl(setup.adminUrl, name));
  return {
    ...database,
    async drop() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: setup.adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
