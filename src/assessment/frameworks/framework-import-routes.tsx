// Importing a framework from a page: upload a framework file (JSON) or an
// XLSForm workbook (.xlsx), see every problem with its place (nothing stored),
// or what was imported. The same import as the API and the command line
// (import-framework.ts).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { App, FeatureDeps } from '../../platform/http/feature.ts';
import { sendPage } from '../../platform/http/page.tsx';
import { workspaceOf } from '../../platform/http/request-workspace.ts';
import {
  FrameworkImportedView,
  FrameworkImportView,
  type ImportProblem,
} from './framework-import-views.tsx';
import { readUploadedFramework } from './framework-upload.ts';
import { importFramework } from './import-framework.ts';
import { isWorkbookFile, readUploadedXlsform } from './xlsform/xlsx-file.ts';

/** The file a multipart form sent (see the multipart setup in http/app.ts). */
function uploadOf(body: unknown): Buffer | undefined {
  const form = (typeof body === 'object' && body ? body : {}) as Record<string, unknown>;
  return Buffer.isBuffer(form.file) ? form.file : undefined;
}

export async function frameworkImportRoutes(app: App, { database }: FeatureDeps) {
  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    problems: readonly ImportProblem[],
  ) {
    const _workspace = workspaceOf(request);
    return sendPage(request, reply, {
      title: request.messages.t('frameworks.import.title'),
      body: (
        <FrameworkImportView
          messages={request.messages}
          csrfToken={request.signedIn?.csrfToken}
          problems={problems}
        />
      ),
    });
  }

  app.get(
    '/frameworks/import',
    { schema: { hide: true }, config: { access: 'rounds.manage' } },
    (request, reply) => renderForm(request, reply, []),
  );

  app.post(
    '/frameworks/import',
    { schema: { hide: true }, config: { access: 'rounds.manage' } },
    async function importUpload(request, reply) {
      const workspace = workspaceOf(request);
      const file = uploadOf(request.body);
      const fromXlsform = file !== undefined && isWorkbookFile(file);
      let document: unknown;
      if (fromXlsform) {
        const converted = await readUploadedXlsform(file);
        if (!converted.ok) {
          const unreadable = converted.problems.every((problem) => !problem.place);
          return renderForm(
            request,
            reply.status(unreadable ? 400 : 422),
            converted.problems.map((xlsform) => ({ xlsform })),
          );
        }
        document = converted.document;
      } else {
        const upload = readUploadedFramework(file);
        if (!upload.ok) return renderForm(request, reply.status(400), [{ upload: upload.problem }]);
        document = upload.document;
      }
      try {
        const { stored, outcome } = await importFramework(database.db, document, {
          workspaceId: workspace.id,
          actor: actorOf(request.signedIn),
        });
        return sendPage(request, reply.status(outcome === 'created' ? 201 : 200), {
          title: request.messages.t('frameworks.import.title'),
          body: (
            <FrameworkImportedView messages={request.messages} stored={stored} outcome={outcome} />
          ),
        });
      } catch (error) {
        // A different file under a stored version: listed on the page, at the version's place.
        if (error instanceof AppError && error.code === 'conflict') {
          const path = 'version';
          const conflict: ImportProblem = fromXlsform
            ? {
                xlsform: {
                  place: { sheet: 'settings', column: 'version' },
                  path,
                  message: error.message,
                },
              }
            : { path, message: error.message };
          return renderForm(request, reply.status(409), [conflict]);
        }
        // A refused JSON file: every problem with its path.
        if (error instanceof AppError && error.code === 'invalid_framework')
          return renderForm(request, reply.status(422), error.fields ?? []);
        throw error;
      }
    },
  );
}
