// The sign-in page.
import { ErrorSummary, type FieldErrors, TextField } from '../http/forms.tsx';
import type { Messages } from '../i18n/messages.ts';

export function SignInView({
  messages,
  next,
  email,
  errors,
}: {
  messages: Messages;
  next: string;
  email?: string;
  errors: FieldErrors;
}) {
  const { t } = messages;
  return (
    <div class="narrow">
      <ErrorSummary messages={messages} errors={errors} />
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      <form method="post" action="/sign-in" novalidate>
        <input type="hidden" name="next" value={next} />
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
    </div>
  );
}
