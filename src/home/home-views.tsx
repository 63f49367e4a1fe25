// The home page's content.

import type { RoundSummary } from '../assessment/rounds/index.ts';
import { responseRate } from '../assessment/rounds/index.ts';
import type { Messages } from '../platform/i18n/messages.ts';
import type { FocalPointAgency, NextStep } from './focal-point-home.ts';

export function HomeView({
  messages,
  workspaceName,
  agencyCount,
  levels,
  frameworkCount,
  rounds,
  yourAgencies,
}: {
  messages: Messages;
  workspaceName: string;
  agencyCount: number;
  levels: Record<'national' | 'subnational' | 'local', number>;
  frameworkCount: number;
  rounds: RoundSummary[];
  /** A focal point's agencies; absent for other readers. */
  yourAgencies?: FocalPointAgency[] | undefined;
}) {
  const { t } = messages;
  const latest = rounds[0];
  const rate = latest ? responseRate(latest) : undefined;
  return (
    <>
      <h1>{workspaceName}</h1>
      {yourAgencies ? (
        <YourAgencies messages={messages} agencies={yourAgencies} />
      ) : (
        <p class="lead">{t('home.intro')}</p>
      )}
      <ol class="cycle" aria-label={t('home.cycle')}>
        <li>{t('home.cycle.analyse')}</li>
        <li>{t('home.cycle.envision')}</li>
        <li>{t('home.cycle.roadmap')}</li>
        <li>{t('home.cycle.monitor')}</li>
      </ol>
      <ul class="card-list columns">
        <li class="card">
          <h2>
            <a href="/agencies">{t('nav.agencies')}</a>
          </h2>
          <p class="figure">{agencyCount}</p>
          <p>{t('home.agencyLevels', levels)}</p>
        </li>
        <li class="card">
          <h2>
            <a href="/frameworks">{t('nav.frameworks')}</a>
          </h2>
          <p class="figure">{frameworkCount}</p>
          <p>{t('home.frameworksHelp')}</p>
        </li>
        <li class="card">
          <h2>
            <a href="/rounds">{t('nav.rounds')}</a>
          </h2>
          <p class="figure">{rounds.length}</p>
          {latest ? (
            <p>
              {t('home.latestRound')} <a href={`/rounds/${latest.id}`}>{latest.name}</a>
              {rate !== undefined &&
                ` – ${t('home.responseRate', { rate: messages.number(rate, { style: 'percent', maximumFractionDigits: 0 }) })}`}
            </p>
          ) : (
            <p>{t('rounds.none')}</p>
          )}
        </li>
      </ul>
    </>
  );
}

function stepHref(step: NextStep, roundId: string, agencyId: string): string {
  return step === 'readResults'
    ? `/rounds/${roundId}/results/agencies/${agencyId}`
    : `/rounds/${roundId}/invitations/${agencyId}`;
}

function YourAgencies({
  messages,
  agencies,
}: {
  messages: Messages;
  agencies: FocalPointAgency[];
}) {
  const { t } = messages;
  return (
    <section aria-labelledby="your-agencies">
      <h2 id="your-agencies">{t('home.yours.title')}</h2>
      {agencies.length === 0 && <p>{t('home.yours.noAgency')}</p>}
      {agencies.map((agency) => (
        <div class="card your-agency" key={agency.id}>
          <h3>{agency.acronym ? `${agency.name} (${agency.acronym})` : agency.name}</h3>
          {agency.rounds.length === 0 && <p>{t('home.yours.noRound')}</p>}
          {agency.rounds.map(({ round, invited, started, submitted, next }) => (
            <div key={round.id}>
              <h4>
                {round.status === 'open'
                  ? t('home.yours.openRound', {
                      name: round.name,
                      closes: messages.date(round.closesOn),
                    })
                  : t('home.yours.closedRound', { name: round.name })}
              </h4>
              <dl class="summary">
                <div>
                  <dt>{t('home.yours.invited')}</dt>
                  <dd>{messages.number(invited)}</dd>
                </div>
                <div>
                  <dt>{t('home.yours.started')}</dt>
                  <dd>{messages.number(started)}</dd>
                </div>
                <div>
                  <dt>{t('home.yours.submitted')}</dt>
                  <dd>{messages.number(submitted)}</dd>
                </div>
              </dl>
              <ul class="next-steps">
                {next.map((step) => (
                  <li key={step}>
                    <a href={stepHref(step, round.id, agency.id)}>
                      {t(`home.yours.next.${step}`, { notSubmitted: invited - submitted })}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}
