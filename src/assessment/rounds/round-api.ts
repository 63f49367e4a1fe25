// Assessment rounds as JSON: the rounds with their response counts, one round
// with its progress per agency, and creating, changing, opening and closing a
// round through round-changes.ts, as the pages do.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { changedBy } from '../../platform/audit/changed-by.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { errorBodySchema } from '../../platform/http/errors.ts';
import type { App, FeatureDeps, RouteReply, RouteRequest } from '../../platform/http/feature.ts';
import { workspaceOf } from '../../platform/http/request-workspace.ts';
import { messagesFor } from '../../platform/i18n/messages.ts';
import { agencyLevels } from '../agencies/index.ts';
import { changeRoundStatus, type RoundOutcome, saveRound } from './round-changes.ts';
import { roundApiFields } from './round-form-views.tsx';
import { loadOverview, requireRound } from './round-lookup.ts';
import { responseRate } from './round-progress.ts';
import type { RoundAction, RoundProblem } from './round-rules.ts';
import { listRounds, type RoundSummary } from './round-store.ts';

const idParams = z.object({ id: z.uuid() });
const english = messagesFor('en');

const rate = z
  .number()
  .min(0)
  .max(1)
  .nullable()
  .describe('Submitted responses per invitation, 0–1; null before any invitation');

const roundSummarySchema = z
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

function presentRound(round: RoundSummary): z.infer<typeof roundSummarySchema> {
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

const roundInputSchema = z.object({
  name: z.string().max(10_000),
  frameworkId: z.uuid().describe('A framework version, as `id` in GET /api/frameworks'),
  agencies: z
    .union([z.literal('all'), z.array(z.uuid()).max(10_000)])
    .describe('"all" for every agency of the workspace, or the ids of the agencies in scope'),
  opensOn: z.iso.date(),
  closesOn: z.iso.date().describe('On or after opensOn'),
});

function refuse(problems: RoundProblem[]): never {
  const fields = roundApiFields(english, problems);
  const message = fields.map((field) => field.message).join('; ');
  // A refused status change conflicts with the round's state; anything else is bad input.
  if (
    problems.every(
      (problem) => problem.field === 'status' || problem.rule === 'agencyHasInvitations',
    )
  )
    throw new AppError('conflict', message, fields);
  throw new AppError('invalid_request', message, fields);
}

/** The round as a change left it, or the change's refusal as an API error. */
async function presentSaved(database: Database, request: FastifyRequest, outcome: RoundOutcome) {
  if (!outcome.ok) refuse(outcome.problems);
  return presentRound(await requireRound(request, database, outcome.id));
}

const getRoundsSchema = {
  tags: ['rounds'],
  summary: 'List the assessment rounds of the workspace',
  response: { 200: z.object({ rounds: z.array(roundSummarySchema) }) },
};

function getRounds({ database }: FeatureDeps) {
  return async (request: FastifyRequest) => {
    const workspace = workspaceOf(request);
    return { rounds: (await listRounds(database.db, workspace.id)).map(presentRound) };
  };
}

const getRoundSchema = {
  tags: ['rounds'],
  summary: 'One round with its response counts per agency',
  params: idParams,
  response: { 200: roundOverviewSchema, 404: errorBodySchema },
};

function getRound({ database }: FeatureDeps) {
  return async (request: RouteRequest<typeof getRoundSchema>) => {
    const { round, agencies, totals } = await loadOverview(request, database, request.params.id);
    return {
      round: presentRound(round),
      totals: { ...totals, responseRate: responseRate(totals) ?? null },
      agencies: agencies.map((agency) => ({
        ...agency,
        responseRate: responseRate(agency) ?? null,
      })),
    };
  };
}

const postRoundStatusSchema = (action: RoundAction) => ({
  tags: ['rounds'],
  summary: action === 'open' ? 'Open a draft round' : 'Close an open round',
  description: 'A round goes draft → open → closed; any other move answers 409.',
  params: idParams,
  response: { 200: roundSummarySchema, 404: errorBodySchema, 409: errorBodySchema },
});

function postRoundStatus({ database }: FeatureDeps, action: RoundAction) {
  return async (request: RouteRequest<ReturnType<typeof postRoundStatusSchema>>) => {
    const outcome = await changeRoundStatus(
      database.db,
      request.params.id,
      action,
      changedBy(request),
    );
    return presentSaved(database, request, outcome);
  };
}

const postRoundSchema = {
  tags: ['rounds'],
  summary: 'Create a draft round',
  body: roundInputSchema,
  response: { 201: roundSummarySchema, 400: errorBodySchema },
};

function postRound({ database }: FeatureDeps) {
  return async (
    request: RouteRequest<typeof postRoundSchema>,
    reply: RouteReply<typeof postRoundSchema>,
  ) => {
    const outcome = await saveRound(database.db, request.body, changedBy(request));
    return reply.status(201).send(await presentSaved(database, request, outcome));
  };
}

const putRoundSchema = {
  tags: ['rounds'],
  summary: 'Change a draft round (every field is replaced)',
  params: idParams,
  body: roundInputSchema,
  response: {
    200: roundSummarySchema,
    400: errorBodySchema,
    404: errorBodySchema,
    409: errorBodySchema,
  },
};

function putRound({ database }: FeatureDeps) {
  return async (request: RouteRequest<typeof putRoundSchema>) => {
    const by = changedBy(request);
    const outcome = await saveRound(database.db, request.body, by, request.params.id);
    return presentSaved(database, request, outcome);
  };
}

export async function roundApi(app: App, deps: FeatureDeps) {
  app.get(
    '/api/rounds',
    { schema: getRoundsSchema, config: { access: 'workspace.read' } },
    getRounds(deps),
  );
  app.get(
    '/api/rounds/:id',
    { schema: getRoundSchema, config: { access: 'workspace.read' } },
    getRound(deps),
  );
  for (const action of ['open', 'close'] as const satisfies readonly RoundAction[]) {
    app.post(
      `/api/rounds/:id/${action}`,
      { schema: postRoundStatusSchema(action), config: { access: 'rounds.manage' } },
      postRoundStatus(deps, action),
    );
  }
  app.post(
    '/api/rounds',
    { schema: postRoundSchema, config: { access: 'rounds.manage' } },
    postRound(deps),
  );
  app.put(
    '/api/rounds/:id',
    { schema: putRoundSchema, config: { access: 'rounds.manage' } },
    putRound(deps),
  );
}
