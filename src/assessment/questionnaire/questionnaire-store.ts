// Responses and their answers as stored: reading one respondent's response,
// saving a batch of answer changes in one transaction, and submitting.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { isoToday } from '../../platform/iso-day.ts';
import type { Framework } from '../frameworks/index.ts';
import { frameworkItems } from '../frameworks/index.ts';
import { type Invitation, linkOpensOn } from '../invitations/index.ts';
import { type AnswerChange, isAnswered } from './answer.ts';
import {
  changesToWrite,
  type ResponseStatus,
  repeatedSave,
  type StoredAnswer,
  saveFingerprint,
  saveIdReusedError,
  statusAfterChange,
} from './save-decision.ts';
import { supersedesSql } from './save-decision-sql.ts';
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
    changed_at: Date;
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

/** The respondent's response with every answer; `not_started` before the first save. */
export async function loadResponse(
  db: Kysely<Schema>,
  invitationId: string,
): Promise<StoredResponse> {
  const response = await db
    .selectFrom('responses')
    .select(['id', 'status', 'submitted_at'])
    .where('invitation_id', '=', invitationId)
    .executeTakeFirst();
  if (!response)
    return { id: undefined, status: 'not_started', submittedAt: null, answers: new Map() };
  const rows = await db
    .selectFrom('answers')
    .select(answerColumns)
    .where('response_id', '=', response.id)
    .execute();
  return {
    id: response.id,
    status: response.status,
    submittedAt: response.submitted_at,
    answers: toStoredAnswers(rows),
  };
}

/**
 * The response of an invitation, created on its first save, and locked for
 * the rest of the transaction: saves of one response take turns, which is what
 * makes "the latest change wins" hold when two tabs save at once.
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

/** What a save needs of its link: facts that never change for a token. */
export interface LinkIds {
  invitationId: string;
  roundId: string;
  agencyId: string;
}

export function linkIdsOf(invitation: Invitation): LinkIds {
  return {
    invitationId: invitation.id,
    roundId: invitation.round.id,
    agencyId: invitation.agency.id,
  };
}

export interface SaveOutcome {
  /** True when this save id had been applied before: nothing was written again. */
  duplicate: boolean;
  /** Item codes written (by the save repeated, for a duplicate); the others lost to a later change. */
  written: string[];
  status: ResponseStatus;
}

/**
 * Saves checked answer changes in one transaction: all of them are decided and
 * written, or none. `saveId` (from the client) makes a retried save a no-op
 * answered with the outcome of the save it repeats; the same id with other
 * answers (told by `fingerprint`, of the answers as the client sent them) is
 * refused with a conflict.
 */
export async function saveAnswers(
  db: Kysely<Schema>,
  options: {
    invitation: Invitation;
    framework: Framework;
    changes: readonly AnswerChange[];
    saveId?: string;
    fingerprint?: string;
  },
): Promise<SaveOutcome> {
  const { invitation, framework, changes, saveId } = options;
  const fingerprint = options.fingerprint ?? saveFingerprint(changes);
  // A change that answers (a value or "not applicable") never makes a
  // submitted response incomplete, so it needs no read of the stored answers:
  // the common case of autosave, and most of its cost saved.
  if (changes.length > 0 && changes.every(isAnswered)) {
    const [outcome] = await saveAnsweredGroup(
      db,
      [{ link: linkIdsOf(invitation), changes, saveId, fingerprint }],
      isoToday(),
    );
    if (outcome === 'save_id_reused') throw saveIdReusedError();
    if (outcome && outcome !== 'link_closed') return outcome;
  }
  return db.transaction().execute(async (tx) => {
    const response = await lockResponse(tx, invitation);
    const codes = changes.map((change) => change.itemCode);
    if (saveId !== undefined) {
      const recorded = await tx
        .insertInto('response_saves')
        .values({ response_id: response.id, save_id: saveId, fingerprint })
        .onConflict((conflict) => conflict.doNothing())
        .returning('save_id')
        .executeTakeFirst();
      if (!recorded) {
        const [logged] = await loggedSaves(tx, [{ responseId: response.id, saveId }]);
        const repeat = repeatedSave(
          logged ?? { fingerprint: null, notWritten: null },
          fingerprint,
          codes,
        );
        if (repeat === 'save_id_reused') throw saveIdReusedError();
        return { duplicate: true, written: repeat.written, status: response.status };
      }
    }
    const stored =
      codes.length === 0
        ? new Map<string, StoredAnswer>()
        : toStoredAnswers(
            await tx
              .selectFrom('answers')
              .select(answerColumns)
              .where('response_id', '=', response.id)
              .where('item_code', 'in', codes)
              .execute(),
          );
    const toWrite = changesToWrite(changes, stored);
    if (saveId !== undefined && toWrite.length < changes.length) {
      const written = new Set(toWrite.map((change) => change.itemCode));
      await recordNotWritten(
        tx,
        response.id,
        saveId,
        codes.filter((code) => !written.has(code)),
      );
    }
    if (toWrite.length > 0) {
      await tx
        .insertInto('answers')
        .values(
          toWrite.map((change) => ({
            response_id: response.id,
            item_code: change.itemCode,
            value: change.value,
            not_applicable: change.notApplicable,
            comment: change.comment,
            evidence_url: change.evidenceUrl,
            changed_at: change.changedAt,
          })),
        )
        .onConflict((conflict) =>
          conflict.columns(['response_id', 'item_code']).doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            not_applicable: eb.ref('excluded.not_applicable'),
            comment: eb.ref('excluded.comment'),
            evidence_url: eb.ref('excluded.evidence_url'),
            changed_at: eb.ref('excluded.changed_at'),
            updated_at: sql`now()`,
          })),
        )
        .execute();
    }
    let status = response.status;
    if (status === 'submitted' && toWrite.length > 0) {
      const all = toStoredAnswers(
        await tx
          .selectFrom('answers')
          .select(answerColumns)
          .where('response_id', '=', response.id)
          .execute(),
      );
      status = statusAfterChange(
        status,
        all,
        frameworkItems(framework).map(({ item }) => item.code),
      );
    }
    await tx
      .updateTable('responses')
      .set({
        updated_at: sql`now()`,
        status,
        ...(status === 'draft' ? { submitted_at: null } : {}),
      })
      .where('id', '=', response.id)
      .execute();
    return { duplicate: false, written: toWrite.map((change) => change.itemCode), status };
  });
}

