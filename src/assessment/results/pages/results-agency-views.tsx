// One agency's results: against the whole of government and against the
// other agencies of its level and of its sector, dimension by dimension; its
// consensus where a workshop recorded one; the items that pull it down; where
// its own respondents disagree; and its change since an earlier round.

import type { ChartSeries } from '../../../platform/charts/chart-input.ts';
import { radarChart } from '../../../platform/charts/radar-chart.ts';
import type { Messages } from '../../../platform/i18n/messages.ts';
import { sectorLabel } from '../../agencies/index.ts';
import type { Framework } from '../../frameworks/index.ts';
import { countItems, textOf } from '../../frameworks/index.ts';
import type { RoundInfo } from '../../rounds/index.ts';
import type { Target } from '../advice/targets.ts';
import type { ItemPullingDown } from '../findings/diagnostics.ts';
import { type Divergence, strongestAndWeakest } from '../findings/highlights.ts';
import { scoreScaleOf } from '../scoring/score-scale.ts';
import type { ScoreTree } from '../scoring/scoring.ts';
import { intervalOf } from '../scoring/uncertainty.ts';
import type { AgencyProfile } from '../store/results-selection.ts';
import { recommendationsHref, TargetCells } from './results-advice-views.tsx';
import { PullingDownFindings } from './results-diagnostics-views.tsx';
import {
  agencyLabel,
  ChangeTable,
  Chart,
  type CompareChoice,
  ConsensusCoverage,
  formatInterval,
  formatNumberOf,
  formatScore,
  itemStatements,
  levelName,
  ResultsHeading,
  type ResultsQuery,
  resultsHref,
} from './results-parts.tsx';

export interface AgencyData {
  round: RoundInfo;
  framework: Framework;
  query: ResultsQuery;
  agency: AgencyProfile;
  tree: ScoreTree;
  wholeOfGovernment: ScoreTree | undefined;
  peers: { level: ScoreTree | undefined; sector: ScoreTree | undefined };
  consensus: ScoreTree | undefined;
  earlier: { round: CompareChoice; tree: ScoreTree | undefined } | undefined;
  pullingDown: readonly ItemPullingDown[];
  divergences: readonly Divergence[];
  /** The workspace's targets (or the defaults) by dimension and sub-dimension code. */
  targets: ReadonlyMap<string, Target>;
}

