// The settings pages of a workspace's lists: the prioritisation criteria and
// the initiative statuses, each a form of one fieldset per entry with empty
// entries at the end to add, a box to tick to remove, errors beside the
// fields, and the other person's list when a save came too late.
import type { ComponentChildren } from 'preact';
import { SelectField } from '../../../platform/http/choice-fields.tsx';
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  TextField,
} from '../../../platform/http/forms.tsx';
import type { Messages } from '../../../platform/i18n/messages.ts';
import { statusLabel } from '../roadmap-labels.ts';
import { defaultStatuses, type InitiativeStatus, statusKinds } from '../roadmap-statuses.ts';
import { axes, type Criterion, defaultCriteria } from './prioritisation.ts';
import { criteriaSettingsHref, criterionLabel, statusesSettingsHref } from './priority-parts.tsx';
import {
  CRITERION_LABEL_MAX,
  type SettingsProblem,
  STATUS_LABEL_MAX,
} from './priority-settings-rules.ts';

/** One entry of a list as the form holds it: every field as typed. */
export type SettingsRow = Readonly<Record<string, string>>;

/** Empty entries offered at the end of a list, to add new ones without a script. */
export const NEW_ROWS = 2;

/** The form field of a row: `label.3`. */
export const rowField = (field: string, index: number) => `${field}.${index}`;

/**
 * Problems as the form shows them, beside their fields: the entry's number
 * and the field's label first. A problem with the whole list sits at its top.
 */
export function settingsFormErrors(
  messages: Messages,
  problems: readonly SettingsProblem[],
  labelOf: (key: string) => string,
): FieldErrors {
  const { t } = messages;
  const errors: FieldErrors = {};
  for (const problem of problems) {
    const values = {
      ...problem.values,
      ...(problem.values?.key === undefined ? {} : { status: labelOf(String(problem.values.key)) }),
    };
    const text = t(`priorities.error.${problem.rule}`, values);
    if (problem.index === null) {
      errors.list = errors.list
        ? `${errors.list}; ${text}`
        : `${t('priorities.field.list')}: ${text}`;
      continue;
    }
    // A status in use is refused beside its remove box; a key's problem beside
    // the label it came from (the key itself is hidden).
    const inUse = problem.rule === 'statusInUse';
    const shownAt = inUse ? 'remove' : problem.field === 'key' ? 'label' : problem.field;
    const name = inUse ? 'removeStatus' : problem.field;
    errors[rowField(shownAt, problem.index)] ??=
      `${problem.index + 1}. ${t(`priorities.field.${name}`)}: ${text}`;
  }
  return errors;
}

function ConflictNotice({
  messages,
  children,
}: {
  messages: Messages;
  children: ComponentChildren;
}) {
  const { t } = messages;
  return (
    <div class="notice" role="alert">
      <h2>{t('priorities.settings.conflict.title')}</h2>
      <p>{t('priorities.settings.conflict.text')}</p>
      <ol>{children}</ol>
    </div>
  );
}

