// Diagnostics: why the scores are what they are. Each finding is one
// sentence, linked to the page that holds the numbers behind it.

import type { Messages } from '../../../platform/i18n/messages.ts';
import type { Framework } from '../../frameworks/index.ts';
import { textOf } from '../../frameworks/index.ts';
import type {
  ApartFromPeers,
  ConsensusDisagreement,
  ItemPullingDown,
} from '../findings/diagnostics.ts';
import type { AgencyProfile } from '../store/results-selection.ts';
import {
  agencyLabel,
  type FilteredPage,
  formatChange,
  formatScore,
  itemStatements,
  ResultsFrame,
  resultsHref,
} from './results-parts.tsx';

export interface DiagnosticsData extends FilteredPage {
  pullingDown: readonly ItemPullingDown[];
  apartFromPeers: readonly (ApartFromPeers & { agency: AgencyProfile })[];
  /** Against the whole of government's consensus; undefined when no workshop recorded one. */
  consensusGaps: readonly ConsensusDisagreement[] | undefined;
}

export function ResultsDiagnosticsView({
  messages,
  data,
}: {
  messages: Messages;
  data: DiagnosticsData;
}) {
  const { t } = messages;
  const { round, framework, query } = data;
  const text = textOf(messages, framework);
  const statement = itemStatements(messages, framework);
  const dimensionName = new Map(framework.dimensions.map((d) => [d.code, text(d.name)] as const));
  const itemsHref = (itemCode: string) =>
    `${resultsHref(round.id, 'items', { ...query, compare: undefined })}#item-${itemCode}`;
  return (
    <ResultsFrame
      messages={messages}
      page="diagnostics"
      data={data}
      lead={<p class="lead">{t('results.diagnostics.intro')}</p>}
    >
      <section aria-labelledby="pulling-down">
        <h2 id="pulling-down">{t('results.diagnostics.pullingDown')}</h2>
        <p class="hint">{t('results.diagnostics.pullingDown.method')}</p>
        <PullingDownFindings
          messages={messages}
          framework={framework}
          findings={data.pullingDown}
          itemHref={itemsHref}
        />
      </section>
      <section aria-labelledby="apart-from-peers">
        <h2 id="apart-from-peers">{t('results.diagnostics.apartFromPeers')}</h2>
        <p class="hint">{t('results.diagnostics.apartFromPeers.method')}</p>
        {data.apartFromPeers.length === 0 ? (
          <p>{t('results.diagnostics.apartFromPeers.none')}</p>
        ) : (
          <ul class="findings">
            {data.apartFromPeers.map((finding) => (
              <li key={finding.agencyId}>
                <a href={resultsHref(round.id, { agencyId: finding.agencyId }, query)}>
                  {agencyLabel(finding.agency)}
                </a>
                <br />
                {t(
                  finding.gap > 0
                    ? 'results.diagnostics.apartFromPeers.above'
                    : 'results.diagnostics.apartFromPeers.below',
                  {
                    value: formatScore(messages, finding.value),
                    peerValue: formatScore(messages, finding.peerValue),
                    peers: finding.peers,
                    gap: formatScore(messages, Math.abs(finding.gap)),
                  },
                )}{' '}
                {finding.widestDimension &&
                  t('results.diagnostics.apartFromPeers.widest', {
                    dimension:
                      dimensionName.get(finding.widestDimension.dimensionCode) ??
                      finding.widestDimension.dimensionCode,
                    gap: formatChange(messages, finding.widestDimension.gap),
                  })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="consensus-gaps">
        <h2 id="consensus-gaps">{t('results.diagnostics.consensusGaps')}</h2>
        {data.consensusGaps === undefined ? (
          <p>{t('results.diagnostics.consensusGaps.noWorkshop')}</p>
        ) : data.consensusGaps.length === 0 ? (
          <p>{t('results.diagnostics.consensusGaps.none')}</p>
        ) : (
          <table>
            <caption>{t('results.diagnostics.consensusGaps.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.item')}</th>
                <th scope="col" class="numeric">
                  {t('results.series.selfAssessment')}
                </th>
                <th scope="col" class="numeric">
                  {t('results.series.consensus')}
                </th>
                <th scope="col" class="numeric">
                  {t('results.diagnostics.consensusGaps.gap')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.consensusGaps.map((gap) => (
                <tr key={gap.itemCode}>
                  <th scope="row">
                    <a href={itemsHref(gap.itemCode)}>
                      {gap.itemCode} {statement(gap.itemCode)}
                    </a>
                  </th>
                  <td class="numeric">{formatScore(messages, gap.selfAssessment)}</td>
                  <td class="numeric">{formatScore(messages, gap.consensus)}</td>
                  <td class="numeric">{formatChange(messages, gap.gap)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </ResultsFrame>
  );
}

/** Items pulling a dimension down, each in a sentence; `itemHref`: where the item's numbers are. */
export function PullingDownFindings({
  messages,
  framework,
  findings,
  itemHref,
}: {
  messages: Messages;
  framework: Framework;
  findings: readonly ItemPullingDown[];
  itemHref?: (itemCode: string) => string;
}) {
  const { t } = messages;
  const text = textOf(messages, framework);
  const statement = itemStatements(messages, framework);
  const dimensionName = new Map(framework.dimensions.map((d) => [d.code, text(d.name)] as const));
  if (findings.length === 0) return <p>{t('results.diagnostics.pullingDown.none')}</p>;
  return (
    <ul class="findings">
      {findings.map((finding) => {
        const item = `${finding.itemCode} ${statement(finding.itemCode)}`;
        return (
          <li key={finding.itemCode}>
            {itemHref ? <a href={itemHref(finding.itemCode)}>{item}</a> : item}
            <br />
            {t('results.diagnostics.pullingDown.sentence', {
              dimension: dimensionName.get(finding.dimensionCode) ?? finding.dimensionCode,
              itemValue: formatScore(messages, finding.itemValue),
              dimensionValue: formatScore(messages, finding.dimensionValue),
              effect: formatScore(messages, finding.effect),
            })}
          </li>
        );
      })}
    </ul>
  );
}
