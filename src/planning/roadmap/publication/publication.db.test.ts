// Publishing a plan's roadmap through HTTP: the controls, the public page read
// with no sign-in (only what is public, budgets only when chosen), the API,
// unpublishing, and who may do it.
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../test/accounts.ts';
import { useTestApp } from '../../../../test/app.ts';
import { buildWorkspace } from '../../../../test/factories/workspace.ts';
import { saveInitiative } from '../initiative-changes.ts';
import type { RawInitiativeFields } from '../initiative-rules.ts';

describe('a published roadmap', () => {
  const context = useTestApp();
  let admin: { cookie: string; csrfToken: string; userId: string };
  let viewer: { cookie: string; csrfToken: string };

  beforeAll(async () => {
    await buildWorkspace(context.database.db);
    admin = await signInAs(context.database, 'admin', { name: 'Ada Admin' });
    viewer = await signInAs(context.database, 'viewer');
  });

  const as = (who: { cookie: string; csrfToken: string }) => ({
    cookie: who.cookie,
    'x-csrf-token': who.csrfToken,
  });
  const post = (
    url: string,
    payload: Record<string, string>,
    who: { cookie: string; csrfToken: string } = admin,
  ) =>
    context.app.inject({
      method: 'POST',
      url,
      headers: { cookie: who.cookie },
      payload: { _csrf: who.csrfToken, ...payload },
    });
  const anonymous = (url: string) => context.app.inject({ method: 'GET', url });

  async function startPlan(title: string): Promise<string> {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/plans',
      headers: as(admin),
      payload: { title, startsYear: 2026, endsYear: 2030 },
    });
    expect(response.statusCode).toBe(201);
    return response.json().id;
  }

  async function addInitiative(planId: string, fields: RawInitiativeFields): Promise<string> {
    const outcome = await saveInitiative(
      context.database.db,
      planId,
      { level: 'project', horizon: 'short', status: 'in_progress', ...fields },
      { workspaceId: 'test', actor: { userId: admin.userId, label: 'Ada Admin' } },
    );
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    return outcome.id;
  }

  /** A plan with a public programme and project, a hidden programme with a public project under it. */
  async function planWithInitiatives(title: string) {
    const planId = await startPlan(title);
    const shown = await addInitiative(planId, {
      level: 'programme',
      title: 'Digital identity for all',
      startsOn: '2026-01-01',
      endsOn: '2028-12-31',
      ownerId: admin.userId,
      budgetAmount: 1_250_000,
      budgetCurrency: 'USD',
      budgetSource: 'World Bank loan',
    });
    await addInitiative(planId, {
      parentId: shown,
      title: 'ID card pilot',
      startsOn: '2026-03-01',
      endsOn: '2026-12-31',
    });
    const hidden = await addInitiative(planId, {
      level: 'programme',
      title: 'Secret procurement reform',
      isPublic: false,
      startsOn: '2027-01-01',
      endsOn: '2027-12-31',
    });
    await addInitiative(planId, {
      parentId: hidden,
      title: 'Vendor shortlist',
      startsOn: '2027-01-01',
      endsOn: '2027-06-30',
    });
    await addInitiative(planId, {
      title: 'Open data portal',
      horizon: 'long',
      status: 'completed',
    });
    return planId;
  }

  const slugOf = (url: string) => new URL(url).pathname;

  it('lets an admin publish from the form, after confirming, and anyone read it without signing in', async () => {
    const planId = await planWithInitiatives('Published plan');
    const controls = await context.app.inject({
      method: 'GET',
      url: `/plans/${planId}/roadmap/publication`,
      headers: as(admin),
    });
    expect(controls.statusCode).toBe(200);
    expect(controls.body).toContain('The roadmap is not published.');
    expect(controls.body).toContain('The public sees 3 of the plan’s 5 initiatives');

    const unconfirmed = await post(`/plans/${planId}/roadmap/publication`, { budgets: 'hidden' });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('Tick the box to confirm that the roadmap becomes public');
    const api = await context.app.inject({
      method: 'GET',
      url: `/api/plans/${planId}/roadmap/publication`,
      headers: as(admin),
    });
    expect(api.statusCode).toBe(404);

    const published = await post(`/plans/${planId}/roadmap/publication`, {
      budgets: 'hidden',
      confirm: 'yes',
    });
    expect(published.statusCode).toBe(303);
    const { url } = (
      await context.app.inject({
        method: 'GET',
        url: `/api/plans/${planId}/roadmap/publication`,
        headers: as(viewer),
      })
    ).json();
    // Random and long enough that nobody guesses it.
    expect(slugOf(url)).toMatch(/^\/public\/roadmaps\/[0-9a-f]{32}$/);
    const page = await context.app.inject({
      method: 'GET',
      url: `/plans/${planId}/roadmap/publication`,
      headers: as(admin),
    });
    expect(page.body).toContain(`<a href="${url}">`);

    const publicPage = await anonymous(slugOf(url));
    expect(publicPage.statusCode).toBe(200);
    expect(publicPage.headers['cache-control']).toBe('public, max-age=60');
    expect(publicPage.headers['set-cookie']).toBeUndefined();
    expect(publicPage.body).toContain('Published plan');
    expect(publicPage.body).toContain('Digital identity for all');
    expect(publicPage.body).toContain('ID card pilot');
    expect(publicPage.body).toContain('Open data portal');
    expect(publicPage.body).toContain('<svg');
    // Hidden: the private programme and the public project under it; owners and budgets.
    expect(publicPage.body).not.toContain('Secret procurement reform');
    expect(publicPage.body).not.toContain('Vendor shortlist');
    expect(publicPage.body).not.toContain('Ada Admin');
    expect(publicPage.body).not.toContain('World Bank loan');
    expect(publicPage.body).not.toMatch(/1,250,000/);
  });

  it('shows budgets only when the publisher chose to, at the same address', async () => {
    const planId = await planWithInitiatives('Budget plan');
    const first = await context.app.inject({
      method: 'PUT',
      url: `/api/plans/${planId}/roadmap/publication`,
      headers: as(admin),
      payload: { showBudgets: false },
    });
    expect(first.statusCode).toBe(200);
    const path = slugOf(first.json().url);
    expect((await anonymous(path)).body).not.toContain('World Bank loan');

    const second = await context.app.inject({
      method: 'PUT',
      url: `/api/plans/${planId}/roadmap/publication`,
      headers: as(admin),
      payload: { showBudgets: true },
    });
    expect(second.json()).toMatchObject({ url: first.json().url, showBudgets: true });
    const withBudgets = await anonymous(path);
    expect(withBudgets.body).toContain('World Bank loan');
    expect(withBudgets.body).toContain('$1,250,000');
  });

  it('gives the published roadmap as JSON to anyone, shaped as the page: nothing private', async () => {
    const planId = await planWithInitiatives('JSON plan');
    const { url } = (
      await context.app.inject({
        method: 'PUT',
        url: `/api/plans/${planId}/roadmap/publication`,
        headers: as(admin),
        payload: { showBudgets: false },
      })
    ).json();
    const slug = slugOf(url).split('/').at(-1);
    const response = await anonymous(`/api/public/roadmaps/${slug}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=60');
    const body = response.json();
    expect(body.plan).toEqual({ title: 'JSON plan', startsYear: 2026, endsYear: 2030 });
    expect(body.summary).toMatchObject({
      total: 3,
      byStatusKind: { proposed: 0, active: 2, completed: 1, cancelled: 0 },
    });
    expect(
      body.initiatives.map((initiative: { title: string }) => initiative.title).sort(),
    ).toEqual(['Digital identity for all', 'ID card pilot', 'Open data portal']);
    expect(
      body.initiatives.every((initiative: { budget: unknown }) => initiative.budget === null),
    ).toBe(true);
    expect(response.body).not.toContain('Ada Admin');
    expect(response.body).not.toContain('owner');
    await context.app.inject({
      method: 'DELETE',
      url: `/api/plans/${planId}/roadmap/publication`,
      headers: as(admin),
    });
    expect((await anonymous(`/api/public/roadmaps/${slug}`)).statusCode).toBe(404);
  });

  it('answers 404 at the address once unpublished, and records both in the audit log', async () => {
    const planId = await planWithInitiatives('Unpublished plan');
    await post(`/plans/${planId}/roadmap/publication`, { budgets: 'hidden', confirm: 'yes' });
    const { url } = (
      await context.app.inject({
        method: 'GET',
        url: `/api/plans/${planId}/roadmap/publication`,
        headers: as(admin),
      })
    ).json();
    const refused = await post(`/plans/${planId}/roadmap/publication/delete`, {});
    expect(refused.statusCode).toBe(400);
    expect((await anonymous(slugOf(url))).statusCode).toBe(200);

    const taken = await post(`/plans/${planId}/roadmap/publication/delete`, {
      confirmUnpublish: 'yes',
    });
    expect(taken.statusCode).toBe(303);
    expect((await anonymous(slugOf(url))).statusCode).toBe(404);
    const audit = await context.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'roadmap')
      .where('entity_id', '=', planId)
      .orderBy('id')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual([
      'roadmap.published',
      'roadmap.unpublished',
    ]);
    // Published again, it gets a new address: the old one stays dead.
    await post(`/plans/${planId}/roadmap/publication`, { budgets: 'hidden', confirm: 'yes' });
    expect((await anonymous(slugOf(url))).statusCode).toBe(404);
  });

  it('does not let a viewer publish or unpublish, from the page or the API', async () => {
    const planId = await planWithInitiatives('Viewer plan');
    const page = await context.app.inject({
      method: 'GET',
      url: `/plans/${planId}/roadmap/publication`,
      headers: as(viewer),
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('name="confirm"');
    const form = await post(
      `/plans/${planId}/roadmap/publication`,
      { budgets: 'shown', confirm: 'yes' },
      viewer,
    );
    expect(form.statusCode).toBe(403);
    const api = await context.app.inject({
      method: 'PUT',
      url: `/api/plans/${planId}/roadmap/publication`,
      headers: as(viewer),
      payload: { showBudgets: true },
    });
    expect(api.statusCode).toBe(403);
    const status = await context.app.inject({
      method: 'GET',
      url: `/api/plans/${planId}/roadmap/publication`,
      headers: as(viewer),
    });
    expect(status.statusCode).toBe(404);
  });

  it('answers 404 for an address nobody published', async () => {
    expect((await anonymous('/public/roadmaps/0123456789abcdef0123456789abcdef')).statusCode).toBe(
      404,
    );
  });
});
