// Small-number protection of the demo's two rounds against the attacker of
// test/attacker.ts, at the default threshold and at 8 (where a third of the
// demo's agencies are hidden): every total of every filter, both rounds, and
// every total and agency read through each shipped crosswalk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attack } from '../../test/attacker.ts';
import { crosswalkView } from '../../test/crosswalk-view.ts';
import { openTestDatabase, type TestDatabase } from '../../test/databases.ts';
import { readingsFor } from '../assessment/crosswalks/crosswalk-lookup.ts';
import { openResults } from '../assessment/results/store/open-results.ts';

describe('the demo’s results against an attacker', () => {
  let database: TestDatabase;
  let roundIds: string[];

  beforeAll(async () => {
    database = await openTestDatabase('demo');
    const rounds = await database.db
      .selectFrom('rounds')
      .select('id')
      .where('status', '=', 'closed')
      .execute();
    roundIds = rounds.map((round) => round.id);
  });
  afterAll(() => database?.drop());

  for (const threshold of [3, 8])
    it(`gives no hidden agency away in either round (threshold ${threshold})`, async () => {
      expect(roundIds).toHaveLength(2);
      for (const roundId of roundIds) {
        const results = await openResults(database.db, { roundId, threshold });
        if (threshold === 8) expect(results.disclosure.hidden.size).toBeGreaterThan(10);
        const readings = await readingsFor(database.db, results.round, results.framework);
        expect(readings).toHaveLength(3);
        expect(attack(results, threshold, readings.map(crosswalkView))).toEqual([]);
      }
    });
});
