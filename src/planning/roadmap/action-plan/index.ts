// The action plan of an initiative: its steps, milestones, resources, KPIs and
// communication plan (each list described once in action-plan-parts.ts), and
// its timeline of dated entries whose latest progress becomes the
// initiative's reported progress; the forms, pages and API that change them.
// The initiative's page shows it; the roadmap's import and the demo write
// steps through the rules and store exported here.
export { actionPlanApi } from './action-plan-api.ts';
export { loadActionPlan } from './action-plan-lookup.ts';
export { actionPlanRoutes } from './action-plan-routes.tsx';
export type { KpiFields } from './action-plan-rules.ts';
export { ActionPlanSections } from './action-plan-views.tsx';
export {
  checkStepFields,
  type RawStepFields,
  type StepFields,
  stepStatuses,
} from './step-rules.ts';
export { insertStep, listSteps, type Step, updateStepIfVersion } from './step-store.ts';
