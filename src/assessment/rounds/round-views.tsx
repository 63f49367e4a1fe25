// Pages of assessment rounds: the list of rounds and one round's overview of
// responses per agency.

import type { Messages } from '../../platform/i18n/messages.ts';
import { sectorLabel } from '../agencies/index.ts';
import { type AgencyProgress, type ProgressTotals, responseRate } from './round-progress.ts';
import type { RoundSummary } from './round-store.ts';

function Rate({
  messages,
  invited,
  submitted,
}: {
  messages: Messages;
  invited: number;
  submitted: number;
}) {
  const rate = responseRate({ invited, submitted });
  if (rate === undefined) return <span class="meta">{messages.t('rounds.noInvitations')}</span>;
  return <>{messages.number(rate, { style: 'percent', maximumFractionDigits: 0 })}</>;
}

function RoundStatus({ messages, status }: { messages: Messages; status: RoundSummary['status'] }) {
  return <strong class={`tag tag-${status}`}>{messages.t(`rounds.status.${status}`)}</strong>;
}

export function RoundListView({
  messages,
  rounds,
  canManage,
}: {
  messages: Messages;
  rounds: RoundSummary[];
  /** Whether the reader may create, open and close rounds. */
  canManage: boolean;
}) {
  const { t } = messages;
  return (
    <>
      <h1>{t('rounds.title')}</h1>
      <p class="lead">{t('rounds.intro')}</p>
      {canManage && (
        <p>
          <a class="button" href="/rounds/new">
            {t('rounds.create')}
          </a>
        </p>
      )}
      {rounds.length === 0 ? (
        <p>{t('rounds.none')}</p>
      ) : (
        <table>
          <caption class="visually-hidden">{t('rounds.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rounds.name')}</th>
              <th scope="col">{t('rounds.framework')}</th>
              <th scope="col">{t('rounds.dates')}</th>
              <th scope="col">{t('rounds.statusLabel')}</th>
              <th scope="col" class="numeric">
                {t('rounds.agencies')}
              </th>
              <th scope="col" class="numeric">
                {t('rounds.responseRate')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((round) => (
              <tr key={round.id}>
                <th scope="row">
                  <a href={`/rounds/${round.id}`}>{round.name}</a>
                </th>
                <td>
                  {round.frameworkName} <span class="meta">{round.frameworkVersion}</span>
                </td>
                <td>
                  {t('rounds.dateRange', {
                    opens: messages.date(round.opensOn),
                    closes: messages.date(round.closesOn),
                  })}
                  {round.closedAt &&
                    ` · ${t('rounds.closedAt', { date: messages.date(round.closedAt) })}`}
                </td>
                <td>
                  <RoundStatus messages={messages} status={round.status} />
                </td>
                <td class="numeric">{round.agencies}</td>
                <td class="numeric">
                  <Rate messages={messages} invited={round.invited} submitted={round.submitted} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function RoundOverviewView({
  messages,
  round,
  agencies,
  totals,
  canFacilitate = false,
  canManageInvitations = false,
}: {
  messages: Messages;
  round: RoundSummary;
  agencies: AgencyProgress[];
  totals: ProgressTotals;
  /** Whether the reader may invite and remind respondents (src/assessment/invitations/). */
  canManageInvitations?: boolean;
  /** Whether the reader may run the collaborative workshop (src/assessment/workshop/). */
  canFacilitate?: boolean;
}) {
  const { t } = messages;
  return (
    <>
      <p class="caption">
        <RoundStatus messages={messages} status={round.status} />{' '}
        {t('rounds.dateRange', {
          opens: messages.date(round.opensOn),
          closes: messages.date(round.closesOn),
        })}
        {round.openedAt && ` · ${t('rounds.openedAt', { date: messages.date(round.openedAt) })}`}
        {round.closedAt && ` · ${t('rounds.closedAt', { date: messages.date(round.closedAt) })}`}
      </p>
      <h1>{round.name}</h1>
      <p>
        {t('rounds.usesFramework')}{' '}
        <a href={`/frameworks/${round.frameworkKey}?version=${round.frameworkVersion}`}>
          {round.frameworkName} {round.frameworkVersion}
        </a>
      </p>
      <dl class="summary">
        <div>
          <dt>{t('rounds.agencies')}</dt>
          <dd>{totals.agencies}</dd>
        </div>
        <div>
          <dt>{t('rounds.invited')}</dt>
          <dd>{totals.invited}</dd>
        </div>
        <div>
          <dt>{t('rounds.started')}</dt>
          <dd>{totals.started}</dd>
        </div>
        <div>
          <dt>{t('rounds.submitted')}</dt>
          <dd>{totals.submitted}</dd>
        </div>
        <div>
          <dt>{t('rounds.responseRate')}</dt>
          <dd>
            <Rate messages={messages} invited={totals.invited} submitted={totals.submitted} />
          </dd>
        </div>
      </dl>
      {round.status !== 'draft' && (
        <p>
          <a href={`/rounds/${round.id}/results`}>{t('results.openFromRound')}</a>
        </p>
      )}
      {canFacilitate && (
        <p>
          <a href={`/rounds/${round.id}/workshop`}>{t('workshop.openFromRound')}</a>
        </p>
      )}
      {canManageInvitations && (
        <p>
          <a href={`/rounds/${round.id}/invitations`}>{t('invitations.manage')}</a>
        </p>
      )}
      <h2>{t('rounds.byAgency')}</h2>
      <p>
        {t('rounds.agenciesResponding', {
          responding: totals.agenciesResponding,
          agencies: totals.agencies,
        })}
      </p>
      <table>
        <caption class="visually-hidden">{t('rounds.byAgency')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rounds.agency')}</th>
            <th scope="col">{t('agencies.level')}</th>
            <th scope="col">{t('agencies.sector')}</th>
            <th scope="col" class="numeric">
              {t('rounds.invited')}
            </th>
            <th scope="col" class="numeric">
              {t('rounds.started')}
            </th>
            <th scope="col" class="numeric">
              {t('rounds.submitted')}
            </th>
            <th scope="col" class="numeric">
              {t('rounds.responseRate')}
            </th>
          </tr>
        </thead>
        <tbody>
          {agencies.map((agency) => (
            <tr key={agency.agencyId}>
              <th scope="row">
                {agency.agencyName} {agency.acronym && <span class="meta">{agency.acronym}</span>}
              </th>
              <td>{t(`level.${agency.level}`)}</td>
              <td>{sectorLabel(messages, agency.sector)}</td>
              <td class="numeric">{agency.invited}</td>
              <td class="numeric">{agency.started}</td>
              <td class="numeric">{agency.submitted}</td>
              <td class="numeric">
                <Rate messages={messages} invited={agency.invited} submitted={agency.submitted} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t('rounds.total')}
            </th>
            <td class="numeric">{totals.invited}</td>
            <td class="numeric">{totals.started}</td>
            <td class="numeric">{totals.submitted}</td>
            <td class="numeric">
              <Rate messages={messages} invited={totals.invited} submitted={totals.submitted} />
            </td>
          </tr>
        </tfoot>
      </table>
    </>
  );
}
