// The answers item by item, one dimension at a time: how many respondents
// gave each value, with the mean and the spread; and the items on which the
// respondents of one agency disagree most.
import { distributionChart } from '../../../platform/charts/distribution-chart.ts';
import type { Messages } from '../../../platform/i18n/messages.ts';
import type { Framework, Scale, Subdimension } from '../../frameworks/index.ts';
import { itemScale, scaleValues, textOf } from '../../frameworks/index.ts';
import type { Divergence } from '../findings/highlights.ts';
import { agreementOver } from '../scoring/agreement.ts';
import type { ItemScore, SubdimensionScore } from '../scoring/scoring.ts';
import type { AgencyProfile } from '../store/results-selection.ts';
import {
  agencyLabel,
  Chart,
  type FilteredPage,
  formatNumberOf,
  formatScore,
  formatShare,
  itemStatements,
  ResultsFrame,
  resultsHref,
  TableScroll,
} from './results-parts.tsx';

export interface ItemsData extends FilteredPage {
  dimensionCode: string;
  divergences: readonly (Divergence & { agency: AgencyProfile })[];
}

export function ResultsItemsView({ messages, data }: { messages: Messages; data: ItemsData }) {
  const { t } = messages;
  const { round, framework, query, selection } = data;
  const text = textOf(messages, framework);
  const d = Math.max(
    0,
    framework.dimensions.findIndex((dimension) => dimension.code === data.dimensionCode),
  );
  const dimension = framework.dimensions[d];
  const pooled = selection.pooled?.dimensions[d];
  const totalDimension = selection.total?.dimensions[d];
  const statement = itemStatements(messages, framework);
  return (
    <ResultsFrame
      messages={messages}
      page="items"
      data={data}
      lead={<p class="lead">{t('results.items.intro')}</p>}
      filterFields={
        <div class="field">
          <label for="dimension">{t('results.dimension')}</label>
          <select id="dimension" name="dimension">
            {framework.dimensions.map((option) => (
              <option key={option.code} value={option.code} selected={option === dimension}>
                {text(option.name)}
              </option>
            ))}
          </select>
        </div>
      }
    >
      {dimension && pooled ? (
        <>
          <h2>{text(dimension.name)}</h2>
          {dimension.subdimensions.map((subdimension, s) => {
            const scores = pooled.subdimensions[s];
            return scores ? (
              <SubdimensionAnswers
                key={subdimension.code}
                messages={messages}
                framework={framework}
                subdimension={subdimension}
                scores={scores}
                agencyScores={totalDimension?.subdimensions[s]}
                statement={statement}
              />
            ) : null;
          })}
        </>
      ) : (
        selection.disclosure.totalShown(query) && <p class="notice">{t('results.noAnswersYet')}</p>
      )}
      <section aria-labelledby="divergences">
        <h2 id="divergences">{t('results.divergences')}</h2>
        <p class="hint">{t('results.divergences.method')}</p>
        {data.divergences.length === 0 ? (
          <p>{t('results.divergences.none')}</p>
        ) : (
          <table>
            <caption>{t('results.divergences.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agencies.name')}</th>
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
                <tr key={`${divergence.agency.id}-${divergence.itemCode}`}>
                  <td>
                    <a href={resultsHref(round.id, { agencyId: divergence.agency.id }, query)}>
                      {agencyLabel(divergence.agency)}
                    </a>
                  </td>
                  <td>
                    {divergence.itemCode} {statement(divergence.itemCode)}
                  </td>
                  <td class="numeric">{formatScore(messages, divergence.value)}</td>
                  <td class="numeric">{formatScore(messages, divergence.spread)}</td>
                  <td class="numeric">{messages.number(divergence.n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </ResultsFrame>
  );
}

/** The values a sub-dimension's items can take, lowest first, each with its label. */
function answerValues(messages: Messages, framework: Framework, subdimension: Subdimension) {
  const text = textOf(messages, framework);
  const scales = [
    ...new Map(
      subdimension.items.map((item) => [item.scale, itemScale(framework, item)] as const),
    ).values(),
  ];
  const labels = new Map<number, string>();
  for (const scale of scales)
    for (const value of scaleValues(scale)) {
      const label = labelOf(scale, value);
      if (!labels.has(value) || label)
        labels.set(value, label ? `${value} ${text(label)}` : `${value}`);
    }
  return {
    values: [...labels.keys()].sort((a, b) => a - b),
    labels,
    notApplicable: scales.some((scale) => scale.notApplicable),
  };
}

function labelOf(scale: Scale, value: number) {
  return scale.type === 'likert'
    ? scale.labels.find((label) => label.value === value)?.label
    : scale.stages.find((stage) => stage.value === value)?.label;
}

function countOf(item: ItemScore, value: number): number {
  return item.counts.find((count) => count.value === value)?.count ?? 0;
}

function SubdimensionAnswers({
  messages,
  framework,
  subdimension,
  scores,
  agencyScores,
  statement,
}: {
  messages: Messages;
  framework: Framework;
  subdimension: Subdimension;
  /** Every respondent counting once: the distributions. */
  scores: SubdimensionScore;
  /** The same agencies each counting once, when the total is shown. */
  agencyScores: SubdimensionScore | undefined;
  statement: (code: string) => string;
}) {
  const { t } = messages;
  const text = textOf(messages, framework);
  const { values, labels, notApplicable } = answerValues(messages, framework, subdimension);
  const answers = values.map((value) => ({
    label: labels.get(value) ?? `${value}`,
    counts: scores.items.map((item) => countOf(item, value)),
  }));
  if (notApplicable)
    answers.push({
      label: t('results.notApplicable'),
      counts: scores.items.map((item) => item.notApplicable),
    });
  const headingId = `subdimension-${subdimension.code}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{text(subdimension.name)}</h3>
      <Chart
        caption={t('results.items.chartCaption')}
        svg={distributionChart({
          id: `distribution-${subdimension.code}`,
          title: t('results.items.chartTitle', { subdimension: text(subdimension.name) }),
          description: t('results.items.chartDescription', { count: scores.items.length }),
          formatNumber: formatNumberOf(messages),
          items: scores.items.map((item) => item.itemCode),
          answers: answers.map((answer, index) => ({
            ...answer,
            outsideScale: notApplicable && index === answers.length - 1,
          })),
        })}
      >
        <TableScroll label={t('results.items.table', { subdimension: text(subdimension.name) })}>
          <table>
            <caption>{t('results.items.table', { subdimension: text(subdimension.name) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.item')}</th>
                {answers.map((answer) => (
                  <th scope="col" class="numeric" key={answer.label}>
                    {answer.label}
                  </th>
                ))}
                <th scope="col" class="numeric">
                  {t('results.agreeing')}
                </th>
                <th scope="col" class="numeric">
                  {t('results.score.eachRespondent')}
                </th>
                <th scope="col" class="numeric">
                  {t('results.spread')}
                </th>
                <th scope="col" class="numeric">
                  {t('results.score.eachAgency')}
                </th>
              </tr>
            </thead>
            <tbody>
              {scores.items.map((item, i) => (
                <tr key={item.itemCode} id={`item-${item.itemCode}`}>
                  <th scope="row">
                    {item.itemCode} {statement(item.itemCode)}
                  </th>
                  {answers.map((answer) => (
                    <td class="numeric" key={answer.label}>
                      {messages.number(answer.counts[i] ?? 0)}
                    </td>
                  ))}
                  <td class="numeric">
                    {formatShare(messages, agreementOver(framework, [item]).share)}
                  </td>
                  <td class="numeric">{formatScore(messages, item.value)}</td>
                  <td class="numeric">{formatScore(messages, item.spread)}</td>
                  <td class="numeric">{formatScore(messages, agencyScores?.items[i]?.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </Chart>
    </section>
  );
}
