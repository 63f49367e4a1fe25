// What a start does to the database before anything else: migrations, the
// reference frameworks and, for a server, the first workspace (or the demo)
// and the first admin. Several processes may start at once against one
// PostgreSQL server: the whole of it runs under one advisory lock, so they
// take turns, and each step looks before it writes, so the later ones find
// the work done and change nothing.
import { sql } from 'kysely';
import { installReferenceCrosswalks } from './assessment/crosswalks/index.ts';
import { installReferenceFrameworks } from './assessment/frameworks/index.ts';
import type { SumwhereDemo } from './demo/index.ts';
import { isEmpty, loadDemo } from './demo/index.ts';
import { ensureFirstAdmin, type FirstAdminOutcome } from './platform/accounts/first-admin.ts';
import type { Database } from './platform/db/database.ts';
import { migrate } from './platform/db/migrate.ts';
import { gatherPlannerStatistics } from './platform/db/planner-statistics.ts';
import {
  createWorkspace,
  requireWorkspace,
  type Workspace,
} from './platform/workspaces/workspace-store.ts';

// Any fixed number other than the migrations' own (which migrate takes inside).
const STARTUP_LOCK = 727_002;

/**
 * Runs `work` while holding the start-up lock. On PostgreSQL the lock is held
 * by a connection of its own, so `work` uses the pool as usual; the embedded
 * database is opened by one process only (data-folder-lock.ts) and needs none.
 */
export async function underStartupLock<T>(database: Database, work: () => Promise<T>): Promise<T> {
  if (database.kind !== 'postgres') return work();
  return database.db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${STARTUP_LOCK})`.execute(connection);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${STARTUP_LOCK})`.execute(connection);
    }
  });
}

/** Migrations, the reference frameworks, lenses and crosswalks: what every command needs. */
export function prepareDatabase(database: Database): Promise<void> {
  return underStartupLock(database, async () => {
    await migrate(database);
    await installReferenceFrameworks(database.db);
    await installReferenceCrosswalks(database.db);
  });
}

export interface StartOptions {
  /** An empty database gets the Sumwhere demo instead of an empty workspace. */
  demo: boolean;
  workspaceName: string;
  firstAdmin: { email: string; password: string; name: string } | undefined;
  publicUrl: string;
}

export interface Started {
  workspace: Workspace;
  /** The demo, when this start created it. */
  demo: SumwhereDemo | undefined;
  admin: FirstAdminOutcome;
}

/** Everything a server needs before it listens, done once whoever starts first. */
export function startServerDatabase(database: Database, options: StartOptions): Promise<Started> {
  return underStartupLock(database, async () => {
    await migrate(database);
    await installReferenceFrameworks(database.db);
    await installReferenceCrosswalks(database.db);
    let demo: SumwhereDemo | undefined;
    if (await isEmpty(database.db)) {
      if (options.demo) {
        demo = await loadDemo(database.db);
      } else {
        await createWorkspace(database.db, {
          id: 'default',
          name: options.workspaceName,
          defaultLanguage: 'en',
          languages: ['en', 'es'],
        });
      }
    }
    const workspace = await requireWorkspace(database.db);
    const admin = await ensureFirstAdmin(database.db, workspace.id, options);
    await gatherPlannerStatistics(database);
    return { workspace, demo, admin };
  });
}
