// Choosing a new password, the same wherever it happens (first admin, reset):
// the rule it must meet and the two fields it is typed in.
import { z } from 'zod';
import { type FieldErrors, TextField } from '../http/forms.tsx';
import type { Messages } from '../i18n/messages.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords.ts';

export const newPasswordFields = {
  password: z.string().max(MAX_PASSWORD_LENGTH).default(''),
  confirmPassword: z.string().max(MAX_PASSWORD_LENGTH).default(''),
};

export function newPasswordErrors(
  form: { password: string; confirmPassword: string },
  t: Messages['t'],
): FieldErrors {
  if (form.password.length < MIN_PASSWORD_LENGTH) {
    return { password: t('setup.error.passwordShort', { min: MIN_PASSWORD_LENGTH }) };
  }
  if (form.confirmPassword !== form.password)
    return { confirmPassword: t('setup.error.passwordsDiffer') };
  return {};
}

export function NewPasswordFields({
  messages,
  label,
  errors,
}: {
  messages: Messages;
  label: string;
  errors: FieldErrors;
}) {
  const { t } = messages;
  return (
    <>
      <TextField
        name="password"
        type="password"
        label={label}
        hint={t('setup.passwordHint', { min: MIN_PASSWORD_LENGTH })}
        error={errors.password}
        autocomplete="new-password"
      />
      <TextField
        name="confirmPassword"
        type="password"
        label={t('setup.confirmPassword')}
        error={errors.confirmPassword}
        autocomplete="new-password"
      />
    </>
  );
}
