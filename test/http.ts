// Requests as a signed-in member makes them, for HTTP tests through
// app.inject: a page's GET, a form's POST (with its CSRF token) and the JSON API.
import type { TestApp } from './app.ts';

export interface Member {
  cookie: string;
  csrfToken: string;
}

export type FormPayload = Record<string, string | string[]>;

/**
 * Requests as `member` unless another is named; a function gives the member
 * signed in later, in a beforeAll, to helpers made at the top of a describe.
 */
export function requestsAs(context: TestApp, member: Member | (() => Member)) {
  const signedIn = typeof member === 'function' ? member : () => member;
  return {
    get: (url: string, as: Pick<Member, 'cookie'> = signedIn()) =>
      context.app.inject({ method: 'GET', url, headers: { cookie: as.cookie } }),
    post: (url: string, payload: FormPayload, as: Member = signedIn()) =>
      context.app.inject({
        method: 'POST',
        url,
        headers: { cookie: as.cookie },
        payload: { _csrf: as.csrfToken, ...payload },
      }),
    api: (
      method: 'GET' | 'POST' | 'PUT' | 'DELETE',
      url: string,
      payload?: Record<string, unknown>,
      as: Member = signedIn(),
    ) =>
      context.app.inject({
        method,
        url,
        headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken },
        ...(payload ? { payload } : {}),
      }),
  };
}
