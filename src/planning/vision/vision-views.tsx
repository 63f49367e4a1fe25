// The vision page of a plan — statement, principles, goals — and the forms of
// the statement and of a principle (one of CEPA's with its strategies, or the
// team's own).

import { ChoicesField, SelectField } from '../../platform/http/choice-fields.tsx';
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  TextField,
} from '../../platform/http/forms.tsx';
import { TextAreaField } from '../../platform/http/text-area-field.tsx';
import type { Messages } from '../../platform/i18n/messages.ts';
import { type Plan, PlanHeading } from '../plans/index.ts';
import { cepaPrinciples, findCepaPrinciple, nameIn } from './cepa-principles.ts';
import type { VisionEvidence } from './vision-evidence.ts';
import { DeleteButton, GoalSummary, type PostedPriority } from './vision-goal-views.tsx';
import {
  ConflictNotice,
  principleName,
  strategyText,
  VersionField,
  visionHref,
} from './vision-parts.tsx';
import { DESCRIPTION_MAX, STATEMENT_MAX, TITLE_MAX } from './vision-rules.ts';
import type { Vision, VisionPrinciple } from './vision-store.ts';

export function VisionPageView({
  messages,
  plan,
  vision,
  evidence,
  mayEdit,
  csrfToken,
  error,
  postedPriority,
}: {
  messages: Messages;
  plan: Plan;
  vision: Vision;
  evidence: VisionEvidence;
  mayEdit: boolean;
  csrfToken: string | undefined;
  /** Why the last change was refused. */
  error?: string | undefined;
  /** A priority refused, given back beside its fields under its goal. */
  postedPriority?: PostedPriority | undefined;
}) {
  const { t } = messages;
  const base = visionHref(plan.id);
  const taken = new Set(vision.principles.map((principle) => principle.cepaKey));
  const free = cepaPrinciples.filter((principle) => !taken.has(principle.key));
  return (
    <>
      <PlanHeading messages={messages} plan={plan} current="vision" title={t('vision.title')} />
      <p class="lead">{t('vision.intro')}</p>
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
      <h2>{t('vision.statement')}</h2>
      {vision.statement ? <p class="lead">{vision.statement}</p> : <p>{t('vision.noStatement')}</p>}
      {mayEdit && (
        <p>
          <a class="button secondary" href={`${base}/statement`}>
            {t('vision.statement.edit')}
          </a>
        </p>
      )}

      <h2>{t('vision.principles')}</h2>
      <p>{t('vision.principles.intro')}</p>
      {vision.principles.length === 0 ? (
        <p>{t('vision.noPrinciples')}</p>
      ) : (
        <ul class="card-list">
          {vision.principles.map((principle) => (
            <li class="card" key={principle.id}>
              <h3>
                {principleName(messages, principle)}{' '}
                <span class="tag">
                  {t(principle.cepaKey ? 'vision.principle.cepa' : 'vision.principle.own')}
                </span>
              </h3>
              {principle.description && <p>{principle.description}</p>}
              {principle.cepaKey &&
                (principle.strategyNumbers.length === 0 ? (
                  <p>{t('vision.principle.noStrategies')}</p>
                ) : (
                  <ul>
                    {principle.strategyNumbers.map((number) => (
                      <li key={number}>
                        {strategyText(messages, principle.cepaKey ?? '', number)}
                      </li>
                    ))}
                  </ul>
                ))}
              {mayEdit && (
                <div class="actions">
                  <a class="button secondary" href={`${base}/principles/${principle.id}`}>
                    {t('vision.principle.edit')}
                    <span class="visually-hidden">: {principleName(messages, principle)}</span>
                  </a>
                  <DeleteButton
                    action={`${base}/principles/${principle.id}/delete`}
                    version={principle.version}
                    label={t('vision.principle.delete')}
                    name={principleName(messages, principle)}
                    csrfToken={csrfToken}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayEdit && (
        <>
          {free.length > 0 && (
            <form method="post" action={`${base}/principles`}>
              <CsrfField token={csrfToken} />
              <SelectField
                name="cepaKey"
                label={t('vision.principle.chooseCepa')}
                hint={t('vision.hint.cepaKey')}
                choices={free.map((principle) => ({
                  value: principle.key,
                  label: `${nameIn(principle.name, messages.language)} (${t(`vision.cepaGroup.${principle.group}`)})`,
                }))}
              />
              <button type="submit" class="button secondary">
                {t('vision.principle.addCepa')}
              </button>
            </form>
          )}
          <p>
            <a href={`${base}/principles/new`}>{t('vision.principle.addOwn')}</a>
          </p>
        </>
      )}

      <h2>{t('vision.goals')}</h2>
      {vision.goals.length === 0 ? (
        <p>{t('vision.noGoals')}</p>
      ) : (
        <ol class="card-list">
          {vision.goals.map((goal) => (
            <GoalSummary
              key={goal.id}
              messages={messages}
              plan={plan}
              goal={goal}
              evidence={evidence}
              mayEdit={mayEdit}
              csrfToken={csrfToken}
              posted={postedPriority?.goalId === goal.id ? postedPriority : undefined}
            />
          ))}
        </ol>
      )}
      {mayEdit && (
        <p>
          <a class="button" href={`${base}/goals/new`}>
            {t('vision.goal.add')}
          </a>
        </p>
      )}
      <h2>{t('vision.export')}</h2>
      <ul>
        <li>
          <a href={`${base}/goals.csv`}>{t('vision.export.csv')}</a>
        </li>
        <li>
          <a href={`${base}/goals.xlsx`}>{t('vision.export.xlsx')}</a>
        </li>
      </ul>
    </>
  );
}

export function StatementFormView({
  messages,
  plan,
  values,
  errors,
  conflict,
  csrfToken,
}: {
  messages: Messages;
  plan: Plan;
  values: { statement?: string; version?: string };
  errors: FieldErrors;
  conflict?: Vision | undefined;
  csrfToken: string | undefined;
}) {
  const { t } = messages;
  return (
    <>
      <PlanHeading
        messages={messages}
        plan={plan}
        current="vision"
        title={t('vision.statement.edit')}
      />
      {conflict && (
        <ConflictNotice messages={messages} deleted={false}>
          <dl>
            <dt>{t('vision.field.statement')}</dt>
            <dd>{conflict.statement || '—'}</dd>
          </dl>
        </ConflictNotice>
      )}
      <ErrorSummary messages={messages} errors={errors} />
      <form method="post" action={`${visionHref(plan.id)}/statement`} novalidate>
        <CsrfField token={csrfToken} />
        <VersionField version={values.version} />
        <TextAreaField
          name="statement"
          label={t('vision.field.statement')}
          hint={t('vision.hint.statement')}
          value={values.statement}
          error={errors.statement}
          maxLength={STATEMENT_MAX}
          rows={6}
        />
        <div class="actions">
          <button type="submit" class="button">
            {t('vision.statement.save')}
          </button>
          <a href={visionHref(plan.id)}>{t('vision.back')}</a>
        </div>
      </form>
    </>
  );
}

export interface PrincipleFormValues {
  title?: string;
  description?: string;
  strategyNumbers?: readonly string[];
  version?: string;
}

export function PrincipleFormView({
  messages,
  plan,
  principle,
  values,
  errors,
  conflict,
  csrfToken,
}: {
  messages: Messages;
  plan: Plan;
  /** The principle edited; undefined for a new one of the team's own. */
  principle: Pick<VisionPrinciple, 'id' | 'cepaKey' | 'title'> | undefined;
  values: PrincipleFormValues;
  errors: FieldErrors;
  conflict?: { current: VisionPrinciple | undefined } | undefined;
  csrfToken: string | undefined;
}) {
  const { t } = messages;
  const cepa = principle?.cepaKey ? findCepaPrinciple(principle.cepaKey) : undefined;
  const heading = principle ? principleName(messages, principle) : t('vision.principle.addOwn');
  const base = visionHref(plan.id);
  return (
    <>
      <PlanHeading messages={messages} plan={plan} current="vision" title={heading} />
      {conflict && (
        <ConflictNotice messages={messages} deleted={!conflict.current}>
          {conflict.current && (
            <dl>
              <dt>{t('vision.field.description')}</dt>
              <dd>{conflict.current.description || '—'}</dd>
              {conflict.current.cepaKey ? (
                <>
                  <dt>{t('vision.field.strategyNumbers')}</dt>
                  <dd>
                    {conflict.current.strategyNumbers
                      .map((number) =>
                        strategyText(messages, conflict.current?.cepaKey ?? '', number),
                      )
                      .join('; ') || '—'}
                  </dd>
                </>
              ) : (
                <>
                  <dt>{t('vision.field.title')}</dt>
                  <dd>{conflict.current.title}</dd>
                </>
              )}
            </dl>
          )}
        </ConflictNotice>
      )}
      <ErrorSummary messages={messages} errors={errors} />
      <form
        method="post"
        action={principle ? `${base}/principles/${principle.id}` : `${base}/principles`}
        novalidate
      >
        <CsrfField token={csrfToken} />
        <VersionField version={values.version} />
        {!cepa && (
          <TextField
            name="title"
            label={t('vision.field.title')}
            hint={t('vision.hint.principleTitle')}
            value={values.title}
            error={errors.title}
            maxLength={TITLE_MAX}
          />
        )}
        <TextAreaField
          name="description"
          label={t('vision.field.description')}
          hint={t('vision.hint.principleDescription')}
          value={values.description}
          error={errors.description}
          maxLength={DESCRIPTION_MAX}
        />
        {cepa && (
          <ChoicesField
            name="strategyNumbers"
            legend={t('vision.field.strategyNumbers')}
            hint={t('vision.hint.strategyNumbers')}
            error={errors.strategyNumbers}
            type="checkbox"
            checked={values.strategyNumbers ?? []}
            choices={cepa.strategies.map((strategy) => ({
              value: String(strategy.number),
              label: strategyText(messages, cepa.key, strategy.number),
            }))}
          />
        )}
        <div class="actions">
          <button type="submit" class="button">
            {t('vision.principle.save')}
          </button>
          <a href={base}>{t('vision.back')}</a>
        </div>
      </form>
    </>
  );
}
