// Importing agencies from CSV over HTTP: the page (a file upload or pasted
// text) and the API (a text/csv body). Both import the whole file or nothing.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { changedBy } from '../../platform/audit/changed-by.ts';
import { AppError } from '../../platform/errors.ts';
import { errorBodySchema } from '../../platform/http/errors.ts';
import type { App, FeatureDeps } from '../../platform/http/feature.ts';
import { sendPage } from '../../platform/http/page.tsx';
import { workspaceOf } from '../../platform/http/request-workspace.ts';
import { messagesFor } from '../../platform/i18n/messages.ts';
import { importAgencies } from './agency-changes.ts';
import type { ImportProblem } from './agency-import.ts';
import { AgencyImportedView, AgencyImportView, importProblemText } from './agency-import-views.tsx';

const english = messagesFor('en');

/** The text of an uploaded file; spreadsheets must save it as "CSV UTF-8". */
function decodeUpload(file: Buffer): string | ImportProblem {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    return { row: 1, rule: 'csvEncoding' };
  }
}

/** The CSV a form sent: the uploaded file if one was chosen, else the pasted text. */
function csvOfForm(body: unknown): string | ImportProblem {
  const form = (typeof body === 'object' && body ? body : {}) as Record<string, unknown>;
  if (Buffer.isBuffer(form.file) && form.file.length > 0) return decodeUpload(form.file);
  return typeof form.csv === 'string' ? form.csv : '';
}

const importedSchema = z
  .object({
    imported: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        row: z.number().int().describe('The row of the file'),
      }),
    ),
  })
  .meta({ id: 'AgencyImport' });

export async function agencyImportRoutes(app: App, { database }: FeatureDeps) {
  // The API takes the file itself as the body.
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );

  async function runImport(request: FastifyRequest, csv: string | ImportProblem) {
    const by = changedBy(request);
    if (typeof csv !== 'string') return { ok: false as const, problems: [csv] };
    return importAgencies(database.db, csv, by);
  }

  app.get(
    '/agencies/import',
    { schema: { hide: true }, config: { access: 'agencies.manage' } },
    async (request, reply) => {
      const _workspace = workspaceOf(request);
      return sendPage(request, reply, {
        title: request.messages.t('agencies.import.title'),
        body: (
          <AgencyImportView
            messages={request.messages}
            csrfToken={request.signedIn?.csrfToken}
            problems={[]}
          />
        ),
      });
    },
  );

  app.post(
    '/agencies/import',
    { schema: { hide: true }, config: { access: 'agencies.manage' } },
    async (request, reply) => {
      const _workspace = workspaceOf(request);
      const csv = csvOfForm(request.body);
      const outcome = await runImport(request, csv);
      const { t } = request.messages;
      if (outcome.ok) {
        return sendPage(request, reply, {
          title: t('agencies.import.done', { count: outcome.imported.length }),
          body: <AgencyImportedView messages={request.messages} imported={outcome.imported} />,
        });
      }
      return sendPage(request, reply.status(400), {
        title: t('agencies.import.title'),
        body: (
          <AgencyImportView
            messages={request.messages}
            csrfToken={request.signedIn?.csrfToken}
            {...(typeof csv === 'string' ? { csv } : {})}
            problems={outcome.problems}
          />
        ),
      });
    },
  );

  app.post(
    '/api/agencies/import',
    {
      schema: {
        tags: ['agencies'],
        summary: 'Import agencies from a CSV file',
        description:
          'The body is the CSV file (content type text/csv, UTF-8) with the header `name,acronym,level,sector,parent,focal point email`; `parent` names an agency by name or acronym, in the file or already stored. Every problem is reported with its row (the header is row 1), and nothing is imported unless every row is right.',
        body: z.string().describe('The CSV file'),
        response: { 201: importedSchema, 400: errorBodySchema },
      },
      config: { access: 'agencies.manage' },
    },
    async (request, reply) => {
      const outcome = await runImport(request, request.body);
      if (outcome.ok) return reply.status(201).send({ imported: outcome.imported });
      const count = outcome.problems.length;
      throw new AppError(
        'invalid_request',
        `The CSV has ${count} ${count === 1 ? 'problem' : 'problems'}; nothing was imported`,
        outcome.problems.map((problem) => ({
          path: `row ${problem.row}${problem.column ? `.${problem.column}` : ''}`,
          message: importProblemText(english, problem),
        })),
      );
    },
  );
}
