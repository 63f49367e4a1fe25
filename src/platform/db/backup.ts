// Backup and restore of the embedded database, and the integrity check a
// restored copy must pass before it replaces anything.
import { existsSync, readdirSync, renameSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { type Database, pgliteOptions, usePglite } from './database.ts';
import { syncFolder } from './durable-node-fs.ts';

const migrationsDir = path.join(import.meta.dirname, 'migrations');

export async function writeSnapshot(database: Database, file: string): Promise<number> {
  if (!database.snapshot)
    throw new Error(
      'Back up a PostgreSQL server with pg_dump; transforma backup is for the embedded database',
    );
  const bytes = new Uint8Array(await (await database.snapshot()).arrayBuffer());
  await writeFile(file, bytes);
  return bytes.length;
}

export interface IntegrityReport {
  ok: boolean;
  problems: string[];
  /** Rows per table, for the operator to compare with what they expect. */
  counts: Record<string, number>;
}

const tables = [
  'workspaces',
  'agencies',
  'frameworks',
  'rounds',
  'round_agencies',
  'invitations',
  'responses',
  'answers',
  'users',
  'memberships',
  'sessions',
  'audit_log',
] as const;

/**
 * No migration from a newer Transforma (older ones are applied at start),
 * every table readable, and the links between responses, invitations and
 * answers whole.
 */
export async function checkIntegrity(database: Database): Promise<IntegrityReport> {
  const problems: string[] = [];
  const counts: Record<string, number> = {};
  const { db } = database;
  const applied = new Set(
    (await sql<{ name: string }>`select name from schema_migrations`.execute(db)).rows.map(
      (row) => row.name,
    ),
  );
  const known = new Set(readdirSync(migrationsDir).filter((name) => name.endsWith('.sql')));
  for (const name of applied) {
    if (!known.has(name))
      problems.push(`migration ${name} comes from a newer version of Transforma`);
  }
  for (const table of tables) {
    const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    counts[table] = Number(row.rows[0]?.n ?? 0);
  }
  const mismatched = await sql<{ n: number }>`
    select count(*) as n from responses r join invitations i on i.id = r.invitation_id
    where i.round_id <> r.round_id or i.agency_id <> r.agency_id`.execute(db);
  if (Number(mismatched.rows[0]?.n) > 0)
    problems.push(`${mismatched.rows[0]?.n} responses do not match their invitation`);
  const orphans = await sql<{ n: number }>`
    select count(*) as n from answers a left join responses r on r.id = a.response_id where r.id is null`.execute(
    db,
  );
  if (Number(orphans.rows[0]?.n) > 0)
    problems.push(`${orphans.rows[0]?.n} answers belong to no response`);
  return { ok: problems.length === 0, problems, counts };
}

/**
 * Restores a snapshot into `dataDir`. The snapshot is first opened and checked
 * in memory; only a copy that passes replaces the folder, and the folder it
 * replaces is kept beside it.
 */
export async function restoreSnapshot(
  file: string,
  dataDir: string,
): Promise<{ report: IntegrityReport; keptAs?: string }> {
  const snapshot = new Blob([await readFile(file)]);
  const trial = usePglite(await PGlite.create({ ...pgliteOptions, loadDataDir: snapshot }));
  const report = await checkIntegrity(trial).finally(() => trial.close());
  if (!report.ok) return { report };
  let keptAs: string | undefined;
  if (existsSync(dataDir)) {
    keptAs = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dataDir, keptAs);
  }
  const restored = usePglite(
    await PGlite.create(dataDir, { ...pgliteOptions, loadDataDir: snapshot }),
  );
  await restored.close();
  // Written without syncing (the restore's PGlite is not the server's): on disk before it is used.
  syncFolder(dataDir);
  return { report, ...(keptAs ? { keptAs } : {}) };
}
