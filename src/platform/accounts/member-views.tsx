// The members pages: everyone with a role in the workspace, the form that
// adds a person, and one member's page to change their role or remove them.
import { ChoicesField, SelectField } from '../http/choice-fields.tsx';
import { CsrfField, ErrorSummary, type FieldErrors, TextField } from '../http/forms.tsx';
import type { Messages } from '../i18n/messages.ts';
import { roles } from './access.ts';
import { EMAIL_MAX, type MemberProblem, PERSON_NAME_MAX } from './member-rules.ts';
import type { MemberListing } from './member-store.ts';

export interface MemberFormValues {
  email?: string;
  name?: string;
  role?: string;
  agencyIds?: string[];
}

export function memberProblemText(messages: Messages, problem: MemberProblem): string {
  return messages.t(`members.error.${problem.rule}`, problem.values);
}

export function memberFormErrors(
  messages: Messages,
  problems: readonly MemberProblem[],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of problems)
    errors[problem.field] ??=
      `${messages.t(`members.field.${problem.field}`)}: ${memberProblemText(messages, problem)}`;
  return errors;
}

type Agencies = { id: string; name: string }[];

function RoleAndAgencies({
  messages,
  values,
  errors,
  agencies,
}: {
  messages: Messages;
  values: MemberFormValues;
  errors: FieldErrors;
  agencies: Agencies;
}) {
  const { t } = messages;
  return (
    <>
      <SelectField
        name="role"
        label={t('members.field.role')}
        error={errors.role}
        value={values.role ?? 'viewer'}
        choices={roles.map((role) => ({ value: role, label: t(`members.role.${role}`) }))}
      />
      <details open={values.role === 'focal_point' || Boolean(errors.agencyIds)}>
        <summary>{t('members.chooseAgencies')}</summary>
        <ChoicesField
          name="agencyIds"
          legend={t('members.field.agencyIds')}
          hint={t('members.hint.agencies')}
          type="checkbox"
          error={errors.agencyIds}
          checked={values.agencyIds ?? []}
          choices={agencies.map((agency) => ({ value: agency.id, label: agency.name }))}
        />
      </details>
    </>
  );
}

/** A link to choose a password, shown once to the admin who added a member without a mail server. */
export interface HandedLink {
  email: string;
  url: string;
  /** How many days the link works. */
  days: number;
}

function HandedLinkNotice({ messages, link }: { messages: Messages; link: HandedLink }) {
  return (
    <div class="notice">
      <p>{messages.t('members.handedLink', { email: link.email, days: link.days })}</p>
      <p>
        <code>{link.url}</code>
      </p>
    </div>
  );
}

export function MemberListView({
  messages,
  members,
  agencies,
  values,
  errors,
  csrfToken,
  handedLink,
}: {
  messages: Messages;
  members: MemberListing[];
  agencies: Agencies;
  values: MemberFormValues;
  errors: FieldErrors;
  csrfToken: string | undefined;
  handedLink?: HandedLink;
}) {
  const { t } = messages;
  return (
    <>
      <ErrorSummary messages={messages} errors={errors} />
      <h1>{t('members.title')}</h1>
      {handedLink && (
        <div class="notice">
          <p>{t('members.handedLink', { email: handedLink.email, days: handedLink.days })}</p>
          <p>
            <code>{handedLink.url}</code>
          </p>
        </div>
      )}
      <p class="lead">{t('members.intro')}</p>
      <p>
        <a href="/members/tokens">{t('apiTokens.link')}</a>
      </p>
      <table>
        <caption class="visually-hidden">{t('members.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('members.field.name')}</th>
            <th scope="col">{t('members.field.email')}</th>
            <th scope="col">{t('members.field.role')}</th>
            <th scope="col">{t('members.field.agencyIds')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.userId}>
              <th scope="row">
                <a href={`/members/${member.userId}`}>{member.name}</a>
                {!member.hasPassword && <span class="meta"> {t('members.noPasswordYet')}</span>}
              </th>
              <td>{member.email}</td>
              <td>{t(`members.role.${member.role}`)}</td>
              <td>{member.agencies.map((agency) => agency.name).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 id="add">{t('members.add')}</h2>
      <p>{t('members.addIntro')}</p>
      <form method="post" action="/members" novalidate class="narrow">
        <CsrfField token={csrfToken} />
        <TextField
          name="email"
          type="email"
          label={t('members.field.email')}
          value={values.email}
          maxLength={EMAIL_MAX}
          error={errors.email}
        />
        <TextField
          name="name"
          label={t('members.field.name')}
          value={values.name}
          maxLength={PERSON_NAME_MAX}
          error={errors.name}
        />
        <RoleAndAgencies messages={messages} values={values} errors={errors} agencies={agencies} />
        <button type="submit" class="button">
          {t('members.addSubmit')}
        </button>
      </form>
    </>
  );
}

export function MemberView({
  messages,
  member,
  agencies,
  values,
  errors,
  csrfToken,
  offerLink,
  handedLink,
}: {
  messages: Messages;
  member: MemberListing;
  agencies: Agencies;
  values: MemberFormValues;
  errors: FieldErrors;
  csrfToken: string | undefined;
  /** No mail server: the admin may make a link to choose a password and hand it on. */
  offerLink: boolean;
  handedLink?: HandedLink;
}) {
  const { t } = messages;
  return (
    <div class="narrow">
      <a class="back-link" href="/members">
        {t('members.back')}
      </a>
      <ErrorSummary messages={messages} errors={errors} />
      <h1>{member.name}</h1>
      <p>
        {member.email}
        {!member.hasPassword && <span class="meta"> {t('members.noPasswordYet')}</span>}
      </p>
      {handedLink && <HandedLinkNotice messages={messages} link={handedLink} />}
      {offerLink && !handedLink && (
        <form method="post" action={`/members/${member.userId}/password-link`}>
          <CsrfField token={csrfToken} />
          <p class="hint">{t('members.linkIntro')}</p>
          <button type="submit" class="button secondary">
            {t('members.linkSubmit')}
          </button>
        </form>
      )}
      <form method="post" action={`/members/${member.userId}`} novalidate>
        <CsrfField token={csrfToken} />
        <RoleAndAgencies messages={messages} values={values} errors={errors} agencies={agencies} />
        <button type="submit" class="button">
          {t('members.change')}
        </button>
      </form>
      <h2 id="member">{t('members.remove')}</h2>
      <p>{t('members.removeIntro', { name: member.name })}</p>
      <form method="post" action={`/members/${member.userId}/remove`}>
        <CsrfField token={csrfToken} />
        <button type="submit" class="button secondary">
          {t('members.removeSubmit', { name: member.name })}
        </button>
      </form>
    </div>
  );
}