function RemoveBox({
  index,
  label,
  checked,
  error,
}: {
  index: number;
  label: string;
  checked: boolean;
  error: string | undefined;
}) {
  const id = rowField('remove', index);
  return (
    <div class={error ? 'field field-error' : 'field'}>
      {error && (
        <p class="error-message" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div class="choice">
        <input
          type="checkbox"
          id={id}
          name={id}
          value="1"
          checked={checked}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <label for={id}>{label}</label>
      </div>
    </div>
  );
}

/** The frame both settings forms share: heading, notices, errors and the save button. */
function SettingsForm({
  messages,
  title,
  intro,
  action,
  revision,
  errors,
  saved,
  conflict,
  csrfToken,
  save,
  children,
}: {
  messages: Messages;
  title: string;
  intro: ComponentChildren;
  action: string;
  revision: string;
  errors: FieldErrors;
  saved: boolean;
  conflict: ComponentChildren;
  csrfToken: string | undefined;
  save: string;
  children: ComponentChildren;
}) {
  const { t } = messages;
  return (
    <>
      <h1>{title}</h1>
      {intro}
      {saved && <output class="notice">{t('priorities.settings.saved')}</output>}
      {conflict}
      <ErrorSummary messages={messages} errors={errors} />
      <p>{t('priorities.settings.newRows')}</p>
      <form method="post" action={action} novalidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="revision" value={revision} />
        {errors.list && (
          <p class="error-message" id="list">
            {errors.list}
          </p>
        )}
        {children}
        <div class="actions">
          <button type="submit" class="button">
            {save}
          </button>
        </div>
      </form>
    </>
  );
}

const criterionDefaults = new Map(defaultCriteria.map((criterion) => [criterion.key, criterion]));

export function CriteriaSettingsView({
  messages,
  rows,
  revision,
  errors,
  saved = false,
  conflict,
  csrfToken,
}: {
  messages: Messages;
  rows: readonly SettingsRow[];
  revision: string;
  errors: FieldErrors;
  saved?: boolean;
  /** The list as another person saved it while this form was open. */
  conflict?: readonly Criterion[] | undefined;
  csrfToken: string | undefined;
}) {
  const { t } = messages;
  return (
    <SettingsForm
      messages={messages}
      title={t('priorities.settings.criteria.title')}
      intro={
        <>
          <p class="lead">{t('priorities.settings.criteria.intro')}</p>
          <p>{t('priorities.settings.criteria.removing')}</p>
        </>
      }
      action={criteriaSettingsHref}
      revision={revision}
      errors={errors}
      saved={saved}
      conflict={
        conflict && (
          <ConflictNotice messages={messages}>
            {conflict.map((criterion) => (
              <li key={criterion.key}>
                {criterionLabel(messages, criterion)} — {t(`priorities.axis.${criterion.axis}`)},{' '}
                {t('priorities.score.weight', { weight: messages.number(criterion.weight) })}
              </li>
            ))}
          </ConflictNotice>
        )
      }
      csrfToken={csrfToken}
      save={t('priorities.settings.criteria.save')}
    >
      {rows.map((row, index) => {
        const key = row.key ?? '';
        const standard = criterionDefaults.get(key);
        const field = (name: string) => rowField(name, index);
        return (
          <fieldset class="field" key={field('row')}>
            <legend>
              {key
                ? t('priorities.settings.criteria.legend', {
                    number: index + 1,
                    label: row.label || (standard ? criterionLabel(messages, standard) : key),
                  })
                : t('priorities.settings.criteria.newLegend', { number: index + 1 })}
            </legend>
            <input type="hidden" name={field('key')} value={key} />
            <TextField
              name={field('label')}
              label={t('priorities.field.label')}
              hint={
                standard
                  ? t('priorities.field.labelDefault', {
                      label: criterionLabel(messages, standard),
                    })
                  : undefined
              }
              value={row.label}
              error={errors[field('label')]}
              maxLength={CRITERION_LABEL_MAX}
            />
            <SelectField
              name={field('axis')}
              label={t('priorities.field.axis')}
              value={row.axis}
              error={errors[field('axis')]}
              choices={[
                ...(row.axis ? [] : [{ value: '', label: t('priorities.field.choose') }]),
                ...axes.map((axis) => ({ value: axis, label: t(`priorities.axis.${axis}`) })),
              ]}
            />
            <TextField
              name={field('weight')}
              label={t('priorities.field.weight')}
              value={row.weight}
              error={errors[field('weight')]}
              maxLength={20}
            />
            <TextField
              name={field('position')}
              label={t('priorities.field.position')}
              value={row.position}
              error={errors[field('position')]}
              maxLength={20}
            />
            {key && (
              <RemoveBox
                index={index}
                label={t('priorities.field.removeCriterion')}
                checked={row.remove === '1'}
                error={errors[field('remove')]}
              />
            )}
          </fieldset>
        );
      })}
    </SettingsForm>
  );
}

const statusDefaults = new Map(defaultStatuses.map((status) => [status.key, status]));

export function StatusesSettingsView({
  messages,
  rows,
  usage,
  revision,
  errors,
  saved = false,
  conflict,
  csrfToken,
}: {
  messages: Messages;
  rows: readonly SettingsRow[];
  /** Initiatives by status key. */
  usage: ReadonlyMap<string, number>;
  revision: string;
  errors: FieldErrors;
  saved?: boolean;
  conflict?: readonly InitiativeStatus[] | undefined;
  csrfToken: string | undefined;
}) {
  const { t } = messages;
  return (
    <SettingsForm
      messages={messages}
      title={t('priorities.settings.statuses.title')}
      intro={<p class="lead">{t('priorities.settings.statuses.intro')}</p>}
      action={statusesSettingsHref}
      revision={revision}
      errors={errors}
      saved={saved}
      conflict={
        conflict && (
          <ConflictNotice messages={messages}>
            {conflict.map((status) => (
              <li key={status.key}>
                {statusLabel(messages, status)} — {t(`roadmap.statusKind.${status.kind}`)},{' '}
                {messages.number(status.defaultProgress)} %
              </li>
            ))}
          </ConflictNotice>
        )
      }
      csrfToken={csrfToken}
      save={t('priorities.settings.statuses.save')}
    >
      {rows.map((row, index) => {
        const key = row.key ?? '';
        const standard = statusDefaults.get(key);
        const field = (name: string) => rowField(name, index);
        return (
          <fieldset class="field" key={field('row')}>
            <legend>
              {key
                ? t('priorities.settings.statuses.legend', {
                    number: index + 1,
                    label: row.label || (standard ? statusLabel(messages, standard) : key),
                  })
                : t('priorities.settings.statuses.newLegend', { number: index + 1 })}
            </legend>
            {key && (
              <p class="hint">
                {t('priorities.settings.statuses.inUse', { count: usage.get(key) ?? 0 })}
              </p>
            )}
            <input type="hidden" name={field('key')} value={key} />
            <TextField
              name={field('label')}
              label={t('priorities.field.label')}
              hint={
                standard
                  ? t('priorities.field.labelDefault', { label: statusLabel(messages, standard) })
                  : undefined
              }
              value={row.label}
              error={errors[field('label')]}
              maxLength={STATUS_LABEL_MAX}
            />
            <SelectField
              name={field('kind')}
              label={t('priorities.field.kind')}
              value={row.kind}
              error={errors[field('kind')]}
              choices={[
                ...(row.kind ? [] : [{ value: '', label: t('priorities.field.choose') }]),
                ...statusKinds.map((kind) => ({
                  value: kind,
                  label: t(`roadmap.statusKind.${kind}`),
                })),
              ]}
            />
            <TextField
              name={field('defaultProgress')}
              label={t('priorities.field.defaultProgress')}
              value={row.defaultProgress}
              error={errors[field('defaultProgress')]}
              maxLength={20}
            />
            <TextField
              name={field('position')}
              label={t('priorities.field.position')}
              value={row.position}
              error={errors[field('position')]}
              maxLength={20}
            />
            {key && (
              <RemoveBox
                index={index}
                label={t('priorities.field.removeStatus')}
                checked={row.remove === '1'}
                error={errors[field('remove')]}
              />
            )}
          </fieldset>
        );
      })}
    </SettingsForm>
  );
}
