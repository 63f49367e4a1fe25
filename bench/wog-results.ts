// Whole-of-government results over 1.79 M answers: 1,000 agencies × 20
// submitted respondents × the dgca's 94 items, one agency in twenty with only
// 2 respondents so that small-number protection has agencies to hide (and a
// tenth of that: 100 agencies), built inside the database. Times the full
// path a results page opens — openResults: refresh (nothing stale), read the
// tallies, score every agency, the whole of government and the pooled
// respondents, decide the protection, read the consensus and the rounds to
// compare with — warm (the median of several runs, scores kept by the store),
// cold (every agency tallied first) and uncached (every agency's tallies read
// and scored, as in a process that has scored nothing yet); and the cost of
// bringing one agency up to date after a change to one of its submitted
// responses. On the embedded database, and on a PostgreSQL server when
// TRANSFORMA_BENCH_POSTGRES_URL is set (in a scratch database created and
// dropped there).
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { findFramework } from '../src/assessment/frameworks/framework-store.ts';
import { installReferenceFrameworks } from '../src/assessment/frameworks/import-framework.ts';
import { DEFAULT_MIN_RESPONDENTS } from '../src/assessment/results/protection/disclosure.ts';
import { openResults } from '../src/assessment/results/store/open-results.ts';
import { refreshResults } from '../src/assessment/results/store/results-store.ts';
import { type Database, openDatabase, openPostgres } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import type { Schema } from '../src/platform/db/schema.ts';
import { createWorkspace } from '../src/platform/workspaces/workspace-store.ts';
import { frameworkItemCodes } from './dgca-items.ts';
import type { Figure } from './page-weight.ts';

const AGENCIES = 1000;
const RESPONDENTS = 20;
/** Respondents of one agency in SMALL_EVERY: fewer than the default threshold of 3. */
const SMALL_RESPONDENTS = 2;
const SMALL_EVERY = 20;
const WARM_RUNS = 9;
const UNCACHED_RUNS = 3;
const CHANGE_RUNS = 5;
// Agencies whose answers one INSERT writes: 188,000 rows, so the embedded
// database never holds the whole load in one statement.
const AGENCIES_PER_INSERT = 100;

export async function wogResults(): Promise<Figure[]> {
  const embedded = await openDatabase({ kind: 'pglite', dataDir: undefined });
  const figures = await measure(embedded, 'embedded').finally(() => embedded.close());
  const serverUrl = process.env.TRANSFORMA_BENCH_POSTGRES_URL;
  if (!serverUrl) {
    console.log(
      'wog results: postgres figures skipped; set TRANSFORMA_BENCH_POSTGRES_URL to a PostgreSQL server to measure them',
    );
    return figures;
  }
  return [...figures, ...(await onScratchDatabase(serverUrl, (db) => measure(db, 'postgres')))];
}

