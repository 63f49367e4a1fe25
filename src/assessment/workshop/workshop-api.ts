// The workshop as JSON: the statistics and consensus of a sub-dimension's
// items for a scope, and recording a consensus.
import { z } from 'zod';
import { actorOf } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { errorBodySchema } from '../../platform/http/errors.ts';
import type { App, FeatureDeps } from '../../platform/http/feature.ts';
import { localized, scaleValues } from '../frameworks/index.ts';
import { checkConsensus, describeConsensusProblem, normalizeConsensus } from './consensus.ts';
import { openWorkshop, workshopAnswerCounts } from './open-workshop.ts';
import { findSubdimension, workshopItems } from './workshop.ts';
import { consensusByItem, recordConsensus, type StoredConsensus } from './workshop-store.ts';

const roundParams = z.object({ id: z.uuid() });

const consensusSchema = z
  .object({
    itemCode: z.string(),
    agencyId: z.uuid().nullable().describe('null: the whole of government'),
    value: z.number().int().nullable().describe('null when agreed "not applicable"'),
    notApplicable: z.boolean(),
    rationale: z.string(),
    recordedBy: z.string().nullable().describe('The name of who recorded it'),
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: 'Consensus' });

const statisticsSchema = z
  .object({
    answers: z.number().int().describe('Submitted answers with a value'),
    notApplicable: z.number().int().describe('Submitted answers "not applicable"'),
    counts: z.array(z.object({ value: z.number().int(), count: z.number().int() })),
    mean: z.number().nullable().describe('Over the answers with a value; null with none'),
    standardDeviation: z
      .number()
      .nullable()
      .describe('Population standard deviation of the answers with a value'),
    divergent: z
      .boolean()
      .describe('The standard deviation reaches a quarter of the scale’s range (1.0 on 1–5)'),
  })
  .meta({ id: 'ItemStatistics' });

const workshopItemsSchema = z
  .object({
    round: z.object({ id: z.uuid(), name: z.string() }),
    scope: z.object({
      agencyId: z
        .uuid()
        .nullable()
        .describe('The scope of the consensus; null: whole of government'),
      statisticsFrom: z
        .enum(['agency', 'whole_of_government'])
        .describe(
          'Whose answers the statistics count: an agency that small-number protection hides on the results pages is shown the whole of government instead, so no one’s answer can be singled out',
        ),
      submittedResponses: z.number().int().describe('Submitted responses of the scope'),
      withheldItems: z
        .array(z.string())
        .describe(
          'Items of the framework whose statistics small-number protection withholds, as the results pages do: their counts are empty',
        ),
    }),
    subdimension: z.object({ code: z.string(), name: z.string() }),
    items: z.array(
      z.object({
        code: z.string(),
        statement: z.string(),
        scale: z.object({
          values: z.array(z.object({ value: z.number().int(), label: z.string() })),
          notApplicable: z.boolean(),
        }),
        statistics: statisticsSchema,
        consensus: consensusSchema.nullable(),
      }),
    ),
  })
  .meta({ id: 'WorkshopItems' });

const consensusBodySchema = z
  .object({
    itemCode: z.string().max(100),
    agencyId: z
      .uuid()
      .nullable()
      .default(null)
      .describe('An agency of the round; null or absent: the whole of government'),
    value: z.number().int().nullable().default(null),
    notApplicable: z.boolean().default(false),
    // Bounded loosely here; the consensus rules (2,000 characters) answer
    // with a message naming the field.
    rationale: z.string().max(100_000),
  })
  .meta({ id: 'ConsensusRecord' });

export function presentConsensus(consensus: StoredConsensus): z.infer<typeof consensusSchema> {
  return {
    itemCode: consensus.itemCode,
    agencyId: consensus.agencyId,
    value: consensus.value,
    notApplicable: consensus.notApplicable,
    rationale: consensus.rationale,
    recordedBy: consensus.recordedBy,
    recordedAt: consensus.recordedAt.toISOString(),
  };
}

