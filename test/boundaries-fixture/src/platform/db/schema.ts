// Breaks platform-below-features: the platform names a feature.
import { planName } from '../../assessment/plans/index.ts';

export const tables = [planName()];
