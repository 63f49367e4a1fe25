// The form that assesses one point of the star profile: its level, narrative
// and evidence slots (a web page or a baseline score each), with what another
// person saved in the meantime when a save came too late.
import { ChoicesField } from '../../platform/http/choice-fields.tsx';
import { CsrfField, ErrorSummary, type FieldErrors } from '../../platform/http/forms.tsx';
import { TextAreaField } from '../../platform/http/text-area-field.tsx';
import type { Messages } from '../../platform/i18n/messages.ts';
import { type Plan, PlanHeading } from '../plans/index.ts';
import type { ScoreChoice } from './star-lookup.ts';
import { modelText, type StarPoint, starLevels } from './star-model.ts';
import {
  EVIDENCE_MAX,
  EVIDENCE_TITLE_MAX,
  NARRATIVE_MAX,
  type StarPointState,
  type StarProblem,
  scoreKey,
  URL_MAX,
} from './star-rules.ts';
import { EvidenceItem, levelText, starHref } from './star-views.tsx';

/** One evidence slot of the form as typed. */
export interface EvidenceSlotValues {
  title: string;
  url: string;
  /** A scoreKey, or blank. */
  score: string;
}

export interface StarPointFormValues {
  level: string;
  narrative: string;
  evidence: EvidenceSlotValues[];
  version: string;
}

export function starProblemText(messages: Messages, problem: StarProblem): string {
  return messages.t(`starProfile.error.${problem.rule}`, problem.values);
}

/** The id of a field in the form: `evidence.2.url` is the input `evidence-2-url`. */
export const fieldId = (field: string) => field.replaceAll('.', '-');

/** Problems as the form shows them: one per field, the field's label first. */
export function starFormErrors(messages: Messages, problems: readonly StarProblem[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of problems) {
    const [field = '', index, part] = problem.field.split('.');
    const label =
      index === undefined
        ? messages.t(`starProfile.field.${field}`)
        : messages.t(`starProfile.evidence.${part}Of`, { n: Number(index) + 1 });
    errors[fieldId(problem.field)] ??= `${label}: ${starProblemText(messages, problem)}`;
  }
  return errors;
}

/** The form's values for a point as it stands, with blank slots to add evidence to. */
export function starFormValues(state: StarPointState): StarPointFormValues {
  return {
    level: state.level === null ? '' : String(state.level),
    narrative: state.narrative,
    evidence: state.evidence.map((evidence) =>
      evidence.type === 'link'
        ? { title: evidence.title, url: evidence.url, score: '' }
        : { title: '', url: '', score: scoreKey(evidence.roundId, evidence.code) },
    ),
    version: String(state.version),
  };
}

/** Blank slots after those filled in, so evidence can be added without JavaScript. */
export const BLANK_SLOTS = 2;

function EvidenceSlot({
  messages,
  index,
  values,
  errors,
  scores,
}: {
  messages: Messages;
  index: number;
  values: EvidenceSlotValues;
  errors: FieldErrors;
  scores: readonly ScoreChoice[];
}) {
  const { t } = messages;
  const n = index + 1;
  const input = (part: 'title' | 'url', maxLength: number) => {
    const id = `evidence-${index}-${part}`;
    const error = errors[id];
    return (
      <div class={error ? 'field field-error' : 'field'}>
        <label for={id}>{t(`starProfile.evidence.${part}Of`, { n })}</label>
        {error && (
          <p class="error-message" id={`${id}-error`}>
            {error}
          </p>
        )}
        <input
          id={id}
          name={part === 'title' ? 'evidenceTitle' : 'evidenceUrl'}
          type="text"
          inputMode={part === 'url' ? 'url' : undefined}
          spellcheck={part === 'url' ? false : undefined}
          value={values[part].slice(0, maxLength)}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
    );
  };
  const scoreId = `evidence-${index}-score`;
  const scoreError = errors[scoreId];
  const rounds = [...new Set(scores.map((choice) => choice.roundId))];
  const stale = values.score !== '' && !scores.some((choice) => choice.key === values.score);
  return (
    <fieldset class="field evidence-slot">
      <legend>{t('starProfile.evidence.slot', { n })}</legend>
      {input('title', EVIDENCE_TITLE_MAX)}
      {input('url', URL_MAX)}
      {(scores.length > 0 || stale) && (
        <div class={scoreError ? 'field field-error' : 'field'}>
          <label for={scoreId}>{t('starProfile.evidence.scoreOf', { n })}</label>
          <p class="hint" id={`${scoreId}-hint`}>
            {t('starProfile.hint.score')}
          </p>
          {scoreError && (
            <p class="error-message" id={`${scoreId}-error`}>
              {scoreError}
            </p>
          )}
          <select
            id={scoreId}
            name="evidenceScore"
            aria-invalid={scoreError ? 'true' : undefined}
            aria-describedby={[`${scoreId}-hint`, scoreError ? `${scoreId}-error` : '']
              .filter(Boolean)
              .join(' ')}
          >
            <option value="">{t('starProfile.evidence.noScore')}</option>
            {/* A score saved before its round stopped being a baseline stays visible, so a
                save refuses it by name rather than dropping it unseen. */}
            {stale && (
              <option value={values.score} selected>
                {t('starProfile.evidence.staleScore', { code: values.score.split('|')[1] ?? '' })}
              </option>
            )}
            {rounds.map((roundId) => {
              const inRound = scores.filter((choice) => choice.roundId === roundId);
              return (
                <optgroup key={roundId} label={inRound[0]?.roundName ?? ''}>
                  {inRound.map((choice) => (
                    <option
                      key={choice.key}
                      value={choice.key}
                      selected={choice.key === values.score}
                    >
                      {`${choice.depth === 1 ? '· ' : ''}${choice.code} ${choice.name}`}
                    </option>
                  ))}
                </optgroup>
              );
            })}
          </select>
        </div>
      )}
    </fieldset>
  );
}

