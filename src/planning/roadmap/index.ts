// Roadmap: a plan's initiatives — programmes, projects and activities that
// close the measured gaps — with what prompted each, their prioritisation,
// their action plans and progress that rolls up, on a timeline and, when an
// admin chooses, published for everyone. Reached through the plan's tabs.
import type { Feature } from '../../platform/http/feature.ts';
import { actionPlanApi, actionPlanRoutes } from './action-plan/index.ts';
import { roadmapFileRoutes, roadmapImportApi } from './import/index.ts';
import { initiativeApi } from './initiative-api.ts';
import { initiativeRoutes } from './initiative-routes.tsx';
import {
  priorityApi,
  priorityRoutes,
  prioritySettingsApi,
  prioritySettingsRoutes,
} from './priorities/index.ts';
import { publicationApi, publicationRoutes } from './publication/index.ts';
import { roadmapRoutes } from './roadmap-routes.tsx';

export const roadmap: Feature = {
  name: 'roadmap',
  // Each part of the roadmap registers its pages and API here.
  async register(app, deps) {
    await roadmapRoutes(app, deps);
    await initiativeRoutes(app, deps);
    await initiativeApi(app, deps);
    await actionPlanRoutes(app, deps);
    await actionPlanApi(app, deps);
    await prioritySettingsRoutes(app, deps);
    await prioritySettingsApi(app, deps);
    await priorityRoutes(app, deps);
    await priorityApi(app, deps);
    await publicationRoutes(app, deps);
    await publicationApi(app, deps);
    await roadmapFileRoutes(app, deps);
    await roadmapImportApi(app, deps);
  },
};

// What the demo writes its roadmap with.
export { insertStep, type StepFields } from './action-plan/index.ts';
export { type InitiativeFields, initiativeFields } from './initiative-rules.ts';
export { insertInitiative } from './initiative-store.ts';
