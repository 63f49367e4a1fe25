// A roadmap's timeline on a page: the Gantt-like chart, its key, the
// initiatives not yet scheduled, and the table beside it with every date,
// status, progress and milestone — what the chart shows, in words.
import type { Messages } from '../../../platform/i18n/messages.ts';
import type { Initiative } from '../initiative-store.ts';
import type { Milestone } from '../milestone-store.ts';
import type { Roadmap } from '../open-roadmap.ts';
import { percent, statusLabel } from '../roadmap-labels.ts';
import { statusKinds } from '../roadmap-statuses.ts';
import { timelineChart } from './roadmap-timeline-chart.ts';
import {
  layoutTimeline,
  type TimelineLayout,
  type TimelineRow,
} from './roadmap-timeline-layout.ts';

type DayText = (day: string) => string;

/** Days in words, each formatted once: a large roadmap repeats the same few dates, and formatting is the slow part. */
function dayTexts(messages: Messages): DayText {
  const known = new Map<string, string>();
  return (day) => {
    let text = known.get(day);
    if (text === undefined) {
      text = messages.date(day);
      known.set(day, text);
    }
    return text;
  };
}

function milestoneText(
  messages: Messages,
  dayText: DayText,
  { milestone, overdue }: TimelineRow['milestones'][0],
) {
  const values = { title: milestone.title, date: dayText(milestone.dueOn) };
  if (milestone.reachedOn)
    return messages.t('timeline.milestone.reached', {
      ...values,
      reached: dayText(milestone.reachedOn),
    });
  return messages.t(overdue ? 'timeline.milestone.missed' : 'timeline.milestone.due', values);
}

function TimelineKey({ messages }: { messages: Messages }) {
  const { t } = messages;
  // Each swatch is a tiny SVG drawn with the chart's own classes, so the key matches it exactly.
  const swatch = (shape: string) => (
    <svg class="timeline" viewBox="0 0 28 16" width="28" height="16" aria-hidden="true">
      <g dangerouslySetInnerHTML={{ __html: shape }} />
    </svg>
  );
  const bar = (kind: string) =>
    `<g class="tl-${kind}"><rect class="tl-bar" x="1" y="1" width="26" height="14"/><rect class="tl-done" x="1" y="1" width="13" height="14"/></g>`;
  const entries: [string, string][] = [
    ...statusKinds.map((kind): [string, string] => [bar(kind), t(`roadmap.statusKind.${kind}`)]),
    [
      '<rect class="tl-bar" x="1" y="1" width="26" height="14"/><rect class="tl-late" x="1" y="1" width="26" height="14"/>',
      t('timeline.key.overdue'),
    ],
    ['<path class="tl-ms" d="M14 2l6 6-6 6-6-6z"/>', t('timeline.key.milestone')],
    ['<path class="tl-reached" d="M14 2l6 6-6 6-6-6z"/>', t('timeline.key.reached')],
    ['<path class="tl-missed" d="M14 2l6 6-6 6-6-6z"/>', t('timeline.key.missed')],
    ['<path class="tl-today" d="M14 0V16"/>', t('timeline.key.today')],
  ];
  return (
    <ul class="timeline-key" aria-label={t('timeline.key.label')}>
      {entries.map(([shape, label]) => (
        <li key={label}>
          {swatch(shape)}
          {label}
        </li>
      ))}
    </ul>
  );
}