/** A save of answering changes through one link, as autosave sends it. */
export interface AnsweredSave {
  link: LinkIds;
  changes: readonly AnswerChange[];
  saveId: string | undefined;
  /** Of the answers as the client sent them (saveFingerprint); default: of `changes`. */
  fingerprint?: string;
}

/** The log entries of save ids already used, in the order asked for. */
async function loggedSaves(
  tx: Kysely<Schema>,
  saves: readonly { responseId: string; saveId: string }[],
) {
  const rows = await sql<{
    response_id: string;
    save_id: string;
    fingerprint: string | null;
    not_written: string[] | null;
  }>`
    select response_saves.response_id, response_saves.save_id, fingerprint, not_written
    from unnest(${saves.map((save) => save.responseId)}::uuid[],
                ${saves.map((save) => save.saveId)}::text[]) as asked (response_id, save_id)
    join response_saves on response_saves.response_id = asked.response_id
      and response_saves.save_id = asked.save_id
  `.execute(tx);
  const byKey = new Map(rows.rows.map((row) => [`${row.response_id} ${row.save_id}`, row]));
  return saves.map((save) => {
    const row = byKey.get(`${save.responseId} ${save.saveId}`);
    return { fingerprint: row?.fingerprint ?? null, notWritten: row?.not_written ?? null };
  });
}

/** Items a save did not write (a later change was stored), so a retry is told the same. */
async function recordNotWritten(
  tx: Kysely<Schema>,
  responseId: string,
  saveId: string,
  notWritten: string[],
) {
  await tx
    .updateTable('response_saves')
    .set({ not_written: notWritten })
    .where('response_id', '=', responseId)
    .where('save_id', '=', saveId)
    .execute();
}

/**
 * Saves of answering changes through different links, written together in one
 * transaction: three statements whatever their number, so saves that arrive
 * together share the cost of a round trip and a commit (grouped-saves.ts).
 * Each link is checked on `today` (linkOpensOn, decideLink's rule in SQL) as
 * its response is created or locked; each save id is recorded (a repeat stops there); each answer is
 * written unless the stored one was changed later — save-decision.ts's
 * `supersedes`, in SQL (supersedesSql). The outcomes come in the order of the saves;
 * 'link_closed': nothing of that save was written, the caller asks decideLink
 * why. Each statement joins the saves to stored rows only, never to rows of
 * another statement, so its plan does not depend on the planner's guess of how
 * many saves there are.
 */
