// The audit log's page, for admins: every change, newest first, a page at a
// time. The same pages as JSON, and the whole log as CSV, are in audit-api.ts.
import type { App, FeatureDeps } from '../http/feature.ts';
import { sendPage } from '../http/page.tsx';
import { auditPage, PAGE_SIZE, pageQuery } from './audit-paging.ts';
import { AuditLogView } from './audit-views.tsx';

export async function auditRoutes(app: App, { database }: FeatureDeps) {
  app.get(
    '/audit',
    { schema: { hide: true, querystring: pageQuery }, config: { access: 'audit.read' } },
    async (request, reply) => {
      const { page, next } = await auditPage(request, database, request.query.before, PAGE_SIZE);
      return sendPage(request, reply, {
        title: request.messages.t('audit.title'),
        body: <AuditLogView messages={request.messages} entries={page} olderThan={next} />,
      });
    },
  );
}
