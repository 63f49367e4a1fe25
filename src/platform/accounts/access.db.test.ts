// Every route × every role, from a table written out by hand: a route added
// without an entry here fails the first test, and a rule that lets the wrong
// role in fails the second. The third holds API tokens to the same table:
// a token of a role may call what that role may, and only under /api/.
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/accounts.ts';
import { useTestApp } from '../../../test/app.ts';
import { buildWorkspace } from '../../../test/factories/workspace.ts';
import { requireWorkspace } from '../workspaces/workspace-store.ts';
import { type Role, type TokenRole, tokenRoles } from './access.ts';
import { createApiToken } from './api-token-changes.ts';

type Who = Role | 'anonymous';
const members: Who[] = ['admin', 'coordinator', 'focal_point', 'facilitator', 'viewer'];
const everyone: Who[] = ['anonymous', ...members];
const invitationManagers: Who[] = ['admin', 'coordinator', 'focal_point'];
const facilitators: Who[] = ['admin', 'coordinator', 'facilitator'];

/**
 * Who may call each route. Respondent routes (an invitation link) and operator
 * routes (the secret in the data folder) are checked by their own tests.
 */
const table: Record<string, Who[] | 'respondent' | 'operator'> = {
  'GET /': everyone,
  'GET /sign-in': everyone,
  'POST /sign-in': everyone,
  'POST /sign-out': members,
  'GET /setup/:token': everyone,
  'GET /sign-in/oidc': everyone,
  'GET /sign-in/oidc/callback': everyone,
  'POST /internal/backup': 'operator',
  'POST /internal/frameworks': 'operator',
  'GET /internal/frameworks/:key': 'operator',
  'POST /setup/:token': everyone,
  'POST /sign-out-everywhere': members,
  'GET /forgot-password': everyone,
  'POST /forgot-password': everyone,
  'GET /reset-password/:token': everyone,
  'POST /reset-password/:token': everyone,
  'GET /rounds/:id/invitations': invitationManagers,
  'GET /rounds/:id/invitations/:agencyId': invitationManagers,
  'POST /rounds/:id/invitations/:agencyId': invitationManagers,
  'POST /rounds/:id/invitations/:agencyId/reminders': invitationManagers,
  'POST /rounds/:id/invitations/:agencyId/links.csv': invitationManagers,
  'POST /rounds/:id/reminders': invitationManagers,
  'POST /invitations/:id/revoke': invitationManagers,
  'GET /api/rounds/:id/invitations': invitationManagers,
  'POST /api/rounds/:id/invitations': invitationManagers,
  'POST /api/invitations/:id/revoke': invitationManagers,
  'POST /api/rounds/:id/reminders': invitationManagers,
  'GET /outbox': ['admin', 'coordinator'],
  'GET /api/openapi.json': everyone,
  'GET /agencies': members,
  'GET /api/agencies': members,
  'GET /api/agencies/:id': members,
  'GET /agencies/new': ['admin', 'coordinator'],
  'POST /agencies/new': ['admin', 'coordinator'],
  'GET /agencies/:id/edit': ['admin', 'coordinator'],
  'POST /agencies/:id/edit': ['admin', 'coordinator'],
  'POST /api/agencies': ['admin', 'coordinator'],
  'PUT /api/agencies/:id': ['admin', 'coordinator'],
  'GET /agencies/import': ['admin', 'coordinator'],
  'POST /agencies/import': ['admin', 'coordinator'],
  'POST /api/agencies/import': ['admin', 'coordinator'],
  'GET /frameworks': everyone,
  'GET /frameworks/:key': everyone,
  'GET /api/frameworks': everyone,
  'GET /api/frameworks/:key': everyone,
  'GET /api/frameworks/:key/versions/:version': everyone,
  'GET /api/frameworks/:key/xlsform': everyone,
  'GET /api/frameworks/:key/versions/:version/xlsform': everyone,
  'GET /methodology': everyone,
  'POST /api/frameworks': ['admin', 'coordinator'],
  'POST /api/frameworks/xlsform': ['admin', 'coordinator'],
  'GET /frameworks/import': ['admin', 'coordinator'],
  'POST /frameworks/import': ['admin', 'coordinator'],
  'GET /rounds': members,
  'GET /rounds/:id': members,
  'GET /api/rounds': members,
  'GET /api/rounds/:id': members,
  'GET /audit': ['admin'],
  'GET /api/audit': ['admin'],
  'GET /api/audit/export': ['admin'],
  'GET /members': ['admin'],
  'POST /members': ['admin'],
  'GET /members/:userId': ['admin'],
  'POST /members/:userId': ['admin'],
  'POST /members/:userId/remove': ['admin'],
  'POST /members/:userId/password-link': ['admin'],
  'GET /api/members': ['admin'],
  'POST /api/members': ['admin'],
  'PUT /api/members/:userId': ['admin'],
  'DELETE /api/members/:userId': ['admin'],
  'GET /members/tokens': ['admin'],
  'POST /members/tokens': ['admin'],
  'GET /members/tokens/:id/revoke': ['admin'],
  'POST /members/tokens/:id/revoke': ['admin'],
  'GET /rounds/new': ['admin', 'coordinator'],
  'POST /rounds/new': ['admin', 'coordinator'],
  'GET /rounds/:id/edit': ['admin', 'coordinator'],
  'POST /rounds/:id/edit': ['admin', 'coordinator'],
  'GET /rounds/:id/open': ['admin', 'coordinator'],
  'POST /rounds/:id/open': ['admin', 'coordinator'],
  'GET /rounds/:id/close': ['admin', 'coordinator'],
  'POST /rounds/:id/close': ['admin', 'coordinator'],
  'POST /api/rounds': ['admin', 'coordinator'],
  'PUT /api/rounds/:id': ['admin', 'coordinator'],
  'POST /api/rounds/:id/open': ['admin', 'coordinator'],
  'POST /api/rounds/:id/close': ['admin', 'coordinator'],
  'GET /rounds/:id/results': members,
  'GET /rounds/:id/results/agencies': members,
  'GET /rounds/:id/results/agencies/:agencyId': members,
  'GET /rounds/:id/results/items': members,
  'GET /rounds/:id/results/diagnostics': members,
  'GET /rounds/:id/results/export/item-scores.:format': members,
  'GET /rounds/:id/results/export/dimension-scores.:format': members,
  'GET /rounds/:id/results/export/answers.:format': ['admin', 'coordinator', 'focal_point'],
  'GET /api/rounds/:id/results': members,
  'GET /api/rounds/:id/results/item-scores': members,
  'GET /api/rounds/:id/results/dimension-scores': members,
  'GET /api/rounds/:id/results/answers': ['admin', 'coordinator', 'focal_point'],
  'GET /rounds/:id/results/crosswalks': members,
  'GET /rounds/:id/results/crosswalks/export.:format': members,
  'GET /api/rounds/:id/results/crosswalks/:key': members,
  'GET /api/lenses': everyone,
  'GET /api/lenses/:key/versions/:version': everyone,
  'POST /api/lenses': ['admin', 'coordinator'],
  'GET /api/crosswalks': everyone,
  'GET /api/crosswalks/:key/versions/:version': everyone,
  'POST /api/crosswalks': ['admin', 'coordinator'],
  'GET /rounds/:id/results/recommendations': members,
  'POST /rounds/:id/results/recommendations': ['admin', 'coordinator'],
  'GET /rounds/:id/results/targets': members,
  'POST /rounds/:id/results/targets': ['admin', 'coordinator'],
  'GET /api/rounds/:id/results/recommendations': members,
  'PUT /api/rounds/:id/results/recommendations/:code': ['admin', 'coordinator'],
  'GET /api/rounds/:id/results/targets': members,
  'PUT /api/rounds/:id/results/targets': ['admin', 'coordinator'],
  'GET /plans': members,
  'GET /plans/new': ['admin', 'coordinator'],
  'POST /plans/new': ['admin', 'coordinator'],
  'GET /plans/:id': members,
  'GET /plans/:id/edit': ['admin', 'coordinator'],
  'POST /plans/:id/edit': ['admin', 'coordinator'],
  'POST /plans/:id/status': ['admin', 'coordinator'],
  'GET /api/plans': members,
  'POST /api/plans': ['admin', 'coordinator'],
  'GET /api/plans/:id': members,
  'PUT /api/plans/:id': ['admin', 'coordinator'],
  'POST /api/plans/:id/status': ['admin', 'coordinator'],
  'GET /plans/:id/vision': members,
  'GET /plans/:id/vision/goals.csv': members,
  'GET /plans/:id/vision/goals.xlsx': members,
  'GET /plans/:id/vision/statement': facilitators,
  'POST /plans/:id/vision/statement': facilitators,
  'POST /plans/:id/vision/principles': facilitators,
  'GET /plans/:id/vision/principles/new': facilitators,
  'GET /plans/:id/vision/principles/:entryId': facilitators,
  'POST /plans/:id/vision/principles/:entryId': facilitators,
  'POST /plans/:id/vision/principles/:entryId/delete': facilitators,
  'GET /plans/:id/vision/goals/new': facilitators,
  'POST /plans/:id/vision/goals/new': facilitators,
  'GET /plans/:id/vision/goals/:entryId': facilitators,
  'POST /plans/:id/vision/goals/:entryId': facilitators,
  'POST /plans/:id/vision/goals/:entryId/delete': facilitators,
  'POST /plans/:id/vision/goals/:entryId/priorities': facilitators,
  'GET /plans/:id/vision/priorities/:entryId': facilitators,
  'POST /plans/:id/vision/priorities/:entryId': facilitators,
  'POST /plans/:id/vision/priorities/:entryId/delete': facilitators,
  'GET /api/vision/reference': members,
  'GET /api/plans/:id/vision': members,
  'PUT /api/plans/:id/vision/statement': facilitators,
  'POST /api/plans/:id/vision/principles': facilitators,
  'PUT /api/plans/:id/vision/principles/:entryId': facilitators,
  'DELETE /api/plans/:id/vision/principles/:entryId': facilitators,
  'POST /api/plans/:id/vision/goals': facilitators,
  'PUT /api/plans/:id/vision/goals/:entryId': facilitators,
  'DELETE /api/plans/:id/vision/goals/:entryId': facilitators,
  'POST /api/plans/:id/vision/goals/:entryId/priorities': facilitators,
  'PUT /api/plans/:id/vision/priorities/:entryId': facilitators,
  'DELETE /api/plans/:id/vision/priorities/:entryId': facilitators,
  'POST /plans/:id/copy': ['admin', 'coordinator'],
  'POST /api/plans/:id/copy': ['admin', 'coordinator'],
  'GET /plans/:id/swot': members,
  'GET /plans/:id/swot.:format': members,
  'GET /plans/:id/swot/new': facilitators,
  'POST /plans/:id/swot/new': facilitators,
  'GET /plans/:id/swot/:entryId/edit': facilitators,
  'POST /plans/:id/swot/:entryId/edit': facilitators,
  'POST /plans/:id/swot/:entryId/delete': facilitators,
  'GET /plans/:id/swot/draft': facilitators,
  'POST /plans/:id/swot/draft': facilitators,
  'GET /plans/:id/pestle': members,
  'GET /plans/:id/pestle.:format': members,
  'GET /plans/:id/pestle/new': facilitators,
  'POST /plans/:id/pestle/new': facilitators,
  'GET /plans/:id/pestle/:factorId/edit': facilitators,
  'POST /plans/:id/pestle/:factorId/edit': facilitators,
  'POST /plans/:id/pestle/:factorId/delete': facilitators,
  'GET /api/plans/:id/swot': members,
  'POST /api/plans/:id/swot': facilitators,
  'PUT /api/plans/:id/swot/:entryId': facilitators,
  'DELETE /api/plans/:id/swot/:entryId': facilitators,
  'GET /api/plans/:id/swot/proposals': members,
  'POST /api/plans/:id/swot/proposals': facilitators,
  'GET /api/plans/:id/pestle': members,
  'POST /api/plans/:id/pestle': facilitators,
  'PUT /api/plans/:id/pestle/:factorId': facilitators,
  'DELETE /api/plans/:id/pestle/:factorId': facilitators,
  'GET /plans/:id/star': members,
  'GET /plans/:id/star/export.:format': members,
  'GET /plans/:id/star/:point/edit': facilitators,
  'POST /plans/:id/star/:point/edit': facilitators,
  'POST /plans/:id/star/:point/clear': facilitators,
  'GET /api/plans/:id/star-profile': members,
  'PUT /api/plans/:id/star-profile/:point': facilitators,
  'DELETE /api/plans/:id/star-profile/:point': facilitators,
  'GET /plans/:id/stakeholders': members,
  'GET /plans/:id/stakeholders/export.:format': members,
  'GET /plans/:id/stakeholders/new': facilitators,
  'POST /plans/:id/stakeholders/new': facilitators,
  'GET /plans/:id/stakeholders/:stakeholderId/edit': facilitators,
  'POST /plans/:id/stakeholders/:stakeholderId/edit': facilitators,
  'POST /plans/:id/stakeholders/:stakeholderId/delete': facilitators,
  'GET /api/plans/:id/stakeholders': members,
  'POST /api/plans/:id/stakeholders': facilitators,
  'GET /api/plans/:id/stakeholders/:stakeholderId': members,
  'PUT /api/plans/:id/stakeholders/:stakeholderId': facilitators,
  'DELETE /api/plans/:id/stakeholders/:stakeholderId': facilitators,
  'GET /plans/:id/roadmap': members,
  'GET /plans/:id/roadmap/new': facilitators,
  'POST /plans/:id/roadmap/new': facilitators,
  'GET /plans/:id/roadmap/:initiativeId': members,
  'GET /plans/:id/roadmap/:initiativeId/edit': facilitators,
  'POST /plans/:id/roadmap/:initiativeId/edit': facilitators,
  'POST /plans/:id/roadmap/:initiativeId/delete': facilitators,
  'GET /api/plans/:id/initiatives': members,
  'POST /api/plans/:id/initiatives': facilitators,
  'GET /api/plans/:id/initiatives/:initiativeId': members,
  'PUT /api/plans/:id/initiatives/:initiativeId': facilitators,
  'DELETE /api/plans/:id/initiatives/:initiativeId': facilitators,
  'GET /plans/:id/roadmap/:initiativeId/steps/new': facilitators,
  'POST /plans/:id/roadmap/:initiativeId/steps/new': facilitators,
  'GET /plans/:id/roadmap/:initiativeId/steps/:stepId/edit': facilitators,
  'POST /plans/:id/roadmap/:initiativeId/steps/:stepId/edit': facilitators,
  'POST /plans/:id/roadmap/:initiativeId/steps/:stepId/delete': facilitators,
  'GET /plans/:id/roadmap/:initiativeId/milestones/new': facilitators,
  'POST /plans/:id/roadmap/:initiativeId/milestones/new': facilitators,
  'GET /plans/:id/roadmap/:initiativeId/milestones/:milestoneId/edit': facilitators,
  'POST /plans/:id/roadmap/:initiativeId/milestones/:milestoneId/edit': facilitators,
  'POST /plans/:id/roadmap/:initiativeId/milestones/:milestoneId/delete': facilitators,
  'GET /plans/:id/roadmap/:initiativeId/resources/new': facilitators,
  'POST /plans/:id/roadmap/:initiativeId/resources/new': facilitators,
  'GET /plans/:id/roadmap/:initiativeId/resources/:resourceId/edit': facilitators,
  'POST /plans/:id/roadmap/:initiativeId/resources/:resourceId/edit': facilitators,
  'POST /plans/:id/roadmap/:initiativeId/resources/:resourceId/delete': facilitators,
  'GET /plans/:id/roadmap/:initiativeId/kpis/new': facilitators,
  'POST /plans/:id/roadmap/:initiativeId/kpis/new': facilitators,
  'GET /plans/:id/roadmap/:initiativeId/kpis/:kpiId/edit': facilitators,
  'POST /plans/:id/roadmap/:initiativeId/kpis/:kpiId/edit': facilitators,
  'POST /plans/:id/roadmap/:initiativeId/kpis/:kpiId/delete': facilitators,
  'GET /plans/:id/roadmap/:initiativeId/communications/new': facilitators,
  'POST /plans/:id/roadmap/:initiativeId/communications/new': facilitators,
  'GET /plans/:id/roadmap/:initiativeId/communications/:communicationId/edit': facilitators,
  'POST /plans/:id/roadmap/:initiativeId/communications/:communicationId/edit': facilitators,
  'POST /plans/:id/roadmap/:initiativeId/communications/:communicationId/delete': facilitators,
  'POST /plans/:id/roadmap/:initiativeId/steps/:stepId/status': facilitators,
  'GET /plans/:id/roadmap/:initiativeId/updates/new': facilitators,
  'POST /plans/:id/roadmap/:initiativeId/updates/new': facilitators,
  'GET /api/plans/:id/initiatives/:initiativeId/steps': members,
  'POST /api/plans/:id/initiatives/:initiativeId/steps': facilitators,
  'PUT /api/plans/:id/initiatives/:initiativeId/steps/:stepId': facilitators,
  'DELETE /api/plans/:id/initiatives/:initiativeId/steps/:stepId': facilitators,
  'GET /api/plans/:id/initiatives/:initiativeId/milestones': members,
  'POST /api/plans/:id/initiatives/:initiativeId/milestones': facilitators,
  'PUT /api/plans/:id/initiatives/:initiativeId/milestones/:milestoneId': facilitators,
  'DELETE /api/plans/:id/initiatives/:initiativeId/milestones/:milestoneId': facilitators,
  'GET /api/plans/:id/initiatives/:initiativeId/resources': members,
  'POST /api/plans/:id/initiatives/:initiativeId/resources': facilitators,
  'PUT /api/plans/:id/initiatives/:initiativeId/resources/:resourceId': facilitators,
  'DELETE /api/plans/:id/initiatives/:initiativeId/resources/:resourceId': facilitators,
  'GET /api/plans/:id/initiatives/:initiativeId/kpis': members,
  'POST /api/plans/:id/initiatives/:initiativeId/kpis': facilitators,
  'PUT /api/plans/:id/initiatives/:initiativeId/kpis/:kpiId': facilitators,
  'DELETE /api/plans/:id/initiatives/:initiativeId/kpis/:kpiId': facilitators,
  'GET /api/plans/:id/initiatives/:initiativeId/communications': members,
  'POST /api/plans/:id/initiatives/:initiativeId/communications': facilitators,
  'PUT /api/plans/:id/initiatives/:initiativeId/communications/:communicationId': facilitators,
  'DELETE /api/plans/:id/initiatives/:initiativeId/communications/:communicationId': facilitators,
  'GET /api/plans/:id/initiatives/:initiativeId/updates': members,
  'POST /api/plans/:id/initiatives/:initiativeId/updates': facilitators,
  'GET /roadmap-settings/criteria': ['admin', 'coordinator'],
  'POST /roadmap-settings/criteria': ['admin', 'coordinator'],
  'GET /roadmap-settings/statuses': ['admin', 'coordinator'],
  'POST /roadmap-settings/statuses': ['admin', 'coordinator'],
  'GET /api/roadmap-settings/criteria': members,
  'PUT /api/roadmap-settings/criteria': ['admin', 'coordinator'],
  'GET /api/roadmap-settings/statuses': members,
  'PUT /api/roadmap-settings/statuses': ['admin', 'coordinator'],
  'GET /plans/:id/roadmap/priorities': members,
  'GET /plans/:id/roadmap/:initiativeId/score': facilitators,
  'POST /plans/:id/roadmap/:initiativeId/score': facilitators,
  'GET /api/plans/:id/roadmap/priorities': members,
  'GET /api/plans/:id/initiatives/:initiativeId/scores': members,
  'PUT /api/plans/:id/initiatives/:initiativeId/scores': facilitators,
  'GET /plans/:id/roadmap/publication': members,
  'POST /plans/:id/roadmap/publication': ['admin', 'coordinator'],
  'POST /plans/:id/roadmap/publication/delete': ['admin', 'coordinator'],
  'GET /api/plans/:id/roadmap/publication': members,
  'PUT /api/plans/:id/roadmap/publication': ['admin', 'coordinator'],
  'DELETE /api/plans/:id/roadmap/publication': ['admin', 'coordinator'],
  'GET /public/roadmaps/:slug': everyone,
  'GET /api/public/roadmaps/:slug': everyone,
  'GET /plans/:id/roadmap/initiatives.csv': members,
  'GET /plans/:id/roadmap/initiatives.xlsx': members,
  'GET /plans/:id/roadmap/steps.csv': members,
  'GET /plans/:id/roadmap/steps.xlsx': members,
  'GET /plans/:id/roadmap/export.xlsx': members,
  'GET /plans/:id/roadmap/import': facilitators,
  'POST /plans/:id/roadmap/import': facilitators,
  'POST /api/plans/:id/roadmap/import': facilitators,
  'GET /rounds/:id/workshop': facilitators,
  'GET /rounds/:id/workshop/:subdimension': facilitators,
  'POST /rounds/:id/workshop/:subdimension': facilitators,
  'GET /api/rounds/:id/workshop/items': facilitators,
  'PUT /api/rounds/:id/consensus': facilitators,
  'GET /r/:token': 'respondent',
  'GET /r/:token/questions/:language/:version': 'respondent',
  'GET /r/:token/s/:code': 'respondent',
  'POST /r/:token/s/:code': 'respondent',
  'GET /r/:token/check': 'respondent',
  'POST /r/:token/submit': 'respondent',
  'GET /r/:token/done': 'respondent',
  'GET /api/respondent/:token': 'respondent',
  'PUT /api/respondent/:token/answers': 'respondent',
  'POST /api/respondent/:token/submit': 'respondent',
};

