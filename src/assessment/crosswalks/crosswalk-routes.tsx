// The results page that reads a round through a crosswalk, and its download
// as CSV or XLSX. The crosswalk, level and sector come as query parameters,
// so every reading has an address and works without JavaScript.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { App, FeatureDeps, RouteRequest } from '../../platform/http/feature.ts';
import { sendPage } from '../../platform/http/page.tsx';
import { agencyLevels } from '../agencies/index.ts';
import {
  contentTypes,
  exportFile,
  exportFileName,
  exportFormats,
  filterOf,
  resultsTitle,
} from '../results/index.ts';
import { crosswalkScoreLayout, crosswalkScoreRows } from './crosswalk-exports.ts';
import { crosswalkKey, openCrosswalkResults } from './crosswalk-lookup.ts';
import { CrosswalkView } from './crosswalk-views.tsx';

// A form sends an empty value for "all"; it means the same as leaving it out.
const emptyAsUndefined = <T extends z.ZodType>(schema: T) =>
  z
    .union([schema, z.literal('')])
    .optional()
    .transform((value) => (value === '' ? undefined : value) as z.output<T> | undefined);

const pageQuery = z.object({
  crosswalk: emptyAsUndefined(crosswalkKey),
  level: emptyAsUndefined(z.enum(agencyLevels)),
  sector: emptyAsUndefined(z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be a sector key')),
});
const crosswalkPage = {
  hide: true,
  params: z.object({ id: z.uuid() }),
  querystring: pageQuery,
} as const;
const crosswalkFile = {
  hide: true,
  params: z.object({ id: z.uuid(), format: z.enum(exportFormats) }),
  querystring: pageQuery,
} as const;

export async function crosswalkRoutes(app: App, deps: FeatureDeps) {
  const read = { access: 'workspace.read' as const };
  app.get(
    '/rounds/:id/results/crosswalks',
    { schema: crosswalkPage, config: read },
    (request, reply) => showReading(deps, request, reply),
  );
  app.get(
    '/rounds/:id/results/crosswalks/export.:format',
    { schema: crosswalkFile, config: read },
    (request, reply) => downloadReading(deps, request, reply),
  );
}

async function showReading(
  { database, resultsMinRespondents: threshold }: FeatureDeps,
  request: RouteRequest<typeof crosswalkPage>,
  reply: FastifyReply,
) {
  const { query } = request;
  const opened = await openCrosswalkResults(database.db, {
    roundId: request.params.id,
    threshold,
    query,
    field: 'crosswalk',
  });
  const { results } = opened;
  return sendPage(request, reply, {
    title: resultsTitle(request.messages, 'crosswalks', results.round),
    body: (
      <CrosswalkView
        messages={request.messages}
        data={{
          round: results.round,
          framework: results.framework,
          query: filterOf(query),
          sectors: results.sectors,
          selection: opened.selection,
          readings: opened.readings,
          chosen: opened.chosen,
        }}
      />
    ),
  });
}

/** The reading as a file; results are for members only, so no shared cache may keep a copy. */
async function downloadReading(
  { database, resultsMinRespondents: threshold }: FeatureDeps,
  request: RouteRequest<typeof crosswalkFile>,
  reply: FastifyReply,
) {
  const { format } = request.params;
  const filter = filterOf(request.query);
  const opened = await openCrosswalkResults(database.db, {
    roundId: request.params.id,
    threshold,
    query: request.query,
    field: 'crosswalk',
  });
  const { chosen, results } = opened;
  if (!chosen)
    throw new AppError('not_found', `No crosswalk reads rounds of ${results.round.frameworkName}`);
  const rows = crosswalkScoreRows(request.messages, chosen.reading, chosen.read, filter);
  const layout = crosswalkScoreLayout(request.messages, chosen.reading, filter);
  const key = chosen.reading.crosswalk.key;
  return reply
    .header('content-type', contentTypes[format])
    .header(
      'content-disposition',
      `attachment; filename="${exportFileName(results.round.name, key, filter, format)}"`,
    )
    .header('cache-control', 'private, no-store')
    .send(exportFile(format, layout, [rows]));
}
