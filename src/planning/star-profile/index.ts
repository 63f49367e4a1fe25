// Star profile: the star profiling model of seed 002 as a plan's structured
// self-assessment — a level, a narrative and evidence per point — drawn as a
// star. Reached through the plan's tabs.
import type { Feature } from '../../platform/http/feature.ts';
import { starApi } from './star-api.ts';
import { starRoutes } from './star-routes.tsx';

export const starProfile: Feature = {
  name: 'star-profile',
  async register(app, deps) {
    await starRoutes(app, deps);
    await starApi(app, deps);
  },
};

export { starPointKeys, starPoints } from './star-model.ts';
export { copyStarPointRows as copyStarProfile } from './star-store.ts';
