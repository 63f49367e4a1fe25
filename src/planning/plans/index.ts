// Plans: the transformation plans of a workspace — title, period, status and
// the rounds they rest on — which the analysis, the vision and the roadmap
// belong to, and the frame of a plan's pages that their features share.
import type { Feature } from '../../platform/http/feature.ts';
import { planApi } from './plan-api.ts';
import { planRoutes } from './plan-routes.tsx';

export const plans: Feature = {
  name: 'plans',
  navigation: [{ href: '/plans', key: 'nav.plans', access: 'workspace.read', order: 40 }],
  async register(app, deps) {
    await planRoutes(app, deps);
    await planApi(app, deps);
  },
};

export { planSchema, presentPlan } from './plan-api.ts';
export { planConflictSchema } from './plan-conflict.ts';
export { requirePlan } from './plan-lookup.ts';
export { type PlanStatus, planStatuses, TITLE_MAX } from './plan-rules.ts';
export { findPlan, type Plan } from './plan-store.ts';
export { PlanHeading, type PlanPart, periodText, planHref } from './plan-views.tsx';
