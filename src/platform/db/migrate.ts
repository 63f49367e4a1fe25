// Applies the SQL migrations in ./migrations, in file-name order, each once.
// Migrations are append-only: a file that has run is never edited.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from './database.ts';

const migrationsDir = path.join(import.meta.dirname, 'migrations');

// Any fixed number: several app processes starting at once against one
// PostgreSQL server take turns, so each migration runs exactly once.
const MIGRATION_LOCK = 727_001;

export async function migrate(database: Database): Promise<string[]> {
  const files = readdirSync(migrationsDir)
    .filter((file) => file.endsWith('.sql'))
    .sort();
  return database.inScriptTransaction(async (session) => {
    if (database.kind === 'postgres') {
      await session.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    }
    await session.exec(
      `create table if not exists schema_migrations (
         name text primary key,
         applied_at timestamptz not null default now()
       )`,
    );
    const applied = new Set(
      (await session.query<{ name: string }>('select name from schema_migrations')).map(
        (row) => row.name,
      ),
    );
    const pending = files.filter((file) => !applied.has(file));
    for (const file of pending) {
      await session.exec(readFileSync(path.join(migrationsDir, file), 'utf8'));
      await session.query('insert into schema_migrations (name) values ($1)', [file]);
    }
    return pending;
  });
}
