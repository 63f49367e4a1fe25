// Form parts every page uses the same way: the error summary at the top, a text
// field with its error beside it, and the hidden CSRF token of a session.
import type { Messages } from '../i18n/messages.ts';

/** Field errors by field name, already in the reader's language. */
export type FieldErrors = Record<string, string>;

export function ErrorSummary({ messages, errors }: { messages: Messages; errors: FieldErrors }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{messages.t('form.errorSummary')}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The most of a refused value a form gives back when it has no limit of its own:
 * a paste of megabytes must not come back whole in the page.
 */
export const ECHO_MAX = 10_000;

export function TextField({
  name,
  label,
  hint,
  value,
  error,
  type = 'text',
  autocomplete,
  maxLength = ECHO_MAX,
}: {
  name: string;
  label: string;
  hint?: string;
  value?: string;
  error?: string;
  type?: 'text' | 'email' | 'password' | 'date';
  autocomplete?: string;
  /** The longest value the field accepts: what was typed is given back up to it. */
  maxLength?: number;
}) {
  const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={name}>{label}</label>
      {hint && (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error-message" id={`${name}-error`}>
          {error}
        </p>
      )}
      <input
        id={name}
        name={name}
        type={type}
        value={type === 'password' ? undefined : value?.slice(0, maxLength)}
        autocomplete={autocomplete}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        spellcheck={type === 'email' || type === 'password' ? false : undefined}
      />
    </div>
  );
}

/** A posted field's value: a form may send a name twice (the first counts) or not at all. */
export function formValue(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

export function CsrfField({ token }: { token: string | undefined }) {
  return token ? <input type="hidden" name="_csrf" value={token} /> : null;
}
