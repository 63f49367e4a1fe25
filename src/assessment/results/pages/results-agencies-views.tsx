// Agencies side by side: a heatmap of every agency shown by sub-dimension,
// the table of their scores, and how each moved since an earlier round.
import { heatmapChart } from '../../../platform/charts/heatmap-chart.ts';
import type { Messages } from '../../../platform/i18n/messages.ts';
import { textOf } from '../../frameworks/index.ts';
import { scoreScaleOf } from '../scoring/score-scale.ts';
import type { ScoreTree } from '../scoring/scoring.ts';
import {
  agencyLabel,
  Chart,
  type CompareChoice,
  type FilteredPage,
  formatChange,
  formatInterval,
  formatNumberOf,
  formatScore,
  levelName,
  ResultsFrame,
  resultsHref,
  TableScroll,
} from './results-parts.tsx';

export interface AgenciesData extends FilteredPage {
  compareChoices: readonly CompareChoice[];
  /** Agencies' trees in the earlier round chosen, for those it may show on their own. */
  earlier: { round: CompareChoice; trees: ReadonlyMap<string, ScoreTree> } | undefined;
}

export function ResultsAgenciesView({
  messages,
  data,
}: {
  messages: Messages;
  data: AgenciesData;
}) {
  const { t } = messages;
  const { round, framework, query, selection } = data;
  const text = textOf(messages, framework);
  const subdimensions = framework.dimensions.flatMap((dimension, d) =>
    dimension.subdimensions.map((subdimension, s) => ({ dimension, subdimension, d, s })),
  );
  const { shown } = selection;
  // The heatmap names agencies by acronym, so it lists them in the order of that label
  // (the table, which shows full names, keeps the order of full names).
  const collator = new Intl.Collator(messages.language);
  const heatmapRows = shown
    .map((entry) => ({ ...entry, label: entry.agency.acronym ?? entry.agency.name }))
    .sort((a, b) => collator.compare(a.label, b.label));
  return (
    <ResultsFrame messages={messages} page="agencies" data={data} totalShown={true}>
      {shown.length === 0 ? (
        <p class="notice">{t('results.agencies.none')}</p>
      ) : (
        <>
          <Chart
            caption={t('results.agencies.heatmap.caption')}
            svg={heatmapChart({
              id: 'heatmap-agencies',
              title: t('results.agencies.heatmap.title'),
              description: t('results.agencies.heatmap.description', {
                agencies: shown.length,
                subdimensions: subdimensions.length,
              }),
              formatNumber: formatNumberOf(messages),
              rows: heatmapRows.map(({ label }) => label),
              columns: subdimensions.map(({ subdimension }) => subdimension.code),
              cells: heatmapRows.map(({ tree }) =>
                subdimensions.map(({ d, s }) => tree.dimensions[d]?.subdimensions[s]?.value),
              ),
              scale: scoreScaleOf(framework),
              emptyLabel: t('results.noScore'),
            })}
          >
            <details>
              <summary>{t('results.agencies.heatmap.key')}</summary>
              <dl class="code-key">
                {subdimensions.map(({ dimension, subdimension }) => (
                  <div key={subdimension.code}>
                    <dt>{subdimension.code}</dt>
                    <dd>
                      {text(dimension.name)}: {text(subdimension.name)}
                    </dd>
                  </div>
                ))}
              </dl>
            </details>
          </Chart>
          <TableScroll label={t('results.agencies.table')}>
            <table>
              <caption>{t('results.agencies.table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('agencies.name')}</th>
                  <th scope="col" class="numeric">
                    {t('results.respondents')}
                  </th>
                  <th scope="col" class="numeric">
                    {t('results.overall')}
                  </th>
                  <th scope="col" class="numeric">
                    {t('results.interval')}
                  </th>
                  <th scope="col">{t('results.level')}</th>
                  {framework.dimensions.map((dimension) => (
                    <th scope="col" class="numeric" key={dimension.code}>
                      <abbr title={text(dimension.name)}>{dimension.code}</abbr>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map(({ agency, tree }) => (
                  <tr key={agency.id}>
                    <th scope="row">
                      <a href={resultsHref(round.id, { agencyId: agency.id }, query)}>
                        {agencyLabel(agency)}
                      </a>
                    </th>
                    <td class="numeric">{messages.number(tree.respondents)}</td>
                    <td class="numeric">{formatScore(messages, tree.value)}</td>
                    <td class="numeric">{formatInterval(messages, tree)}</td>
                    <td>{levelName(messages, framework, tree)}</td>
                    {tree.dimensions.map((dimension) => (
                      <td class="numeric" key={dimension.dimensionCode}>
                        {formatScore(messages, dimension.value)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {data.earlier && <AgencyChanges messages={messages} data={data} earlier={data.earlier} />}
        </>
      )}
      {selection.withoutAnswers.length > 0 && (
        <section aria-labelledby="without-answers">
          <h2 id="without-answers">{t('results.agencies.withoutAnswers')}</h2>
          <ul>
            {selection.withoutAnswers.map((agency) => (
              <li key={agency.id}>{agencyLabel(agency)}</li>
            ))}
          </ul>
        </section>
      )}
    </ResultsFrame>
  );
}

function AgencyChanges({
  messages,
  data,
  earlier,
}: {
  messages: Messages;
  data: AgenciesData;
  earlier: NonNullable<AgenciesData['earlier']>;
}) {
  const { t } = messages;
  const rows = data.selection.shown.flatMap(({ agency, tree }) => {
    const before = earlier.trees.get(agency.id)?.value;
    return before === undefined || tree.value === undefined
      ? []
      : [{ agency, before, after: tree.value, change: tree.value - before }];
  });
  rows.sort((a, b) => b.change - a.change);
  return (
    <section aria-labelledby="agency-change">
      <h2 id="agency-change">{t('results.change.title', { round: earlier.round.name })}</h2>
      {rows.length === 0 ? (
        <p class="notice">{t('results.change.noEarlierScores')}</p>
      ) : (
        <table>
          <caption>{t('results.agencies.changeTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agencies.name')}</th>
              <th scope="col" class="numeric">
                {earlier.round.name}
              </th>
              <th scope="col" class="numeric">
                {data.round.name}
              </th>
              <th scope="col" class="numeric">
                {t('results.change')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.agency.id}>
                <th scope="row">{agencyLabel(row.agency)}</th>
                <td class="numeric">{formatScore(messages, row.before)}</td>
                <td class="numeric">{formatScore(messages, row.after)}</td>
                <td class="numeric">{formatChange(messages, row.change)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
