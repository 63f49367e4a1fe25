// The results overview: the whole of government (or the agencies a filter
// chooses) by dimension, with its maturity level, beside the workshop's
// consensus and an earlier round; the strongest and weakest sub-dimensions.

import { barChart } from '../../../platform/charts/bar-chart.ts';
import { changeChart } from '../../../platform/charts/change-chart.ts';
import type { ChartSeries } from '../../../platform/charts/chart-input.ts';
import { radarChart } from '../../../platform/charts/radar-chart.ts';
import type { Messages } from '../../../platform/i18n/messages.ts';
import { countItems, textOf } from '../../frameworks/index.ts';
import type { Target } from '../advice/targets.ts';
import { ResultsExports } from '../exports/results-exports-views.tsx';
import { changeSince, strongestAndWeakest } from '../findings/highlights.ts';
import { agreementOver, itemsOfDimension } from '../scoring/agreement.ts';
import type { LikeForLike } from '../scoring/like-for-like.ts';
import { scoreScaleOf } from '../scoring/score-scale.ts';
import type { ScoreTree } from '../scoring/scoring.ts';
import { METHODOLOGY_PATH } from './methodology-routes.tsx';
import { TargetCells } from './results-advice-views.tsx';
import {
  ChangeTable,
  Chart,
  type CompareChoice,
  ConsensusCoverage,
  type FilteredPage,
  formatChange,
  formatInterval,
  formatNumberOf,
  formatScore,
  formatShare,
  levelName,
  ResultsFrame,
} from './results-parts.tsx';

export interface EarlierRound {
  round: CompareChoice;
  /** The same agencies' total in the earlier round; undefined when withheld or unanswered. */
  total: ScoreTree | undefined;
  /** The change over the agencies that answered in both rounds. */
  likeForLike: LikeForLike | undefined;
}

export interface OverviewData extends FilteredPage {
  /** The workspace's targets (or the defaults) by dimension and sub-dimension code. */
  targets: ReadonlyMap<string, Target>;
  compareChoices: readonly CompareChoice[];
  /** The whole of government's consensus, when a workshop recorded one and no filter is set. */
  consensus: ScoreTree | undefined;
  earlier: EarlierRound | undefined;
  /** The reader may download the raw answers. */
  mayReadAnswers: boolean;
}

const HIGHLIGHTS = 3;

export function ResultsOverviewView({
  messages,
  data,
}: {
  messages: Messages;
  data: OverviewData;
}) {
  const { t } = messages;
  const { round, framework, query, selection } = data;
  const total = selection.total;
  return (
    <ResultsFrame
      messages={messages}
      page="overview"
      data={data}
      lead={round.status === 'open' && <p class="notice">{t('results.roundStillOpen')}</p>}
    >
      {total === undefined || total.value === undefined ? (
        selection.disclosure.totalShown(query) && <p class="notice">{t('results.noAnswersYet')}</p>
      ) : (
        <>
          <dl class="summary">
            <div>
              <dt>{t('results.overall')}</dt>
              <dd>
                <strong>{formatScore(messages, total.value)}</strong>{' '}
                {levelName(messages, framework, total)}
              </dd>
            </div>
            <div>
              <dt>{t('results.agenciesCounted')}</dt>
              <dd>{messages.number(total.agencies)}</dd>
            </div>
            <div>
              <dt>{t('results.respondents')}</dt>
              <dd>{messages.number(total.respondents)}</dd>
            </div>
          </dl>
          <p class="hint">
            {t('results.eachAgencyOnce')}{' '}
            <a href={METHODOLOGY_PATH}>{t('results.methodology.link')}</a>
          </p>
          <DimensionSection messages={messages} data={data} total={total} />
          <SubdimensionSection messages={messages} data={data} total={total} />
          {data.earlier && (
            <ChangeSection messages={messages} data={data} total={total} earlier={data.earlier} />
          )}
        </>
      )}
      <ResultsExports
        messages={messages}
        round={round}
        filter={query}
        mayReadAnswers={data.mayReadAnswers}
      />
    </ResultsFrame>
  );
}

