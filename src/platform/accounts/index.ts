// Accounts: who is asking and may they (sessions, API tokens, the access each
// route declares), signing in and out, password resets, organisation sign-in,
// the first admin's set-up, and the members page. Registered first: its hooks
// decide access for every route registered after it.
import type { Feature } from '../http/feature.ts';
import { apiTokenRoutes } from './api-token-routes.tsx';
import { memberApi } from './member-api.ts';
import { memberRoutes } from './member-routes.tsx';
import { oidcRoutes } from './oidc-routes.tsx';
import { passwordResetRoutes } from './password-reset-routes.tsx';
import { registerSessionHooks } from './session-hooks.ts';
import { setupRoutes } from './setup-routes.tsx';
import { signInRoutes } from './sign-in-routes.tsx';

export const accounts: Feature = {
  name: 'accounts',
  navigation: [{ href: '/members', key: 'nav.members', access: 'members.manage', order: 60 }],
  async register(app, deps) {
    registerSessionHooks(app, deps.database);
    await signInRoutes(app, deps);
    await oidcRoutes(app, deps);
    await passwordResetRoutes(app, deps);
    await setupRoutes(app, deps);
    await memberRoutes(app, deps);
    await memberApi(app, deps);
    await apiTokenRoutes(app, deps);
  },
};
