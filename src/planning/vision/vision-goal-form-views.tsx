// The form that writes a goal: design thinking as help beside its text, the
// SDGs with their targets offered goal by goal (only for the goals ticked, so
// 169 targets stay usable without JavaScript: tick, "save and choose
// targets", then tick targets), and what it answers.

import { ChoicesField } from '../../platform/http/choice-fields.tsx';
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  TextField,
} from '../../platform/http/forms.tsx';
import { TextAreaField } from '../../platform/http/text-area-field.tsx';
import type { Messages } from '../../platform/i18n/messages.ts';
import { type Plan, PlanHeading } from '../plans/index.ts';
import { findSdgGoal, sdgGoals } from './sdg-goals.ts';
import type { VisionEvidence } from './vision-evidence.ts';
import { recommendationText, subdimensionText, swotQuadrantsOf } from './vision-evidence-text.ts';
import {
  ConflictNotice,
  goalHref,
  sdgTargetText,
  sdgText,
  VersionField,
  visionHref,
} from './vision-parts.tsx';
import { DESCRIPTION_MAX, TITLE_MAX } from './vision-rules.ts';
import type { VisionGoal } from './vision-store.ts';

const designThinkingSteps = ['empathise', 'define', 'ideate', 'prototype', 'test'] as const;

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
