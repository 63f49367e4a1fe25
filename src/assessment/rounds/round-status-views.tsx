// Opening and closing a round, asked before it is done: the page that says
// what will happen (without JavaScript, a form to confirm and a way back) and
// the message after it was done.
import { CsrfField } from '../../platform/http/forms.tsx';
import type { Messages } from '../../platform/i18n/messages.ts';
import type { ProgressTotals } from './round-progress.ts';
import type { RoundAction } from './round-rules.ts';
import { MAX_SCHEDULED_REMINDERS, SCHEDULED_EVERY_DAYS } from './round-rules.ts';
import type { RoundSummary } from './round-store.ts';

/** What the overview says after a change, named in its address (?changed=). */
export const roundChanges = ['opened', 'closed'] as const;
export type RoundChange = (typeof roundChanges)[number];

export const changeOf: Record<RoundAction, RoundChange> = { open: 'opened', close: 'closed' };

export function RoundStatusConfirmView({
  messages,
  round,
  action,
  totals,
  today,
  csrfToken,
}: {
  messages: Messages;
  round: RoundSummary;
  action: RoundAction;
  totals: ProgressTotals;
  /** 'YYYY-MM-DD', the day a close would be dated. */
  today: string;
  csrfToken: string | undefined;
}) {
  const { t } = messages;
  const dates = { opens: messages.date(round.opensOn), closes: messages.date(round.closesOn) };
  const unsubmitted = totals.started - totals.submitted;
  return (
    <div class="narrow">
      <p class="caption">{round.name}</p>
      <h1>{t(`rounds.confirm.${action}.title`, { name: round.name })}</h1>
      {action === 'open' ? (
        <ul>
          <li>{t('rounds.confirm.open.answer', dates)}</li>
          <li>{t('rounds.confirm.open.invited', { invited: totals.invited })}</li>
          <li>
            {t('rounds.confirm.open.reminders', {
              days: SCHEDULED_EVERY_DAYS,
              max: MAX_SCHEDULED_REMINDERS,
            })}
          </li>
          <li>{t('rounds.confirm.open.final')}</li>
        </ul>
      ) : (
        <ul>
          <li>{t('rounds.confirm.close.answer', { today: messages.date(today) })}</li>
          <li>
            {t('rounds.confirm.close.submitted', {
              submitted: totals.submitted,
              invited: totals.invited,
            })}
          </li>
          {unsubmitted > 0 && (
            <li>{t('rounds.confirm.close.unsubmitted', { count: unsubmitted })}</li>
          )}
          {round.closesOn > today && <li>{t('rounds.confirm.close.early', dates)}</li>}
          <li>{t('rounds.confirm.close.final')}</li>
        </ul>
      )}
      <form method="post" action={`/rounds/${round.id}/${action}`} class="filters">
        <CsrfField token={csrfToken} />
        <button type="submit" class="button">
          {t(`rounds.confirm.${action}.button`)}
        </button>
        <a href={`/rounds/${round.id}`}>{t('rounds.confirm.cancel')}</a>
      </form>
    </div>
  );
}

/** The message after a round was opened or closed. */
export function roundChangeNotice(
  messages: Messages,
  change: RoundChange,
  round: RoundSummary,
): string {
  return change === 'opened'
    ? messages.t('rounds.changed.opened', { closes: messages.date(round.closesOn) })
    : messages.t('rounds.changed.closed', { submitted: round.submitted });
}
