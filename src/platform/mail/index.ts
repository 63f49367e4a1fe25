// The outbox: every message Transforma sent or keeps to send, for those who run rounds.
import type { Feature } from '../http/feature.ts';
import { outboxRoutes } from './outbox-routes.tsx';

export const outbox: Feature = {
  name: 'outbox',
  navigation: [{ href: '/outbox', key: 'nav.outbox', access: 'rounds.manage', order: 50 }],
  register: outboxRoutes,
};
