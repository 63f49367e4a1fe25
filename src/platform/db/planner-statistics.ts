// PostgreSQL plans each query from table statistics, which a server's
// autovacuum gathers as tables grow. The embedded database runs no
// autovacuum, so without ANALYZE it plans every query as for the tables it
// had at first. Measured (bench/save-load.ts, 10,000 invitations, 200
// respondents autosaving): 1,067 saves/s with a 99th percentile of 2.5 s
// before statistics, 5,159 saves/s and 68 ms after. So the embedded database
// gathers them when a server starts and every quarter of an hour.
//
// A quarter of an hour is too long for a table that grows fast, such as the
// responses of a round just opened. Plans the database keeps for the life of
// its one connection (foreign-key checks, PL/pgSQL functions) are made once,
// on the table's size at the time, and only new statistics replace them. On
// a new workspace's first round, each save's check that its response exists
// scanned the whole table (a group of 100 saves: 162 ms with 10,000
// responses, 13 ms after ANALYZE), and 2,000 saves/s offered were answered in
// 3.5 s at the median (bench/save-load.ts, `_first_round`; 5 ms since). So a
// table is also analysed as soon as it has doubled since its statistics were
// gathered, which its size on disk tells without counting rows.
//
// The embedded database answers nothing else while it analyses: one table at
// a time, so requests are served between tables, and a grown table with a
// tenth of the usual sample (a big table in 10–15 ms instead of 100–150 ms).
import { sql } from 'kysely';
import type { Database } from './database.ts';

export const STATISTICS_EVERY_MS = 15 * 60_000;
export const GROWTH_CHECK_EVERY_MS = 10_000;

/** A table is analysed again once it has this many times its pages analysed, and at least GROWTH_PAGES more. */
const GROWTH_FACTOR = 2;
const GROWTH_PAGES = 4;
/** PostgreSQL's default is 100 (a sample of 30,000 rows): enough for sizes and plans at a tenth. */
const GROWN_STATISTICS_TARGET = 10;

/** Brings the planner's statistics up to date where nothing else does (the embedded database). */
export async function gatherPlannerStatistics(database: Database): Promise<void> {
  if (database.kind !== 'pglite') return;
  const tables = await sql<{ name: string }>`
    select relname as name from pg_class
    where relkind = 'r' and relnamespace = current_schema()::regnamespace
    order by relname
  `.execute(database.db);
  for (const { name } of tables.rows) await sql`analyze ${sql.table(name)}`.execute(database.db);
}

/**
 * Analyses the embedded database's tables that have grown since their
 * statistics were gathered; returns their names.
 */
export async function analyseGrownTables(database: Database): Promise<string[]> {
  if (database.kind !== 'pglite') return [];
  const grown = await sql<{ name: string }>`
    select relname as name from pg_class
    where relkind = 'r' and relnamespace = current_schema()::regnamespace
      and pg_relation_size(oid) / current_setting('block_size')::integer
          >= greatest(relpages + ${GROWTH_PAGES}::integer, relpages * ${GROWTH_FACTOR}::integer)
    order by relname
  `.execute(database.db);
  const names = grown.rows.map((row) => row.name);
  for (const name of names) {
    await database.db.transaction().execute(async (tx) => {
      await sql`set local default_statistics_target = ${sql.lit(GROWN_STATISTICS_TARGET)}`.execute(
        tx,
      );
      await sql`analyze ${sql.table(name)}`.execute(tx);
    });
  }
  return names;
}
