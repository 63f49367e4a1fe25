// One sub-dimension of the questionnaire as a page: each item a fieldset with
// its scale as radios (or the stages with their descriptors), "not applicable"
// where allowed, an optional comment and evidence link, and "save and continue".

import { CsrfField, ErrorSummary, type FieldErrors } from '../../platform/http/forms.tsx';
import type { Messages } from '../../platform/i18n/messages.ts';
import type { Framework, Item } from '../frameworks/index.ts';
import { itemScale, localized } from '../frameworks/index.ts';
import { type AnswerContent, COMMENT_MAX, EVIDENCE_URL_MAX } from './answer.ts';
import { fieldNames, NOT_APPLICABLE } from './answer-form.ts';
import type { QuestionnairePage } from './task-list.ts';

export const fieldIds = (code: string) => ({
  value: `${code}-value`,
  comment: `${code}-comment`,
  evidence: `${code}-evidence`,
});

function ErrorMessage({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p class="error-message" id={`${id}-error`}>
      {message}
    </p>
  ) : null;
}

/** The enhancing script and the data it reads (client-data.ts); no inline code, so a strict CSP allows it. */
export function QuestionnaireScript({ data }: { data: string }) {
  return (
    <>
      <script
        type="application/json"
        id="questionnaire-data"
        // JSON with "<" escaped (client-data.ts): data for questionnaire.js, never executed.
        dangerouslySetInnerHTML={{ __html: data }}
      />
      <script src="/assets/questionnaire.js" defer />
    </>
  );
}

/** The status line the script keeps up to date: what is saved where. Empty without JavaScript. */
export function SaveStatus() {
  return <output id="save-status" class="save-status" aria-live="polite" />;
}

function ItemFieldset({
  messages,
  framework,
  item,
  answer,
  errors,
}: {
  messages: Messages;
  framework: Framework;
  item: Item;
  answer: AnswerContent | undefined;
  errors: FieldErrors;
}) {
  const { t, language } = messages;
  const text = (value: Item['statement'] | undefined) =>
    localized(value, language, framework.defaultLanguage);
  const scale = itemScale(framework, item);
  const names = fieldNames(item.code);
  const ids = fieldIds(item.code);
  const choices =
    scale.type === 'stages'
      ? scale.stages.map((stage) => ({
          value: stage.value,
          label: text(stage.label),
          descriptor: text(item.descriptors?.[stage.key]),
        }))
      : scale.labels.map((label) => ({
          value: label.value,
          label: text(label.label),
          descriptor: '',
        }));
  const valueError = errors[ids.value];
  const describedBy = [item.help ? `${item.code}-help` : '', valueError ? `${ids.value}-error` : '']
    .filter(Boolean)
    .join(' ');
  const radio = (value: string, label: string, descriptor: string, first: boolean) => {
    const id = first ? ids.value : `${ids.value}-${value}`;
    const checked =
      value === NOT_APPLICABLE ? answer?.notApplicable === true : answer?.value === Number(value);
    return (
      <div class="choice" key={value}>
        <input type="radio" id={id} name={names.value} value={value} checked={checked} />
        <label for={id}>
          {label}
          {descriptor && <span class="hint">{descriptor}</span>}
        </label>
      </div>
    );
  };
  return (
    <div class={valueError ? 'question field-error' : 'question'} id={`item-${item.code}`}>
      <fieldset aria-describedby={describedBy || undefined} data-item={item.code}>
        <legend>
          <span class="code">{item.code}</span> {text(item.statement)}
        </legend>
        {item.help && (
          <p class="hint" id={`${item.code}-help`}>
            {text(item.help)}
          </p>
        )}
        <ErrorMessage id={ids.value} message={valueError} />
        <div class={scale.type === 'stages' ? 'choices stages' : 'choices'}>
          {choices.map((choice, index) =>
            radio(String(choice.value), choice.label, choice.descriptor, index === 0),
          )}
          {scale.notApplicable &&
            radio(NOT_APPLICABLE, t('questionnaire.notApplicable'), '', false)}
        </div>
        <div class={errors[ids.comment] ? 'field field-error' : 'field'}>
          <label for={ids.comment}>{t('questionnaire.comment')}</label>
          <ErrorMessage id={ids.comment} message={errors[ids.comment]} />
          <textarea
            id={ids.comment}
            name={names.comment}
            rows={2}
            maxLength={COMMENT_MAX}
            aria-invalid={errors[ids.comment] ? 'true' : undefined}
            aria-describedby={errors[ids.comment] ? `${ids.comment}-error` : undefined}
          >
            {answer?.comment?.slice(0, COMMENT_MAX) ?? ''}
          </textarea>
        </div>
        <div class={errors[ids.evidence] ? 'field field-error' : 'field'}>
          <label for={ids.evidence}>{t('questionnaire.evidence')}</label>
          <p class="hint" id={`${ids.evidence}-hint`}>
            {t('questionnaire.evidenceHint')}
          </p>
          <ErrorMessage id={ids.evidence} message={errors[ids.evidence]} />
          <input
            type="url"
            id={ids.evidence}
            name={names.evidence}
            value={answer?.evidenceUrl?.slice(0, EVIDENCE_URL_MAX) ?? ''}
            maxLength={EVIDENCE_URL_MAX}
            inputMode="url"
            spellcheck={false}
            aria-invalid={errors[ids.evidence] ? 'true' : undefined}
            aria-describedby={[
              `${ids.evidence}-hint`,
              errors[ids.evidence] ? `${ids.evidence}-error` : '',
            ]
              .filter(Boolean)
              .join(' ')}
          />
        </div>
      </fieldset>
    </div>
  );
}

