// Queries of the workshop: how submitted self-assessments spread over each
// item's scale (one grouped query for any number of items), and the consensus
// recorded per round × item × scope, written with its audit entry.
import { type Kysely, sql } from 'kysely';
import type { AuditEntry } from '../../platform/audit/audit.ts';
import { recordAudit } from '../../platform/audit/audit-store.ts';
import type { Schema } from '../../platform/db/schema.ts';
import type { ConsensusContent } from './consensus.ts';
import type { AnswerCount } from './item-statistics.ts';

/**
 * Answer counts per item over the round's submitted responses (drafts are not
 * self-assessments yet), of one agency or, with `agencyId` null, of all. One
 * query grouped by item and value, however many items are asked for.
 */
export async function answerCountsByItem(
  db: Kysely<Schema>,
  options: { roundId: string; agencyId: string | null; itemCodes?: readonly string[] },
): Promise<Map<string, AnswerCount[]>> {
  const { roundId, agencyId, itemCodes } = options;
  if (itemCodes && itemCodes.length === 0) return new Map();
  let query = db
    .selectFrom('answers as answer')
    .innerJoin('responses as response', 'response.id', 'answer.response_id')
    .where('response.round_id', '=', roundId)
    .where('response.status', '=', 'submitted')
    .where((eb) =>
      eb.or([eb('answer.value', 'is not', null), eb('answer.not_applicable', '=', true)]),
    )
    .groupBy(['answer.item_code', 'answer.value', 'answer.not_applicable'])
    .select([
      'answer.item_code as itemCode',
      'answer.value',
      'answer.not_applicable as notApplicable',
      sql<number>`count(*)`.as('count'),
    ]);
  if (agencyId !== null) query = query.where('response.agency_id', '=', agencyId);
  if (itemCodes) query = query.where('answer.item_code', 'in', itemCodes);
  const counts = new Map<string, AnswerCount[]>();
  for (const { itemCode, ...count } of await query.execute()) {
    const list = counts.get(itemCode) ?? [];
    list.push(count);
    counts.set(itemCode, list);
  }
  return counts;
}

export interface StoredConsensus extends ConsensusContent {
  id: string;
  itemCode: string;
  agencyId: string | null;
  recordedBy: string | null;
  recordedAt: Date;
}

const consensusColumns = [
  'consensus.id',
  'consensus.item_code as itemCode',
  'consensus.agency_id as agencyId',
  'consensus.value',
  'consensus.not_applicable as notApplicable',
  'consensus.rationale',
  'user.name as recordedBy',
  'consensus.recorded_at as recordedAt',
] as const;

/** The current consensus of each item for one scope (agency, or null: the whole of government). */
export async function consensusByItem(
  db: Kysely<Schema>,
  options: { roundId: string; agencyId: string | null; itemCodes?: readonly string[] },
): Promise<Map<string, StoredConsensus>> {
  const { roundId, agencyId, itemCodes } = options;
  if (itemCodes && itemCodes.length === 0) return new Map();
  let query = db
    .selectFrom('consensus')
    .leftJoin('users as user', 'user.id', 'consensus.recorded_by')
    .where('consensus.round_id', '=', roundId)
    .where('consensus.agency_id', agencyId === null ? 'is' : '=', agencyId)
    .select(consensusColumns);
  if (itemCodes) query = query.where('consensus.item_code', 'in', itemCodes);
  const rows = await query.execute();
  return new Map(
    rows.map((row) => [row.itemCode, { ...row, recordedAt: new Date(row.recordedAt) }]),
  );
}

export interface RecordOutcome {
  consensus: StoredConsensus;
  /** `recorded`: the first value of this item and scope; `changed`: it replaced another; `unchanged`: the same again. */
  outcome: 'recorded' | 'changed' | 'unchanged';
}

/**
 * Stores a checked consensus as the current one of its item and scope, and its
 * audit entry in the same transaction (with the value it replaced, so the log
 * holds every change). Writes for one round take turns, so the entry always
 * names the value that was really replaced.
 */
export async function recordConsensus(
  db: Kysely<Schema>,
  options: {
    workspaceId: string;
    roundId: string;
    itemCode: string;
    agencyId: string | null;
    content: ConsensusContent;
    actor: AuditEntry['actor'];
  },
): Promise<RecordOutcome> {
  const { workspaceId, roundId, itemCode, agencyId, content, actor } = options;
  return db.transaction().execute(async (tx) => {
    await tx.selectFrom('rounds').select('id').where('id', '=', roundId).forNoKeyUpdate().execute();
    const previous = await tx
      .selectFrom('consensus')
      .select(['value', 'not_applicable as notApplicable', 'rationale'])
      .where('round_id', '=', roundId)
      .where('item_code', '=', itemCode)
      .where('agency_id', agencyId === null ? 'is' : '=', agencyId)
      .executeTakeFirst();
    const same =
      previous !== undefined &&
      previous.value === content.value &&
      previous.notApplicable === content.notApplicable &&
      previous.rationale === content.rationale;
    if (!same) {
      const row = {
        round_id: roundId,
        item_code: itemCode,
        agency_id: agencyId,
        value: content.value,
        not_applicable: content.notApplicable,
        rationale: content.rationale,
        recorded_by: 'userId' in actor ? actor.userId : null,
      };
      const { id } = await tx
        .insertInto('consensus')
        .values(row)
        .onConflict((conflict) =>
          conflict.columns(['round_id', 'item_code', 'agency_id']).doUpdateSet({
            value: row.value,
            not_applicable: row.not_applicable,
            rationale: row.rationale,
            recorded_by: row.recorded_by,
            recorded_at: sql`now()`,
          }),
        )
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(tx, {
        workspaceId,
        actor,
        action: previous ? 'consensus.changed' : 'consensus.recorded',
        entityType: 'consensus',
        entityId: id,
        details: {
          roundId,
          itemCode,
          agencyId,
          value: content.value,
          notApplicable: content.notApplicable,
          rationale: content.rationale,
          ...(previous
            ? {
                previous: {
                  value: previous.value,
                  notApplicable: previous.notApplicable,
                  rationale: previous.rationale,
                },
              }
            : {}),
        },
      });
    }
    const stored = await consensusByItem(tx, { roundId, agencyId, itemCodes: [itemCode] });
    const consensus = stored.get(itemCode);
    if (!consensus) throw new Error(`The consensus of ${itemCode} was not stored`);
    return { consensus, outcome: same ? 'unchanged' : previous ? 'changed' : 'recorded' };
  });
}

export interface WorkshopAgency {
  agencyId: string;
  name: string;
  acronym: string | null;
  /** Submitted responses of the agency: the same ones its statistics are drawn from. */
  submittedResponses: number;
}

/** The agencies in the round's scope, by name, each with its submitted responses. */
export async function workshopAgencies(
  db: Kysely<Schema>,
  roundId: string,
): Promise<WorkshopAgency[]> {
  return db
    .selectFrom('round_agencies as scope')
    .innerJoin('agencies as agency', 'agency.id', 'scope.agency_id')
    .leftJoin('responses as response', (join) =>
      join
        .onRef('response.round_id', '=', 'scope.round_id')
        .onRef('response.agency_id', '=', 'scope.agency_id')
        .on('response.status', '=', 'submitted'),
    )
    .where('scope.round_id', '=', roundId)
    .groupBy(['agency.id', 'agency.name', 'agency.acronym'])
    .select([
      'agency.id as agencyId',
      'agency.name',
      'agency.acronym',
      sql<number>`count(response.id)`.as('submittedResponses'),
    ])
    .orderBy('agency.name')
    .execute();
}
