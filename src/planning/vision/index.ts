// Vision: a plan's vision statement, the principles it keeps (CEPA's 11
// principles of effective governance and their strategies, or the team's
// own), and goals linked to the SDGs and to the gaps they answer, with
// priorities under each. Reached through the plan's tabs.
import type { Feature } from '../../platform/http/feature.ts';
import { visionApi } from './vision-api.ts';
import { visionGoalRoutes } from './vision-goal-routes.tsx';
import { visionRoutes } from './vision-routes.tsx';

export const vision: Feature = {
  name: 'vision',
  async register(app, deps) {
    await visionRoutes(app, deps);
    await visionGoalRoutes(app, deps);
    await visionApi(app, deps);
  },
};

export { openVisionEvidence, type VisionEvidence } from './vision-evidence.ts';
export {
  recommendationText,
  subdimensionText,
  swotText,
} from './vision-evidence-text.ts';
export { copyVision, readVision, type VisionGoal } from './vision-store.ts';
