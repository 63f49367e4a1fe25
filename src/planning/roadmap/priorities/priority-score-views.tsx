// The form where a member scores an initiative: a group of radios per
// criterion, grouped by axis, their own earlier scores chosen; no script needed.
import { ChoicesField } from '../../../platform/http/choice-fields.tsx';
import { CsrfField, ErrorSummary, type FieldErrors } from '../../../platform/http/forms.tsx';
import type { Messages } from '../../../platform/i18n/messages.ts';
import { type Plan, PlanHeading } from '../../plans/index.ts';
import { axes, type Criterion, SCORE_MAX, SCORE_MIN } from './prioritisation.ts';
import { criterionLabel, scoreHref } from './priority-parts.tsx';
import type { ScoreProblem } from './priority-score-rules.ts';

/** The form's field for a criterion. */
export const scoreField = (key: string) => `score.${key}`;

export const scoreProblemText = (messages: Messages, problem: ScoreProblem) =>
  messages.t(`priorities.error.${problem.rule}`);

export function scoreFormErrors(
  messages: Messages,
  criteria: readonly Criterion[],
  problems: readonly ScoreProblem[],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of problems) {
    const criterion = criteria.find((entry) => entry.key === problem.field);
    errors[scoreField(problem.field)] ??=
      `${criterion ? criterionLabel(messages, criterion) : problem.field}: ${scoreProblemText(messages, problem)}`;
  }
  return errors;
}

const scale = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => String(SCORE_MIN + i));

export function ScoreFormView({
  messages,
  plan,
  initiative,
  criteria,
  values,
  errors,
  from,
  back,
  csrfToken,
}: {
  messages: Messages;
  plan: Plan;
  initiative: { id: string; title: string };
  criteria: readonly Criterion[];
  /** Scores as typed, or as the member last saved them, by criterion key. */
  values: Readonly<Record<string, string>>;
  errors: FieldErrors;
  /** The page the member came from, to go back to once saved. */
  from: 'priorities' | undefined;
  back: string;
  csrfToken: string | undefined;
}) {
  const { t } = messages;
  return (
    <>
      <PlanHeading
        messages={messages}
        plan={plan}
        current="roadmap"
        title={t('priorities.score.title', { title: initiative.title })}
      />
      <p class="lead">{t('priorities.score.intro')}</p>
      <ErrorSummary messages={messages} errors={errors} />
      <form method="post" action={scoreHref(plan.id, initiative.id)} novalidate>
        <CsrfField token={csrfToken} />
        {from && <input type="hidden" name="from" value={from} />}
        {axes.map((axis) => (
          <section key={axis} aria-labelledby={`axis-${axis}`}>
            <h2 id={`axis-${axis}`}>{t(`priorities.axis.${axis}`)}</h2>
            <p class="hint">{t(`priorities.axisHint.${axis}`)}</p>
            {criteria
              .filter((criterion) => criterion.axis === axis)
              .map((criterion) => (
                <ChoicesField
                  key={criterion.key}
                  name={scoreField(criterion.key)}
                  legend={criterionLabel(messages, criterion)}
                  hint={t('priorities.score.weight', { weight: messages.number(criterion.weight) })}
                  error={errors[scoreField(criterion.key)]}
                  type="radio"
                  checked={[values[criterion.key] ?? '']}
                  choices={[
                    ...scale.map((score) => ({
                      value: score,
                      label: t(`priorities.score.scale.${score}`),
                    })),
                    { value: '', label: t('priorities.score.none') },
                  ]}
                />
              ))}
          </section>
        ))}
        <div class="actions">
          <button type="submit" class="button">
            {t('priorities.score.save')}
          </button>
          <a href={back}>{t('priorities.cancel')}</a>
        </div>
      </form>
    </>
  );
}
