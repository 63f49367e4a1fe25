// The save log (response_saves) kept to its purpose: it answers a retried
// save with the outcome of the first, and a retry comes within minutes, hours
// at most, of the save it repeats. Entries older than SAVE_LOG_KEPT_HOURS are
// removed, so the log holds about a day of saves however long a round runs.
// Past that, a save sent again is still harmless: each answer carries the time
// it was changed and replaces only an answer changed earlier, so a late replay
// cannot undo a later change; it is only no longer recognised as a retry.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { Schema } from '../../platform/db/schema.ts';

export const SAVE_LOG_KEPT_HOURS = 24;

// Rows per delete: each batch is a short transaction of its own, so saves
// arriving meanwhile (on the embedded database, one connection) wait little.
const BATCH = 5000;

/** Removes the save-log entries older than `before`; returns how many. */
export async function pruneSaveLog(
  database: Database,
  before: Date,
  batch: number = BATCH,
): Promise<number> {
  let removed = 0;
  for (;;) {
    const deleted = await deleteBatch(database.db, before, batch);
    removed += deleted;
    if (deleted < batch) break;
  }
  // The embedded database runs no autovacuum: without this, the space of the
  // removed rows is never used again and the table keeps growing.
  if (removed > 0 && database.kind === 'pglite')
    await sql`vacuum response_saves`.execute(database.db);
  return removed;
}

async function deleteBatch(db: Kysely<Schema>, before: Date, batch: number): Promise<number> {
  const result = await sql`
    delete from response_saves
    where ctid = any (array(
      select ctid from response_saves where saved_at < ${before} limit ${batch}
    ))
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
