// Prioritisation as JSON: the plan's ranking with each initiative's value,
// feasibility, spread and quadrant; and the caller's own score sheet of an
// initiative, read with the team's aggregate or replaced.
import { z } from 'zod';
import { changedBy } from '../../../platform/audit/changed-by.ts';
import { AppError } from '../../../platform/errors.ts';
import { errorBodySchema } from '../../../platform/http/errors.ts';
import type { App, FeatureDeps, RouteRequest } from '../../../platform/http/feature.ts';
import { workspaceOf } from '../../../platform/http/request-workspace.ts';
import { messagesFor } from '../../../platform/i18n/messages.ts';
import { requirePlan } from '../../plans/index.ts';
import { requireInitiative } from '../initiative-lookup.ts';
import { type AxisScore, type Priority, quadrants } from './prioritisation.ts';
import {
  type InitiativePriority,
  loadOwnSheet,
  loadPriorities,
  loadPriority,
} from './priority-lookup.ts';
import { saveScoreSheet } from './priority-score-changes.ts';
import { scoreProblemText } from './priority-score-views.tsx';

const planParams = z.object({ id: z.uuid() });
const initiativeParams = z.object({ id: z.uuid(), initiativeId: z.uuid() });
const english = messagesFor('en');
const tags = ['roadmap priorities'];
const errors = { 400: errorBodySchema, 404: errorBodySchema };

const axisScoreSchema = z
  .object({
    mean: z.number().describe('Mean of the members’ weighted scores, 1 to 5'),
    min: z.number(),
    max: z.number(),
    deviation: z.number().describe('Population standard deviation of the members’ scores'),
    scorers: z.number().int(),
  })
  .meta({ id: 'AxisScore' });
const priorityFields = {
  value: axisScoreSchema.nullable(),
  feasibility: axisScoreSchema.nullable(),
  quadrant: z.enum(quadrants).nullable().describe('Null until scored on both axes'),
  scorers: z.number().int().describe('Members who scored at least one criterion'),
};
const prioritiesSchema = z.object({
  initiatives: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      rank: z.number().int().nullable().describe('1 first; null until scored on both axes'),
      ...priorityFields,
    }),
  ),
});
const scoresSchema = z
  .object({
    scores: z
      .record(z.string(), z.number().int())
      .describe('The caller’s own scores by criterion key'),
    aggregate: z.object({
      ...priorityFields,
      byCriterion: z.array(
        z.object({ key: z.string(), mean: z.number().nullable(), scorers: z.number().int() }),
      ),
    }),
  })
  .meta({ id: 'InitiativeScores' });
const scoresBody = z.object({
  scores: z
    .record(z.string().max(100), z.number().nullable())
    .describe(
      'A whole number from 1 to 5 per criterion key; a criterion left out or null is not scored',
    ),
});

const axis = (score: AxisScore | undefined) => score ?? null;
const presentPriority = (priority: Priority, scorers: number) => ({
  value: axis(priority.value),
  feasibility: axis(priority.feasibility),
  quadrant: priority.quadrant ?? null,
  scorers,
});
const presentAggregate = (priority: InitiativePriority) => ({
  ...presentPriority(priority, priority.scorers),
  byCriterion: priority.byCriterion.map((entry) => ({ ...entry, mean: entry.mean ?? null })),
});

function callerOf(request: RouteRequest<{ params: typeof initiativeParams }>): string {
  const userId = request.signedIn?.userId;
  if (!userId) throw new AppError('forbidden', 'Only a member has a score sheet');
  return userId;
}

async function scoresOf(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof initiativeParams }>,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  const initiative = await requireInitiative(deps, plan, request.params.initiativeId);
  return { plan, initiative };
}

async function presentScores(
  deps: FeatureDeps,
  workspaceId: string,
  initiativeId: string,
  userId: string,
) {
  const [sheet, { priority }] = await Promise.all([
    loadOwnSheet(deps.database.db, initiativeId, userId),
    loadPriority(deps.database.db, workspaceId, initiativeId),
  ]);
  return { scores: Object.fromEntries(sheet), aggregate: presentAggregate(priority) };
}

export async function priorityApi(app: App, deps: FeatureDeps) {
  app.get(
    '/api/plans/:id/roadmap/priorities',
    {
      schema: {
        tags,
        summary: 'The plan’s initiatives ranked by value × feasibility, those not scored last',
        params: planParams,
        response: { 200: prioritiesSchema, ...errors },
      },
      config: { access: 'workspace.read' },
    },
    async (request) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const { ranked } = await loadPriorities(deps.database.db, workspaceOf(request).id, plan.id);
      return {
        initiatives: ranked.map((initiative, index) => ({
          id: initiative.id,
          title: initiative.title,
          rank: initiative.priority.quadrant ? index + 1 : null,
          ...presentPriority(initiative.priority, initiative.scorers),
        })),
      };
    },
  );
  app.get(
    '/api/plans/:id/initiatives/:initiativeId/scores',
    {
      schema: {
        tags,
        summary: 'The caller’s own scores of an initiative, and what all members’ scores add up to',
        params: initiativeParams,
        response: { 200: scoresSchema, ...errors },
      },
      config: { access: 'workspace.read' },
    },
    async (request) => {
      const { initiative } = await scoresOf(deps, request);
      return presentScores(deps, workspaceOf(request).id, initiative.id, callerOf(request));
    },
  );
  app.put(
    '/api/plans/:id/initiatives/:initiativeId/scores',
    {
      schema: {
        tags,
        summary: 'Replaces the caller’s own scores of an initiative; other members’ stay',
        params: initiativeParams,
        body: scoresBody,
        response: { 200: scoresSchema, ...errors },
      },
      config: { access: 'plans.edit' },
    },
    async (request) => {
      const { initiative } = await scoresOf(deps, request);
      const userId = callerOf(request);
      const outcome = await saveScoreSheet(
        deps.database.db,
        initiative,
        request.body.scores,
        changedBy(request),
      );
      if (!outcome.ok)
        throw new AppError(
          'invalid_request',
          'The scores were refused; nothing was saved',
          outcome.problems.map((problem) => ({
            path: `body.scores.${problem.field}`,
            message: scoreProblemText(english, problem),
          })),
        );
      return presentScores(deps, workspaceOf(request).id, initiative.id, userId);
    },
  );
}
