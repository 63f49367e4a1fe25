// Roadmap: a plan's initiatives — programmes, projects and activities that
// close the measured gaps — with what prompted each, their prioritisation,
// their action plans and progress that rolls up, on a timeline and, when an
// admin chooses, published for everyone. Reached through the plan's tabs.
import type { Feature } from '../../platform/http/feature.ts';
import { publicationApi } from './publication-api.ts';
import { publicationRoutes } from './publication-routes.tsx';

export const roadmap: Feature = {
  name: 'roadmap',
  // Each part of the roadmap registers its pages and API here.
  async register(app, deps) {
    await publicationRoutes(app, deps);
    await publicationApi(app, deps);
  },
};
