import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { postSignIn } from '../../../test/accounts.ts';
import { useTestApp } from '../../../test/app.ts';
import { buildMember, TEST_PASSWORD } from '../../../test/factories/members.ts';
import { pathOf, TEST_PUBLIC_URL, useMailTestApp } from '../../../test/mail-app.ts';
import { linkIn } from '../../../test/smtp.ts';
import { RESET_REQUESTS_PER_MINUTE } from './password-reset-routes.tsx';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };

describe('resetting a forgotten password', () => {
  const context = useMailTestApp();
  beforeAll(async () => {
    // Each test asks for the link of its own member.
    for (const role of ['coordinator', 'focal_point', 'facilitator', 'viewer'] as const)
      await buildMember(context.database.db, role, {
        email: `${role.replace('_', '.')}@test.example`,
        password: true,
      });
  });
  let address = 0;
  // Each test asks from its own address, so the rate limit of one does not touch another.
  const ask = (email: string, remoteAddress = `10.1.0.${++address}`, lang = 'en') =>
    context.app.inject({
      method: 'POST',
      url: `/forgot-password?lang=${lang}`,
      payload: form({ email }),
      headers: formHeaders,
      remoteAddress,
    });
  const signIn = (email: string, password: string) =>
    postSignIn(context.app, { email, password }, { remoteAddress: `10.2.0.${++address}` });

  it('offers the reset from the sign-in page', async () => {
    const page = await context.app.inject({ method: 'GET', url: '/sign-in' });
    expect(page.body).toContain('<a href="/forgot-password">Forgot your password?</a>');
  });

  it('emails a one-time link that sets a new password and signs the account out everywhere', async () => {
    const { app, smtp } = context;
    const email = 'viewer@test.example';
    const oldSession = (await signIn(email, TEST_PASSWORD)).cookies.find(
      (cookie) => cookie.name === 'transforma_session',
    )!;
    const before = smtp.delivered.length;
    const answer = await ask('Viewer@Test.example', undefined, 'es');
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('Revise su correo');
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail!.to).toEqual([email]);
    expect(mail!.subject).toBe('Elija una contraseña nueva de Transforma');
    const link = pathOf(linkIn(mail!, `${TEST_PUBLIC_URL}/reset-password/`));

    const page = await app.inject({ method: 'GET', url: link });
    expect(page.statusCode).toBe(200);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const short = await app.inject({
      method: 'POST',
      url: link,
      payload: form({ password: 'too short', confirmPassword: 'too short' }),
      headers: formHeaders,
    });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('Choose a password of at least 12 characters');

    const newPassword = 'a brand new passphrase';
    const done = await app.inject({
      method: 'POST',
      url: link,
      payload: form({ password: newPassword, confirmPassword: newPassword }),
      headers: formHeaders,
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Your password has been changed');
    expect((await signIn(email, newPassword)).statusCode).toBe(303);
    expect((await signIn(email, TEST_PASSWORD)).statusCode).toBe(400);
    const oldPage = await app.inject({
      method: 'GET',
      url: '/rounds',
      cookies: { transforma_session: oldSession.value },
    });
    expect(oldPage.statusCode).toBe(303);

    // Used once: the link is spent.
    expect((await app.inject({ method: 'GET', url: link })).statusCode).toBe(410);
    const reuse = await app.inject({
      method: 'POST',
      url: link,
      payload: form({
        password: 'yet another passphrase',
        confirmPassword: 'yet another passphrase',
      }),
      headers: formHeaders,
    });
    expect(reuse.statusCode).toBe(410);
  });

  it('answers the same for an address without an account, and sends nothing', async () => {
    const { smtp } = context;
    const before = smtp.delivered.length;
    const known = await ask('coordinator@test.example');
    const unknown = await ask('nobody@test.example');
    const strip = (body: string) =>
      body.replace(/[\w.]+@test\.example/g, '…').replace(/csrf-token" content="[^"]+"/, '');
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(strip(unknown.body)).toBe(strip(known.body));
    await context.app.afterReply.idle();
    expect(smtp.delivered.slice(before).map((mail) => mail.to)).toEqual([
      ['coordinator@test.example'],
    ]);
  });

  it('refuses an expired link, and a malformed address next to the field', async () => {
    const { app, database, smtp } = context;
    const before = smtp.delivered.length;
    await ask('facilitator@test.example');
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    await database.db
      .updateTable('account_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('purpose', '=', 'password_reset')
      .where('used_at', 'is', null)
      .execute();
    const link = pathOf(linkIn(mail!, `${TEST_PUBLIC_URL}/reset-password/`));
    expect((await app.inject({ method: 'GET', url: link })).statusCode).toBe(410);
    const malformed = await ask('not an address');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).toContain('Enter an email address like name@ministry.gov.example');
  });

  // Only a server lets the test hold a lock while the app goes on answering: the
  // embedded database has one connection, which the lock would hold too.
  it.skipIf(process.env.TRANSFORMA_TEST_DB !== 'postgres')(
    'answers before writing the link, so an address with an account answers as fast as one without',
    async () => {
      const { database, smtp } = context;
      const before = smtp.delivered.length;
      // While nothing can write a link, the answer must still come.
      await database.db.transaction().execute(async (tx) => {
        await sql`lock table account_tokens in exclusive mode`.execute(tx);
        const answer = await ask('focal.point@test.example');
        expect(answer.statusCode).toBe(200);
        expect(answer.body).toContain('Check your email');
      });
      await context.app.afterReply.idle();
      expect(smtp.delivered.slice(before).map((mail) => mail.to)).toEqual([
        ['focal.point@test.example'],
      ]);
    },
  );

  it('limits how often one client may ask', async () => {
    const statuses = [];
    for (let attempt = 0; attempt <= RESET_REQUESTS_PER_MINUTE; attempt++)
      statuses.push((await ask('nobody@test.example', '10.9.9.9')).statusCode);
    expect(statuses.slice(0, RESET_REQUESTS_PER_MINUTE).every((status) => status === 200)).toBe(
      true,
    );
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('resetting a forgotten password where no mail server is set up', () => {
  const context = useTestApp();
  beforeAll(() =>
    buildMember(context.database.db, 'coordinator', { email: 'coordinator@test.example' }),
  );

  it('never says a link is on its way, and tells where the message is kept', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/forgot-password',
      payload: form({ email: 'coordinator@test.example' }),
      headers: formHeaders,
      remoteAddress: '10.3.0.1',
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('a link to choose a new password is on its way');
    expect(response.body).not.toContain('Check your email');
    expect(response.body).toContain('<h1>Ask an admin for your link</h1>');
    expect(response.body).toContain('This Transforma has no mail server');
    await context.app.afterReply.idle();
    const kept = await context.database.db
      .selectFrom('mail_messages')
      .select('recipient')
      .where('recipient', '=', 'coordinator@test.example')
      .execute();
    expect(kept.length).toBeGreaterThan(0);
  });
});
