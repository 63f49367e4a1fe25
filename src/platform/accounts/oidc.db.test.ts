import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/databases.ts';
import { buildMember } from '../../../test/factories/members.ts';
import { startTestProvider, type TestProvider } from '../../../test/oidc-provider.ts';
import { buildApp } from '../../app.ts';
import type { App } from '../http/feature.ts';
import { OidcSignIn } from './oidc.ts';

const publicUrl = 'https://transforma.test';

describe('signing in with the organisation’s OpenID Connect provider', () => {
  let provider: TestProvider;
  let database: TestDatabase;
  let app: App;
  beforeAll(async () => {
    provider = await startTestProvider();
    database = await openTestDatabase('empty');
    // Members without a password: the provider vouches for them.
    await buildMember(database.db, 'facilitator', {
      email: 'facilitator@test.example',
      name: 'Kofi Mensah',
    });
    await buildMember(database.db, 'viewer', { email: 'viewer@test.example' });
    const oidc = new OidcSignIn(
      { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret },
      publicUrl,
    );
    app = await buildApp({ database, oidc });
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
    await provider.close();
  });

  /** Follows the whole round trip: Transforma → provider → Transforma's callback. */
  async function roundTrip(next = '/rounds') {
    const start = await app.inject({
      method: 'GET',
      url: `/sign-in/oidc?next=${encodeURIComponent(next)}`,
    });
    expect(start.statusCode).toBe(303);
    const flowCookie = start.cookies.find((cookie) => cookie.name === 'transforma_oidc')!;
    const atProvider = await fetch(String(start.headers.location), { redirect: 'manual' });
    const back = new URL(atProvider.headers.get('location')!);
    expect(back.origin + back.pathname).toBe(`${publicUrl}/sign-in/oidc/callback`);
    return app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      cookies: { transforma_oidc: flowCookie.value },
    });
  }

  it('offers the organisation’s sign-in on the sign-in page', async () => {
    const page = await app.inject({ method: 'GET', url: '/sign-in' });
    expect(page.body).toContain('Sign in with your organisation’s account');
  });

  it('signs in a member the provider vouches for and sends them where they were going', async () => {
    provider.signInAs({ email: 'Facilitator@Test.example', name: 'Kofi Mensah' });
    const callback = await roundTrip('/rounds');
    expect(callback.statusCode).toBe(303);
    expect(callback.headers.location).toBe('/rounds');
    const session = callback.cookies.find((cookie) => cookie.name === 'transforma_session')!;
    const rounds = await app.inject({
      method: 'GET',
      url: '/rounds',
      cookies: { transforma_session: session.value },
    });
    expect(rounds.statusCode).toBe(200);
    expect(rounds.body).toContain('Kofi Mensah');
  });

  it('turns away a person with no Transforma account, saying whom to ask', async () => {
    provider.signInAs({ email: 'stranger@elsewhere.example' });
    const callback = await roundTrip();
    expect(callback.statusCode).toBe(403);
    expect(callback.body).toContain(
      'There is no Transforma account for stranger@elsewhere.example',
    );
    expect(callback.cookies.find((cookie) => cookie.name === 'transforma_session')).toBeUndefined();
  });

  it('refuses an unverified email address', async () => {
    provider.signInAs({ email: 'viewer@test.example', emailVerified: false });
    const callback = await roundTrip();
    expect(callback.statusCode).toBe(403);
    expect(callback.body).toContain('did not confirm who you are');
  });

  it('refuses a callback whose state does not match the flow it started (a forged or replayed redirect)', async () => {
    provider.signInAs({ email: 'viewer@test.example' });
    const start = await app.inject({ method: 'GET', url: '/sign-in/oidc' });
    const flowCookie = start.cookies.find((cookie) => cookie.name === 'transforma_oidc')!;
    const atProvider = await fetch(String(start.headers.location), { redirect: 'manual' });
    const back = new URL(atProvider.headers.get('location')!);
    back.searchParams.set('state', 'forged');
    const callback = await app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      cookies: { transforma_oidc: flowCookie.value },
    });
    expect(callback.statusCode).toBe(403);
    const withoutCookie = await app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
    });
    expect(withoutCookie.body).toContain('took too long or was started in another browser');
  });
});
