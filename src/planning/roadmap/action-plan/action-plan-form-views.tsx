// The forms of an initiative's action plan: one form, drawn from a list's
// field descriptions, that adds or edits a step, milestone, resource, KPI or
// communication (with what another person saved meanwhile when a save came
// too late), and the form that adds a dated entry to the timeline.
import { Fragment } from 'preact';
import { SelectField } from '../../../platform/http/choice-fields.tsx';
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  TextField,
} from '../../../platform/http/forms.tsx';
import { TextAreaField } from '../../../platform/http/text-area-field.tsx';
import type { Messages } from '../../../platform/i18n/messages.ts';
import { type Plan, PlanHeading } from '../../plans/index.ts';
import { type FieldSpec, type PartKey, partSpecs } from './action-plan-parts.ts';
import { type ActionPlanProblem, UPDATE_TEXT_MAX } from './action-plan-rules.ts';
import type { PartEntry } from './action-plan-store.ts';

/** A form's fields as typed, by name. */
export type FormValues = Record<string, string | undefined>;

export const initiativeHref = (planId: string, initiativeId: string) =>
  `/plans/${planId}/roadmap/${initiativeId}`;
export const partHref = (planId: string, initiativeId: string, part: PartKey | 'updates') =>
  `${initiativeHref(planId, initiativeId)}/${part}`;

export const problemText = (messages: Messages, problem: ActionPlanProblem) =>
  messages.t(`actionPlan.error.${problem.rule}`, problem.values);

/** Problems as a form shows them: one per field, the field's label first. */
export function formErrors(
  messages: Messages,
  part: PartKey | 'updates',
  problems: readonly ActionPlanProblem[],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of problems)
    errors[problem.field] ??=
      `${messages.t(`actionPlan.${part}.field.${problem.field}`)}: ${problemText(messages, problem)}`;
  return errors;
}

/** A stored value in words, as the page and the conflict notice show it. */
export function valueText(
  messages: Messages,
  part: PartKey,
  spec: FieldSpec,
  value: unknown,
): string {
  if (value === null || value === undefined || value === '') return '—';
  if (spec.input === 'select') return messages.t(`actionPlan.${part}.${spec.name}.${value}`);
  if (spec.input === 'date' && typeof value === 'string') return messages.date(value);
  if (typeof value === 'number') return messages.number(value);
  return String(value);
}

/** What the initiative is, above each of its forms, with the way back to its page. */
function InitiativeLine({
  messages,
  plan,
  initiative,
}: {
  messages: Messages;
  plan: Plan;
  initiative: { id: string; title: string };
}) {
  return (
    <p class="lead">
      {messages.t('actionPlan.forInitiative')}{' '}
      <a href={initiativeHref(plan.id, initiative.id)}>{initiative.title}</a>
    </p>
  );
}

function Field({
  messages,
  part,
  spec,
  value,
  error,
}: {
  messages: Messages;
  part: PartKey;
  spec: FieldSpec;
  value: string | undefined;
  error: string | undefined;
}) {
  const { t } = messages;
  const label = t(`actionPlan.${part}.field.${spec.name}`);
  const hint = spec.hint ? t(`actionPlan.${part}.hint.${spec.name}`) : undefined;
  const common = { name: spec.name, label, value, ...(error ? { error } : {}) };
  switch (spec.input) {
    case 'textarea':
      return <TextAreaField {...common} hint={hint} maxLength={spec.max} rows={3} />;
    case 'select':
      return (
        <SelectField
          {...common}
          {...(hint ? { hint } : {})}
          choices={[
            { value: '', label: t('actionPlan.choose') },
            ...(spec.choices ?? []).map((choice) => ({
              value: choice,
              label: t(`actionPlan.${part}.${spec.name}.${choice}`),
            })),
          ]}
        />
      );
    default:
      return (
        <TextField
          {...common}
          {...(hint ? { hint } : {})}
          type={spec.input === 'date' ? 'date' : 'text'}
          {...(spec.max ? { maxLength: spec.max } : {})}
        />
      );
  }
}

function ConflictNotice<K extends PartKey>({
  messages,
  part,
  other,
}: {
  messages: Messages;
  part: K;
  other: PartEntry<K>;
}) {
  const { t } = messages;
  const stored = other as unknown as Record<string, unknown>;
  return (
    <div class="notice" role="alert">
      <h2>{t('actionPlan.conflict.title')}</h2>
      <p>{t('actionPlan.conflict.text')}</p>
      <dl>
        {partSpecs[part].fields.map((spec) => (
          <Fragment key={spec.name}>
            <dt>{t(`actionPlan.${part}.field.${spec.name}`)}</dt>
            <dd>{valueText(messages, part, spec, stored[spec.name])}</dd>
          </Fragment>
        ))}
      </dl>
    </div>
  );
}

