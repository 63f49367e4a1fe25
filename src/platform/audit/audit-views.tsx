// The audit log page: the newest entries first, a page at a time, with the
// export of the whole log as CSV.
import type { Messages } from '../i18n/messages.ts';
import { auditSentence } from './audit-sentences.ts';
import type { AuditRecord } from './audit-store.ts';

export function AuditLogView({
  messages,
  entries,
  olderThan,
}: {
  messages: Messages;
  entries: AuditRecord[];
  /** The id to page on from, when older entries exist. */
  olderThan: number | undefined;
}) {
  const { t, language } = messages;
  const when = new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'UTC',
  });
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p class="lead">{t('audit.intro')}</p>
      <p>
        <a class="button secondary" href="/api/audit/export" download="audit-log.csv">
          {t('audit.export')}
        </a>
      </p>
      {entries.length === 0 ? (
        <p>{t('audit.none')}</p>
      ) : (
        <table>
          <caption class="visually-hidden">{t('audit.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <time datetime={new Date(entry.at).toISOString()}>
                    {when.format(new Date(entry.at))} UTC
                  </time>
                </td>
                <td>{entry.actor}</td>
                <td>{auditSentence(messages, entry)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        {olderThan !== undefined && <a href={`/audit?before=${olderThan}`}>{t('audit.older')}</a>}{' '}
        {olderThan !== undefined && <span aria-hidden="true">·</span>}{' '}
        <a href="/audit">{t('audit.newest')}</a>
      </p>
    </>
  );
}
