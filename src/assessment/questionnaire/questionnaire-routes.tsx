// The respondent's questionnaire as pages under /r/<token>: the start page and
// task list, one page per sub-dimension, check your answers, submit, and the
// confirmation. Every page works without JavaScript: forms post, the server
// saves and redirects (post/redirect/get), errors re-render beside the field.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { errorCodes } from '../../platform/http/errors.ts';
import type { App, FeatureDeps } from '../../platform/http/feature.ts';
import type { FieldErrors } from '../../platform/http/forms.tsx';
import { sendPage } from '../../platform/http/page.tsx';
import { isSupportedLanguage, type Messages, messagesFor } from '../../platform/i18n/messages.ts';
import { localized } from '../frameworks/index.ts';
import {
  type AnswerContent,
  type AnswerProblem,
  COMMENT_MAX,
  checkAnswers,
  EVIDENCE_URL_MAX,
  isAnswered,
} from './answer.ts';
import { answersFromForm, type FormBody } from './answer-form.ts';
import { clientData } from './client-data.ts';
import { GroupedSaves } from './grouped-saves.ts';
import { fieldIds, SubdimensionPageView } from './page-view.tsx';
import { linkIdsOf, loadResponse, saveAnswers, submitResponse } from './questionnaire-store.ts';
import {
  CheckView,
  DoneView,
  LinkProblemView,
  linkProblemTitle,
  StartView,
} from './questionnaire-views.tsx';
import { linkErrorCodes, type OpenedLink, openLink } from './respondent-link.ts';
import { changedOnPage } from './save-decision.ts';
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
const formBody = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

type Valid = Extract<OpenedLink, { state: 'valid' }>;

/** Pages about someone's own answers: never cached, and the link's secret never sent on as a referrer. */
function privatePage(reply: FastifyReply) {
  return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
}

