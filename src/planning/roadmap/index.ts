// Roadmap: a plan's initiatives — programmes, projects and activities that
// close the measured gaps — with what prompted each, their prioritisation,
// their action plans and progress that rolls up, on a timeline and, when an
// admin chooses, published for everyone. Reached through the plan's tabs.
import type { Feature } from '../../platform/http/feature.ts';
import { actionPlanApi } from './action-plan-api.ts';
import { actionPlanRoutes } from './action-plan-routes.tsx';
import { initiativeApi } from './initiative-api.ts';
import { initiativeRoutes } from './initiative-routes.tsx';
import { priorityApi } from './priority-api.ts';
import { priorityRoutes } from './priority-routes.tsx';
import { prioritySettingsApi } from './priority-settings-api.ts';
import { prioritySettingsRoutes } from './priority-settings-routes.tsx';
import { publicationApi } from './publication-api.ts';
import { publicationRoutes } from './publication-routes.tsx';
import { roadmapFileRoutes } from './roadmap-file-routes.tsx';
import { roadmapImportApi } from './roadmap-import-api.ts';
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
export { type InitiativeFields, initiativeFields } from './initiative-rules.ts';
export { insertInitiative } from './initiative-store.ts';
export type { StepFields } from './step-rules.ts';
export { insertStep } from './step-store.ts';
