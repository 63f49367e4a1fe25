// The analysis pages of a plan: the SWOT in its four quadrants, the draft
// proposals drawn from the baseline round, the PESTLE matrix and list, and
// the forms that add and edit an entry or a factor (with what another person
// saved in the meantime, when a save came too late).
import { SelectField } from '../../platform/http/choice-fields.tsx';
import { CsrfField, ErrorSummary, type FieldErrors } from '../../platform/http/forms.tsx';
import type { Messages } from '../../platform/i18n/messages.ts';
import { type Plan, PlanHeading } from '../plans/index.ts';
import {
  horizons,
  type PestleFields,
  pestleHeadings,
  pestleLevels,
  pestleMatrix,
  trends,
} from './pestle-rules.ts';
import type { PestleFactor } from './pestle-store.ts';
import type { SwotProposal } from './swot-proposals.ts';
import {
  type AnalysisProblem,
  type EvidenceLink,
  importanceLevels,
  swotQuadrants,
  TEXT_MAX,
} from './swot-rules.ts';
import type { SwotEntry } from './swot-store.ts';

/** What a link points at, in words, and where to read it; undefined when it no longer exists. */
export type DescribeEvidence = (link: EvidenceLink) => { text: string; href?: string } | undefined;

/** The choices of the link field, in groups. */
export interface EvidenceChoices {
  groups: { label: string; options: { value: string; label: string }[] }[];
}

export function problemErrors(messages: Messages, problems: readonly AnalysisProblem[]) {
  const errors: FieldErrors = {};
  for (const problem of problems)
    errors[problem.field] ??= `${messages.t(`analysis.field.${problem.field}`)}: ${messages.t(
      `analysis.error.${problem.rule}`,
      problem.values,
    )}`;
  return errors;
}

function Evidence({ link, describe }: { link: EvidenceLink | null; describe: DescribeEvidence }) {
  if (!link) return null;
  const described = describe(link);
  if (!described) return null;
  return described.href ? <a href={described.href}>{described.text}</a> : described.text;
}

function Exports({ messages, base }: { messages: Messages; base: string }) {
  const { t } = messages;
  return (
    <p class="actions">
      <a class="button secondary" href={`${base}.csv`} download>
        {t('analysis.export.csv')}
      </a>
      <a class="button secondary" href={`${base}.xlsx`} download>
        {t('analysis.export.xlsx')}
      </a>
    </p>
  );
}

export function SwotView({
  messages,
  plan,
  entries,
  describe,
  mayEdit,
}: {
  messages: Messages;
  plan: Plan;
  entries: readonly SwotEntry[];
  describe: DescribeEvidence;
  mayEdit: boolean;
}) {
  const { t } = messages;
  return (
    <>
      <PlanHeading messages={messages} plan={plan} current="swot" title={t('swot.title')} />
      <p class="lead">{t('swot.intro')}</p>
      {mayEdit && (
        <p class="actions">
          <a class="button" href={`/plans/${plan.id}/swot/draft`}>
            {t('swot.draft.open')}
          </a>
        </p>
      )}
      <div class="columns swot">
        {swotQuadrants.map((quadrant) => {
          const inQuadrant = entries.filter((entry) => entry.quadrant === quadrant);
          return (
            <section key={quadrant} aria-labelledby={`swot-${quadrant}`}>
              <h2 id={`swot-${quadrant}`}>{t(`swot.quadrant.${quadrant}`)}</h2>
              {inQuadrant.length === 0 ? (
                <p>{t('swot.none')}</p>
              ) : (
                <ol>
                  {inQuadrant.map((entry) => (
                    <li key={entry.id}>
                      {entry.text}{' '}
                      <span class="tag">{t(`analysis.level.${entry.importance}`)}</span>
                      {entry.evidence && describe(entry.evidence) && (
                        <span class="hint">
                          {' '}
                          {t('swot.evidence')}:{' '}
                          <Evidence link={entry.evidence} describe={describe} />
                        </span>
                      )}
                      {mayEdit && (
                        <>
                          {' '}
                          <a href={`/plans/${plan.id}/swot/${entry.id}/edit`}>
                            {t('analysis.edit')}
                            <span class="visually-hidden">: {entry.text}</span>
                          </a>
                        </>
                      )}
                    </li>
                  ))}
                </ol>
              )}
              {mayEdit && (
                <p>
                  <a href={`/plans/${plan.id}/swot/new?quadrant=${quadrant}`}>
                    {t(`swot.add.${quadrant}`)}
                  </a>
                </p>
              )}
            </section>
          );
        })}
      </div>
      <Exports messages={messages} base={`/plans/${plan.id}/swot`} />
    </>
  );
}

