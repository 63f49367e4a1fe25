// The whole of government's score of each dimension and sub-dimension of a
// round, exactly as its results pages publish them (small-number protection
// applied, two decimals): what another feature may quote, such as the
// evidence of a plan's star profile.
import type { Kysely } from 'kysely';
import type { Schema } from '../../../platform/db/schema.ts';
import { roundDecimal } from '../scoring/rounding.ts';
import { openResults } from './open-results.ts';
import { selectResults } from './results-selection.ts';

/** Scores by dimension or sub-dimension code; a code withheld or without a score is absent. */
export async function publishedWholeOfGovernmentScores(
  db: Kysely<Schema>,
  options: { roundId: string; threshold: number },
): Promise<Map<string, number>> {
  const results = await openResults(db, options);
  const total = selectResults(results, results.disclosure, {}).total;
  const scores = new Map<string, number>();
  for (const dimension of total?.dimensions ?? []) {
    if (dimension.value !== undefined)
      scores.set(dimension.dimensionCode, roundDecimal(dimension.value, 2));
    for (const subdimension of dimension.subdimensions)
      if (subdimension.value !== undefined)
        scores.set(subdimension.subdimensionCode, roundDecimal(subdimension.value, 2));
  }
  return scores;
}
