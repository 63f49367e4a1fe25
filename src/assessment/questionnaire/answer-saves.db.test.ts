// Saves written together: each respondent still gets the outcome of their
// own save, whatever it changes, and a save the database refuses fails alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/databases.ts';
import { type BuiltInvitation, buildInvitation } from '../../../test/factories/invitations.ts';
import { buildRound } from '../../../test/factories/rounds.ts';
import type { AnswerChange } from './answer.ts';
import { AnswerSaves, saveThroughLink } from './answer-saves.ts';

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 10, 0, second));

function change(itemCode: string, value: number | null, second: number, extra = {}): AnswerChange {
  return {
    itemCode,
    value,
    notApplicable: false,
    comment: null,
    evidenceUrl: null,
    changedAt: at(second),
    ...extra,
  };
}

const linkOf = (invitation: BuiltInvitation) => ({
  invitationId: invitation.id,
  roundId: invitation.roundId,
  agencyId: invitation.agencyId,
});

describe('saves that arrive together', () => {
  let database: TestDatabase;
  let saves: AnswerSaves;
  beforeAll(async () => {
    database = await openTestDatabase('empty');
    saves = new AnswerSaves(database.db);
  });
  afterAll(() => database?.drop());

  const storedValues = async (invitation: BuiltInvitation) =>
    Object.fromEntries(
      (
        await database.db
          .selectFrom('answers')
          .innerJoin('responses', 'responses.id', 'answers.response_id')
          .where('responses.invitation_id', '=', invitation.id)
          .select(['answers.item_code', 'answers.value'])
          .execute()
      ).map((row) => [row.item_code, row.value]),
    );

  it('gives each respondent the outcome of their own save', async () => {
    const round = await buildRound(database.db);
    const [first, repeating, revoked, later, reusing] = await Promise.all([
      buildInvitation(database.db, { round }),
      buildInvitation(database.db, { round }),
      buildInvitation(database.db, { round, revoked: true }),
      buildInvitation(database.db, { round }),
      buildInvitation(database.db, { round }),
    ]);
    if (!first || !repeating || !revoked || !later || !reusing) throw new Error('no invitations');
    await saves.save({ link: linkOf(repeating), changes: [change('LEA01', 2, 1)], saveId: 'r-01' });
    await saves.save({ link: linkOf(later), changes: [change('LEA01', 5, 9)], saveId: 'l-01' });
    await saves.save({ link: linkOf(reusing), changes: [change('LEA01', 3, 1)], saveId: 'u-01' });

    const outcomes = await Promise.all([
      saves.save({
        link: linkOf(first),
        changes: [change('LEA01', 4, 1), change('LEA02', null, 1, { notApplicable: true })],
        saveId: 'f-01',
      }),
      saves.save({ link: linkOf(repeating), changes: [change('LEA01', 2, 1)], saveId: 'r-01' }),
      saves.save({ link: linkOf(revoked), changes: [change('LEA01', 3, 1)], saveId: 'v-01' }),
      saves.save({
        link: linkOf(later),
        changes: [change('LEA01', 1, 5), change('LEA02', 1, 5)],
        saveId: 'l-02',
      }),
      saves.save({ link: linkOf(reusing), changes: [change('LEA01', 4, 2)], saveId: 'u-01' }),
    ]);

    expect(outcomes).toEqual([
      { duplicate: false, written: ['LEA01', 'LEA02'], status: 'draft' },
      { duplicate: true, written: ['LEA01'], status: 'draft' },
      'link_closed',
      { duplicate: false, written: ['LEA02'], status: 'draft' },
      'save_id_reused',
    ]);
    expect(await storedValues(reusing)).toEqual({ LEA01: 3 });
    expect(await storedValues(first)).toEqual({ LEA01: 4, LEA02: null });
    expect(await storedValues(repeating)).toEqual({ LEA01: 2 });
    expect(await storedValues(revoked)).toEqual({});
    expect(await storedValues(later)).toEqual({ LEA01: 5, LEA02: 1 });
  });

  it('returns to draft only the submitted response whose answer a save of the group clears', async () => {
    const round = await buildRound(database.db);
    const [clearing, correcting] = await Promise.all([
      buildInvitation(database.db, { round }),
      buildInvitation(database.db, { round }),
    ]);
    if (!clearing || !correcting) throw new Error('no invitations');
    for (const invitation of [clearing, correcting])
      await saves.save({
        link: linkOf(invitation),
        changes: [change('LEA01', 3, 1)],
        saveId: undefined,
      });
    // Submitted as they stand: what follows is about the saves, not completeness.
    await database.db
      .updateTable('responses')
      .set({ status: 'submitted', submitted_at: new Date() })
      .where('invitation_id', 'in', [clearing.id, correcting.id])
      .execute();

    const outcomes = await Promise.all([
      saves.save({ link: linkOf(clearing), changes: [change('LEA01', null, 2)], saveId: 'c-01' }),
      saves.save({ link: linkOf(correcting), changes: [change('LEA01', 4, 2)], saveId: 'k-01' }),
    ]);
    expect(outcomes).toEqual([
      { duplicate: false, written: ['LEA01'], status: 'draft' },
      { duplicate: false, written: ['LEA01'], status: 'submitted' },
    ]);
    const responses = await database.db
      .selectFrom('responses')
      .select(['invitation_id', 'status', 'submitted_at'])
      .where('invitation_id', 'in', [clearing.id, correcting.id])
      .execute();
    const byInvitation = new Map(responses.map((row) => [row.invitation_id, row]));
    expect(byInvitation.get(clearing.id)).toMatchObject({ status: 'draft', submitted_at: null });
    expect(byInvitation.get(correcting.id)?.status).toBe('submitted');
    expect(await storedValues(clearing)).toEqual({ LEA01: null });
  });

  it('applies two saves of one respondent arriving together one after the other', async () => {
    const invitation = await buildInvitation(database.db);
    const [earlier, latest] = await Promise.all([
      saves.save({ link: linkOf(invitation), changes: [change('LEA01', 3, 20)], saveId: 'a-01' }),
      saves.save({ link: linkOf(invitation), changes: [change('LEA01', 1, 10)], saveId: 'b-01' }),
    ]);
    expect(earlier).toMatchObject({ duplicate: false, written: ['LEA01'] });
    expect(latest).toMatchObject({ duplicate: false, written: [] });
    expect(await storedValues(invitation)).toEqual({ LEA01: 3 });
  });

  it('refuses a save through a link revoked since it was looked up, saying why', async () => {
    const invitation = await buildInvitation(database.db);
    await database.db
      .updateTable('invitations')
      .set({ revoked_at: new Date() })
      .where('id', '=', invitation.id)
      .execute();
    const refused = await saveThroughLink(database.db, saves, invitation.token, {
      link: linkOf(invitation),
      changes: [change('LEA01', 4, 1)],
      saveId: undefined,
    });
    expect(refused).toMatchObject({ state: 'revoked' });
    expect(await storedValues(invitation)).toEqual({});
  });

  it('fails only the save the database refuses, and writes the others of its group', async () => {
    const round = await buildRound(database.db);
    const [good, bad] = await Promise.all([
      buildInvitation(database.db, { round }),
      buildInvitation(database.db, { round }),
    ]);
    if (!good || !bad) throw new Error('no invitations');
    // A value and "not applicable" at once: the API refuses it before it gets
    // here; the database's own check refuses it too.
    const [kept, refused] = await Promise.allSettled([
      saves.save({ link: linkOf(good), changes: [change('LEA01', 4, 1)], saveId: 'g-01' }),
      saves.save({
        link: linkOf(bad),
        changes: [change('LEA01', 4, 1, { notApplicable: true })],
        saveId: 'b-01',
      }),
    ]);
    expect(kept).toEqual({
      status: 'fulfilled',
      value: { duplicate: false, written: ['LEA01'], status: 'draft' },
    });
    expect(refused.status).toBe('rejected');
    expect(await storedValues(good)).toEqual({ LEA01: 4 });
    expect(await storedValues(bad)).toEqual({});
  });
});
