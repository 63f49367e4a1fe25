export { roadmapView } from './roadmap-views.ts';
