// The answers of a round's submitted responses, read a batch of responses at a
// time (by response id, with the index of responses' primary key), so an
// export of a large round keeps memory flat and leaves the database to other
// requests between batches. A round of the demo holds ~26,000 answers.
import type { Kysely } from 'kysely';
import type { Schema } from '../../../platform/db/schema.ts';
import type { SubmittedAnswer } from './answer-export.ts';

export interface AnswerScope {
  roundId: string;
  /** Only these agencies' responses; undefined: every agency's. */
  agencyIds?: readonly string[] | undefined;
}

const RESPONSES_PER_BATCH = 200;

function submittedResponses(db: Kysely<Schema>, scope: AnswerScope) {
  let query = db
    .selectFrom('responses')
    .select(['id', 'agency_id'])
    .where('round_id', '=', scope.roundId)
    .where('status', '=', 'submitted');
  if (scope.agencyIds) query = query.where('agency_id', 'in', scope.agencyIds);
  return query.orderBy('id');
}

async function answersOf(
  db: Kysely<Schema>,
  responses: readonly { id: string; agency_id: string }[],
): Promise<SubmittedAnswer[]> {
  if (responses.length === 0) return [];
  const agencyOf = new Map(responses.map((response) => [response.id, response.agency_id]));
  const rows = await db
    .selectFrom('answers')
    .select(['response_id', 'item_code', 'value', 'not_applicable', 'comment', 'evidence_url'])
    .where(
      'response_id',
      'in',
      responses.map((response) => response.id),
    )
    .orderBy('response_id')
    .orderBy('item_code')
    .execute();
  return rows.map((row) => ({
    responseId: row.response_id,
    agencyId: agencyOf.get(row.response_id) ?? '',
    itemCode: row.item_code,
    value: row.value,
    notApplicable: row.not_applicable,
    comment: row.comment,
    evidenceUrl: row.evidence_url,
  }));
}

/**
 * Every answer of the round's submitted responses, in batches of whole
 * responses ordered by response id (a random order: it says nothing of who
 * answered when). A response submitted while the batches are read appears if
 * its id comes after the last batch read.
 */
export async function* submittedAnswerBatches(
  db: Kysely<Schema>,
  scope: AnswerScope,
  responsesPerBatch = RESPONSES_PER_BATCH,
): AsyncGenerator<SubmittedAnswer[]> {
  if (scope.agencyIds?.length === 0) return;
  let after: string | undefined;
  for (;;) {
    let query = submittedResponses(db, scope).limit(responsesPerBatch);
    if (after !== undefined) query = query.where('id', '>', after);
    const responses = await query.execute();
    if (responses.length === 0) return;
    yield await answersOf(db, responses);
    if (responses.length < responsesPerBatch) return;
    after = responses.at(-1)?.id;
    // PGlite answers in microtasks: let timers and other requests run between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * One page of the same answers for the API: the answers of `limit` responses,
 * from the `page`th (from 1) such set, and whether another page follows.
 */
export async function submittedAnswerPage(
  db: Kysely<Schema>,
  scope: AnswerScope,
  page: { page: number; limit: number },
): Promise<{ answers: SubmittedAnswer[]; more: boolean }> {
  if (scope.agencyIds?.length === 0) return { answers: [], more: false };
  const responses = await submittedResponses(db, scope)
    .offset((page.page - 1) * page.limit)
    .limit(page.limit + 1)
    .execute();
  return {
    answers: await answersOf(db, responses.slice(0, page.limit)),
    more: responses.length > page.limit,
  };
}
