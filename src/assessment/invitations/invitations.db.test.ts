import { describe, expect, it } from 'vitest';
import { headersOf, signInAs } from '../../../test/accounts.ts';
import { buildInvitation } from '../../../test/factories/invitations.ts';
import { buildResponse } from '../../../test/factories/responses.ts';
import { buildRound } from '../../../test/factories/rounds.ts';
import { pathOf, TEST_PUBLIC_URL, useMailTestApp } from '../../../test/mail-app.ts';
import { linkIn } from '../../../test/smtp.ts';
import { MASK } from '../../platform/mail/mail-message.ts';

describe('inviting respondents by email', () => {
  const context = useMailTestApp();
  const form = (fields: Record<string, string>) => ({
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

  it('sends each respondent of an agency a secret link in their language, which opens the questionnaire', async () => {
    const { app, database, smtp } = context;
    const round = await buildRound(database.db, { name: 'Self-assessment 2027' });
    const agencyId = round.agencyIds[0]!;
    const lead = await signInAs(database, 'coordinator');
    const before = smtp.delivered.length;
    const { payload, headers } = form({
      _csrf: lead.csrfToken,
      list: 'email,language\nana@health.gov.example,es\nben@health.gov.example,\n',
      language: 'en',
    });
    const response = await app.inject({
      method: 'POST',
      url: `/rounds/${round.id}/invitations/${agencyId}`,
      payload,
      headers: { ...headers, cookie: lead.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('2 invitations were sent by email.');
    expect(response.body).not.toContain(`${TEST_PUBLIC_URL}/r/`);
    const mails = (await smtp.waitFor(before + 2)).slice(before);
    const ana = mails.find((mail) => mail.to.includes('ana@health.gov.example'))!;
    const ben = mails.find((mail) => mail.to.includes('ben@health.gov.example'))!;
    expect(ana.subject).toMatch(/^Self-assessment 2027: su invitación a responder por /);
    expect(ana.language).toBe('es');
    expect(ben.subject).toMatch(/^Self-assessment 2027: your invitation to answer for /);
    expect(ben.from).toBe('transforma@test.example');
    expect(ben.html).toContain(`<a href="${linkIn(ben, `${TEST_PUBLIC_URL}/r/`)}">`);

    const link = linkIn(ana, `${TEST_PUBLIC_URL}/r/`);
    const questionnaire = await app.inject({ method: 'GET', url: pathOf(link) });
    expect(questionnaire.statusCode).toBe(200);
    expect(linkIn(ana, TEST_PUBLIC_URL)).not.toBe(linkIn(ben, TEST_PUBLIC_URL));

    // The database holds the message with its link masked, and only the link's hash.
    const token = pathOf(link).slice('/r/'.length);
    const stored = await database.db
      .selectFrom('mail_messages')
      .select(['body', 'status', 'kind'])
      .where('recipient', '=', 'ana@health.gov.example')
      .execute();
    expect(stored).toEqual([expect.objectContaining({ kind: 'invitation', status: 'sent' })]);
    expect(stored[0]!.body).toContain(`/r/${MASK}`);
    expect(stored[0]!.body).not.toContain(token);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'invitation.created')
      .execute();
    expect(audit.map((entry) => entry.details.email)).toEqual(
      expect.arrayContaining(['ana@health.gov.example', 'ben@health.gov.example']),
    );
  });

  it('says nobody new was invited when every address already had a link', async () => {
    const { app, database } = context;
    const round = await buildRound(database.db);
    const agencyId = round.agencyIds[0]!;
    const lead = await signInAs(database, 'coordinator');
    const send = () => {
      const { payload, headers } = form({
        _csrf: lead.csrfToken,
        list: 'eve@health.gov.example',
        language: 'en',
      });
      return app.inject({
        method: 'POST',
        url: `/rounds/${round.id}/invitations/${agencyId}`,
        payload,
        headers: { ...headers, cookie: lead.cookie },
      });
    };
    expect((await send()).body).toContain('<h1>Invitations created</h1>');
    const again = await send();
    expect(again.body).toContain('<h1>No one new was invited</h1>');
    expect(again.body).toContain('1 address already had a working link and was left out');
  });

  it('invites through the API, leaves out addresses that already have a link, and lists respondents', async () => {
    const { app, database, smtp } = context;
    const round = await buildRound(database.db);
    const agencyId = round.agencyIds[0]!;
    const lead = headersOf(await signInAs(database, 'admin'));
    const before = smtp.delivered.length;
    const invite = (emails: string[]) =>
      app.inject({
        method: 'POST',
        url: `/api/rounds/${round.id}/invitations`,
        headers: lead,
        payload: { agencyId, respondents: emails.map((email) => ({ email })) },
      });
    const first = await invite(['cy@x.example']);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({
      skipped: [],
      invited: [{ invitationId: expect.any(String), email: 'cy@x.example', sent: true }],
    });
    const second = await invite(['CY@x.example', 'dee@x.example']);
    expect(second.json().skipped).toEqual(['CY@x.example']);
    expect(second.json().invited.map((row: { email: string }) => row.email)).toEqual([
      'dee@x.example',
    ]);
    await smtp.waitFor(before + 2);
    const list = await app.inject({
      method: 'GET',
      url: `/api/rounds/${round.id}/invitations?agencyId=${agencyId}`,
      headers: lead,
    });
    expect(list.json().invitations.map((row: { email: string; progress: string }) => row)).toEqual([
      expect.objectContaining({ email: 'cy@x.example', progress: 'not_started', revokedAt: null }),
      expect.objectContaining({ email: 'dee@x.example', progress: 'not_started' }),
    ]);
  });

  it('names every malformed row and invites nobody from a list with a problem', async () => {
    const { app, database } = context;
    const round = await buildRound(database.db);
    const agencyId = round.agencyIds[0]!;
    const lead = await signInAs(database, 'coordinator');
    const { payload, headers } = form({
      _csrf: lead.csrfToken,
      list: 'ok@x.example\nnot an address\nok@x.example',
      language: 'en',
    });
    const page = await app.inject({
      method: 'POST',
      url: `/rounds/${round.id}/invitations/${agencyId}`,
      payload,
      headers: { ...headers, cookie: lead.cookie },
    });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('The list has 2 problems; nobody was invited.');
    expect(page.body).toContain('Row 2: &quot;not an address&quot; is not an email address');
    expect(page.body).toContain('Row 3: ok@x.example is already on row 1');
    expect(page.body).toContain('ok@x.example\nnot an address');

    const api = await app.inject({
      method: 'POST',
      url: `/api/rounds/${round.id}/invitations`,
      headers: headersOf(lead),
      payload: { agencyId, csv: 'Email;Language\na@x.example;en\nb(at)x.example;en\n' },
    });
    expect(api.statusCode).toBe(400);
    expect(api.json().error.fields).toEqual([
      { path: 'body.csv.row3', message: 'Row 3: "b(at)x.example" is not an email address' },
    ]);
    const typed = await app.inject({
      method: 'POST',
      url: `/api/rounds/${round.id}/invitations`,
      headers: headersOf(lead),
      payload: { agencyId, respondents: [{ email: 'a@x.example' }, { email: 'nope' }] },
    });
    expect(typed.json().error.fields).toEqual([
      { path: 'body.respondents.1', message: 'Row 2: "nope" is not an email address' },
    ]);
    const invited = await database.db
      .selectFrom('invitations')
      .select('email')
      .where('round_id', '=', round.id)
      .execute();
    expect(invited).toEqual([]);
  });

  it('shows a focal point how many have submitted, not who; a coordinator sees who', async () => {
    const { app, database } = context;
    const round = await buildRound(database.db);
    const agencyId = round.agencyIds[0] as string;
    const ana = await buildInvitation(database.db, { round, email: 'ana@health.gov.example' });
    await buildInvitation(database.db, { round, email: 'ben@health.gov.example' });
    await buildResponse(database.db, { invitation: ana });
    const focal = await signInAs(database, 'focal_point', { agencyIds: [agencyId] });
    const lead = await signInAs(database, 'coordinator');
    const api = (signedIn: typeof focal) =>
      app.inject({
        method: 'GET',
        url: `/api/rounds/${round.id}/invitations?agencyId=${agencyId}`,
        headers: headersOf(signedIn),
      });
    const asFocal = (await api(focal)).json();
    expect(asFocal).toMatchObject({ whoSubmitted: false, invited: 2, submitted: 1 });
    expect(asFocal.invitations.map((i: { progress: unknown }) => i.progress)).toEqual([null, null]);
    const asLead = (await api(lead)).json();
    expect(asLead.whoSubmitted).toBe(true);
    expect(
      asLead.invitations.find((i: { email: string }) => i.email === 'ana@health.gov.example')
        .progress,
    ).toBe('submitted');

    const page = await app.inject({
      method: 'GET',
      url: `/rounds/${round.id}/invitations/${agencyId}`,
      headers: { cookie: focal.cookie },
    });
    expect(page.body).toContain('1 of 2 invited have submitted');
    expect(page.body).toContain('ana@health.gov.example');
    expect(page.body).not.toContain('>Submitted<');
  });

  it('lets a focal point manage only the respondents of their own agencies', async () => {
    const { app, database } = context;
    const round = await buildRound(database.db);
    const [own, other] = round.agencyIds as [string, string];
    const focal = await signInAs(database, 'focal_point', { agencyIds: [own] });
    const invite = (agencyId: string) =>
      app.inject({
        method: 'POST',
        url: `/api/rounds/${round.id}/invitations`,
        headers: headersOf(focal),
        payload: { agencyId, respondents: [{ email: `officer@${agencyId.slice(0, 8)}.example` }] },
      });
    expect((await invite(own)).statusCode).toBe(201);
    const refused = await invite(other);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.fields).toEqual([
      { path: 'body.agencyId', message: 'is not one of your agencies' },
    ]);
    const page = await app.inject({
      method: 'GET',
      url: `/rounds/${round.id}/invitations/${other}`,
      headers: { cookie: focal.cookie },
    });
    expect(page.statusCode).toBe(403);
    const overview = await app.inject({
      method: 'GET',
      url: `/rounds/${round.id}/invitations`,
      headers: { cookie: focal.cookie },
    });
    expect(overview.body).toContain(`/rounds/${round.id}/invitations/${own}`);
    expect(overview.body).not.toContain(`/rounds/${round.id}/invitations/${other}`);
  });

  it('refuses to invite to a closed round, or to an agency outside the round', async () => {
    const { app, database } = context;
    const lead = headersOf(await signInAs(database, 'admin'));
    const closed = await buildRound(database.db, { status: 'closed' });
    const open = await buildRound(database.db, { agencyCount: 1 });
    const late = await app.inject({
      method: 'POST',
      url: `/api/rounds/${closed.id}/invitations`,
      headers: lead,
      payload: { agencyId: closed.agencyIds[0], respondents: [{ email: 'a@x.example' }] },
    });
    expect(late.statusCode).toBe(409);
    const outside = await app.inject({
      method: 'POST',
      url: `/api/rounds/${open.id}/invitations`,
      headers: lead,
      payload: { agencyId: closed.agencyIds[1], respondents: [{ email: 'a@x.example' }] },
    });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.fields[0].path).toBe('body.agencyId');
  });

  it('revokes a link, which then says it was withdrawn, and records who did it', async () => {
    const { app, database, smtp } = context;
    const round = await buildRound(database.db);
    const lead = await signInAs(database, 'coordinator', { name: 'Tess Lead' });
    const before = smtp.delivered.length;
    const created = await app.inject({
      method: 'POST',
      url: `/api/rounds/${round.id}/invitations`,
      headers: headersOf(lead),
      payload: { agencyId: round.agencyIds[0], respondents: [{ email: 'gone@x.example' }] },
    });
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    const { invitationId } = created.json().invited[0];
    const revoke = await app.inject({
      method: 'POST',
      url: `/invitations/${invitationId}/revoke`,
      payload: new URLSearchParams({ _csrf: lead.csrfToken }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: lead.cookie },
    });
    expect(revoke.statusCode).toBe(303);
    expect(revoke.headers.location).toBe(`/rounds/${round.id}/invitations/${round.agencyIds[0]}`);
    const opened = await app.inject({
      method: 'GET',
      url: pathOf(linkIn(mail!, `${TEST_PUBLIC_URL}/r/`)),
    });
    expect(opened.statusCode).toBe(410);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['actor_label', 'entity_id'])
      .where('action', '=', 'invitation.revoked')
      .execute();
    expect(audit).toEqual([
      { actor_label: expect.stringContaining('Tess Lead'), entity_id: invitationId },
    ]);
  });
});
