// Signing in and out with email and password; sessions live in the database.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import type { App } from '../http/app.ts';
import type { FieldErrors } from '../http/forms.tsx';
import { sendPage } from '../http/page.tsx';
import { safeNextPath } from '../http/paths.ts';
import { requireWorkspace } from '../workspaces/workspace-store.ts';
import {
  createSession,
  deleteSession,
  deleteSessionsOfUser,
  findUserByEmail,
} from './account-store.ts';
import { MAX_PASSWORD_LENGTH, verifyPassword } from './passwords.ts';
import { SESSION_COOKIE } from './session-hooks.ts';
import { SignInView } from './sign-in-views.tsx';

// Sign-in attempts per client address per minute: enough for a person, too few to guess passwords.
export const SIGN_IN_ATTEMPTS_PER_MINUTE = 10;

const signInForm = z.object({
  email: z.string().trim().max(320).default(''),
  password: z.string().max(MAX_PASSWORD_LENGTH).default(''),
  next: z.string().max(2000).optional(),
});

export function setSessionCookie(reply: FastifyReply, token: string, expires: Date) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    secure: true,
    sameSite: 'lax',
    expires,
  });
}

function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, secure: true, sameSite: 'lax' });
}

export async function signInRoutes(app: App, database: Database, organisationSignIn: boolean) {
  app.get(
    '/sign-in',
    {
      schema: { hide: true, querystring: z.object({ next: z.string().max(2000).optional() }) },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const workspace = await requireWorkspace(database.db);
      return sendPage(request, reply, {
        title: request.messages.t('signIn.title'),
        workspaceName: workspace.name,
        body: (
          <SignInView
            messages={request.messages}
            next={safeNextPath(request.query.next)}
            errors={{}}
            organisationSignIn={organisationSignIn}
          />
        ),
      });
    },
  );

  app.post(
    '/sign-in',
    {
      schema: { hide: true, body: signInForm },
      config: {
        access: 'public',
        rateLimit: { max: SIGN_IN_ATTEMPTS_PER_MINUTE, timeWindow: '1 minute' },
      },
    },
    async (request, reply) => {
      const { t } = request.messages;
      const { email, password } = request.body;
      const next = safeNextPath(request.body.next);
      const errors: FieldErrors = {};
      if (!email) errors.email = t('signIn.error.emailMissing');
      if (!password) errors.password = t('signIn.error.passwordMissing');
      if (Object.keys(errors).length === 0) {
        const user = await findUserByEmail(database.db, email);
        if (user && (await verifyPassword(user.passwordHash, password))) {
          const session = await createSession(database.db, user.id);
          setSessionCookie(reply, session.token, session.expiresAt);
          return reply.redirect(next, 303);
        }
        if (!user) await verifyPassword(null, password);
        errors.email = t('signIn.error.wrongCredentials');
      }
      const workspace = await requireWorkspace(database.db);
      return sendPage(request, reply.status(400), {
        title: request.messages.t('signIn.title'),
        workspaceName: workspace.name,
        body: (
          <SignInView
            messages={request.messages}
            next={next}
            email={email}
            errors={errors}
            organisationSignIn={organisationSignIn}
          />
        ),
      });
    },
  );

  app.post(
    '/sign-out',
    { schema: { hide: true }, config: { access: 'signed-in' } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(database.db, token);
      clearSessionCookie(reply);
      return reply.redirect('/', 303);
    },
  );

  app.post(
    '/sign-out-everywhere',
    { schema: { hide: true }, config: { access: 'signed-in' } },
    async (request, reply) => {
      if (request.signedIn) await deleteSessionsOfUser(database.db, request.signedIn.userId);
      clearSessionCookie(reply);
      return reply.redirect('/', 303);
    },
  );
}
