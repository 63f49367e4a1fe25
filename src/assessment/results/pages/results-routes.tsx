// The results pages of a round and their JSON: the overview, the agencies
// side by side, one agency, the answers item by item, and the diagnostics.
// Filters come as query parameters, so every view has an address to share
// and works without JavaScript.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../platform/errors.ts';
import type { App, FeatureDeps, RouteRequest } from '../../../platform/http/feature.ts';
import { sendPage } from '../../../platform/http/page.tsx';
import { agencyLevels } from '../../agencies/index.ts';
import { targetsOf } from '../advice/open-advice.ts';
import { mayReadAnswers } from '../exports/open-exports.ts';
import {
  agenciesApartFromPeers,
  consensusDisagreements,
  itemsPullingDown,
} from '../findings/diagnostics.ts';
import { itemSpreads, largestDivergences } from '../findings/highlights.ts';
import {
  APART_FROM_PEERS,
  MIN_GAP_BELOW_DIMENSION,
  MIN_PEER_GAP,
  PULLING_DOWN_PER_DIMENSION,
} from '../findings/open-findings.ts';
import { filterOf } from '../protection/disclosure.ts';
import {
  agencyConsensus,
  type OpenResults,
  openEarlierResults,
  openResults,
  wholeOfGovernmentConsensus,
} from '../store/open-results.ts';
import { peerTotals, selectResults } from '../store/results-selection.ts';
import { ResultsAgenciesView } from './results-agencies-views.tsx';
import { ResultsAgencyView } from './results-agency-views.tsx';
import { ResultsDiagnosticsView } from './results-diagnostics-views.tsx';
import { ResultsItemsView } from './results-items-views.tsx';
import { ResultsOverviewView } from './results-overview-views.tsx';
import {
  agencyLabel,
  type FilteredPage,
  type ResultsQuery,
  resultsHref,
  resultsTitle,
} from './results-parts.tsx';

// A form sends an empty value for "all"; it means the same as leaving it out.
const emptyAsUndefined = <T extends z.ZodType>(schema: T) =>
  z
    .union([schema, z.literal('')])
    .optional()
    .transform((value) => (value === '' ? undefined : value) as z.output<T> | undefined);

const roundParams = z.object({ id: z.uuid() });
const agencyParams = roundParams.extend({ agencyId: z.uuid() });
const filterQuery = z.object({
  level: emptyAsUndefined(z.enum(agencyLevels)),
  sector: emptyAsUndefined(z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be a sector key')),
  compare: emptyAsUndefined(z.uuid()),
});
const itemsQuery = filterQuery.extend({
  dimension: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,40}$/, 'must be the code of a dimension')
    .optional(),
});

// How many findings of each kind a page lists: enough to act on, few enough to read.
const DIVERGENCES = 10;
const AGENCY_DIVERGENCES = 5;

// What each page takes; its handler's request is typed from it (RouteRequest).
const roundPage = { hide: true, params: roundParams, querystring: filterQuery } as const;
const itemsPage = { ...roundPage, querystring: itemsQuery } as const;
const agencyPage = { ...roundPage, params: agencyParams } as const;

/** Opens a round's results, and an earlier round's to compare with, under the workspace's protection. */
function resultsReader({ database, resultsMinRespondents: threshold }: FeatureDeps) {
  return {
    targetsOf: (results: OpenResults) => targetsOf(database.db, results),
    open: (roundId: string, sector?: string) =>
      openResults(database.db, { roundId, threshold, sector }),
    earlierOf: (results: OpenResults, query: ResultsQuery) =>
      openEarlierResults(database.db, results, {
        compare: query.compare,
        filter: filterOf(query),
        threshold,
        field: 'compare',
      }),
  };
}
type ResultsReader = ReturnType<typeof resultsReader>;

/** The agencies a page's filters select, with what its frame shows of them. */
function filteredPage(results: OpenResults, query: ResultsQuery): FilteredPage {
  const { round, framework, sectors, disclosure } = results;
  return {
    round,
    framework,
    query,
    sectors,
    selection: selectResults(results, disclosure, filterOf(query)),
  };
}

