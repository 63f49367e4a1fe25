// A text area laid out like TextField: label, hint, the error beside it.
import { ECHO_MAX } from './forms.tsx';

export function TextAreaField({
  name,
  label,
  hint,
  value,
  error,
  rows = 5,
  maxLength = ECHO_MAX,
}: {
  name: string;
  label: string;
  hint?: string | undefined;
  value?: string | undefined;
  error?: string | undefined;
  rows?: number;
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
      <textarea
        id={name}
        name={name}
        rows={rows}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      >
        {value?.slice(0, maxLength) ?? ''}
      </textarea>
    </div>
  );
}
