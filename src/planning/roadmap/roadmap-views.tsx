import { textOf } from '../../assessment/frameworks/index.ts';
import { TableScroll } from '../../platform/http/table-scroll.tsx';
import type { Messages } from '../../platform/i18n/messages.ts';
import { PlanHeading } from '../plans/index.ts';
import { RoadmapFileActions } from './import/index.ts';
import type { OriginChoice } from './initiative-origins.ts';
import type { Milestone } from './milestone-store.ts';
import type { Roadmap } from './open-roadmap.ts';
import { statusOf } from './open-roadmap.ts';
import { initiativeOverdue } from './overdue.ts';
import { prioritiesHref } from './priorities/index.ts';
import { publicationHref } from './publication/index.ts';
import type { RoadmapEvidence } from './roadmap-evidence.ts';
import {
  agencyName,
  datesText,
  initiativeHref,
  percent,
  roadmapHref,
  statusLabel,
} from './roadmap-labels.ts';
import type { StatusKind } from './roadmap-statuses.ts';
import {
  type Grouping,
  groupings,
  type MilestoneTally,
  type RoadmapGroup,
  type Tally,
  type TreeRow,
} from './roadmap-summary.ts';
import { RoadmapTimeline } from './timeline/index.ts';

export interface RoadmapPage {
  roadmap: Roadmap;
  evidence: RoadmapEvidence;
  grouping: Grouping;
  levels: { level: string; tally: Tally }[];
  overall: Tally;
  /** The tree in order, for the tree view; the groups for the others. */
  rows: TreeRow[];
  groups: RoadmapGroup[];
  /** Accepted recommendations, SWOT weaknesses and goals no initiative answers yet. */
  waiting: OriginChoice[];
  agencies: ReadonlyMap<string, { name: string; acronym: string | null }>;
  /** The milestones of every initiative, for the timeline. */
  milestones: readonly Milestone[];
  milestoneTally: MilestoneTally;
  today: string;
}

const kindsShown: readonly StatusKind[] = ['completed', 'active', 'proposed', 'cancelled'];

function TallyText({ messages, tally }: { messages: Messages; tally: Tally }) {
  const { t } = messages;
  const parts = kindsShown
    .filter((kind) => tally.byKind[kind] > 0 || kind === 'completed')
    .map((kind) => t(`roadmap.glance.${kind}`, { count: tally.byKind[kind] }));
  return (
    <>
      {parts.join(' · ')}
      {tally.overdue > 0 && (
        <>
          {' · '}
          <strong class="overdue">{t('roadmap.glance.overdue', { count: tally.overdue })}</strong>
        </>
      )}
    </>
  );
}

function ProgressText({ messages, value }: { messages: Messages; value: number | undefined }) {
  if (value === undefined) return <>—</>;
  return (
    <>
      <progress max={100} value={Math.round(value)} aria-hidden="true" /> {percent(messages, value)}
    </>
  );
}

