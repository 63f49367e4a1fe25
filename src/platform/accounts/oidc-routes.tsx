// The two steps of signing in with the organisation's provider: off to the
// provider, and back with a code that becomes a Transforma session.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { App, FeatureDeps } from '../http/feature.ts';
import { sendPage } from '../http/page.tsx';
import { safeNextPath } from '../http/paths.ts';
import { workspaceOf } from '../http/request-workspace.ts';
import { createSession, findUserByEmail } from './account-store.ts';
import type { OidcFlow } from './oidc.ts';
import { setSessionCookie } from './sign-in-routes.tsx';

const FLOW_COOKIE = 'transforma_oidc';
const FLOW_MINUTES = 10;
const flowCookieOptions = {
  path: '/sign-in/oidc',
  httpOnly: true,
  secure: true,
  sameSite: 'lax',
} as const;

const flowSchema = z.object({
  state: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
  next: z.string(),
});

function readFlow(request: FastifyRequest): OidcFlow | undefined {
  const raw = request.cookies[FLOW_COOKIE];
  if (!raw) return undefined;
  try {
    const parsed = flowSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function oidcRoutes(app: App, { database, oidc }: FeatureDeps) {
  const requireOidc = () => {
    if (!oidc)
      throw new AppError('not_found', 'Sign-in with an organisation account is not set up here');
    return oidc;
  };

  app.get(
    '/sign-in/oidc',
    {
      schema: { hide: true, querystring: z.object({ next: z.string().max(2000).optional() }) },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const { url, flow } = await requireOidc().start(safeNextPath(request.query.next));
      reply.setCookie(FLOW_COOKIE, Buffer.from(JSON.stringify(flow)).toString('base64url'), {
        ...flowCookieOptions,
        maxAge: FLOW_MINUTES * 60,
      });
      return reply.redirect(url, 303);
    },
  );

  app.get(
    '/sign-in/oidc/callback',
    { schema: { hide: true }, config: { access: 'public' } },
    async (request, reply) => {
      const provider = requireOidc();
      const flow = readFlow(request);
      reply.clearCookie(FLOW_COOKIE, flowCookieOptions);
      const { t } = request.messages;
      const refuse = async (message: string) => {
        const _workspace = workspaceOf(request);
        return sendPage(request, reply.status(403), {
          title: t('oidc.failedTitle'),
          body: (
            <div class="narrow">
              <h1>{t('oidc.failedTitle')}</h1>
              <p>{message}</p>
              <p>
                <a href="/sign-in">{t('oidc.tryAgain')}</a>
              </p>
            </div>
          ),
        });
      };
      if (!flow) return refuse(t('oidc.expired'));
      const query = request.url.slice(
        request.url.indexOf('?') === -1 ? request.url.length : request.url.indexOf('?'),
      );
      let email: string;
      try {
        ({ email } = await provider.finish(query, flow));
      } catch (error) {
        request.log.warn({ err: error }, 'OpenID Connect sign-in failed');
        return refuse(t('oidc.providerRefused'));
      }
      const user = await findUserByEmail(database.db, email);
      if (!user) return refuse(t('oidc.noAccount', { email }));
      const session = await createSession(database.db, user.id);
      setSessionCookie(reply, session.token, session.expiresAt);
      return reply.redirect(flow.next, 303);
    },
  );
}
