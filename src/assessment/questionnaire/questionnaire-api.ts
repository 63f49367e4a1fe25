// The respondent's questionnaire as JSON, for the autosaving script and any
// other client: read the response, save a batch of answer changes, submit.
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { errorBodySchema } from '../../platform/http/errors.ts';
import type { App } from '../../platform/http/feature.ts';
import { checkAnswers, describeAnswerProblem, normalizeAnswer } from './answer.ts';
import { type QuestionnaireDeps, saveThroughLink } from './answer-saves.ts';
import { submitResponse } from './questionnaire-store.ts';
import { linkError, openLinkWithResponse, requireOpenLink } from './respondent-link.ts';
import { recordedAt, saveFingerprint, saveIdReusedError } from './save-decision.ts';

const tokenParams = z.object({
  token: z.string().max(200).describe('The secret of the invitation link, as in /r/<token>'),
});

const answerContent = {
  value: z
    .number()
    .int()
    .nullable()
    .describe(
      'A value of the item’s scale (Likert value or stage value); null when none is chosen',
    ),
  notApplicable: z.boolean().default(false),
  // Bounded loosely here; the questionnaire's own rules (2,000 characters)
  // answer with a message naming the item.
  comment: z.string().max(100_000).nullable().default(null),
  evidenceUrl: z
    .string()
    .max(100_000)
    .nullable()
    .default(null)
    .describe('An http(s) address of evidence, at most 2,000 characters'),
};

const answerChangeSchema = z
  .object({
    itemCode: z.string().max(100),
    ...answerContent,
    changedAt: z.iso
      .datetime({ offset: true })
      .describe('When the respondent made the change; a later change of an item wins'),
  })
  .meta({ id: 'AnswerChange' });

const answerSchema = z
  .object({
    itemCode: z.string(),
    value: z.number().int().nullable(),
    notApplicable: z.boolean(),
    comment: z.string().nullable(),
    evidenceUrl: z.string().nullable(),
    changedAt: z.iso.datetime(),
  })
  .meta({ id: 'Answer' });

const responseSchema = z
  .object({
    round: z.object({ name: z.string(), opensOn: z.iso.date(), closesOn: z.iso.date() }),
    agency: z.object({ name: z.string(), acronym: z.string().nullable() }),
    status: z.enum(['not_started', 'draft', 'submitted']),
    submittedAt: z.iso.datetime().nullable(),
    answers: z.array(answerSchema),
  })
  .meta({ id: 'RespondentResponse' });

const saveBodySchema = z
  .object({
    saveId: z
      .string()
      .min(8)
      .max(100)
      .describe(
        'Chosen by the client, new for each save. A retry with the same id and the same answers changes nothing and gets the first outcome again (for at least 24 hours); the same id with other answers is refused (409)',
      ),
    answers: z.array(answerChangeSchema).min(1).max(500),
  })
  .meta({ id: 'AnswerSave' });

const saveResultSchema = z
  .object({
    saveId: z.string(),
    duplicate: z.boolean().describe('True when this save id had already been applied'),
    written: z
      .array(z.string())
      .describe(
        'Items written (for a duplicate: by the save it repeats); the others were already changed later and kept',
      ),
    status: z.enum(['draft', 'submitted']),
  })
  .meta({ id: 'AnswerSaveResult' });

const linkErrors = { 403: errorBodySchema, 404: errorBodySchema, 410: errorBodySchema };

export async function questionnaireApi(app: App, { database, saves, links }: QuestionnaireDeps) {
  const respondent = { access: 'respondent' as const };
  app.get(
    '/api/respondent/:token',
    {
      schema: {
        tags: ['questionnaire'],
        summary: 'The response of an invitation link, with every answer',
        params: tokenParams,
        response: { 200: responseSchema, ...linkErrors },
      },
      config: respondent,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { opened, response } = await openLinkWithResponse(database.db, request.params.token);
      if (opened.state !== 'valid') throw linkError(opened.state);
      const { invitation } = opened;
      return {
        round: {
          name: invitation.round.name,
          opensOn: invitation.round.opensOn,
          closesOn: invitation.round.closesOn,
        },
        agency: { name: invitation.agency.name, acronym: invitation.agency.acronym },
        status: response.status,
        submittedAt: response.submittedAt?.toISOString() ?? null,
        answers: [...response.answers].map(([itemCode, answer]) => ({
          itemCode,
          value: answer.value,
          notApplicable: answer.notApplicable,
          comment: answer.comment,
          evidenceUrl: answer.evidenceUrl,
          changedAt: answer.changedAt.toISOString(),
        })),
      };
    },
  );

  app.put(
    '/api/respondent/:token/answers',
    {
      schema: {
        tags: ['questionnaire'],
        summary: 'Save a batch of answer changes (autosave)',
        description:
          'All answers of the batch are saved in one transaction, or none: any invalid answer refuses the whole batch with a field per problem. Per item the change made latest wins. A save is acknowledged only once it is committed.',
        params: tokenParams,
        body: saveBodySchema,
        response: {
          200: saveResultSchema,
          400: errorBodySchema,
          409: errorBodySchema,
          ...linkErrors,
        },
      },
      config: respondent,
      // The busiest route, with answers of a few dozen bytes (below any size
      // worth compressing) to bodies no browser compresses: no compression
      // hooks to run for nothing.
      compress: false,
      decompress: false,
    },
    async (request) => {
      const { token } = request.params;
      // Autosave looks a link up once, then checks it within each save's transaction.
      const link = await links.open(token);
      if ('state' in link) throw linkError(link.state);
      const { framework } = link;
      const now = new Date();
      const changes = request.body.answers.map((answer) =>
        normalizeAnswer({ ...answer, changedAt: recordedAt(new Date(answer.changedAt), now) }),
      );
      const problems = checkAnswers(framework, changes);
      if (problems.length > 0) {
        throw new AppError(
          'invalid_request',
          'Some answers are not valid; nothing was saved',
          problems.map((problem) => ({
            path: `body.answers.${problem.index}.${problem.field}`,
            message: describeAnswerProblem(problem),
          })),
        );
      }
      const { saveId } = request.body;
      const outcome = await saveThroughLink(database.db, saves, token, {
        link: link.ids,
        changes,
        saveId,
        // Of the answers as sent: a retry matches even when the server capped their times.
        fingerprint: saveFingerprint(request.body.answers),
      });
      if (outcome === 'save_id_reused') throw saveIdReusedError();
      if ('state' in outcome) {
        links.forget(token);
        throw linkError(outcome.state);
      }
      return { saveId, ...outcome };
    },
  );

  app.post(
    '/api/respondent/:token/submit',
    {
      schema: {
        tags: ['questionnaire'],
        summary: 'Submit the response once every item is answered',
        params: tokenParams,
        response: {
          200: z.object({ status: z.literal('submitted'), submittedAt: z.iso.datetime() }),
          400: errorBodySchema,
          ...linkErrors,
        },
      },
      config: respondent,
    },
    async (request) => {
      const { invitation, framework } = await requireOpenLink(database.db, request.params.token);
      const { submittedAt } = await submitResponse(database.db, { invitation, framework });
      return { status: 'submitted' as const, submittedAt: submittedAt.toISOString() };
    },
  );
}
