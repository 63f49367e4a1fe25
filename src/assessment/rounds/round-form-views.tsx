// The page that creates or edits a draft round, the buttons that open and
// close one, and the wording of the rules' problems on a page or in the API.
import { ChoicesField, SelectField } from '../../platform/http/choice-fields.tsx';
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  TextField,
} from '../../platform/http/forms.tsx';
import type { Messages } from '../../platform/i18n/messages.ts';
import { ROUND_NAME_MAX, type RoundProblem, type RoundStatus } from './round-rules.ts';
import type { FrameworkOption } from './round-write-store.ts';

/** The form's fields; `scope` is "all" or "chosen", `agencyIds` the chosen ones. */
export interface RoundFormValues {
  name?: string;
  frameworkId?: string;
  scope?: string;
  agencyIds?: string[];
  opensOn?: string;
  closesOn?: string;
}

const fieldOf: Record<RoundProblem['field'], string> = {
  name: 'name',
  frameworkId: 'frameworkId',
  agencies: 'scope',
  opensOn: 'opensOn',
  closesOn: 'closesOn',
  status: 'status',
};

export function roundProblemText(messages: Messages, problem: RoundProblem): string {
  return messages.t(`rounds.error.${problem.rule}`, problem.values);
}

export function roundFormErrors(
  messages: Messages,
  problems: readonly RoundProblem[],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of problems) {
    const field = fieldOf[problem.field];
    errors[field] ??=
      `${messages.t(`rounds.field.${field}`)}: ${roundProblemText(messages, problem)}`;
  }
  return errors;
}

export function roundApiFields(messages: Messages, problems: readonly RoundProblem[]) {
  return problems.map((problem) => ({
    path: problem.field === 'status' ? 'status' : `body.${problem.field}`,
    message: roundProblemText(messages, problem),
  }));
}

export function RoundFormView({
  messages,
  action,
  heading,
  values,
  errors,
  frameworks,
  agencies,
  csrfToken,
}: {
  messages: Messages;
  action: string;
  heading: string;
  values: RoundFormValues;
  errors: FieldErrors;
  frameworks: FrameworkOption[];
  agencies: { id: string; name: string }[];
  csrfToken: string | undefined;
}) {
  const { t } = messages;
  return (
    <div class="narrow">
      <a class="back-link" href="/rounds">
        {t('rounds.back')}
      </a>
      <ErrorSummary messages={messages} errors={errors} />
      <h1>{heading}</h1>
      <form method="post" action={action} novalidate>
        <CsrfField token={csrfToken} />
        <TextField
          name="name"
          label={t('rounds.field.name')}
          hint={t('rounds.hint.name')}
          value={values.name}
          maxLength={ROUND_NAME_MAX}
          error={errors.name}
        />
        <SelectField
          name="frameworkId"
          label={t('rounds.field.frameworkId')}
          hint={t('rounds.hint.framework')}
          error={errors.frameworkId}
          value={values.frameworkId ?? ''}
          choices={[
            { value: '', label: t('rounds.chooseFramework') },
            ...frameworks.map((framework) => ({
              value: framework.id,
              label: `${framework.name} ${framework.version}`,
            })),
          ]}
        />
        <ChoicesField
          name="scope"
          legend={t('rounds.field.scope')}
          type="radio"
          error={errors.scope}
          checked={[values.scope ?? 'all']}
          choices={[
            { value: 'all', label: t('rounds.scope.all', { count: agencies.length }) },
            {
              value: 'chosen',
              label: t('rounds.scope.chosen'),
              hint: t('rounds.scope.chosenHint'),
            },
          ]}
        />
        <details open={values.scope === 'chosen'}>
          <summary>{t('rounds.chooseAgencies')}</summary>
          <ChoicesField
            name="agencyIds"
            legend={t('rounds.field.agencyIds')}
            type="checkbox"
            checked={values.agencyIds ?? []}
            choices={agencies.map((agency) => ({ value: agency.id, label: agency.name }))}
          />
        </details>
        <TextField
          name="opensOn"
          type="date"
          label={t('rounds.field.opensOn')}
          hint={t('rounds.hint.date')}
          value={values.opensOn}
          error={errors.opensOn}
        />
        <TextField
          name="closesOn"
          type="date"
          label={t('rounds.field.closesOn')}
          hint={t('rounds.hint.date')}
          value={values.closesOn}
          error={errors.closesOn}
        />
        <button type="submit" class="button">
          {t('rounds.save')}
        </button>
      </form>
    </div>
  );
}

/** What a round manager may do with a round now: edit or open a draft, close an open round. */
export function RoundActions({
  messages,
  roundId,
  status,
  refusal,
}: {
  messages: Messages;
  roundId: string;
  status: RoundStatus;
  refusal?: string | undefined;
}) {
  const { t } = messages;
  return (
    <>
      {refusal && (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
          <h2 id="error-summary-title">{t('form.errorSummary')}</h2>
          <p>{refusal}</p>
        </div>
      )}
      {status !== 'closed' && (
        <div class="filters">
          {status === 'draft' && (
            <a class="button secondary" href={`/rounds/${roundId}/edit`}>
              {t('rounds.edit')}
            </a>
          )}
          {/* Opening and closing cannot be undone: the button leads to a page that asks first. */}
          <a class="button" href={`/rounds/${roundId}/${status === 'draft' ? 'open' : 'close'}`}>
            {status === 'draft' ? t('rounds.open') : t('rounds.close')}
          </a>
        </div>
      )}
    </>
  );
}
