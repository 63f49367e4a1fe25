// A vision's goals: each as the vision page shows it (what it serves, what it
// answers, its priorities), the form that writes one — with design thinking as
// help, and the SDG targets offered goal by goal so 169 of them stay usable
// without JavaScript — and the form of a priority.
import { type Framework, textOf } from '../../assessment/frameworks/index.ts';
import { ChoicesField } from '../../platform/http/choice-fields.tsx';
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  TextField,
} from '../../platform/http/forms.tsx';
import type { Messages } from '../../platform/i18n/messages.ts';
import type { Plan } from '../plans/index.ts';
import { PlanHeading } from '../plans/index.ts';
import { findSdgGoal, sdgGoals } from './sdg-goals.ts';
import type { VisionEvidence } from './vision-evidence.ts';
import {
  ConflictNotice,
  goalAnchor,
  goalHref,
  sdgTargetText,
  sdgText,
  TextAreaField,
  VersionField,
  visionHref,
} from './vision-parts.tsx';
import { DESCRIPTION_MAX, PRIORITY_MAX, priorityTerms, TITLE_MAX } from './vision-rules.ts';
import type { VisionGoal, VisionPriority } from './vision-store.ts';

const designThinkingSteps = ['empathise', 'define', 'ideate', 'prototype', 'test'] as const;

/** The quadrants the plan has entries in, in the order the analysis lists them. */
const swotQuadrantsOf = (evidence: VisionEvidence) => [
  ...new Set(evidence.swotEntries.map((entry) => entry.quadrant)),
];

const score = (messages: Messages, value: number) =>
  messages.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function subdimensionOf(framework: Framework | undefined, code: string) {
  return framework?.dimensions
    .flatMap((dimension) => dimension.subdimensions)
    .find((subdimension) => subdimension.code === code);
}

function recommendationOf(framework: Framework | undefined, code: string) {
  return framework?.dimensions
    .flatMap((dimension) => dimension.subdimensions)
    .flatMap((subdimension) => subdimension.recommendations ?? [])
    .find((recommendation) => recommendation.code === code);
}

/** "Digital skills (CAP02): 2.10, target 3.00, gap 0.90" — the numbers as the recommendations page publishes them. */
export function subdimensionText(messages: Messages, evidence: VisionEvidence, code: string) {
  const { t } = messages;
  const subdimension = subdimensionOf(evidence.framework, code);
  const name =
    subdimension && evidence.framework
      ? textOf(messages, evidence.framework)(subdimension.name)
      : '';
  const weak = evidence.weak.find((each) => each.subdimensionCode === code);
  return weak
    ? t('vision.evidence.weak', {
        name,
        code,
        score: score(messages, weak.score),
        target: score(messages, weak.target.level.minScore),
        gap: score(messages, weak.gap),
      })
    : t('vision.evidence.notWeak', { name, code });
}

export function swotText(messages: Messages, evidence: VisionEvidence, id: string) {
  const entry = evidence.swotEntries.find((candidate) => candidate.id === id);
  return entry
    ? messages.t('vision.evidence.swot', {
        quadrant: messages.t(`vision.swotQuadrant.${entry.quadrant}`),
        text: entry.text,
      })
    : '';
}

export function recommendationText(messages: Messages, evidence: VisionEvidence, code: string) {
  const recommendation = recommendationOf(evidence.framework, code);
  const title =
    recommendation && evidence.framework
      ? textOf(messages, evidence.framework)(recommendation.title)
      : '';
  const status = evidence.decisions.get(code)?.status ?? 'open';
  return messages.t('vision.evidence.recommendation', {
    title,
    code,
    status: messages.t(`vision.decision.${status}`),
  });
}

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

export interface GoalFormValues {
  title?: string;
  description?: string;
  sdgGoals?: readonly string[];
  sdgTargets?: readonly string[];
  subdimensionCodes?: readonly string[];
  recommendationCodes?: readonly string[];
  swotEntryIds?: readonly string[];
  version?: string;
}

export const goalFormValues = (goal: VisionGoal): GoalFormValues => ({
  title: goal.title,
  description: goal.description,
  sdgGoals: goal.sdgGoals.map(String),
  sdgTargets: goal.sdgTargets,
  subdimensionCodes: goal.subdimensionCodes,
  recommendationCodes: goal.recommendationCodes,
  swotEntryIds: goal.swotEntryIds,
  version: String(goal.version),
});

function DesignThinkingHelp({ messages }: { messages: Messages }) {
  const { t } = messages;
  return (
    <details class="panel">
      <summary>{t('vision.designThinking.title')}</summary>
      <p>{t('vision.designThinking.intro')}</p>
      <ol>
        {designThinkingSteps.map((step) => (
          <li key={step}>
            <strong>{t(`vision.designThinking.${step}`)}</strong>:{' '}
            {t(`vision.designThinking.${step}.text`)}
          </li>
        ))}
      </ol>
    </details>
  );
}