export function ResultsAgencyView({ messages, data }: { messages: Messages; data: AgencyData }) {
  const { t } = messages;
  const { round, framework, agency, tree, query } = data;
  const text = textOf(messages, framework);
  const itemText = itemStatements(messages, framework);
  const columns = comparisonColumns(messages, data);
  const { strongest, weakest } = strongestAndWeakest(tree, 3);
  const subdimensionName = new Map(
    framework.dimensions.flatMap((d) =>
      d.subdimensions.map((s) => [s.code, `${text(d.name)}: ${text(s.name)}`] as const),
    ),
  );
  return (
    <>
      <ResultsHeading
        messages={messages}
        round={round}
        title={agencyLabel(agency)}
        current="agencies"
        within={true}
        query={query}
      />
      <p>
        <a class="back-link" href={resultsHref(round.id, 'agencies', query)}>
          {t('results.agency.back')}
        </a>
      </p>
      <dl class="summary">
        <div>
          <dt>{t('results.overall')}</dt>
          <dd>
            <strong>{formatScore(messages, tree.value)}</strong>{' '}
            {levelName(messages, framework, tree)}
            {intervalOf(tree) && (
              <>
                {' '}
                <span class="meta">
                  {t('results.interval.of', { range: formatInterval(messages, tree) })}
                </span>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('results.respondents')}</dt>
          <dd>{messages.number(tree.respondents)}</dd>
        </div>
        <div>
          <dt>{t('agencies.level')}</dt>
          <dd>{t(`level.${agency.level}`)}</dd>
        </div>
        <div>
          <dt>{t('agencies.sector')}</dt>
          <dd>{sectorLabel(messages, agency.sector)}</dd>
        </div>
      </dl>
      <section aria-labelledby="compared">
        <h2 id="compared">{t('results.agency.compared')}</h2>
        <Chart
          caption={t('results.agency.compared.caption')}
          svg={radarChart({
            id: 'radar-agency',
            title: t('results.agency.compared'),
            description: t('results.agency.compared.description', {
              agency: agencyLabel(agency),
            }),
            formatNumber: formatNumberOf(messages),
            axes: framework.dimensions.map((d) => text(d.name)),
            // A radar cannot leave a gap: a tree without a score on some
            // dimension (a consensus covering part of the framework) stays in the table.
            series: columns
              .filter((column) => column.tree.dimensions.every((d) => d.value !== undefined))
              .map(
                (column): ChartSeries => ({
                  name: column.name,
                  values: column.tree.dimensions.map((d) => d.value),
                }),
              ),
            scale: scoreScaleOf(framework),
          })}
        >
          <table>
            <caption>{t('results.agency.compared.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.dimension')}</th>
                {columns.map((column) => (
                  <th scope="col" class="numeric" key={column.name}>
                    {column.name}
                  </th>
                ))}
                <th scope="col">{t('results.target')}</th>
                <th scope="col" class="numeric">
                  {t('results.gap')}
                </th>
              </tr>
            </thead>
            <tbody>
              {framework.dimensions.map((dimension, d) => (
                <tr key={dimension.code}>
                  <th scope="row">{text(dimension.name)}</th>
                  {columns.map((column) => (
                    <td class="numeric" key={column.name}>
                      {formatScore(messages, column.tree.dimensions[d]?.value)}
                    </td>
                  ))}
                  <TargetCells
                    messages={messages}
                    framework={framework}
                    score={tree.dimensions[d]}
                    target={data.targets.get(dimension.code)}
                  />
                </tr>
              ))}
              <tr>
                <th scope="row">{t('results.overall')}</th>
                {columns.map((column) => (
                  <td class="numeric" key={column.name}>
                    {formatScore(messages, column.tree.value)}
                  </td>
                ))}
                <td />
                <td />
              </tr>
            </tbody>
          </table>
        </Chart>
        {data.consensus && (
          <ConsensusCoverage
            messages={messages}
            consensus={data.consensus}
            items={countItems(framework)}
          />
        )}
        <p>
          <a href={recommendationsHref(round.id, agency.id)}>
            {t('results.agency.recommendations', { agency: agencyLabel(agency) })}
          </a>
        </p>
      </section>
      {strongest.length > 0 && (
        <section aria-labelledby="agency-highlights">
          <h2 id="agency-highlights">{t('results.bySubdimension')}</h2>
          <div class="columns">
            <div>
              <h3>{t('results.strongest')}</h3>
              <ol>
                {strongest.map((s) => (
                  <li key={s.subdimensionCode}>
                    {subdimensionName.get(s.subdimensionCode)}: {formatScore(messages, s.value)}
                  </li>
                ))}
              </ol>
            </div>
            <div>
              <h3>{t('results.weakest')}</h3>
              <ol>
                {weakest.map((s) => (
                  <li key={s.subdimensionCode}>
                    {subdimensionName.get(s.subdimensionCode)}: {formatScore(messages, s.value)}
                  </li>
                ))}
              </ol>
            </div>
          </div>
        </section>
      )}
      <section aria-labelledby="pulling-down">
        <h2 id="pulling-down">{t('results.diagnostics.pullingDown')}</h2>
        <PullingDownFindings
          messages={messages}
          framework={framework}
          findings={data.pullingDown}
        />
      </section>
      <section aria-labelledby="divergences">
        <h2 id="divergences">{t('results.divergences')}</h2>
        {data.divergences.length === 0 ? (
          <p>{t('results.divergences.none')}</p>
        ) : (
          <table>
            <caption>{t('results.divergences.agencyTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.item')}</th>
                <th scope="col" class="numeric">
                  {t('results.score')}
                </th>
                <th scope="col" class="numeric">
                  {t('results.spread')}
                </th>
                <th scope="col" class="numeric">
                  {t('results.answers')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.divergences.map((divergence) => (
                <tr key={divergence.itemCode}>
                  <th scope="row">
                    {divergence.itemCode} {itemText(divergence.itemCode)}
                  </th>
                  <td class="numeric">{formatScore(messages, divergence.value)}</td>
                  <td class="numeric">{formatScore(messages, divergence.spread)}</td>
                  <td class="numeric">{messages.number(divergence.n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {data.earlier && (
        <section aria-labelledby="agency-change">
          <h2 id="agency-change">
            {t('results.change.title', { round: data.earlier.round.name })}
          </h2>
          {data.earlier.tree ? (
            <ChangeTable
              messages={messages}
              framework={framework}
              earlier={data.earlier.tree}
              later={tree}
              earlierName={data.earlier.round.name}
              laterName={round.name}
            />
          ) : (
            <p class="notice">{t('results.change.noEarlierScores')}</p>
          )}
        </section>
      )}
    </>
  );
}

function comparisonColumns(messages: Messages, data: AgencyData) {
  const { t } = messages;
  const columns: { name: string; tree: ScoreTree }[] = [
    { name: data.agency.acronym ?? data.agency.name, tree: data.tree },
  ];
  if (data.consensus) columns.push({ name: t('results.agency.consensus'), tree: data.consensus });
  if (data.wholeOfGovernment)
    columns.push({ name: t('results.wholeOfGovernment'), tree: data.wholeOfGovernment });
  if (data.peers.level)
    columns.push({
      name: t('results.agency.sameLevel', { level: t(`level.${data.agency.level}`) }),
      tree: data.peers.level,
    });
  if (data.peers.sector)
    columns.push({
      name: t('results.agency.sameSector', {
        sector: sectorLabel(messages, data.agency.sector),
      }),
      tree: data.peers.sector,
    });
  return columns;
}
