// Setting up the first admin through the one-time link printed at first start.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { App, FeatureDeps } from '../http/feature.ts';
import { ErrorSummary, type FieldErrors, TextField } from '../http/forms.tsx';
import { sendPage } from '../http/page.tsx';
import { workspaceOf } from '../http/request-workspace.ts';
import type { Messages } from '../i18n/messages.ts';
import { createSession } from './account-store.ts';
import { createAdmin, hasAdmin, isSetupTokenValid, spendSetupToken } from './first-admin.ts';
import { NewPasswordFields, newPasswordErrors, newPasswordFields } from './new-password.tsx';
import { setSessionCookie } from './sign-in-routes.tsx';

const tokenParams = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'must be a setup link token'),
});
const setupForm = z.object({
  name: z.string().trim().max(200).default(''),
  email: z.string().trim().max(320).default(''),
  ...newPasswordFields,
});
type SetupForm = z.infer<typeof setupForm>;

function formErrors(form: SetupForm, t: Messages['t']): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.name) errors.name = t('setup.error.nameMissing');
  if (!z.email().safeParse(form.email).success) errors.email = t('setup.error.emailInvalid');
  return { ...errors, ...newPasswordErrors(form, t) };
}

function SetupView({
  messages,
  token,
  form,
  errors,
}: {
  messages: Messages;
  token: string;
  form?: SetupForm;
  errors: FieldErrors;
}) {
  const { t } = messages;
  return (
    <div class="narrow">
      <ErrorSummary messages={messages} errors={errors} />
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <form method="post" action={`/setup/${token}`} novalidate>
        <TextField
          name="name"
          label={t('setup.name')}
          value={form?.name}
          error={errors.name}
          autocomplete="name"
        />
        <TextField
          name="email"
          type="email"
          label={t('setup.email')}
          value={form?.email}
          error={errors.email}
          autocomplete="username"
        />
        <NewPasswordFields messages={messages} label={t('setup.password')} errors={errors} />
        <button type="submit" class="button">
          {t('setup.submit')}
        </button>
      </form>
    </div>
  );
}

export async function setupRoutes(app: App, { database }: FeatureDeps) {
  async function requireUsableLink(request: FastifyRequest, token: string) {
    const workspace = workspaceOf(request);
    if (
      (await hasAdmin(database.db, workspace.id)) ||
      !(await isSetupTokenValid(database.db, token))
    ) {
      throw new AppError(
        'gone',
        'This setup link has been used, has expired, or an admin already exists',
      );
    }
    return workspace;
  }

  app.get(
    '/setup/:token',
    { schema: { hide: true, params: tokenParams }, config: { access: 'public' } },
    async (request, reply) => {
      const _workspace = await requireUsableLink(request, request.params.token);
      return sendPage(request, reply, {
        title: request.messages.t('setup.title'),
        body: <SetupView messages={request.messages} token={request.params.token} errors={{}} />,
      });
    },
  );

  app.post(
    '/setup/:token',
    { schema: { hide: true, params: tokenParams, body: setupForm }, config: { access: 'public' } },
    async (request, reply) => {
      const workspace = await requireUsableLink(request, request.params.token);
      const errors = formErrors(request.body, request.messages.t);
      if (Object.keys(errors).length > 0) {
        return sendPage(request, reply.status(400), {
          title: request.messages.t('setup.title'),
          body: (
            <SetupView
              messages={request.messages}
              token={request.params.token}
              form={request.body}
              errors={errors}
            />
          ),
        });
      }
      // Spending the link first means two submissions race for it and one loses.
      if (!(await spendSetupToken(database.db, request.params.token))) {
        throw new AppError('gone', 'This setup link has just been used');
      }
      const { name, email, password } = request.body;
      const userId = await createAdmin(
        database.db,
        workspace.id,
        { name, email, password },
        { system: 'setup link' },
      );
      const session = await createSession(database.db, userId);
      setSessionCookie(reply, session.token, session.expiresAt);
      return reply.redirect('/', 303);
    },
  );
}
