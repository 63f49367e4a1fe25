// A plan's SWOT and PESTLE as JSON: list, add, change and delete (naming the
// version a change starts from; a late one answers 409 with the entry as it
// now stands), and the SWOT's draft proposals, listed and accepted.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { changedBy } from '../../platform/audit/changed-by.ts';
import { AppError } from '../../platform/errors.ts';
import { errorBodySchema } from '../../platform/http/errors.ts';
import type { App, FeatureDeps } from '../../platform/http/feature.ts';
import { workspaceOf } from '../../platform/http/request-workspace.ts';
import { messagesFor } from '../../platform/i18n/messages.ts';
import { planConflictSchema, requirePlan } from '../plans/index.ts';
import { deletePestleFactor, savePestleFactor } from './pestle-changes.ts';
import { DESCRIPTION_MAX, horizons, pestleHeadings, pestleLevels, trends } from './pestle-rules.ts';
import { findPestleFactor, listPestleFactors, type PestleFactor } from './pestle-store.ts';
import {
  acceptProposal,
  type ChangeOutcome,
  deleteSwotEntry,
  saveSwotEntry,
} from './swot-changes.ts';
import { planProposals } from './swot-draft.ts';
import { proposalRules } from './swot-proposals.ts';
import {
  type AnalysisProblem,
  CODE_MAX,
  importanceLevels,
  swotQuadrants,
  TEXT_MAX,
} from './swot-rules.ts';
import {
  acceptedProposalKeys,
  findSwotEntry,
  listSwotEntries,
  type SwotEntry,
} from './swot-store.ts';

// API errors are read by programs and their authors, in English like the field names.
const english = messagesFor('en');
const planParams = z.object({ id: z.uuid() });
const entryParams = planParams.extend({ entryId: z.uuid() });
const factorParams = planParams.extend({ factorId: z.uuid() });
const versionQuery = z.object({
  version: z.coerce.number().int().describe('The version the deletion starts from'),
});

const evidenceSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.enum(['dimension', 'subdimension', 'item', 'recommendation']),
      roundId: z.uuid(),
      code: z.string().min(1).max(CODE_MAX),
    }),
    z.object({ kind: z.literal('agency'), agencyId: z.uuid() }),
    z.object({ kind: z.literal('pestle'), factorId: z.uuid() }),
  ])
  .meta({ id: 'SwotEvidence' });

const entrySchema = z
  .object({
    id: z.uuid(),
    quadrant: z.enum(swotQuadrants),
    text: z.string(),
    importance: z.enum(importanceLevels),
    position: z.number().int(),
    evidence: evidenceSchema.nullable(),
    proposalKey: z.string().nullable().describe('The draft proposal it was accepted from'),
    version: z.number().int().describe('Name it when changing the entry'),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'SwotEntry' });

const entryBody = z.object({
  quadrant: z.enum(swotQuadrants),
  text: z.string().max(TEXT_MAX * 2),
  importance: z.enum(importanceLevels),
  evidence: evidenceSchema.nullable().default(null),
});

const factorSchema = z
  .object({
    id: z.uuid(),
    heading: z.enum(pestleHeadings),
    description: z.string(),
    impact: z.enum(pestleLevels),
    likelihood: z.enum(pestleLevels),
    trend: z.enum(trends),
    horizon: z.enum(horizons),
    position: z.number().int(),
    version: z.number().int().describe('Name it when changing the factor'),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'PestleFactor' });

const factorBody = z.object({
  heading: z.enum(pestleHeadings),
  description: z.string().max(DESCRIPTION_MAX * 2),
  impact: z.enum(pestleLevels),
  likelihood: z.enum(pestleLevels),
  trend: z.enum(trends),
  horizon: z.enum(horizons),
});

const proposalSchema = z
  .object({
    key: z.string().describe('Name it to accept the proposal'),
    rule: z.enum(proposalRules),
    quadrant: z.enum(['strength', 'weakness']),
    importance: z.enum(importanceLevels),
    text: z.string().describe('The proposed text, in English'),
    round: z.string(),
    evidence: evidenceSchema,
    numbers: z.record(z.string(), z.number()),
  })
  .meta({ id: 'SwotProposal' });

const versioned = { version: z.number().int().describe('The version the change starts from') };
const entryErrors = {
  400: errorBodySchema,
  404: errorBodySchema,
  409: planConflictSchema(entrySchema, 'The entry', 'SwotEntryConflict'),
};
const factorErrors = {
  400: errorBodySchema,
  404: errorBodySchema,
  409: planConflictSchema(factorSchema, 'The factor', 'PestleFactorConflict'),
};

