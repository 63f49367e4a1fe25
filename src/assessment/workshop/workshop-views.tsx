// Pages of the workshop around the items: the overview of a round by
// dimension and sub-dimension, and the choice of scope (an agency or the whole
// of government) with why an agency's own answers may be withheld.

import type { Messages } from '../../platform/i18n/messages.ts';
import { textOf } from '../frameworks/index.ts';
import type { RoundSummary } from '../rounds/index.ts';
import type { OpenWorkshop } from './open-workshop.ts';
import type { DimensionProgress } from './workshop.ts';

/** The address of a workshop page, keeping the chosen agency. */
export function workshopHref(
  roundId: string,
  options: {
    subdimensionCode?: string;
    agencyId?: string | undefined;
    itemCode?: string;
    /** The item just saved, confirmed on the page it leads to. */
    saved?: string;
  } = {},
): string {
  const path = `/rounds/${roundId}/workshop${options.subdimensionCode ? `/${options.subdimensionCode}` : ''}`;
  const query = new URLSearchParams();
  if (options.agencyId) query.set('agency', options.agencyId);
  if (options.saved) query.set('saved', options.saved);
  const search = query.size > 0 ? `?${query}` : '';
  return `${path}${search}${options.itemCode ? `#item-${options.itemCode}` : ''}`;
}

/** A GET form: works without JavaScript, and the address it leads to can be shared. */
export function ScopeChooser({
  messages,
  workshop,
  action,
}: {
  messages: Messages;
  workshop: OpenWorkshop;
  action: string;
}) {
  const { t } = messages;
  return (
    <form method="get" action={action} class="scope-chooser">
      <label for="agency">{t('workshop.scope.label')}</label>{' '}
      <select id="agency" name="agency">
        <option value="" selected={!workshop.agency}>
          {t('workshop.scope.wholeOfGovernment', { count: workshop.round.submitted })}
        </option>
        {workshop.agencies.map((agency) => (
          <option
            key={agency.agencyId}
            value={agency.agencyId}
            selected={agency.agencyId === workshop.agency?.agencyId}
          >
            {t('workshop.scope.agency', {
              name: agency.acronym ? `${agency.name} (${agency.acronym})` : agency.name,
              count: agency.submittedResponses,
            })}
          </option>
        ))}
      </select>{' '}
      <button type="submit" class="button secondary">
        {t('workshop.scope.show')}
      </button>
    </form>
  );
}

/** What the statistics below are of, and why when an agency's own are withheld. */
export function ScopeNote({ messages, workshop }: { messages: Messages; workshop: OpenWorkshop }) {
  const { t } = messages;
  const { agency, round } = workshop;
  return (
    <>
      {round.status === 'open' && <p class="notice">{t('workshop.roundStillOpen')}</p>}
      {!agency ? (
        <p>{t('workshop.scope.showingWholeOfGovernment', { count: round.submitted })}</p>
      ) : workshop.statisticsFrom === 'agency' ? (
        <p>
          {t('workshop.scope.showingAgency', {
            name: agency.name,
            count: agency.submittedResponses,
          })}
        </p>
      ) : (
        <p class="notice withheld" id="withheld">
          {t('workshop.scope.withheld', {
            name: agency.name,
            count: agency.submittedResponses,
            minimum: workshop.threshold,
            total: round.submitted,
          })}
        </p>
      )}
      {workshop.withheldItems.size > 0 && (
        <p class="notice">
          {t('workshop.scope.itemsWithheld', { count: workshop.withheldItems.size })}
        </p>
      )}
    </>
  );
}

export function WorkshopOverviewView({
  messages,
  workshop,
  dimensions,
}: {
  messages: Messages;
  workshop: OpenWorkshop;
  dimensions: DimensionProgress[];
}) {
  const { t } = messages;
  const { round, framework } = workshop;
  const text = textOf(messages, framework);
  const agencyId = workshop.agency?.agencyId;
  const all = dimensions.flatMap((dimension) => dimension.subdimensions);
  const sum = (key: 'items' | 'withConsensus' | 'divergent') =>
    all.reduce((total, subdimension) => total + subdimension[key], 0);
  return (
    <>
      <p>
        <a class="back-link" href={`/rounds/${round.id}`}>
          {round.name}
        </a>
      </p>
      <h1>{t('workshop.title')}</h1>
      <p class="lead">{t('workshop.intro')}</p>
      <ScopeChooser messages={messages} workshop={workshop} action={workshopHref(round.id)} />
      <ScopeNote messages={messages} workshop={workshop} />
      <p>
        {t('workshop.overview.totals', {
          items: sum('items'),
          withConsensus: sum('withConsensus'),
          divergent: sum('divergent'),
        })}
      </p>
      {dimensions.map(({ dimension, subdimensions }) => (
        <section key={dimension.code} aria-labelledby={`dimension-${dimension.code}`}>
          <h2 id={`dimension-${dimension.code}`}>{text(dimension.name)}</h2>
          <table class="subdimension-progress">
            <caption class="visually-hidden">{text(dimension.name)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('workshop.overview.subdimension')}</th>
                <th scope="col" class="numeric">
                  {t('workshop.overview.items')}
                </th>
                <th scope="col" class="numeric">
                  {t('workshop.overview.withConsensus')}
                </th>
                <th scope="col" class="numeric">
                  {t('workshop.overview.divergent')}
                </th>
              </tr>
            </thead>
            <tbody>
              {subdimensions.map((progress) => (
                <tr key={progress.subdimension.code}>
                  <th scope="row">
                    <a
                      href={workshopHref(round.id, {
                        subdimensionCode: progress.subdimension.code,
                        agencyId,
                      })}
                    >
                      {text(progress.subdimension.name)}
                    </a>
                  </th>
                  <td class="numeric">{progress.items}</td>
                  <td class="numeric">{progress.withConsensus}</td>
                  <td class="numeric">{progress.divergent}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

export function roundWorkshopTitle(messages: Messages, round: RoundSummary): string {
  return messages.t('workshop.pageTitle', { round: round.name });
}
