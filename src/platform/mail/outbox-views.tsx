// The outbox page: every message Transforma wrote, newest first, with whether
// it was delivered. With no mail server this is where messages are read.
import type { Messages } from '../i18n/messages.ts';
import type { OutboxEntry } from './outbox-store.ts';

// Times in UTC, like the dates of rounds: the same for every reader.
function moment(messages: Messages, at: Date): string {
  return `${new Intl.DateTimeFormat(messages.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(at)} UTC`;
}

export function OutboxView({
  messages,
  entries,
  delivers,
}: {
  messages: Messages;
  entries: OutboxEntry[];
  delivers: boolean;
}) {
  const { t } = messages;
  return (
    <>
      <h1>{t('outbox.title')}</h1>
      <p class="lead">{delivers ? t('outbox.introSmtp') : t('outbox.introHeld')}</p>
      <p>{t('outbox.masked')}</p>
      {entries.length === 0 ? (
        <p>{t('outbox.none')}</p>
      ) : (
        <ol class="outbox">
          {entries.map((entry) => (
            <li key={entry.id}>
              <details>
                <summary>
                  <strong class={`tag tag-mail-${entry.status}`}>
                    {t(`outbox.status.${entry.status}`)}
                  </strong>{' '}
                  {entry.subject} <span class="meta">{entry.recipient}</span>
                </summary>
                <dl class="summary">
                  <div>
                    <dt>{t('outbox.kind')}</dt>
                    <dd>{t(`outbox.kind.${entry.kind}`)}</dd>
                  </div>
                  <div>
                    <dt>{t('outbox.written')}</dt>
                    <dd>{moment(messages, entry.createdAt)}</dd>
                  </div>
                  {entry.sentAt && (
                    <div>
                      <dt>{t('outbox.sent')}</dt>
                      <dd>{moment(messages, entry.sentAt)}</dd>
                    </div>
                  )}
                </dl>
                {entry.error && (
                  <p class="error-message">{t('outbox.error', { error: entry.error })}</p>
                )}
                <pre lang={entry.language}>{entry.body}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
