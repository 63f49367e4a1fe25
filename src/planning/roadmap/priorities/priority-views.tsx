// The priorities page: the value × feasibility matrix with the ranked table
// its numbers refer to, and the initiatives not scored yet, each with a link
// to score it. Kept lean: a plan may hold a thousand initiatives.
import type { ComponentChildren } from 'preact';
import type { Messages } from '../../../platform/i18n/messages.ts';
import { type Plan, PlanHeading } from '../../plans/index.ts';
import type { RankedInitiative } from './priority-lookup.ts';
import { priorityMatrixChart } from './priority-matrix-chart.ts';
import {
  criteriaSettingsHref,
  scoreText,
  spreadText,
  statusesSettingsHref,
} from './priority-parts.tsx';

/** A wide table that scrolls sideways on a narrow screen; keyboard users can focus it to scroll. */
function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus (WCAG 2.1.1)
    <section class="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}

function Matrix({ messages, scored }: { messages: Messages; scored: readonly RankedInitiative[] }) {
  const { t } = messages;
  const svg = priorityMatrixChart({
    id: 'priority-matrix',
    title: t('priorities.matrix.title'),
    description: t('priorities.matrix.description', { count: scored.length }),
    xTitle: t('priorities.axis.feasibility'),
    yTitle: t('priorities.axis.value'),
    quadrants: {
      do_first: t('priorities.quadrant.do_first'),
      plan_carefully: t('priorities.quadrant.plan_carefully'),
      quick_wins: t('priorities.quadrant.quick_wins'),
      reconsider: t('priorities.quadrant.reconsider'),
    },
    points: scored.map((initiative, index) => ({
      marker: String(index + 1),
      x: initiative.priority.feasibility?.mean ?? 0,
      y: initiative.priority.value?.mean ?? 0,
    })),
  });
  return (
    <figure class="chart">
      {/* The SVG is built by priority-matrix-chart.ts from escaped labels. */}
      <div class="chart-image" dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption>{t('priorities.matrix.caption')}</figcaption>
    </figure>
  );
}

export function PrioritiesView({
  messages,
  plan,
  ranked,
  mayScore,
  mayManage,
}: {
  messages: Messages;
  plan: Plan;
  /** By rank, those not scored on both axes last. */
  ranked: readonly RankedInitiative[];
  mayScore: boolean;
  mayManage: boolean;
}) {
  const { t } = messages;
  const scored = ranked.filter((initiative) => initiative.priority.quadrant !== undefined);
  const unscored = ranked.filter((initiative) => initiative.priority.quadrant === undefined);
  // Links are relative to /plans/<id>/roadmap/, where an initiative's page and
  // its scoring form live: a few dozen bytes fewer on each of a thousand rows.
  return (
    <>
      <PlanHeading
        messages={messages}
        plan={plan}
        current="roadmap"
        title={t('priorities.title')}
      />
      <p class="lead">{t('priorities.intro')}</p>
      {mayManage && (
        <p class="actions">
          <a href={criteriaSettingsHref}>{t('priorities.criteriaLink')}</a>{' '}
          <a href={statusesSettingsHref}>{t('priorities.statusesLink')}</a>
        </p>
      )}
      {ranked.length === 0 && <p>{t('priorities.none')}</p>}
      {scored.length > 0 && (
        <>
          <Matrix messages={messages} scored={scored} />
          <TableScroll label={t('priorities.table.caption')}>
            <table>
              <caption>{t('priorities.table.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('priorities.table.rank')}</th>
                  <th scope="col">{t('priorities.table.initiative')}</th>
                  <th scope="col">{t('priorities.table.valueMean')}</th>
                  <th scope="col">{t('priorities.table.valueSpread')}</th>
                  <th scope="col">{t('priorities.table.feasibilityMean')}</th>
                  <th scope="col">{t('priorities.table.feasibilitySpread')}</th>
                  <th scope="col">{t('priorities.table.quadrant')}</th>
                  <th scope="col">{t('priorities.table.scorers')}</th>
                </tr>
              </thead>
              <tbody>
                {scored.map(
                  ({ id, title, scorers, priority: { value, feasibility, quadrant } }, index) =>
                    value && feasibility && quadrant ? (
                      <tr key={id}>
                        <td>{index + 1}</td>
                        <th scope="row">
                          <a href={id}>{title}</a>
                        </th>
                        <td>{scoreText(messages, value.mean)}</td>
                        <td>{spreadText(messages, value)}</td>
                        <td>{scoreText(messages, feasibility.mean)}</td>
                        <td>{spreadText(messages, feasibility)}</td>
                        <td>{t(`priorities.quadrant.${quadrant}`)}</td>
                        <td>{scorers}</td>
                      </tr>
                    ) : null,
                )}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
      {unscored.length > 0 && (
        <section aria-labelledby="unscored-title">
          <h2 id="unscored-title">{t('priorities.unscored.title')}</h2>
          <p>{t('priorities.unscored.text')}</p>
          <ul>
            {unscored.map(({ id, title }) => (
              <li key={id}>
                <a href={id}>{title}</a>
                {mayScore && (
                  <>
                    {' · '}
                    <a href={`${id}/score?from=priorities`}>
                      {t('priorities.scoreLink', { title })}
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
