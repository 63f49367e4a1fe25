// The respondent's pages around the questions: the start page with the task
// list, check your answers, the confirmation, and why a link does not open.

import { CsrfField, ErrorSummary, type FieldErrors } from '../../platform/http/forms.tsx';
import type { Messages } from '../../platform/i18n/messages.ts';
import type { Framework, Item, LocalizedText } from '../frameworks/index.ts';
import { itemScale, localized } from '../frameworks/index.ts';
import type { Invitation } from '../invitations/index.ts';
import { type AnswerContent, isAnswered } from './answer.ts';
import { syncData } from './client-data.ts';
import { QuestionnaireScript, SaveStatus } from './page-view.tsx';
import type { StoredResponse } from './questionnaire-store.ts';
import type { LinkProblem } from './respondent-link.ts';
import { pageToContinue, type TaskList, type TaskStatus } from './task-list.ts';

function useText(messages: Messages, framework: Framework) {
  return (value: LocalizedText | undefined) =>
    localized(value, messages.language, framework.defaultLanguage);
}

function StatusTag({ messages, status }: { messages: Messages; status: TaskStatus }) {
  return <strong class={`tag tag-${status}`}>{messages.t(`questionnaire.task.${status}`)}</strong>;
}

function Heading({ invitation }: { invitation: Invitation }) {
  return (
    <>
      <p class="caption">
        {invitation.agency.name}
        {invitation.agency.acronym && ` (${invitation.agency.acronym})`}
      </p>
      <h1>{invitation.round.name}</h1>
    </>
  );
}