export function PartFormView<K extends PartKey>({
  messages,
  plan,
  initiative,
  part,
  entryId,
  values,
  errors,
  conflict,
  gone,
  csrfToken,
}: {
  messages: Messages;
  plan: Plan;
  initiative: { id: string; title: string };
  part: K;
  /** The entry edited; none for a new one. */
  entryId?: string | undefined;
  values: FormValues;
  errors: FieldErrors;
  /** The entry as another person saved it while this form was open. */
  conflict?: PartEntry<K> | undefined;
  /** Another person deleted it while this form was open. */
  gone?: boolean | undefined;
  csrfToken: string | undefined;
}) {
  const { t } = messages;
  const title = t(`actionPlan.${part}.${entryId ? 'editTitle' : 'newTitle'}`);
  const href = partHref(plan.id, initiative.id, part);
  const editing = entryId !== undefined && !gone;
  return (
    <>
      <PlanHeading messages={messages} plan={plan} current="roadmap" title={title} />
      <InitiativeLine messages={messages} plan={plan} initiative={initiative} />
      {conflict && <ConflictNotice messages={messages} part={part} other={conflict} />}
      {gone && (
        <div class="notice" role="alert">
          <p>{t('actionPlan.conflict.gone')}</p>
        </div>
      )}
      <ErrorSummary messages={messages} errors={errors} />
      <form method="post" action={editing ? `${href}/${entryId}/edit` : `${href}/new`} novalidate>
        <CsrfField token={csrfToken} />
        {editing && values.version !== undefined && (
          <input type="hidden" name="version" value={values.version} />
        )}
        {partSpecs[part].fields.map((spec) => (
          <Field
            key={spec.name}
            messages={messages}
            part={part}
            spec={spec}
            value={values[spec.name]}
            error={errors[spec.name]}
          />
        ))}
        <div class="actions">
          <button type="submit" class="button">
            {t('actionPlan.save')}
          </button>
          <a href={initiativeHref(plan.id, initiative.id)}>{t('actionPlan.cancel')}</a>
        </div>
      </form>
      {editing && values.version !== undefined && (
        <form method="post" action={`${href}/${entryId}/delete`}>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="version" value={values.version} />
          <button type="submit" class="button secondary">
            {t(`actionPlan.${part}.delete`)}
          </button>
        </form>
      )}
    </>
  );
}

export function TimelineFormView({
  messages,
  plan,
  initiative,
  values,
  errors,
  csrfToken,
}: {
  messages: Messages;
  plan: Plan;
  initiative: { id: string; title: string };
  values: FormValues;
  errors: FieldErrors;
  csrfToken: string | undefined;
}) {
  const { t } = messages;
  return (
    <>
      <PlanHeading
        messages={messages}
        plan={plan}
        current="roadmap"
        title={t('actionPlan.updates.newTitle')}
      />
      <InitiativeLine messages={messages} plan={plan} initiative={initiative} />
      <ErrorSummary messages={messages} errors={errors} />
      <form method="post" action={`${partHref(plan.id, initiative.id, 'updates')}/new`} novalidate>
        <CsrfField token={csrfToken} />
        <TextField
          name="happenedOn"
          type="date"
          label={t('actionPlan.updates.field.happenedOn')}
          value={values.happenedOn}
          {...(errors.happenedOn ? { error: errors.happenedOn } : {})}
        />
        <TextAreaField
          name="text"
          label={t('actionPlan.updates.field.text')}
          value={values.text}
          error={errors.text}
          maxLength={UPDATE_TEXT_MAX}
          rows={4}
        />
        <TextField
          name="progress"
          label={t('actionPlan.updates.field.progress')}
          hint={t('actionPlan.updates.hint.progress')}
          value={values.progress}
          maxLength={3}
          {...(errors.progress ? { error: errors.progress } : {})}
        />
        <div class="actions">
          <button type="submit" class="button">
            {t('actionPlan.updates.add')}
          </button>
          <a href={initiativeHref(plan.id, initiative.id)}>{t('actionPlan.cancel')}</a>
        </div>
      </form>
    </>
  );
}
