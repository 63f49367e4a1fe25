import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { headersOf, signInAs } from '../../../test/accounts.ts';
import { buildResponse } from '../../../test/factories/responses.ts';
import { buildRound } from '../../../test/factories/rounds.ts';
import { useMailTestApp } from '../../../test/mail-app.ts';
import { sendScheduledReminders } from './reminder-schedule.ts';

const DAY = 24 * 3600 * 1000;

describe('reminders to respondents who have not submitted', () => {
  const context = useMailTestApp();

  async function invite(roundId: string, agencyId: string, emails: string[]) {
    const lead = headersOf(await signInAs(context.database, 'coordinator'));
    const response = await context.app.inject({
      method: 'POST',
      url: `/api/rounds/${roundId}/invitations`,
      headers: lead,
      payload: { agencyId, respondents: emails.map((email) => ({ email })) },
    });
    expect(response.statusCode).toBe(201);
    return response.json().invited.map((row: { invitationId: string }) => row.invitationId);
  }

  const remindersTo = (email: string) =>
    context.smtp.delivered.filter(
      (mail) => mail.to.includes(email) && mail.subject.startsWith('Reminder:'),
    );

  it('sends each due reminder once, even when the schedule runs twice at the same moment', async () => {
    const { database, smtp, mail } = context;
    const round = await buildRound(database.db, { name: 'Schedule round' });
    const emails = Array.from({ length: 12 }, (_, i) => `waiting${i}@sched.example`);
    const ids = await invite(round.id, round.agencyIds[0]!, emails);
    // One of them has submitted: nobody reminds them.
    await buildResponse(database.db, {
      invitation: { id: ids[0], roundId: round.id, agencyId: round.agencyIds[0]! },
    });
    const before = smtp.delivered.length;
    const aWeekOn = new Date(Date.now() + 8 * DAY);
    const runs = await Promise.all([
      sendScheduledReminders(database, mail.mailer, aWeekOn),
      sendScheduledReminders(database, mail.mailer, aWeekOn),
    ]);
    expect(runs[0].reminded + runs[1].reminded).toBe(11);
    await smtp.waitFor(before + 11);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.delivered.length).toBe(before + 11);
    expect(remindersTo(emails[0]!)).toEqual([]);
    for (const email of emails.slice(1)) expect(remindersTo(email)).toHaveLength(1);
    const [reminder] = remindersTo(emails[1]!);
    expect(reminder!.subject).toMatch(/^Reminder: Schedule round closes on /);
    expect(reminder!.text).toContain('Your personal link is in the invitation of');

    // An hour later nothing more is due; a week after the reminder, the next one is.
    const anHourOn = new Date(aWeekOn.getTime() + 3600 * 1000);
    expect((await sendScheduledReminders(database, mail.mailer, anHourOn)).reminded).toBe(0);
    const twoWeeksOn = new Date(aWeekOn.getTime() + 8 * DAY);
    expect((await sendScheduledReminders(database, mail.mailer, twoWeeksOn)).reminded).toBe(11);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['actor_label', 'details'])
      .where('action', '=', 'invitation.reminded')
      .where('entity_id', '=', ids[1])
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ actor_label: 'reminder schedule' });
  });

  it('reminds on demand, per agency or for the whole round, once however often it is pressed', async () => {
    const { app, database, smtp } = context;
    const round = await buildRound(database.db, { agencyCount: 3 });
    const [first, second] = round.agencyIds as [string, string];
    await invite(round.id, first, ['one@demand.example']);
    await invite(round.id, second, ['two@demand.example']);
    // Invited yesterday, so not contacted within the quiet hours.
    await sql`update invitations set created_at = now() - interval '1 day' where round_id = ${round.id}`.execute(
      database.db,
    );
    const lead = await signInAs(database, 'coordinator');
    const press = (url: string) =>
      app.inject({
        method: 'POST',
        url,
        payload: new URLSearchParams({ _csrf: lead.csrfToken }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: lead.cookie },
      });
    const agencyPress = await press(`/rounds/${round.id}/invitations/${first}/reminders`);
    expect(agencyPress.headers.location).toBe(
      `/rounds/${round.id}/invitations/${first}?reminded=1`,
    );
    const roundPress = await press(`/rounds/${round.id}/reminders`);
    expect(roundPress.headers.location).toBe(`/rounds/${round.id}/invitations?reminded=1`);
    const again = await press(`/rounds/${round.id}/reminders`);
    expect(again.headers.location).toBe(`/rounds/${round.id}/invitations?reminded=0`);
    const notice = await app.inject({
      method: 'GET',
      url: again.headers.location as string,
      headers: { cookie: lead.cookie },
    });
    expect(notice.body).toContain('Nobody was due a reminder.');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(remindersTo('one@demand.example')).toHaveLength(1);
    expect(remindersTo('two@demand.example')).toHaveLength(1);
    expect(smtp.delivered.length).toBeGreaterThan(0);
  });

  it('lets a focal point remind only their own agencies', async () => {
    const { app, database } = context;
    const round = await buildRound(database.db);
    const [own, other] = round.agencyIds as [string, string];
    const focal = headersOf(await signInAs(database, 'focal_point', { agencyIds: [own] }));
    const refused = await app.inject({
      method: 'POST',
      url: `/api/rounds/${round.id}/reminders`,
      headers: focal,
      payload: { agencyId: other },
    });
    expect(refused.statusCode).toBe(403);
    const allowed = await app.inject({
      method: 'POST',
      url: `/api/rounds/${round.id}/reminders`,
      headers: focal,
      payload: {},
    });
    expect(allowed.json()).toEqual({ reminded: 0 });
  });

  it('refuses to remind anyone of a round that is closed or not yet open', async () => {
    const { app, database } = context;
    const lead = headersOf(await signInAs(database, 'coordinator'));
    for (const status of ['closed', 'draft'] as const) {
      const round = await buildRound(database.db, { status });
      const refused = await app.inject({
        method: 'POST',
        url: `/api/rounds/${round.id}/reminders`,
        headers: lead,
        payload: {},
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.fields).toEqual([
        { path: 'params.id', message: 'is not an open round' },
      ]);
    }
  });
});
