// Breaks part-through-its-entry: the feature's own page reaches inside one of its parts.
import { priorityName } from './priorities/priority-parts.ts';

export const roadmapView = [priorityName()];