/** The roadmap at a glance: one line per level, "16 projects: 1 completed · 6 under way · …". */
function Glance({ messages, page }: { messages: Messages; page: RoadmapPage }) {
  const { t } = messages;
  return (
    <section aria-labelledby="glance">
      <h2 id="glance">{t('roadmap.glance.title')}</h2>
      <dl class="summary glance">
        {page.levels.map(({ level, tally }) => (
          <div key={level}>
            <dt>{t(`roadmap.glance.${level}`, { count: tally.total })}</dt>
            <dd>
              <TallyText messages={messages} tally={tally} />
            </dd>
          </div>
        ))}
        {page.milestoneTally.total > 0 && (
          <div>
            <dt>{t('roadmap.glance.milestones', { count: page.milestoneTally.total })}</dt>
            <dd>
              {t('roadmap.glance.reached', { count: page.milestoneTally.reached })}
              {page.milestoneTally.overdue > 0 && (
                <>
                  {' · '}
                  <strong class="overdue">
                    {t('roadmap.glance.overdue', { count: page.milestoneTally.overdue })}
                  </strong>
                </>
              )}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('roadmap.glance.progress')}</dt>
          <dd>
            <ProgressText messages={messages} value={page.overall.progress} />
          </dd>
        </div>
      </dl>
    </section>
  );
}

export function originText(messages: Messages, evidence: RoadmapEvidence, choice: OriginChoice) {
  switch (choice.kind) {
    case 'recommendation':
      return evidence.framework
        ? `${textOf(messages, evidence.framework)(choice.recommendation.title)} (${choice.ref})`
        : choice.ref;
    case 'swot_entry':
      return choice.text;
    case 'goal':
      return choice.title;
  }
}

export const newFromHref = (planId: string, choice: Pick<OriginChoice, 'kind' | 'ref'>) =>
  `${roadmapHref(planId)}/new?from=${choice.kind}&ref=${encodeURIComponent(choice.ref)}`;

/** What the analysis and the advice decided and no initiative answers yet. */
function Waiting({
  messages,
  page,
  mayEdit,
}: {
  messages: Messages;
  page: RoadmapPage;
  mayEdit: boolean;
}) {
  const { t } = messages;
  if (page.waiting.length === 0) return null;
  const planId = page.roadmap.plan.id;
  return (
    <details class="waiting">
      <summary>{t('roadmap.waiting.title', { count: page.waiting.length })}</summary>
      <p>{t('roadmap.waiting.intro')}</p>
      <ul>
        {page.waiting.map((choice) => (
          <li key={`${choice.kind}:${choice.ref}`}>
            <span class="caption">{t(`roadmap.origin.${choice.kind}`)}:</span>{' '}
            {originText(messages, page.evidence, choice)}
            {mayEdit && (
              <>
                {' '}
                <a href={newFromHref(planId, choice)}>{t('roadmap.waiting.create')}</a>
              </>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

function GroupingNav({ messages, page }: { messages: Messages; page: RoadmapPage }) {
  const { t } = messages;
  const href = roadmapHref(page.roadmap.plan.id);
  return (
    <nav class="results-nav" aria-label={t('roadmap.by.label')}>
      <ul>
        {groupings.map((grouping) => (
          <li key={grouping}>
            <a
              href={grouping === 'tree' ? href : `${href}?by=${grouping}`}
              aria-current={grouping === page.grouping ? 'page' : undefined}
            >
              {t(`roadmap.by.${grouping}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function InitiativeTable({
  messages,
  page,
  caption,
  rows,
}: {
  messages: Messages;
  page: RoadmapPage;
  caption: string;
  rows: readonly TreeRow[];
}) {
  const { t } = messages;
  const { roadmap } = page;
  return (
    <TableScroll label={caption}>
      <table class="initiatives">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('roadmap.table.initiative')}</th>
            <th scope="col">{t('roadmap.field.status')}</th>
            <th scope="col">{t('roadmap.table.progress')}</th>
            <th scope="col">{t('roadmap.table.dates')}</th>
            <th scope="col">{t('roadmap.field.leadAgencyId')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ initiative, depth }) => {
            const status = statusOf(roadmap.statuses, initiative.status);
            const overdue = initiativeOverdue(
              { endsOn: initiative.endsOn, statusKind: status.kind },
              page.today,
            );
            return (
              <tr key={initiative.id}>
                <th scope="row" class={`depth-${Math.min(depth, 3)}`}>
                  <span class="caption">{t(`roadmap.level.${initiative.level}`)}</span>{' '}
                  <a href={initiativeHref(roadmap.plan.id, initiative.id)}>{initiative.title}</a>
                </th>
                <td>
                  <span class={`tag status-${status.kind}`}>{statusLabel(messages, status)}</span>
                </td>
                <td class="numeric">
                  <ProgressText
                    messages={messages}
                    value={roadmap.progress.get(initiative.id)?.value}
                  />
                </td>
                <td>
                  {datesText(messages, initiative)}
                  {overdue && (
                    <>
                      {' '}
                      <strong class="overdue">{t('roadmap.overdue')}</strong>
                    </>
                  )}
                </td>
                <td>{initiative.leadAgency ? agencyName(initiative.leadAgency) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

function groupTitle(messages: Messages, page: RoadmapPage, group: RoadmapGroup): string {
  const { t } = messages;
  if (group.key === '') return t(`roadmap.by.none.${page.grouping}`);
  switch (page.grouping) {
    case 'horizon':
      return t(`roadmap.horizon.${group.key}`);
    case 'dimension': {
      const framework = page.evidence.framework;
      const dimension = framework?.dimensions.find((each) => each.code === group.key);
      return framework && dimension ? textOf(messages, framework)(dimension.name) : group.key;
    }
    case 'goal':
      return page.evidence.goals.find((goal) => goal.id === group.key)?.title ?? group.key;
    default: {
      const agency = page.agencies.get(group.key);
      return agency ? agency.name : group.key;
    }
  }
}

export function RoadmapView({
  messages,
  page,
  mayEdit,
}: {
  messages: Messages;
  page: RoadmapPage;
  mayEdit: boolean;
}) {
  const { t } = messages;
  const { plan } = page.roadmap;
  const empty = page.roadmap.initiatives.length === 0;
  return (
    <>
      <PlanHeading messages={messages} plan={plan} current="roadmap" title={t('roadmap.title')} />
      <p class="lead">{t('roadmap.intro')}</p>
      <div class="actions">
        {mayEdit && (
          <a class="button" href={`${roadmapHref(plan.id)}/new`}>
            {t('roadmap.add')}
          </a>
        )}
        <a class="button secondary" href={prioritiesHref(plan.id)}>
          {t('priorities.title')}
        </a>
        <a class="button secondary" href={publicationHref(plan.id)}>
          {t('roadmapPublic.manage.title')}
        </a>
      </div>
      <RoadmapFileActions messages={messages} plan={plan} mayImport={mayEdit} />
      {empty ? <p>{t('roadmap.none')}</p> : <Glance messages={messages} page={page} />}
      <Waiting messages={messages} page={page} mayEdit={mayEdit} />
      {!empty && (
        <>
          <RoadmapTimeline
            messages={messages}
            roadmap={page.roadmap}
            milestones={page.milestones}
            today={page.today}
            hrefOf={(initiative) => initiativeHref(plan.id, initiative.id)}
          />
          <h2>{t('roadmap.initiatives')}</h2>
          <GroupingNav messages={messages} page={page} />
          {page.grouping === 'tree' ? (
            <InitiativeTable
              messages={messages}
              page={page}
              caption={t('roadmap.initiatives')}
              rows={page.rows}
            />
          ) : (
            page.groups.map((group) => {
              const title = groupTitle(messages, page, group);
              return (
                <section key={group.key} aria-label={title}>
                  <h3>{title}</h3>
                  <p class="meta">
                    <TallyText messages={messages} tally={group.tally} /> ·{' '}
                    {t('roadmap.glance.progress')}:{' '}
                    <ProgressText messages={messages} value={group.tally.progress} />
                  </p>
                  <InitiativeTable
                    messages={messages}
                    page={page}
                    caption={title}
                    rows={group.initiatives.map((initiative) => ({ initiative, depth: 0 }))}
                  />
                </section>
              );
            })
          )}
        </>
      )}
    </>
  );
}
