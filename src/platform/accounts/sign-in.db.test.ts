import { beforeAll, describe, expect, it } from 'vitest';
import { postSignIn } from '../../../test/accounts.ts';
import { useTestApp } from '../../../test/app.ts';
import { buildMember, TEST_PASSWORD } from '../../../test/factories/members.ts';
import { SIGN_IN_ATTEMPTS_PER_MINUTE, SIGN_IN_FORM_COOKIE } from './sign-in-routes.tsx';

function sessionCookie(response: { cookies: { name: string; value: string }[] }) {
  return response.cookies.find((cookie) => cookie.name === 'transforma_session');
}

describe('signing in and out', () => {
  const context = useTestApp();
  beforeAll(async () => {
    // Members with a password, who sign in through the form.
    const { db } = context.database;
    await buildMember(db, 'coordinator', {
      email: 'coordinator@test.example',
      name: 'Ivo Petrov',
      password: true,
    });
    for (const role of ['admin', 'viewer'] as const)
      await buildMember(db, role, { email: `${role}@test.example`, password: true });
  });
  const signIn = (email: string, password: string, remoteAddress = '10.0.0.1') =>
    postSignIn(context.app, { email, password, next: '/rounds' }, { remoteAddress });

  it('sends a member back where they were going, with a secure session cookie', async () => {
    const response = await signIn('Coordinator@Test.example', TEST_PASSWORD);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/rounds');
    expect(sessionCookie(response)).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: 'Lax',
    });
    const page = await context.app.inject({
      method: 'GET',
      url: '/rounds',
      cookies: { transforma_session: sessionCookie(response)!.value },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ivo Petrov');
  });

  it('says the email or password is not right, next to the field, without telling which', async () => {
    for (const attempt of [
      signIn('coordinator@test.example', 'wrong password'),
      signIn('nobody@x.example', 'whatever'),
    ]) {
      const response = await attempt;
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('The email address or the password is not right');
      expect(response.body).toContain('aria-invalid="true"');
      expect(sessionCookie(response)).toBeUndefined();
    }
  });

  it('asks for each missing field', async () => {
    const response = await signIn('', '');
    expect(response.body).toContain('Enter your email address');
    expect(response.body).toContain('Enter your password');
  });

  it('never sends a member off the site after signing in', async () => {
    // A browser drops the tab of "/\t/evil.example" and reads "//evil.example": another site.
    for (const [next, location] of [
      ['//evil.example/', '/'],
      ['/\t/evil.example/phish', '/'],
      ['/\\evil.example/', '/'],
      ['/\r\nSet-Cookie: x=1', '/'],
      ['/rounds?level=local#top', '/rounds?level=local#top'],
      // Characters a Location header cannot hold as they are go percent-encoded.
      ['/\u3002', '/%E3%80%82'],
    ] as const) {
      const response = await postSignIn(
        context.app,
        { email: 'viewer@test.example', password: TEST_PASSWORD, next },
        { remoteAddress: '10.0.0.2' },
      );
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(location);
    }
  });

  it('lets no cache keep what a signed-in member was sent', async () => {
    const response = await signIn('admin@test.example', TEST_PASSWORD, '10.0.0.3');
    const cookies = { transforma_session: sessionCookie(response)!.value };
    for (const url of ['/members', '/audit', '/api/agencies'])
      expect(
        (await context.app.inject({ method: 'GET', url, cookies })).headers['cache-control'],
      ).toBe('no-store');
  });

  it('sends an anonymous reader of a members’ page to sign in, and an API caller a 401', async () => {
    const page = await context.app.inject({ method: 'GET', url: '/agencies?level=local' });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/sign-in?next=%2Fagencies%3Flevel%3Dlocal');
    const api = await context.app.inject({ method: 'GET', url: '/api/agencies' });
    expect(api.statusCode).toBe(401);
    expect(api.json().error.code).toBe('unauthenticated');
  });

  it('ends the session on sign-out, and every session on sign-out everywhere', async () => {
    const first = sessionCookie(
      await signIn('viewer@test.example', TEST_PASSWORD, '10.0.0.3'),
    )!.value;
    const second = sessionCookie(
      await signIn('viewer@test.example', TEST_PASSWORD, '10.0.0.3'),
    )!.value;
    const page = await context.app.inject({
      method: 'GET',
      url: '/',
      cookies: { transforma_session: first },
    });
    const csrf = page.body.match(/name="_csrf" value="([^"]+)"/)![1]!;
    const out = await context.app.inject({
      method: 'POST',
      url: '/sign-out-everywhere',
      cookies: { transforma_session: first },
      payload: { _csrf: csrf },
    });
    expect(out.statusCode).toBe(303);
    for (const session of [first, second]) {
      const after = await context.app.inject({
        method: 'GET',
        url: '/api/rounds',
        cookies: { transforma_session: session },
      });
      expect(after.statusCode).toBe(401);
    }
  });

  it('refuses a change made with a session but without its CSRF token', async () => {
    const session = sessionCookie(
      await signIn('viewer@test.example', TEST_PASSWORD, '10.0.0.4'),
    )!.value;
    const response = await context.app.inject({
      method: 'POST',
      url: '/sign-out',
      cookies: { transforma_session: session },
    });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('This form has expired');
  });

  it('slows down guessing: too many attempts from one address are refused for a while', async () => {
    const attempts = [];
    // Each attempt for another account, so only the limit per address applies.
    for (let i = 0; i <= SIGN_IN_ATTEMPTS_PER_MINUTE; i++)
      attempts.push((await signIn(`guess${i}@test.example`, 'guess', '10.9.9.9')).statusCode);
    expect(attempts.slice(0, SIGN_IN_ATTEMPTS_PER_MINUTE).every((status) => status === 400)).toBe(
      true,
    );
    expect(attempts.at(-1)).toBe(429);
  });

  it('refuses a sign-in form another site made (login CSRF), and shows a fresh one keeping the address', async () => {
    const forged = await context.app.inject({
      method: 'POST',
      url: '/sign-in',
      payload: { email: 'viewer@test.example', password: TEST_PASSWORD },
      remoteAddress: '10.0.0.5',
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain('This sign-in form has expired');
    expect(forged.body).toContain('value="viewer@test.example"');
    expect(sessionCookie(forged)).toBeUndefined();

    // A token of its own, with a cookie the reader's browser does not hold, is no better.
    const page = await context.app.inject({ method: 'GET', url: '/sign-in' });
    const theirs = page.body.match(/name="_csrf" value="([^"]+)"/)![1]!;
    const mismatched = await context.app.inject({
      method: 'POST',
      url: '/sign-in',
      payload: { email: 'viewer@test.example', password: TEST_PASSWORD, _csrf: theirs },
      cookies: { [SIGN_IN_FORM_COOKIE]: 'A'.repeat(43) },
      remoteAddress: '10.0.0.5',
    });
    expect(mismatched.statusCode).toBe(400);
    expect(sessionCookie(mismatched)).toBeUndefined();

    // The form shown again works: the reader only types the password again.
    const fresh = mismatched.body.match(/name="_csrf" value="([^"]+)"/)![1]!;
    const retried = await context.app.inject({
      method: 'POST',
      url: '/sign-in',
      payload: { email: 'viewer@test.example', password: TEST_PASSWORD, _csrf: fresh },
      cookies: { [SIGN_IN_FORM_COOKIE]: 'A'.repeat(43) },
      remoteAddress: '10.0.0.5',
    });
    expect(retried.statusCode).toBe(303);
  });

  it('gives the sign-in form a private cookie of its own, shared by the tabs of one browser', async () => {
    const page = await context.app.inject({ method: 'GET', url: '/sign-in' });
    const cookie = page.cookies.find((each) => each.name === SIGN_IN_FORM_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
    const again = await context.app.inject({
      method: 'GET',
      url: '/sign-in',
      cookies: { [SIGN_IN_FORM_COOKIE]: cookie.value },
    });
    expect(again.body).toContain(`name="_csrf" value="${cookie.value}"`);
  });

  it('lets a signed-in member sign in as someone else with the form they are shown', async () => {
    const viewer = sessionCookie(
      await signIn('viewer@test.example', TEST_PASSWORD, '10.0.0.6'),
    )!.value;
    const response = await postSignIn(
      context.app,
      { email: 'coordinator@test.example', password: TEST_PASSWORD },
      { remoteAddress: '10.0.0.6', headers: { cookie: `transforma_session=${viewer}` } },
    );
    expect(response.statusCode).toBe(303);
    expect(sessionCookie(response)?.value).not.toBe(viewer);
  });

  it('serves pages with a strict content security policy and no framing', async () => {
    const response = await context.app.inject({ method: 'GET', url: '/' });
    const policy = String(response.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});
