export { priorityName } from './priority-parts.ts';
