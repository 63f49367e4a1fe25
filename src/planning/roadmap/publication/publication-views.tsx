// The pages of a published roadmap: the publication controls of a plan (publish
// with or without budgets, unpublish, each confirmed) and the public page
// itself — the plan, the status summary, the timeline and the initiatives by horizon.
import { ChoicesField } from '../../../platform/http/choice-fields.tsx';
import { CsrfField, ErrorSummary, type FieldErrors } from '../../../platform/http/forms.tsx';
import type { Messages } from '../../../platform/i18n/messages.ts';
import { type Plan, PlanHeading, periodText } from '../../plans/index.ts';
import { horizons } from '../initiative-rules.ts';
import { statusOf } from '../open-roadmap.ts';
import { percent, statusLabel } from '../roadmap-labels.ts';
import { statusKinds } from '../roadmap-statuses.ts';
import { RoadmapTimeline } from '../timeline/index.ts';
import type { PublicRoadmap } from './public-roadmap.ts';
import type { Publication } from './publication-store.ts';

export const publicationHref = (planId: string) => `/plans/${planId}/roadmap/publication`;
export const publicRoadmapPath = (slug: string) => `/public/roadmaps/${slug}`;

export interface PublicationFormValues {
  budgets?: 'shown' | 'hidden';
}

export function PublicationView({
  messages,
  plan,
  publication,
  publicUrl,
  counts,
  mayManage,
  values,
  errors,
  csrfToken,
}: {
  messages: Messages;
  plan: Plan;
  publication: Publication | undefined;
  /** The public page's full address, when published. */
  publicUrl: string | undefined;
  /** How many initiatives the public sees, of all. */
  counts: { shown: number; total: number };
  mayManage: boolean;
  values: PublicationFormValues;
  errors: FieldErrors;
  csrfToken: string | undefined;
}) {
  const { t } = messages;
  const href = publicationHref(plan.id);
  const budgets = values.budgets ?? (publication?.showBudgets ? 'shown' : 'hidden');
  return (
    <>
      <PlanHeading
        messages={messages}
        plan={plan}
        current="roadmap"
        title={t('roadmapPublic.manage.title')}
      />
      <ErrorSummary messages={messages} errors={errors} />
      <p class="lead">{t('roadmapPublic.manage.intro')}</p>
      {publication && publicUrl ? (
        <div class="notice">
          <p>
            {t('roadmapPublic.manage.published', {
              date: messages.date(publication.publishedAt),
            })}
          </p>
          <p>
            {t('roadmapPublic.manage.address')} <a href={publicUrl}>{publicUrl}</a>
          </p>
          <p>
            {t(
              publication.showBudgets
                ? 'roadmapPublic.manage.budgetsShown'
                : 'roadmapPublic.manage.budgetsHidden',
            )}
          </p>
        </div>
      ) : (
        <p>{t('roadmapPublic.manage.notPublished')}</p>
      )}
      <p>{t('roadmapPublic.manage.counts', counts)}</p>
      {mayManage && (
        <>
          <form method="post" action={href} class="narrow">
            <CsrfField token={csrfToken} />
            <h2>
              {t(
                publication ? 'roadmapPublic.manage.change' : 'roadmapPublic.manage.publishHeading',
              )}
            </h2>
            <ChoicesField
              name="budgets"
              legend={t('roadmapPublic.field.budgets')}
              type="radio"
              checked={[budgets]}
              choices={[
                { value: 'hidden', label: t('roadmapPublic.budgets.hidden') },
                { value: 'shown', label: t('roadmapPublic.budgets.shown') },
              ]}
              {...(errors.budgets ? { error: errors.budgets } : {})}
            />
            <ChoicesField
              name="confirm"
              legend={t('roadmapPublic.field.confirm')}
              type="checkbox"
              checked={[]}
              choices={[{ value: 'yes', label: t('roadmapPublic.confirm.publish') }]}
              {...(errors.confirm ? { error: errors.confirm } : {})}
            />
            <button type="submit" class="button">
              {t(publication ? 'roadmapPublic.manage.save' : 'roadmapPublic.manage.publish')}
            </button>
          </form>
          {publication && (
            <form method="post" action={`${href}/delete`} class="narrow">
              <CsrfField token={csrfToken} />
              <h2>{t('roadmapPublic.manage.unpublishHeading')}</h2>
              <ChoicesField
                name="confirmUnpublish"
                legend={t('roadmapPublic.field.confirmUnpublish')}
                type="checkbox"
                checked={[]}
                choices={[{ value: 'yes', label: t('roadmapPublic.confirm.unpublish') }]}
                {...(errors.confirmUnpublish ? { error: errors.confirmUnpublish } : {})}
              />
              <button type="submit" class="button secondary">
                {t('roadmapPublic.manage.unpublish')}
              </button>
            </form>
          )}
        </>
      )}
    </>
  );
}