const presentEntry = (entry: SwotEntry) => {
  const { planId: _plan, ...shown } = entry;
  return { ...shown, updatedAt: entry.updatedAt.toISOString() };
};
const presentFactor = (factor: PestleFactor) => {
  const { planId: _plan, ...shown } = factor;
  return { ...shown, updatedAt: factor.updatedAt.toISOString() };
};

function refused(problems: readonly AnalysisProblem[], what: string): never {
  throw new AppError(
    'invalid_request',
    `The ${what} was refused; nothing was saved`,
    problems.map((problem) => ({
      path: `body.${problem.field}`,
      message: english.t(`analysis.error.${problem.rule}`, problem.values),
    })),
  );
}

function conflict(reply: FastifyReply, what: string, version: number, current: unknown) {
  return reply.status(409).send({
    error: {
      code: 'conflict',
      message: `The ${what} was changed since the version named; nothing was saved`,
      fields: [{ path: 'version', message: `is ${version} now` }],
    },
    current,
  });
}

async function answerEntry(
  deps: FeatureDeps,
  planId: string,
  reply: FastifyReply,
  outcome: ChangeOutcome<SwotEntry>,
  status: 200 | 201,
) {
  if (outcome.ok) {
    const entry = await findSwotEntry(deps.database.db, planId, outcome.id);
    if (!entry) throw new AppError('not_found', 'There is no such SWOT entry');
    return reply.status(status).send(presentEntry(entry));
  }
  if ('conflict' in outcome)
    return conflict(reply, 'entry', outcome.conflict.version, presentEntry(outcome.conflict));
  return refused(outcome.problems, 'entry');
}

async function answerFactor(
  deps: FeatureDeps,
  planId: string,
  reply: FastifyReply,
  outcome: ChangeOutcome<PestleFactor>,
  status: 200 | 201,
) {
  if (outcome.ok) {
    const factor = await findPestleFactor(deps.database.db, planId, outcome.id);
    if (!factor) throw new AppError('not_found', 'There is no such PESTLE factor');
    return reply.status(status).send(presentFactor(factor));
  }
  if ('conflict' in outcome)
    return conflict(reply, 'factor', outcome.conflict.version, presentFactor(outcome.conflict));
  return refused(outcome.problems, 'factor');
}

