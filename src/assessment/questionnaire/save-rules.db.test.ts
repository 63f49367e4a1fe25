// The table of save-rule cases (test/save-rule-cases.ts) through the SQL the
// store runs: each case written by writeSaves, on this database, must come out
// as the TypeScript rules decide it (save-rules.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/databases.ts';
import { type BuiltInvitation, buildInvitation } from '../../../test/factories/invitations.ts';
import { buildRound } from '../../../test/factories/rounds.ts';
import {
  answerChange,
  type CaseAnswer,
  type LatestChangeOutcome,
  latestChangeByRules,
  latestChangeCases,
  linkCases,
  linkOpensByRules,
  type RetryOutcome,
  retryByRules,
  retryCases,
} from '../../../test/save-rule-cases.ts';
import { isoToday } from '../../platform/iso-day.ts';
import type { ResponseStatus } from './save-decision.ts';
import { type AnswerSave, type SaveResult, writeSaves } from './save-store.ts';

describe('the save rules in the SQL the store runs', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('empty');
  });
  afterAll(() => database?.drop());

  const linkOf = (invitation: BuiltInvitation) => ({
    invitationId: invitation.id,
    roundId: invitation.roundId,
    agencyId: invitation.agencyId,
  });

  async function writeOne(save: AnswerSave, today = isoToday()): Promise<SaveResult> {
    const [outcome] = await writeSaves(database.db, [save], today);
    if (outcome === undefined) throw new Error('no outcome');
    return outcome;
  }

  /** A response with these answers stored, as earlier saves left it. */
  async function storedResponse(status: ResponseStatus, stored: readonly CaseAnswer[]) {
    const invitation = await buildInvitation(database.db);
    const response = await database.db
      .insertInto('responses')
      .values({
        invitation_id: invitation.id,
        round_id: invitation.roundId,
        agency_id: invitation.agencyId,
        status,
        submitted_at: status === 'submitted' ? new Date() : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (stored.length > 0)
      await database.db
        .insertInto('answers')
        .values(
          stored.map(answerChange).map((change) => ({
            response_id: response.id,
            item_code: change.itemCode,
            value: change.value,
            not_applicable: change.notApplicable,
            changed_at: change.changedAt,
          })),
        )
        .execute();
    return { invitation, responseId: response.id };
  }

  const answersOf = (responseId: string) =>
    database.db
      .selectFrom('answers')
      .select(['item_code', 'value', 'not_applicable', 'changed_at'])
      .where('response_id', '=', responseId)
      .orderBy('item_code')
      .execute();

  it.each(linkCases)('opens a link or not as decideLink does: $name', async (link) => {
    const invitation = await buildInvitation(database.db, {
      round: await buildRound(database.db, link.round),
      revoked: link.revoked,
    });
    const outcome = await writeOne(
      {
        link: linkOf(invitation),
        changes: [answerChange({ item: 'LEA01', value: 3, at: '10:00:00' })],
        saveId: undefined,
      },
      link.today,
    );
    const opens = outcome !== 'link_closed';
    expect(opens).toBe(linkOpensByRules(link));
    expect(opens).toBe(link.opens);
    const responses = await database.db
      .selectFrom('responses')
      .select('id')
      .where('invitation_id', '=', invitation.id)
      .execute();
    expect(responses).toHaveLength(opens ? 1 : 0);
  });

  it.each(
    latestChangeCases,
  )('keeps the latest change as supersedes does: $name', async (latest) => {
    const { invitation, responseId } = await storedResponse(
      latest.status,
      latest.stored ? [latest.stored] : [],
    );
    const change = answerChange(latest.change);
    const outcome = await writeOne({
      link: linkOf(invitation),
      changes: [change],
      saveId: undefined,
    });
    if (typeof outcome !== 'object') throw new Error(`save ${outcome}`);
    const [after] = await answersOf(responseId);
    const response = await database.db
      .selectFrom('responses')
      .select(['status', 'submitted_at'])
      .where('id', '=', responseId)
      .executeTakeFirstOrThrow();
    expect(outcome.status).toBe(response.status);
    expect(response.submitted_at === null).toBe(response.status === 'draft');
    const bySql: LatestChangeOutcome = {
      written: outcome.written.includes(change.itemCode),
      after: {
        value: after?.value ?? null,
        notApplicable: after?.not_applicable ?? false,
        changedAt: new Date(after?.changed_at ?? 0).toISOString(),
      },
      status: response.status,
    };
    expect(bySql).toEqual(latestChangeByRules(latest));
    expect(bySql).toEqual(latest.expected);
  });

  it.each(retryCases)('answers a save id sent again as repeatedSave does: $name', async (retry) => {
    const { invitation, responseId } = await storedResponse('draft', retry.stored);
    const save = (answers: readonly CaseAnswer[]) =>
      writeOne({
        link: linkOf(invitation),
        changes: answers.map(answerChange),
        saveId: 'retried-01',
      });
    await save(retry.first);
    const afterFirst = await answersOf(responseId);
    const outcome = await save(retry.again);
    if (outcome === 'link_closed') throw new Error('link closed');
    const bySql: RetryOutcome =
      outcome === 'save_id_reused'
        ? outcome
        : { duplicate: outcome.duplicate, written: outcome.written };
    expect(bySql).toEqual(retryByRules(retry));
    expect(bySql).toEqual(retry.expected);
    // A retry writes nothing, nor does a save id reused.
    expect(await answersOf(responseId)).toEqual(afterFirst);
  });
});