function StatusSummary({ messages, roadmap }: { messages: Messages; roadmap: PublicRoadmap }) {
  const { t } = messages;
  const { summary } = roadmap;
  return (
    <dl class="summary">
      <div>
        <dt>{t('roadmapPublic.summary.total')}</dt>
        <dd class="figure">{messages.number(summary.total)}</dd>
      </div>
      {statusKinds.map((kind) => (
        <div key={kind}>
          <dt>{t(`roadmap.statusKind.${kind}`)}</dt>
          <dd class="figure">{messages.number(summary.byKind[kind])}</dd>
        </div>
      ))}
      <div>
        <dt>{t('roadmap.overdue')}</dt>
        <dd class="figure">{messages.number(summary.overdue)}</dd>
      </div>
      <div>
        <dt>{t('roadmapPublic.summary.progress')}</dt>
        <dd class="figure">
          {summary.progress === undefined ? '—' : percent(messages, summary.progress)}
        </dd>
      </div>
    </dl>
  );
}

export function PublicRoadmapView({
  messages,
  roadmap,
  today,
}: {
  messages: Messages;
  roadmap: PublicRoadmap;
  today: string;
}) {
  const { t } = messages;
  const { plan } = roadmap;
  return (
    <>
      <p class="caption">{t('roadmapPublic.page.caption')}</p>
      <h1>{plan.title}</h1>
      <p class="lead">{periodText(messages, plan)}</p>
      <h2>{t('roadmapPublic.summary.heading')}</h2>
      <StatusSummary messages={messages} roadmap={roadmap} />
      <RoadmapTimeline
        messages={messages}
        roadmap={roadmap}
        milestones={roadmap.milestones}
        today={today}
      />
      {horizons.map((horizon) => {
        const initiatives = roadmap.initiatives.filter(
          (initiative) => initiative.horizon === horizon,
        );
        if (initiatives.length === 0) return null;
        return (
          <section key={horizon} aria-labelledby={`horizon-${horizon}`}>
            <h2 id={`horizon-${horizon}`}>{t(`roadmap.horizon.${horizon}`)}</h2>
            <ul class="card-list">
              {initiatives.map((initiative) => {
                const status = statusOf(roadmap.statuses, initiative.status);
                const progress = roadmap.progress.get(initiative.id)?.value ?? 0;
                return (
                  <li key={initiative.id} class="card">
                    <h3>{initiative.title}</h3>
                    <p class="meta">
                      {t(`roadmap.level.${initiative.level}`)} · {statusLabel(messages, status)} ·{' '}
                      {t('roadmapPublic.initiative.progress', {
                        progress: percent(messages, progress),
                      })}
                    </p>
                    {initiative.description && <p>{initiative.description}</p>}
                    <dl class="code-key">
                      {(initiative.startsOn || initiative.endsOn) && (
                        <div>
                          <dt>{t('roadmapPublic.initiative.when')}</dt>
                          <dd>
                            {initiative.startsOn ? messages.date(initiative.startsOn) : '…'} –{' '}
                            {initiative.endsOn ? messages.date(initiative.endsOn) : '…'}
                          </dd>
                        </div>
                      )}
                      {initiative.leadAgency && (
                        <div>
                          <dt>{t('roadmap.field.leadAgencyId')}</dt>
                          <dd>{initiative.leadAgency.name}</dd>
                        </div>
                      )}
                      {roadmap.showBudgets && initiative.budgetAmount !== null && (
                        <div>
                          <dt>{t('roadmap.field.budgetAmount')}</dt>
                          <dd>
                            {messages.number(initiative.budgetAmount, {
                              style: 'currency',
                              currency: initiative.budgetCurrency ?? 'USD',
                              maximumFractionDigits: 0,
                            })}
                            {initiative.budgetSource ? ` (${initiative.budgetSource})` : ''}
                          </dd>
                        </div>
                      )}
                    </dl>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}
