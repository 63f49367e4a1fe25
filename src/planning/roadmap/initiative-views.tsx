// An initiative's page: where it stands (status, progress and where that
// comes from, dates, overdue), its place in the tree, the chain back to the
// evidence that prompted it and forward to the goals it serves, its
// dependencies, and — from the roadmap's other parts — its prioritisation and
// action plan.
import type { ComponentChildren } from 'preact';
import { CsrfField } from '../../platform/http/forms.tsx';
import type { Messages } from '../../platform/i18n/messages.ts';
import { type Plan, PlanHeading } from '../plans/index.ts';
import { recommendationText, subdimensionText, swotText } from '../vision/index.ts';
import type { KpiFields } from './action-plan/index.ts';
import type { Initiative } from './initiative-store.ts';
import type { Roadmap } from './open-roadmap.ts';
import { statusOf } from './open-roadmap.ts';
import { initiativeOverdue } from './overdue.ts';
import type { GroupProgress } from './progress-rollup.ts';
import type { RoadmapEvidence } from './roadmap-evidence.ts';
import {
  agencyName,
  datesText,
  initiativeHref,
  percent,
  roadmapHref,
  statusLabel,
} from './roadmap-labels.ts';

export interface InitiativePage {
  roadmap: Roadmap;
  initiative: Initiative;
  evidence: RoadmapEvidence;
  /** From the top of the tree down to its parent. */
  ancestors: Initiative[];
  children: Initiative[];
  waitsFor: Initiative[];
  neededBy: Initiative[];
  /** The goals it serves, each with the progress of every initiative serving it. */
  goals: { id: string; title: string; progress: GroupProgress }[];
  agencies: ReadonlyMap<string, { name: string; acronym: string | null }>;
  today: string;
}

function ProgressLine({ messages, page }: { messages: Messages; page: InitiativePage }) {
  const { t } = messages;
  const progress = page.roadmap.progress.get(page.initiative.id);
  if (!progress) return null;
  return (
    <p>
      <progress max={100} value={Math.round(progress.value)} aria-hidden="true" />{' '}
      <strong>{percent(messages, progress.value)}</strong>{' '}
      <span class="caption">({t(`roadmap.progressSource.${progress.source}`)})</span>
    </p>
  );
}

function InitiativeLinks({
  messages,
  plan,
  initiatives,
  roadmap,
}: {
  messages: Messages;
  plan: Plan;
  initiatives: readonly Initiative[];
  roadmap: Roadmap;
}) {
  return (
    <ul>
      {initiatives.map((each) => {
        const progress = roadmap.progress.get(each.id);
        return (
          <li key={each.id}>
            <a href={initiativeHref(plan.id, each.id)}>{each.title}</a>
            {' · '}
            {statusLabel(messages, statusOf(roadmap.statuses, each.status))}
            {progress && ` · ${percent(messages, progress.value)}`}
          </li>
        );
      })}
    </ul>
  );
}

