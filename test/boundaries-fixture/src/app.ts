// Breaks feature-through-its-entry: the app reaches inside a feature, and
// through its entry module, which is allowed.
import { mapName } from './assessment/maps/index.ts';
import { planName } from './assessment/plans/plan-store.ts';

export const names = [mapName(), planName()];