function TimelineTable({
  messages,
  layout,
  hrefOf,
}: {
  messages: Messages;
  layout: TimelineLayout;
  hrefOf: ((initiative: Initiative) => string) | undefined;
}) {
  const { t } = messages;
  const dayText = dayTexts(messages);
  const dateText = (day: string | null) => (day ? dayText(day) : '—');
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus (WCAG 2.1.1)
    <section class="table-scroll" aria-label={t('timeline.table.caption')} tabIndex={0}>
      <table class="initiatives timeline-table">
        <caption>{t('timeline.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('roadmap.field.title')}</th>
            <th scope="col">{t('roadmap.field.startsOn')}</th>
            <th scope="col">{t('roadmap.field.endsOn')}</th>
            <th scope="col">{t('roadmap.field.status')}</th>
            <th scope="col" class="numeric">
              {t('timeline.table.progress')}
            </th>
            <th scope="col">{t('timeline.table.milestones')}</th>
          </tr>
        </thead>
        <tbody>
          {layout.rows.map((row) => (
            <tr key={row.initiative.id}>
              <th scope="row" class={`depth-${Math.min(row.depth, 3)}`}>
                {hrefOf ? (
                  <a href={hrefOf(row.initiative)}>{row.initiative.title}</a>
                ) : (
                  row.initiative.title
                )}
              </th>
              <td>{dateText(row.initiative.startsOn)}</td>
              <td>{dateText(row.initiative.endsOn)}</td>
              <td>
                {statusLabel(messages, row.status)}
                {row.overdue && (
                  <>
                    {' '}
                    <strong class="overdue">{t('roadmap.overdue')}</strong>
                  </>
                )}
              </td>
              <td class="numeric">{percent(messages, row.progress)}</td>
              <td>
                {row.milestones.length > 0 && (
                  <ul>
                    {row.milestones.map((entry) => (
                      <li key={entry.milestone.id}>{milestoneText(messages, dayText, entry)}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * The timeline of a roadmap (open-roadmap.ts): pass the roadmap, its
 * milestones (listMilestones) and today ('YYYY-MM-DD', isoToday()). Titles in
 * the table link where `hrefOf` says; without it they are plain text.
 */
export function RoadmapTimeline({
  messages,
  roadmap,
  milestones,
  today,
  hrefOf,
}: {
  messages: Messages;
  roadmap: Pick<Roadmap, 'plan' | 'statuses' | 'initiatives' | 'progress'>;
  milestones: readonly Milestone[];
  today: string;
  hrefOf?: (initiative: Initiative) => string;
}) {
  const { t } = messages;
  const layout = layoutTimeline({ ...roadmap, milestones, today });
  const overdue = layout.rows.filter((row) => row.overdue).length;
  const first = layout.years[0]?.year ?? roadmap.plan.startsYear;
  const last = layout.years.at(-1)?.year ?? roadmap.plan.endsYear;
  return (
    <section class="timeline-section" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('timeline.heading')}</h2>
      {roadmap.initiatives.length === 0 ? (
        <p>{t('timeline.none')}</p>
      ) : (
        <>
          {layout.rows.length > 0 && (
            <figure class="chart">
              <div
                class="chart-image"
                // The SVG is built by roadmap-timeline-chart.ts, every text in it escaped.
                dangerouslySetInnerHTML={{
                  __html: timelineChart(layout, {
                    title: t('timeline.chartTitle'),
                    description: t('timeline.description', {
                      count: layout.rows.length,
                      from: first,
                      to: last,
                      overdue,
                    }),
                    today: t('timeline.today'),
                    overdue: t('roadmap.overdue'),
                    quarter: (quarter) => t('timeline.quarter', { quarter }),
                  }),
                }}
              />
              <figcaption>
                <TimelineKey messages={messages} />
              </figcaption>
            </figure>
          )}
          {layout.unscheduled.length > 0 && (
            <>
              <h3>{t('timeline.unscheduled.heading')}</h3>
              <p>{t('timeline.unscheduled.intro')}</p>
              <ul>
                {layout.unscheduled.map((initiative) => (
                  <li key={initiative.id}>
                    {hrefOf ? (
                      <a href={hrefOf(initiative)}>{initiative.title}</a>
                    ) : (
                      initiative.title
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          {layout.rows.length > 0 && (
            <TimelineTable messages={messages} layout={layout} hrefOf={hrefOf} />
          )}
        </>
      )}
    </section>
  );
}
