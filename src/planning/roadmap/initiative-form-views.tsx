// The form that adds or edits an initiative — started from scratch or from
// what prompted it — with what another person saved in the meantime when a
// save came too late. Long lists of choices (dependencies, sub-dimensions)
// fold away so the form stays short.
import type { ComponentChildren } from 'preact';
import { ChoicesField, SelectField } from '../../platform/http/choice-fields.tsx';
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  TextField,
} from '../../platform/http/forms.tsx';
import { TextAreaField } from '../../platform/http/text-area-field.tsx';
import type { Messages } from '../../platform/i18n/messages.ts';
import { type Plan, PlanHeading } from '../plans/index.ts';
import {
  BUDGET_SOURCE_MAX,
  DESCRIPTION_MAX,
  horizons,
  type InitiativeProblem,
  levels,
  TITLE_MAX,
} from './initiative-rules.ts';
import type { Initiative } from './initiative-store.ts';
import { datesText, percent, roadmapHref, statusLabel } from './roadmap-labels.ts';
import type { InitiativeStatus } from './roadmap-statuses.ts';

/** The form's fields as typed; lists are the values of checkboxes ticked. */
export interface InitiativeFormValues {
  title?: string;
  description?: string;
  level?: string;
  parentId?: string;
  horizon?: string;
  startsOn?: string;
  endsOn?: string;
  leadAgencyId?: string;
  partnerAgencyIds?: string[];
  ownerId?: string;
  budgetAmount?: string;
  budgetCurrency?: string;
  budgetSource?: string;
  status?: string;
  progress?: string;
  weight?: string;
  isPublic?: string;
  dependsOnIds?: string[];
  goalIds?: string[];
  swotEntryIds?: string[];
  /** Dimensions named through the API or an import; kept as they are. */
  dimensionCodes?: string[];
  subdimensionCodes?: string[];
  recommendationCodes?: string[];
  /** What the initiative is started from, kept through the form. */
  from?: string;
  ref?: string;
  version?: string;
}

interface Option {
  value: string;
  label: string;
}

/** What the form offers to choose from. */
export interface InitiativeFormChoices {
  statuses: readonly InitiativeStatus[];
  /** Initiatives it may come under, with their level, and those it may wait for. */
  initiatives: readonly { id: string; title: string; level: string }[];
  agencies: readonly Option[];
  members: readonly Option[];
  goals: readonly Option[];
  swotEntries: readonly Option[];
  /** The baseline framework's dimensions with their sub-dimensions. */
  dimensions: readonly (Option & { subdimensions: Option[] })[];
}

export function initiativeFormErrors(
  messages: Messages,
  problems: readonly InitiativeProblem[],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of problems)
    errors[problem.field] ??= `${messages.t(`roadmap.field.${problem.field}`)}: ${messages.t(
      `roadmap.error.${problem.rule}`,
      problem.values,
    )}`;
  return errors;
}

function ConflictNotice({
  messages,
  other,
  statuses,
}: {
  messages: Messages;
  other: Initiative;
  statuses: readonly InitiativeStatus[];
}) {
  const { t } = messages;
  const status = statuses.find((each) => each.key === other.status);
  return (
    <div class="notice" role="alert">
      <h2>{t('roadmap.conflict.title')}</h2>
      <p>{t('roadmap.conflict.text')}</p>
      <dl>
        <dt>{t('roadmap.field.title')}</dt>
        <dd>{other.title}</dd>
        <dt>{t('roadmap.field.status')}</dt>
        <dd>{status ? statusLabel(messages, status) : other.status}</dd>
        <dt>{t('roadmap.table.dates')}</dt>
        <dd>{datesText(messages, other)}</dd>
        <dt>{t('roadmap.field.progress')}</dt>
        <dd>{other.progress === null ? '—' : percent(messages, other.progress)}</dd>
        <dt>{t('roadmap.field.description')}</dt>
        <dd>{other.description || '—'}</dd>
      </dl>
    </div>
  );
}

