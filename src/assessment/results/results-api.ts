// The results of a round as JSON, for API users: the total over the agencies
// chosen (whole of government by default) as a score tree with the agencies
// shown and their dimension scores, and the tables of the downloads (item
// scores, dimension scores, raw answers a page at a time). Small-number
// protection applies as on the pages.

import { z } from 'zod';
import { errorBodySchema } from '../../platform/http/errors.ts';
import type { App, FeatureDeps } from '../../platform/http/feature.ts';
import { agencyFilterSchema, agencyLevels } from '../agencies/index.ts';
import type { LocalizedText } from '../frameworks/index.ts';
import { localized } from '../frameworks/index.ts';
import { answerRowSchema, answerRows } from './exports/answer-export.ts';
import { submittedAnswerPage } from './exports/answer-export-store.ts';
import { dimensionScoreRowSchema, itemScoreRowSchema, rounded } from './exports/exports.ts';
import { answersFor, requireMember, scoreTable } from './exports/open-exports.ts';
import { filterOf } from './protection/disclosure.ts';
import type { Score, ScoreTree } from './scoring/scoring.ts';
import { type OpenResults, openResults } from './store/open-results.ts';
import { selectResults } from './store/results-selection.ts';

const roundParams = z.object({ id: z.uuid() });
const errors = { 400: errorBodySchema, 404: errorBodySchema };

const scoreFields = {
  value: z.number().nullable().describe('The mean, to 3 decimals; null: nothing to score'),
  n: z.number().int().describe('Answers with a value behind the score'),
  notApplicable: z.number().int(),
  spread: z.number().nullable().describe('Population standard deviation, to 3 decimals'),
  standardError: z
    .number()
    .nullable()
    .describe('Standard error, to 3 decimals: the 95% interval is 1.96 of them either side'),
  maturityLevel: z.string().nullable().describe('The key of the framework’s maturity level'),
  agencies: z.number().int().describe('Agencies with a score behind it'),
};
const scoreSchema = z.object(scoreFields).meta({ id: 'Score' });

const scoreTreeSchema = z
  .object({
    ...scoreFields,
    respondents: z.number().int(),
    dimensions: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        ...scoreFields,
        subdimensions: z.array(
          z.object({
            code: z.string(),
            name: z.string(),
            ...scoreFields,
            items: z.array(z.object({ code: z.string(), ...scoreFields })),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'ScoreTree' });

const roundSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(['draft', 'open', 'closed']),
});
const filterSchema = z.object({
  level: z.enum(agencyLevels).nullable(),
  sector: z.string().nullable(),
});
const protectionSchema = z
  .object({
    threshold: z.number().int().describe('Agencies with fewer respondents are not shown alone'),
    hiddenAgencies: z
      .number()
      .int()
      .describe('Agencies chosen that answered but count only inside the total'),
  })
  .describe('Small-number protection');

const resultsSchema = z
  .object({
    round: roundSchema,
    framework: z.object({ key: z.string(), version: z.string() }),
    filter: filterSchema,
    protection: protectionSchema,
    total: scoreTreeSchema
      .nullable()
      .describe(
        'Each agency chosen counting once; null when withheld to protect a small agency, or nobody answered',
      ),
    agencies: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        acronym: z.string().nullable(),
        level: z.enum(agencyLevels),
        sector: z.string(),
        respondents: z.number().int(),
        overall: scoreSchema,
        dimensions: z.array(z.object({ code: z.string(), ...scoreFields })),
      }),
    ),
  })
  .meta({ id: 'RoundResults' });

const tableSchema = <Row extends z.ZodType>(row: Row) =>
  z.object({
    round: roundSchema,
    filter: filterSchema,
    protection: protectionSchema,
    rows: z.array(row),
  });

function presentScore(score: Score): z.infer<typeof scoreSchema> {
  return {
    value: rounded(score.value),
    n: score.n,
    notApplicable: score.notApplicable,
    spread: rounded(score.spread),
    standardError: rounded(score.standardError),
    maturityLevel: score.level?.key ?? null,
    agencies: score.agencies,
  };
}

function presentTree(
  tree: ScoreTree,
  text: (value: LocalizedText) => string,
  results: OpenResults,
): z.infer<typeof scoreTreeSchema> {
  return {
    ...presentScore(tree),
    respondents: tree.respondents,
    dimensions: results.framework.dimensions.flatMap((dimension, d) => {
      const dimensionScore = tree.dimensions[d];
      if (!dimensionScore) return [];
      return [
        {
          code: dimension.code,
          name: text(dimension.name),
          ...presentScore(dimensionScore),
          subdimensions: dimension.subdimensions.flatMap((subdimension, s) => {
            const subdimensionScore = dimensionScore.subdimensions[s];
            if (!subdimensionScore) return [];
            return [
              {
                code: subdimension.code,
                name: text(subdimension.name),
                ...presentScore(subdimensionScore),
                items: subdimensionScore.items.map((item) => ({
                  code: item.itemCode,
                  ...presentScore(item),
                })),
              },
            ];
          }),
        },
      ];
    }),
  };
}

