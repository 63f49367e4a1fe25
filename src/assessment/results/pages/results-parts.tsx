// Pieces every results page shares: the addresses of the pages, their
// navigation, the frame with the filter form, a score as the reader's language writes it,
// a chart with its data table, and the note on small-number protection.
import type { ComponentChildren } from 'preact';
import type { Messages } from '../../../platform/i18n/messages.ts';
import { type AgencyLevel, agencyLevels, sectorLabel } from '../../agencies/index.ts';
import type { Framework } from '../../frameworks/index.ts';
import { textOf } from '../../frameworks/index.ts';
import type { RoundInfo } from '../../rounds/index.ts';
import { changeSince } from '../findings/highlights.ts';
import type { AgencyFilter } from '../protection/disclosure.ts';
import { roundDecimal } from '../scoring/rounding.ts';
import type { Score, ScoreTree } from '../scoring/scoring.ts';
import { intervalOf, levelsSpanned } from '../scoring/uncertainty.ts';
import type { ResultsSelection } from '../store/results-selection.ts';

export type ResultsPageName =
  | 'overview'
  | 'agencies'
  | 'items'
  | 'diagnostics'
  | 'recommendations'
  | 'targets'
  | 'crosswalks';

export interface ResultsQuery extends AgencyFilter {
  /** An earlier round to compare with. */
  compare?: string | undefined;
}

/** The address of a results page, keeping the reader's filters. */
export function resultsHref(
  roundId: string,
  page: ResultsPageName | { agencyId: string },
  query: ResultsQuery = {},
): string {
  const path =
    typeof page === 'object'
      ? `/rounds/${roundId}/results/agencies/${page.agencyId}`
      : page === 'overview'
        ? `/rounds/${roundId}/results`
        : `/rounds/${roundId}/results/${page}`;
  const search = new URLSearchParams();
  if (query.level) search.set('level', query.level);
  if (query.sector) search.set('sector', query.sector);
  if (query.compare) search.set('compare', query.compare);
  return search.size > 0 ? `${path}?${search}` : path;
}

export function resultsTitle(messages: Messages, page: ResultsPageName, round: RoundInfo) {
  return messages.t(`results.${page}.pageTitle`, { round: round.name });
}

