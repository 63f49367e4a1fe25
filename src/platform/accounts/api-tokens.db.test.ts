import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/accounts.ts';
import { useTestApp } from '../../../test/app.ts';
import { isoDay } from '../../../test/factories/rounds.ts';
import { hashSecret } from '../config/secrets.ts';
import { requireWorkspace } from '../workspaces/workspace-store.ts';
import { setMembership } from './account-store.ts';

const TOKEN = /tfa_[A-Za-z0-9_-]{43}/;

describe('API tokens', () => {
  const context = useTestApp();
  let admin: Awaited<ReturnType<typeof signInAs>>;
  beforeAll(async () => {
    admin = await signInAs(context.database, 'admin', { name: 'Ana Admin' });
  });

  /** Makes a token through the admins' page, as a person would; returns the page and the token. */
  async function makeToken(form: Record<string, string>, by = admin) {
    const response = await context.app.inject({
      method: 'POST',
      url: '/members/tokens',
      headers: { cookie: by.cookie },
      payload: { _csrf: by.csrfToken, ...form },
    });
    const token = TOKEN.exec(response.body)?.[0] ?? '';
    const row = await context.database.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', hashSecret(token))
      .executeTakeFirst();
    return { response, token, id: row?.id ?? '' };
  }
  const withToken = (token: string) => ({ authorization: `Bearer ${token}` });
  const newAgency = (name: string) => ({ name, level: 'national', sector: 'health' });

  it('is made by an admin, shown once, and stored only as its hash', async () => {
    const { response, token, id } = await makeToken({
      name: 'HR system import',
      role: 'coordinator',
      expires: '90',
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(token).toMatch(TOKEN);

    const row = await context.database.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: 'HR system import', role: 'coordinator', revoked_at: null });
    expect(JSON.stringify(row)).not.toContain(token);
    const days = (row.expires_at.getTime() - Date.now()) / (24 * 3600 * 1000);
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThanOrEqual(90);

    const list = await context.app.inject({
      method: 'GET',
      url: '/members/tokens',
      headers: { cookie: admin.cookie },
    });
    expect(list.body).toContain('HR system import');
    expect(list.body).not.toContain(token);

    const audit = await context.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_label', 'details'])
      .where('entity_id', '=', id)
      .execute();
    expect(audit).toEqual([
      {
        action: 'api_token.created',
        actor_label: expect.stringContaining('Ana Admin'),
        details: { name: 'HR system import', role: 'coordinator', expiresAt: expect.any(String) },
      },
    ]);
  });

  it('changes data through the API with a Bearer header and no CSRF token; the audit log names the token, and its last use is recorded', async () => {
    const { token, id } = await makeToken({
      name: 'Nightly sync',
      role: 'coordinator',
      expires: '30',
    });
    const created = await context.app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: withToken(token),
      payload: newAgency('Ministry of Tokens'),
    });
    expect(created.statusCode).toBe(201);
    const audit = await context.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_label', 'actor_user_id', 'api_token_id'])
      .where('entity_id', '=', created.json().id)
      .execute();
    expect(audit).toEqual([
      {
        action: 'agency.created',
        actor_label: `API token “Nightly sync” of Ana Admin <${await emailOf(admin.userId)}>`,
        actor_user_id: admin.userId,
        api_token_id: id,
      },
    ]);
    const row = await context.database.db
      .selectFrom('api_tokens')
      .select('last_used_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.last_used_at).not.toBeNull();
    const list = await context.app.inject({
      method: 'GET',
      url: '/members/tokens',
      headers: { cookie: admin.cookie },
    });
    const listed = /Nightly sync<\/th>.*?<\/tr>/.exec(list.body)?.[0];
    expect(listed).toContain('Coordinator');
    expect(listed).not.toContain('Never');
  });

  async function emailOf(userId: string) {
    const row = await context.database.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    return row.email;
  }

  it('does what its role allows and nothing more', async () => {
    const viewer = (await makeToken({ name: 'Dashboard', role: 'viewer', expires: '30' })).token;
    const read = await context.app.inject({
      method: 'GET',
      url: '/api/agencies',
      headers: withToken(viewer),
    });
    expect(read.statusCode).toBe(200);
    const change = await context.app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: withToken(viewer),
      payload: newAgency('Viewer Agency'),
    });
    expect(change.statusCode).toBe(403);
    expect(change.json().error.code).toBe('forbidden');

    const coordinator = (
      await makeToken({ name: 'Rounds bot', role: 'coordinator', expires: '30' })
    ).token;
    for (const [method, url] of [
      ['GET', '/api/members'],
      ['POST', '/api/members'],
      ['GET', '/api/audit'],
    ] as const) {
      const response = await context.app.inject({
        method,
        url,
        headers: withToken(coordinator),
        ...(method === 'POST'
          ? { payload: { email: 'x@test.example', name: 'X', role: 'admin' } }
          : {}),
      });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 403 });
    }
    const admins = (await makeToken({ name: 'Members sync', role: 'admin', expires: '30' })).token;
    const members = await context.app.inject({
      method: 'GET',
      url: '/api/members',
      headers: withToken(admins),
    });
    expect(members.statusCode).toBe(200);
  });

  it('opens no page and cannot make another token', async () => {
    const { token } = await makeToken({ name: 'Everything', role: 'admin', expires: '30' });
    for (const [method, url] of [
      ['GET', '/agencies'],
      ['GET', '/members/tokens'],
      ['POST', '/members/tokens'],
    ] as const) {
      const response = await context.app.inject({
        method,
        url,
        headers: withToken(token),
        ...(method === 'POST' ? { payload: { name: 'Child', role: 'admin', expires: '30' } } : {}),
      });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 403 });
    }
    expect(
      await context.database.db
        .selectFrom('api_tokens')
        .select('id')
        .where('name', '=', 'Child')
        .execute(),
    ).toEqual([]);
  });

  it('is refused with 401 and a JSON error once revoked, and the revocation is audited', async () => {
    const { token, id } = await makeToken({ name: 'Old script', role: 'viewer', expires: '30' });
    const confirm = await context.app.inject({
      method: 'GET',
      url: `/members/tokens/${id}/revoke`,
      headers: { cookie: admin.cookie },
    });
    expect(confirm.body).toContain('Revoke the token “Old script”?');
    expect(confirm.body).toContain(`action="/members/tokens/${id}/revoke"`);
    const revoke = await context.app.inject({
      method: 'POST',
      url: `/members/tokens/${id}/revoke`,
      headers: { cookie: admin.cookie },
      payload: { _csrf: admin.csrfToken },
    });
    expect(revoke.statusCode).toBe(303);
    const page = await context.app.inject({
      method: 'GET',
      url: revoke.headers.location as string,
      headers: { cookie: admin.cookie },
    });
    expect(page.body).toContain('The token “Old script” is revoked');
    const again = await context.app.inject({
      method: 'GET',
      url: `/members/tokens/${id}/revoke`,
      headers: { cookie: admin.cookie },
    });
    expect(again.headers.location).toBe('/members/tokens');

    const response = await context.app.inject({
      method: 'GET',
      url: '/api/agencies',
      headers: withToken(token),
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toMatchObject({
      code: 'unauthenticated',
      message: 'The API token has been revoked',
    });
    const actions = await context.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    expect(actions.map((row) => row.action)).toEqual(['api_token.created', 'api_token.revoked']);
  });

  it('is refused with 401 once expired, and so is a token nobody made', async () => {
    const { token, id } = await makeToken({ name: 'Short-lived', role: 'viewer', expires: '30' });
    await context.database.db
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', id)
      .execute();
    for (const sent of [token, `${token.slice(0, -1)}x`, '']) {
      const response = await context.app.inject({
        method: 'GET',
        url: '/api/frameworks',
        headers: withToken(sent),
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('unauthenticated');
    }
  });

  it('stops working when the admin who made it no longer holds its role', async () => {
    const maker = await signInAs(context.database, 'admin', { name: 'Soon coordinator' });
    const adminToken = (
      await makeToken({ name: 'Admin script', role: 'admin', expires: '30' }, maker)
    ).token;
    const viewerToken = (
      await makeToken({ name: 'Viewer script', role: 'viewer', expires: '30' }, maker)
    ).token;
    const workspace = await requireWorkspace(context.database.db);
    await setMembership(context.database.db, {
      workspaceId: workspace.id,
      userId: maker.userId,
      role: 'coordinator',
    });
    const outranked = await context.app.inject({
      method: 'GET',
      url: '/api/agencies',
      headers: withToken(adminToken),
    });
    expect(outranked.statusCode).toBe(401);
    const withinRole = await context.app.inject({
      method: 'GET',
      url: '/api/agencies',
      headers: withToken(viewerToken),
    });
    expect(withinRole.statusCode).toBe(200);
  });

  it('refuses a form without a name or with a past date, with each problem beside its field and what was typed kept', async () => {
    const { response } = await makeToken({
      name: '',
      role: 'viewer',
      expires: 'date',
      expiresOn: isoDay(-3),
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Name: give the token a name');
    expect(response.body).toContain('Date it expires: must be after today');
    expect(response.body).toContain(`value="${isoDay(-3)}"`);
    expect(response.body).not.toMatch(TOKEN);
    const long = await makeToken({ name: 'n'.repeat(20_000), role: 'viewer', expires: '30' });
    expect(long.response.statusCode).toBe(400);
    expect(long.response.body).toContain('Name: must be at most 100 characters');
    expect(long.response.body).toContain(`value="${'n'.repeat(100)}"`);
    expect(long.response.body).not.toContain('n'.repeat(101));
    const focal = await makeToken({ name: 'Focal', role: 'focal_point', expires: '30' });
    expect(focal.response.statusCode).toBe(400);
    expect(focal.response.body).toContain('Role: choose admin, coordinator, facilitator or viewer');
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await context.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(document.components.securitySchemes.apiToken).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it('is managed by admins only', async () => {
    const coordinator = await signInAs(context.database, 'coordinator');
    const { response } = await makeToken(
      { name: 'Sneaky', role: 'admin', expires: '30' },
      coordinator,
    );
    expect(response.statusCode).toBe(403);
  });
});
