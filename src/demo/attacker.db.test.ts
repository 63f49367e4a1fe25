// Small-number protection of the demo's two rounds against the attacker of
// test/attacker.ts, at the default threshold and at 8 (where a third of the
// demo's agencies are hidden): every total of every filter, both rounds, and
// every total and agency read through each shipped crosswalk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attack } from '../../test/attacker.ts';
import { crosswalkView } from '../../test/crosswalk-view.ts';
import { openTestDatabase, type TestDatabase } from '../../test/databases.ts';
import { readingsFor } from '../assessment/crosswalks/crosswalk-lookup.ts';
import { openAdvice } from '../assessment/results/advice/open-advice.ts';
import {
  openResults,
  wholeOfGovernmentConsensus,
} from '../assessment/results/store/open-results.ts';
import { selectResults } from '../assessment/results/store/results-selection.ts';

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

  // Recommendations publish a score, its level, a target and a gap per weak
  // sub-dimension: each score must be one the results already publish (the
  // protected total's, or the workshop's consensus), so the attacker above,
  // which reads every published total, has seen all they tell.
  for (const threshold of [3, 8])
    it(`advises from published numbers only, and never a hidden agency (threshold ${threshold})`, async () => {
      for (const roundId of roundIds) {
        const advice = await openAdvice(database.db, {
          roundId,
          threshold,
          agencyId: undefined,
          agencyField: 'agency',
        });
        const { results } = advice;
        const total = selectResults(results, results.disclosure, {}).total;
        const consensus = wholeOfGovernmentConsensus(results);
        const published = new Map<string, (number | undefined)[]>();
        for (const tree of [total, consensus])
          for (const dimension of tree?.dimensions ?? [])
            for (const subdimension of dimension.subdimensions)
              published.set(subdimension.subdimensionCode, [
                ...(published.get(subdimension.subdimensionCode) ?? []),
                subdimension.value,
              ]);
        for (const entry of advice.weak)
          expect(published.get(entry.subdimensionCode)).toContain(entry.score);
        for (const [hidden] of results.disclosure.hidden)
          await expect(
            openAdvice(database.db, {
              roundId,
              threshold,
              agencyId: hidden,
              agencyField: 'agency',
            }),
          ).rejects.toMatchObject({ code: 'conflict' });
      }
    });
});
