// The admins' API tokens pages, beside the members pages: list, make (the
// token is shown once) and revoke. Pages only: a token opens no page, so no
// token can make another.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../audit/audit.ts';
import { AppError } from '../errors.ts';
import type { App, FeatureDeps } from '../http/feature.ts';
import type { FieldErrors } from '../http/forms.tsx';
import { sendPage } from '../http/page.tsx';
import { workspaceOf } from '../http/request-workspace.ts';
import { createApiToken, revokeApiToken, type TokenAdmin } from './api-token-changes.ts';
import { findApiToken, listApiTokens } from './api-token-store.ts';
import {
  ApiTokensView,
  type NewToken,
  RevokeTokenView,
  type TokenFormValues,
  tokenFormErrors,
} from './api-token-views.tsx';
import { tokenState } from './api-tokens.ts';

// No length limit here: a name too long is refused beside its field, keeping
// what was typed (up to the limit), as every form does; the body limit bounds it.
const formText = z.string().optional();
const tokenForm = z.object({
  name: formText,
  role: formText,
  expires: formText,
  expiresOn: formText,
});
const tokenParams = z.object({ id: z.uuid() });

export async function apiTokenRoutes(app: App, { database }: FeatureDeps) {
  async function adminOf(request: FastifyRequest): Promise<TokenAdmin> {
    const workspace = workspaceOf(request);
    const actor = actorOf(request.signedIn);
    // members.manage is held only by signed-in members, so never the command line.
    if ('system' in actor) throw new AppError('unauthenticated', 'Sign in first');
    return { workspaceId: workspace.id, actor };
  }

  async function renderPage(
    request: FastifyRequest,
    reply: FastifyReply,
    shown: {
      values?: TokenFormValues;
      errors?: FieldErrors;
      newToken?: NewToken;
      revoked?: string;
    } = {},
  ) {
    const workspace = workspaceOf(request);
    const tokens = await listApiTokens(database.db, workspace.id);
    return sendPage(request, reply, {
      title: request.messages.t('apiTokens.title'),
      body: (
        <ApiTokensView
          messages={request.messages}
          tokens={tokens}
          values={shown.values ?? {}}
          errors={shown.errors ?? {}}
          csrfToken={request.signedIn?.csrfToken}
          now={new Date()}
          {...(shown.newToken ? { newToken: shown.newToken } : {})}
          {...(shown.revoked !== undefined ? { revoked: shown.revoked } : {})}
        />
      ),
    });
  }

  app.get(
    '/members/tokens',
    {
      schema: { hide: true, querystring: z.object({ revoked: z.uuid().optional() }) },
      config: { access: 'members.manage' },
    },
    async (request, reply) => {
      const { revoked } = request.query;
      const workspace = workspaceOf(request);
      const token = revoked ? await findApiToken(database.db, revoked, workspace.id) : undefined;
      return renderPage(request, reply, token ? { revoked: token.name } : {});
    },
  );

  app.post(
    '/members/tokens',
    { schema: { hide: true, body: tokenForm }, config: { access: 'members.manage' } },
    async (request, reply) => {
      const values = request.body;
      const created = await createApiToken(database.db, values, await adminOf(request));
      if (!created.ok) {
        return renderPage(request, reply.status(400), {
          values,
          errors: tokenFormErrors(request.messages, created.problems),
        });
      }
      // Shown this once: no cache may keep the page that holds it.
      return renderPage(request, reply.status(201).header('cache-control', 'no-store'), {
        newToken: { name: created.name, token: created.token, expiresAt: created.expiresAt },
      });
    },
  );

  async function requireToken(id: string, workspaceId: string) {
    const token = await findApiToken(database.db, id, workspaceId);
    if (!token) throw new AppError('not_found', `There is no API token ${id} in this workspace`);
    return token;
  }

  app.get(
    '/members/tokens/:id/revoke',
    { schema: { hide: true, params: tokenParams }, config: { access: 'members.manage' } },
    async (request, reply) => {
      const workspace = workspaceOf(request);
      const token = await requireToken(request.params.id, workspace.id);
      // Nothing to revoke: the list says why.
      if (tokenState(token, new Date()) !== 'active') return reply.redirect('/members/tokens', 303);
      return sendPage(request, reply, {
        title: request.messages.t('apiTokens.revokeTitle', { name: token.name }),
        body: (
          <RevokeTokenView
            messages={request.messages}
            token={token}
            csrfToken={request.signedIn?.csrfToken}
          />
        ),
      });
    },
  );

  app.post(
    '/members/tokens/:id/revoke',
    { schema: { hide: true, params: tokenParams }, config: { access: 'members.manage' } },
    async (request, reply) => {
      const { id } = request.params;
      const admin = await adminOf(request);
      await requireToken(id, admin.workspaceId);
      await revokeApiToken(database.db, id, admin);
      return reply.redirect(`/members/tokens?revoked=${id}`, 303);
    },
  );
}
