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
//     Kept per process until the round's tallies change, and shared: read-only.
//     After a change, only the changed agencies are scored again, and the
//     totals follow from running sums (totals.ts).
//   loadConsensusScores(db, roundId): Promise<ConsensusScores>
//     the workshops' consensus as score trees, per agency and whole of government.
//   loadConsensusRecords(db, roundId): Promise<ConsensusRecord[]>
//     every consensus with its rationale, for the exports.
//   refreshResults(db, roundId, options?): Promise<number>
//     recomputes the round's stale agencies; how many it recomputed.
import { type Kysely, sql } from 'kysely';
import type { Schema, StoredTallies } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Framework } from '../../frameworks/index.ts';
import { loadFramework } from '../../frameworks/index.ts';
import {
  agencyTrees,
  type ConsensusRecord,
  type ConsensusScores,
  consensusScores,
  type ItemTally,
  type RoundScores,
  type ScoreTree,
  scoreTree,
  type ValueCount,
} from '../scoring/scoring.ts';
import { AgencySums, scoresFrom } from '../scoring/totals.ts';

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
    const agencyIds = stale.map((mark) => mark.agency_id);
    // PGlite never gathers table statistics, so its planner guesses a few rows
    // and sorts every answer of the round (on disk) to group them; hashing is
    // what a count over many rows wants, and costs nothing for a few.
    await sql`set local enable_sort = off`.execute(tx);
    // Counted after the marks were read: a change committed in between has
    // moved its mark's version, so the mark survives below.
    await sql`
      with counted as (
        select response.agency_id, answer.item_code,
               case when answer.not_applicable then ${NOT_APPLICABLE} else answer.value::text end
                 as answer,
               count(*) as answers
        from responses as response
        join answers as answer on answer.response_id = response.id
        where response.round_id = ${roundId} and response.status = 'submitted'
          and response.agency_id = any(${agencyIds}::uuid[])
          and (answer.value is not null or answer.not_applicable)
        group by response.agency_id, answer.item_code, 3
      ), items as (
        select agency_id, item_code, jsonb_object_agg(answer, answers) as tally
        from counted group by agency_id, item_code
      ), tallied as (
        -- Written compact (jsonb's text) into a json column, read as written.
        select agency_id, jsonb_object_agg(item_code, tally)::json as tallies
        from items group by agency_id
      ), answering as (
        select response.agency_id, count(*) as respondents
        from responses as response
        where response.round_id = ${roundId} and response.status = 'submitted'
          and response.agency_id = any(${agencyIds}::uuid[])
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
      where round_id = ${roundId} and agency_id = any(${agencyIds}::uuid[])
        and agency_id not in (select agency_id from written)
    `.execute(tx);
    await options.whileRecomputing?.(tx);
    await sql`
      delete from result_staleness as mark
      using unnest(${agencyIds}::uuid[], ${stale.map((mark) => mark.version)}::bigint[])
        as read (agency_id, version)
      where mark.round_id = ${roundId} and mark.agency_id = read.agency_id
        and mark.version = read.version
    `.execute(tx);
    return stale.length;
  });
}

async function roundFramework(db: Kysely<Schema>, roundId: string) {
  const round = await db
    .selectFrom('rounds')
    .select('framework_id')
    .where('id', '=', roundId)
    .executeTakeFirst();
  if (!round) throw new AppError('not_found', `There is no round ${roundId}`);
  const frameworkId = round.framework_id;
  return { frameworkId, framework: await loadFramework(db, frameworkId) };
}

// A process's first read of a round converts some 94,000 tallies: indexed
// loops over Object.keys, and no sort where the keys already ascend (jsonb
// writes integer keys shortest first, so in ascending order), take half the
// time of for…in and a sort each.
function toAgencyTallies(agencyId: string, stored: StoredTallies, respondents: number) {
  const items = new Map<string, ItemTally>();
  const itemCodes = Object.keys(stored);
  for (let i = 0; i < itemCodes.length; i++) {
    const itemCode = itemCodes[i] as string;
    const answers = stored[itemCode] ?? {};
    const keys = Object.keys(answers);
    const counts: ValueCount[] = [];
    let notApplicable = 0;
    let ascending = true;
    for (let k = 0; k < keys.length; k++) {
      const answer = keys[k] as string;
      const count = answers[answer] ?? 0;
      if (answer === NOT_APPLICABLE) {
        notApplicable = count;
        continue;
      }
      const value = Number(answer);
      if (counts.length > 0 && value < (counts[counts.length - 1] as ValueCount).value)
        ascending = false;
      counts.push({ value, count });
    }
    if (!ascending) counts.sort((a, b) => a.value - b.value);
    items.set(itemCode, { counts, notApplicable });
  }
  return { agencyId, respondents, items };
}

// Scores already computed, per process: each agency's tree until its tallies
// are recomputed, the round's totals until any agency's are. Keyed by the
// tallies' computed_at as the database gives it, so every process sees a
// change another process made. A warm read of a round of 1,000 agencies then
// reads 1,000 timestamps instead of parsing and scoring 94,000 tallies.
interface ScoredRound {
  frameworkId: string;
  /** Every agency with its tallies' computed_at ('' without tallies), in agency order. */
  key: string;
  trees: Map<string, { computedAt: string; tree: ScoreTree }>;
  /** The totals' running sums over `trees`; handed on to the next ScoredRound of the round. */
  sums: AgencySums;
  results: RoundResults;
}
const scoredRounds = new Map<string, ScoredRound>();
// Rounds kept at once: a round of 1,000 agencies' trees takes some 30 MB.
const SCORED_ROUNDS = 4;

