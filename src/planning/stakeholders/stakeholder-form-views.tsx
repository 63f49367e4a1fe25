// The form that adds, edits or deletes a stakeholder, with the engagement its
// ratings suggest, and what another person saved in the meantime when a save
// came too late.
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
  engagementLevels,
  NAME_MAX,
  NEEDS_MAX,
  quadrantOf,
  RATING_MAX,
  type StakeholderProblem,
  stakeholderGroups,
  suggestedEngagement,
  vulnerableGroups,
} from './stakeholder-rules.ts';
import type { Stakeholder } from './stakeholder-store.ts';
import { groupText, stakeholdersHref } from './stakeholder-views.tsx';

/** The form's fields as typed. */
export interface StakeholderFormValues {
  name?: string;
  group?: string;
  vulnerableGroup?: string;
  interest?: string;
  influence?: string;
  engagement?: string;
  needs?: string;
  ownerId?: string;
  version?: string;
}

export function stakeholderProblemText(messages: Messages, problem: StakeholderProblem): string {
  return messages.t(`stakeholders.error.${problem.rule}`, problem.values);
}

/** Problems as the form shows them: one per field, the field's label first. */
export function stakeholderFormErrors(
  messages: Messages,
  problems: readonly StakeholderProblem[],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of problems)
    errors[problem.field] ??=
      `${messages.t(`stakeholders.field.${problem.field}`)}: ${stakeholderProblemText(messages, problem)}`;
  return errors;
}

const ratings = Array.from({ length: RATING_MAX }, (_, index) => String(index + 1));

function ConflictNotice({ messages, other }: { messages: Messages; other: Stakeholder }) {
  const { t } = messages;
  return (
    <div class="notice" role="alert">
      <h2>{t('stakeholders.conflict.title')}</h2>
      <p>{t('stakeholders.conflict.text')}</p>
      <dl>
        <dt>{t('stakeholders.field.name')}</dt>
        <dd>{other.name}</dd>
        <dt>{t('stakeholders.field.group')}</dt>
        <dd>{groupText(messages, other)}</dd>
        <dt>{t('stakeholders.field.interest')}</dt>
        <dd>{other.interest}</dd>
        <dt>{t('stakeholders.field.influence')}</dt>
        <dd>{other.influence}</dd>
        <dt>{t('stakeholders.field.engagement')}</dt>
        <dd>{t(`stakeholders.engagement.${other.engagement}`)}</dd>
        <dt>{t('stakeholders.field.needs')}</dt>
        <dd>{other.needs || '—'}</dd>
        <dt>{t('stakeholders.field.ownerId')}</dt>
        <dd>{other.ownerName ?? '—'}</dd>
      </dl>
    </div>
  );
}