export async function resultsRoutes(app: App, deps: FeatureDeps) {
  const reader = resultsReader(deps);
  const read = { access: 'workspace.read' as const };
  app.get('/rounds/:id/results', { schema: roundPage, config: read }, (request, reply) =>
    showOverview(reader, request, reply),
  );
  app.get('/rounds/:id/results/agencies', { schema: roundPage, config: read }, (request, reply) =>
    showAgencies(reader, request, reply),
  );
  app.get(
    '/rounds/:id/results/agencies/:agencyId',
    { schema: agencyPage, config: read },
    (request, reply) => showAgency(reader, request, reply),
  );
  app.get('/rounds/:id/results/items', { schema: itemsPage, config: read }, (request, reply) =>
    showItems(reader, request, reply),
  );
  app.get(
    '/rounds/:id/results/diagnostics',
    { schema: roundPage, config: read },
    (request, reply) => showDiagnostics(reader, request, reply),
  );
}

/** The whole of government, or the agencies a filter selects, at a glance. */
async function showOverview(
  reader: ResultsReader,
  request: RouteRequest<typeof roundPage>,
  reply: FastifyReply,
) {
  const { query } = request;
  const results = await reader.open(request.params.id, request.query.sector);
  const page = filteredPage(results, query);
  const earlier = await reader.earlierOf(results, query);
  const filtered = query.level !== undefined || query.sector !== undefined;
  return sendPage(request, reply, {
    title: resultsTitle(request.messages, 'overview', results.round),
    body: (
      <ResultsOverviewView
        messages={request.messages}
        data={{
          ...page,
          compareChoices: results.compareChoices,
          consensus: filtered ? undefined : wholeOfGovernmentConsensus(results),
          earlier: earlier && {
            round: earlier.round,
            total: earlier.selection.total,
            likeForLike: earlier.likeForLike,
          },
          mayReadAnswers: mayReadAnswers(request.signedIn),
          targets: (await reader.targetsOf(results)).targets,
        }}
      />
    ),
  });
}

/** The agencies side by side: a heatmap and its table. */
async function showAgencies(
  reader: ResultsReader,
  request: RouteRequest<typeof roundPage>,
  reply: FastifyReply,
) {
  const { query } = request;
  const results = await reader.open(request.params.id, request.query.sector);
  const page = filteredPage(results, query);
  const earlier = await reader.earlierOf(results, query);
  return sendPage(request, reply, {
    title: resultsTitle(request.messages, 'agencies', results.round),
    body: (
      <ResultsAgenciesView
        messages={request.messages}
        data={{
          ...page,
          compareChoices: results.compareChoices,
          earlier: earlier && {
            round: earlier.round,
            trees: new Map(earlier.selection.shown.map(({ agency, tree }) => [agency.id, tree])),
          },
        }}
      />
    ),
  });
}

/** One agency beside the whole of government and its peers; 404 while it is protected or unanswered. */
async function showAgency(
  reader: ResultsReader,
  request: RouteRequest<typeof agencyPage>,
  reply: FastifyReply,
) {
  const { query } = request;
  const { messages } = request;
  const results = await reader.open(request.params.id, request.query.sector);
  const agency = results.agencies.find((candidate) => candidate.id === request.params.agencyId);
  const tree = agency && results.trees.get(agency.id);
  if (!agency || !tree) throw new AppError('not_found', 'This agency has no results in this round');
  if (results.disclosure.hidden.has(agency.id) || tree.respondents === 0)
    return sendPage(request, reply.status(404), {
      title: agencyLabel(agency),
      body: (
        <>
          <h1>{agencyLabel(agency)}</h1>
          <p>
            {messages.t(
              tree.respondents === 0 ? 'results.agency.noAnswers' : 'results.agency.notShown',
              { threshold: results.disclosure.threshold },
            )}
          </p>
          <p>
            <a href={resultsHref(results.round.id, 'agencies')}>
              {messages.t('results.agency.back')}
            </a>
          </p>
        </>
      ),
    });
  const earlier = await reader.earlierOf(results, { compare: query.compare });
  const everyone = selectResults(results, results.disclosure, {});
  return sendPage(request, reply, {
    title: messages.t('results.agency.pageTitle', {
      agency: agencyLabel(agency),
      round: results.round.name,
    }),
    body: (
      <ResultsAgencyView
        messages={messages}
        data={{
          targets: (await reader.targetsOf(results)).targets,
          round: results.round,
          framework: results.framework,
          query: { compare: query.compare },
          agency,
          tree,
          wholeOfGovernment: everyone.total,
          peers: peerTotals(results, results.disclosure, agency),
          consensus: agencyConsensus(results, agency.id),
          earlier: earlier && {
            round: earlier.round,
            tree: earlier.selection.shown.find((shown) => shown.agency.id === agency.id)?.tree,
          },
          pullingDown: itemsPullingDown(results.framework, tree, {
            perDimension: PULLING_DOWN_PER_DIMENSION,
            minGap: MIN_GAP_BELOW_DIMENSION,
          }),
          divergences: itemSpreads(tree)
            .sort((a, b) => b.spread - a.spread)
            .slice(0, AGENCY_DIVERGENCES),
        }}
      />
    ),
  });
}

