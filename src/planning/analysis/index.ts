// Situation analysis of a plan: its SWOT entries (some drafted from the
// baseline round's results) and its PESTLE factors, reached through the
// plan's tabs.
import type { Feature } from '../../platform/http/feature.ts';
import { analysisApi } from './analysis-api.ts';
import { analysisRoutes } from './analysis-routes.tsx';

export const analysis: Feature = {
  name: 'analysis',
  async register(app, deps) {
    await analysisRoutes(app, deps);
    await analysisApi(app, deps);
  },
};

export { copyAnalysis } from './copy-store.ts';
export { listPestleFactors, type PestleFactor } from './pestle-store.ts';
export { planProposals, type ShownProposal } from './swot-draft.ts';
export type { SwotQuadrant } from './swot-rules.ts';
export { listSwotEntries, type SwotEntry } from './swot-store.ts';
