// The audit log as JSON for admins, a page at a time, newest first, and the
// whole log as CSV.
import { z } from 'zod';
import type { App, FeatureDeps } from '../http/feature.ts';
import { workspaceOf } from '../http/request-workspace.ts';
import { auditCsv } from './audit-csv.ts';
import { auditPage, pageQuery } from './audit-paging.ts';
import { type AuditRecord, listAudit } from './audit-store.ts';

const EXPORT_SLICE = 1000;

const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.iso.datetime(),
    actor: z.string().describe('Who acted, as they were named then'),
    action: z.string().describe('`<entity>.<verb>`, e.g. agency.created'),
    entityType: z.string(),
    entityId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });

const present = (entry: AuditRecord) => ({
  ...entry,
  id: Number(entry.id),
  at: new Date(entry.at).toISOString(),
  details: entry.details ?? {},
});

export async function auditApi(app: App, { database }: FeatureDeps) {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Read the audit log, newest first, a page at a time',
        querystring: pageQuery,
        response: {
          200: z.object({
            entries: z.array(auditEntrySchema),
            next: z
              .number()
              .int()
              .nullable()
              .describe('Pass as `before` for the next page; null on the last'),
          }),
        },
      },
      config: { access: 'audit.read' },
    },
    async (request) => {
      const { page, next } = await auditPage(
        request,
        database,
        request.query.before,
        request.query.limit,
      );
      return { entries: page.map(present), next: next === undefined ? null : Number(next) };
    },
  );

  app.get(
    '/api/audit/export',
    {
      schema: {
        tags: ['audit'],
        summary: 'Export the whole audit log as CSV, newest first',
        produces: ['text/csv'],
      },
      config: { access: 'audit.read' },
    },
    async (request, reply) => {
      const workspace = workspaceOf(request);
      const records: AuditRecord[] = [];
      for (let before: number | undefined; ; ) {
        const slice = await listAudit(database.db, workspace.id, {
          limit: EXPORT_SLICE,
          ...(before !== undefined ? { before } : {}),
        });
        records.push(...slice);
        if (slice.length < EXPORT_SLICE) break;
        before = Number(slice.at(-1)?.id);
      }
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit-log.csv"')
        .send(auditCsv(records));
    },
  );
}