async function onScratchDatabase<T>(
  serverUrl: string,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const name = `transforma_bench_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString());
  try {
    return await work(database);
  } finally {
    await database.close();
    await admin(`drop database if exists ${name} with (force)`);
  }
}

async function measure(database: Database, backend: 'embedded' | 'postgres'): Promise<Figure[]> {
  const { db } = database;
  await migrate(database);
  await installReferenceFrameworks(db);
  await createWorkspace(db, {
    id: 'bench',
    name: 'Bench',
    defaultLanguage: 'en',
    languages: ['en'],
  });
  const figures: Figure[] = [];
  for (const [agencies, suffix] of [
    [AGENCIES / 10, '_tenth'],
    [AGENCIES, ''],
  ] as const) {
    const roundId = await buildAnsweredRound(db, agencies);
    // A server's autovacuum gathers statistics within a minute of such a load
    // (and plans a one-agency refresh by them); the embedded database never does.
    if (backend === 'postgres') await sql`analyze`.execute(db);
    const cold = await timed(() => openProtected(db, roundId));
    const warm: number[] = [];
    for (let run = 0; run < WARM_RUNS; run++)
      warm.push(await timed(() => openProtected(db, roundId)));
    // As in a process that has scored nothing yet: every agency's tallies read and scored.
    const uncached: number[] = [];
    for (let run = 0; run < UNCACHED_RUNS; run++) {
      await sql`
        update result_tallies set computed_at = computed_at + interval '1 microsecond'
        where round_id = ${roundId}
      `.execute(db);
      uncached.push(await timed(() => openProtected(db, roundId)));
    }
    figures.push(
      { name: `wog_results_ms_${backend}${suffix}`, value: round(median(warm)), unit: 'ms' },
      { name: `wog_results_cold_ms_${backend}${suffix}`, value: round(cold), unit: 'ms' },
      {
        name: `wog_results_uncached_ms_${backend}${suffix}`,
        value: round(median(uncached)),
        unit: 'ms',
      },
    );
    if (suffix === '') {
      // A correction to one submitted response marks its agency stale, as a submit does.
      const refresh: number[] = [];
      const afterChange: number[] = [];
      for (let run = 0; run < CHANGE_RUNS; run++) {
        await touchOneResponse(db, roundId);
        refresh.push(await timed(() => refreshResults(db, roundId)));
        await touchOneResponse(db, roundId);
        afterChange.push(await timed(() => openProtected(db, roundId)));
      }
      figures.push(
        {
          name: `results_refresh_one_agency_ms_${backend}`,
          value: round(median(refresh)),
          unit: 'ms',
        },
        {
          name: `wog_results_after_one_change_ms_${backend}`,
          value: round(median(afterChange)),
          unit: 'ms',
        },
      );
    }
  }
  return figures;
}

/** What a results page opens: scores and totals under small-number protection. */
async function openProtected(db: Kysely<Schema>, roundId: string) {
  const results = await openResults(db, { roundId, threshold: DEFAULT_MIN_RESPONDENTS });
  if (results.disclosure.hidden.size === 0)
    throw new Error('the bench round has no agency to hide');
  return results;
}

/**
 * A closed dgca round of new agencies, each with RESPONDENTS submitted
 * responses answering every item, but one in SMALL_EVERY with SMALL_RESPONDENTS.
 */
export async function buildAnsweredRound(db: Kysely<Schema>, agencies: number): Promise<string> {
  const dgca = await findFramework(db, 'dgca');
  if (!dgca) throw new Error('The dgca framework is not installed');
  const { id: roundId } = await db
    .insertInto('rounds')
    .values({
      workspace_id: 'bench',
      framework_id: dgca.id,
      name: `Bench round of ${agencies} agencies`,
      opens_on: '2026-01-05',
      closes_on: '2026-02-27',
      status: 'closed',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const levels = sql`(array['national', 'subnational', 'local'])`;
  await sql`
    with agency as (
      insert into agencies (workspace_id, name, level, sector)
      select 'bench', ${roundId}::text || ' agency ' || i, ${levels}[1 + i % 3], 'sector ' || i % 12
      from generate_series(1, ${agencies}::int) as i
      returning id
    )
    insert into round_agencies (round_id, agency_id) select ${roundId}, id from agency
  `.execute(db);
  await sql`
    insert into invitations (round_id, agency_id, email, token_hash)
    select round_id, agency_id, 'respondent' || j || '@bench.example', md5(agency_id::text || j)
    from round_agencies
    join agencies on agencies.id = round_agencies.agency_id
    cross join lateral generate_series(
      1,
      case when substring(agencies.name from ' ([0-9]+)$')::int % ${SMALL_EVERY}::int = 0
        then ${SMALL_RESPONDENTS}::int else ${RESPONDENTS}::int end
    ) as j
    where round_id = ${roundId}
    order by agency_id, j
  `.execute(db);
  await sql`
    insert into responses (invitation_id, round_id, agency_id, status, submitted_at)
    select id, round_id, agency_id, 'submitted', now() from invitations where round_id = ${roundId}
  `.execute(db);
  const agencyIds = (
    await db
      .selectFrom('round_agencies')
      .select('agency_id')
      .where('round_id', '=', roundId)
      .execute()
  ).map((row) => row.agency_id);
  // Values spread over the scale, one answer in twenty "not applicable", and
  // each agency leaning its own way, so agencies and items differ.
  for (let start = 0; start < agencyIds.length; start += AGENCIES_PER_INSERT) {
    await sql`
      insert into answers (response_id, item_code, value, not_applicable)
      select response.id, item.code,
             case when draw % 20 = 0 then null
                  else least(5, greatest(1, 1 + draw % 5 + lean))::smallint end,
             draw % 20 = 0
      from responses as response
      cross join unnest(${frameworkItemCodes()}::text[]) as item (code)
      cross join lateral (
        select abs(hashtext(response.id::text || item.code)) as draw,
               abs(hashtext(response.agency_id::text)) % 3 - 1 as lean
      ) as chance
      where response.round_id = ${roundId}
        and response.agency_id = any(${agencyIds.slice(start, start + AGENCIES_PER_INSERT)}::uuid[])
    `.execute(db);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return roundId;
}

async function touchOneResponse(db: Kysely<Schema>, roundId: string) {
  await sql`
    update responses set updated_at = now()
    where id = (select id from responses where round_id = ${roundId} limit 1)
  `.execute(db);
}

export async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const round = (ms: number) => Math.round(ms * 10) / 10;
