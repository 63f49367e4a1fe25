// The admins' API tokens page: the workspace's tokens with their state and a
// button to revoke each, the form that makes one, and a new token, shown once.
import { ChoicesField, SelectField } from '../http/choice-fields.tsx';
import { CsrfField, ErrorSummary, type FieldErrors, TextField } from '../http/forms.tsx';
import type { Messages } from '../i18n/messages.ts';
import { tokenRoles } from './access.ts';
import type { ApiTokenListing } from './api-token-store.ts';
import { expiryChoices, NAME_MAX, type TokenProblem, tokenState } from './api-tokens.ts';

export interface TokenFormValues {
  name?: string;
  role?: string;
  expires?: string;
  expiresOn?: string;
}

export function tokenFormErrors(
  messages: Messages,
  problems: readonly TokenProblem[],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of problems)
    errors[problem.field] ??= `${messages.t(`apiTokens.field.${problem.field}`)}: ${messages.t(
      `apiTokens.error.${problem.rule}`,
      problem.values,
    )}`;
  return errors;
}

/** A token just made: its secret, which the page shows this once. */
export interface NewToken {
  name: string;
  token: string;
  expiresAt: Date;
}

function dateTime(messages: Messages, value: Date): string {
  return `${new Intl.DateTimeFormat(messages.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(value)} UTC`;
}

function TokenTable({
  messages,
  tokens,
  now,
}: {
  messages: Messages;
  tokens: ApiTokenListing[];
  now: Date;
}) {
  const { t } = messages;
  if (tokens.length === 0) return <p>{t('apiTokens.none')}</p>;
  return (
    <table>
      <caption class="visually-hidden">{t('apiTokens.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('apiTokens.field.name')}</th>
          <th scope="col">{t('apiTokens.field.role')}</th>
          <th scope="col">{t('apiTokens.madeBy')}</th>
          <th scope="col">{t('apiTokens.expiresColumn')}</th>
          <th scope="col">{t('apiTokens.lastUsed')}</th>
          <th scope="col">{t('apiTokens.state')}</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => {
          const state = tokenState(token, now);
          return (
            <tr key={token.id}>
              <th scope="row">{token.name}</th>
              <td>{t(`members.role.${token.role}`)}</td>
              <td>
                {token.createdBy}, {messages.date(token.createdAt)}
              </td>
              <td>{dateTime(messages, token.expiresAt)}</td>
              <td>
                {token.lastUsedAt ? dateTime(messages, token.lastUsedAt) : t('apiTokens.neverUsed')}
              </td>
              <td>
                {t(`apiTokens.state.${state}`)}
                {state === 'active' && (
                  <>
                    {' '}
                    <a href={`/members/tokens/${token.id}/revoke`}>
                      {t('apiTokens.revokeLink', { name: token.name })}
                    </a>
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function ApiTokensView({
  messages,
  tokens,
  values,
  errors,
  csrfToken,
  newToken,
  revoked,
  now,
}: {
  messages: Messages;
  tokens: ApiTokenListing[];
  values: TokenFormValues;
  errors: FieldErrors;
  csrfToken: string | undefined;
  newToken?: NewToken;
  /** The name of a token revoked just before. */
  revoked?: string;
  now: Date;
}) {
  const { t } = messages;
  return (
    <>
      <a class="back-link" href="/members">
        {t('members.back')}
      </a>
      <ErrorSummary messages={messages} errors={errors} />
      <h1>{t('apiTokens.title')}</h1>
      {newToken && (
        <div class="notice">
          <h2>{t('apiTokens.created', { name: newToken.name })}</h2>
          <p>{t('apiTokens.copyNow', { expires: dateTime(messages, newToken.expiresAt) })}</p>
          <p class="secret-link">
            <code data-testid="new-token">{newToken.token}</code>
          </p>
        </div>
      )}
      {revoked !== undefined && <p class="notice">{t('apiTokens.revoked', { name: revoked })}</p>}
      <p class="lead">{t('apiTokens.intro')}</p>
      <p>{t('apiTokens.howToUse')}</p>
      <pre class="secret-link">
        <code>
          {
            'curl -H "Authorization: Bearer $TRANSFORMA_TOKEN" https://transforma.example/api/agencies'
          }
        </code>
      </pre>
      <p>{t('apiTokens.bounds')}</p>
      <TokenTable messages={messages} tokens={tokens} now={now} />

      <h2 id="make">{t('apiTokens.make')}</h2>
      <form method="post" action="/members/tokens" novalidate class="narrow">
        <CsrfField token={csrfToken} />
        <TextField
          name="name"
          label={t('apiTokens.field.name')}
          hint={t('apiTokens.hint.name')}
          value={values.name}
          maxLength={NAME_MAX}
          error={errors.name}
        />
        <SelectField
          name="role"
          label={t('apiTokens.field.role')}
          hint={t('apiTokens.hint.role')}
          error={errors.role}
          value={values.role ?? 'viewer'}
          choices={tokenRoles.map((role) => ({ value: role, label: t(`members.role.${role}`) }))}
        />
        <ChoicesField
          name="expires"
          legend={t('apiTokens.field.expires')}
          type="radio"
          error={errors.expires}
          checked={[values.expires ?? '90']}
          choices={[
            ...expiryChoices.map((days) => ({
              value: String(days),
              label: t('apiTokens.expiresIn', { days }),
            })),
            { value: 'date', label: t('apiTokens.expiresOnDate') },
          ]}
        />
        <TextField
          name="expiresOn"
          type="date"
          label={t('apiTokens.field.expiresOn')}
          hint={t('apiTokens.hint.expiresOn')}
          value={values.expiresOn}
          error={errors.expiresOn}
        />
        <button type="submit" class="button">
          {t('apiTokens.submit')}
        </button>
      </form>
    </>
  );
}

/** Asks before revoking: programs that send the token are refused from then on. */
export function RevokeTokenView({
  messages,
  token,
  csrfToken,
}: {
  messages: Messages;
  token: ApiTokenListing;
  csrfToken: string | undefined;
}) {
  const { t } = messages;
  return (
    <div class="narrow">
      <a class="back-link" href="/members/tokens">
        {t('apiTokens.back')}
      </a>
      <h1>{t('apiTokens.revokeTitle', { name: token.name })}</h1>
      <p>
        {t('apiTokens.revokeWhat', {
          role: t(`members.role.${token.role}`),
          lastUsed: token.lastUsedAt
            ? dateTime(messages, token.lastUsedAt)
            : t('apiTokens.neverUsed'),
        })}
      </p>
      <p>{t('apiTokens.revokeIntro')}</p>
      <form method="post" action={`/members/tokens/${token.id}/revoke`}>
        <CsrfField token={csrfToken} />
        <button type="submit" class="button">
          {t('apiTokens.revoke', { name: token.name })}
        </button>{' '}
        <a href="/members/tokens">{t('apiTokens.keep')}</a>
      </form>
    </div>
  );
}
