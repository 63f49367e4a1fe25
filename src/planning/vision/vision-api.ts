// A plan's vision as JSON: read it whole (goals with the numbers of the weak
// sub-dimensions they answer, as the recommendations page publishes them),
// the reference data (CEPA principles and strategies, SDGs and targets), and
// change the statement, principles, goals and priorities. A change names the
// version it starts from; one that comes after another answers 409 with the
// entry as it now stands (null if deleted), so nothing is overwritten unseen.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { changedBy } from '../../platform/audit/changed-by.ts';
import { AppError } from '../../platform/errors.ts';
import { errorBodySchema } from '../../platform/http/errors.ts';
import type { App, FeatureDeps } from '../../platform/http/feature.ts';
import { messagesFor } from '../../platform/i18n/messages.ts';
import { cepaPrinciples } from './cepa-principles.ts';
import { sdgGoals } from './sdg-goals.ts';
import {
  entryParams,
  errors,
  goalBody,
  goalSchema,
  planParams,
  presentGoal,
  presentVision,
  principleBody,
  principleSchema,
  priorityBody,
  prioritySchema,
  referenceSchema,
  version,
  visionSchema,
} from './vision-api-schemas.ts';
import {
  deleteEntry,
  saveGoal,
  savePrinciple,
  savePriority,
  saveStatement,
  type VisionEntryKind,
  type VisionOutcome,
} from './vision-changes.ts';
import type { VisionEvidence } from './vision-evidence.ts';
import { goalEvidenceOf, openVision } from './vision-lookup.ts';
import { visionProblemText } from './vision-parts.tsx';
import { STATEMENT_MAX } from './vision-rules.ts';
import type { Vision, VisionGoal, VisionPrinciple, VisionPriority } from './vision-store.ts';

// API errors are read by programs and their authors, in English like the field names.
const english = messagesFor('en');

/** Refused, naming each field; or 409 with the entry as it now stands. */
function refusal<Entry>(
  reply: FastifyReply,
  outcome: Exclude<VisionOutcome<Entry>, { ok: true }>,
  present: (entry: Entry) => unknown,
) {
  if ('conflict' in outcome)
    return reply.status(409).send({
      error: {
        code: 'conflict',
        message: outcome.current
          ? 'The entry was changed since the version named; nothing was saved'
          : 'The entry was deleted by someone else; nothing was saved',
        fields: [
          {
            path: 'version',
            message: outcome.current ? 'is not the version now stored' : 'names a deleted entry',
          },
        ],
      },
      current: outcome.current === undefined ? null : present(outcome.current),
    });
  throw new AppError(
    'invalid_request',
    'The change was refused; nothing was saved',
    outcome.problems.map((problem) => ({
      path: `body.${problem.field}`,
      message: visionProblemText(english, problem),
    })),
  );
}

