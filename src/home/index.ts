// Home: what each visitor sees first — a workspace's overview, a focal
// point's agencies and next steps.
import type { Feature } from '../platform/http/feature.ts';
import { homeRoutes } from './home-routes.tsx';

export const home: Feature = {
  name: 'home',
  navigation: [{ href: '/', key: 'nav.home', access: 'public', order: 0 }],
  register: homeRoutes,
};
