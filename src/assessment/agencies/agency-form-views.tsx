// The pages that add and edit one agency, and the wording of the rules'
// problems, on a page or in an API error.
import { ChoicesField, SelectField } from '../../platform/http/choice-fields.tsx';
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  TextField,
} from '../../platform/http/forms.tsx';
import type { Messages } from '../../platform/i18n/messages.ts';
import {
  ACRONYM_MAX,
  type AgencyProblem,
  EMAIL_MAX,
  NAME_MAX,
  SECTOR_MAX,
} from './agency-rules.ts';
import { agencyLevels } from './agency-schema.ts';

/** The form's field names; `parentId` matches the API's. */
export interface AgencyFormValues {
  name?: string;
  acronym?: string;
  level?: string;
  sector?: string;
  parentId?: string;
  focalPointEmail?: string;
}

const fieldOf: Record<AgencyProblem['field'], keyof AgencyFormValues> = {
  name: 'name',
  acronym: 'acronym',
  level: 'level',
  sector: 'sector',
  parent: 'parentId',
  focalPointEmail: 'focalPointEmail',
};

/** A problem as a sentence: "must be national, subnational or local". */
export function problemText(
  messages: Messages,
  problem: { rule: string; values?: Record<string, string | number> },
) {
  return messages.t(`agencies.error.${problem.rule}`, problem.values);
}

/** Problems as the form shows them: one per field, the field's label first. */
export function formErrors(messages: Messages, problems: readonly AgencyProblem[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of problems) {
    const field = fieldOf[problem.field];
    errors[field] ??= `${messages.t(`agencies.field.${field}`)}: ${problemText(messages, problem)}`;
  }
  return errors;
}

/** Problems as the API reports them: the path of the field and the English sentence. */
export function apiFields(messages: Messages, problems: readonly AgencyProblem[]) {
  return problems.map((problem) => ({
    path: `body.${fieldOf[problem.field]}`,
    message: problemText(messages, problem),
  }));
}

export function AgencyFormView({
  messages,
  action,
  heading,
  values,
  errors,
  parents,
  csrfToken,
}: {
  messages: Messages;
  action: string;
  heading: string;
  values: AgencyFormValues;
  errors: FieldErrors;
  parents: { id: string; name: string }[];
  csrfToken: string | undefined;
}) {
  const { t } = messages;
  return (
    <div class="narrow">
      <a class="back-link" href="/agencies">
        {t('agencies.back')}
      </a>
      <ErrorSummary messages={messages} errors={errors} />
      <h1>{heading}</h1>
      <form method="post" action={action} novalidate>
        <CsrfField token={csrfToken} />
        <TextField
          name="name"
          label={t('agencies.field.name')}
          value={values.name}
          maxLength={NAME_MAX}
          error={errors.name}
        />
        <TextField
          name="acronym"
          label={t('agencies.field.acronym')}
          hint={t('agencies.hint.acronym')}
          value={values.acronym}
          maxLength={ACRONYM_MAX}
          error={errors.acronym}
        />
        <ChoicesField
          name="level"
          legend={t('agencies.field.level')}
          type="radio"
          error={errors.level}
          checked={values.level ? [values.level] : []}
          choices={agencyLevels.map((level) => ({ value: level, label: t(`level.${level}`) }))}
        />
        <TextField
          name="sector"
          label={t('agencies.field.sector')}
          hint={t('agencies.hint.sector')}
          value={values.sector}
          maxLength={SECTOR_MAX}
          error={errors.sector}
        />
        <SelectField
          name="parentId"
          label={t('agencies.field.parentId')}
          hint={t('agencies.hint.parent')}
          error={errors.parentId}
          value={values.parentId ?? ''}
          choices={[
            { value: '', label: t('agencies.noParent') },
            ...parents.map((parent) => ({ value: parent.id, label: parent.name })),
          ]}
        />
        <TextField
          name="focalPointEmail"
          type="email"
          label={t('agencies.field.focalPointEmail')}
          hint={t('agencies.hint.focalPointEmail')}
          value={values.focalPointEmail}
          maxLength={EMAIL_MAX}
          error={errors.focalPointEmail}
        />
        <button type="submit" class="button">
          {t('agencies.save')}
        </button>
      </form>
    </div>
  );
}
