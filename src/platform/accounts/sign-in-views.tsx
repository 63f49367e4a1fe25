// The sign-in page.
import { ErrorSummary, type FieldErrors, TextField } from '../http/forms.tsx';
import type { Messages } from '../i18n/messages.ts';

export function SignInView({
  messages,
  next,
  formToken,
  email,
  errors,
  organisationSignIn,
}: {
  messages: Messages;
  next: string;
  /** Proves the form came from this site (login CSRF); see sign-in-routes.tsx. */
  formToken: string;
  email?: string;
  errors: FieldErrors;
  /** Whether the organisation's OpenID Connect provider is set up. */
  organisationSignIn: boolean;
}) {
  const { t } = messages;
  return (
    <div class="narrow">
      <ErrorSummary messages={messages} errors={errors} />
      <h1>{t('signIn.title')}</h1>
      {organisationSignIn && (
        <>
          <p>
            <a class="button" href={`/sign-in/oidc?next=${encodeURIComponent(next)}`}>
              {t('oidc.signIn')}
            </a>
          </p>
          <p>{t('oidc.or')}</p>
        </>
      )}
      <p>{t('signIn.intro')}</p>
      <form method="post" action="/sign-in" novalidate>
        <input type="hidden" name="next" value={next} />
        <input type="hidden" name="_csrf" value={formToken} />
        <TextField
          name="email"
          type="email"
          label={t('signIn.email')}
          value={email}
          error={errors.email}
          autocomplete="username"
        />
        <TextField
          name="password"
          type="password"
          label={t('signIn.password')}
          error={errors.password}
          autocomplete="current-password"
        />
        <button type="submit" class="button">
          {t('signIn.submit')}
        </button>
      </form>
      <p>
        <a href="/forgot-password">{t('passwordReset.forgot')}</a>
      </p>
    </div>
  );
}
