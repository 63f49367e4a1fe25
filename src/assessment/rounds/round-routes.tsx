// The rounds pages: the list, and a round's overview with its progress;
// creating, editing, opening and closing live beside it, the API in round-api.ts.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { decideAccess } from '../../platform/accounts/access.ts';
import type { Database } from '../../platform/db/database.ts';
import type { App, FeatureDeps } from '../../platform/http/feature.ts';
import { sendPage } from '../../platform/http/page.tsx';
import { workspaceOf } from '../../platform/http/request-workspace.ts';
import { RoundActions } from './round-form-views.tsx';
import { loadOverview } from './round-lookup.ts';
import { type RoundChange, roundChangeNotice, roundChanges } from './round-status-views.tsx';
import { listRounds } from './round-store.ts';
import { RoundListView, RoundOverviewView } from './round-views.tsx';

/**
 * The overview page of a round, with a refusal to show when an action was
 * refused, or the message that says what was just done.
 */
export async function sendRoundOverview(
  request: FastifyRequest,
  reply: FastifyReply,
  database: Database,
  roundId: string,
  said: { refusal?: string; changed?: RoundChange | undefined } = {},
) {
  const { round, agencies, totals } = await loadOverview(request, database, roundId);
  const canManage = decideAccess('rounds.manage', request.signedIn) === 'allow';
  const { refusal, changed } = said;
  return sendPage(request, reply, {
    title: round.name,
    body: (
      <>
        {changed && (
          <output class="notice">{roundChangeNotice(request.messages, changed, round)}</output>
        )}
        {canManage && (
          <RoundActions
            messages={request.messages}
            roundId={round.id}
            status={round.status}
            refusal={refusal}
          />
        )}
        <RoundOverviewView
          messages={request.messages}
          round={round}
          agencies={agencies}
          totals={totals}
          canFacilitate={decideAccess('workshop.facilitate', request.signedIn) === 'allow'}
          canManageInvitations={decideAccess('invitations.manage', request.signedIn) === 'allow'}
        />
      </>
    ),
  });
}

export async function roundRoutes(app: App, { database }: FeatureDeps) {
  app.get(
    '/rounds',
    { schema: { hide: true }, config: { access: 'workspace.read' } },
    async (request, reply) => {
      const workspace = workspaceOf(request);
      const rounds = await listRounds(database.db, workspace.id);
      return sendPage(request, reply, {
        title: request.messages.t('rounds.title'),
        body: (
          <RoundListView
            messages={request.messages}
            rounds={rounds}
            canManage={decideAccess('rounds.manage', request.signedIn) === 'allow'}
          />
        ),
      });
    },
  );

  app.get(
    '/rounds/:id',
    {
      schema: {
        hide: true,
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ changed: z.enum(roundChanges).optional() }),
      },
      config: { access: 'workspace.read' },
    },
    (request, reply) =>
      sendRoundOverview(request, reply, database, request.params.id, {
        changed: request.query.changed,
      }),
  );
}
