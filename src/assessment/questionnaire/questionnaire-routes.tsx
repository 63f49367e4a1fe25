// The respondent's questionnaire as pages under /r/<token>: the start page and
// task list, one page per sub-dimension, check your answers, submit, and the
// confirmation. Every page works without JavaScript: forms post, the server
// saves and redirects (post/redirect/get), errors re-render beside the field.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { sendCompressedOnce } from '../../platform/http/compression.ts';
import { errorCodes } from '../../platform/http/errors.ts';
import type { App, RouteRequest } from '../../platform/http/feature.ts';
import type { FieldErrors } from '../../platform/http/forms.tsx';
import { sendPage } from '../../platform/http/page.tsx';
import {
  isSupportedLanguage,
  type Messages,
  messagesFor,
  supportedLanguages,
} from '../../platform/i18n/messages.ts';
import { localized } from '../frameworks/index.ts';
import type { Invitation } from '../invitations/index.ts';
import {
  type AnswerContent,
  type AnswerProblem,
  COMMENT_MAX,
  checkAnswers,
  EVIDENCE_URL_MAX,
} from './answer.ts';
import { answersFromForm, type FormBody } from './answer-form.ts';
import { type QuestionnaireDeps, saveThroughLink } from './answer-saves.ts';
import { clientData, questions } from './client-data.ts';
import { fieldIds, SubdimensionPageView } from './page-view.tsx';
import { type StoredResponse, submitResponse } from './questionnaire-store.ts';
import {
  CheckView,
  DoneView,
  LinkProblemView,
  linkProblemTitle,
  StartView,
} from './questionnaire-views.tsx';
import {
  linkErrorCodes,
  type OpenedLink,
  openLinkWithResponse,
  type RefusedLink,
} from './respondent-link.ts';
import {
  findPage,
  missingItems,
  nextPage,
  previousPage,
  questionnairePages,
  taskList,
} from './task-list.ts';

const tokenParams = z.object({ token: z.string().max(200) });
const pageParams = tokenParams.extend({ code: z.string().max(40) });
const pageQuery = z.object({ return: z.enum(['check']).optional() });
const questionsParams = tokenParams.extend({
  language: z.enum(supportedLanguages),
  version: z.string().max(40),
});
const formBody = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

type Valid = Extract<OpenedLink, { state: 'valid' }>;

/** Pages about someone's own answers: never cached, and the link's secret never sent on as a referrer. */
function privatePage(reply: FastifyReply) {
  return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
}

/** Opens the link with its response as stored, or answers the page that says why it does not open. */
async function withLink(
  database: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  work: (opened: Valid, response: StoredResponse) => Promise<unknown>,
) {
  const { opened, response } = await openLinkWithResponse(database.db, token);
  if (opened.state !== 'valid') return refuseLink(request, reply, opened);
  privatePage(reply);
  speakInvitedLanguage(request, opened.invitation);
  return work(opened, response);
}

/**
 * A respondent invited in a language reads the questionnaire in it, unless
 * they chose another on these pages.
 */
function speakInvitedLanguage(request: FastifyRequest, invitation: Invitation | undefined) {
  const invitedIn = invitation?.language;
  if (!request.languageChosen && isSupportedLanguage(invitedIn))
    request.messages = messagesFor(invitedIn);
}

/** The page that says why a link does not open its questionnaire, in the respondent's language. */
function refuseLink(request: FastifyRequest, reply: FastifyReply, refused: RefusedLink) {
  privatePage(reply);
  speakInvitedLanguage(request, refused.invitation);
  return sendLinkProblem(request, reply, refused);
}

/** The page that says why a link does not open its questionnaire. */
function sendLinkProblem(request: FastifyRequest, reply: FastifyReply, refused: RefusedLink) {
  const code = linkErrorCodes[refused.state];
  return sendPage(request, reply.status(errorCodes[code].status), {
    title: linkProblemTitle(request.messages, refused.state),
    body: (
      <LinkProblemView
        messages={request.messages}
        problem={refused.state}
        invitation={refused.invitation}
      />
    ),
  });
}

function problemMessage(messages: Messages, problem: AnswerProblem, length: number): string {
  return messages.t(`questionnaire.error.${problem.rule}`, {
    code: problem.itemCode,
    max: problem.field === 'comment' ? COMMENT_MAX : EVIDENCE_URL_MAX,
    length,
  });
}

