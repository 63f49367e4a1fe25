// Downloads of a round's results, linked from the results overview: item
// scores and dimension scores per agency (with the filters of the results
// pages), and the raw answers under pseudonyms, each as CSV or XLSX.
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { App, FeatureDeps } from '../../../platform/http/feature.ts';
import { agencyFilterSchema } from '../../agencies/index.ts';
import { filterOf } from '../protection/disclosure.ts';
import { openResults } from '../store/open-results.ts';
import { answerLayout } from './answer-export.ts';
import { contentTypes, exportFile } from './export-files.ts';
import { type ExportFormat, exportFileName, exportFormats } from './exports.ts';
import { answerBatches, requireMember, scoreTable } from './open-exports.ts';

const fileParams = z.object({ id: z.uuid(), format: z.enum(exportFormats) });

/** A download; results are for members only, so no shared cache may keep a copy. */
function sendFile(reply: FastifyReply, name: string, format: ExportFormat, file: Readable) {
  return reply
    .header('content-type', contentTypes[format])
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'private, no-store')
    .send(file);
}

export async function exportRoutes(
  app: App,
  { database, resultsMinRespondents: threshold }: FeatureDeps,
) {
  const open = (roundId: string, sector?: string) =>
    openResults(database.db, { roundId, threshold, sector });

  for (const table of ['item-scores', 'dimension-scores'] as const)
    app.get(
      `/rounds/:id/results/export/${table}.:format`,
      {
        schema: { hide: true, params: fileParams, querystring: agencyFilterSchema },
        config: { access: 'workspace.read' },
      },
      async (request, reply) => {
        const { format } = request.params;
        const filter = filterOf(request.query);
        const results = await open(request.params.id, request.query.sector);
        const { file } = await scoreTable(database, table, request.messages, results, filter);
        const name = exportFileName(results.round.name, table, filter, format);
        return sendFile(reply, name, format, file(format));
      },
    );

  app.get(
    '/rounds/:id/results/export/answers.:format',
    { schema: { hide: true, params: fileParams }, config: { access: 'responses.read' } },
    async (request, reply) => {
      const { format } = request.params;
      const member = requireMember(request.signedIn);
      const results = await open(request.params.id);
      const name = exportFileName(results.round.name, 'answers', {}, format);
      const file = exportFile(
        format,
        answerLayout(request.messages),
        answerBatches(database, results, member),
      );
      return sendFile(reply, name, format, file);
    },
  );
}