export async function saveAnsweredGroup(
  db: Kysely<Schema>,
  saves: readonly AnsweredSave[],
  today: string,
): Promise<(SaveOutcome | 'link_closed' | 'save_id_reused')[]> {
  const invitationIds = saves.map((save) => save.link.invitationId);
  if (new Set(invitationIds).size !== saves.length)
    throw new Error('A group of saves has at most one save per link');
  return db.transaction().execute(async (tx) => {
    // Responses are locked in the order of their invitations' ids, so two
    // transactions that lock some of the same responses cannot deadlock.
    const byInvitation = [...saves].sort((a, b) =>
      a.link.invitationId < b.link.invitationId ? -1 : 1,
    );
    const opened = await sql<{ id: string; invitation_id: string; status: ResponseStatus }>`
      insert into responses (invitation_id, round_id, agency_id, status)
      select link.invitation_id, link.round_id, link.agency_id, 'draft'
      from unnest(${byInvitation.map((save) => save.link.invitationId)}::uuid[],
                  ${byInvitation.map((save) => save.link.roundId)}::uuid[],
                  ${byInvitation.map((save) => save.link.agencyId)}::uuid[])
             with ordinality as link (invitation_id, round_id, agency_id, position)
      join invitations on invitations.id = link.invitation_id
      join rounds on rounds.id = invitations.round_id
        and ${linkOpensOn({ invitation: 'invitations', round: 'rounds' }, today)}
      order by link.position
      on conflict (invitation_id) do update set updated_at = now()
      returning id, invitation_id, status
    `.execute(tx);
    const responseOf = new Map(opened.rows.map((row) => [row.invitation_id, row]));
    const open = saves.flatMap((save) => {
      const response = responseOf.get(save.link.invitationId);
      return response ? [{ save, response }] : [];
    });
    const identified = open.filter(({ save }) => save.saveId !== undefined);
    const recorded =
      identified.length === 0
        ? new Set<string>()
        : new Set(
            (
              await sql<{ response_id: string }>`
                insert into response_saves (response_id, save_id, fingerprint)
                select * from unnest(${identified.map(({ response }) => response.id)}::uuid[],
                                     ${identified.map(({ save }) => save.saveId)}::text[],
                                     ${identified.map(({ save }) => fingerprintOf(save))}::text[])
                on conflict do nothing
                returning response_id
              `.execute(tx)
            ).rows.map((row) => row.response_id),
          );
    const fresh = open.filter(
      ({ save, response }) => save.saveId === undefined || recorded.has(response.id),
    );
    const answers = fresh.flatMap(({ save, response }) =>
      save.changes.map((change) => ({ responseId: response.id, change })),
    );
    const written = new Set<string>();
    if (answers.length > 0) {
      const rows = await sql<{ response_id: string; item_code: string }>`
        insert into answers (response_id, item_code, value, not_applicable, comment, evidence_url, changed_at)
        select * from unnest(${answers.map((answer) => answer.responseId)}::uuid[],
                             ${answers.map(({ change }) => change.itemCode)}::text[],
                             ${answers.map(({ change }) => change.value)}::smallint[],
                             ${answers.map(({ change }) => change.notApplicable)}::boolean[],
                             ${answers.map(({ change }) => change.comment)}::text[],
                             ${answers.map(({ change }) => change.evidenceUrl)}::text[],
                             ${answers.map(({ change }) => change.changedAt.toISOString())}::timestamptz[])
        on conflict (response_id, item_code) do update set
          value = excluded.value, not_applicable = excluded.not_applicable, comment = excluded.comment,
          evidence_url = excluded.evidence_url, changed_at = excluded.changed_at, updated_at = now()
        where ${supersedesSql('excluded', 'answers')}
        returning response_id, item_code
      `.execute(tx);
      for (const row of rows.rows) written.add(`${row.response_id} ${row.item_code}`);
    }
    // Rare: a save with items that lost to a later change, and a save id seen before.
    for (const { save, response } of fresh) {
      if (save.saveId === undefined) continue;
      const lost = save.changes
        .map((change) => change.itemCode)
        .filter((code) => !written.has(`${response.id} ${code}`));
      if (lost.length > 0) await recordNotWritten(tx, response.id, save.saveId, lost);
    }
    const repeated = identified.filter(({ response }) => !recorded.has(response.id));
    const logged =
      repeated.length === 0
        ? []
        : await loggedSaves(
            tx,
            repeated.map(({ save, response }) => ({
              responseId: response.id,
              saveId: save.saveId as string,
            })),
          );
    const loggedOf = new Map(repeated.map(({ response }, index) => [response.id, logged[index]]));
    const freshResponses = new Set(fresh.map(({ response }) => response.id));
    return saves.map((save): SaveOutcome | 'link_closed' | 'save_id_reused' => {
      const response = responseOf.get(save.link.invitationId);
      if (!response) return 'link_closed';
      const codes = save.changes.map((change) => change.itemCode);
      if (!freshResponses.has(response.id)) {
        const repeat = repeatedSave(
          loggedOf.get(response.id) ?? { fingerprint: null, notWritten: null },
          fingerprintOf(save),
          codes,
        );
        if (repeat === 'save_id_reused') return repeat;
        return { duplicate: true, written: repeat.written, status: response.status };
      }
      return {
        duplicate: false,
        written: codes.filter((code) => written.has(`${response.id} ${code}`)),
        status: response.status,
      };
    });
  });
}

function fingerprintOf(save: AnsweredSave): string {
  return save.fingerprint ?? saveFingerprint(save.changes);
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
