import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { buildInvitation } from '../../../test/factories/invitations.ts';

describe('autosave through a link that stops opening', () => {
  const context = useTestApp();
  const save = (token: string, saveId: string, value = 4) =>
    context.app.inject({
      method: 'PUT',
      url: `/api/respondent/${token}/answers`,
      payload: {
        saveId,
        answers: [{ itemCode: 'STR01', value, changedAt: new Date().toISOString() }],
      },
    });
  const storedValue = async (invitationId: string) =>
    (
      await context.database.db
        .selectFrom('answers')
        .innerJoin('responses', 'responses.id', 'answers.response_id')
        .where('responses.invitation_id', '=', invitationId)
        .where('answers.item_code', '=', 'STR01')
        .select('answers.value')
        .executeTakeFirst()
    )?.value;

  it('is refused as withdrawn once the link is revoked, though it saved a moment before', async () => {
    const invitation = await buildInvitation(context.database.db);
    expect((await save(invitation.token, 'before-revoke-1')).statusCode).toBe(200);
    await context.database.db
      .updateTable('invitations')
      .set({ revoked_at: new Date() })
      .where('id', '=', invitation.id)
      .execute();
    const refused = await save(invitation.token, 'after-revoke-1', 1);
    expect(refused.statusCode).toBe(410);
    expect(refused.json().error.code).toBe('invitation_revoked');
    expect(await storedValue(invitation.id)).toBe(4);
  });

  it('is refused as closed once the round closes, and writes nothing', async () => {
    const invitation = await buildInvitation(context.database.db);
    expect((await save(invitation.token, 'before-close-1')).statusCode).toBe(200);
    await context.database.db
      .updateTable('rounds')
      .set({ status: 'closed' })
      .where('id', '=', invitation.roundId)
      .execute();
    const refused = await save(invitation.token, 'after-close-1', 2);
    expect(refused.statusCode).toBe(410);
    expect(refused.json().error.code).toBe('round_closed');
    expect(await storedValue(invitation.id)).toBe(4);
  });
});
