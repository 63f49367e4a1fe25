// The save log keeps a day of save ids: a retry within it gets the outcome of
// the save it repeats; older entries are pruned, and a save replayed after
// that still cannot undo a later change.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { buildInvitation } from '../../../test/factories/invitations.ts';
import { pruneSaveLog, SAVE_LOG_KEPT_HOURS } from './save-log-store.ts';

const change = (value: number, changedAt: string) => ({
  itemCode: 'LEA01',
  value,
  notApplicable: false,
  comment: null,
  evidenceUrl: null,
  changedAt,
});

describe('the save log', () => {
  const context = useTestApp();
  const save = (token: string, saveId: string, answer: ReturnType<typeof change>) =>
    context.app.inject({
      method: 'PUT',
      url: `/api/respondent/${token}/answers`,
      payload: { saveId, answers: [answer] },
    });
  const logged = async (saveIds: string[]) =>
    (
      await context.database.db
        .selectFrom('response_saves')
        .select('save_id')
        .where('save_id', 'in', saveIds)
        .orderBy('save_id')
        .execute()
    ).map((row) => row.save_id);

  it('keeps a day of save ids, so a retry within it is recognised, and prunes older ones', async () => {
    const invitation = await buildInvitation(context.database.db);
    const ids = ['old-save-1', 'old-save-2', 'old-save-3', 'new-save-1'];
    const old = change(2, '2026-01-01T10:00:00Z');
    for (const [index, saveId] of ids.entries())
      await save(invitation.token, saveId, index < 3 ? old : change(4, '2026-01-01T11:00:00Z'));
    // Three saves made a little over a day ago, one just now.
    await sql`update response_saves set saved_at = now() - interval '25 hours'
              where save_id like 'old-save-%'`.execute(context.database.db);

    const cutoff = new Date(Date.now() - SAVE_LOG_KEPT_HOURS * 3600 * 1000);
    // In batches of two: every batch is removed, not only the first.
    expect(await pruneSaveLog(context.database, cutoff, 2)).toBe(3);
    expect(await logged(ids)).toEqual(['new-save-1']);

    const retried = await save(invitation.token, 'new-save-1', change(4, '2026-01-01T11:00:00Z'));
    expect(retried.json()).toMatchObject({ duplicate: true, written: ['LEA01'] });
    // Replayed after its entry was pruned: not recognised, but it cannot undo the later change.
    const replayed = await save(invitation.token, 'old-save-1', old);
    expect(replayed.json()).toMatchObject({ duplicate: false, written: [] });
    const stored = await context.database.db
      .selectFrom('answers')
      .innerJoin('responses', 'responses.id', 'answers.response_id')
      .where('responses.invitation_id', '=', invitation.id)
      .select('value')
      .execute();
    expect(stored).toEqual([{ value: 4 }]);
  });
});