/** Opens the link, or answers the page that says why it does not open. */
async function withLink(
  database: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  work: (opened: Valid) => Promise<unknown>,
) {
  const opened = await openLink(database.db, token);
  privatePage(reply);
  // A respondent invited in a language reads the questionnaire in it, unless
  // they chose another on these pages.
  const invitedIn = opened.invitation?.language;
  if (!request.languageChosen && isSupportedLanguage(invitedIn))
    request.messages = messagesFor(invitedIn);
  if (opened.state === 'valid') return work(opened);
  const code = linkErrorCodes[opened.state];
  return sendPage(request, reply.status(errorCodes[code].status), {
    title: linkProblemTitle(request.messages, opened.state),
    body: (
      <LinkProblemView
        messages={request.messages}
        problem={opened.state}
        invitation={opened.invitation}
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

export async function questionnaireRoutes(app: App, { database }: FeatureDeps) {
  const respondent = { access: 'respondent' as const };
  // A page submitted is a save of answers, as an autosave is: submits that
  // arrive while the database is busy are written together, one transaction
  // and one commit for the group (grouped-saves.ts). Without it, 50 people
  // answering without JavaScript spent most of the server's time on a
  // transaction each.
  const formSaves = new GroupedSaves(database.db);
  async function saveSubmitted(opened: Valid, changes: ReturnType<typeof answersFromForm>) {
    const { invitation, framework } = opened;
    if (changes.every(isAnswered)) {
      const outcome = await formSaves.save({
        link: linkIdsOf(invitation),
        changes,
        saveId: undefined,
      });
      if (outcome !== 'link_closed') return;
    }
    // An answer cleared (a submitted response may become a draft again), or
    // a link closed since the page was opened: the full path.
    await saveAnswers(database.db, { invitation, framework, changes });
  }

  app.get(
    '/r/:token',
    { schema: { hide: true, params: tokenParams }, config: respondent },
    async (request, reply) =>
      withLink(
        database,
        request,
        reply,
        request.params.token,
        async ({ invitation, framework }) => {
          const response = await loadResponse(database.db, invitation.id);
          return sendPage(request, reply, {
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
          });
        },
      ),
  );

  async function renderPage(
    request: FastifyRequest,
    reply: FastifyReply,
    opened: Valid,
    options: {
      token: string;
      code: string;
      returnToCheck: boolean;
      posted?: ReturnType<typeof answersFromForm>;
      errors?: FieldErrors;
    },
  ) {
    const { invitation, framework } = opened;
    const page = findPage(framework, options.code);
    if (!page) throw new AppError('not_found', `There is no page ${options.code}`);
    const response = await loadResponse(database.db, invitation.id);
    const shown = new Map<string, AnswerContent>(response.answers);
    for (const answer of options.posted ?? []) shown.set(answer.itemCode, answer);
    const previous = previousPage(framework, page.code);
    return sendPage(request, reply, {
      title: localized(
        page.subdimension.name,
        request.messages.language,
        framework.defaultLanguage,
      ),
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

  app.get(
    '/r/:token/s/:code',
    { schema: { hide: true, params: pageParams, querystring: pageQuery }, config: respondent },
    async (request, reply) =>
      withLink(database, request, reply, request.params.token, (opened) =>
        renderPage(request, reply, opened, {
          token: request.params.token,
          code: request.params.code,
          returnToCheck: request.query.return === 'check',
        }),
      ),
  );

  app.post(
    '/r/:token/s/:code',
    {
      schema: { hide: true, params: pageParams, querystring: pageQuery, body: formBody },
      config: respondent,
    },
    async (request, reply) => {
      const { token, code } = request.params;
      const returnToCheck = request.query.return === 'check';
      return withLink(database, request, reply, token, async (opened) => {
        const { invitation, framework } = opened;
        const page = findPage(framework, code);
        if (!page) throw new AppError('not_found', `There is no page ${code}`);
        const posted = answersFromForm(
          page.subdimension.items,
          request.body as FormBody,
          new Date(),
        );
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
          return renderPage(request, reply.status(400), opened, {
            token,
            code,
            returnToCheck,
            posted,
            errors,
          });
        }
        const stored = await loadResponse(database.db, invitation.id);
        const changes = changedOnPage(posted, stored.answers);
        if (changes.length > 0) await saveSubmitted(opened, changes);
        const next = nextPage(framework, code);
        const target = returnToCheck || !next ? `/r/${token}/check` : `/r/${token}/s/${next.code}`;
        return reply.redirect(target, 303);
      });
    },
  );

  async function renderCheck(
    request: FastifyRequest,
    reply: FastifyReply,
    token: string,
    opened: Valid,
    errors: FieldErrors = {},
  ) {
    const { invitation, framework } = opened;
    const response = await loadResponse(database.db, invitation.id);
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

  app.get(
    '/r/:token/check',
    { schema: { hide: true, params: tokenParams }, config: respondent },
    async (request, reply) =>
      withLink(database, request, reply, request.params.token, (opened) =>
        renderCheck(request, reply, request.params.token, opened),
      ),
  );

  app.post(
    '/r/:token/submit',
    { schema: { hide: true, params: tokenParams }, config: respondent },
    async (request, reply) => {
      const { token } = request.params;
      return withLink(database, request, reply, token, async (opened) => {
        const { invitation, framework } = opened;
        const response = await loadResponse(database.db, invitation.id);
        const missing = missingItems(framework, response.answers);
        if (missing.length > 0) {
          const errors: FieldErrors = {};
          for (const { item } of missing)
            errors[`check-${item.code}`] = request.messages.t('questionnaire.error.notAnswered', {
              code: item.code,
            });
          return renderCheck(request, reply.status(400), token, opened, errors);
        }
        await submitResponse(database.db, { invitation, framework });
        return reply.redirect(`/r/${token}/done`, 303);
      });
    },
  );

  app.get(
    '/r/:token/done',
    { schema: { hide: true, params: tokenParams }, config: respondent },
    async (request, reply) =>
      withLink(database, request, reply, request.params.token, async ({ invitation }) => {
        const response = await loadResponse(database.db, invitation.id);
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
      }),
  );
}
