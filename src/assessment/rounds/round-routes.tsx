// Assessment rounds over HTTP: the rounds pages and API; creating, editing,
// opening and closing live beside it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { decideAccess } from '../../platform/accounts/access.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { errorBodySchema } from '../../platform/http/errors.ts';
import type { App, FeatureDeps } from '../../platform/http/feature.ts';
import { sendPage } from '../../platform/http/page.tsx';
import { workspaceOf } from '../../platform/http/request-workspace.ts';
import { agencyLevels } from '../agencies/index.ts';
import { RoundActions } from './round-form-views.tsx';
import { responseRate, totalProgress } from './round-progress.ts';
import { type RoundChange, roundChangeNotice, roundChanges } from './round-status-views.tsx';
import { findRound, listRounds, type RoundSummary, roundProgress } from './round-store.ts';
import { RoundListView, RoundOverviewView } from './round-views.tsx';

const rate = z
  .number()
  .min(0)
  .max(1)
  .nullable()
  .describe('Submitted responses per invitation, 0–1; null before any invitation');

export const roundSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: z.enum(['draft', 'open', 'closed']),
    opensOn: z.iso.date(),
    closesOn: z.iso.date(),
    openedAt: z.iso.datetime().nullable().describe('When the round was opened; null while draft'),
    closedAt: z.iso
      .datetime()
      .nullable()
      .describe('When the round was closed, which may be before closesOn; null until then'),
    framework: z.object({ id: z.uuid(), key: z.string(), version: z.string(), name: z.string() }),
    agencies: z.number().int(),
    invited: z.number().int(),
    submitted: z.number().int(),
    responseRate: rate,
  })
  .meta({ id: 'RoundSummary' });

const agencyProgressSchema = z
  .object({
    agencyId: z.uuid(),
    agencyName: z.string(),
    acronym: z.string().nullable(),
    level: z.enum(agencyLevels),
    sector: z.string(),
    invited: z.number().int(),
    started: z.number().int(),
    submitted: z.number().int(),
    responseRate: rate,
  })
  .meta({ id: 'AgencyProgress' });

const roundOverviewSchema = z
  .object({
    round: roundSummarySchema,
    totals: z.object({
      agencies: z.number().int(),
      agenciesResponding: z.number().int(),
      invited: z.number().int(),
      started: z.number().int(),
      submitted: z.number().int(),
      responseRate: rate,
    }),
    agencies: z.array(agencyProgressSchema),
  })
  .meta({ id: 'RoundOverview' });

export function presentRound(round: RoundSummary): z.infer<typeof roundSummarySchema> {
  return {
    id: round.id,
    name: round.name,
    status: round.status,
    opensOn: round.opensOn,
    closesOn: round.closesOn,
    openedAt: round.openedAt?.toISOString() ?? null,
    closedAt: round.closedAt?.toISOString() ?? null,
    framework: {
      id: round.frameworkId,
      key: round.frameworkKey,
      version: round.frameworkVersion,
      name: round.frameworkName,
    },
    agencies: round.agencies,
    invited: round.invited,
    submitted: round.submitted,
    responseRate: responseRate(round) ?? null,
  };
}

/** Loads a round with its progress per agency, or answers 404. */
async function loadOverview(request: FastifyRequest, database: Database, roundId: string) {
  const workspace = workspaceOf(request);
  const round = await findRound(database.db, workspace.id, roundId);
  if (!round) throw new AppError('not_found', `There is no round ${roundId}`);
  const agencies = await roundProgress(database.db, round.id);
  return { workspace, round, agencies, totals: totalProgress(agencies) };
}

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
  const { workspace, round, agencies, totals } = await loadOverview(request, database, roundId);
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

  app.get(
    '/api/rounds',
    {
      schema: {
        tags: ['rounds'],
        summary: 'List the assessment rounds of the workspace',
        response: { 200: z.object({ rounds: z.array(roundSummarySchema) }) },
      },
      config: { access: 'workspace.read' },
    },
    async (request) => {
      const workspace = workspaceOf(request);
      return { rounds: (await listRounds(database.db, workspace.id)).map(presentRound) };
    },
  );

  app.get(
    '/api/rounds/:id',
    {
      schema: {
        tags: ['rounds'],
        summary: 'One round with its response counts per agency',
        params: z.object({ id: z.uuid() }),
        response: { 200: roundOverviewSchema, 404: errorBodySchema },
      },
      config: { access: 'workspace.read' },
    },
    async (request) => {
      const { round, agencies, totals } = await loadOverview(request, database, request.params.id);
      return {
        round: presentRound(round),
        totals: { ...totals, responseRate: responseRate(totals) ?? null },
        agencies: agencies.map((agency) => ({
          ...agency,
          responseRate: responseRate(agency) ?? null,
        })),
      };
    },
  );
}
