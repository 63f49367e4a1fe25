import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/databases.ts';
import { migrate } from './migrate.ts';

describe('migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('empty');
  });
  afterAll(() => database.drop());

  it('run once: a second start applies nothing and keeps the data', async () => {
    await database.db
      .insertInto('workspaces')
      .values({ id: 'w', name: 'Somewhere', default_language: 'en', languages: ['en'] })
      .execute();
    expect(await migrate(database)).toEqual([]);
    const rows = await database.db.selectFrom('workspaces').select('name').execute();
    expect(rows).toEqual([{ name: 'Somewhere' }]);
  });

  it('reads dates as plain dates and counts as numbers on every backend', async () => {
    const row = await database.db
      .selectNoFrom((eb) => [
        eb.val('2025-04-30').$castTo<string>().as('raw'),
        eb.cast<string>(eb.val('2025-04-30'), 'date').as('day'),
        eb.fn.countAll<number>().as('count'),
      ])
      .executeTakeFirstOrThrow();
    expect(row.day).toBe('2025-04-30');
    expect(row.count).toBe(1);
  });
});