const linkSchema = { hide: true, params: tokenParams } as const;
const pageSchema = { hide: true, params: pageParams, querystring: pageQuery } as const;
const savePageSchema = { ...pageSchema, body: formBody } as const;
const questionsSchema = { hide: true, params: questionsParams } as const;

export async function questionnaireRoutes(app: App, deps: QuestionnaireDeps) {
  const respondent = { access: 'respondent' as const };
  app.get('/r/:token', { schema: linkSchema, config: respondent }, (request, reply) =>
    showStart(deps, request, reply),
  );
  app.get(
    '/r/:token/questions/:language/:version',
    { schema: questionsSchema, config: respondent },
    (request, reply) => sendQuestions(deps, request, reply),
  );
  app.get('/r/:token/s/:code', { schema: pageSchema, config: respondent }, (request, reply) =>
    showPage(deps, request, reply),
  );
  app.post('/r/:token/s/:code', { schema: savePageSchema, config: respondent }, (request, reply) =>
    savePage(deps, request, reply),
  );
  app.get('/r/:token/check', { schema: linkSchema, config: respondent }, (request, reply) =>
    showCheck(deps, request, reply),
  );
  app.post('/r/:token/submit', { schema: linkSchema, config: respondent }, (request, reply) =>
    submit(deps, request, reply),
  );
  app.get('/r/:token/done', { schema: linkSchema, config: respondent }, (request, reply) =>
    showDone(deps, request, reply),
  );
}

/** The start page: the round, the task list and where the respondent stands. */
async function showStart(
  { database }: QuestionnaireDeps,
  request: RouteRequest<typeof linkSchema>,
  reply: FastifyReply,
) {
  return withLink(
    database,
    request,
    reply,
    request.params.token,
    async ({ invitation, framework }, response) =>
      sendPage(request, reply, {
        title: invitation.round.name,
        body: (
          <StartView
            messages={request.messages}
            token={request.params.token}
            invitation={invitation}
            framework={framework}
            response={response}
            tasks={taskList(framework, response.answers)}
          />
        ),
      }),
  );
}

/**
 * The questions, for the script to draw pages without a network
 * (client-data.ts). Whatever the version in the address, the current one is
 * sent: the version only makes a new address when they change, so the
 * browser may keep each for good.
 */
async function sendQuestions(
  { database }: QuestionnaireDeps,
  request: RouteRequest<typeof questionsSchema>,
  reply: FastifyReply,
) {
  return withLink(database, request, reply, request.params.token, async ({ framework }) => {
    const document = questions(framework, messagesFor(request.params.language));
    reply
      .header('cache-control', 'private, max-age=31536000, immutable')
      .type('application/json; charset=utf-8');
    return sendCompressedOnce(request, reply, document, document.json);
  });
}

/** One page of the questionnaire: a sub-dimension's items with the answers given. */
async function showPage(
  { database }: QuestionnaireDeps,
  request: RouteRequest<typeof pageSchema>,
  reply: FastifyReply,
) {
  return withLink(database, request, reply, request.params.token, (opened, response) =>
    renderPage(request, reply, opened, response, {
      token: request.params.token,
      code: request.params.code,
      returnToCheck: request.query.return === 'check',
    }),
  );
}

/** Saves a page posted without JavaScript, then goes on, or shows the problems beside the fields. */
async function savePage(
  { database, saves, links }: QuestionnaireDeps,
  request: RouteRequest<typeof savePageSchema>,
  reply: FastifyReply,
) {
  const { token, code } = request.params;
  const returnToCheck = request.query.return === 'check';
  // The link as remembered by the saves: a page of valid answers through a
  // link that opened before is written without reading anything first.
  const link = await links.open(token);
  if ('state' in link) return refuseLink(request, reply, link);
  const { framework } = link;
  const page = findPage(framework, code);
  if (!page) throw new AppError('not_found', `There is no page ${code}`);
  const posted = answersFromForm(page.subdimension.items, request.body as FormBody, new Date());
  const problems = checkAnswers(framework, posted);
  if (problems.length > 0) {
    const errors: FieldErrors = {};
    for (const problem of problems) {
      const ids = fieldIds(problem.itemCode);
      const field =
        problem.field === 'comment'
          ? ids.comment
          : problem.field === 'evidenceUrl'
            ? ids.evidence
            : ids.value;
      const answer = posted[problem.index];
      const length =
        (problem.field === 'comment' ? answer?.comment : answer?.evidenceUrl)?.length ?? 0;
      errors[field] ??= problemMessage(request.messages, problem, length);
    }
    return withLink(database, request, reply, token, (opened, stored) =>
      renderPage(request, reply.status(400), opened, stored, {
        token,
        code,
        returnToCheck,
        posted,
        errors,
      }),
    );
  }
  // A page submitted is a save of answers, as an autosave is, and is
  // written with the saves that arrive with it (answer-saves.ts): without
  // that, 50 people answering without JavaScript spent most of the
  // server's time on a transaction each.
  const outcome = await saveThroughLink(database.db, saves, token, {
    link: link.ids,
    changes: posted,
    saveId: undefined,
    wholePage: true,
  });
  if (outcome !== 'save_id_reused' && 'state' in outcome) {
    links.forget(token);
    return refuseLink(request, reply, outcome);
  }
  privatePage(reply);
  const next = nextPage(framework, code);
  const target = returnToCheck || !next ? `/r/${token}/check` : `/r/${token}/s/${next.code}`;
  return reply.redirect(target, 303);
}