/** A long group of checkboxes, folded unless something in it is ticked or wrong. */
function Folded({
  summary,
  open,
  children,
}: {
  summary: string;
  open: boolean;
  children: ComponentChildren;
}) {
  return (
    <details class="field" open={open}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}

export function InitiativeFormView({
  messages,
  plan,
  action,
  heading,
  origin,
  values,
  errors,
  choices,
  conflict,
  gone,
  csrfToken,
}: {
  messages: Messages;
  plan: Plan;
  action: string;
  heading: string;
  /** What the initiative is started from, in words. */
  origin?: string | undefined;
  values: InitiativeFormValues;
  errors: FieldErrors;
  choices: InitiativeFormChoices;
  conflict?: Initiative | undefined;
  gone?: boolean | undefined;
  csrfToken: string | undefined;
}) {
  const { t } = messages;
  const none = { value: '', label: t('roadmap.form.none') };
  const ticked = (list: string[] | undefined) => (list?.length ?? 0) > 0;
  const codesOpen = ticked(values.subdimensionCodes) || Boolean(errors.codes);
  return (
    <>
      <PlanHeading messages={messages} plan={plan} current="roadmap" title={heading} />
      {origin && <p class="lead">{t('roadmap.form.from', { origin })}</p>}
      {conflict && (
        <ConflictNotice messages={messages} other={conflict} statuses={choices.statuses} />
      )}
      {gone && (
        <p class="notice" role="alert">
          {t('roadmap.conflict.gone')}
        </p>
      )}
      <ErrorSummary messages={messages} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField token={csrfToken} />
        {values.version !== undefined && (
          <input type="hidden" name="version" value={values.version} />
        )}
        {values.from && <input type="hidden" name="from" value={values.from} />}
        {values.ref && <input type="hidden" name="ref" value={values.ref} />}
        {(values.recommendationCodes ?? []).map((code) => (
          <input key={code} type="hidden" name="recommendationCodes" value={code} />
        ))}
        {(values.dimensionCodes ?? []).map((code) => (
          <input key={code} type="hidden" name="dimensionCodes" value={code} />
        ))}
        <TextField
          name="title"
          label={t('roadmap.field.title')}
          value={values.title}
          error={errors.title}
          maxLength={TITLE_MAX}
        />
        <TextAreaField
          name="description"
          label={t('roadmap.field.description')}
          value={values.description}
          error={errors.description}
          maxLength={DESCRIPTION_MAX}
        />
        <SelectField
          name="level"
          label={t('roadmap.field.level')}
          value={values.level ?? 'project'}
          error={errors.level}
          choices={levels.map((level) => ({ value: level, label: t(`roadmap.level.${level}`) }))}
        />
        <SelectField
          name="parentId"
          label={t('roadmap.field.parentId')}
          hint={t('roadmap.hint.parentId')}
          value={values.parentId}
          error={errors.parentId}
          choices={[
            none,
            ...choices.initiatives
              .filter((initiative) => initiative.level !== 'activity')
              .map((initiative) => ({
                value: initiative.id,
                label: `${initiative.title} (${t(`roadmap.level.${initiative.level}`)})`,
              })),
          ]}
        />
        <ChoicesField
          name="horizon"
          legend={t('roadmap.field.horizon')}
          error={errors.horizon}
          type="radio"
          checked={values.horizon ? [values.horizon] : []}
          choices={horizons.map((horizon) => ({
            value: horizon,
            label: t(`roadmap.horizon.${horizon}`),
          }))}
        />
        <TextField
          name="startsOn"
          type="date"
          label={t('roadmap.field.startsOn')}
          hint={t('roadmap.hint.date')}
          value={values.startsOn}
          error={errors.startsOn}
          maxLength={10}
        />
        <TextField
          name="endsOn"
          type="date"
          label={t('roadmap.field.endsOn')}
          hint={t('roadmap.hint.date')}
          value={values.endsOn}
          error={errors.endsOn}
          maxLength={10}
        />
        <SelectField
          name="status"
          label={t('roadmap.field.status')}
          value={values.status}
          error={errors.status}
          choices={choices.statuses.map((status) => ({
            value: status.key,
            label: statusLabel(messages, status),
          }))}
        />
        <TextField
          name="progress"
          label={t('roadmap.field.progress')}
          hint={t('roadmap.hint.progress')}
          value={values.progress}
          error={errors.progress}
          maxLength={5}
        />
        <TextField
          name="weight"
          label={t('roadmap.field.weight')}
          hint={t('roadmap.hint.weight')}
          value={values.weight ?? '1'}
          error={errors.weight}
          maxLength={10}
        />
        <SelectField
          name="ownerId"
          label={t('roadmap.field.ownerId')}
          hint={t('roadmap.hint.ownerId')}
          value={values.ownerId}
          error={errors.ownerId}
          choices={[none, ...choices.members]}
        />
        <SelectField
          name="leadAgencyId"
          label={t('roadmap.field.leadAgencyId')}
          value={values.leadAgencyId}
          error={errors.leadAgencyId}
          choices={[none, ...choices.agencies]}
        />
        {choices.agencies.length > 0 && (
          <Folded
            summary={t('roadmap.field.partnerAgencyIds')}
            open={ticked(values.partnerAgencyIds) || Boolean(errors.partnerAgencyIds)}
          >
            <ChoicesField
              name="partnerAgencyIds"
              legend={t('roadmap.field.partnerAgencyIds')}
              error={errors.partnerAgencyIds}
              type="checkbox"
              checked={values.partnerAgencyIds ?? []}
              choices={[...choices.agencies]}
            />
          </Folded>
        )}
        <TextField
          name="budgetAmount"
          label={t('roadmap.field.budgetAmount')}
          value={values.budgetAmount}
          error={errors.budgetAmount}
          maxLength={20}
        />
        <TextField
          name="budgetCurrency"
          label={t('roadmap.field.budgetCurrency')}
          hint={t('roadmap.hint.budgetCurrency')}
          value={values.budgetCurrency}
          error={errors.budgetCurrency}
          maxLength={3}
        />
        <TextField
          name="budgetSource"
          label={t('roadmap.field.budgetSource')}
          value={values.budgetSource}
          error={errors.budgetSource}
          maxLength={BUDGET_SOURCE_MAX}
        />
        {choices.goals.length > 0 && (
          <ChoicesField
            name="goalIds"
            legend={t('roadmap.field.goalIds')}
            error={errors.goalIds}
            type="checkbox"
            checked={values.goalIds ?? []}
            choices={[...choices.goals]}
          />
        )}
        {choices.swotEntries.length > 0 && (
          <Folded
            summary={t('roadmap.field.swotEntryIds')}
            open={ticked(values.swotEntryIds) || Boolean(errors.swotEntryIds)}
          >
            <ChoicesField
              name="swotEntryIds"
              legend={t('roadmap.field.swotEntryIds')}
              error={errors.swotEntryIds}
              type="checkbox"
              checked={values.swotEntryIds ?? []}
              choices={[...choices.swotEntries]}
            />
          </Folded>
        )}
        {choices.dimensions.length > 0 && (
          <Folded summary={t('roadmap.field.codes')} open={codesOpen}>
            {errors.codes && <p class="error-message">{errors.codes}</p>}
            {choices.dimensions.map((dimension) => (
              <ChoicesField
                key={dimension.value}
                name="subdimensionCodes"
                legend={dimension.label}
                type="checkbox"
                checked={values.subdimensionCodes ?? []}
                choices={dimension.subdimensions}
              />
            ))}
          </Folded>
        )}
        {choices.initiatives.length > 0 && (
          <Folded
            summary={t('roadmap.field.dependsOnIds')}
            open={ticked(values.dependsOnIds) || Boolean(errors.dependsOnIds)}
          >
            <ChoicesField
              name="dependsOnIds"
              legend={t('roadmap.field.dependsOnIds')}
              hint={t('roadmap.hint.dependsOnIds')}
              error={errors.dependsOnIds}
              type="checkbox"
              checked={values.dependsOnIds ?? []}
              choices={choices.initiatives.map((initiative) => ({
                value: initiative.id,
                label: initiative.title,
              }))}
            />
          </Folded>
        )}
        <div class="field">
          <div class="choice">
            <input
              type="checkbox"
              id="isPublic"
              name="isPublic"
              value="yes"
              checked={values.isPublic !== 'no'}
            />
            <label for="isPublic">{t('roadmap.field.isPublic')}</label>
          </div>
          {/* Sent after the box: an unticked box sends nothing, so "no" is what arrives. */}
          <input type="hidden" name="isPublic" value="no" />
        </div>
        <div class="actions">
          <button type="submit" class="button">
            {t('roadmap.save')}
          </button>
          <a class="button secondary" href={roadmapHref(plan.id)}>
            {t('roadmap.cancel')}
          </a>
        </div>
      </form>
    </>
  );
}