function DimensionSection({
  messages,
  data,
  total,
}: {
  messages: Messages;
  data: OverviewData;
  total: ScoreTree;
}) {
  const { t } = messages;
  const { framework, consensus } = data;
  const pooled = data.selection.pooled;
  const text = textOf(messages, framework);
  const names = framework.dimensions.map((dimension) => text(dimension.name));
  const series: ChartSeries[] = [
    { name: t('results.series.selfAssessment'), values: total.dimensions.map((d) => d.value) },
  ];
  // A radar cannot leave a gap: a consensus covering only some dimensions is
  // left to the table rather than drawn as zeros.
  if (consensus?.dimensions.every((d) => d.value !== undefined))
    series.push({
      name: t('results.series.consensus'),
      values: consensus.dimensions.map((d) => d.value),
    });
  return (
    <section aria-labelledby="by-dimension">
      <h2 id="by-dimension">{t('results.byDimension')}</h2>
      <Chart
        caption={t('results.byDimension.caption')}
        svg={radarChart({
          id: 'radar-dimensions',
          title: t('results.byDimension'),
          description: t('results.byDimension.description', { count: names.length }),
          formatNumber: formatNumberOf(messages),
          axes: names,
          series,
          scale: scoreScaleOf(framework),
        })}
      >
        <table>
          <caption>{t('results.byDimension.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.dimension')}</th>
              <th scope="col" class="numeric">
                {t('results.score.eachAgency')}
              </th>
              <th scope="col">{t('results.level')}</th>
              <th scope="col">{t('results.target')}</th>
              <th scope="col" class="numeric">
                {t('results.gap')}
              </th>
              <th scope="col" class="numeric">
                {t('results.interval')}
              </th>
              <th scope="col" class="numeric">
                {t('results.spread')}
              </th>
              <th scope="col" class="numeric">
                {t('results.answers')}
              </th>
              <th scope="col" class="numeric">
                {t('results.score.eachRespondent')}
              </th>
              <th scope="col" class="numeric">
                {t('results.agreeing')}
              </th>
              {consensus && (
                <th scope="col" class="numeric">
                  {t('results.series.consensus')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {total.dimensions.map((dimension, d) => (
              <tr key={dimension.dimensionCode}>
                <th scope="row">{names[d]}</th>
                <td class="numeric">{formatScore(messages, dimension.value)}</td>
                <td>{levelName(messages, framework, dimension)}</td>
                <TargetCells
                  messages={messages}
                  framework={framework}
                  score={dimension}
                  target={data.targets.get(dimension.dimensionCode)}
                />
                <td class="numeric">{formatInterval(messages, dimension)}</td>
                <td class="numeric">{formatScore(messages, dimension.spread)}</td>
                <td class="numeric">{messages.number(dimension.n)}</td>
                <td class="numeric">{formatScore(messages, pooled?.dimensions[d]?.value)}</td>
                <td class="numeric">
                  {formatShare(
                    messages,
                    pooled && agreementOver(framework, itemsOfDimension(pooled, d)).share,
                  )}
                </td>
                {consensus && (
                  <td class="numeric">{formatScore(messages, consensus.dimensions[d]?.value)}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </Chart>
      {consensus && (
        <ConsensusCoverage
          messages={messages}
          consensus={consensus}
          items={countItems(framework)}
        />
      )}
      <p class="hint">{t('results.spreadMeaning')}</p>
      <p class="hint">{t('results.intervalMeaning')}</p>
    </section>
  );
}

function SubdimensionSection({
  messages,
  data,
  total,
}: {
  messages: Messages;
  data: OverviewData;
  total: ScoreTree;
}) {
  const { t } = messages;
  const { framework } = data;
  const text = textOf(messages, framework);
  const subdimensionName = new Map(
    framework.dimensions.flatMap((dimension) =>
      dimension.subdimensions.map(
        (s) => [s.code, `${text(dimension.name)}: ${text(s.name)}`] as const,
      ),
    ),
  );
  const { strongest, weakest } = strongestAndWeakest(total, HIGHLIGHTS);
  const all = framework.dimensions.flatMap((dimension, d) =>
    dimension.subdimensions.map((subdimension, s) => ({
      name: `${text(dimension.name)}: ${text(subdimension.name)}`,
      score: total.dimensions[d]?.subdimensions[s],
      target: data.targets.get(subdimension.code),
    })),
  );
  const Ranked = ({ list, id }: { list: typeof strongest; id: string }) => (
    <ol aria-labelledby={id}>
      {list.map((entry) => (
        <li key={entry.subdimensionCode}>
          {subdimensionName.get(entry.subdimensionCode)}: {formatScore(messages, entry.value)}
        </li>
      ))}
    </ol>
  );
  return (
    <section aria-labelledby="by-subdimension">
      <h2 id="by-subdimension">{t('results.bySubdimension')}</h2>
      {strongest.length > 0 && (
        <div class="columns">
          <div>
            <h3 id="strongest">{t('results.strongest')}</h3>
            <Ranked list={strongest} id="strongest" />
          </div>
          <div>
            <h3 id="weakest">{t('results.weakest')}</h3>
            <Ranked list={weakest} id="weakest" />
          </div>
        </div>
      )}
      <Chart
        caption={t('results.bySubdimension.caption')}
        svg={barChart({
          id: 'bars-subdimensions',
          title: t('results.bySubdimension'),
          description: t('results.bySubdimension.description', { count: all.length }),
          formatNumber: formatNumberOf(messages),
          categories: all.map((entry) => entry.name),
          series: [
            { name: t('results.series.selfAssessment'), values: all.map((e) => e.score?.value) },
          ],
          scale: scoreScaleOf(framework),
        })}
      >
        <table>
          <caption>{t('results.bySubdimension.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.subdimension')}</th>
              <th scope="col" class="numeric">
                {t('results.score')}
              </th>
              <th scope="col">{t('results.level')}</th>
              <th scope="col">{t('results.target')}</th>
              <th scope="col" class="numeric">
                {t('results.gap')}
              </th>
              <th scope="col" class="numeric">
                {t('results.answers')}
              </th>
            </tr>
          </thead>
          <tbody>
            {all.map((entry) => (
              <tr key={entry.name}>
                <th scope="row">{entry.name}</th>
                <td class="numeric">{formatScore(messages, entry.score?.value)}</td>
                <td>{entry.score ? levelName(messages, framework, entry.score) : ''}</td>
                <TargetCells
                  messages={messages}
                  framework={framework}
                  score={entry.score}
                  target={entry.target}
                />
                <td class="numeric">{messages.number(entry.score?.n ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Chart>
    </section>
  );
}

function ChangeSection({
  messages,
  data,
  total,
  earlier,
}: {
  messages: Messages;
  data: OverviewData;
  total: ScoreTree;
  earlier: EarlierRound;
}) {
  const { t } = messages;
  const { framework } = data;
  const text = textOf(messages, framework);
  if (!earlier.total)
    return (
      <section aria-labelledby="change">
        <h2 id="change">{t('results.change.title', { round: earlier.round.name })}</h2>
        <p class="notice">{t('results.change.noEarlierScores')}</p>
      </section>
    );
  const { overall, dimensions } = changeSince(earlier.total, total);
  const nameOf = new Map(framework.dimensions.map((d) => [d.code, text(d.name)] as const));
  return (
    <section aria-labelledby="change">
      <h2 id="change">{t('results.change.title', { round: earlier.round.name })}</h2>
      <p>
        {t('results.change.overall', {
          before: formatScore(messages, overall.before),
          after: formatScore(messages, overall.after),
          change: formatChange(messages, overall.change),
        })}
      </p>
      <Chart
        caption={t('results.change.caption')}
        svg={changeChart({
          id: 'bars-change',
          title: t('results.change.title', { round: earlier.round.name }),
          description: t('results.change.description'),
          formatNumber: formatNumberOf(messages),
          categories: dimensions.map((d) => nameOf.get(d.code) ?? d.code),
          earlier: { name: earlier.round.name, values: dimensions.map((d) => d.before) },
          later: { name: data.round.name, values: dimensions.map((d) => d.after) },
          scale: scoreScaleOf(framework),
        })}
      >
        <ChangeTable
          messages={messages}
          framework={framework}
          earlier={earlier.total}
          later={total}
          earlierName={earlier.round.name}
          laterName={data.round.name}
        />
      </Chart>
      <LikeForLikeChange messages={messages} data={data} earlier={earlier} />
    </section>
  );
}

/** The change over the agencies that answered in both rounds, beside the all-agency change. */
function LikeForLikeChange({
  messages,
  data,
  earlier,
}: {
  messages: Messages;
  data: OverviewData;
  earlier: EarlierRound;
}) {
  const { t } = messages;
  const comparison = earlier.likeForLike;
  if (!comparison) return null;
  if (comparison.kind === 'same_agencies')
    return <p>{t('results.change.sameAgencies', { count: comparison.agencies })}</p>;
  if (comparison.kind === 'withheld')
    return (
      <p class="notice">
        {t('results.change.likeForLikeWithheld', {
          onlyEarlier: comparison.onlyEarlier,
          onlyLater: comparison.onlyLater,
        })}
      </p>
    );
  const { overall } = changeSince(comparison.earlier, comparison.later);
  return (
    <>
      <h3>{t('results.change.likeForLike')}</h3>
      <p>
        {t('results.change.likeForLikeOverall', {
          count: comparison.agencies,
          onlyEarlier: comparison.onlyEarlier,
          onlyLater: comparison.onlyLater,
          before: formatScore(messages, overall.before),
          after: formatScore(messages, overall.after),
          change: formatChange(messages, overall.change),
        })}
      </p>
      <ChangeTable
        messages={messages}
        framework={data.framework}
        earlier={comparison.earlier}
        later={comparison.later}
        earlierName={earlier.round.name}
        laterName={data.round.name}
        caption={t('results.change.likeForLikeTable')}
      />
    </>
  );
}
