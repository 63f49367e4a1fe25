// The agencies page: every agency of the workspace, filterable by level and sector.
import type { Messages } from '../../platform/i18n/messages.ts';
import { type Agency, type AgencyFilter, agencyLevels } from './agency-schema.ts';
import { sectorLabel } from './sector-label.ts';

export function AgencyListView({
  messages,
  agencies,
  sectors,
  filter,
  canManage,
}: {
  messages: Messages;
  agencies: Agency[];
  sectors: string[];
  filter: AgencyFilter;
  /** Whether the reader may add, edit and import agencies. */
  canManage: boolean;
}) {
  const { t } = messages;
  return (
    <>
      <h1>{t('agencies.title')}</h1>
      <p class="lead">{t('agencies.intro')}</p>
      {canManage && (
        <p class="actions">
          <a class="button" href="/agencies/new">
            {t('agencies.add')}
          </a>{' '}
          <a class="button secondary" href="/agencies/import">
            {t('agencies.import.link')}
          </a>
        </p>
      )}
      <form method="get" action="/agencies" class="filters" aria-label={t('agencies.filter')}>
        <div class="field">
          <label for="level">{t('agencies.level')}</label>
          <select id="level" name="level">
            <option value="">{t('agencies.allLevels')}</option>
            {agencyLevels.map((level) => (
              <option key={level} value={level} selected={filter.level === level}>
                {t(`level.${level}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="sector">{t('agencies.sector')}</label>
          <select id="sector" name="sector">
            <option value="">{t('agencies.allSectors')}</option>
            {sectors.map((sector) => (
              <option key={sector} value={sector} selected={filter.sector === sector}>
                {sectorLabel(messages, sector)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button secondary">
          {t('agencies.applyFilter')}
        </button>
      </form>
      <p>{t('agencies.count', { count: agencies.length })}</p>
      <table>
        <caption class="visually-hidden">{t('agencies.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('agencies.name')}</th>
            <th scope="col">{t('agencies.acronym')}</th>
            <th scope="col">{t('agencies.level')}</th>
            <th scope="col">{t('agencies.sector')}</th>
            <th scope="col">{t('agencies.parent')}</th>
          </tr>
        </thead>
        <tbody>
          {agencies.map((agency) => (
            <tr key={agency.id}>
              <th scope="row">
                {canManage ? (
                  <a href={`/agencies/${agency.id}/edit`}>{agency.name}</a>
                ) : (
                  agency.name
                )}
              </th>
              <td>{agency.acronym}</td>
              <td>{t(`level.${agency.level}`)}</td>
              <td>{sectorLabel(messages, agency.sector)}</td>
              <td>{agency.parentName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