/** `threshold`: the results' small-number threshold, which the workshop applies too. */
export async function workshopApi(
  app: App,
  { database, resultsMinRespondents: threshold }: FeatureDeps,
) {
  const facilitate = { access: 'workshop.facilitate' as const };

  app.get(
    '/api/rounds/:id/workshop/items',
    {
      schema: {
        tags: ['workshop'],
        summary: 'The self-assessment statistics and the consensus of a sub-dimension’s items',
        params: roundParams,
        querystring: z.object({
          subdimension: z.string().max(40).describe('A sub-dimension code, e.g. LEA-VIS'),
          agency: z
            .uuid()
            .optional()
            .describe('An agency of the round; absent: whole of government'),
        }),
        response: { 200: workshopItemsSchema, 400: errorBodySchema, 404: errorBodySchema },
      },
      config: facilitate,
    },
    async (request) => {
      const { subdimension: code, agency: agencyId } = request.query;
      const workshop = await openWorkshop(database.db, {
        roundId: request.params.id,
        agencyId,
        agencyField: 'querystring.agency',
        member: request.signedIn?.member,
        threshold,
      });
      const { framework, round } = workshop;
      const found = findSubdimension(framework, code);
      if (!found)
        throw new AppError('not_found', `There is no sub-dimension ${code}`, [
          { path: 'querystring.subdimension', message: 'is not a sub-dimension of the framework' },
        ]);
      const itemCodes = found.subdimension.items.map((item) => item.code);
      const scopeAgencyId = workshop.agency?.agencyId ?? null;
      const items = workshopItems(
        framework,
        found.subdimension.items,
        await workshopAnswerCounts(database.db, workshop, itemCodes),
        await consensusByItem(database.db, {
          roundId: round.id,
          agencyId: scopeAgencyId,
          itemCodes,
        }),
      );
      const { language } = request.messages;
      const text = (value: Parameters<typeof localized>[0]) =>
        localized(value, language, framework.defaultLanguage);
      return {
        round: { id: round.id, name: round.name },
        scope: {
          agencyId: scopeAgencyId,
          statisticsFrom: workshop.statisticsFrom,
          submittedResponses: workshop.agency?.submittedResponses ?? round.submitted,
          withheldItems: [...workshop.withheldItems],
        },
        subdimension: { code: found.subdimension.code, name: text(found.subdimension.name) },
        items: items.map(({ item, scale, statistics, consensus }) => ({
          code: item.code,
          statement: text(item.statement),
          scale: {
            values: scaleValues(scale).map((value) => ({
              value,
              label: text(
                (scale.type === 'stages'
                  ? scale.stages.find((stage) => stage.value === value)?.label
                  : scale.labels.find((label) => label.value === value)?.label) ?? {
                  [language]: String(value),
                },
              ),
            })),
            notApplicable: scale.notApplicable,
          },
          statistics,
          consensus: consensus ? presentConsensus(consensus) : null,
        })),
      };
    },
  );

  app.put(
    '/api/rounds/:id/consensus',
    {
      schema: {
        tags: ['workshop'],
        summary: 'Record the consensus of an item, for an agency or the whole of government',
        description:
          'Replaces the current consensus of the item and scope; every change is kept in the audit log.',
        params: roundParams,
        body: consensusBodySchema,
        response: {
          200: z.object({
            consensus: consensusSchema,
            outcome: z.enum(['recorded', 'changed', 'unchanged']),
          }),
          400: errorBodySchema,
          404: errorBodySchema,
        },
      },
      config: facilitate,
    },
    async (request) => {
      const body = request.body;
      const workshop = await openWorkshop(database.db, {
        roundId: request.params.id,
        agencyId: body.agencyId ?? undefined,
        agencyField: 'body.agencyId',
        member: request.signedIn?.member,
        threshold,
      });
      const content = normalizeConsensus(body);
      const problems = checkConsensus(workshop.framework, body.itemCode, content);
      if (problems.length > 0)
        throw new AppError(
          'invalid_request',
          'The consensus is not valid',
          problems.map((problem) => ({
            path: `body.${problem.field}`,
            message: describeConsensusProblem(problem),
          })),
        );
      const { consensus, outcome } = await recordConsensus(database.db, {
        workspaceId: workshop.workspace.id,
        roundId: workshop.round.id,
        itemCode: body.itemCode,
        agencyId: workshop.agency?.agencyId ?? null,
        content,
        actor: actorOf(request.signedIn),
      });
      return { consensus: presentConsensus(consensus), outcome };
    },
  );
}
