// The audit log's pages: every change, who made it and when, and its export.
import type { Feature } from '../http/feature.ts';
import { auditApi } from './audit-api.ts';
import { auditRoutes } from './audit-routes.tsx';

export const audit: Feature = {
  name: 'audit',
  navigation: [{ href: '/audit', key: 'nav.audit', access: 'audit.read', order: 70 }],
  async register(app, deps) {
    await auditRoutes(app, deps);
    await auditApi(app, deps);
  },
};
