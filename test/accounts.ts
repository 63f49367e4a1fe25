// Signed-in members for tests: a new member with a role in the workspace (made
// if the database has none) and the headers their requests carry.
import type { Role } from '../src/platform/accounts/access.ts';
import { createSession } from '../src/platform/accounts/account-store.ts';
import { SIGN_IN_FORM_COOKIE } from '../src/platform/accounts/sign-in-routes.tsx';
import type { Database } from '../src/platform/db/database.ts';
import type { App } from '../src/platform/http/feature.ts';
import { buildMember } from './factories/members.ts';

export interface SignedInHeaders extends Record<string, string> {
  cookie: string;
  'x-csrf-token': string;
}

export async function signInAs(
  database: Database,
  role: Role,
  options: { agencyIds?: string[]; name?: string } = {},
): Promise<SignedInHeaders & { userId: string; csrfToken: string }> {
  const { userId } = await buildMember(database.db, role, options);
  const session = await createSession(database.db, userId);
  return {
    cookie: `transforma_session=${session.token}`,
    'x-csrf-token': session.csrfToken,
    userId,
    csrfToken: session.csrfToken,
  };
}

/** Only the headers, for app.inject. */
export function headersOf({
  cookie,
  'x-csrf-token': csrf,
}: SignedInHeaders): Record<string, string> {
  return { cookie, 'x-csrf-token': csrf };
}

/**
 * Posts the sign-in form as a browser does: first opens the page, then sends
 * its form token back with the cookie that page set.
 */
export async function postSignIn(
  app: App,
  fields: { email: string; password: string; next?: string },
  options: { remoteAddress?: string; headers?: Record<string, string> } = {},
) {
  const page = await app.inject({ method: 'GET', url: '/sign-in', ...options });
  const formToken = page.body.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
  const cookie = page.cookies.find((each) => each.name === SIGN_IN_FORM_COOKIE);
  return app.inject({
    method: 'POST',
    url: '/sign-in',
    payload: { ...fields, _csrf: formToken },
    cookies: cookie ? { [SIGN_IN_FORM_COOKIE]: cookie.value } : {},
    ...options,
  });
}
