// Importing a framework from a page: upload the file, see every problem with
// its path (nothing stored), or what was imported. The same import as the API
// and the command line (import-framework.ts).
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
    async (request, reply) => {
      const workspace = workspaceOf(request);
      const upload = readUploadedFramework(uploadOf(request.body));
      if (!upload.ok) return renderForm(request, reply.status(400), [{ upload: upload.problem }]);
      try {
        const { stored, outcome } = await importFramework(database.db, upload.document, {
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
        // A refused file, or a different file under a stored version: listed on the page.
        if (
          error instanceof AppError &&
          (error.code === 'invalid_framework' || error.code === 'conflict')
        ) {
          if (error.code === 'conflict')
            return renderForm(request, reply.status(409), [
              { path: 'version', message: error.message },
            ]);
          return renderForm(request, reply.status(422), error.fields ?? []);
        }
        throw error;
      }
    },
  );
}
