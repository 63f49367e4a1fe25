// The audit log over HTTP, for admins: the log page, paged newest first, the
// same pages as JSON, and the whole log as CSV.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import type { App, FeatureDeps } from '../http/feature.ts';
import { sendPage } from '../http/page.tsx';
import { workspaceOf } from '../http/request-workspace.ts';
import { auditCsv } from './audit-csv.ts';
import { type AuditRecord, listAudit } from './audit-store.ts';
import { AuditLogView } from './audit-views.tsx';

const PAGE_SIZE = 50;
const EXPORT_SLICE = 1000;

const pageQuery = z.object({
  before: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('Only entries older than this id (from `next`)'),
  limit: z.coerce.number().int().min(1).max(500).default(PAGE_SIZE),
});

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

/** One page of entries, and the id to ask `before` for the next one, if there is more. */
async function auditPage(
  request: FastifyRequest,
  database: Database,
  before: number | undefined,
  limit: number,
) {
  const workspace = workspaceOf(request);
  // One extra entry says whether an older page exists.
  const entries = await listAudit(database.db, workspace.id, {
    limit: limit + 1,
    ...(before !== undefined ? { before } : {}),
  });
  const page = entries.slice(0, limit);
  const next = entries.length > limit ? page.at(-1)?.id : undefined;
  return { workspace, page, next };
}

const present = (entry: AuditRecord) => ({
  ...entry,
  id: Number(entry.id),
  at: new Date(entry.at).toISOString(),
  details: entry.details ?? {},
});

export async function auditRoutes(app: App, { database }: FeatureDeps) {
  app.get(
    '/audit',
    { schema: { hide: true, querystring: pageQuery }, config: { access: 'audit.read' } },
    async (request, reply) => {
      const { workspace, page, next } = await auditPage(
        request,
        database,
        request.query.before,
        PAGE_SIZE,
      );
      return sendPage(request, reply, {
        title: request.messages.t('audit.title'),
        body: <AuditLogView messages={request.messages} entries={page} olderThan={next} />,
      });
    },
  );

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
