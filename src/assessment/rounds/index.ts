// Rounds: an assessment of chosen agencies against one framework, from draft
// to open to closed, with its progress.
import type { Feature } from '../../platform/http/feature.ts';
import { roundApi } from './round-api.ts';
import { roundEditRoutes } from './round-edit-routes.tsx';
import { roundRoutes } from './round-routes.tsx';

export const rounds: Feature = {
  name: 'rounds',
  navigation: [{ href: '/rounds', key: 'nav.rounds', access: 'workspace.read', order: 30 }],
  async register(app, deps) {
    await roundRoutes(app, deps);
    await roundEditRoutes(app, deps);
    await roundApi(app, deps);
  },
};

export { type AgencyProgress, responseRate } from './round-progress.ts';
export { MAX_SCHEDULED_REMINDERS, SCHEDULED_EVERY_DAYS } from './round-rules.ts';
export {
  earlierRounds,
  findRound,
  findRoundInfo,
  listRounds,
  type RoundInfo,
  type RoundSummary,
  roundProgress,
} from './round-store.ts';
