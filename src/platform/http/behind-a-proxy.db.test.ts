// Transforma behind a reverse proxy: every request arrives from the proxy's
// address, and X-Forwarded-For names the client. With the proxy trusted,
// each limit counts clients, not the proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSignIn } from '../../../test/accounts.ts';
import { openTestDatabase, type TestDatabase } from '../../../test/databases.ts';
import { buildInvitation } from '../../../test/factories/invitations.ts';
import { buildWorkspace } from '../../../test/factories/workspace.ts';
import { buildApp } from '../../app.ts';
import { MAX_UNKNOWN_LINKS } from '../../assessment/invitations/link-guessing.ts';
import { RESET_REQUESTS_PER_MINUTE } from '../accounts/password-reset-routes.tsx';
import { SIGN_IN_ATTEMPTS_PER_MINUTE } from '../accounts/sign-in-routes.tsx';
import type { App } from './feature.ts';

const PROXY = '127.0.0.1';

describe('behind a trusted reverse proxy', () => {
  let database: TestDatabase;
  let app: App;
  // One app trusts the proxy, as TRANSFORMA_TRUST_PROXY=127.0.0.1 sets up; the other trusts nobody.
  let trustingNobody: App;
  beforeAll(async () => {
    database = await openTestDatabase('empty');
    await buildWorkspace(database.db);
    app = await buildApp({ database, trustProxy: [PROXY, '10.20.0.0/16'] });
    trustingNobody = await buildApp({ database });
  });
  afterAll(async () => {
    await app?.close();
    await trustingNobody?.close();
    await database?.drop();
  });
  const via = (client: string) => ({
    remoteAddress: PROXY,
    headers: { 'x-forwarded-for': client },
  });
  const unknownLink = (n: number) => `/r/unknown${n}${'x'.repeat(38)}`;

  it('counts unknown links per client: one guesser locks out neither the others nor a real link', async () => {
    const { token } = await buildInvitation(database.db);
    for (let n = 0; n < MAX_UNKNOWN_LINKS; n++)
      expect(
        (await app.inject({ method: 'GET', url: unknownLink(n), ...via('198.51.100.1') }))
          .statusCode,
      ).toBe(404);
    const guesser = await app.inject({
      method: 'GET',
      url: unknownLink(MAX_UNKNOWN_LINKS),
      ...via('198.51.100.1'),
    });
    expect(guesser.statusCode).toBe(429);
    // Another client through the same proxy: its mistyped link is a plain 404, its real link opens.
    const other = via('198.51.100.2');
    expect((await app.inject({ method: 'GET', url: unknownLink(0), ...other })).statusCode).toBe(
      404,
    );
    expect((await app.inject({ method: 'GET', url: `/r/${token}`, ...other })).statusCode).toBe(
      200,
    );
  });

  it('limits sign-in attempts and reset requests per client', async () => {
    const signIns = [];
    for (let i = 0; i <= SIGN_IN_ATTEMPTS_PER_MINUTE; i++)
      signIns.push(
        (
          await postSignIn(
            app,
            { email: `someone${i}@test.example`, password: 'guess' },
            via('198.51.100.3'),
          )
        ).statusCode,
      );
    expect(signIns.at(-2)).toBe(400);
    expect(signIns.at(-1)).toBe(429);
    const otherSignIn = await postSignIn(
      app,
      { email: 'nobody@test.example', password: 'guess' },
      via('198.51.100.4'),
    );
    expect(otherSignIn.statusCode).toBe(400);

    const ask = (client: string) =>
      app.inject({
        method: 'POST',
        url: '/forgot-password',
        payload: { email: 'nobody@test.example' },
        ...via(client),
      });
    const resets = [];
    for (let i = 0; i <= RESET_REQUESTS_PER_MINUTE; i++)
      resets.push((await ask('198.51.100.5')).statusCode);
    expect(resets.at(-2)).toBe(200);
    expect(resets.at(-1)).toBe(429);
    expect((await ask('198.51.100.6')).statusCode).toBe(200);
  });

  it('takes the client from a proxy in a trusted range, through a chain of proxies', async () => {
    // The nearest untrusted address is the client: 203.0.113.9, as told by the proxy 10.20.1.1.
    const chain = {
      remoteAddress: '10.20.3.3',
      headers: { 'x-forwarded-for': '192.0.2.77, 203.0.113.9, 10.20.1.1' },
    };
    for (let n = 0; n < MAX_UNKNOWN_LINKS; n++)
      await app.inject({ method: 'GET', url: unknownLink(n), ...chain });
    expect((await app.inject({ method: 'GET', url: unknownLink(0), ...chain })).statusCode).toBe(
      429,
    );
    // Whatever a client writes further left in the header does not make it someone else.
    const forged = {
      remoteAddress: '10.20.3.3',
      headers: { 'x-forwarded-for': '192.0.2.78, 203.0.113.9, 10.20.1.1' },
    };
    expect((await app.inject({ method: 'GET', url: unknownLink(0), ...forged })).statusCode).toBe(
      429,
    );
  });

  it('believes X-Forwarded-For from no one but a trusted proxy', async () => {
    // A client that is not a trusted proxy cannot pass for many clients by changing the header.
    for (const target of [app, trustingNobody]) {
      const from = target === app ? '192.0.2.10' : '192.0.2.11';
      for (let n = 0; n < MAX_UNKNOWN_LINKS; n++)
        await target.inject({
          method: 'GET',
          url: unknownLink(n),
          remoteAddress: from,
          headers: { 'x-forwarded-for': `198.51.100.${100 + n}` },
        });
      const next = await target.inject({
        method: 'GET',
        url: unknownLink(0),
        remoteAddress: from,
        headers: { 'x-forwarded-for': '198.51.100.250' },
      });
      expect(next.statusCode).toBe(429);
    }
  });
});
