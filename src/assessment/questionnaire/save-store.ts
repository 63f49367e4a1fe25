// The one write of answers. Every save of a respondent's answers — autosave,
// a page posted without JavaScript — is written by writeSaves, in a group of
// the saves that arrived together (answer-saves.ts); a lone save is a group of
// one. One transaction per group, a few statements whatever its size.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import { type Invitation, linkOpensOn } from '../invitations/index.ts';
import type { AnswerChange } from './answer.ts';
import {
  type ResponseStatus,
  repeatedSave,
  saveFingerprint,
  statusAfterWrite,
} from './save-decision.ts';
import { supersedesSql } from './save-decision-sql.ts';

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

/** A save of checked answer changes through one link. */
export interface AnswerSave {
  link: LinkIds;
  changes: readonly AnswerChange[];
  /** From the client: a retried save is recognised by it. None for pages posted without JavaScript. */
  saveId: string | undefined;
  /** Of the answers as the client sent them (saveFingerprint); default: of `changes`. */
  fingerprint?: string;
  /**
   * A page posted without JavaScript, which sends every item on it: only the
   * items whose content differs from the stored answer are changes, so posting
   * the same form twice writes nothing the second time (writeAnswers).
   */
  wholePage?: boolean;
}

export interface SaveOutcome {
  /** True when this save id had been applied before: nothing was written again. */
  duplicate: boolean;
  /** Item codes written (by the save repeated, for a duplicate); the others lost to a later change. */
  written: string[];
  status: ResponseStatus;
}

/**
 * 'link_closed': the link does not open today, nothing of the save was
 * written (the caller asks decideLink why); 'save_id_reused': its save id was
 * used before for other answers, nothing was written.
 */
export type SaveResult = SaveOutcome | 'link_closed' | 'save_id_reused';

/**
 * Writes saves through different links in one transaction, all or nothing,
 * with the outcome of each in the order of the saves. Each link is checked on
 * `today` (linkOpensOn: decideLink's rule in SQL) as its response is created
 * or locked; each save id is recorded, and a save whose id was recorded before
 * stops there (repeatedSave); each answer is written unless the stored one was
 * changed later (supersedesSql: supersedes in SQL); a submitted response that
 * a written change leaves unanswered returns to draft (statusAfterWrite). Each
 * statement joins the saves to stored rows only, never to rows of another
 * statement, so its plan does not depend on the planner's guess of how many
 * saves there are.
 */
export async function writeSaves(
  db: Kysely<Schema>,
  saves: readonly AnswerSave[],
  today: string,
): Promise<SaveResult[]> {
  const invitationIds = saves.map((save) => save.link.invitationId);
  if (new Set(invitationIds).size !== saves.length)
    throw new Error('A group of saves has at most one save per link');
  return db.transaction().execute(async (tx) => {
    const responseOf = await lockOpenResponses(tx, saves, today);
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
    const written = await writeAnswers(tx, fresh);
    const writtenBy = (save: AnswerSave, responseId: string) =>
      save.changes.filter((change) => written.has(`${responseId} ${change.itemCode}`));

    // Rare: a save with items that lost to a later change.
    for (const { save, response } of fresh) {
      if (save.saveId === undefined) continue;
      const lost = save.changes
        .map((change) => change.itemCode)
        .filter((code) => !written.has(`${response.id} ${code}`));
      if (lost.length > 0) await recordNotWritten(tx, response.id, save.saveId, lost);
    }
    const statusOf = new Map(
      fresh.map(({ save, response }) => [
        response.id,
        statusAfterWrite(response.status, writtenBy(save, response.id)),
      ]),
    );
    const returnedToDraft = fresh
      .filter(({ response }) => response.status !== statusOf.get(response.id))
      .map(({ response }) => response.id);
    if (returnedToDraft.length > 0) {
      await sql`
        update responses set status = 'draft', submitted_at = null
        where id = any (${returnedToDraft}::uuid[])
      `.execute(tx);
    }

    // Rare: a save id seen before.
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
    return saves.map((save): SaveResult => {
      const response = responseOf.get(save.link.invitationId);
      if (!response) return 'link_closed';
      const status = statusOf.get(response.id);
      // Not a fresh save: its save id was logged before.
      if (status === undefined) {
        const repeat = repeatedSave(
          loggedOf.get(response.id) ?? { fingerprint: null, notWritten: null },
          fingerprintOf(save),
          save.changes.map((change) => change.itemCode),
        );
        if (repeat === 'save_id_reused') return repeat;
        return { duplicate: true, written: repeat.written, status: response.status };
      }
      return {
        duplicate: false,
        written: writtenBy(save, response.id).map((change) => change.itemCode),
        status,
      };
    });
  });
}