export async function analysisApi(app: App, deps: FeatureDeps) {
  const { db } = deps.database;
  const read = { access: 'workspace.read' as const };
  const edit = { access: 'plans.edit' as const };
  const swot = ['swot'];
  const pestle = ['pestle'];

  app.get(
    '/api/plans/:id/swot',
    {
      schema: {
        tags: swot,
        summary: 'A plan’s SWOT entries: strengths, weaknesses, opportunities, threats',
        params: planParams,
        response: { 200: z.object({ entries: z.array(entrySchema) }), 404: errorBodySchema },
      },
      config: read,
    },
    async (request) => {
      const plan = await requirePlan(request, deps, request.params.id);
      return { entries: (await listSwotEntries(db, plan.id)).map(presentEntry) };
    },
  );
  app.post(
    '/api/plans/:id/swot',
    {
      schema: {
        tags: swot,
        summary: 'Adds a SWOT entry, with an optional link to evidence of this workspace and plan',
        params: planParams,
        body: entryBody,
        response: { 201: entrySchema, ...entryErrors },
      },
      config: edit,
    },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const outcome = await saveSwotEntry(db, plan.id, request.body, changedBy(request));
      return answerEntry(deps, plan.id, reply, outcome, 201);
    },
  );
  app.put(
    '/api/plans/:id/swot/:entryId',
    {
      schema: {
        tags: swot,
        summary: 'Changes a SWOT entry, if it is still at the version named',
        params: entryParams,
        body: entryBody.extend(versioned),
        response: { 200: entrySchema, ...entryErrors },
      },
      config: edit,
    },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const { version, ...fields } = request.body;
      const outcome = await saveSwotEntry(db, plan.id, fields, changedBy(request), {
        entryId: request.params.entryId,
        version,
      });
      return answerEntry(deps, plan.id, reply, outcome, 200);
    },
  );
  app.delete(
    '/api/plans/:id/swot/:entryId',
    {
      schema: {
        tags: swot,
        summary: 'Deletes a SWOT entry, if it is still at the version named',
        params: entryParams,
        querystring: versionQuery,
        response: { 204: z.null(), ...entryErrors },
      },
      config: edit,
    },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const outcome = await deleteSwotEntry(
        db,
        plan.id,
        request.params.entryId,
        request.query.version,
        changedBy(request),
      );
      if (outcome.ok) return reply.status(204).send(null);
      if ('conflict' in outcome)
        return conflict(reply, 'entry', outcome.conflict.version, presentEntry(outcome.conflict));
      return refused(outcome.problems, 'entry');
    },
  );
  app.get(
    '/api/plans/:id/swot/proposals',
    {
      schema: {
        tags: swot,
        summary:
          'Strengths and weaknesses the plan’s baseline results suggest, not yet accepted; nothing is stored until one is accepted',
        params: planParams,
        response: { 200: z.object({ proposals: z.array(proposalSchema) }), 404: errorBodySchema },
      },
      config: read,
    },
    async (request) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const accepted = await acceptedProposalKeys(db, plan.id);
      const shown = await planProposals(db, {
        workspaceId: workspaceOf(request).id,
        plan,
        threshold: deps.resultsMinRespondents,
        messages: english,
      });
      return {
        proposals: shown
          .filter(({ proposal }) => !accepted.has(proposal.key))
          .map(({ proposal, text, roundName }) => ({
            key: proposal.key,
            rule: proposal.rule,
            quadrant: proposal.quadrant,
            importance: proposal.importance,
            text,
            round: roundName,
            evidence: proposal.evidence,
            numbers: proposal.numbers,
          })),
      };
    },
  );
  app.post(
    '/api/plans/:id/swot/proposals',
    {
      schema: {
        tags: swot,
        summary:
          'Accepts a draft proposal as a SWOT entry, with its text as proposed or edited; accepting it again adds nothing and answers the entry accepted before',
        params: planParams,
        body: z.object({
          key: z.string().max(300),
          text: z
            .string()
            .max(TEXT_MAX * 2)
            .optional(),
          importance: z.enum(importanceLevels).optional(),
        }),
        response: { 200: entrySchema, 201: entrySchema, ...entryErrors },
      },
      config: edit,
    },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const shown = await planProposals(db, {
        workspaceId: workspaceOf(request).id,
        plan,
        threshold: deps.resultsMinRespondents,
        messages: english,
      });
      const found = shown.find(({ proposal }) => proposal.key === request.body.key);
      if (!found)
        throw new AppError('invalid_request', 'The baseline results make no such proposal', [
          { path: 'body.key', message: 'is not a proposal of this plan’s baseline rounds' },
        ]);
      const outcome = await acceptProposal(
        db,
        plan.id,
        found.proposal,
        { text: request.body.text ?? found.text, importance: request.body.importance },
        changedBy(request),
      );
      return answerEntry(deps, plan.id, reply, outcome, outcome.added === false ? 200 : 201);
    },
  );

  app.get(
    '/api/plans/:id/pestle',
    {
      schema: {
        tags: pestle,
        summary: 'A plan’s PESTLE factors, under their six headings',
        params: planParams,
        response: { 200: z.object({ factors: z.array(factorSchema) }), 404: errorBodySchema },
      },
      config: read,
    },
    async (request) => {
      const plan = await requirePlan(request, deps, request.params.id);
      return { factors: (await listPestleFactors(db, plan.id)).map(presentFactor) };
    },
  );
  app.post(
    '/api/plans/:id/pestle',
    {
      schema: {
        tags: pestle,
        summary: 'Adds a PESTLE factor',
        params: planParams,
        body: factorBody,
        response: { 201: factorSchema, ...factorErrors },
      },
      config: edit,
    },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const outcome = await savePestleFactor(db, plan.id, request.body, changedBy(request));
      return answerFactor(deps, plan.id, reply, outcome, 201);
    },
  );
  app.put(
    '/api/plans/:id/pestle/:factorId',
    {
      schema: {
        tags: pestle,
        summary: 'Changes a PESTLE factor, if it is still at the version named',
        params: factorParams,
        body: factorBody.extend(versioned),
        response: { 200: factorSchema, ...factorErrors },
      },
      config: edit,
    },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const { version, ...fields } = request.body;
      const outcome = await savePestleFactor(db, plan.id, fields, changedBy(request), {
        factorId: request.params.factorId,
        version,
      });
      return answerFactor(deps, plan.id, reply, outcome, 200);
    },
  );
  app.delete(
    '/api/plans/:id/pestle/:factorId',
    {
      schema: {
        tags: pestle,
        summary:
          'Deletes a PESTLE factor, if it is still at the version named; SWOT entries citing it lose that link',
        params: factorParams,
        querystring: versionQuery,
        response: { 204: z.null(), ...factorErrors },
      },
      config: edit,
    },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const outcome = await deletePestleFactor(
        db,
        plan.id,
        request.params.factorId,
        request.query.version,
        changedBy(request),
      );
      if (outcome.ok) return reply.status(204).send(null);
      if ('conflict' in outcome)
        return conflict(reply, 'factor', outcome.conflict.version, presentFactor(outcome.conflict));
      return refused(outcome.problems, 'factor');
    },
  );
}