/** The sentence a proposal is shown with, and its text when accepted as it stands. */
export function proposalText(
  messages: Messages,
  proposal: SwotProposal,
  names: { subject: string; level?: string },
): string {
  const score = (value: number | undefined) =>
    messages.number(value ?? 0, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const { numbers } = proposal;
  return messages.t(`swot.proposal.${proposal.rule}`, {
    subject: names.subject,
    level: names.level ?? '',
    score: score(numbers.score),
    overall: score(numbers.overall),
    dimension: score(numbers.dimension),
    gap: score(numbers.gap),
    peers: score(numbers.peers),
    peerCount: numbers.peerCount ?? 0,
    selfAssessment: score(numbers.selfAssessment),
    consensus: score(numbers.consensus),
  });
}

export function SwotDraftView({
  messages,
  plan,
  proposals,
  dropped,
  describe,
  csrfToken,
  errors,
  noBaseline,
}: {
  messages: Messages;
  plan: Plan;
  proposals: readonly { proposal: SwotProposal; text: string; roundName: string }[];
  dropped: readonly string[];
  describe: DescribeEvidence;
  csrfToken: string | undefined;
  errors: Record<string, FieldErrors>;
  noBaseline: boolean;
}) {
  const { t } = messages;
  return (
    <>
      <PlanHeading messages={messages} plan={plan} current="swot" title={t('swot.draft.title')} />
      <p class="lead">{t('swot.draft.intro')}</p>
      <p>
        <a href={`/plans/${plan.id}/swot`}>{t('swot.draft.back')}</a>
      </p>
      {noBaseline ? (
        <p>{t('swot.draft.noBaseline')}</p>
      ) : proposals.length === 0 ? (
        <p>{t('swot.draft.none')}</p>
      ) : (
        <ol class="proposals">
          {proposals.map(({ proposal, text, roundName }, index) => {
            const id = `proposal-${index}`;
            const error = errors[proposal.key];
            return (
              <li key={proposal.key}>
                <h2 id={`${id}-title`}>
                  {t(`swot.quadrant.${proposal.quadrant}`)} · {roundName}
                </h2>
                <p>
                  {t('swot.evidence')}: <Evidence link={proposal.evidence} describe={describe} />
                </p>
                {error && <ErrorSummary messages={messages} errors={error} />}
                <form method="post" action={`/plans/${plan.id}/swot/draft`} novalidate>
                  <CsrfField token={csrfToken} />
                  <input type="hidden" name="proposalKey" value={proposal.key} />
                  {dropped.map((key) => (
                    <input key={key} type="hidden" name="dropped" value={key} />
                  ))}
                  <div class={error?.text ? 'field field-error' : 'field'}>
                    <label for={`${id}-text`}>{t('analysis.field.text')}</label>
                    <textarea id={`${id}-text`} name="text" rows={3} maxLength={TEXT_MAX}>
                      {text}
                    </textarea>
                  </div>
                  <LevelSelect
                    messages={messages}
                    id={`${id}-importance`}
                    name="importance"
                    label={t('analysis.field.importance')}
                    value={proposal.importance}
                  />
                  <button type="submit" class="button">
                    {t('swot.draft.accept')}
                  </button>
                </form>
                <form method="get" action={`/plans/${plan.id}/swot/draft`}>
                  {[...dropped, proposal.key].map((key) => (
                    <input key={key} type="hidden" name="dropped" value={key} />
                  ))}
                  <button type="submit" class="button secondary">
                    {t('swot.draft.drop')}
                    <span class="visually-hidden">: {text}</span>
                  </button>
                </form>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}

function LevelSelect({
  messages,
  id,
  name,
  label,
  value,
}: {
  messages: Messages;
  id: string;
  name: string;
  label: string;
  value: string;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={name}>
        {importanceLevels.map((level) => (
          <option key={level} value={level} selected={level === value}>
            {messages.t(`analysis.level.${level}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A SWOT entry's fields as typed. */
export interface SwotFormValues {
  quadrant?: string;
  text?: string;
  importance?: string;
  evidence?: string;
  version?: string;
}

function Conflict({ messages, children }: { messages: Messages; children: unknown }) {
  const { t } = messages;
  return (
    <div class="notice" role="alert">
      <h2>{t('analysis.conflict.title')}</h2>
      <p>{t('analysis.conflict.text')}</p>
      {children}
    </div>
  );
}

function DeleteForm({
  messages,
  action,
  version,
  csrfToken,
}: {
  messages: Messages;
  action: string;
  version: string | undefined;
  csrfToken: string | undefined;
}) {
  if (version === undefined) return null;
  return (
    <form method="post" action={action}>
      <CsrfField token={csrfToken} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" class="button secondary">
        {messages.t('analysis.delete')}
      </button>
    </form>
  );
}

export function SwotFormView({
  messages,
  plan,
  action,
  deleteAction,
  values,
  errors,
  evidenceChoices,
  conflict,
  describe,
  csrfToken,
}: {
  messages: Messages;
  plan: Plan;
  action: string;
  deleteAction?: string | undefined;
  values: SwotFormValues;
  errors: FieldErrors;
  evidenceChoices: EvidenceChoices;
  conflict?: SwotEntry | undefined;
  describe: DescribeEvidence;
  csrfToken: string | undefined;
}) {
  const { t } = messages;
  const heading = deleteAction ? t('swot.editTitle') : t('swot.newTitle');
  return (
    <>
      <PlanHeading messages={messages} plan={plan} current="swot" title={heading} />
      {conflict && (
        <Conflict messages={messages}>
          <dl>
            <dt>{t('analysis.field.quadrant')}</dt>
            <dd>{t(`swot.quadrant.${conflict.quadrant}`)}</dd>
            <dt>{t('analysis.field.text')}</dt>
            <dd>{conflict.text}</dd>
            <dt>{t('analysis.field.importance')}</dt>
            <dd>{t(`analysis.level.${conflict.importance}`)}</dd>
            <dt>{t('analysis.field.evidence')}</dt>
            <dd>
              {conflict.evidence ? <Evidence link={conflict.evidence} describe={describe} /> : '—'}
            </dd>
          </dl>
        </Conflict>
      )}
      <ErrorSummary messages={messages} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField token={csrfToken} />
        {values.version !== undefined && (
          <input type="hidden" name="version" value={values.version} />
        )}
        <SelectField
          name="quadrant"
          label={t('analysis.field.quadrant')}
          error={errors.quadrant}
          value={values.quadrant}
          choices={swotQuadrants.map((q) => ({ value: q, label: t(`swot.quadrant.${q}`) }))}
        />
        <TextArea
          name="text"
          label={t('analysis.field.text')}
          value={values.text}
          error={errors.text}
        />
        <SelectField
          name="importance"
          label={t('analysis.field.importance')}
          error={errors.importance}
          value={values.importance ?? 'medium'}
          choices={importanceLevels.map((l) => ({ value: l, label: t(`analysis.level.${l}`) }))}
        />
        <div class={errors.evidence ? 'field field-error' : 'field'}>
          <label for="evidence">{t('analysis.field.evidence')}</label>
          <p class="hint" id="evidence-hint">
            {t('swot.hint.evidence')}
          </p>
          {errors.evidence && (
            <p class="error-message" id="evidence-error">
              {errors.evidence}
            </p>
          )}
          <select
            id="evidence"
            name="evidence"
            aria-invalid={errors.evidence ? 'true' : undefined}
            aria-describedby={errors.evidence ? 'evidence-hint evidence-error' : 'evidence-hint'}
          >
            <option value="">{t('swot.noEvidence')}</option>
            {evidenceChoices.groups.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.options.map((option) => (
                  <option
                    key={option.value}
                    value={option.value}
                    selected={option.value === values.evidence}
                  >
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <button type="submit" class="button">
          {t('analysis.save')}
        </button>
      </form>
      {deleteAction && (
        <DeleteForm
          messages={messages}
          action={deleteAction}
          version={values.version}
          csrfToken={csrfToken}
        />
      )}
      <p>
        <a href={`/plans/${plan.id}/swot`}>{t('swot.draft.back')}</a>
      </p>
    </>
  );
}

function TextArea({
  name,
  label,
  value,
  error,
}: {
  name: string;
  label: string;
  value: string | undefined;
  error: string | undefined;
}) {
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={name}>{label}</label>
      {error && (
        <p class="error-message" id={`${name}-error`}>
          {error}
        </p>
      )}
      <textarea
        id={name}
        name={name}
        rows={4}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
      >
        {(value ?? '').slice(0, TEXT_MAX * 2)}
      </textarea>
    </div>
  );
}

export function PestleView({
  messages,
  plan,
  factors,
  mayEdit,
}: {
  messages: Messages;
  plan: Plan;
  factors: readonly PestleFactor[];
  mayEdit: boolean;
}) {
  const { t } = messages;
  const matrix = pestleMatrix(factors);
  const levels = [...pestleLevels];
  return (
    <>
      <PlanHeading messages={messages} plan={plan} current="pestle" title={t('pestle.title')} />
      <p class="lead">{t('pestle.intro')}</p>
      {mayEdit && (
        <p class="actions">
          <a class="button" href={`/plans/${plan.id}/pestle/new`}>
            {t('pestle.add')}
          </a>
        </p>
      )}
      <table class="pestle-matrix">
        <caption>{t('pestle.matrix')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('analysis.field.heading')}</th>
            {levels.map((level) => (
              <th key={level} scope="col">
                {t('pestle.impactLevel', { level: t(`analysis.level.${level}`) })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {pestleHeadings.map((heading) => (
            <tr key={heading}>
              <th scope="row">{t(`pestle.heading.${heading}`)}</th>
              {levels.map((level) => {
                const cell = matrix.get(heading)?.get(level) ?? [];
                return (
                  <td key={level}>
                    {cell.length === 0 ? (
                      <span class="visually-hidden">{t('pestle.noFactor')}</span>
                    ) : (
                      <ul>
                        {cell.map((factor) => (
                          <li key={factor.id}>{factor.description}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('pestle.list')}</h2>
      {factors.length === 0 ? (
        <p>{t('pestle.none')}</p>
      ) : (
        <table>
          <caption class="visually-hidden">{t('pestle.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('analysis.field.heading')}</th>
              <th scope="col">{t('analysis.field.description')}</th>
              <th scope="col">{t('analysis.field.impact')}</th>
              <th scope="col">{t('analysis.field.likelihood')}</th>
              <th scope="col">{t('analysis.field.trend')}</th>
              <th scope="col">{t('analysis.field.horizon')}</th>
              {mayEdit && (
                <th scope="col">
                  <span class="visually-hidden">{t('analysis.edit')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {factors.map((factor) => (
              <tr key={factor.id}>
                <td>{t(`pestle.heading.${factor.heading}`)}</td>
                <th scope="row">{factor.description}</th>
                <td>{t(`analysis.level.${factor.impact}`)}</td>
                <td>{t(`analysis.level.${factor.likelihood}`)}</td>
                <td>{t(`pestle.trend.${factor.trend}`)}</td>
                <td>{t(`pestle.horizon.${factor.horizon}`)}</td>
                {mayEdit && (
                  <td>
                    <a href={`/plans/${plan.id}/pestle/${factor.id}/edit`}>
                      {t('analysis.edit')}
                      <span class="visually-hidden">: {factor.description}</span>
                    </a>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Exports messages={messages} base={`/plans/${plan.id}/pestle`} />
    </>
  );
}

export type PestleFormValues = { [K in keyof PestleFields]?: string } & { version?: string };

export function PestleFormView({
  messages,
  plan,
  action,
  deleteAction,
  values,
  errors,
  conflict,
  csrfToken,
}: {
  messages: Messages;
  plan: Plan;
  action: string;
  deleteAction?: string | undefined;
  values: PestleFormValues;
  errors: FieldErrors;
  conflict?: PestleFactor | undefined;
  csrfToken: string | undefined;
}) {
  const { t } = messages;
  const heading = deleteAction ? t('pestle.editTitle') : t('pestle.newTitle');
  const choice = (
    field: keyof PestleFields,
    choices: readonly string[],
    key: string,
    fallback: string,
  ) => (
    <SelectField
      name={field}
      label={t(`analysis.field.${field}`)}
      error={errors[field]}
      value={values[field] ?? fallback}
      choices={choices.map((value) => ({ value, label: t(`${key}.${value}`) }))}
    />
  );
  return (
    <>
      <PlanHeading messages={messages} plan={plan} current="pestle" title={heading} />
      {conflict && (
        <Conflict messages={messages}>
          <dl>
            <dt>{t('analysis.field.heading')}</dt>
            <dd>{t(`pestle.heading.${conflict.heading}`)}</dd>
            <dt>{t('analysis.field.description')}</dt>
            <dd>{conflict.description}</dd>
            <dt>{t('analysis.field.impact')}</dt>
            <dd>{t(`analysis.level.${conflict.impact}`)}</dd>
            <dt>{t('analysis.field.likelihood')}</dt>
            <dd>{t(`analysis.level.${conflict.likelihood}`)}</dd>
            <dt>{t('analysis.field.trend')}</dt>
            <dd>{t(`pestle.trend.${conflict.trend}`)}</dd>
            <dt>{t('analysis.field.horizon')}</dt>
            <dd>{t(`pestle.horizon.${conflict.horizon}`)}</dd>
          </dl>
        </Conflict>
      )}
      <ErrorSummary messages={messages} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField token={csrfToken} />
        {values.version !== undefined && (
          <input type="hidden" name="version" value={values.version} />
        )}
        {choice('heading', pestleHeadings, 'pestle.heading', 'political')}
        <TextArea
          name="description"
          label={t('analysis.field.description')}
          value={values.description}
          error={errors.description}
        />
        {choice('impact', pestleLevels, 'analysis.level', 'medium')}
        {choice('likelihood', pestleLevels, 'analysis.level', 'medium')}
        {choice('trend', trends, 'pestle.trend', 'stable')}
        {choice('horizon', horizons, 'pestle.horizon', 'medium')}
        <button type="submit" class="button">
          {t('analysis.save')}
        </button>
      </form>
      {deleteAction && (
        <DeleteForm
          messages={messages}
          action={deleteAction}
          version={values.version}
          csrfToken={csrfToken}
        />
      )}
      <p>
        <a href={`/plans/${plan.id}/pestle`}>{t('pestle.back')}</a>
      </p>
    </>
  );
}
