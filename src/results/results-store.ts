// The results of a round, from tallies kept up to date rather than from every
// answer on each request (a GROUP BY over a million answers takes seconds):
// per agency, how its submitted responses answered each item (migration 008).
// A trigger on responses marks an agency stale whenever one of its submitted
// responses changes; the next read recomputes the stale agencies only.
//
// Public API:
//   loadRoundResults(db, roundId): Promise<RoundResults>
//     refreshes, then { framework, agencies: Map<agencyId, ScoreTree> (every
//     agency of the round, and any other that answered), wholeOfGovernment,
//     pooled }. Each item score holds its distribution (counts per value).
//   loadConsensusScores(db, roundId): Promise<ConsensusScores>
//     the workshops' consensus as score trees, per agency and whole of government.
//   refreshResults(db, roundId, options?): Promise<number>
//     recomputes the round's stale agencies; how many it recomputed.
import { type Kysely, sql } from 'kysely';
import type { Schema, StoredTallies } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import type { Framework } from '../frameworks/framework-schema.ts';
import { frameworkOfRound } from '../questionnaire/questionnaire-store.ts';
import {
  type AgencyTallies,
  type ConsensusScores,
  consensusScores,
  type ItemTally,
  type RoundScores,
  roundScores,
  type ValueCount,
} from './scoring.ts';

export interface RoundResults extends RoundScores {
  framework: Framework;
}

// The key of "not applicable" among the values of an item's tally.
const NOT_APPLICABLE = 'na';

// Any fixed number, with the round as the second key: refreshes of one round
// take turns. Two at once could otherwise each write tallies, the one computed
// from the older snapshot last, after the other had cleared the marks.
const REFRESH_LOCK = 727_008;

/**
 * Recomputes the tallies of the round's stale agencies with one grouped query
 * over their submitted answers, and clears each mark whose version is still
 * the one read: an agency changed while this ran stays stale for the next
 * read. `whileRecomputing`, for tests, runs between the two, inside the
 * refresh's transaction, where a concurrent change would land.
 */