export function StartView({
  messages,
  token,
  invitation,
  framework,
  response,
  tasks,
}: {
  messages: Messages;
  token: string;
  invitation: Invitation;
  framework: Framework;
  response: StoredResponse;
  tasks: TaskList;
}) {
  const { t } = messages;
  const text = useText(messages, framework);
  const closes = messages.date(invitation.round.closesOn);
  const next = pageToContinue(tasks);
  return (
    <>
      <Heading invitation={invitation} />
      <p class="lead">{t('questionnaire.intro', { framework: text(framework.name) })}</p>
      {response.status === 'submitted' && response.submittedAt ? (
        <p class="notice">
          {t('questionnaire.submittedNotice', {
            submitted: messages.date(response.submittedAt),
            closes,
          })}
        </p>
      ) : (
        <p>{t('questionnaire.closesOn', { closes })}</p>
      )}
      <p>{t('questionnaire.progress', { answered: tasks.answered, total: tasks.total })}</p>
      {next && (
        <p>
          <a class="button" href={`/r/${token}/s/${next.code}`}>
            {tasks.answered === 0 ? t('questionnaire.start') : t('questionnaire.continue')}
          </a>
        </p>
      )}
      <h2>{t('questionnaire.taskListTitle')}</h2>
      <ol class="task-list">
        {tasks.sections.map((section) => (
          <li key={section.dimension.code}>
            <h3 class="task-section">
              <span>{text(section.dimension.name)}</span>{' '}
              <StatusTag messages={messages} status={section.status} />
            </h3>
            <ul class="tasks">
              {section.tasks.map((task) => (
                <li key={task.page.code}>
                  <a
                    href={`/r/${token}/s/${task.page.code}`}
                    aria-describedby={`task-${task.page.code}`}
                  >
                    {text(task.page.subdimension.name)}
                  </a>{' '}
                  <span id={`task-${task.page.code}`}>
                    <StatusTag messages={messages} status={task.status} />{' '}
                    <span class="meta">
                      {t('questionnaire.taskCount', { answered: task.answered, total: task.total })}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      <h2>{t('questionnaire.check.title')}</h2>
      <p>
        <a href={`/r/${token}/check`}>{t('questionnaire.checkAnswersLink')}</a>
      </p>
      <SaveStatus />
      <QuestionnaireScript data={syncData(messages, token)} />
    </>
  );
}

function AnswerText({
  messages,
  framework,
  item,
  answer,
}: {
  messages: Messages;
  framework: Framework;
  item: Item;
  answer: AnswerContent | undefined;
}) {
  const text = useText(messages, framework);
  if (!answer || !isAnswered(answer))
    return <strong class="missing">{messages.t('questionnaire.check.notAnswered')}</strong>;
  if (answer.notApplicable) return <>{messages.t('questionnaire.notApplicable')}</>;
  const scale = itemScale(framework, item);
  const label =
    scale.type === 'stages'
      ? scale.stages.find((stage) => stage.value === answer.value)?.label
      : scale.labels.find((entry) => entry.value === answer.value)?.label;
  return <>{label ? text(label) : String(answer.value)}</>;
}

export function CheckView({
  messages,
  token,
  invitation,
  framework,
  response,
  errors,
  csrfToken,
}: {
  messages: Messages;
  token: string;
  invitation: Invitation;
  framework: Framework;
  response: StoredResponse;
  errors: FieldErrors;
  csrfToken: string | undefined;
}) {
  const { t } = messages;
  const text = useText(messages, framework);
  return (
    <>
      <p>
        <a class="back-link" href={`/r/${token}`}>
          {t('questionnaire.backToTasks')}
        </a>
      </p>
      <p class="caption">{invitation.round.name}</p>
      <h1>{t('questionnaire.check.title')}</h1>
      <ErrorSummary messages={messages} errors={errors} />
      {framework.dimensions.map((dimension) => (
        <section key={dimension.code} aria-labelledby={`check-${dimension.code}`}>
          <h2 id={`check-${dimension.code}`}>{text(dimension.name)}</h2>
          {dimension.subdimensions.map((subdimension) => (
            <div key={subdimension.code}>
              <h3>{text(subdimension.name)}</h3>
              <dl class="check-list">
                {subdimension.items.map((item) => {
                  const answer = response.answers.get(item.code);
                  const missing = !isAnswered(answer);
                  return (
                    <div key={item.code} id={`check-${item.code}`} class="check-row">
                      <dt>
                        <span class="code">{item.code}</span> {text(item.statement)}
                      </dt>
                      <dd>
                        <AnswerText
                          messages={messages}
                          framework={framework}
                          item={item}
                          answer={answer}
                        />
                        {answer?.comment && <p class="meta">{answer.comment}</p>}
                        {answer?.evidenceUrl && (
                          <p class="meta evidence">
                            {t('questionnaire.check.evidence')}: {answer.evidenceUrl}
                          </p>
                        )}
                      </dd>
                      <dd class="check-action">
                        <a
                          href={`/r/${token}/s/${subdimension.code}?return=check#item-${item.code}`}
                        >
                          {missing
                            ? t('questionnaire.check.answer')
                            : t('questionnaire.check.change')}
                          <span class="visually-hidden">
                            {' '}
                            {t('questionnaire.check.hiddenItem', { code: item.code })}
                          </span>
                        </a>
                      </dd>
                    </div>
                  );
                })}
              </dl>
            </div>
          ))}
        </section>
      ))}
      <h2>{t('questionnaire.submit.title')}</h2>
      <p>{t('questionnaire.submit.body', { closes: messages.date(invitation.round.closesOn) })}</p>
      <form method="post" action={`/r/${token}/submit`}>
        <CsrfField token={csrfToken} />
        <button type="submit" class="button">
          {response.status === 'submitted'
            ? t('questionnaire.submit.again')
            : t('questionnaire.submit.button')}
        </button>
      </form>
      <SaveStatus />
      <QuestionnaireScript data={syncData(messages, token)} />
    </>
  );
}

export function DoneView({
  messages,
  token,
  invitation,
}: {
  messages: Messages;
  token: string;
  invitation: Invitation;
}) {
  const { t } = messages;
  return (
    <>
      <div class="panel">
        <h1>{t('questionnaire.done.title')}</h1>
        <p>{t('questionnaire.done.body', { agency: invitation.agency.name })}</p>
      </div>
      <p>{t('questionnaire.done.change', { closes: messages.date(invitation.round.closesOn) })}</p>
      <p>
        <a href={`/r/${token}/check`}>{t('questionnaire.done.checkLink')}</a>
      </p>
    </>
  );
}

const problemKeys: Record<LinkProblem, string> = {
  unknown: 'questionnaire.link.unknown',
  revoked: 'questionnaire.link.revoked',
  not_yet_open: 'questionnaire.link.notYetOpen',
  closed: 'questionnaire.link.closed',
};

export function linkProblemTitle(messages: Messages, problem: LinkProblem): string {
  return messages.t(`${problemKeys[problem]}.title`);
}

export function LinkProblemView({
  messages,
  problem,
  invitation,
}: {
  messages: Messages;
  problem: LinkProblem;
  invitation: Invitation | undefined;
}) {
  const { t } = messages;
  const round = invitation?.round;
  return (
    <>
      <h1>{linkProblemTitle(messages, problem)}</h1>
      {round && problem === 'not_yet_open' && (
        <p>
          {t('questionnaire.link.opensOn', {
            round: round.name,
            opens: messages.date(round.opensOn),
          })}
        </p>
      )}
      {round && problem === 'closed' && (
        <p>
          {/* A round closed by hand says the day it closed, which may be before its closing date. */}
          {round.closedAt
            ? t('questionnaire.link.closedAt', {
                round: round.name,
                closed: messages.date(round.closedAt),
              })
            : t('questionnaire.link.closedOn', {
                round: round.name,
                closes: messages.date(round.closesOn),
              })}
        </p>
      )}
      <p>{t(`${problemKeys[problem]}.body`)}</p>
    </>
  );
}
