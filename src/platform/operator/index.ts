// The command line's requests to the running server (backup).
import type { Feature } from '../http/feature.ts';
import { operatorRoutes } from './operator-routes.ts';

export const operator: Feature = { name: 'operator', register: operatorRoutes };