export function ResultsNav({
  messages,
  round,
  current,
  within = false,
  query,
}: {
  messages: Messages;
  round: RoundInfo;
  current: ResultsPageName | undefined;
  /** The page shown is one inside the current tab (an agency of "Agencies"), not the tab's own. */
  within?: boolean;
  query: ResultsQuery;
}) {
  const { t } = messages;
  const pages: ResultsPageName[] = [
    'overview',
    'agencies',
    'items',
    'diagnostics',
    'recommendations',
    'targets',
    'crosswalks',
  ];
  return (
    <nav class="results-nav" aria-label={t('results.nav.label')}>
      <ul>
        {pages.map((page) => (
          <li key={page}>
            <a
              href={resultsHref(round.id, page, query)}
              aria-current={page === current ? (within ? 'true' : 'page') : undefined}
            >
              {t(`results.${page}.navTitle`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The top of every results page: the round, the page's title and the tabs between the pages. */
export function ResultsHeading({
  messages,
  round,
  title,
  current,
  within = false,
  query,
}: {
  messages: Messages;
  round: RoundInfo;
  title: string;
  current: ResultsPageName | undefined;
  within?: boolean;
  query: ResultsQuery;
}) {
  return (
    <>
      <p class="caption">{round.name}</p>
      <h1>{title}</h1>
      <ResultsNav
        messages={messages}
        round={round}
        current={current}
        within={within}
        query={query}
      />
    </>
  );
}

export interface CompareChoice {
  id: string;
  name: string;
}

/** A GET form: works without JavaScript, and the address it leads to can be shared. */
function ResultsFilterForm({
  messages,
  action,
  query,
  sectors,
  compareChoices,
  children,
}: {
  messages: Messages;
  action: string;
  query: ResultsQuery;
  sectors: readonly string[];
  /** Earlier rounds of the same framework; none: no comparison offered. */
  compareChoices: readonly CompareChoice[];
  /** Fields of the page's own, before the level and sector. */
  children?: ComponentChildren;
}) {
  const { t } = messages;
  return (
    <form method="get" action={action} class="filters" aria-label={t('results.filter.label')}>
      {children}
      <div class="field">
        <label for="level">{t('agencies.level')}</label>
        <select id="level" name="level">
          <option value="">{t('agencies.allLevels')}</option>
          {agencyLevels.map((level: AgencyLevel) => (
            <option key={level} value={level} selected={query.level === level}>
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
            <option key={sector} value={sector} selected={query.sector === sector}>
              {sectorLabel(messages, sector)}
            </option>
          ))}
        </select>
      </div>
      {compareChoices.length > 0 && (
        <div class="field">
          <label for="compare">{t('results.filter.compare')}</label>
          <select id="compare" name="compare">
            <option value="">{t('results.filter.noComparison')}</option>
            {compareChoices.map((choice) => (
              <option key={choice.id} value={choice.id} selected={query.compare === choice.id}>
                {choice.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="submit" class="button secondary">
        {t('results.filter.apply')}
      </button>
    </form>
  );
}

/** What every filtered results page shows: the round, the filters, and the agencies they select. */
export interface FilteredPage {
  round: RoundInfo;
  framework: Framework;
  query: ResultsQuery;
  sectors: readonly string[];
  selection: ResultsSelection;
}

/**
 * The frame of the four results pages that read a selection of agencies: the
 * heading and tabs, what the page says first, the filter form, and the note
 * on what small-number protection left out, then the page's own content.
 */
export function ResultsFrame({
  messages,
  page,
  data: { round, query, sectors, selection, compareChoices = [] },
  totalShown = selection.total !== undefined || selection.shown.length === 0,
  lead,
  filterFields,
  children,
}: {
  messages: Messages;
  page: ResultsPageName;
  data: FilteredPage & { compareChoices?: readonly CompareChoice[] };
  /** Whether the total of the selection is shown (the agencies page shows none to withhold). */
  totalShown?: boolean;
  /** What the page says before its filters. */
  lead?: ComponentChildren;
  /** Fields of the page's own in the filter form. */
  filterFields?: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <>
      <ResultsHeading
        messages={messages}
        round={round}
        title={messages.t(`results.${page}.title`)}
        current={page}
        query={query}
      />
      {lead}
      <ResultsFilterForm
        messages={messages}
        action={resultsHref(round.id, page)}
        query={query}
        sectors={sectors}
        compareChoices={compareChoices}
      >
        {filterFields}
      </ResultsFilterForm>
      <ProtectionNote
        messages={messages}
        withheldScores={selection.disclosure.withheldNodes(selection.filter).size}
        threshold={selection.disclosure.threshold}
        hiddenCount={selection.hiddenCount}
        totalShown={totalShown}
      />
      {children}
    </>
  );
}

/** A score to two decimals; "no score" spelled out where there is none, never 0. */
export function formatScore(messages: Messages, value: number | undefined): string {
  return value === undefined
    ? messages.t('results.noScore')
    : messages.number(roundDecimal(value, 2), {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      });
}

/** A share as a whole percentage, e.g. "64%"; empty where there is nothing to count. */
export function formatShare(messages: Messages, share: number | undefined): string {
  return share === undefined
    ? ''
    : messages.number(roundDecimal(share, 2), { style: 'percent', maximumFractionDigits: 0 });
}

/** A signed change, e.g. "+0.42" or "−0.10". */
export function formatChange(messages: Messages, value: number | undefined): string {
  return value === undefined
    ? messages.t('results.noScore')
    : messages.number(roundDecimal(value, 2), {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
        signDisplay: 'exceptZero',
      });
}

export function formatNumberOf(messages: Messages) {
  return (value: number) => messages.number(roundDecimal(value, 2), { maximumFractionDigits: 2 });
}

/**
 * The maturity level of a score, in the reader's language; "between" two
 * levels when the score's 95% interval spans the boundary between them.
 */
export function levelName(messages: Messages, framework: Framework, score: Score): string {
  const text = textOf(messages, framework);
  const spanned = levelsSpanned(score, framework.maturityLevels);
  if (spanned)
    return messages.t('results.level.between', {
      low: text(spanned.low.name),
      high: text(spanned.high.name),
    });
  return score.level ? text(score.level.name) : '';
}

/** A score's 95% interval, e.g. "2.41–2.73"; empty where it cannot be estimated. */
export function formatInterval(messages: Messages, score: Score): string {
  const interval = intervalOf(score);
  if (!interval) return '';
  return messages.t('results.interval.range', {
    low: formatScore(messages, interval.low),
    high: formatScore(messages, interval.high),
  });
}

/** A chart drawn on the server, and beside it the table of the numbers it draws. */
export function Chart({
  svg,
  caption,
  children,
}: {
  /** From src/platform/charts/: CSP-safe SVG with its own title and description. */
  svg: string;
  caption: string;
  /** The data table. */
  children: ComponentChildren;
}) {
  return (
    <figure class="chart">
      {/* The SVG is built by src/platform/charts from escaped labels. */}
      <div class="chart-image" dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption>{caption}</figcaption>
      {children}
    </figure>
  );
}

/** How much of the framework a workshop's consensus covers, and what is scored from it. */
export function ConsensusCoverage({
  messages,
  consensus,
  items,
}: {
  messages: Messages;
  consensus: ScoreTree;
  /** Items of the framework. */
  items: number;
}) {
  return (
    <p class="hint">
      {messages.t('results.consensus.coverage', { agreed: consensus.answeredItems, items })}
    </p>
  );
}

/** Why some agencies are not listed, and what the threshold is. */
function ProtectionNote({
  messages,
  threshold,
  hiddenCount,
  totalShown,
  withheldScores,
}: {
  messages: Messages;
  threshold: number;
  hiddenCount: number;
  totalShown: boolean;
  /** Scores of the total withheld at single nodes (items, sub-dimensions...). */
  withheldScores: number;
}) {
  const { t } = messages;
  if (!totalShown)
    return <p class="notice">{t('results.protection.totalWithheld', { threshold })}</p>;
  if (hiddenCount === 0) return null;
  return (
    <>
      <p class="notice">{t('results.protection.hidden', { count: hiddenCount, threshold })}</p>
      {withheldScores > 0 && (
        <p class="notice">{t('results.protection.scoresWithheld', { count: withheldScores })}</p>
      )}
    </>
  );
}

export { TableScroll } from '../../../platform/http/table-scroll.tsx';

export function agencyLabel(agency: { name: string; acronym: string | null }): string {
  return agency.acronym ? `${agency.name} (${agency.acronym})` : agency.name;
}

export function itemStatements(messages: Messages, framework: Framework) {
  const text = textOf(messages, framework);
  const statements = new Map(
    framework.dimensions.flatMap((d) =>
      d.subdimensions.flatMap((s) =>
        s.items.map((item) => [item.code, text(item.statement)] as const),
      ),
    ),
  );
  return (code: string) => statements.get(code) ?? '';
}

export function ChangeTable({
  messages,
  framework,
  earlier,
  later,
  earlierName,
  laterName,
  caption,
}: {
  messages: Messages;
  framework: Framework;
  earlier: ScoreTree;
  later: ScoreTree;
  earlierName: string;
  laterName: string;
  /** The table's caption; by default, scores by dimension in both rounds. */
  caption?: string;
}) {
  const { t } = messages;
  const text = textOf(messages, framework);
  const nameOf = new Map(framework.dimensions.map((d) => [d.code, text(d.name)] as const));
  const { overall, dimensions } = changeSince(earlier, later);
  return (
    <table>
      <caption>{caption ?? t('results.change.table')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('results.dimension')}</th>
          <th scope="col" class="numeric">
            {earlierName}
          </th>
          <th scope="col" class="numeric">
            {laterName}
          </th>
          <th scope="col" class="numeric">
            {t('results.change')}
          </th>
          <th scope="col">{t('results.change.clear')}</th>
        </tr>
      </thead>
      <tbody>
        {[...dimensions, overall].map((row) => (
          <tr key={row.code}>
            <th scope="row">
              {row.code === 'overall' ? t('results.overall') : (nameOf.get(row.code) ?? row.code)}
            </th>
            <td class="numeric">{formatScore(messages, row.before)}</td>
            <td class="numeric">{formatScore(messages, row.after)}</td>
            <td class="numeric">{formatChange(messages, row.change)}</td>
            <td>
              {row.clear === undefined
                ? ''
                : t(row.clear ? 'results.change.clear.yes' : 'results.change.clear.no')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
