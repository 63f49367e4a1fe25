// SWOT entries as stored: per plan and quadrant, in order, each with its
// optional link to evidence and the version a save must name.
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import type { EvidenceLink, SwotFields, SwotQuadrant } from './swot-rules.ts';

export interface SwotEntry {
  id: string;
  planId: string;
  quadrant: SwotQuadrant;
  text: string;
  importance: SwotFields['importance'];
  position: number;
  evidence: EvidenceLink | null;
  proposalKey: string | null;
  version: number;
  updatedAt: Date;
}

const columns = [
  'id',
  'plan_id',
  'quadrant',
  'text',
  'importance',
  'position',
  'evidence_kind',
  'evidence_round_id',
  'evidence_code',
  'evidence_agency_id',
  'evidence_factor_id',
  'proposal_key',
  'version',
  'updated_at',
] as const;

type Row = {
  id: string;
  plan_id: string;
  quadrant: SwotQuadrant;
  text: string;
  importance: SwotFields['importance'];
  position: number;
  evidence_kind: Schema['swot_entries']['evidence_kind'];
  evidence_round_id: string | null;
  evidence_code: string | null;
  evidence_agency_id: string | null;
  evidence_factor_id: string | null;
  proposal_key: string | null;
  version: number;
  updated_at: Date;
};

/** The link as stored; null when it points nowhere any more (its target was deleted). */
function evidenceOf(row: Row): EvidenceLink | null {
  switch (row.evidence_kind) {
    case 'dimension':
    case 'subdimension':
    case 'item':
    case 'recommendation':
      return row.evidence_round_id && row.evidence_code
        ? { kind: row.evidence_kind, roundId: row.evidence_round_id, code: row.evidence_code }
        : null;
    case 'agency':
      return row.evidence_agency_id ? { kind: 'agency', agencyId: row.evidence_agency_id } : null;
    case 'pestle':
      return row.evidence_factor_id ? { kind: 'pestle', factorId: row.evidence_factor_id } : null;
    default:
      return null;
  }
}

function entryOf(row: Row): SwotEntry {
  return {
    id: row.id,
    planId: row.plan_id,
    quadrant: row.quadrant,
    text: row.text,
    importance: row.importance,
    position: row.position,
    evidence: evidenceOf(row),
    proposalKey: row.proposal_key,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

function evidenceColumns(evidence: EvidenceLink | null) {
  return {
    evidence_kind: evidence?.kind ?? null,
    evidence_round_id: evidence && 'roundId' in evidence ? evidence.roundId : null,
    evidence_code: evidence && 'code' in evidence ? evidence.code : null,
    evidence_agency_id: evidence?.kind === 'agency' ? evidence.agencyId : null,
    evidence_factor_id: evidence?.kind === 'pestle' ? evidence.factorId : null,
  };
}

const quadrantOrder = `case quadrant when 'strength' then 1 when 'weakness' then 2 when 'opportunity' then 3 else 4 end`;

/** A plan's SWOT entries: strengths, weaknesses, opportunities, threats, each in its order. */
export async function listSwotEntries(db: Kysely<Schema>, planId: string): Promise<SwotEntry[]> {
  const rows = await db
    .selectFrom('swot_entries')
    .select(columns)
    .where('plan_id', '=', planId)
    .orderBy(sql.raw(quadrantOrder))
    .orderBy('position')
    .orderBy('created_at')
    .execute();
  return rows.map(entryOf);
}

/** An entry of the plan; undefined for one of another plan, as for none. */
export async function findSwotEntry(
  db: Kysely<Schema>,
  planId: string,
  entryId: string,
): Promise<SwotEntry | undefined> {
  const row = await db
    .selectFrom('swot_entries')
    .select(columns)
    .where('plan_id', '=', planId)
    .where('id', '=', entryId)
    .executeTakeFirst();
  return row && entryOf(row);
}

/** The plan's entries accepted from draft proposals, by the proposal's key. */
export async function acceptedProposalKeys(
  db: Kysely<Schema>,
  planId: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('swot_entries')
    .select('proposal_key')
    .where('plan_id', '=', planId)
    .where('proposal_key', 'is not', null)
    .execute();
  return new Set(rows.flatMap((row) => (row.proposal_key ? [row.proposal_key] : [])));
}

/** Adds an entry at the end of its quadrant; undefined when its proposal was already accepted. */
export async function insertSwotEntry(
  db: Kysely<Schema>,
  entry: SwotFields & { planId: string; proposalKey: string | null; updatedBy: string | null },
): Promise<string | undefined> {
  const inserted = await db
    .insertInto('swot_entries')
    .values({
      plan_id: entry.planId,
      quadrant: entry.quadrant,
      text: entry.text,
      importance: entry.importance,
      position: sql<number>`(select coalesce(max(position), 0) + 1 from swot_entries where plan_id = ${entry.planId} and quadrant = ${entry.quadrant})`,
      ...evidenceColumns(entry.evidence),
      proposal_key: entry.proposalKey,
      updated_by: entry.updatedBy,
    })
    .onConflict((conflict) => conflict.columns(['plan_id', 'proposal_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id;
}

/**
 * Writes an entry's fields if it is still at `version`, raising the version;
 * false when another change was saved since (nothing written).
 */
export async function updateSwotEntryIfVersion(
  db: Kysely<Schema>,
  entryId: string,
  version: number,
  fields: SwotFields & { updatedBy: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('swot_entries')
    .set((eb) => ({
      quadrant: fields.quadrant,
      text: fields.text,
      importance: fields.importance,
      ...evidenceColumns(fields.evidence),
      version: eb('version', '+', 1),
      updated_at: new Date(),
      updated_by: fields.updatedBy,
    }))
    .where('id', '=', entryId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes an entry if it is still at `version`; false when it changed since or is gone. */
export async function deleteSwotEntryIfVersion(
  db: Kysely<Schema>,
  entryId: string,
  version: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom('swot_entries')
    .where('id', '=', entryId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
