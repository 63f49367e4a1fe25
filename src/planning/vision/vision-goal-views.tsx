// A vision's goals as the vision page shows them — what each serves, what it
// answers, its priorities with a form to add one — and the page of a priority.
import { CsrfField, ErrorSummary, type FieldErrors } from '../../platform/http/forms.tsx';
import type { Messages } from '../../platform/i18n/messages.ts';
import { type Plan, PlanHeading } from '../plans/index.ts';
import type { VisionEvidence } from './vision-evidence.ts';
import { recommendationText, subdimensionText, swotText } from './vision-evidence-text.ts';
import {
  ConflictNotice,
  goalAnchor,
  goalHref,
  sdgTargetText,
  sdgText,
  VersionField,
  visionHref,
} from './vision-parts.tsx';
import { PRIORITY_MAX, priorityTerms } from './vision-rules.ts';
import type { VisionGoal, VisionPriority } from './vision-store.ts';

export function GoalSummary({
  messages,
  plan,
  goal,
  evidence,
  mayEdit,
  csrfToken,
  posted,
}: {
  messages: Messages;
  plan: Plan;
  goal: VisionGoal;
  evidence: VisionEvidence;
  mayEdit: boolean;
  csrfToken: string | undefined;
  posted?: PostedPriority | undefined;
}) {
  const { t } = messages;
  return (
    <li class="card" id={goalAnchor(goal.id)}>
      <h3>{goal.title}</h3>
      {goal.description && <p>{goal.description}</p>}
      <h4>{t('vision.goal.serves')}</h4>
      {goal.sdgGoals.length === 0 ? (
        <p>{t('vision.goal.noSdg')}</p>
      ) : (
        <ul>
          {goal.sdgGoals.map((number) => (
            <li key={number}>
              {sdgText(messages, number)}
              {goal.sdgTargets.some((code) => code.startsWith(`${number}.`)) && (
                <ul>
                  {goal.sdgTargets
                    .filter((code) => code.startsWith(`${number}.`))
                    .map((code) => (
                      <li key={code}>{sdgTargetText(messages, code)}</li>
                    ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      <h4>{t('vision.goal.answers')}</h4>
      {goal.subdimensionCodes.length +
        goal.recommendationCodes.length +
        goal.swotEntryIds.length ===
      0 ? (
        <p>{t('vision.goal.noEvidence')}</p>
      ) : (
        <ul>
          {goal.swotEntryIds.map((id) => (
            <li key={id}>{swotText(messages, evidence, id)}</li>
          ))}
          {goal.subdimensionCodes.map((code) => (
            <li key={code}>{subdimensionText(messages, evidence, code)}</li>
          ))}
          {goal.recommendationCodes.map((code) => (
            <li key={code}>{recommendationText(messages, evidence, code)}</li>
          ))}
        </ul>
      )}
      <h4>{t('vision.goal.priorities')}</h4>
      {goal.priorities.length === 0 ? (
        <p>{t('vision.goal.noPriorities')}</p>
      ) : (
        <ul>
          {goal.priorities.map((priority) => (
            <li key={priority.id}>
              <span class="tag">{t(`vision.term.${priority.term}`)}</span> {priority.text}
              {mayEdit && (
                <>
                  {' '}
                  <a href={`${visionHref(plan.id)}/priorities/${priority.id}`}>
                    {t('vision.priority.edit')}
                    <span class="visually-hidden">: {priority.text}</span>
                  </a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayEdit && (
        <>
          <PriorityFields
            messages={messages}
            action={`${goalHref(plan.id, goal.id)}/priorities`}
            idPrefix={`new-${goal.id}`}
            values={posted?.values ?? {}}
            errors={posted?.errors ?? {}}
            csrfToken={csrfToken}
            legend={t('vision.priority.add', { goal: goal.title })}
          />
          <div class="actions">
            <a class="button secondary" href={goalHref(plan.id, goal.id)}>
              {t('vision.goal.edit')}
              <span class="visually-hidden">: {goal.title}</span>
            </a>
            <DeleteButton
              action={`${goalHref(plan.id, goal.id)}/delete`}
              version={goal.version}
              label={t('vision.goal.delete')}
              name={goal.title}
              csrfToken={csrfToken}
            />
          </div>
        </>
      )}
    </li>
  );
}

export function DeleteButton({
  action,
  version,
  label,
  name,
  csrfToken,
}: {
  action: string;
  version: number;
  label: string;
  name: string;
  csrfToken: string | undefined;
}) {
  return (
    <form method="post" action={action}>
      <CsrfField token={csrfToken} />
      <VersionField version={version} />
      <button type="submit" class="button secondary">
        {label}
        <span class="visually-hidden">: {name}</span>
      </button>
    </form>
  );
}

/** A new priority the server refused, given back under its goal with its problems. */
export interface PostedPriority {
  goalId: string;
  values: PriorityFormValues;
  errors: FieldErrors;
}

export interface PriorityFormValues {
  text?: string;
  term?: string;
  version?: string;
}

/** A priority's fields in a fieldset of their own, so several forms on one page keep distinct ids. */
function PriorityFields({
  messages,
  action,
  idPrefix,
  legend,
  values,
  errors,
  csrfToken,
}: {
  messages: Messages;
  action: string;
  idPrefix: string;
  legend: string;
  values: PriorityFormValues;
  errors: FieldErrors;
  csrfToken: string | undefined;
}) {
  const { t } = messages;
  // The edit page's fields carry the plain names, where its error summary points.
  const textId = idPrefix ? `${idPrefix}-text` : 'text';
  const termId = idPrefix ? `${idPrefix}-term` : 'term';
  return (
    <form method="post" action={action} novalidate>
      <CsrfField token={csrfToken} />
      <VersionField version={values.version} />
      <fieldset>
        <legend>{legend}</legend>
        <div class={errors.text ? 'field field-error' : 'field'}>
          <label for={textId}>{t('vision.field.text')}</label>
          {errors.text && (
            <p class="error-message" id={`${textId}-error`}>
              {errors.text}
            </p>
          )}
          <input
            id={textId}
            name="text"
            type="text"
            value={values.text?.slice(0, PRIORITY_MAX)}
            aria-invalid={errors.text ? 'true' : undefined}
            aria-describedby={errors.text ? `${textId}-error` : undefined}
          />
        </div>
        <fieldset class={errors.term ? 'field field-error' : 'field'}>
          <legend>{t('vision.field.term')}</legend>
          {errors.term && (
            <p class="error-message" id={`${termId}-error`}>
              {errors.term}
            </p>
          )}
          <div class="choices">
            {priorityTerms.map((term) => (
              <div class="choice" key={term}>
                <input
                  type="radio"
                  id={term === 'short' ? termId : `${termId}-${term}`}
                  name="term"
                  value={term}
                  checked={(values.term ?? 'short') === term}
                />
                <label for={term === 'short' ? termId : `${termId}-${term}`}>
                  {t(`vision.term.${term}`)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <button type="submit" class="button">
          {t('vision.priority.save')}
        </button>
      </fieldset>
    </form>
  );
}

export function PriorityFormView({
  messages,
  plan,
  goal,
  priority,
  values,
  errors,
  conflict,
  csrfToken,
}: {
  messages: Messages;
  plan: Plan;
  goal: VisionGoal;
  priority: VisionPriority;
  values: PriorityFormValues;
  errors: FieldErrors;
  conflict?: { current: VisionPriority | undefined } | undefined;
  csrfToken: string | undefined;
}) {
  const { t } = messages;
  return (
    <>
      <PlanHeading
        messages={messages}
        plan={plan}
        current="vision"
        title={t('vision.priority.editTitle')}
      />
      <p>{t('vision.priority.ofGoal', { goal: goal.title })}</p>
      {conflict && (
        <ConflictNotice messages={messages} deleted={!conflict.current}>
          {conflict.current && (
            <dl>
              <dt>{t('vision.field.text')}</dt>
              <dd>{conflict.current.text}</dd>
              <dt>{t('vision.field.term')}</dt>
              <dd>{t(`vision.term.${conflict.current.term}`)}</dd>
            </dl>
          )}
        </ConflictNotice>
      )}
      <ErrorSummary messages={messages} errors={errors} />
      <PriorityFields
        messages={messages}
        action={`${visionHref(plan.id)}/priorities/${priority.id}`}
        idPrefix=""
        legend={t('vision.priority.editTitle')}
        values={values}
        errors={errors}
        csrfToken={csrfToken}
      />
      <div class="actions">
        <DeleteButton
          action={`${visionHref(plan.id)}/priorities/${priority.id}/delete`}
          version={priority.version}
          label={t('vision.priority.delete')}
          name={priority.text}
          csrfToken={csrfToken}
        />
      </div>
      <p>
        <a href={`${visionHref(plan.id)}#${goalAnchor(goal.id)}`}>{t('vision.back')}</a>
      </p>
    </>
  );
}
