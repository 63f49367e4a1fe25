// "Forgot your password?": ask for a reset link by email, then choose a new
// password through it. The request page answers the same whether or not the
// address has an account, and is rate-limited like sign-in.
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { App, FeatureDeps } from '../http/feature.ts';
import { ErrorSummary, type FieldErrors, TextField } from '../http/forms.tsx';
import { sendPage } from '../http/page.tsx';
import { workspaceOf } from '../http/request-workspace.ts';
import type { Messages } from '../i18n/messages.ts';
import { NewPasswordFields, newPasswordErrors, newPasswordFields } from './new-password.tsx';
import {
  isResetLinkUsable,
  RESET_LINK_MINUTES,
  requestPasswordReset,
  resetPassword,
} from './password-reset.ts';

// Reset requests per client address per minute: a person needs one or two;
// more would let someone flood an inbox or probe for accounts.
export const RESET_REQUESTS_PER_MINUTE = 5;

const requestForm = z.object({ email: z.string().trim().max(320).default('') });
const tokenParams = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'must be a reset link token'),
});
const newPasswordForm = z.object({
  ...newPasswordFields,
});

function RequestView({
  messages,
  email,
  errors,
}: {
  messages: Messages;
  email?: string;
  errors: FieldErrors;
}) {
  const { t } = messages;
  return (
    <div class="narrow">
      <ErrorSummary messages={messages} errors={errors} />
      <h1>{t('passwordReset.title')}</h1>
      <p>{t('passwordReset.intro', { minutes: RESET_LINK_MINUTES })}</p>
      <form method="post" action="/forgot-password" novalidate>
        <TextField
          name="email"
          type="email"
          label={t('signIn.email')}
          value={email}
          error={errors.email}
          autocomplete="username"
        />
        <button type="submit" class="button">
          {t('passwordReset.send')}
        </button>
      </form>
    </div>
  );
}

function NewPasswordView({
  messages,
  token,
  errors,
}: {
  messages: Messages;
  token: string;
  errors: FieldErrors;
}) {
  const { t } = messages;
  return (
    <div class="narrow">
      <ErrorSummary messages={messages} errors={errors} />
      <h1>{t('passwordReset.newTitle')}</h1>
      <p>{t('passwordReset.newIntro')}</p>
      <form method="post" action={`/reset-password/${token}`} novalidate>
        <NewPasswordFields
          messages={messages}
          label={t('passwordReset.newPassword')}
          errors={errors}
        />
        <button type="submit" class="button">
          {t('passwordReset.save')}
        </button>
      </form>
    </div>
  );
}

function linkGone() {
  return new AppError('gone', 'This reset link has been used or has expired; ask for a new one');
}

export async function passwordResetRoutes(app: App, { database, mail }: FeatureDeps) {
  // The reset pages carry a secret in their address: never cached, never sent on as a referrer.
  const privately = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };

  app.get(
    '/forgot-password',
    { schema: { hide: true }, config: { access: 'public' } },
    async (request, reply) => {
      const _workspace = workspaceOf(request);
      return sendPage(request, reply, {
        title: request.messages.t('passwordReset.title'),
        body: <RequestView messages={request.messages} errors={{}} />,
      });
    },
  );

  app.post(
    '/forgot-password',
    {
      schema: { hide: true, body: requestForm },
      config: {
        access: 'public',
        rateLimit: { max: RESET_REQUESTS_PER_MINUTE, timeWindow: '1 minute' },
      },
    },
    async (request, reply) => {
      const { t } = request.messages;
      const { email } = request.body;
      const _workspace = workspaceOf(request);
      if (!z.email().safeParse(email).success) {
        return sendPage(request, reply.status(400), {
          title: t('passwordReset.title'),
          body: (
            <RequestView
              messages={request.messages}
              email={email}
              errors={{ email: t('setup.error.emailInvalid') }}
            />
          ),
        });
      }
      // Only once the answer has gone, so its timing is the same with or without an account.
      app.afterReply.schedule(
        reply,
        () => requestPasswordReset({ database, mail, email, messages: request.messages }),
        (error) => request.log.error({ err: error }, 'A password reset request failed'),
      );
      // Without a mail server no link can reach anyone: say so, never "check your email";
      // an admin can hand a link on (the members page).
      const title = t(
        mail.mailer.delivers ? 'passwordReset.sentTitle' : 'passwordReset.noMailTitle',
      );
      return sendPage(request, reply, {
        title,
        body: (
          <div class="narrow">
            <h1>{title}</h1>
            <p>
              {t(mail.mailer.delivers ? 'passwordReset.sent' : 'passwordReset.noMail', {
                email,
                minutes: RESET_LINK_MINUTES,
              })}
            </p>
            <p>
              <a href="/sign-in">{t('passwordReset.backToSignIn')}</a>
            </p>
          </div>
        ),
      });
    },
  );

  app.get(
    '/reset-password/:token',
    { schema: { hide: true, params: tokenParams }, config: { access: 'public' } },
    async (request, reply) => {
      if (!(await isResetLinkUsable(database.db, request.params.token))) throw linkGone();
      const _workspace = workspaceOf(request);
      return sendPage(request, reply.headers(privately), {
        title: request.messages.t('passwordReset.newTitle'),
        body: (
          <NewPasswordView messages={request.messages} token={request.params.token} errors={{}} />
        ),
      });
    },
  );

  app.post(
    '/reset-password/:token',
    {
      schema: { hide: true, params: tokenParams, body: newPasswordForm },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const { t } = request.messages;
      const { token } = request.params;
      const { password, confirmPassword } = request.body;
      if (!(await isResetLinkUsable(database.db, token))) throw linkGone();
      const _workspace = workspaceOf(request);
      const errors = newPasswordErrors({ password, confirmPassword }, t);
      if (Object.keys(errors).length > 0) {
        return sendPage(request, reply.status(400).headers(privately), {
          title: t('passwordReset.newTitle'),
          body: <NewPasswordView messages={request.messages} token={token} errors={errors} />,
        });
      }
      if (!(await resetPassword(database, token, password))) throw linkGone();
      return sendPage(request, reply.headers(privately), {
        title: t('passwordReset.doneTitle'),
        body: (
          <div class="narrow">
            <h1>{t('passwordReset.doneTitle')}</h1>
            <p>{t('passwordReset.done')}</p>
            <p>
              <a class="button" href="/sign-in">
                {t('signIn.submit')}
              </a>
            </p>
          </div>
        ),
      });
    },
  );
}