/** Every answer before submitting, with what is still missing. */
async function showCheck(
  { database }: QuestionnaireDeps,
  request: RouteRequest<typeof linkSchema>,
  reply: FastifyReply,
) {
  return withLink(database, request, reply, request.params.token, (opened, response) =>
    renderCheck(request, reply, request.params.token, opened, response),
  );
}

/** Submits the response when every item is answered. */
async function submit(
  { database }: QuestionnaireDeps,
  request: RouteRequest<typeof linkSchema>,
  reply: FastifyReply,
) {
  const { token } = request.params;
  return withLink(database, request, reply, token, async (opened, response) => {
    const { invitation, framework } = opened;
    const missing = missingItems(framework, response.answers);
    if (missing.length > 0) {
      const errors: FieldErrors = {};
      for (const { item } of missing)
        errors[`check-${item.code}`] = request.messages.t('questionnaire.error.notAnswered', {
          code: item.code,
        });
      return renderCheck(request, reply.status(400), token, opened, response, errors);
    }
    await submitResponse(database.db, { invitation, framework });
    return reply.redirect(`/r/${token}/done`, 303);
  });
}

/** The thanks after submitting. */
async function showDone(
  { database }: QuestionnaireDeps,
  request: RouteRequest<typeof linkSchema>,
  reply: FastifyReply,
) {
  return withLink(
    database,
    request,
    reply,
    request.params.token,
    async ({ invitation }, response) => {
      if (response.status !== 'submitted')
        return reply.redirect(`/r/${request.params.token}/check`, 303);
      return sendPage(request, reply, {
        title: request.messages.t('questionnaire.done.title'),
        body: (
          <DoneView
            messages={request.messages}
            token={request.params.token}
            invitation={invitation}
          />
        ),
      });
    },
  );
}

async function renderPage(
  request: FastifyRequest,
  reply: FastifyReply,
  opened: Valid,
  response: StoredResponse,
  options: {
    token: string;
    code: string;
    returnToCheck: boolean;
    posted?: ReturnType<typeof answersFromForm>;
    errors?: FieldErrors;
  },
) {
  const { framework } = opened;
  const page = findPage(framework, options.code);
  if (!page) throw new AppError('not_found', `There is no page ${options.code}`);
  const shown = new Map<string, AnswerContent>(response.answers);
  for (const answer of options.posted ?? []) shown.set(answer.itemCode, answer);
  const previous = previousPage(framework, page.code);
  return sendPage(request, reply, {
    title: localized(page.subdimension.name, request.messages.language, framework.defaultLanguage),
    body: (
      <SubdimensionPageView
        messages={request.messages}
        token={options.token}
        framework={framework}
        page={page}
        pageCount={questionnairePages(framework).length}
        previousHref={previous ? `/r/${options.token}/s/${previous.code}` : `/r/${options.token}`}
        answers={shown}
        errors={options.errors ?? {}}
        returnToCheck={options.returnToCheck}
        csrfToken={request.signedIn?.csrfToken}
        clientData={clientData({
          messages: request.messages,
          token: options.token,
          framework,
          answers: response.answers,
        })}
      />
    ),
  });
}

async function renderCheck(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  opened: Valid,
  response: StoredResponse,
  errors: FieldErrors = {},
) {
  const { invitation, framework } = opened;
  return sendPage(request, reply, {
    title: request.messages.t('questionnaire.check.title'),
    body: (
      <CheckView
        messages={request.messages}
        token={token}
        invitation={invitation}
        framework={framework}
        response={response}
        errors={errors}
        csrfToken={request.signedIn?.csrfToken}
      />
    ),
  });
}
