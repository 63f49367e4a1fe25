// Runs once per test project: builds the template databases every test file
// starts from, on the backend the project names (TRANSFORMA_TEST_DB).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { installReferenceCrosswalks } from '../src/assessment/crosswalks/import-crosswalk.ts';
import { installReferenceFrameworks } from '../src/assessment/frameworks/import-framework.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import {
  type Database,
  openPostgres,
  pgliteOptions,
  usePglite,
} from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { databaseUrl, type Template } from './databases.ts';

async function prepare(database: Database, template: Template) {
  await migrate(database);
  await installReferenceFrameworks(database.db);
  await installReferenceCrosswalks(database.db);
  if (template === 'demo') await loadDemo(database.db);
}

export default async function setup(project: TestProject) {
  const kind = project.config.env.TRANSFORMA_TEST_DB;
  if (kind === 'postgres') {
    const adminUrl = project.config.env.TRANSFORMA_TEST_POSTGRES_URL;
    if (!adminUrl)
      throw new Error(
        'TRANSFORMA_TEST_POSTGRES_URL must name a PostgreSQL server for the postgres tests',
      );
    const suffix = `${process.pid}`;
    const templates = {
      empty: `transforma_template_empty_${suffix}`,
      demo: `transforma_template_demo_${suffix}`,
    };
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    for (const [template, name] of Object.entries(templates) as [Template, string][]) {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
      const database = await openPostgres(databaseUrl(adminUrl, name));
      await prepare(database, template);
      await database.close();
    }
    await admin.end();
    project.provide('testDatabase', { kind: 'postgres', adminUrl, templates });
    return async () => {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      for (const name of Object.values(templates))
        await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    };
  }

  const dir = await mkdtemp(path.join(tmpdir(), 'transforma-test-'));
  const templates = { empty: path.join(dir, 'empty.tar'), demo: path.join(dir, 'demo.tar') };
  for (const [template, file] of Object.entries(templates) as [Template, string][]) {
    const pglite = await PGlite.create(pgliteOptions);
    const database = usePglite(pglite);
    await prepare(database, template);
    const dump = await pglite.dumpDataDir('none');
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    await database.close();
  }
  project.provide('testDatabase', { kind: 'pglite', templates });
  return () => rm(dir, { recursive: true, force: true });
}
