// Targets and recommendations as JSON: a round's targets with the gaps of the
// whole of government, the recommendations for the whole of government or an
// agency that may be shown, and the decisions on them. Small-number protection
// applies as on the pages.
import { z } from 'zod';
import { changedBy } from '../../platform/audit/changed-by.ts';
import { AppError } from '../../platform/errors.ts';
import { errorBodySchema } from '../../platform/http/errors.ts';
import type { App, FeatureDeps } from '../../platform/http/feature.ts';
import { EFFORTS, HORIZONS, type LocalizedText, localized } from '../frameworks/index.ts';
import { checkDecision, checkTargets, REOPEN } from './advice/advice-input.ts';
import {
  DECISION_NOTE_MAX,
  DECISION_STATUSES,
  decideRecommendation,
  saveTargets,
} from './advice/advice-store.ts';
import { openAdvice, openTargets, type RoundTargets } from './advice/open-advice.ts';
import { gapTo, type Target } from './advice/targets.ts';
import { rounded } from './exports/exports.ts';
import { roundDecimal } from './scoring/rounding.ts';
import type { Score } from './scoring/scoring.ts';

const roundParams = z.object({ id: z.uuid() });
const errors = { 400: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

const targetSchema = z
  .object({
    level: z.string().describe('The key of the framework’s maturity level aimed for'),
    minScore: z.number().describe('The lowest score of that level'),
    dueOn: z.iso.date().nullable(),
    source: z
      .enum(['set', 'dimension', 'default'])
      .describe('Set for this node, its dimension’s, or one level above today’s'),
  })
  .meta({ id: 'Target' });

const targetsSchema = z
  .object({
    framework: z.object({ key: z.string() }),
    targets: z.array(
      z.object({
        code: z.string(),
        kind: z.enum(['dimension', 'subdimension']),
        name: z.string(),
        score: z
          .number()
          .nullable()
          .describe('The whole of government, each agency once; null when withheld or unanswered'),
        maturityLevel: z.string().nullable(),
        target: targetSchema.nullable(),
        gap: z
          .number()
          .nullable()
          .describe('How far the score is below the target level, 0 once reached'),
      }),
    ),
  })
  .meta({ id: 'RoundTargets' });

const targetsBody = z.object({
  targets: z
    .array(
      z.object({
        code: z.string().max(40),
        level: z
          .string()
          .max(64)
          .nullable()
          .describe('null: no target of its own (the default applies)'),
        dueOn: z.string().max(10).nullable().optional(),
      }),
    )
    .max(500),
});

const decisionSchema = z.object({
  status: z.enum(DECISION_STATUSES),
  note: z.string(),
  decidedAt: z.iso.datetime(),
});

const recommendationsSchema = z
  .object({
    agency: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    weak: z.array(
      z.object({
        dimension: z.string(),
        subdimension: z.string(),
        score: z.number(),
        maturityLevel: z.string(),
        basis: z.enum(['self-assessment', 'consensus']),
        selfAssessed: z.number().nullable(),
        target: targetSchema,
        gap: z.number(),
        weight: z.number().describe('The sub-dimension’s share of the overall score'),
        priority: z.number().describe('gap × weight; the list is in this order'),
        recommendations: z.array(
          z.object({
            code: z.string(),
            title: z.string(),
            text: z.string(),
            horizon: z.enum(HORIZONS),
            effort: z.enum(EFFORTS),
            decision: decisionSchema.nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'Recommendations' });

const decisionBody = z.object({
  agency: z
    .uuid()
    .nullable()
    .optional()
    .describe('An agency of the round; absent or null: the whole of government'),
  status: z.enum([...DECISION_STATUSES, REOPEN]).describe('`open` takes the decision back'),
  note: z.string().max(DECISION_NOTE_MAX).default(''),
});

const presentTarget = (target: Target) => ({
  level: target.level.key,
  minScore: target.level.minScore,
  dueOn: target.dueOn,
  source: target.source,
});
const to3 = (value: number) => roundDecimal(value, 3);

function presentTargets(roundTargets: RoundTargets, language: string) {
  const { framework } = roundTargets.results;
  const text = (value: LocalizedText) => localized(value, language, framework.defaultLanguage);
  const total = roundTargets.wholeOfGovernment;
  return {
    framework: { key: framework.key },
    targets: framework.dimensions.flatMap((dimension, d) => {
      const dimensionScore = total?.dimensions[d];
      const row = (
        code: string,
        kind: 'dimension' | 'subdimension',
        name: LocalizedText,
        score: Score | undefined,
      ) => {
        const target = roundTargets.targets.get(code);
        return {
          code,
          kind,
          name: text(name),
          score: rounded(score?.value),
          maturityLevel: score?.level?.key ?? null,
          target: target ? presentTarget(target) : null,
          gap: rounded(gapTo(score?.value, target)),
        };
      };
      return [
        row(dimension.code, 'dimension', dimension.name, dimensionScore),
        ...dimension.subdimensions.map((subdimension, s) =>
          row(
            subdimension.code,
            'subdimension',
            subdimension.name,
            dimensionScore?.subdimensions[s],
          ),
        ),
      ];
    }),
  };
}

export async function adviceApi(
  app: App,
  { database, resultsMinRespondents: threshold }: FeatureDeps,
) {
  app.get(
    '/api/rounds/:id/results/targets',
    {
      schema: {
        tags: ['results'],
        summary:
          'The targets of a round’s framework, with the whole of government’s scores and gaps',
        params: roundParams,
        response: { 200: targetsSchema, ...errors },
      },
      config: { access: 'workspace.read' },
    },
    async (request) =>
      presentTargets(
        await openTargets(database.db, { roundId: request.params.id, threshold }),
        request.messages.language,
      ),
  );

  app.put(
    '/api/rounds/:id/results/targets',
    {
      schema: {
        tags: ['results'],
        summary:
          'Sets targets of the round’s framework (for every round of it); all or none are saved',
        params: roundParams,
        body: targetsBody,
        response: { 200: targetsSchema, ...errors },
      },
      config: { access: 'plans.manage' },
    },
    async (request) => {
      const roundId = request.params.id;
      const before = await openTargets(database.db, { roundId, threshold });
      const { framework } = before.results;
      const inputs = request.body.targets;
      const duplicate = inputs.findIndex(
        (input, index) => inputs.findIndex((other) => other.code === input.code) !== index,
      );
      if (duplicate >= 0)
        throw new AppError('invalid_request', 'A node is named twice', [
          {
            path: `targets[${duplicate}].code`,
            message: 'names the same node as an earlier entry',
          },
        ]);
      const checked = checkTargets(
        framework,
        Object.fromEntries(
          inputs.map((input) => [input.code, { level: input.level ?? '', due: input.dueOn ?? '' }]),
        ),
      );
      if (!checked.ok)
        throw new AppError(
          'invalid_request',
          'Some targets were refused; none was saved',
          checked.problems.map((problem) => ({
            path: `targets[${inputs.findIndex((input) => input.code === problem.code)}].${problem.field === 'due' ? 'dueOn' : problem.kind === 'unknownNode' ? 'code' : 'level'}`,
            message: problem.message,
          })),
        );
      await saveTargets(database.db, framework.key, checked.targets, changedBy(request));
      return presentTargets(
        await openTargets(database.db, { roundId, threshold }),
        request.messages.language,
      );
    },
  );

  app.get(
    '/api/rounds/:id/results/recommendations',
    {
      schema: {
        tags: ['results'],
        summary:
          'The sub-dimensions below their targets, most pressing first, with the recommendations that apply',
        params: roundParams,
        querystring: z.object({
          agency: z
            .uuid()
            .optional()
            .describe('An agency shown on its own; absent: the whole of government'),
        }),
        response: { 200: recommendationsSchema, ...errors },
      },
      config: { access: 'workspace.read' },
    },
    async (request) => {
      const advice = await openAdvice(database.db, {
        roundId: request.params.id,
        threshold,
        agencyId: request.query.agency,
        agencyField: 'agency',
      });
      const { framework } = advice.results;
      const text = (value: LocalizedText) =>
        localized(value, request.messages.language, framework.defaultLanguage);
      return {
        agency: advice.agency ? { id: advice.agency.id, name: advice.agency.name } : null,
        weak: advice.weak.map((entry) => ({
          dimension: entry.dimensionCode,
          subdimension: entry.subdimensionCode,
          score: to3(entry.score),
          maturityLevel: entry.level.key,
          basis: entry.basis,
          selfAssessed: rounded(entry.selfAssessed),
          target: presentTarget(entry.target),
          gap: to3(entry.gap),
          weight: to3(entry.weight),
          priority: to3(entry.priority),
          recommendations: entry.recommendations.map((recommendation) => {
            const decision = advice.decisions.get(recommendation.code);
            return {
              code: recommendation.code,
              title: text(recommendation.title),
              text: text(recommendation.text),
              horizon: recommendation.horizon,
              effort: recommendation.effort,
              decision: decision
                ? {
                    status: decision.status,
                    note: decision.note,
                    decidedAt: decision.decidedAt.toISOString(),
                  }
                : null,
            };
          }),
        })),
      };
    },
  );

  app.put(
    '/api/rounds/:id/results/recommendations/:code',
    {
      schema: {
        tags: ['results'],
        summary:
          'Accepts or sets aside a recommendation for the whole of government or an agency, or takes the decision back',
        params: roundParams.extend({ code: z.string().max(40) }),
        body: decisionBody,
        response: {
          200: z.object({
            code: z.string(),
            status: z.enum([...DECISION_STATUSES, REOPEN]),
            note: z.string(),
          }),
          ...errors,
        },
      },
      config: { access: 'plans.manage' },
    },
    async (request) => {
      const advice = await openAdvice(database.db, {
        roundId: request.params.id,
        threshold,
        agencyId: request.body.agency ?? undefined,
        agencyField: 'agency',
      });
      const checked = checkDecision(advice.results.framework, {
        code: request.params.code,
        status: request.body.status,
        note: request.body.note,
      });
      if (!checked.ok)
        throw new AppError('invalid_request', checked.problem.message, [
          { path: checked.problem.field, message: checked.problem.message },
        ]);
      await decideRecommendation(
        database.db,
        {
          roundId: advice.results.round.id,
          agencyId: advice.agency?.id ?? null,
          ...checked.decision,
        },
        changedBy(request),
      );
      return {
        code: checked.decision.recommendationCode,
        status: request.body.status,
        note: checked.decision.note,
      };
    },
  );
}