function remember(roundId: string, scored: ScoredRound) {
  scoredRounds.delete(roundId);
  scoredRounds.set(roundId, scored);
  for (const oldest of scoredRounds.keys()) {
    if (scoredRounds.size <= SCORED_ROUNDS) break;
    scoredRounds.delete(oldest);
  }
}

// Loads of one round take turns within the process: each brings the kept
// sums from the trees of the last load to its own, which two loads at once
// would both do to the same sums. A load that waited usually finds nothing
// changed and costs one query.
const loading = new Map<string, Promise<unknown>>();

/**
 * Every score of the round, from its tallies brought up to date first. The
 * result is shared with other callers until the tallies change: read-only.
 */
export function loadRoundResults(db: Kysely<Schema>, roundId: string): Promise<RoundResults> {
  const before = loading.get(roundId) ?? Promise.resolve();
  const load = before.then(
    () => loadInTurn(db, roundId),
    () => loadInTurn(db, roundId),
  );
  loading.set(roundId, load);
  const settled = () => {
    if (loading.get(roundId) === load) loading.delete(roundId);
  };
  load.then(settled, settled);
  return load;
}

async function loadInTurn(db: Kysely<Schema>, roundId: string): Promise<RoundResults> {
  const { frameworkId, framework } = await roundFramework(db, roundId);
  await refreshResults(db, roundId);
  // Every agency of the round, and agencies with tallies no longer in the
  // round (removed after answering).
  const { rows } = await sql<{ agency_id: string; computed_at: string | null }>`
    select agency_id, tallied.computed_at::text as computed_at
    from (select agency_id, computed_at from result_tallies where round_id = ${roundId})
      as tallied
    full join (select agency_id from round_agencies where round_id = ${roundId}) as asked
      using (agency_id)
    order by agency_id
  `.execute(db);
  const key = rows.map((row) => `${row.agency_id} ${row.computed_at ?? ''}`).join(',');
  const cached = scoredRounds.get(roundId);
  const known = cached?.frameworkId === frameworkId ? cached : undefined;
  if (known && known.key === key) {
    remember(roundId, known);
    return known.results;
  }
  const changed = rows.filter(
    (row) =>
      row.computed_at !== null && known?.trees.get(row.agency_id)?.computedAt !== row.computed_at,
  );
  const fresh = new Map<string, { computedAt: string; tree: ScoreTree }>();
  if (changed.length > 0) {
    const stored = await sql<{
      agency_id: string;
      tallies: StoredTallies;
      respondents: number;
      computed_at: string;
    }>`
      select agency_id, tallies, respondents, computed_at::text as computed_at
      from result_tallies
      where round_id = ${roundId}
        and agency_id = any(${changed.map((row) => row.agency_id)}::uuid[])
    `.execute(db);
    const trees = agencyTrees(
      framework,
      stored.rows.map((row) => toAgencyTallies(row.agency_id, row.tallies, row.respondents)),
    );
    for (const row of stored.rows) {
      const tree = trees.get(row.agency_id);
      if (tree) fresh.set(row.agency_id, { computedAt: row.computed_at, tree });
    }
  }
  const empty = scoreTree(framework, []);
  const trees = new Map<string, { computedAt: string; tree: ScoreTree }>();
  for (const { agency_id: agencyId, computed_at: computedAt } of rows) {
    const kept = known?.trees.get(agencyId);
    const tree =
      computedAt === null
        ? undefined
        : (fresh.get(agencyId) ?? (kept?.computedAt === computedAt ? kept : undefined));
    trees.set(agencyId, tree ?? { computedAt: '', tree: empty });
  }
  // Taking a tree out costs what putting one in does: when most changed
  // (a process's first read keeps nothing), summing afresh is cheaper.
  const sums =
    known && changed.length <= trees.size / 2
      ? movedOn(known, trees)
      : new AgencySums(
          framework,
          [...trees.values()].map(({ tree }) => tree),
        );
  const agencies = new Map([...trees].map(([agencyId, { tree }]) => [agencyId, tree]));
  const results: RoundResults = { framework, ...scoresFrom(agencies, sums) };
  remember(roundId, { frameworkId, key, trees, sums, results });
  return results;
}

/** The sums of `known`, taken on to `trees`: each agency whose tree changed taken out and put back. */
function movedOn(known: ScoredRound, trees: ReadonlyMap<string, { tree: ScoreTree }>): AgencySums {
  const { sums } = known;
  for (const [agencyId, before] of known.trees) {
    const after = trees.get(agencyId)?.tree;
    if (after === before.tree) continue;
    sums.remove(before.tree);
    if (after) sums.add(after);
  }
  for (const [agencyId, { tree }] of trees) if (!known.trees.has(agencyId)) sums.add(tree);
  return sums;
}

/** Every consensus of the round's workshops with its rationale, for the exports. */
export async function loadConsensusRecords(
  db: Kysely<Schema>,
  roundId: string,
): Promise<ConsensusRecord[]> {
  return db
    .selectFrom('consensus')
    .select([
      'agency_id as agencyId',
      'item_code as itemCode',
      'value',
      'not_applicable as notApplicable',
      'rationale',
    ])
    .where('round_id', '=', roundId)
    .execute();
}

/** The consensus of the round's workshops as scores, beside the self-assessment. */
export async function loadConsensusScores(
  db: Kysely<Schema>,
  roundId: string,
): Promise<ConsensusScores> {
  const { framework } = await roundFramework(db, roundId);
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
