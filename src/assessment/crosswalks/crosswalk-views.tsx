// The results of a round read through a crosswalk: the choice of crosswalk
// beside the level and sector filters, the total over the agencies chosen by
// target dimension, the agencies shown side by side, the downloads, and how
// the round's framework maps onto the target.
import { Fragment } from 'preact';
import type { Messages } from '../../platform/i18n/messages.ts';
import { type LocalizedText, localized } from '../frameworks/index.ts';
import {
  agencyLabel,
  type ExportFormat,
  exportFileName,
  exportFormats,
  type FilteredPage,
  formatScore,
  intervalOf,
  levelsSpanned,
  METHODOLOGY_PATH,
  ResultsFrame,
  TableScroll,
} from '../results/index.ts';
import type { CrosswalkReading, CrosswalkSelection, TargetScore } from './crosswalk-scoring.ts';
import type { CrosswalkCoverage } from './validate-crosswalk.ts';

export interface CrosswalkPageData extends FilteredPage {
  /** The crosswalks that read the round's framework. */
  readings: readonly CrosswalkReading[];
  /** The one chosen, with what it reads of the selection; undefined when there is none. */
  chosen:
    | { reading: CrosswalkReading; read: CrosswalkSelection; coverage: CrosswalkCoverage }
    | undefined;
}

/** The address of a download of the reading, keeping the reader's choices. */
function downloadHref(
  roundId: string,
  query: { crosswalk: string; level?: string | undefined; sector?: string | undefined },
  format: ExportFormat,
): string {
  const path = `/rounds/${roundId}/results/crosswalks/export.${format}`;
  const search = new URLSearchParams();
  search.set('crosswalk', query.crosswalk);
  if (query.level) search.set('level', query.level);
  if (query.sector) search.set('sector', query.sector);
  return `${path}?${search}`;
}

export function CrosswalkView({ messages, data }: { messages: Messages; data: CrosswalkPageData }) {
  const { t } = messages;
  const { chosen, readings } = data;
  const text = (value: LocalizedText, defaultLanguage: string) =>
    localized(value, messages.language, defaultLanguage);
  return (
    <ResultsFrame
      messages={messages}
      page="crosswalks"
      data={data}
      lead={
        <p>
          {t('crosswalks.lead')} <a href={METHODOLOGY_PATH}>{t('crosswalks.howComputed')}</a>
        </p>
      }
      filterFields={
        readings.length > 0 && (
          <div class="field">
            <label for="crosswalk">{t('crosswalks.field')}</label>
            <select id="crosswalk" name="crosswalk">
              {readings.map(({ crosswalk }) => (
                <option
                  key={crosswalk.key}
                  value={crosswalk.key}
                  selected={chosen?.reading.crosswalk.key === crosswalk.key}
                >
                  {text(crosswalk.name, crosswalk.defaultLanguage)}
                </option>
              ))}
            </select>
          </div>
        )
      }
    >
      {chosen ? (
        <Reading messages={messages} data={data} chosen={chosen} />
      ) : (
        <p class="notice">{t('crosswalks.none', { framework: data.round.frameworkName })}</p>
      )}
    </ResultsFrame>
  );
}

/** A score's level in the target's words; "between" two where its interval spans a boundary. */
function levelName(messages: Messages, reading: CrosswalkReading, score: TargetScore): string {
  const { target } = reading;
  const name = (value: LocalizedText) =>
    localized(value, messages.language, target.defaultLanguage);
  const spanned = levelsSpanned(score, target.levels);
  if (spanned)
    return messages.t('results.level.between', {
      low: name(spanned.low.name),
      high: name(spanned.high.name),
    });
  return score.level ? name(score.level.name) : '';
}

function formatInterval(messages: Messages, score: TargetScore): string {
  const interval = intervalOf(score);
  return interval
    ? messages.t('results.interval.range', {
        low: formatScore(messages, interval.low),
        high: formatScore(messages, interval.high),
      })
    : '';
}

