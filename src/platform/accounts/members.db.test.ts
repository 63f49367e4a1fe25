import { beforeAll, describe, expect, it } from 'vitest';
import { headersOf, postSignIn, signInAs } from '../../../test/accounts.ts';
import { useTestApp } from '../../../test/app.ts';
import { buildAgency } from '../../../test/factories/agencies.ts';
import { buildMember } from '../../../test/factories/members.ts';

describe('members and roles', () => {
  const context = useTestApp();
  let headers: Record<string, string> = {};
  let adminId = '';
  let cookie = '';
  let csrf = '';
  let healthId = '';
  beforeAll(async () => {
    const admin = await signInAs(context.database, 'admin', { name: 'Test admin' });
    headers = headersOf(admin);
    adminId = admin.userId;
    cookie = admin.cookie;
    csrf = admin.csrfToken;
    const { db } = context.database;
    healthId = (await buildAgency(db, { name: 'Ministry of Health' })).id;
    const education = await buildAgency(db, { name: 'Ministry of Education' });
    await buildMember(db, 'focal_point', {
      email: 'focal.point@test.example',
      name: 'Lina Haddad',
      password: true,
      agencyIds: [healthId, education.id],
    });
    await buildMember(db, 'admin', { name: 'Another admin' });
  });
  const api = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    context.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const auditActions = async (userId: string) =>
    (
      await context.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_type', '=', 'membership')
        .where('entity_id', '=', userId)
        .orderBy('id')
        .execute()
    ).map((row) => row.action);

  it('lists members with their roles and the agencies of focal points', async () => {
    const { members } = (await api('GET', '/api/members')).json();
    const focal = members.find(
      (member: { email: string }) => member.email === 'focal.point@test.example',
    );
    expect(focal).toMatchObject({ role: 'focal_point', hasPassword: true });
    expect(focal.agencies.map((agency: { name: string }) => agency.name)).toEqual([
      'Ministry of Education',
      'Ministry of Health',
    ]);
  });

  it('adds a new person without a password, changes their role, removes them, auditing each step', async () => {
    const added = await api('POST', '/api/members', {
      email: 'Nadia.Cruz@health.gov.example',
      name: 'Nadia Cruz',
      role: 'focal_point',
      agencyIds: [healthId],
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      name: 'Nadia Cruz',
      role: 'focal_point',
      hasPassword: false,
      agencies: [{ id: healthId, name: 'Ministry of Health' }],
    });
    const { userId } = added.json();
    const user = await context.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toBeNull();

    const again = await api('POST', '/api/members', {
      email: 'nadia.cruz@health.gov.example',
      name: 'N',
      role: 'viewer',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('already a member');

    const changed = await api('PUT', `/api/members/${userId}`, {
      role: 'coordinator',
      agencyIds: [healthId],
    });
    expect(changed.json()).toMatchObject({ role: 'coordinator', agencies: [] });
    expect((await api('DELETE', `/api/members/${userId}`)).statusCode).toBe(204);
    expect((await api('DELETE', `/api/members/${userId}`)).statusCode).toBe(404);
    expect(await auditActions(userId)).toEqual([
      'membership.added',
      'membership.changed',
      'membership.removed',
    ]);
  });

  it('adds a person who already has an account under their existing name', async () => {
    const existing = await context.database.db
      .insertInto('users')
      .values({ email: 'omar@finance.gov.example', name: 'Omar Said', password_hash: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const added = await api('POST', '/api/members', {
      email: 'omar@finance.gov.example',
      name: 'O. Said',
      role: 'viewer',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ userId: existing.id, name: 'Omar Said' });
  });

  it('names each bad field', async () => {
    const response = await api('POST', '/api/members', {
      email: 'not-an-email',
      name: ' ',
      role: 'focal_point',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { path: 'body.email', message: expect.stringContaining('email address') },
      { path: 'body.name', message: 'enter their name' },
      { path: 'body.agencyIds', message: 'choose at least one agency for a focal point' },
    ]);
    const badRole = await api('POST', '/api/members', {
      email: 'a@b.example',
      name: 'A',
      role: 'owner',
    });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().error.fields[0].path).toBe('body.role');
  });

  it('keeps the last admin: no removal and no other role until someone else is admin', async () => {
    const { members } = (await api('GET', '/api/members')).json();
    const admins = members.filter((member: { role: string }) => member.role === 'admin');
    expect(admins).toHaveLength(2);
    // Step every other admin down, so the test admin is the last one.
    for (const admin of admins.filter((member: { userId: string }) => member.userId !== adminId))
      expect(
        (await api('PUT', `/api/members/${admin.userId}`, { role: 'viewer' })).statusCode,
      ).toBe(200);
    const demote = await api('PUT', `/api/members/${adminId}`, { role: 'viewer' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.message).toBe(
      'the workspace needs at least one admin; make someone else admin first',
    );
    expect((await api('DELETE', `/api/members/${adminId}`)).statusCode).toBe(409);
  });

  describe('through the pages', () => {
    const form = (url: string, fields: Record<string, string | string[]>) => {
      const body = new URLSearchParams({ _csrf: csrf });
      for (const [name, value] of Object.entries(fields))
        for (const one of [value].flat()) body.append(name, one);
      return context.app.inject({
        method: 'POST',
        url,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: body.toString(),
      });
    };

    it('shows the members and adds one through the form', async () => {
      const page = await context.app.inject({
        method: 'GET',
        url: '/members',
        headers: { cookie },
      });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Lina Haddad');
      expect(page.body).toContain('href="/members"');
      const added = await form('/members', {
        email: 'ines@digital.gov.example',
        name: 'Inés Mora',
        role: 'focal_point',
        agencyIds: [healthId],
      });
      // No mail server here: the link to choose a password is shown once, to hand on.
      expect(added.statusCode).toBe(200);
      expect(added.headers['cache-control']).toBe('no-store');
      expect(added.body).toContain('Inés Mora');
      const link = /<code>https?:\/\/[^/<]+(\/reset-password\/[^<]+)<\/code>/.exec(added.body)?.[1];
      expect(link).toBeDefined();
      const choose = await context.app.inject({ method: 'GET', url: link ?? '' });
      expect(choose.statusCode).toBe(200);
      const chosen = await context.app.inject({
        method: 'POST',
        url: link ?? '',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          password: 'a long enough password 42',
          confirmPassword: 'a long enough password 42',
        }).toString(),
      });
      expect(chosen.statusCode).toBe(200);
      const signIn = await postSignIn(
        context.app,
        { email: 'ines@digital.gov.example', password: 'a long enough password 42' },
        { remoteAddress: '10.9.0.1' },
      );
      expect(signIn.statusCode).toBe(303);
      // Shown once: the list afterwards holds no link.
      const after = await context.app.inject({
        method: 'GET',
        url: '/members',
        headers: { cookie },
      });
      expect(after.body).toContain('Inés Mora');
      expect(after.body).not.toContain('/reset-password/');
    });

    it('lets an admin make a link for a member to choose a password, shown once', async () => {
      const member = await signInAs(context.database, 'viewer', { name: 'Forgetful viewer' });
      const page = await context.app.inject({
        method: 'GET',
        url: `/members/${member.userId}`,
        headers: { cookie },
      });
      expect(page.body).toContain(`action="/members/${member.userId}/password-link"`);
      const made = await form(`/members/${member.userId}/password-link`, {});
      expect(made.statusCode).toBe(200);
      expect(made.headers['cache-control']).toBe('no-store');
      const link = /<code>https?:\/\/[^/<]+(\/reset-password\/[^<]+)<\/code>/.exec(made.body)?.[1];
      expect((await context.app.inject({ method: 'GET', url: link ?? '' })).statusCode).toBe(200);
    });

    it('shows problems beside the fields and refuses to remove the last admin', async () => {
      const bad = await form('/members', { email: 'x', name: '', role: 'viewer' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('id="email-error"');
      expect(bad.body).toContain('id="name-error"');
      const remove = await form(`/members/${adminId}/remove`, {});
      expect(remove.statusCode).toBe(409);
      expect(remove.body).toContain('the workspace needs at least one admin');
    });

    it('shows Members and Audit log in the navigation only to admins', async () => {
      const home = await context.app.inject({ method: 'GET', url: '/', headers: { cookie } });
      expect(home.body).toContain('href="/members"');
      expect(home.body).toContain('href="/audit"');
      const coordinator = await signInAs(context.database, 'coordinator');
      const asCoordinator = await context.app.inject({
        method: 'GET',
        url: '/',
        headers: { cookie: coordinator.cookie },
      });
      expect(asCoordinator.body).not.toContain('href="/members"');
      expect(asCoordinator.body).not.toContain('href="/audit"');
    });
  });
});
