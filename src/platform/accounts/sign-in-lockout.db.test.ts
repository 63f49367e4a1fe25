import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSignIn } from '../../../test/accounts.ts';
import { openTestDatabase, type TestDatabase } from '../../../test/databases.ts';
import { buildMember, TEST_PASSWORD } from '../../../test/factories/members.ts';
import { buildApp } from '../../app.ts';
import type { App } from '../http/feature.ts';
import { findUserByEmail } from './account-store.ts';
import { createHandedPasswordLink } from './password-reset.ts';
import { FAILURES_BEFORE_LOCKOUT } from './sign-in-lockout.ts';

describe('the per-account sign-in lockout', () => {
  let database: TestDatabase;
  // Two app instances on one database, as two server processes would be.
  let first: App;
  let second: App;
  // Each attempt from its own address: the lockout is per account, whatever the address.
  let address = 0;
  const attempt = (app: App, email: string, password: string) =>
    postSignIn(app, { email, password }, { remoteAddress: `10.40.0.${++address}` });
  const pushBack = (minutes: number) =>
    // As if the pause had been set `minutes` earlier.
    database.db
      .updateTable('sign_in_failures')
      .set({
        locked_until: new Date(Date.now() - 1000),
        last_failed_at: new Date(Date.now() - minutes * 60_000),
      })
      .execute();

  beforeAll(async () => {
    database = await openTestDatabase('empty');
    // Members with a password, one per test that signs in.
    for (const role of ['admin', 'coordinator', 'facilitator', 'viewer'] as const)
      await buildMember(database.db, role, { email: `${role}@test.example`, password: true });
    first = await buildApp({ database });
    second = await buildApp({ database });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await database?.drop();
  });

  it('pauses an account after five wrong passwords, in every process and across a restart, and says until when', async () => {
    const email = 'facilitator@test.example';
    const statuses = [];
    for (let i = 1; i < FAILURES_BEFORE_LOCKOUT; i++)
      statuses.push((await attempt(i % 2 ? first : second, email, `guess ${i}`)).statusCode);
    expect(statuses).toEqual([400, 400, 400, 400]);

    const fifth = await attempt(second, email, 'guess 5');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.headers['retry-after']).toBe('60');
    expect(fifth.body).toContain(
      'There have been too many wrong passwords for this email address, so signing in with it is paused. Try again in 1 minute',
    );
    expect(fifth.body).toContain('aria-invalid="true"');

    // Even the right password waits, in the other process, and in Spanish for a Spanish reader.
    const right = await postSignIn(
      first,
      { email: 'Facilitator@Test.example', password: TEST_PASSWORD },
      { remoteAddress: '10.41.0.1', headers: { 'accept-language': 'es' } },
    );
    expect(right.statusCode).toBe(429);
    expect(right.body).toContain('Vuelva a intentarlo dentro de 1 minuto');
    expect(right.cookies.find((cookie) => cookie.name === 'transforma_session')).toBeUndefined();

    // A restart forgets nothing.
    await first.close();
    first = await buildApp({ database });
    expect((await attempt(first, email, TEST_PASSWORD)).statusCode).toBe(429);
  });

  it('doubles the pause with each failure after it, and a right password starts again', async () => {
    const email = 'coordinator@test.example';
    for (let i = 1; i <= FAILURES_BEFORE_LOCKOUT; i++) await attempt(first, email, `guess ${i}`);
    await pushBack(1);
    const sixth = await attempt(second, email, 'guess 6');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.body).toContain('Try again in 2 minutes');
    await pushBack(2);
    expect((await attempt(first, email, 'guess 7')).body).toContain('Try again in 4 minutes');

    await pushBack(4);
    expect((await attempt(second, email, TEST_PASSWORD)).statusCode).toBe(303);
    // The count started again: four wrong passwords pause nothing.
    for (let i = 1; i < FAILURES_BEFORE_LOCKOUT; i++)
      expect((await attempt(first, email, `again ${i}`)).statusCode).toBe(400);
    expect((await attempt(first, email, TEST_PASSWORD)).statusCode).toBe(303);
  });

  it('treats an address without an account exactly as one with an account', async () => {
    const answers = async (email: string) => {
      const bodies = [];
      for (let i = 1; i <= FAILURES_BEFORE_LOCKOUT + 1; i++) {
        const response = await attempt(i % 2 ? first : second, email, `guess ${i}`);
        bodies.push({
          status: response.statusCode,
          retryAfter: response.headers['retry-after'],
          body: response.body
            .replaceAll(email, '…')
            .replace(/csrf" value="[^"]+"/g, '')
            .replace(/csrf-token" content="[^"]+"/g, ''),
        });
      }
      return bodies;
    };
    const known = await answers('viewer@test.example');
    const unknown = await answers('nobody.here@test.example');
    expect(unknown.map((answer) => answer.status)).toEqual([400, 400, 400, 400, 429, 429]);
    expect(unknown).toEqual(known);
  });

  it('lets a person in at once with a link to choose a new password', async () => {
    const email = 'admin@test.example';
    for (let i = 1; i <= FAILURES_BEFORE_LOCKOUT; i++) await attempt(first, email, `guess ${i}`);
    expect((await attempt(second, email, TEST_PASSWORD)).statusCode).toBe(429);
    const user = await findUserByEmail(database.db, email);
    const link = await createHandedPasswordLink(database.db, {
      userId: user!.id,
      publicUrl: '',
    });
    const password = 'a fresh passphrase to use';
    const chosen = await second.inject({
      method: 'POST',
      url: link,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ password, confirmPassword: password }).toString(),
    });
    expect(chosen.statusCode).toBe(200);
    expect((await attempt(first, email, password)).statusCode).toBe(303);
  });
});
