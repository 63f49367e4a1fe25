// The roadmap's timeline, a Gantt-like chart drawn on the server as SVG: one
// row per initiative in tree order with its bar, progress and milestones,
// today's line and arrows between dependencies, with a table that says the
// same in words. Shown on the roadmap's page and on the published roadmap.
export { RoadmapTimeline } from './roadmap-timeline-views.tsx';
