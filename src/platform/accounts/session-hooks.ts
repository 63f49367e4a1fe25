// Who is asking, and may they: reads the session cookie or the API token,
// enforces the access each route declares, and checks the CSRF token of every
// change made with a session. Registered before any route, so no route escapes it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { App } from '../http/feature.ts';
import { isApiRequest } from '../http/paths.ts';
import { type Access, decideAccess } from './access.ts';
import { findSignedIn, type SignedIn } from './account-store.ts';
import { signedInWithToken } from './api-token-changes.ts';
import { bearerToken } from './api-tokens.ts';

export const SESSION_COOKIE = 'transforma_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, if any; set before access is decided. */
    signedIn: SignedIn | undefined;
  }
  interface FastifyInstance {
    /** Every route with the access it declared, for the route × role test and audits. */
    declaredAccess: { method: string; url: string; access: Access }[];
  }
}

export function registerSessionHooks(app: App, database: Database) {
  app.decorateRequest('signedIn', undefined);
  app.decorate('declaredAccess', []);

  // Every route registered from here on must say who may call it; a route
  // without an entry fails at start. (Static assets, registered earlier, are public.)
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} does not declare its access`);
    for (const method of [route.method].flat())
      app.declaredAccess.push({ method, url: route.url, access });
  });

  app.addHook('onRequest', async (request, reply) => {
    // An API token, when sent, decides alone: a cookie beside it adds nothing.
    const apiToken = bearerToken(request.headers.authorization);
    const token = request.cookies[SESSION_COOKIE];
    if (apiToken !== undefined) {
      if (!isApiRequest(request.url))
        throw new AppError(
          'forbidden',
          'An API token opens only the API, under /api/; sign in to use the pages',
        );
      request.signedIn = await signedInWithToken(database.db, apiToken, request.workspace?.id);
    } else if (token) {
      request.signedIn = await findSignedIn(database.db, token, request.workspace?.id);
    }
    // Unknown routes and static assets have no access entry: both are public.
    const access = request.routeOptions.config?.access ?? 'public';
    const decision = decideAccess(access, request.signedIn);
    if (decision === 'allow') return;
    if (decision === 'forbidden') throw new AppError('forbidden', 'Your role does not allow this');
    if (isApiRequest(request.url)) throw new AppError('unauthenticated', 'Sign in first');
    return redirectToSignIn(request, reply);
  });

  // What answers a signed-in person is theirs alone (members, answers, the
  // audit log...): no shared or browser cache may keep it. Static assets set
  // their own caching.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.signedIn && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    return payload;
  });

  // A form or script that changes something with a session must carry the
  // session's CSRF token, which another site cannot read. An API token needs
  // none: a browser never adds it to a request on its own, as it does a cookie.
  app.addHook('preValidation', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.signedIn || request.signedIn.apiToken) return;
    const body = request.body as Record<string, unknown> | undefined;
    const sent =
      request.headers['x-csrf-token'] ??
      (typeof body === 'object' && body ? body._csrf : undefined);
    if (sent !== request.signedIn.csrfToken) {
      throw new AppError(
        isApiRequest(request.url) ? 'forbidden' : 'form_expired',
        'The form has expired or did not come from Transforma; reload the page and try again',
        [{ path: '_csrf', message: 'missing or does not match this session' }],
      );
    }
  });
}

function redirectToSignIn(request: FastifyRequest, reply: FastifyReply) {
  const next = request.method === 'GET' ? request.url : '/';
  return reply.redirect(`/sign-in?next=${encodeURIComponent(next)}`, 303);
}
