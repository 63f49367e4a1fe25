// A plan's star profile as JSON: every point of the model with its level,
// narrative and evidence; assessing a point and clearing it, naming the
// version the change starts from (0 for a point not assessed yet). A change
// that comes after another answers 409 with the point as it now stands.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { changedBy } from '../../platform/audit/changed-by.ts';
import { AppError } from '../../platform/errors.ts';
import { errorBodySchema } from '../../platform/http/errors.ts';
import type { App, FeatureDeps } from '../../platform/http/feature.ts';
import { messagesFor } from '../../platform/i18n/messages.ts';
import { type Plan, planConflictSchema, requirePlan } from '../plans/index.ts';
import { clearStarPoint, type StarOutcome, saveStarPoint } from './star-changes.ts';
import { starProblemText } from './star-form-views.tsx';
import { baselineScoreChoices, type ScoreChoice, starPointStates } from './star-lookup.ts';
import {
  findStarPoint as findModelPoint,
  modelText,
  STAR_LEVEL_MAX,
  STAR_LEVEL_MIN,
  starGroups,
  starLevels,
  starPointKeys,
  starPoints,
} from './star-model.ts';
import {
  EVIDENCE_MAX,
  EVIDENCE_TITLE_MAX,
  NARRATIVE_MAX,
  notAssessed,
  type StarPointState,
  scoreKey,
  URL_MAX,
} from './star-rules.ts';

const planParams = z.object({ id: z.uuid() });
const pointParams = z.object({
  id: z.uuid(),
  point: z
    .string()
    .max(60)
    .describe(`One of: ${starPointKeys.join(', ')}`),
});
// API errors are read by programs and their authors, in English like the field names.
const english = messagesFor('en');

const evidenceSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('link'), title: z.string(), url: z.string() }),
    z.object({
      type: z.literal('score'),
      roundId: z.uuid().describe('One of the plan’s baseline rounds'),
      code: z.string().describe('A dimension or sub-dimension code of its framework'),
      wholeOfGovernmentScore: z
        .number()
        .nullable()
        .describe('As the results pages publish it; null when withheld or not scored'),
    }),
  ])
  .meta({ id: 'StarEvidence' });

const pointSchema = z
  .object({
    key: z.enum(starPointKeys as [string, ...string[]]),
    group: z.enum(starGroups),
    name: z.string().describe('In the language asked for'),
    level: z.number().int().min(STAR_LEVEL_MIN).max(STAR_LEVEL_MAX).nullable(),
    narrative: z.string(),
    evidence: z.array(evidenceSchema),
    version: z.number().int().describe('Name it when changing the point; 0: not assessed yet'),
  })
  .meta({ id: 'StarPoint' });

const pointBody = z.object({
  level: z.number().int().nullable().describe(`${STAR_LEVEL_MIN}–${STAR_LEVEL_MAX}, or null`),
  narrative: z
    .string()
    .max(NARRATIVE_MAX * 2)
    .default(''),
  evidence: z
    .array(
      z.discriminatedUnion('type', [
        z.object({
          type: z.literal('link'),
          title: z.string().max(EVIDENCE_TITLE_MAX * 2),
          url: z.string().max(URL_MAX * 2),
        }),
        z.object({
          type: z.literal('score'),
          roundId: z.string().max(100),
          code: z.string().max(100),
        }),
      ]),
    )
    .max(EVIDENCE_MAX * 2)
    .default([]),
  version: z.number().int().min(0).describe('The version the change starts from'),
});

const conflictSchema = planConflictSchema(pointSchema, 'The point', 'StarPointConflict');
const errors = { 400: errorBodySchema, 404: errorBodySchema, 409: conflictSchema };

function present(
  state: StarPointState,
  language: string,
  scores: ReadonlyMap<string, ScoreChoice>,
): z.infer<typeof pointSchema> {
  const point = findModelPoint(state.point);
  if (!point) throw new AppError('not_found', 'The star profiling model has no such point');
  return {
    key: point.key,
    group: point.group,
    name: modelText(point.name, language),
    level: state.level,
    narrative: state.narrative,
    evidence: state.evidence.map((item) =>
      item.type === 'link'
        ? item
        : {
            ...item,
            wholeOfGovernmentScore: scores.get(scoreKey(item.roundId, item.code))?.score ?? null,
          },
    ),
    version: state.version,
  };
}

