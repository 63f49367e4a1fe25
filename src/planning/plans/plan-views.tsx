// The plans pages: the list, a plan's overview with the tabs of its parts,
// and the form that creates or edits one (with what another person saved in
// the meantime, when a save came too late).
import { ChoicesField } from '../../platform/http/choice-fields.tsx';
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  TextField,
} from '../../platform/http/forms.tsx';
import type { Messages } from '../../platform/i18n/messages.ts';
import { type PlanProblem, type PlanStatus, planStatuses, TITLE_MAX } from './plan-rules.ts';
import type { Plan } from './plan-store.ts';

/** The parts of a plan, each a tab; a feature that adds a part adds its tab here. */
export const planParts = [
  'overview',
  'swot',
  'pestle',
  'star',
  'stakeholders',
  'vision',
  'roadmap',
] as const;
export type PlanPart = (typeof planParts)[number];

export const planHref = (planId: string, part: PlanPart = 'overview') =>
  part === 'overview' ? `/plans/${planId}` : `/plans/${planId}/${part}`;

export function periodText(messages: Messages, plan: Pick<Plan, 'startsYear' | 'endsYear'>) {
  return messages.t('plans.period.range', { from: plan.startsYear, to: plan.endsYear });
}

/** The top of every page of a plan: its title, period and status, and the tabs between its parts. */
export function PlanHeading({
  messages,
  plan,
  current,
  title,
}: {
  messages: Messages;
  plan: Plan;
  current: PlanPart;
  /** The page's own heading; the plan's title on its overview. */
  title?: string;
}) {
  const { t } = messages;
  return (
    <>
      <p class="caption">
        {title ? `${plan.title} · ` : ''}
        {periodText(messages, plan)} · <StatusTag messages={messages} status={plan.status} />
      </p>
      <h1>{title ?? plan.title}</h1>
      {plan.status === 'closed' && <p class="notice">{t('plans.closedPlan.body')}</p>}
      <nav class="results-nav" aria-label={t('plans.nav.label')}>
        <ul>
          {planParts.map((part) => (
            <li key={part}>
              <a
                href={planHref(plan.id, part)}
                aria-current={part === current ? 'page' : undefined}
              >
                {t(`plans.nav.${part}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

export function StatusTag({ messages, status }: { messages: Messages; status: PlanStatus }) {
  return (
    <span
      class={status === 'closed' ? 'tag tag-closed' : status === 'adopted' ? 'tag tag-open' : 'tag'}
    >
      {messages.t(`plans.status.${status}`)}
    </span>
  );
}

export function PlansListView({
  messages,
  plans,
  mayManage,
}: {
  messages: Messages;
  plans: readonly Plan[];
  mayManage: boolean;
}) {
  const { t } = messages;
  return (
    <>
      <h1>{t('plans.title')}</h1>
      <p class="lead">{t('plans.intro')}</p>
      {mayManage && (
        <p>
          <a class="button" href="/plans/new">
            {t('plans.new')}
          </a>
        </p>
      )}
      {plans.length === 0 ? (
        <p>{t('plans.none')}</p>
      ) : (
        <table>
          <caption class="visually-hidden">{t('plans.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plans.field.title')}</th>
              <th scope="col">{t('plans.period')}</th>
              <th scope="col">{t('plans.field.status')}</th>
              <th scope="col">{t('plans.field.baselineRoundIds')}</th>
            </tr>
          </thead>
          <tbody>
            {plans.map((plan) => (
              <tr key={plan.id}>
                <th scope="row">
                  <a href={planHref(plan.id)}>{plan.title}</a>
                </th>
                <td>{periodText(messages, plan)}</td>
                <td>
                  <StatusTag messages={messages} status={plan.status} />
                </td>
                <td>{plan.baselineRounds.map((round) => round.name).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function PlanOverviewView({
  messages,
  plan,
  mayManage,
  csrfToken,
  error,
}: {
  messages: Messages;
  plan: Plan;
  mayManage: boolean;
  csrfToken: string | undefined;
  /** Why the last status change was refused. */
  error?: string | undefined;
}) {
  const { t } = messages;
  const next = planStatuses[planStatuses.indexOf(plan.status) + 1];
  return (
    <>
      <PlanHeading messages={messages} plan={plan} current="overview" />
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
      <dl class="summary">
        <div>
          <dt>{t('plans.period')}</dt>
          <dd>{periodText(messages, plan)}</dd>
        </div>
        <div>
          <dt>{t('plans.field.status')}</dt>
          <dd>{t(`plans.status.${plan.status}`)}</dd>
        </div>
      </dl>
      <h2>{t('plans.field.baselineRoundIds')}</h2>
      {plan.baselineRounds.length === 0 ? (
        <p>{t('plans.noBaseline')}</p>
      ) : (
        <ul>
          {plan.baselineRounds.map((round) => (
            <li key={round.id}>
              <a href={`/rounds/${round.id}/results`}>{round.name}</a>
            </li>
          ))}
        </ul>
      )}
      {mayManage && (
        <div class="actions">
          <a class="button secondary" href={`/plans/${plan.id}/edit`}>
            {t('plans.edit')}
          </a>
          <form method="post" action={`/plans/${plan.id}/copy`}>
            <CsrfField token={csrfToken} />
            <button type="submit" class="button secondary">
              {t('plans.copy')}
            </button>
          </form>
          {next && (
            <form method="post" action={`/plans/${plan.id}/status`}>
              <CsrfField token={csrfToken} />
              <input type="hidden" name="version" value={String(plan.version)} />
              <input type="hidden" name="status" value={next} />
              <button type="submit" class="button">
                {t(`plans.moveTo.${next}`)}
              </button>
            </form>
          )}
        </div>
      )}
    </>
  );
}

/** The form's fields as typed. */
export interface PlanFormValues {
  title?: string;
  startsYear?: string;
  endsYear?: string;
  baselineRoundIds?: readonly string[];
  version?: string;
}

/** Problems as the form shows them: one per field, the field's label first. */
export function planFormErrors(messages: Messages, problems: readonly PlanProblem[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of problems)
    errors[problem.field] ??=
      `${messages.t(`plans.field.${problem.field}`)}: ${planProblemText(messages, problem)}`;
  return errors;
}

export function planProblemText(messages: Messages, problem: PlanProblem): string {
  return messages.t(`plans.error.${problem.rule}`, problem.values);
}

export function PlanFormView({
  messages,
  action,
  heading,
  values,
  errors,
  rounds,
  conflict,
  csrfToken,
}: {
  messages: Messages;
  action: string;
  heading: string;
  values: PlanFormValues;
  errors: FieldErrors;
  rounds: readonly { id: string; name: string }[];
  /** The plan as another person saved it while this form was open. */
  conflict?: Plan | undefined;
  csrfToken: string | undefined;
}) {
  const { t } = messages;
  return (
    <>
      <h1>{heading}</h1>
      {conflict && (
        <div class="notice" role="alert">
          <h2>{t('plans.conflict.title')}</h2>
          <p>{t('plans.conflict.text')}</p>
          <dl>
            <dt>{t('plans.field.title')}</dt>
            <dd>{conflict.title}</dd>
            <dt>{t('plans.period')}</dt>
            <dd>{periodText(messages, conflict)}</dd>
            <dt>{t('plans.field.baselineRoundIds')}</dt>
            <dd>{conflict.baselineRounds.map((round) => round.name).join('; ') || '—'}</dd>
          </dl>
        </div>
      )}
      <ErrorSummary messages={messages} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField token={csrfToken} />
        {values.version !== undefined && (
          <input type="hidden" name="version" value={values.version} />
        )}
        <TextField
          name="title"
          label={t('plans.field.title')}
          hint={t('plans.hint.title')}
          value={values.title}
          error={errors.title}
          maxLength={TITLE_MAX}
        />
        <TextField
          name="startsYear"
          label={t('plans.field.startsYear')}
          value={values.startsYear}
          error={errors.startsYear}
          maxLength={4}
        />
        <TextField
          name="endsYear"
          label={t('plans.field.endsYear')}
          value={values.endsYear}
          error={errors.endsYear}
          maxLength={4}
        />
        {rounds.length > 0 && (
          <ChoicesField
            name="baselineRoundIds"
            legend={t('plans.field.baselineRoundIds')}
            hint={t('plans.hint.baselineRoundIds')}
            error={errors.baselineRoundIds}
            type="checkbox"
            checked={values.baselineRoundIds ?? []}
            choices={rounds.map((round) => ({ value: round.id, label: round.name }))}
          />
        )}
        <button type="submit" class="button">
          {t('plans.save')}
        </button>
      </form>
    </>
  );
}
