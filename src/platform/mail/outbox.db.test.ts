import { describe, expect, it } from 'vitest';
import { headersOf, signInAs } from '../../../test/accounts.ts';
import { buildRound } from '../../../test/factories/rounds.ts';
import { pathOf, TEST_PUBLIC_URL, useMailTestApp } from '../../../test/mail-app.ts';
import { MASK } from './mail-message.ts';

describe('the outbox, when no mail server is set up', () => {
  const context = useMailTestApp({ smtp: false });

  it('keeps invitations in the outbox and shows each link once, to pass on by hand', async () => {
    const { app, database, smtp } = context;
    const round = await buildRound(database.db, { name: 'Outbox round' });
    const lead = await signInAs(database, 'coordinator');
    const response = await app.inject({
      method: 'POST',
      url: `/rounds/${round.id}/invitations/${round.agencyIds[0]}`,
      payload: new URLSearchParams({
        _csrf: lead.csrfToken,
        list: 'held@x.example',
        language: 'es',
      }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: lead.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toContain('no mail server is set up');
    const link = response.body.match(new RegExp(`${TEST_PUBLIC_URL}/r/[A-Za-z0-9_-]+`))?.[0];
    expect(link).toBeDefined();
    expect((await app.inject({ method: 'GET', url: pathOf(link!) })).statusCode).toBe(200);
    expect(smtp.delivered).toEqual([]);

    const outbox = await app.inject({
      method: 'GET',
      url: '/outbox',
      headers: { cookie: lead.cookie },
    });
    expect(outbox.statusCode).toBe(200);
    expect(outbox.body).toContain('No mail server is set up');
    expect(outbox.body).toContain('Outbox round: su invitación a responder por');
    expect(outbox.body).toContain('held@x.example');
    expect(outbox.body).toContain('Kept here');
    expect(outbox.body).toContain(`${TEST_PUBLIC_URL}/r/${MASK}`);
    expect(outbox.body).not.toContain(link);
  });

  it('hands API callers the link of each invitation it could not deliver', async () => {
    const { app, database } = context;
    const round = await buildRound(database.db);
    const response = await app.inject({
      method: 'POST',
      url: `/api/rounds/${round.id}/invitations`,
      headers: headersOf(await signInAs(database, 'admin')),
      payload: { agencyId: round.agencyIds[0], csv: 'api-held@x.example' },
    });
    expect(response.json().invited).toEqual([
      {
        invitationId: expect.any(String),
        email: 'api-held@x.example',
        sent: false,
        reason: 'held',
        link: expect.stringMatching(new RegExp(`^${TEST_PUBLIC_URL}/r/[A-Za-z0-9_-]{43}$`)),
      },
    ]);
  });
});

describe('delivery that fails', () => {
  const context = useMailTestApp();

  it('records the refusal in the outbox and shows the undelivered link once', async () => {
    const { app, database, smtp } = context;
    smtp.refuse('bounce@x.example');
    const round = await buildRound(database.db);
    const response = await app.inject({
      method: 'POST',
      url: `/api/rounds/${round.id}/invitations`,
      headers: headersOf(await signInAs(database, 'admin')),
      payload: {
        agencyId: round.agencyIds[0],
        respondents: [{ email: 'bounce@x.example' }, { email: 'fine@x.example' }],
      },
    });
    const invited = response.json().invited;
    expect(invited[0]).toMatchObject({ email: 'bounce@x.example', sent: false, reason: 'failed' });
    expect(invited[1]).toEqual({
      invitationId: expect.any(String),
      email: 'fine@x.example',
      sent: true,
    });
    const stored = await database.db
      .selectFrom('mail_messages')
      .select(['recipient', 'status', 'error'])
      .where('recipient', 'in', ['bounce@x.example', 'fine@x.example'])
      .orderBy('recipient')
      .execute();
    expect(stored).toEqual([
      { recipient: 'bounce@x.example', status: 'failed', error: expect.stringMatching(/550/) },
      { recipient: 'fine@x.example', status: 'sent', error: null },
    ]);
  });
});