function requireModelPoint(key: string) {
  const point = findModelPoint(key);
  if (!point)
    throw new AppError('not_found', 'The star profiling model has no such point', [
      { path: 'params.point', message: `must be one of: ${starPointKeys.join(', ')}` },
    ]);
  return point;
}

/** The baseline scores a point may cite, with the numbers the results pages publish. */
async function choicesFor(deps: FeatureDeps, plan: Plan, language: string) {
  const choices = await baselineScoreChoices(deps.database.db, plan, {
    language,
    threshold: deps.resultsMinRespondents,
  });
  return new Map(choices.map((choice) => [choice.key, choice]));
}

async function answer(
  deps: FeatureDeps,
  plan: Plan,
  point: string,
  language: string,
  reply: FastifyReply,
  outcome: StarOutcome,
) {
  const scores = await choicesFor(deps, plan, language);
  if (outcome.ok) {
    const state = (await starPointStates(deps.database.db, plan.id)).find(
      (candidate) => candidate.point === point,
    );
    if (!state) throw new AppError('not_found', 'The star profiling model has no such point');
    return reply.status(200).send(present(state, language, scores));
  }
  if ('conflict' in outcome)
    return reply.status(409).send({
      error: {
        code: 'conflict',
        message: 'The point was changed since the version named; nothing was saved',
        fields: [{ path: 'version', message: `is ${outcome.conflict.version} now` }],
      },
      current: present(outcome.conflict, language, scores),
    });
  throw new AppError(
    'invalid_request',
    'The point was refused; nothing was saved',
    outcome.problems.map((problem) => ({
      path: `body.${problem.field}`,
      message: starProblemText(english, problem),
    })),
  );
}

export async function starApi(app: App, deps: FeatureDeps) {
  const { db } = deps.database;
  const tags = ['star profile'];
  app.get(
    '/api/plans/:id/star-profile',
    {
      schema: {
        tags,
        summary: 'The plan’s star profile: every point of the model, assessed or not',
        params: planParams,
        response: {
          200: z.object({
            levels: z.array(z.object({ value: z.number().int(), name: z.string() })),
            points: z.array(pointSchema),
          }),
          ...errors,
        },
      },
      config: { access: 'workspace.read' },
    },
    async (request) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const { language } = request.messages;
      const states = await starPointStates(db, plan.id);
      const scores = await choicesFor(deps, plan, language);
      return {
        levels: starLevels.map((level) => ({
          value: level.value,
          name: modelText(level.name, language),
        })),
        points: starPoints.map((point, index) =>
          present(states[index] ?? notAssessed(point.key), language, scores),
        ),
      };
    },
  );
  app.put(
    '/api/plans/:id/star-profile/:point',
    {
      schema: {
        tags,
        summary: 'Assesses a point of the star profile, if it is still at the version named',
        params: pointParams,
        body: pointBody,
        response: { 200: pointSchema, ...errors },
      },
      config: { access: 'plans.edit' },
    },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const point = requireModelPoint(request.params.point);
      const { version, level, narrative, evidence } = request.body;
      const scores = await choicesFor(deps, plan, request.messages.language);
      const outcome = await saveStarPoint(
        db,
        plan.id,
        point.key,
        { level, narrative, evidence },
        version,
        new Set(scores.keys()),
        changedBy(request),
      );
      return answer(deps, plan, point.key, request.messages.language, reply, outcome);
    },
  );
  app.delete(
    '/api/plans/:id/star-profile/:point',
    {
      schema: {
        tags,
        summary: 'Clears a point back to not assessed, if it is still at the version named',
        params: pointParams,
        querystring: z.object({
          version: z.coerce.number().int().min(0).describe('The version the change starts from'),
        }),
        response: { 200: pointSchema, ...errors },
      },
      config: { access: 'plans.edit' },
    },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const point = requireModelPoint(request.params.point);
      const outcome = await clearStarPoint(
        db,
        plan.id,
        point.key,
        request.query.version,
        changedBy(request),
      );
      return answer(deps, plan, point.key, request.messages.language, reply, outcome);
    },
  );
}