function Reading({
  messages,
  data,
  chosen: { reading, read, coverage },
}: {
  messages: Messages;
  data: CrosswalkPageData;
  chosen: NonNullable<CrosswalkPageData['chosen']>;
}) {
  const { t } = messages;
  const { target, crosswalk } = reading;
  const name = (value: LocalizedText) =>
    localized(value, messages.language, target.defaultLanguage);
  const { filter } = data.selection;
  const unfiltered = filter.level === undefined && filter.sector === undefined;
  const query = { crosswalk: crosswalk.key, level: filter.level, sector: filter.sector };
  return (
    <>
      <p>
        {t('crosswalks.target', {
          target: name(target.name),
          min: messages.number(target.range.min),
          max: messages.number(target.range.max),
        })}
      </p>
      {read.total && (
        <section aria-labelledby="crosswalk-total">
          <h2 id="crosswalk-total">
            {t(unfiltered ? 'crosswalks.total.wholeOfGovernment' : 'crosswalks.total.chosen')}
          </h2>
          <TableScroll label={t('crosswalks.total.table')}>
            <table>
              <caption>{t('crosswalks.total.table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('results.dimension')}</th>
                  <th scope="col" class="numeric">
                    {t('crosswalks.score')}
                  </th>
                  <th scope="col">{t('results.level')}</th>
                  <th scope="col" class="numeric">
                    {t('results.interval')}
                  </th>
                  <th scope="col" class="numeric">
                    {t('crosswalks.column.scoredSources')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...read.total.targets, read.total.overall].map((score, index) => (
                  <tr key={score.targetCode}>
                    <th scope="row">
                      {score === read.total?.overall
                        ? t('results.overall')
                        : name(target.dimensions[index]?.name ?? {})}
                    </th>
                    <td class="numeric">{formatScore(messages, score.value)}</td>
                    <td>{levelName(messages, reading, score)}</td>
                    <td class="numeric">{formatInterval(messages, score)}</td>
                    <td class="numeric">
                      {t('crosswalks.sourcesOf', {
                        scored: score.scoredSources,
                        sources: score.sources,
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {[read.total.overall, ...read.total.targets].some((score) => score.withheld) && (
            <p class="hint">{t('crosswalks.withheldMeaning')}</p>
          )}
        </section>
      )}
      <section aria-labelledby="crosswalk-agencies">
        <h2 id="crosswalk-agencies">{t('crosswalks.agencies.title')}</h2>
        {read.agencies.length === 0 ? (
          <p class="notice">{t('results.agencies.none')}</p>
        ) : (
          <TableScroll label={t('crosswalks.agencies.table')}>
            <table>
              <caption>{t('crosswalks.agencies.table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('agencies.name')}</th>
                  <th scope="col" class="numeric">
                    {t('results.respondents')}
                  </th>
                  <th scope="col" class="numeric">
                    {t('results.overall')}
                  </th>
                  <th scope="col">{t('results.level')}</th>
                  {target.dimensions.map((dimension) => (
                    <th scope="col" class="numeric" key={dimension.code}>
                      <abbr title={name(dimension.name)}>{dimension.code}</abbr>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {read.agencies.map(({ agency, respondents, scores }) => (
                  <tr key={agency.id}>
                    <th scope="row">{agencyLabel(agency)}</th>
                    <td class="numeric">{messages.number(respondents)}</td>
                    <td class="numeric">{formatScore(messages, scores.overall.value)}</td>
                    <td>{levelName(messages, reading, scores.overall)}</td>
                    {scores.targets.map((score) => (
                      <td class="numeric" key={score.targetCode}>
                        {formatScore(messages, score.value)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <section aria-labelledby="crosswalk-exports">
        <h2 id="crosswalk-exports">{t('resultsExport.title')}</h2>
        <p>
          {t('crosswalks.export.description')}:{' '}
          {exportFormats.map((format, index) => (
            <Fragment key={format}>
              {index > 0 && ', '}
              <a href={downloadHref(data.round.id, query, format)} download>
                {exportFileName(data.round.name, crosswalk.key, filter, format)}
              </a>
            </Fragment>
          ))}
        </p>
        <p class="hint">{t('crosswalks.export.api')}</p>
      </section>
      <Mappings messages={messages} reading={reading} coverage={coverage} />
    </>
  );
}

/** How the round's framework maps onto the target, with each mapping's weight and rationale. */
function Mappings({
  messages,
  reading,
  coverage,
}: {
  messages: Messages;
  reading: CrosswalkReading;
  coverage: CrosswalkCoverage;
}) {
  const { t } = messages;
  const { crosswalk, target, source } = reading;
  const text = (value: LocalizedText) =>
    localized(value, messages.language, crosswalk.defaultLanguage);
  const targetName = new Map(
    target.dimensions.map((d) => [
      d.code,
      localized(d.name, messages.language, target.defaultLanguage),
    ]),
  );
  return (
    <section aria-labelledby="crosswalk-mappings">
      <h2 id="crosswalk-mappings">{t('crosswalks.mappings.title')}</h2>
      {crosswalk.description && <p>{text(crosswalk.description)}</p>}
      <details>
        <summary>{t('crosswalks.mappings.summary', { count: crosswalk.mappings.length })}</summary>
        <TableScroll label={t('crosswalks.mappings.table')}>
          <table>
            <caption>{t('crosswalks.mappings.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.dimension')}</th>
                <th scope="col">{t('crosswalks.mappings.source')}</th>
                <th scope="col" class="numeric">
                  {t('crosswalks.mappings.weight')}
                </th>
                <th scope="col">{t('crosswalks.mappings.rationale')}</th>
              </tr>
            </thead>
            <tbody>
              {crosswalk.mappings.map((mapping) => (
                <tr key={`${mapping.source}-${mapping.target}`}>
                  <td>{targetName.get(mapping.target) ?? mapping.target}</td>
                  <td>{mapping.source}</td>
                  <td class="numeric">{messages.number(mapping.weight)}</td>
                  <td>{text(mapping.rationale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
      {coverage.unmappedItems.length > 0 && (
        <p class="hint">
          {t('crosswalks.mappings.unmapped', {
            count: coverage.unmappedItems.length,
            framework: localized(source.name, messages.language, source.defaultLanguage),
            items: coverage.unmappedItems.join(', '),
          })}
        </p>
      )}
    </section>
  );
}