/**
 * The responses of the saves whose links open today, created on a link's
 * first save, and locked for the rest of the transaction: saves of one
 * response take turns, which is what makes "the latest change wins" hold when
 * two tabs save at once. Locked in the order of their invitations' ids, so two
 * transactions that lock some of the same responses cannot deadlock.
 */
async function lockOpenResponses(
  tx: Transaction<Schema>,
  saves: readonly AnswerSave[],
  today: string,
) {
  const links = saves
    .map((save) => save.link)
    .sort((a, b) => (a.invitationId < b.invitationId ? -1 : 1));
  const locked = await sql<{ id: string; invitation_id: string; status: ResponseStatus }>`
    insert into responses (invitation_id, round_id, agency_id, status)
    select link.invitation_id, link.round_id, link.agency_id, 'draft'
    from unnest(${links.map((link) => link.invitationId)}::uuid[],
                ${links.map((link) => link.roundId)}::uuid[],
                ${links.map((link) => link.agencyId)}::uuid[])
           with ordinality as link (invitation_id, round_id, agency_id, position)
    join invitations on invitations.id = link.invitation_id
    join rounds on rounds.id = invitations.round_id
      and ${linkOpensOn({ invitation: 'invitations', round: 'rounds' }, today)}
    order by link.position
    on conflict (invitation_id) do update set updated_at = now()
    returning id, invitation_id, status
  `.execute(tx);
  return new Map(locked.rows.map((row) => [row.invitation_id, row]));
}

/**
 * Writes the answers of the saves; returns `<response id> <item code>` of each
 * written. The items of whole pages go in a statement of their own, which
 * leaves out those the same as stored: decided here, with their responses
 * locked, rather than by reading the answers before the transaction, when
 * another save could still change them; and only there, so autosaves, the
 * busiest writes, keep the plain statement.
 */
async function writeAnswers(
  tx: Transaction<Schema>,
  saves: readonly { save: AnswerSave; response: { id: string } }[],
): Promise<Set<string>> {
  const written = new Set<string>();
  for (const wholePages of [false, true]) {
    const answers = saves
      .filter(({ save }) => (save.wholePage === true) === wholePages)
      .flatMap(({ save, response }) =>
        save.changes.map((change) => ({ responseId: response.id, change })),
      );
    if (answers.length === 0) continue;
    const rows = await sql<{ response_id: string; item_code: string }>`
      insert into answers (response_id, item_code, value, not_applicable, comment, evidence_url, changed_at)
      select change.*
      from unnest(${answers.map((answer) => answer.responseId)}::uuid[],
                  ${answers.map(({ change }) => change.itemCode)}::text[],
                  ${answers.map(({ change }) => change.value)}::smallint[],
                  ${answers.map(({ change }) => change.notApplicable)}::boolean[],
                  ${answers.map(({ change }) => change.comment)}::text[],
                  ${answers.map(({ change }) => change.evidenceUrl)}::text[],
                  ${answers.map(({ change }) => change.changedAt.toISOString())}::timestamptz[])
             as change (response_id, item_code, value, not_applicable, comment, evidence_url,
                        changed_at)
      ${wholePages ? changedContentOnly : sql``}
      on conflict (response_id, item_code) do update set
        value = excluded.value, not_applicable = excluded.not_applicable, comment = excluded.comment,
        evidence_url = excluded.evidence_url, changed_at = excluded.changed_at, updated_at = now()
      where ${supersedesSql('excluded', 'answers')}
      returning response_id, item_code
    `.execute(tx);
    for (const row of rows.rows) written.add(`${row.response_id} ${row.item_code}`);
  }
  return written;
}

/** The items whose content differs from the stored answer; no stored answer reads as a blank one. */
const changedContentOnly = sql`
  left join answers stored
    on stored.response_id = change.response_id and stored.item_code = change.item_code
  where (change.value, change.not_applicable, change.comment, change.evidence_url)
        is distinct from
        (stored.value, coalesce(stored.not_applicable, false), stored.comment, stored.evidence_url)
`;

/** The log entries of save ids already used, in the order asked for. */
async function loggedSaves(
  tx: Transaction<Schema>,
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
  tx: Transaction<Schema>,
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

function fingerprintOf(save: AnswerSave): string {
  return save.fingerprint ?? saveFingerprint(save.changes);
}