const sampleParams: Record<string, string> = {
  id: '00000000-0000-4000-8000-000000000000',
  key: 'dgca',
  version: '1.0.0',
};

function sampleUrl(url: string): string {
  return url.replace(/:(\w+)/g, (_, name: string) => sampleParams[name] ?? 'sample');
}

describe('who may call which route', () => {
  const context = useTestApp();
  beforeAll(() => buildWorkspace(context.database.db));
  // A fresh session per request: signing out ends the one it is made with.
  async function headersFor(who: Who): Promise<Record<string, string>> {
    if (who === 'anonymous') return {};
    const { cookie, csrfToken } = await signInAs(context.database, who);
    return { cookie, 'x-csrf-token': csrfToken };
  }

  it('has an entry for every route the application serves, and none for routes it does not', () => {
    const served = context.app.declaredAccess
      .filter(({ method }) => method !== 'HEAD')
      .map(({ method, url }) => `${method} ${url}`)
      .sort();
    expect(served).toEqual(Object.keys(table).sort());
  });

  const cases = Object.entries(table)
    .filter((entry): entry is [string, Who[]] => Array.isArray(entry[1]))
    .flatMap(([route, allowed]) =>
      everyone.map((who) => ({ route, who, allowed: allowed.includes(who) })),
    );

  it.each(cases)('$route for $who: allowed $allowed', async ({ route, who, allowed }) => {
    const [method, url] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'DELETE', string];
    const response = await context.app.inject({
      method,
      url: sampleUrl(url),
      headers: await headersFor(who),
      ...(method === 'POST' || method === 'PUT' ? { payload: {} } : {}),
    });
    const deniedAsAnonymous =
      response.statusCode === 401 || String(response.headers.location ?? '').startsWith('/sign-in');
    const denied = deniedAsAnonymous || response.statusCode === 403;
    expect({ route, who, denied }).toEqual({ route, who, denied: !allowed });
    if (!allowed) expect(deniedAsAnonymous).toBe(who === 'anonymous');
  });
});