export function StakeholderFormView({
  messages,
  plan,
  stakeholderId,
  values,
  errors,
  owners,
  conflict,
  gone,
  csrfToken,
}: {
  messages: Messages;
  plan: Plan;
  /** The stakeholder edited; none for a new one. */
  stakeholderId?: string | undefined;
  values: StakeholderFormValues;
  errors: FieldErrors;
  owners: readonly { id: string; name: string }[];
  /** The stakeholder as another person saved it while this form was open. */
  conflict?: Stakeholder | undefined;
  /** Another person deleted it while this form was open. */
  gone?: boolean | undefined;
  csrfToken: string | undefined;
}) {
  const { t } = messages;
  const heading = stakeholderId ? t('stakeholders.editTitle') : t('stakeholders.newTitle');
  const href = stakeholdersHref(plan.id);
  const interest = Number(values.interest);
  const influence = Number(values.influence);
  const placed =
    Number.isInteger(interest) && Number.isInteger(influence) && interest >= 1 && influence >= 1;
  return (
    <>
      <PlanHeading messages={messages} plan={plan} current="stakeholders" title={heading} />
      {conflict && <ConflictNotice messages={messages} other={conflict} />}
      {gone && (
        <div class="notice" role="alert">
          <p>{t('stakeholders.conflict.gone')}</p>
        </div>
      )}
      <ErrorSummary messages={messages} errors={errors} />
      <form
        method="post"
        action={gone || !stakeholderId ? `${href}/new` : `${href}/${stakeholderId}/edit`}
        novalidate
      >
        <CsrfField token={csrfToken} />
        {values.version !== undefined && !gone && (
          <input type="hidden" name="version" value={values.version} />
        )}
        <TextField
          name="name"
          label={t('stakeholders.field.name')}
          value={values.name}
          error={errors.name}
          maxLength={NAME_MAX}
        />
        <SelectField
          name="group"
          label={t('stakeholders.field.group')}
          error={errors.group}
          value={values.group}
          choices={[
            { value: '', label: t('stakeholders.choose') },
            ...stakeholderGroups.map((group) => ({
              value: group,
              label: t(`stakeholders.group.${group}`),
            })),
          ]}
        />
        <SelectField
          name="vulnerableGroup"
          label={t('stakeholders.field.vulnerableGroup')}
          hint={t('stakeholders.hint.vulnerableGroup')}
          error={errors.vulnerableGroup}
          value={values.vulnerableGroup}
          choices={[
            { value: '', label: t('stakeholders.notVulnerable') },
            ...vulnerableGroups.map((group) => ({
              value: group,
              label: t(`stakeholders.vulnerable.${group}`),
            })),
          ]}
        />
        <ChoicesField
          name="interest"
          legend={t('stakeholders.field.interest')}
          hint={t('stakeholders.hint.interest')}
          error={errors.interest}
          type="radio"
          checked={values.interest ? [values.interest] : []}
          choices={ratings.map((value) => ({ value, label: value }))}
        />
        <ChoicesField
          name="influence"
          legend={t('stakeholders.field.influence')}
          hint={t('stakeholders.hint.influence')}
          error={errors.influence}
          type="radio"
          checked={values.influence ? [values.influence] : []}
          choices={ratings.map((value) => ({ value, label: value }))}
        />
        <ChoicesField
          name="engagement"
          legend={t('stakeholders.field.engagement')}
          hint={
            placed
              ? t('stakeholders.hint.suggested', {
                  quadrant: t(`stakeholders.quadrant.${quadrantOf(interest, influence)}`),
                  engagement: t(
                    `stakeholders.engagement.${suggestedEngagement(interest, influence)}`,
                  ),
                })
              : t('stakeholders.hint.engagement')
          }
          error={errors.engagement}
          type="radio"
          checked={values.engagement ? [values.engagement] : []}
          choices={engagementLevels.map((level) => ({
            value: level,
            label: t(`stakeholders.engagement.${level}`),
            hint: t(`stakeholders.engagementHint.${level}`),
          }))}
        />
        <TextAreaField
          name="needs"
          label={t('stakeholders.field.needs')}
          hint={t('stakeholders.hint.needs')}
          value={values.needs}
          error={errors.needs}
          maxLength={NEEDS_MAX}
          rows={3}
        />
        <SelectField
          name="ownerId"
          label={t('stakeholders.field.ownerId')}
          hint={t('stakeholders.hint.ownerId')}
          error={errors.ownerId}
          value={values.ownerId}
          choices={[
            { value: '', label: t('stakeholders.noOwner') },
            ...owners.map((owner) => ({ value: owner.id, label: owner.name })),
          ]}
        />
        <div class="actions">
          <button type="submit" class="button">
            {t('stakeholders.save')}
          </button>
          <a href={href}>{t('stakeholders.cancel')}</a>
        </div>
      </form>
      {stakeholderId && !gone && values.version !== undefined && (
        <form method="post" action={`${href}/${stakeholderId}/delete`}>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="version" value={values.version} />
          <button type="submit" class="button secondary">
            {t('stakeholders.delete')}
          </button>
        </form>
      )}
    </>
  );
}
