// Form fields that offer choices, laid out like TextField (label, hint, error
// beside the field): a select, and a group of radios or checkboxes.

interface Choice {
  value: string;
  label: string;
  hint?: string;
}

function describedBy(name: string, hint?: string, error?: string) {
  return (
    [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') ||
    undefined
  );
}

function HintAndError({ name, hint, error }: { name: string; hint?: string; error?: string }) {
  return (
    <>
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
    </>
  );
}

export function SelectField({
  name,
  label,
  hint,
  error,
  value,
  choices,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value?: string;
  choices: Choice[];
}) {
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={name}>{label}</label>
      <HintAndError name={name} hint={hint} error={error} />
      <select
        id={name}
        name={name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, hint, error)}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value} selected={choice.value === value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Radios (one choice) or checkboxes (several) under one legend. The first
 * input carries the field's id, so the error summary's link lands on it.
 */
export function ChoicesField({
  name,
  legend,
  hint,
  error,
  type,
  checked,
  choices,
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  type: 'radio' | 'checkbox';
  checked: readonly string[];
  choices: Choice[];
}) {
  return (
    <fieldset
      class={error ? 'field field-error' : 'field'}
      aria-describedby={describedBy(name, hint, error)}
    >
      <legend>{legend}</legend>
      <HintAndError name={name} hint={hint} error={error} />
      <div class="choices">
        {choices.map((choice, index) => {
          const id = index === 0 ? name : `${name}-${index}`;
          return (
            <div class="choice" key={choice.value}>
              <input
                type={type}
                id={id}
                name={name}
                value={choice.value}
                checked={checked.includes(choice.value)}
              />
              <label for={id}>
                {choice.label}
                {choice.hint && <span class="hint">{choice.hint}</span>}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
