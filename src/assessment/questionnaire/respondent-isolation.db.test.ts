import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { buildInvitation } from '../../../test/factories/invitations.ts';
import { buildRound } from '../../../test/factories/rounds.ts';

describe('a respondent link', () => {
  const context = useTestApp();

  it('reads and changes only its own response, never another agency’s', async () => {
    const round = await buildRound(context.database.db, { agencyCount: 2 });
    const first = await buildInvitation(context.database.db, { round });
    const second = await buildInvitation(context.database.db, {
      round,
      agencyId: round.agencyIds[1]!,
    });
    expect(first.agencyId).not.toBe(second.agencyId);
    const save = (token: string, value: number, saveId: string) =>
      context.app.inject({
        method: 'PUT',
        url: `/api/respondent/${token}/answers`,
        payload: {
          saveId,
          answers: [{ itemCode: 'LEA01', value, changedAt: new Date().toISOString() }],
        },
      });

    expect((await save(first.token, 5, 'first-save-1')).statusCode).toBe(200);
    const seenBySecond = (
      await context.app.inject({ method: 'GET', url: `/api/respondent/${second.token}` })
    ).json();
    expect(seenBySecond.answers).toEqual([]);
    expect(seenBySecond.agency.name).not.toBe(
      (await context.app.inject({ method: 'GET', url: `/api/respondent/${first.token}` })).json()
        .agency.name,
    );

    expect((await save(second.token, 1, 'second-save-1')).statusCode).toBe(200);
    const firstAfter = (
      await context.app.inject({ method: 'GET', url: `/api/respondent/${first.token}` })
    ).json();
    expect(
      firstAfter.answers.map((a: { itemCode: string; value: number }) => [a.itemCode, a.value]),
    ).toEqual([['LEA01', 5]]);

    // The link opens no member page or API: it is not a session.
    const members = await context.app.inject({
      method: 'GET',
      url: `/api/rounds/${round.id}`,
      headers: { cookie: `transforma_session=${first.token}` },
    });
    expect(members.statusCode).toBe(401);
  });
});
