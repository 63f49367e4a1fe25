// Breaks feature-through-its-entry: the app reaches inside a feature, and
// through its entry module, which is allowed; and through the entry of a part
// of a feature, which is not the feature's.
import { mapName } from './assessment/maps/index.ts';
import { planName } from './assessment/plans/plan-store.ts';
import { priorityName } from './planning/roadmap/priorities/index.ts';

export const names = [mapName(), planName(), priorityName()];