/** Back from the initiative to what prompted it: the scores, the recommendations, the SWOT. */
function Chain({ messages, page }: { messages: Messages; page: InitiativePage }) {
  const { t } = messages;
  const { initiative, evidence } = page;
  const subdimensions = initiative.codes.filter((code) => code.kind === 'subdimension');
  const recommendations = initiative.codes.filter((code) => code.kind === 'recommendation');
  const origin = initiative.origin;
  const nothing =
    !origin &&
    subdimensions.length === 0 &&
    recommendations.length === 0 &&
    initiative.swotEntryIds.length === 0;
  return (
    <section aria-labelledby="chain-back">
      <h2 id="chain-back">{t('roadmap.chain.back')}</h2>
      {nothing && <p>{t('roadmap.chain.nothing')}</p>}
      {origin && (
        <p>
          {t(`roadmap.chain.origin.${origin.kind}`)}{' '}
          {origin.kind === 'recommendation' && origin.roundId && (
            <a href={`/rounds/${origin.roundId}/results/recommendations`}>
              {t('roadmap.chain.recommendationsPage')}
            </a>
          )}
        </p>
      )}
      {subdimensions.length > 0 && (
        <>
          <h3>{t('roadmap.chain.scores')}</h3>
          <p class="caption">
            {evidence.round
              ? t('roadmap.chain.scoresFrom', { round: evidence.round.name })
              : t('roadmap.chain.noRound')}
          </p>
          <ul>
            {subdimensions.map(({ code }) => (
              <li key={code}>{subdimensionText(messages, evidence, code)}</li>
            ))}
          </ul>
        </>
      )}
      {recommendations.length > 0 && (
        <>
          <h3>{t('roadmap.chain.recommendations')}</h3>
          <ul>
            {recommendations.map(({ code }) => (
              <li key={code}>{recommendationText(messages, evidence, code)}</li>
            ))}
          </ul>
        </>
      )}
      {initiative.swotEntryIds.length > 0 && (
        <>
          <h3>{t('roadmap.field.swotEntryIds')}</h3>
          <ul>
            {initiative.swotEntryIds.map((id) => (
              <li key={id}>
                <a href={`/plans/${page.roadmap.plan.id}/swot`}>
                  {swotText(messages, evidence, id)}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Forward from the initiative: the programme above it and the goals it serves, with their progress. */
function Serves({
  messages,
  page,
  kpis,
}: {
  messages: Messages;
  page: InitiativePage;
  kpis: readonly KpiFields[];
}) {
  const { t } = messages;
  const { plan } = page.roadmap;
  const top = page.ancestors[0];
  return (
    <section aria-labelledby="chain-forward">
      <h2 id="chain-forward">{t('roadmap.chain.forward')}</h2>
      {!top && page.goals.length === 0 && <p>{t('roadmap.chain.servesNothing')}</p>}
      {kpis.length > 0 && (
        <>
          <h3>{t('roadmap.chain.measuredBy')}</h3>
          <ul>
            {kpis.map((kpi) => (
              <li key={kpi.name}>
                <a href="#kpis">{kpi.name}</a>
                {kpi.target !== null &&
                  ` · ${t('roadmap.chain.kpiTarget', {
                    target: messages.number(kpi.target),
                    unit: kpi.unit,
                  })}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {page.ancestors.length > 0 && (
        <>
          <h3>{t('roadmap.field.parentId')}</h3>
          <InitiativeLinks
            messages={messages}
            plan={plan}
            initiatives={page.ancestors}
            roadmap={page.roadmap}
          />
        </>
      )}
      {page.goals.length > 0 && (
        <>
          <h3>{t('roadmap.field.goalIds')}</h3>
          <ul>
            {page.goals.map((goal) => (
              <li key={goal.id}>
                <a href={`/plans/${plan.id}/vision`}>{goal.title}</a>
                {' · '}
                {goal.progress.progress === undefined
                  ? t('roadmap.chain.goalNoProgress')
                  : t('roadmap.chain.goalProgress', {
                      progress: percent(messages, goal.progress.progress),
                      count: goal.progress.counted,
                    })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Facts({ messages, page }: { messages: Messages; page: InitiativePage }) {
  const { t } = messages;
  const { initiative } = page;
  const partners = initiative.partnerAgencyIds
    .map((id) => page.agencies.get(id))
    .filter((agency) => agency !== undefined)
    .map(agencyName);
  const row = (label: string, value: ComponentChildren) => (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <dl class="summary">
      {row(t('roadmap.field.horizon'), t(`roadmap.horizon.${initiative.horizon}`))}
      {row(t('roadmap.table.dates'), datesText(messages, initiative))}
      {row(t('roadmap.field.ownerId'), initiative.ownerName ?? '—')}
      {row(
        t('roadmap.field.leadAgencyId'),
        initiative.leadAgency ? initiative.leadAgency.name : '—',
      )}
      {partners.length > 0 && row(t('roadmap.field.partnerAgencyIds'), partners.join(', '))}
      {row(
        t('roadmap.field.budgetAmount'),
        initiative.budgetAmount === null || initiative.budgetCurrency === null
          ? '—'
          : `${messages.number(initiative.budgetAmount, {
              style: 'currency',
              currency: initiative.budgetCurrency,
              maximumFractionDigits: 0,
            })}${initiative.budgetSource ? ` (${initiative.budgetSource})` : ''}`,
      )}
      {row(t('roadmap.field.weight'), messages.number(initiative.weight))}
      {row(t('roadmap.field.isPublic'), initiative.isPublic ? t('roadmap.yes') : t('roadmap.no'))}
    </dl>
  );
}

export function InitiativeView({
  messages,
  page,
  mayEdit,
  csrfToken,
  kpis,
  priority,
  actionPlan,
}: {
  messages: Messages;
  page: InitiativePage;
  /** Its KPIs: where the chain leads. */
  kpis: readonly KpiFields[];
  mayEdit: boolean;
  csrfToken: string | undefined;
  /** Its value and feasibility, from the prioritisation. */
  priority?: ComponentChildren;
  /** Its action plan's sections. */
  actionPlan?: ComponentChildren;
}) {
  const { t } = messages;
  const { initiative, roadmap } = page;
  const { plan } = roadmap;
  const status = statusOf(roadmap.statuses, initiative.status);
  const href = initiativeHref(plan.id, initiative.id);
  const overdue = initiativeOverdue(
    { endsOn: initiative.endsOn, statusKind: status.kind },
    page.today,
  );
  return (
    <>
      <PlanHeading messages={messages} plan={plan} current="roadmap" title={initiative.title} />
      <p>
        <a class="back-link" href={roadmapHref(plan.id)}>
          {t('roadmap.back')}
        </a>
      </p>
      <p class="meta">
        {t(`roadmap.level.${initiative.level}`)} ·{' '}
        <span class={`tag status-${status.kind}`}>{statusLabel(messages, status)}</span>
        {overdue && (
          <>
            {' '}
            <strong class="overdue">{t('roadmap.overdue')}</strong>
          </>
        )}
      </p>
      <ProgressLine messages={messages} page={page} />
      {initiative.description && <p class="lead">{initiative.description}</p>}
      {mayEdit && (
        <div class="actions">
          <a class="button secondary" href={`${href}/edit`}>
            {t('roadmap.edit')}
          </a>
          <form method="post" action={`${href}/delete`}>
            <CsrfField token={csrfToken} />
            <input type="hidden" name="version" value={String(initiative.version)} />
            <button type="submit" class="button secondary">
              {page.children.length > 0
                ? t('roadmap.deleteWithChildren', { count: page.children.length })
                : t('roadmap.delete')}
            </button>
          </form>
        </div>
      )}
      <Facts messages={messages} page={page} />
      {page.children.length > 0 && (
        <section aria-labelledby="children">
          <h2 id="children">{t('roadmap.children')}</h2>
          <InitiativeLinks
            messages={messages}
            plan={plan}
            initiatives={page.children}
            roadmap={roadmap}
          />
        </section>
      )}
      <Chain messages={messages} page={page} />
      <Serves messages={messages} page={page} kpis={kpis} />
      {(page.waitsFor.length > 0 || page.neededBy.length > 0) && (
        <section aria-labelledby="dependencies">
          <h2 id="dependencies">{t('roadmap.dependencies')}</h2>
          {page.waitsFor.length > 0 && (
            <>
              <h3>{t('roadmap.field.dependsOnIds')}</h3>
              <InitiativeLinks
                messages={messages}
                plan={plan}
                initiatives={page.waitsFor}
                roadmap={roadmap}
              />
            </>
          )}
          {page.neededBy.length > 0 && (
            <>
              <h3>{t('roadmap.neededBy')}</h3>
              <InitiativeLinks
                messages={messages}
                plan={plan}
                initiatives={page.neededBy}
                roadmap={roadmap}
              />
            </>
          )}
        </section>
      )}
      {priority}
      {actionPlan}
    </>
  );
}
