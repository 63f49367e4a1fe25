// The stakeholder map's page: the interest × influence grid with its table,
// each stakeholder's chosen engagement beside the one its place suggests.
import { placementGridChart } from '../../platform/charts/placement-grid-chart.ts';
import { TableScroll } from '../../platform/http/table-scroll.tsx';
import type { Messages } from '../../platform/i18n/messages.ts';
import { type Plan, PlanHeading } from '../plans/index.ts';
import { HIGH_FROM, quadrantOf, RATING_MAX, suggestedEngagement } from './stakeholder-rules.ts';
import type { Stakeholder } from './stakeholder-store.ts';

export const stakeholdersHref = (planId: string) => `/plans/${planId}/stakeholders`;

/** A stakeholder's group in words: a vulnerable group names its sub-group too. */
export function groupText(
  messages: Messages,
  stakeholder: Pick<Stakeholder, 'group' | 'vulnerableGroup'>,
): string {
  const group = messages.t(`stakeholders.group.${stakeholder.group}`);
  return stakeholder.vulnerableGroup
    ? `${group}: ${messages.t(`stakeholders.vulnerable.${stakeholder.vulnerableGroup}`)}`
    : group;
}

function StakeholderGrid({
  messages,
  stakeholders,
}: {
  messages: Messages;
  stakeholders: readonly Stakeholder[];
}) {
  const { t } = messages;
  const svg = placementGridChart({
    id: 'stakeholder-grid',
    title: t('stakeholders.grid.title'),
    description: t('stakeholders.grid.description', { count: stakeholders.length }),
    size: RATING_MAX,
    highFrom: HIGH_FROM,
    xTitle: t('stakeholders.field.interest'),
    yTitle: t('stakeholders.field.influence'),
    quadrants: {
      highHigh: t('stakeholders.quadrant.manageClosely'),
      lowXHighY: t('stakeholders.quadrant.keepSatisfied'),
      highXLowY: t('stakeholders.quadrant.keepInformed'),
      lowLow: t('stakeholders.quadrant.monitor'),
    },
    points: stakeholders.map((stakeholder, index) => ({
      marker: String(index + 1),
      x: stakeholder.interest,
      y: stakeholder.influence,
    })),
  });
  return (
    <figure class="chart">
      {/* The SVG is built by src/platform/charts from escaped labels. */}
      <div class="chart-image" dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption>{t('stakeholders.grid.caption')}</figcaption>
    </figure>
  );
}

export function StakeholdersView({
  messages,
  plan,
  stakeholders,
  mayEdit,
}: {
  messages: Messages;
  plan: Plan;
  stakeholders: readonly Stakeholder[];
  mayEdit: boolean;
}) {
  const { t } = messages;
  const href = stakeholdersHref(plan.id);
  return (
    <>
      <PlanHeading
        messages={messages}
        plan={plan}
        current="stakeholders"
        title={t('stakeholders.title')}
      />
      <p class="lead">{t('stakeholders.intro')}</p>
      <div class="actions">
        {mayEdit && (
          <a class="button" href={`${href}/new`}>
            {t('stakeholders.add')}
          </a>
        )}
        <a class="button secondary" href={`${href}/export.csv`}>
          {t('stakeholders.export.csv')}
        </a>
        <a class="button secondary" href={`${href}/export.xlsx`}>
          {t('stakeholders.export.xlsx')}
        </a>
      </div>
      {stakeholders.length === 0 ? (
        <p>{t('stakeholders.none')}</p>
      ) : (
        <>
          <StakeholderGrid messages={messages} stakeholders={stakeholders} />
          <TableScroll label={t('stakeholders.table.caption')}>
            <table>
              <caption>{t('stakeholders.table.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('stakeholders.table.number')}</th>
                  <th scope="col">{t('stakeholders.field.name')}</th>
                  <th scope="col">{t('stakeholders.field.group')}</th>
                  <th scope="col">{t('stakeholders.field.interest')}</th>
                  <th scope="col">{t('stakeholders.field.influence')}</th>
                  <th scope="col">{t('stakeholders.table.quadrant')}</th>
                  <th scope="col">{t('stakeholders.field.engagement')}</th>
                  <th scope="col">{t('stakeholders.table.suggested')}</th>
                  <th scope="col">{t('stakeholders.field.needs')}</th>
                  <th scope="col">{t('stakeholders.field.ownerId')}</th>
                </tr>
              </thead>
              <tbody>
                {stakeholders.map((stakeholder, index) => {
                  const suggested = suggestedEngagement(
                    stakeholder.interest,
                    stakeholder.influence,
                  );
                  return (
                    <tr key={stakeholder.id}>
                      <td>{index + 1}</td>
                      <th scope="row">
                        {mayEdit ? (
                          <a href={`${href}/${stakeholder.id}/edit`}>{stakeholder.name}</a>
                        ) : (
                          stakeholder.name
                        )}
                      </th>
                      <td>{groupText(messages, stakeholder)}</td>
                      <td>{stakeholder.interest}</td>
                      <td>{stakeholder.influence}</td>
                      <td>
                        {t(
                          `stakeholders.quadrant.${quadrantOf(stakeholder.interest, stakeholder.influence)}`,
                        )}
                      </td>
                      <td>{t(`stakeholders.engagement.${stakeholder.engagement}`)}</td>
                      <td>
                        {suggested === stakeholder.engagement
                          ? t('stakeholders.table.asSuggested')
                          : t(`stakeholders.engagement.${suggested}`)}
                      </td>
                      <td>{stakeholder.needs}</td>
                      <td>{stakeholder.ownerName ?? '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </>
  );
}