export async function visionApi(app: App, deps: FeatureDeps) {
  const { db } = deps.database;
  const read = { access: 'workspace.read' as const };
  const edit = { access: 'plans.edit' as const };
  const tags = ['vision'];
  const base = '/api/plans/:id/vision';

  /** The entry saved, read back as the API shows it. */
  async function saved<Entry>(
    request: Parameters<typeof openVision>[0],
    planId: string,
    pick: (vision: Vision, evidence: VisionEvidence) => Entry | undefined,
  ): Promise<Entry> {
    const { vision, evidence } = await openVision(request, deps, planId);
    const entry = pick(vision, evidence);
    if (!entry) throw new AppError('not_found', 'The entry is gone');
    return entry;
  }
  const findPrinciple = (id: string) => (vision: Vision) =>
    vision.principles.find((principle) => principle.id === id);
  const findGoal = (id: string) => (vision: Vision, evidence: VisionEvidence) => {
    const goal = vision.goals.find((candidate) => candidate.id === id);
    return goal && presentGoal(goal, evidence);
  };
  const findPriority = (id: string) => (vision: Vision) =>
    vision.goals.flatMap((goal) => goal.priorities).find((priority) => priority.id === id);

  app.get(
    '/api/vision/reference',
    {
      schema: {
        tags,
        summary:
          'The 11 CEPA principles of effective governance with their 62 strategies, and the 17 SDGs with their 169 targets',
        response: { 200: referenceSchema },
      },
      config: read,
    },
    async () =>
      ({ cepaPrinciples: [...cepaPrinciples], sdgGoals: [...sdgGoals] }) as z.infer<
        typeof referenceSchema
      >,
  );
  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'A plan’s vision: statement, principles, goals and priorities',
        params: planParams,
        response: { 200: visionSchema, 404: errorBodySchema },
      },
      config: read,
    },
    async (request) => {
      const { vision, evidence } = await openVision(request, deps, request.params.id);
      return presentVision(vision, evidence);
    },
  );
  app.put(
    `${base}/statement`,
    {
      schema: {
        tags,
        summary:
          'Writes the vision statement, if it is still at the version named (0 for the first)',
        params: planParams,
        body: z.object({ statement: z.string().max(STATEMENT_MAX * 2), version }),
        response: { 200: visionSchema, ...errors('VisionStatement', visionSchema) },
      },
      config: edit,
    },
    async (request, reply) => {
      const { plan, evidence } = await openVision(request, deps, request.params.id);
      const outcome = await saveStatement(
        db,
        plan,
        request.body,
        request.body.version,
        changedBy(request),
      );
      if (!outcome.ok) return refusal(reply, outcome, (vision) => presentVision(vision, evidence));
      const { vision } = await openVision(request, deps, plan.id);
      return presentVision(vision, evidence);
    },
  );
  app.post(
    `${base}/principles`,
    {
      schema: {
        tags,
        summary:
          'Adds a principle: one of CEPA’s (cepaKey, with strategyNumbers of its own) or the team’s own (title)',
        params: planParams,
        body: principleBody,
        response: { 201: principleSchema, ...errors('VisionPrinciple', principleSchema) },
      },
      config: edit,
    },
    async (request, reply) => {
      const { plan } = await openVision(request, deps, request.params.id);
      const outcome = await savePrinciple(db, plan, request.body, changedBy(request));
      if (!outcome.ok) return refusal(reply, outcome, (entry: VisionPrinciple) => entry);
      return reply.status(201).send(await saved(request, plan.id, findPrinciple(outcome.id)));
    },
  );
  app.put(
    `${base}/principles/:entryId`,
    {
      schema: {
        tags,
        summary:
          'Changes a principle’s description, strategies or (the team’s own) title, if still at the version named',
        params: entryParams,
        body: principleBody.omit({ cepaKey: true }).extend({ version }),
        response: { 200: principleSchema, ...errors('VisionPrinciple', principleSchema) },
      },
      config: edit,
    },
    async (request, reply) => {
      const { plan } = await openVision(request, deps, request.params.id);
      const { version: from, ...fields } = request.body;
      const outcome = await savePrinciple(db, plan, fields, changedBy(request), {
        id: request.params.entryId,
        version: from,
      });
      if (!outcome.ok) return refusal(reply, outcome, (entry: VisionPrinciple) => entry);
      return saved(request, plan.id, findPrinciple(outcome.id));
    },
  );
  app.post(
    `${base}/goals`,
    {
      schema: {
        tags,
        summary:
          'Adds a goal with its links to SDG goals and targets, weak sub-dimensions and recommendations (by code) and SWOT entries',
        params: planParams,
        body: goalBody,
        response: { 201: goalSchema, ...errors('VisionGoal', goalSchema) },
      },
      config: edit,
    },
    async (request, reply) => {
      const { plan, evidence } = await openVision(request, deps, request.params.id);
      const outcome = await saveGoal(
        db,
        plan,
        { ...request.body, sdgTargets: request.body.sdgTargets },
        goalEvidenceOf(evidence),
        changedBy(request),
      );
      if (!outcome.ok)
        return refusal(reply, outcome, (goal: VisionGoal) => presentGoal(goal, evidence));
      return reply.status(201).send(await saved(request, plan.id, findGoal(outcome.id)));
    },
  );
  app.put(
    `${base}/goals/:entryId`,
    {
      schema: {
        tags,
        summary: 'Changes a goal and its links, if it is still at the version named',
        params: entryParams,
        body: goalBody.extend({ version }),
        response: { 200: goalSchema, ...errors('VisionGoal', goalSchema) },
      },
      config: edit,
    },
    async (request, reply) => {
      const { plan, evidence } = await openVision(request, deps, request.params.id);
      const { version: from, ...fields } = request.body;
      const outcome = await saveGoal(
        db,
        plan,
        fields,
        goalEvidenceOf(evidence),
        changedBy(request),
        {
          id: request.params.entryId,
          version: from,
        },
      );
      if (!outcome.ok)
        return refusal(reply, outcome, (goal: VisionGoal) => presentGoal(goal, evidence));
      return saved(request, plan.id, findGoal(outcome.id));
    },
  );
  app.post(
    `${base}/goals/:entryId/priorities`,
    {
      schema: {
        tags,
        summary: 'Adds a priority under a goal, short- or long-term',
        params: entryParams,
        body: priorityBody,
        response: { 201: prioritySchema, ...errors('VisionPriority', prioritySchema) },
      },
      config: edit,
    },
    async (request, reply) => {
      const { plan } = await openVision(request, deps, request.params.id);
      const outcome = await savePriority(
        db,
        plan,
        { ...request.body, goalId: request.params.entryId },
        changedBy(request),
      );
      if (!outcome.ok) return refusal(reply, outcome, (entry: VisionPriority) => entry);
      return reply.status(201).send(await saved(request, plan.id, findPriority(outcome.id)));
    },
  );
  app.put(
    `${base}/priorities/:entryId`,
    {
      schema: {
        tags,
        summary: 'Changes a priority, if it is still at the version named',
        params: entryParams,
        body: priorityBody.extend({ version }),
        response: { 200: prioritySchema, ...errors('VisionPriority', prioritySchema) },
      },
      config: edit,
    },
    async (request, reply) => {
      const { plan } = await openVision(request, deps, request.params.id);
      const { version: from, ...fields } = request.body;
      const outcome = await savePriority(db, plan, fields, changedBy(request), {
        id: request.params.entryId,
        version: from,
      });
      if (!outcome.ok) return refusal(reply, outcome, (entry: VisionPriority) => entry);
      return saved(request, plan.id, findPriority(outcome.id));
    },
  );
  for (const [kind, path] of [
    ['principle', 'principles'],
    ['goal', 'goals'],
    ['priority', 'priorities'],
  ] as const satisfies readonly (readonly [VisionEntryKind, string])[])
    app.delete(
      `${base}/${path}/:entryId`,
      {
        schema: {
          tags,
          summary: `Deletes a ${kind}${kind === 'goal' ? ' with its priorities' : ''}, if it is still at the version named`,
          params: entryParams,
          querystring: z.object({ version: z.coerce.number().int().min(1) }),
          response: {
            204: z.null(),
            400: errorBodySchema,
            404: errorBodySchema,
            409: errorBodySchema.extend({ current: z.unknown() }),
          },
        },
        config: edit,
      },
      async (request, reply) => {
        const { plan } = await openVision(request, deps, request.params.id);
        const outcome = await deleteEntry(
          db,
          plan,
          kind,
          { id: request.params.entryId, version: request.query.version },
          changedBy(request),
        );
        if (!outcome.ok) return refusal(reply, outcome, (entry) => entry);
        return reply.status(204).send(null);
      },
    );
}
