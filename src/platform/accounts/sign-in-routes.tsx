// Signing in and out with email and password; sessions live in the database.
// Three brakes on guessing: a limit per client address (in each process), a
// lockout per account (in the database, see sign-in-lockout.ts), and a form
// token that another site cannot know (login CSRF: no site may sign a reader
// in to an account of its choosing).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { newSecret } from '../config/secrets.ts';
import type { App, FeatureDeps } from '../http/feature.ts';
import type { FieldErrors } from '../http/forms.tsx';
import { sendPage } from '../http/page.tsx';
import { safeNextPath } from '../http/paths.ts';
import { workspaceOf } from '../http/request-workspace.ts';
import {
  createSession,
  deleteSession,
  deleteSessionsOfUser,
  findUserByEmail,
} from './account-store.ts';
import { MAX_PASSWORD_LENGTH, verifyPassword } from './passwords.ts';
import { SESSION_COOKIE } from './session-hooks.ts';
import { minutesLeft } from './sign-in-lockout.ts';
import {
  clearFailedSignIns,
  recordFailedSignIn,
  signInLockedUntil,
} from './sign-in-lockout-store.ts';
import { SignInView } from './sign-in-views.tsx';

// Sign-in attempts per client address per minute: enough for a person, too few to guess passwords.
export const SIGN_IN_ATTEMPTS_PER_MINUTE = 10;

const signInForm = z.object({
  email: z.string().trim().max(320).default(''),
  password: z.string().max(MAX_PASSWORD_LENGTH).default(''),
  next: z.string().max(2000).optional(),
  _csrf: z.string().max(200).optional(),
});

// The sign-in form's token, before there is a session to bind one to: a
// random value in a cookie and in the form, which must match. Another site
// can neither read the cookie nor, as it is SameSite, have it sent with a
// form it posts; "__Host-" keeps a neighbouring subdomain from planting one.
export const SIGN_IN_FORM_COOKIE = '__Host-transforma_sign_in';
const SIGN_IN_FORM_HOURS = 24;

/**
 * The token for a sign-in form shown to this reader: the session's CSRF
 * token when signed in (the session hooks check it), else the sign-in
 * cookie's, set here when missing so that several open tabs share one.
 */
function signInFormToken(request: FastifyRequest, reply: FastifyReply): string {
  if (request.signedIn) return request.signedIn.csrfToken;
  const current = request.cookies[SIGN_IN_FORM_COOKIE];
  if (current && /^[A-Za-z0-9_-]{43}$/.test(current)) return current;
  const token = newSecret();
  reply.setCookie(SIGN_IN_FORM_COOKIE, token, {
    path: '/',
    httpOnly: true,
    secure: true,
    sameSite: 'lax',
    maxAge: SIGN_IN_FORM_HOURS * 3600,
  });
  return token;
}

function sameToken(sent: string | undefined, expected: string | undefined): boolean {
  if (!sent || !expected || sent.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
}

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

export async function signInRoutes(app: App, { database, oidc }: FeatureDeps) {
  const organisationSignIn = oidc !== undefined;
  app.get(
    '/sign-in',
    {
      schema: { hide: true, querystring: z.object({ next: z.string().max(2000).optional() }) },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const _workspace = workspaceOf(request);
      return sendPage(request, reply, {
        title: request.messages.t('signIn.title'),
        body: (
          <SignInView
            messages={request.messages}
            next={safeNextPath(request.query.next)}
            formToken={signInFormToken(request, reply)}
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
      const showForm = async (status: number, errors: FieldErrors) => {
        const _workspace = workspaceOf(request);
        return sendPage(request, reply.status(status), {
          title: t('signIn.title'),
          body: (
            <SignInView
              messages={request.messages}
              next={next}
              formToken={signInFormToken(request, reply)}
              email={email}
              errors={errors}
              organisationSignIn={organisationSignIn}
            />
          ),
        });
      };
      // A signed-in reader's form carries the session's token, which the session hooks checked.
      // Without the token the form is shown again with a fresh one, as for any
      // other mistake in it: a person whose form sat open too long just retries.
      if (!request.signedIn && !sameToken(request.body._csrf, request.cookies[SIGN_IN_FORM_COOKIE]))
        return showForm(400, { password: t('signIn.error.formExpired') });
      const missing: FieldErrors = {};
      if (!email) missing.email = t('signIn.error.emailMissing');
      if (!password) missing.password = t('signIn.error.passwordMissing');
      if (Object.keys(missing).length > 0) return showForm(400, missing);

      const outcome = await checkPassword(email, password, reply);
      if (outcome === 'signed-in') return reply.redirect(next, 303);
      if (outcome === 'wrong') return showForm(400, { email: t('signIn.error.wrongCredentials') });
      const now = new Date();
      reply.header('retry-after', String(Math.ceil((outcome.getTime() - now.getTime()) / 1000)));
      return showForm(429, {
        email: t('signIn.error.lockedOut', { minutes: minutesLeft(outcome, now) }),
      });
    },
  );

  /**
   * Signs in when the password is right and the account is not locked out;
   * otherwise counts the failure. Answers 'signed-in', 'wrong', or until when
   * signing in with the address is paused. An address without an account
   * takes the same steps, so neither the answer nor its time tells.
   */
  async function checkPassword(
    email: string,
    password: string,
    reply: FastifyReply,
  ): Promise<'signed-in' | 'wrong' | Date> {
    const lockedUntil = await signInLockedUntil(database.db, email, new Date());
    if (lockedUntil) return lockedUntil;
    const user = await findUserByEmail(database.db, email);
    if (user && (await verifyPassword(user.passwordHash, password))) {
      await clearFailedSignIns(database.db, email);
      const session = await createSession(database.db, user.id);
      setSessionCookie(reply, session.token, session.expiresAt);
      return 'signed-in';
    }
    if (!user) await verifyPassword(null, password);
    return (await recordFailedSignIn(database.db, email, new Date())) ?? 'wrong';
  }

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