export async function refreshResults(
  db: Kysely<Schema>,
  roundId: string,
  options: { whileRecomputing?: (tx: Kysely<Schema>) => Promise<void> } = {},
): Promise<number> {
  // The common case, nothing stale, costs one index lookup and no transaction.
  const anyStale = await db
    .selectFrom('result_staleness')
    .select('agency_id')
    .where('round_id', '=', roundId)
    .limit(1)
    .executeTakeFirst();
  if (!anyStale) return 0;
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${REFRESH_LOCK}, hashtext(${roundId}))`.execute(tx);
    const stale = await tx
      .selectFrom('result_staleness')
      .select(['agency_id', 'version'])
      .where('round_id', '=', roundId)
      .execute();
    if (stale.length === 0) return 0;
    // Read after the marks: a change committed in between has moved its mark's version.
    const marks = JSON.stringify(stale);
    await sql`
      with stale as (
        select agency_id from jsonb_to_recordset(${marks}::jsonb) as mark (agency_id uuid)
      ), counted as (
        select response.agency_id, answer.item_code,
               case when answer.not_applicable then ${NOT_APPLICABLE} else answer.value::text end
                 as answer,
               count(*) as answers
        from responses as response
        join answers as answer on answer.response_id = response.id
        where response.round_id = ${roundId} and response.status = 'submitted'
          and response.agency_id in (select agency_id from stale)
          and (answer.value is not null or answer.not_applicable)
        group by response.agency_id, answer.item_code, 3
      ), items as (
        select agency_id, item_code, jsonb_object_agg(answer, answers) as tally
        from counted group by agency_id, item_code
      ), tallied as (
        select agency_id, jsonb_object_agg(item_code, tally) as tallies
        from items group by agency_id
      ), answering as (
        select response.agency_id, count(*) as respondents
        from responses as response
        where response.round_id = ${roundId} and response.status = 'submitted'
          and response.agency_id in (select agency_id from stale)
          and exists (
            select 1 from answers as answer
            where answer.response_id = response.id
              and (answer.value is not null or answer.not_applicable)
          )
        group by response.agency_id
      ), written as (
        insert into result_tallies (round_id, agency_id, tallies, respondents, computed_at)
        select ${roundId}, tallied.agency_id, tallied.tallies, answering.respondents, now()
        from tallied join answering on answering.agency_id = tallied.agency_id
        on conflict (round_id, agency_id) do update set
          tallies = excluded.tallies, respondents = excluded.respondents,
          computed_at = excluded.computed_at
        returning agency_id
      )
      delete from result_tallies
      where round_id = ${roundId} and agency_id in (select agency_id from stale)
        and agency_id not in (select agency_id from written)
    `.execute(tx);
    await options.whileRecomputing?.(tx);
    await sql`
      delete from result_staleness as mark
      using jsonb_to_recordset(${marks}::jsonb) as read (agency_id uuid, version bigint)
      where mark.round_id = ${roundId} and mark.agency_id = read.agency_id
        and mark.version = read.version
    `.execute(tx);
    return stale.length;
  });
}

async function roundFramework(db: Kysely<Schema>, roundId: string): Promise<Framework> {
  const round = await db
    .selectFrom('rounds')
    .select('framework_id')
    .where('id', '=', roundId)
    .executeTakeFirst();
  if (!round) throw new AppError('not_found', `There is no round ${roundId}`);
  return frameworkOfRound(db, round.framework_id);
}

function toItemTally(stored: Record<string, number>): ItemTally {
  const counts: ValueCount[] = [];
  let notApplicable = 0;
  for (const [answer, count] of Object.entries(stored)) {
    if (answer === NOT_APPLICABLE) notApplicable = count;
    else counts.push({ value: Number(answer), count });
  }
  counts.sort((a, b) => a.value - b.value);
  return { counts, notApplicable };
}

function toAgencyTallies(agencyId: string, stored: StoredTallies, respondents: number) {
  const items = new Map<string, ItemTally>();
  for (const [itemCode, answers] of Object.entries(stored))
    items.set(itemCode, toItemTally(answers));
  return { agencyId, respondents, items };
}

/** Every score of the round, from its tallies brought up to date first. */
export async function loadRoundResults(db: Kysely<Schema>, roundId: string): Promise<RoundResults> {
  const framework = await roundFramework(db, roundId);
  await refreshResults(db, roundId);
  // Every agency of the round, with its tallies if it has any, and agencies
  // with tallies no longer in the round (removed after answering).
  const rows = await sql<{
    agency_id: string;
    tallies: StoredTallies | null;
    respondents: number | null;
  }>`
    select agency_id, tallies, respondents
    from (select agency_id, tallies, respondents from result_tallies where round_id = ${roundId})
      as tallied
    full join (select agency_id from round_agencies where round_id = ${roundId}) as asked
      using (agency_id)
  `.execute(db);
  const tallies: AgencyTallies[] = [];
  const agencyIds: string[] = [];
  for (const row of rows.rows) {
    agencyIds.push(row.agency_id);
    if (row.tallies)
      tallies.push(toAgencyTallies(row.agency_id, row.tallies, row.respondents ?? 0));
  }
  return { framework, ...roundScores({ framework, tallies, agencyIds }) };
}

/** The consensus of the round's workshops as scores, beside the self-assessment. */
export async function loadConsensusScores(
  db: Kysely<Schema>,
  roundId: string,
): Promise<ConsensusScores> {
  const framework = await roundFramework(db, roundId);
  const [consensus, agencies] = await Promise.all([
    db
      .selectFrom('consensus')
      .select([
        'item_code as itemCode',
        'agency_id as agencyId',
        'value',
        'not_applicable as notApplicable',
      ])
      .where('round_id', '=', roundId)
      .execute(),
    db.selectFrom('round_agencies').select('agency_id').where('round_id', '=', roundId).execute(),
  ]);
  return consensusScores({
    framework,
    consensus,
    agencyIds: agencies.map((agency) => agency.agency_id),
  });
}
