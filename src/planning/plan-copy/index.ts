// Plan copy: a new plan started from a copy of another, with every part of
// it — the one feature that knows all of a plan's parts.
import type { Feature } from '../../platform/http/feature.ts';
import { copyAnalysis } from '../analysis/index.ts';
import { copyStakeholders } from '../stakeholders/index.ts';
import { copyStarProfile } from '../star-profile/index.ts';
import { copyVision } from '../vision/index.ts';
import { planCopyRoutes } from './plan-copy-routes.ts';

export const planCopy: Feature = {
  name: 'plan-copy',
  async register(app, deps) {
    // The vision after the analysis: its goals' SWOT links point at the copied entries.
    await planCopyRoutes(app, deps, [copyAnalysis, copyStarProfile, copyStakeholders, copyVision]);
  },
};