/** The answers item by item, one dimension at a time. */
async function showItems(
  reader: ResultsReader,
  request: RouteRequest<typeof itemsPage>,
  reply: FastifyReply,
) {
  const { dimension, ...query } = request.query;
  const results = await reader.open(request.params.id, request.query.sector);
  const dimensionCode = dimension ?? results.framework.dimensions[0]?.code ?? '';
  if (!results.framework.dimensions.some((candidate) => candidate.code === dimensionCode))
    throw new AppError('invalid_request', 'Choose a dimension of the round’s framework', [
      { path: 'dimension', message: 'is not a dimension of this framework' },
    ]);
  const page = filteredPage(results, query);
  const { selection } = page;
  const agencyOf = new Map(selection.shown.map(({ agency }) => [agency.id, agency]));
  const divergences = largestDivergences(
    new Map(selection.shown.map(({ agency, tree }) => [agency.id, tree])),
    DIVERGENCES,
  ).flatMap((divergence) => {
    const agency = divergence.agencyId && agencyOf.get(divergence.agencyId);
    return agency ? [{ ...divergence, agency }] : [];
  });
  return sendPage(request, reply, {
    title: resultsTitle(request.messages, 'items', results.round),
    body: (
      <ResultsItemsView
        messages={request.messages}
        data={{
          ...page,
          dimensionCode,
          divergences,
        }}
      />
    ),
  });
}

/** What pulls scores down, agencies apart from their peers, and where the workshop disagreed. */
async function showDiagnostics(
  reader: ResultsReader,
  request: RouteRequest<typeof roundPage>,
  reply: FastifyReply,
) {
  const { compare: _ignored, ...query } = request.query;
  const results = await reader.open(request.params.id, request.query.sector);
  const page = filteredPage(results, query);
  const { selection } = page;
  const agencyOf = new Map(selection.shown.map(({ agency }) => [agency.id, agency]));
  const consensus =
    selection.filter.level === undefined && selection.filter.sector === undefined
      ? wholeOfGovernmentConsensus(results)
      : undefined;
  return sendPage(request, reply, {
    title: resultsTitle(request.messages, 'diagnostics', results.round),
    body: (
      <ResultsDiagnosticsView
        messages={request.messages}
        data={{
          ...page,
          pullingDown: selection.total
            ? itemsPullingDown(results.framework, selection.total, {
                perDimension: PULLING_DOWN_PER_DIMENSION,
                minGap: MIN_GAP_BELOW_DIMENSION,
              })
            : [],
          // Peers are the agencies shown, so the comparison reveals nothing hidden.
          apartFromPeers: agenciesApartFromPeers(
            selection.shown.map(({ agency, tree }) => ({
              id: agency.id,
              peerKey: agency.level,
              tree,
            })),
            { count: APART_FROM_PEERS, minGap: MIN_PEER_GAP },
          ).flatMap((finding) => {
            const agency = agencyOf.get(finding.agencyId);
            return agency ? [{ ...finding, agency }] : [];
          }),
          consensusGaps:
            consensus && selection.total
              ? consensusDisagreements(selection.total, consensus)
              : undefined,
        }}
      />
    ),
  });
}