export interface PageViewProps {
  messages: Messages;
  token: string;
  framework: Framework;
  page: QuestionnairePage;
  pageCount: number;
  previousHref: string;
  /** The answers to show: as stored, or as just posted when the page has errors. */
  answers: ReadonlyMap<string, AnswerContent>;
  errors: FieldErrors;
  returnToCheck: boolean;
  /** The questionnaire for the script (client-data.ts), as JSON. */
  clientData: string;
  /** Set when someone signed in opens a link: their forms carry the session's CSRF token. */
  csrfToken: string | undefined;
}

export function SubdimensionPageView(props: PageViewProps) {
  const { messages, token, framework, page, answers, errors } = props;
  const { t, language } = messages;
  const text = (value: Item['statement'] | undefined) =>
    localized(value, language, framework.defaultLanguage);
  const action = `/r/${token}/s/${page.code}${props.returnToCheck ? '?return=check' : ''}`;
  return (
    <>
      <p>
        <a class="back-link" href={props.previousHref}>
          {t('questionnaire.previousPage')}
        </a>
      </p>
      <div id="questionnaire-page">
        <p class="caption">
          {text(page.dimension.name)} ·{' '}
          {t('questionnaire.pageOf', { number: page.number, total: props.pageCount })}
        </p>
        <h1 tabIndex={-1}>{text(page.subdimension.name)}</h1>
        {page.subdimension.description && <p>{text(page.subdimension.description)}</p>}
        <ErrorSummary messages={messages} errors={errors} />
        <form method="post" action={action} novalidate class="questionnaire" data-page={page.code}>
          <CsrfField token={props.csrfToken} />
          {page.subdimension.items.map((item) => (
            <ItemFieldset
              key={item.code}
              messages={messages}
              framework={framework}
              item={item}
              answer={answers.get(item.code)}
              errors={errors}
            />
          ))}
          <SaveStatus />
          <button type="submit" class="button">
            {props.returnToCheck
              ? t('questionnaire.saveAndReturn')
              : t('questionnaire.saveAndContinue')}
          </button>
        </form>
      </div>
      <p>
        <a href={`/r/${token}`}>{t('questionnaire.backToTasks')}</a>
      </p>
      <QuestionnaireScript data={props.clientData} />
    </>
  );
}