const presentRound = (results: OpenResults) => ({
  id: results.round.id,
  name: results.round.name,
  status: results.round.status,
});

export async function resultsApi(
  app: App,
  { database, resultsMinRespondents: threshold }: FeatureDeps,
) {
  const open = (roundId: string, sector?: string) =>
    openResults(database.db, { roundId, threshold, sector });

  app.get(
    '/api/rounds/:id/results',
    {
      schema: {
        tags: ['results'],
        summary:
          'The results of a round: the total over the agencies chosen and the agencies shown, by dimension',
        params: roundParams,
        querystring: agencyFilterSchema,
        response: { 200: resultsSchema, ...errors },
      },
      config: { access: 'workspace.read' },
    },
    async (request) => {
      const filter = filterOf(request.query);
      const results = await open(request.params.id, request.query.sector);
      const selection = selectResults(results, results.disclosure, filter);
      const { framework } = results;
      const text = (value: LocalizedText) =>
        localized(value, request.messages.language, framework.defaultLanguage);
      return {
        round: presentRound(results),
        framework: { key: results.round.frameworkKey, version: results.round.frameworkVersion },
        filter: { level: filter.level ?? null, sector: filter.sector ?? null },
        protection: { threshold, hiddenAgencies: selection.hiddenCount },
        total: selection.total ? presentTree(selection.total, text, results) : null,
        agencies: selection.shown.map(({ agency, tree }) => ({
          ...agency,
          respondents: tree.respondents,
          overall: presentScore(tree),
          dimensions: tree.dimensions.map((dimension) => ({
            code: dimension.dimensionCode,
            ...presentScore(dimension),
          })),
        })),
      };
    },
  );

  for (const table of ['item-scores', 'dimension-scores'] as const)
    app.get(
      `/api/rounds/:id/results/${table}`,
      {
        schema: {
          tags: ['results'],
          summary:
            table === 'item-scores'
              ? 'Item scores of each agency shown and of their total, as in the item scores download'
              : 'Dimension and overall scores of each agency shown and of their total, as in the dimension scores download',
          params: roundParams,
          querystring: agencyFilterSchema,
          response: {
            200: tableSchema(
              table === 'item-scores' ? itemScoreRowSchema : dimensionScoreRowSchema,
            ).meta({ id: table === 'item-scores' ? 'ItemScores' : 'DimensionScores' }),
            ...errors,
          },
        },
        config: { access: 'workspace.read' },
      },
      async (request) => {
        const filter = filterOf(request.query);
        const results = await open(request.params.id, request.query.sector);
        const { rows, selection } = await scoreTable(
          database,
          table,
          request.messages,
          results,
          filter,
        );
        return {
          round: presentRound(results),
          filter: { level: filter.level ?? null, sector: filter.sector ?? null },
          protection: { threshold, hiddenAgencies: selection.hiddenCount },
          rows,
        };
      },
    );

  app.get(
    '/api/rounds/:id/results/answers',
    {
      schema: {
        tags: ['results'],
        summary:
          'The answers of submitted responses under pseudonyms, a page of responses at a time; released once the round is closed (409 before)',
        description:
          'Agencies shown only inside totals (small-number protection) are not named (agency null). A focal point gets only their own agencies shown on their own.',
        params: roundParams,
        querystring: z.object({
          page: z.coerce.number().int().min(1).default(1).describe('From 1'),
          limit: z.coerce
            .number()
            .int()
            .min(1)
            .max(1000)
            .default(100)
            .describe('Responses per page (their answers are all on the page)'),
        }),
        response: {
          200: z
            .object({
              round: roundSchema,
              page: z.number().int(),
              nextPage: z.number().int().nullable().describe('null on the last page'),
              rows: z.array(answerRowSchema),
            })
            .meta({ id: 'AnswerPage' }),
          ...errors,
          409: errorBodySchema,
        },
      },
      config: { access: 'responses.read' },
    },
    async (request) => {
      const member = requireMember(request.signedIn);
      const { page, limit } = request.query;
      const results = await open(request.params.id);
      const { scope, context } = answersFor(results, member);
      const { answers, more } = await submittedAnswerPage(database.db, scope, { page, limit });
      return {
        round: presentRound(results),
        page,
        nextPage: more ? page + 1 : null,
        rows: answerRows(answers, context),
      };
    },
  );
}
