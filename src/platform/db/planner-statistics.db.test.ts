// The embedded database has no autovacuum: statistics for the planner come
// from gatherPlannerStatistics, or its plans stay those of empty tables.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/databases.ts';
import { buildAgency } from '../../../test/factories/agencies.ts';
import { buildWorkspace } from '../../../test/factories/workspace.ts';
import { analyseGrownTables, gatherPlannerStatistics } from './planner-statistics.ts';

describe('planner statistics', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('empty');
    await buildWorkspace(database.db);
    for (let i = 0; i < 40; i++) await buildAgency(database.db);
  });
  afterAll(() => database?.drop());

  const estimatedAgencies = async () =>
    Number(
      (
        await sql<{ rows: number }>`
          select reltuples as rows from pg_class where relname = 'agencies'
        `.execute(database.db)
      ).rows[0]?.rows,
    );

  it('tells the embedded database’s planner how many rows a table holds; a server’s autovacuum does that itself', async () => {
    const before = await estimatedAgencies();
    await gatherPlannerStatistics(database);
    const after = await estimatedAgencies();
    if (database.kind === 'pglite') {
      expect(before).not.toBe(40);
      expect(after).toBe(40);
    } else {
      // Left to the server: nothing is run, so nothing changes here.
      expect(after).toBe(before);
    }
  });

  it('analyses again a table of the embedded database that has doubled since, and only it', async () => {
    await gatherPlannerStatistics(database);
    expect(await analyseGrownTables(database)).toEqual([]);
    for (let i = 0; i < 400; i++) await buildAgency(database.db);
    const analysed = await analyseGrownTables(database);
    if (database.kind === 'pglite') {
      expect(analysed).toEqual(['agencies']);
      // From a sample of the table, so close to its rows rather than exact.
      expect(await estimatedAgencies()).toBeGreaterThan(400);
      expect(await analyseGrownTables(database)).toEqual([]);
    } else {
      // The server's autovacuum analyses it when it sees fit.
      expect(analysed).toEqual([]);
    }
  });
});