export function StarPointFormView({
  messages,
  plan,
  point,
  values,
  errors,
  scores,
  conflict,
  scoreNames,
  csrfToken,
}: {
  messages: Messages;
  plan: Plan;
  point: StarPoint;
  values: StarPointFormValues;
  errors: FieldErrors;
  scores: readonly ScoreChoice[];
  /** The point as another person saved it while this form was open. */
  conflict?: StarPointState | undefined;
  scoreNames: ReadonlyMap<string, ScoreChoice>;
  csrfToken: string | undefined;
}) {
  const { t, language } = messages;
  const href = starHref(plan.id);
  const name = modelText(point.name, language);
  const slots = Math.min(EVIDENCE_MAX, values.evidence.length + BLANK_SLOTS);
  const blank = { title: '', url: '', score: '' };
  return (
    <>
      <PlanHeading messages={messages} plan={plan} current="star" title={name} />
      <p class="lead">{modelText(point.description, language)}</p>
      {conflict && (
        <div class="notice" role="alert">
          <h2>{t('starProfile.conflict.title')}</h2>
          <p>{t('starProfile.conflict.text')}</p>
          <dl>
            <dt>{t('starProfile.field.level')}</dt>
            <dd>{levelText(messages, conflict.level)}</dd>
            <dt>{t('starProfile.field.narrative')}</dt>
            <dd>{conflict.narrative || '—'}</dd>
            <dt>{t('starProfile.field.evidence')}</dt>
            <dd>
              {conflict.evidence.length === 0 ? (
                '—'
              ) : (
                <ul>
                  {conflict.evidence.map((evidence, index) => (
                    <li key={index}>
                      <EvidenceItem messages={messages} evidence={evidence} scores={scoreNames} />
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </dl>
        </div>
      )}
      <ErrorSummary messages={messages} errors={errors} />
      <form method="post" action={`${href}/${point.key}/edit`} novalidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="version" value={values.version} />
        <ChoicesField
          name="level"
          legend={t('starProfile.field.level')}
          error={errors.level}
          type="radio"
          checked={[values.level]}
          choices={[
            ...starLevels.map((level) => ({
              value: String(level.value),
              label: levelText(messages, level.value),
              hint: modelText(level.description, language),
            })),
            { value: '', label: t('starProfile.notAssessed') },
          ]}
        />
        <TextAreaField
          name="narrative"
          label={t('starProfile.field.narrative')}
          hint={t('starProfile.hint.narrative')}
          value={values.narrative}
          error={errors.narrative}
          maxLength={NARRATIVE_MAX}
        />
        <div id="evidence" class={errors.evidence ? 'field field-error' : undefined}>
          <h2>{t('starProfile.field.evidence')}</h2>
          <p class="hint">{t('starProfile.hint.evidence', { max: EVIDENCE_MAX })}</p>
          {errors.evidence && <p class="error-message">{errors.evidence}</p>}
          {Array.from({ length: slots }, (_, index) => (
            <EvidenceSlot
              key={index}
              messages={messages}
              index={index}
              values={values.evidence[index] ?? blank}
              errors={errors}
              scores={scores}
            />
          ))}
        </div>
        <div class="actions">
          <button type="submit" class="button">
            {t('starProfile.save')}
          </button>
          <a href={href}>{t('starProfile.cancel')}</a>
        </div>
      </form>
      {values.version !== '0' && (
        <form method="post" action={`${href}/${point.key}/clear`}>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="version" value={values.version} />
          <button type="submit" class="button secondary">
            {t('starProfile.clear')}
          </button>
        </form>
      )}
    </>
  );
}
