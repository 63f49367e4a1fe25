// The workshop: a facilitated session that reads a round's answers item by
// item and records the consensus.
import type { Feature } from '../../platform/http/feature.ts';
import { workshopApi } from './workshop-api.ts';
import { workshopRoutes } from './workshop-routes.tsx';

export const workshop: Feature = {
  name: 'workshop',
  async register(app, deps) {
    await workshopRoutes(app, deps);
    await workshopApi(app, deps);
  },
};

export { type AnswerCount, type ItemStatistics, itemStatistics } from './item-statistics.ts';
