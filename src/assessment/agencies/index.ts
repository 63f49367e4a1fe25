// Agencies: the organisations a workspace assesses — list, pages, editing,
// CSV import — and what other features read of them.
import type { Feature } from '../../platform/http/feature.ts';
import { agencyApi } from './agency-api.ts';
import { agencyEditRoutes } from './agency-edit-routes.tsx';
import { agencyImportRoutes } from './agency-import-routes.tsx';
import { agencyRoutes } from './agency-routes.tsx';

export const agencies: Feature = {
  name: 'agencies',
  navigation: [{ href: '/agencies', key: 'nav.agencies', access: 'workspace.read', order: 10 }],
  async register(app, deps) {
    await agencyRoutes(app, deps);
    await agencyEditRoutes(app, deps);
    await agencyImportRoutes(app, deps);
    await agencyApi(app, deps);
  },
};

export { type AgencyLevel, agencyFilterSchema, agencyLevels } from './agency-schema.ts';
export { findAgency, listAgencies } from './agency-store.ts';
export { sectorLabel } from './sector-label.ts';
