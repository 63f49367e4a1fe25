// Prioritisation of a plan's initiatives: members' score sheets on the
// workspace's weighted criteria of value and feasibility, the value ×
// feasibility matrix and ranking, and the settings pages and API where the
// workspace's criteria and initiative statuses are rewritten whole. The
// initiative's page shows its priority; the roadmap's page links here.
export { priorityApi } from './priority-api.ts';
export { loadPriority } from './priority-lookup.ts';
export { prioritiesHref } from './priority-parts.tsx';
export { priorityRoutes } from './priority-routes.tsx';
export { prioritySettingsApi } from './priority-settings-api.ts';
export { prioritySettingsRoutes } from './priority-settings-routes.tsx';
export { PrioritySummary } from './priority-summary-views.tsx';
