// Responses and their answers as stored: reading one respondent's response,
// and submitting it. Answers are written by save-store.ts.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { Framework } from '../frameworks/index.ts';
import {
  hashInvitationToken,
  type Invitation,
  type InvitationRow,
  invitationOf,
  looksLikeInvitationToken,
} from '../invitations/index.ts';
import type { ResponseStatus, StoredAnswer } from './save-decision.ts';
import { missingItems } from './task-list.ts';

export interface StoredResponse {
  id: string | undefined;
  status: ResponseStatus | 'not_started';
  submittedAt: Date | null;
  answers: Map<string, StoredAnswer>;
}

const answerColumns = [
  'item_code',
  'value',
  'not_applicable',
  'comment',
  'evidence_url',
  'changed_at',
] as const;

function toStoredAnswers(
  rows: {
    item_code: string;
    value: number | null;
    not_applicable: boolean;
    comment: string | null;
    evidence_url: string | null;
    /** A Date as a query reads it, its JSON text as respondent_link lists it. */
    changed_at: Date | string;
  }[],
): Map<string, StoredAnswer> {
  return new Map(
    rows.map((row) => [
      row.item_code,
      {
        value: row.value,
        notApplicable: row.not_applicable,
        comment: row.comment,
        evidenceUrl: row.evidence_url,
        changedAt: new Date(row.changed_at),
      },
    ]),
  );
}

/** An answer as the function respondent_link lists its columns. */
type AnswerTuple = [string, number | null, boolean, string | null, string | null, string];

type RespondentLinkRow = InvitationRow & {
  responseId: string | null;
  responseStatus: ResponseStatus | null;
  responseSubmittedAt: Date | null;
  answers: AnswerTuple[] | null;
};

/**
 * The invitation whose link carries `token` and its response, in one query:
 * each page of the questionnaire needs both, and for a respondent without
 * JavaScript, who asks for a page after each one submitted, reading them was
 * most of a page's cost (migration 021 says why it is a function).
 */
export async function findInvitationWithResponse(
  db: Kysely<Schema>,
  token: string,
): Promise<{ invitation: Invitation; response: StoredResponse } | undefined> {
  if (!looksLikeInvitationToken(token)) return undefined;
  const { rows } = await sql<RespondentLinkRow>`
    select * from respondent_link(${hashInvitationToken(token)})
  `.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  const invitation = invitationOf(row);
  if (!row.responseId || !row.responseStatus) return { invitation, response: notStartedResponse() };
  return {
    invitation,
    response: {
      id: row.responseId,
      status: row.responseStatus,
      submittedAt: row.responseSubmittedAt,
      answers: toStoredAnswers(
        (row.answers ?? []).map(
          ([item_code, value, not_applicable, comment, evidence_url, changed_at]) => ({
            item_code,
            value,
            not_applicable,
            comment,
            evidence_url,
            changed_at,
          }),
        ),
      ),
    },
  };
}

export function notStartedResponse(): StoredResponse {
  return { id: undefined, status: 'not_started', submittedAt: null, answers: new Map() };
}

/**
 * The response of an invitation, created if none was saved yet, and locked for
 * the rest of the transaction, so no save changes its answers while a submit
 * checks them.
 */
async function lockResponse(tx: Transaction<Schema>, invitation: Invitation) {
  return tx
    .insertInto('responses')
    .values({
      invitation_id: invitation.id,
      round_id: invitation.round.id,
      agency_id: invitation.agency.id,
      status: 'draft',
    })
    .onConflict((conflict) =>
      conflict.column('invitation_id').doUpdateSet({ updated_at: sql`responses.updated_at` }),
    )
    .returning(['id', 'status', 'submitted_at'])
    .executeTakeFirstOrThrow();
}

/**
 * Submits the response when every item is answered; otherwise refuses with the
 * missing items, each named as a field.
 */
export async function submitResponse(
  db: Kysely<Schema>,
  options: { invitation: Invitation; framework: Framework },
): Promise<{ submittedAt: Date }> {
  const { invitation, framework } = options;
  return db.transaction().execute(async (tx) => {
    const response = await lockResponse(tx, invitation);
    const answers = toStoredAnswers(
      await tx
        .selectFrom('answers')
        .select(answerColumns)
        .where('response_id', '=', response.id)
        .execute(),
    );
    const missing = missingItems(framework, answers);
    if (missing.length > 0) {
      throw new AppError(
        'invalid_request',
        `${missing.length} items are not answered yet; answer them or mark them not applicable, then submit`,
        missing.map(({ item }) => ({ path: item.code, message: 'is not answered' })),
      );
    }
    const row = await tx
      .updateTable('responses')
      .set({ status: 'submitted', submitted_at: sql`now()`, updated_at: sql`now()` })
      .where('id', '=', response.id)
      .returning('submitted_at')
      .executeTakeFirstOrThrow();
    return { submittedAt: row.submitted_at ?? new Date() };
  });
}
