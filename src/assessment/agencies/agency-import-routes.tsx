// The page that imports agencies from CSV: a file upload or pasted text. The
// API takes a text/csv body (agency-api.ts); both import the whole file or nothing.
import type { FastifyRequest } from 'fastify';
import { changedBy } from '../../platform/audit/changed-by.ts';
import type { App, FeatureDeps } from '../../platform/http/feature.ts';
import { sendPage } from '../../platform/http/page.tsx';
import { workspaceOf } from '../../platform/http/request-workspace.ts';
import { importAgencies } from './agency-changes.ts';
import type { ImportProblem } from './agency-import.ts';
import { AgencyImportedView, AgencyImportView } from './agency-import-views.tsx';

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

export async function agencyImportRoutes(app: App, { database }: FeatureDeps) {
  async function runImport(request: FastifyRequest, csv: string | ImportProblem) {
    if (typeof csv !== 'string') return { ok: false as const, problems: [csv] };
    return importAgencies(database.db, csv, changedBy(request));
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
}
