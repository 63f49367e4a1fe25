// Stakeholder map: a plan's stakeholders by group, interest and influence,
// with the engagement chosen for each, drawn as an interest × influence grid.
// Reached through the plan's tabs.
import type { Feature } from '../../platform/http/feature.ts';
import { stakeholderApi } from './stakeholder-api.ts';
import { stakeholderRoutes } from './stakeholder-routes.tsx';

export const stakeholders: Feature = {
  name: 'stakeholders',
  async register(app, deps) {
    await stakeholderRoutes(app, deps);
    await stakeholderApi(app, deps);
  },
};

export { copyStakeholderRows as copyStakeholders } from './stakeholder-store.ts';