export function GoalFormView({
  messages,
  plan,
  goalId,
  values,
  errors,
  evidence,
  conflict,
  csrfToken,
}: {
  messages: Messages;
  plan: Plan;
  /** Undefined for a new goal. */
  goalId: string | undefined;
  values: GoalFormValues;
  errors: FieldErrors;
  evidence: VisionEvidence;
  conflict?: { current: VisionGoal | undefined } | undefined;
  csrfToken: string | undefined;
}) {
  const { t } = messages;
  const heading = goalId ? t('vision.goal.editTitle') : t('vision.goal.newTitle');
  const chosenGoals = (values.sdgGoals ?? []).map(Number).filter((number) => findSdgGoal(number));
  const linkedSubdimensions = new Set(values.subdimensionCodes ?? []);
  const offeredSubdimensions = [
    ...evidence.weak.map((weak) => weak.subdimensionCode),
    ...[...linkedSubdimensions].filter(
      (code) => !evidence.weak.some((weak) => weak.subdimensionCode === code),
    ),
  ];
  const offeredRecommendations = [
    ...new Set([
      ...evidence.weak.flatMap((weak) =>
        weak.recommendations.map((recommendation) => recommendation.code),
      ),
      ...(values.recommendationCodes ?? []),
    ]),
  ];
  return (
    <>
      <PlanHeading messages={messages} plan={plan} current="vision" title={heading} />
      {conflict && (
        <ConflictNotice messages={messages} deleted={!conflict.current}>
          {conflict.current && (
            <dl>
              <dt>{t('vision.field.title')}</dt>
              <dd>{conflict.current.title}</dd>
              <dt>{t('vision.field.description')}</dt>
              <dd>{conflict.current.description || '—'}</dd>
              <dt>{t('vision.field.sdgGoals')}</dt>
              <dd>
                {conflict.current.sdgGoals.map((number) => sdgText(messages, number)).join('; ') ||
                  '—'}
              </dd>
              <dt>{t('vision.field.sdgTargets')}</dt>
              <dd>{conflict.current.sdgTargets.join(', ') || '—'}</dd>
            </dl>
          )}
        </ConflictNotice>
      )}
      <ErrorSummary messages={messages} errors={errors} />
      <form
        method="post"
        action={goalId ? goalHref(plan.id, goalId) : `${visionHref(plan.id)}/goals/new`}
        novalidate
      >
        <CsrfField token={csrfToken} />
        <VersionField version={values.version} />
        <TextField
          name="title"
          label={t('vision.field.title')}
          hint={t('vision.hint.goalTitle')}
          value={values.title}
          error={errors.title}
          maxLength={TITLE_MAX}
        />
        <DesignThinkingHelp messages={messages} />
        <TextAreaField
          name="description"
          label={t('vision.field.description')}
          hint={t('vision.hint.goalDescription')}
          value={values.description}
          error={errors.description}
          maxLength={DESCRIPTION_MAX}
        />
        <h2>{t('vision.goal.serves')}</h2>
        <ChoicesField
          name="sdgGoals"
          legend={t('vision.field.sdgGoals')}
          hint={t('vision.hint.sdgGoals')}
          error={errors.sdgGoals}
          type="checkbox"
          checked={values.sdgGoals ?? []}
          choices={sdgGoals.map((goal) => ({
            value: String(goal.number),
            label: sdgText(messages, goal.number),
          }))}
        />
        {errors.sdgTargets && (
          <p class="error-message" id="sdgTargets">
            {errors.sdgTargets}
          </p>
        )}
        {chosenGoals.map((number) => (
          <ChoicesField
            key={number}
            name={`sdgTargets-${number}`}
            legend={t('vision.field.sdgTargetsOf', { goal: sdgText(messages, number) })}
            type="checkbox"
            checked={values.sdgTargets ?? []}
            choices={(findSdgGoal(number)?.targets ?? []).map((target) => ({
              value: target.code,
              label: sdgTargetText(messages, target.code),
            }))}
          />
        ))}
        {chosenGoals.length === 0 && <p class="hint">{t('vision.hint.sdgTargets')}</p>}
        <button type="submit" class="button secondary" name="next" value="targets">
          {t('vision.goal.saveAndTargets')}
        </button>
        <h2>{t('vision.goal.answers')}</h2>
        {evidence.swotEntries.length === 0 ? (
          <p>{t('vision.evidence.noSwot')}</p>
        ) : (
          swotQuadrantsOf(evidence).map((quadrant) => (
            <ChoicesField
              key={quadrant}
              name={`swotEntryIds-${quadrant}`}
              legend={t('vision.field.swotEntriesOf', {
                quadrant: t(`vision.swotQuadrant.${quadrant}`),
              })}
              type="checkbox"
              checked={values.swotEntryIds ?? []}
              choices={evidence.swotEntries
                .filter((entry) => entry.quadrant === quadrant)
                .map((entry) => ({ value: entry.id, label: entry.text }))}
            />
          ))
        )}
        {errors.swotEntryIds && (
          <p class="error-message" id="swotEntryIds">
            {errors.swotEntryIds}
          </p>
        )}
        {evidence.round ? (
          <p>{t('vision.evidence.from', { round: evidence.round.name })}</p>
        ) : (
          <p>{t('vision.evidence.noRound')}</p>
        )}
        {offeredSubdimensions.length > 0 ? (
          <ChoicesField
            name="subdimensionCodes"
            legend={t('vision.field.subdimensionCodes')}
            error={errors.subdimensionCodes}
            type="checkbox"
            checked={values.subdimensionCodes ?? []}
            choices={offeredSubdimensions.map((code) => ({
              value: code,
              label: subdimensionText(messages, evidence, code),
            }))}
          />
        ) : (
          evidence.round && <p>{t('vision.evidence.noneWeak')}</p>
        )}
        {offeredRecommendations.length > 0 && (
          <ChoicesField
            name="recommendationCodes"
            legend={t('vision.field.recommendationCodes')}
            error={errors.recommendationCodes}
            type="checkbox"
            checked={values.recommendationCodes ?? []}
            choices={offeredRecommendations.map((code) => ({
              value: code,
              label: recommendationText(messages, evidence, code),
            }))}
          />
        )}
        <div class="actions">
          <button type="submit" class="button">
            {t('vision.goal.save')}
          </button>
          <a href={visionHref(plan.id)}>{t('vision.back')}</a>
        </div>
      </form>
    </>
  );
}