describe('what an API token may call', () => {
  const context = useTestApp();
  const tokens = new Map<TokenRole, string>();
  beforeAll(async () => {
    const maker = await signInAs(context.database, 'admin', { name: 'Token maker' });
    const workspace = await requireWorkspace(context.database.db);
    for (const role of tokenRoles) {
      const made = await createApiToken(
        context.database.db,
        { name: `${role} token`, role, expires: '30' },
        { workspaceId: workspace.id, actor: { userId: maker.userId, label: 'Token maker' } },
      );
      if (!made.ok) throw new Error(`Could not make a ${role} token`);
      tokens.set(role, made.token);
    }
  });

  const cases = Object.entries(table)
    .filter((entry): entry is [string, Who[]] => Array.isArray(entry[1]))
    .flatMap(([route, allowed]) =>
      tokenRoles.map((role) => ({
        route,
        role,
        allowed: route.split(' ')[1]!.startsWith('/api/') && allowed.includes(role),
      })),
    );

  it.each(cases)('$route with a $role token: allowed $allowed', async ({
    route,
    role,
    allowed,
  }) => {
    const [method, url] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'DELETE', string];
    // No CSRF token: a token needs none.
    const response = await context.app.inject({
      method,
      url: sampleUrl(url),
      headers: { authorization: `Bearer ${tokens.get(role)}` },
      ...(method === 'POST' || method === 'PUT' ? { payload: {} } : {}),
    });
    const denied =
      response.statusCode === 401 ||
      response.statusCode === 403 ||
      String(response.headers.location ?? '').startsWith('/sign-in');
    expect({ route, role, denied }).toEqual({ route, role, denied: !allowed });
    // A valid token is never taken for nobody: a refusal is about what it may do.
    if (!allowed) expect(response.statusCode).toBe(403);
  });
});
