// A round's results read through a crosswalk: 1,000 agencies answering the
// dgca (the round of wog-results.ts), read through dgca → nine-pillars. Times
// the full path the "Read through…" page opens — the protected results
// (openResults), the crosswalks of the round's framework, the selection and
// every shown agency's and the total's reading — warm (the median of several
// runs, scores kept by the store), on the embedded database.

import { openCrosswalkResults } from '../src/assessment/crosswalks/crosswalk-lookup.ts';
import { installReferenceCrosswalks } from '../src/assessment/crosswalks/import-crosswalk.ts';
import { installReferenceFrameworks } from '../src/assessment/frameworks/import-framework.ts';
import { DEFAULT_MIN_RESPONDENTS } from '../src/assessment/results/protection/disclosure.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createWorkspace } from '../src/platform/workspaces/workspace-store.ts';
import type { Figure } from './page-weight.ts';
import { buildAnsweredRound, median, timed } from './wog-results.ts';

const AGENCIES = 1000;
const WARM_RUNS = 9;

export async function crosswalkResults(): Promise<Figure[]> {
  const database = await openDatabase({ kind: 'pglite', dataDir: undefined });
  try {
    const { db } = database;
    await migrate(database);
    await installReferenceFrameworks(db);
    await installReferenceCrosswalks(db);
    await createWorkspace(db, {
      id: 'bench',
      name: 'Bench',
      defaultLanguage: 'en',
      languages: ['en'],
    });
    const roundId = await buildAnsweredRound(db, AGENCIES);
    const read = async () => {
      const opened = await openCrosswalkResults(db, {
        roundId,
        threshold: DEFAULT_MIN_RESPONDENTS,
        query: { crosswalk: 'dgca-to-nine-pillars' },
        field: 'crosswalk',
      });
      if (!opened.chosen?.read.total || opened.chosen.read.agencies.length < AGENCIES / 2)
        throw new Error('the bench reading has no total or too few agencies');
      return opened;
    };
    await read();
    const warm: number[] = [];
    for (let run = 0; run < WARM_RUNS; run++) warm.push(await timed(read));
    return [
      { name: 'crosswalk_results_ms', value: Math.round(median(warm) * 10) / 10, unit: 'ms' },
    ];
  } finally {
    await database.close();
  }
}
