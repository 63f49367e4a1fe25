// PostgreSQL plans each query from table statistics, which a server's
// autovacuum gathers as tables grow. The embedded database runs no
// autovacuum, so without ANALYZE it plans every query as for the tables it
// had at first. Measured (bench/save-load.ts, 10,000 invitations, 200
// respondents autosaving): 1,067 saves/s with a 99th percentile of 2.5 s
// before statistics, 5,159 saves/s and 68 ms after. So the embedded database
// gathers them when a server starts and every quarter of an hour.
import { sql } from 'kysely';
import type { Database } from './database.ts';

export const STATISTICS_EVERY_MS = 15 * 60_000;

/** Brings the planner's statistics up to date where nothing else does (the embedded database). */
export async function gatherPlannerStatistics(database: Database): Promise<void> {
  if (database.kind === 'pglite') await sql`analyze`.execute(database.db);
}
