// What the crosswalk pages and API both load: the crosswalks that read a
// round's framework version, each ready to read with (its target framework
// or lens loaded), and the one a request names.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Schema } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { AgencyLevel } from '../agencies/index.ts';
import { compareVersions, type Framework, loadFramework } from '../frameworks/index.ts';
import { filterOf, openResults, scoreScaleOf, selectResults } from '../results/index.ts';
import { type CrosswalkReading, type ReadTarget, readSelection } from './crosswalk-scoring.ts';
import { crosswalksFrom, findLensById, type StoredCrosswalk } from './crosswalk-store.ts';
import { coverageOf } from './validate-crosswalk.ts';

export const crosswalkKey = z
  .string()
  .regex(/^[a-z0-9-]{1,64}$/, 'must be a crosswalk key such as "dgca-to-dgra"');

function frameworkTarget(framework: Framework): ReadTarget {
  return {
    kind: 'framework',
    key: framework.key,
    version: framework.version,
    name: framework.name,
    defaultLanguage: framework.defaultLanguage,
    dimensions: framework.dimensions,
    levels: framework.maturityLevels,
    range: scoreScaleOf(framework),
  };
}

// A stored crosswalk, lens and framework never change, so a reading made
// once serves every request of the process (and keeps its plan).
const readings = new Map<string, Promise<CrosswalkReading>>();

function readingOf(
  db: Kysely<Schema>,
  source: Framework,
  stored: StoredCrosswalk & { targetFrameworkId: string | null; targetLensId: string | null },
): Promise<CrosswalkReading> {
  let reading = readings.get(stored.id);
  if (!reading) {
    reading = (async () => {
      let target: ReadTarget;
      if (stored.targetFrameworkId) {
        target = frameworkTarget(await loadFramework(db, stored.targetFrameworkId));
      } else {
        const lens = await findLensById(db, stored.targetLensId ?? '');
        if (!lens) throw new AppError('not_found', `There is no lens for crosswalk ${stored.key}`);
        target = {
          kind: 'lens',
          key: lens.key,
          version: lens.version,
          name: lens.lens.name,
          defaultLanguage: lens.lens.defaultLanguage,
          dimensions: lens.lens.dimensions,
          levels: lens.lens.levels,
          range: lens.lens.scale,
        };
      }
      return { crosswalk: stored.crosswalk, source, sourceRange: scoreScaleOf(source), target };
    })();
    readings.set(stored.id, reading);
    reading.catch(() => readings.delete(stored.id));
  }
  return reading;
}

/** The crosswalks that read rounds of this framework version, by key; the newest version of each. */
export async function readingsFor(
  db: Kysely<Schema>,
  round: { frameworkId: string },
  source: Framework,
): Promise<CrosswalkReading[]> {
  const stored = await crosswalksFrom(db, round.frameworkId);
  const newest = new Map<string, (typeof stored)[number]>();
  for (const crosswalk of stored) {
    const other = newest.get(crosswalk.key);
    if (!other || compareVersions(crosswalk.version, other.version) > 0)
      newest.set(crosswalk.key, crosswalk);
  }
  return Promise.all([...newest.values()].map((crosswalk) => readingOf(db, source, crosswalk)));
}

/** The reading a request names among those of the round; the first when it names none. */
export function chosenReading(
  readings: readonly CrosswalkReading[],
  key: string | undefined,
  field: string,
): CrosswalkReading | undefined {
  if (key === undefined) return readings[0];
  const found = readings.find((reading) => reading.crosswalk.key === key);
  if (!found)
    throw new AppError('invalid_request', 'Choose a crosswalk of the round’s framework', [
      {
        path: field,
        message: `is not a crosswalk of this round's framework; the crosswalks are ${readings.map((r) => `"${r.crosswalk.key}"`).join(', ') || 'none'}`,
      },
    ]);
  return found;
}

/** A round's results read through the crosswalk a request names, over the agencies its filter chooses. */
export async function openCrosswalkResults(
  db: Kysely<Schema>,
  options: {
    roundId: string;
    threshold: number;
    query: {
      crosswalk?: string | undefined;
      level?: AgencyLevel | undefined;
      sector?: string | undefined;
    };
    field: string;
  },
) {
  const { query } = options;
  const results = await openResults(db, {
    roundId: options.roundId,
    threshold: options.threshold,
    sector: query.sector,
  });
  const readings = await readingsFor(db, results.round, results.framework);
  const reading = chosenReading(readings, query.crosswalk, options.field);
  const selection = selectResults(results, results.disclosure, filterOf(query));
  return {
    results,
    readings,
    selection,
    chosen: reading && {
      reading,
      read: readSelection(reading, selection),
      coverage: coverageOf(reading.crosswalk, reading.source, reading.target),
    },
  };
}
