// The overview's list of downloads: item scores and dimension scores for the
// agencies the filter chooses, and, for readers of responses, the raw answers.
import { Fragment } from 'preact';
import type { Messages } from '../../../platform/i18n/messages.ts';
import type { RoundInfo } from '../../rounds/index.ts';
import type { AgencyFilter } from '../protection/disclosure.ts';
import { answersReleased } from './answer-export.ts';
import { type ExportFormat, type ExportTable, exportFileName, exportFormats } from './exports.ts';

/** A download's address; score tables keep the reader's filter, the answers have none. */
export function exportHref(
  roundId: string,
  table: ExportTable,
  format: ExportFormat,
  filter: AgencyFilter,
): string {
  const path = `/rounds/${roundId}/results/export/${table}.${format}`;
  const search = new URLSearchParams();
  if (table !== 'answers' && filter.level) search.set('level', filter.level);
  if (table !== 'answers' && filter.sector) search.set('sector', filter.sector);
  return search.size > 0 ? `${path}?${search}` : path;
}

export function ResultsExports({
  messages,
  round,
  filter,
  mayReadAnswers,
}: {
  messages: Messages;
  round: RoundInfo;
  filter: AgencyFilter;
  /** The reader may read per-respondent answers (responses.read). */
  mayReadAnswers: boolean;
}) {
  const { t } = messages;
  const tables: { table: ExportTable; description: string }[] = [
    { table: 'item-scores', description: t('resultsExport.itemScores.description') },
    { table: 'dimension-scores', description: t('resultsExport.dimensionScores.description') },
    ...(mayReadAnswers && answersReleased(round)
      ? [{ table: 'answers' as const, description: t('resultsExport.answers.description') }]
      : []),
  ];
  return (
    <section aria-labelledby="exports">
      <h2 id="exports">{t('resultsExport.title')}</h2>
      <p>{t('resultsExport.intro')}</p>
      <ul>
        {tables.map(({ table, description }) => {
          const fileFilter = table === 'answers' ? {} : filter;
          return (
            <li key={table}>
              {description}:{' '}
              {exportFormats.map((format, index) => (
                <Fragment key={format}>
                  {index > 0 && ', '}
                  <a href={exportHref(round.id, table, format, filter)} download>
                    {exportFileName(round.name, table, fileFilter, format)}
                  </a>
                </Fragment>
              ))}
            </li>
          );
        })}
      </ul>
      {mayReadAnswers && !answersReleased(round) && (
        <p>{t('resultsExport.answers.afterClosing')}</p>
      )}
      <p class="hint">{t('resultsExport.api')}</p>
    </section>
  );
}
