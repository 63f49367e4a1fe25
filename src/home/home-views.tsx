// The home page's content.
import type { Messages } from '../i18n/messages.ts';
import { responseRate } from '../rounds/round-progress.ts';
import type { RoundSummary } from '../rounds/round-store.ts';

export function HomeView({
  messages,
  workspaceName,
  agencyCount,
  levels,
  frameworkCount,
  rounds,
}: {
  messages: Messages;
  workspaceName: string;
  agencyCount: number;
  levels: Record<'national' | 'subnational' | 'local', number>;
  frameworkCount: number;
  rounds: RoundSummary[];
}) {
  const { t } = messages;
  const latest = rounds[0];
  const rate = latest ? responseRate(latest) : undefined;
  return (
    <>
      <h1>{workspaceName}</h1>
      <p class="lead">{t('home.intro')}</p>
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
