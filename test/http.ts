// Requests as a signed-in member makes them, for HTTP tests through
// app.inject: a page's GET, a form's POST (with its CSRF token) and the JSON API.
import type { TestApp } from './app.ts';

export interface Member {
  cookie: string;
  csrfToken: string;
}

export type FormPayload = Record<string, string | string[]>;

export function requestsAs(context: TestApp, member: Member) {
  return {
    get: (url: string, as: Member = member) =>
      context.app.inject({ method: 'GET', url, headers: { cookie: as.cookie } }),
    post: (url: string, payload: FormPayload, as: Member = member) =>
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
      as: Member = member,
    ) =>
      context.app.inject({
        method,
        url,
        headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken },
        ...(payload ? { payload } : {}),
      }),
  };
}
