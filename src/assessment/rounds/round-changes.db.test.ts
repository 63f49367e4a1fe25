import { beforeAll, describe, expect, it } from 'vitest';
import { headersOf, signInAs } from '../../../test/accounts.ts';
import { useTestApp } from '../../../test/app.ts';
import { buildAgency } from '../../../test/factories/agencies.ts';
import { buildInvitation } from '../../../test/factories/invitations.ts';
import { buildResponse } from '../../../test/factories/responses.ts';
import { isoDay } from '../../../test/factories/rounds.ts';

describe('creating, opening and closing rounds', () => {
  const context = useTestApp();
  let headers: Record<string, string> = {};
  let cookie = '';
  let csrf = '';
  let frameworkId = '';
  const agencyIds: string[] = [];
  beforeAll(async () => {
    const signedIn = await signInAs(context.database, 'coordinator');
    headers = headersOf(signedIn);
    cookie = signedIn.cookie;
    csrf = signedIn.csrfToken;
    for (let i = 0; i < 4; i++) agencyIds.push((await buildAgency(context.database.db)).id);
    const frameworks = (await context.app.inject({ method: 'GET', url: '/api/frameworks' })).json()
      .frameworks;
    frameworkId = frameworks.find((framework: { key: string }) => framework.key === 'dgca').id;
  });

  const api = (method: 'POST' | 'PUT', url: string, payload?: object) =>
    context.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const roundInput = (overrides: object = {}) => ({
    name: '2026 self-assessment',
    frameworkId,
    agencies: agencyIds.slice(0, 3),
    opensOn: isoDay(1),
    closesOn: isoDay(30),
    ...overrides,
  });
  const auditOf = async (entityId: string) =>
    (
      await context.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', entityId)
        .orderBy('id')
        .execute()
    ).map((row) => row.action);

  it('creates a draft round, edits it, opens and closes it, auditing each step', async () => {
    const created = await api('POST', '/api/rounds', roundInput());
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: '2026 self-assessment',
      status: 'draft',
      agencies: 3,
    });
    const id = created.json().id;

    const edited = await api(
      'PUT',
      `/api/rounds/${id}`,
      roundInput({ name: '2026 round', agencies: 'all' }),
    );
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ name: '2026 round', agencies: agencyIds.length });

    expect(edited.json()).toMatchObject({ openedAt: null, closedAt: null });
    const opened = (await api('POST', `/api/rounds/${id}/open`)).json();
    expect(opened).toMatchObject({ status: 'open', closedAt: null });
    expect(Date.now() - Date.parse(opened.openedAt)).toBeLessThan(60_000);
    const editOpen = await api('PUT', `/api/rounds/${id}`, roundInput());
    expect(editOpen.statusCode).toBe(409);
    expect(editOpen.json().error.message).toBe(
      'only a round that has not opened yet can be edited',
    );
    const closed = (await api('POST', `/api/rounds/${id}/close`)).json();
    expect(closed).toMatchObject({ status: 'closed', openedAt: opened.openedAt });
    expect(Date.parse(closed.closedAt)).toBeGreaterThanOrEqual(Date.parse(opened.openedAt));
    expect(await auditOf(id)).toEqual([
      'round.created',
      'round.updated',
      'round.opened',
      'round.closed',
    ]);
  });

  it('counts an agency given twice once', async () => {
    const [first, second] = agencyIds as [string, string];
    const created = await api(
      'POST',
      '/api/rounds',
      roundInput({ agencies: [first, first, second, first] }),
    );
    expect(created.statusCode).toBe(201);
    expect(created.json().agencies).toBe(2);
    const id = created.json().id;
    const edited = await api(
      'PUT',
      `/api/rounds/${id}`,
      roundInput({ agencies: [second, second] }),
    );
    expect(edited.json().agencies).toBe(1);
    const overview = (
      await context.app.inject({ method: 'GET', url: `/api/rounds/${id}`, headers })
    ).json();
    expect(overview.agencies.map((agency: { agencyId: string }) => agency.agencyId)).toEqual([
      second,
    ]);
  });

  it('does not open a round whose closing date has passed', async () => {
    const id = (
      await api('POST', '/api/rounds', roundInput({ opensOn: isoDay(-30), closesOn: isoDay(-1) }))
    ).json().id;
    const open = await api('POST', `/api/rounds/${id}/open`);
    expect(open.statusCode).toBe(409);
    expect(open.json().error.fields).toEqual([
      {
        path: 'status',
        message: 'its closing date has passed: change the dates before opening it',
      },
    ]);
  });

  it('refuses moves out of order with 409 and says why', async () => {
    const id = (await api('POST', '/api/rounds', roundInput())).json().id;
    const closeDraft = await api('POST', `/api/rounds/${id}/close`);
    expect(closeDraft.statusCode).toBe(409);
    expect(closeDraft.json().error.fields).toEqual([
      { path: 'status', message: 'a round that has not opened cannot be closed; open it first' },
    ]);
    await api('POST', `/api/rounds/${id}/open`);
    expect((await api('POST', `/api/rounds/${id}/open`)).json().error.message).toBe(
      'the round is already open',
    );
    await api('POST', `/api/rounds/${id}/close`);
    const reopen = await api('POST', `/api/rounds/${id}/open`);
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json().error.message).toBe('a closed round cannot be opened again');
    const missing = await api('POST', '/api/rounds/00000000-0000-4000-8000-000000000009/open');
    expect(missing.statusCode).toBe(404);
  });

  it('names each bad field of a round', async () => {
    const response = await api(
      'POST',
      '/api/rounds',
      roundInput({
        name: ' ',
        frameworkId: '00000000-0000-4000-8000-000000000009',
        agencies: [],
        closesOn: isoDay(0),
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { path: 'body.name', message: 'enter a name for the round' },
      { path: 'body.frameworkId', message: 'there is no such framework version' },
      { path: 'body.agencies', message: 'choose at least one agency, or all agencies' },
      { path: 'body.closesOn', message: 'must be on or after the opening date' },
    ]);
    const badTypes = await api('POST', '/api/rounds', {
      name: 1,
      agencies: 'some',
      opensOn: '2025-13-01',
    });
    expect(badTypes.statusCode).toBe(400);
    const paths = badTypes.json().error.fields.map((field: { path: string }) => field.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.name', 'body.frameworkId', 'body.opensOn', 'body.closesOn']),
    );
  });

  it('keeps in scope an agency that already has invitations', async () => {
    const id = (
      await api('POST', '/api/rounds', roundInput({ agencies: agencyIds.slice(0, 2) }))
    ).json().id;
    await buildInvitation(context.database.db, { round: { id, agencyIds: agencyIds.slice(0, 1) } });
    const response = await api(
      'PUT',
      `/api/rounds/${id}`,
      roundInput({ agencies: agencyIds.slice(1, 2) }),
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(
      /already have invitations, so they stay in scope$/,
    );
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

    it('offers to create a round on the rounds page', async () => {
      const page = await context.app.inject({ method: 'GET', url: '/rounds', headers: { cookie } });
      expect(page.body).toContain('href="/rounds/new"');
    });

    it('creates a round of chosen agencies, then opens it from its overview', async () => {
      const created = await form('/rounds/new', {
        name: 'Pilot round',
        frameworkId,
        scope: 'chosen',
        agencyIds: agencyIds.slice(0, 2),
        opensOn: isoDay(0),
        closesOn: isoDay(14),
      });
      expect(created.statusCode).toBe(303);
      const overviewUrl = String(created.headers.location);
      const overview = await context.app.inject({
        method: 'GET',
        url: overviewUrl,
        headers: { cookie },
      });
      expect(overview.body).toContain('Pilot round');
      expect(overview.body).toContain(`href="${overviewUrl}/open"`);
      expect(overview.body).toContain(`href="${overviewUrl}/edit"`);
      // Ticking an agency twice (a form sent twice over, say) puts it in scope once.
      const twice = await form('/rounds/new', {
        name: 'Round of one',
        frameworkId,
        scope: 'chosen',
        agencyIds: [agencyIds[0]!, agencyIds[0]!],
        opensOn: isoDay(0),
        closesOn: isoDay(14),
      });
      const one = await context.app.inject({
        method: 'GET',
        url: `/api${twice.headers.location}`,
        headers,
      });
      expect(one.json().round.agencies).toBe(1);

      const opened = await form(`${overviewUrl}/open`, {});
      expect(opened.statusCode).toBe(303);
      expect(opened.headers.location).toBe(`${overviewUrl}?changed=opened`);
      const again = await form(`${overviewUrl}/open`, {});
      expect(again.statusCode).toBe(409);
      expect(again.body).toContain('the round is already open');
      const edit = await context.app.inject({
        method: 'GET',
        url: `${overviewUrl}/edit`,
        headers: { cookie },
      });
      expect(edit.statusCode).toBe(409);
    });

    const page = (url: string) => context.app.inject({ method: 'GET', url, headers: { cookie } });
    const statusOf = async (id: string) =>
      (
        await context.database.db
          .selectFrom('rounds')
          .select('status')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).status;

    it('asks before opening, says what will happen, and opens only when confirmed', async () => {
      const id = (await api('POST', '/api/rounds', roundInput({ closesOn: isoDay(40) }))).json().id;
      const [agencyId] = agencyIds as [string];
      await buildInvitation(context.database.db, { round: { id, agencyIds: [agencyId] } });
      await buildInvitation(context.database.db, { round: { id, agencyIds: [agencyId] } });

      const confirm = await page(`/rounds/${id}/open`);
      expect(confirm.statusCode).toBe(200);
      expect(confirm.body).toContain('<h1>Open “2026 self-assessment”?</h1>');
      expect(confirm.body).toContain(
        '2 respondents have been invited. Opening sends no new message: their links start to work.',
      );
      expect(confirm.body).toContain('can no longer be changed');
      expect(confirm.body).toContain(`action="/rounds/${id}/open"`);
      expect(confirm.body).toContain(`name="_csrf" value="${csrf}"`);
      expect(confirm.body).toContain(`<a href="/rounds/${id}">No, go back to the round</a>`);
      // Looking at the question changes nothing.
      expect(await statusOf(id)).toBe('draft');

      const opened = await form(`/rounds/${id}/open`, {});
      expect(opened.headers.location).toBe(`/rounds/${id}?changed=opened`);
      const after = await page(String(opened.headers.location));
      expect(after.body).toContain('The round is open. Respondents with a link can answer until');
      expect(after.body).toMatch(/ · opened on [A-Z][a-z]{2} \d{1,2}, \d{4}/);
      expect(await statusOf(id)).toBe('open');
      // Nothing left to confirm: the page says why instead.
      const twice = await page(`/rounds/${id}/open`);
      expect(twice.statusCode).toBe(409);
      expect(twice.body).toContain('the round is already open');
    });

    it('asks before closing early; respondents then read the day it closed', async () => {
      const id = (await api('POST', '/api/rounds', roundInput({ opensOn: isoDay(-3) }))).json().id;
      const round = { id, agencyIds: agencyIds.slice(0, 1) };
      const invitations = [
        await buildInvitation(context.database.db, { round }),
        await buildInvitation(context.database.db, { round }),
        await buildInvitation(context.database.db, { round }),
      ];
      const closeDraft = await page(`/rounds/${id}/close`);
      expect(closeDraft.statusCode).toBe(409);
      expect(closeDraft.body).toContain('a round that has not opened cannot be closed');
      await api('POST', `/api/rounds/${id}/open`);
      await buildResponse(context.database.db, { invitation: invitations[0]! });
      await buildResponse(context.database.db, { invitation: invitations[1]!, status: 'draft' });

      const confirm = await page(`/rounds/${id}/close`);
      expect(confirm.statusCode).toBe(200);
      expect(confirm.body).toContain('<h1>Close “2026 self-assessment”?</h1>');
      expect(confirm.body).toContain('Respondents can no longer answer or change their answers');
      expect(confirm.body).toContain('1 of 3 invited respondents have submitted their answers.');
      expect(confirm.body).toContain(
        '1 response was started but not submitted: it will not count in the results.',
      );
      expect(confirm.body).toContain('closing now ends it early');
      const spanish = await page(`/rounds/${id}/close?lang=es`);
      expect(spanish.body).toContain('<h1>¿Cerrar «2026 self-assessment»?</h1>');
      expect(spanish.body).toContain('1 de 3 personas invitadas han enviado sus respuestas.');
      expect(await statusOf(id)).toBe('open');

      const closed = await form(`/rounds/${id}/close`, {});
      expect(closed.headers.location).toBe(`/rounds/${id}?changed=closed`);
      const after = await page(String(closed.headers.location));
      expect(after.body).toContain(
        'The round is closed. Respondents can no longer answer; the results count the 1 submitted response.',
      );
      expect(after.body).toMatch(/ · closed on [A-Z][a-z]{2} \d{1,2}, \d{4}/);
      expect(after.body).not.toContain(`href="/rounds/${id}/close"`);
      const list = await page('/rounds');
      expect(list.body).toMatch(/ · closed on [A-Z][a-z]{2} \d{1,2}, \d{4}/);

      const today = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(),
      );
      const link = await context.app.inject({ method: 'GET', url: `/r/${invitations[2]!.token}` });
      expect(link.body).toContain(`“2026 self-assessment” closed on ${today}.`);
      expect(link.body).not.toContain('its closing date was');
    });

    it('shows each problem beside its field and keeps the choices', async () => {
      const response = await form('/rounds/new', {
        name: '',
        frameworkId: '',
        scope: 'chosen',
        opensOn: '2025-02-30',
        closesOn: '',
      });
      expect(response.statusCode).toBe(400);
      for (const field of ['name', 'frameworkId', 'scope', 'opensOn', 'closesOn'])
        expect(response.body).toContain(`id="${field}-error"`);
      expect(response.body).toContain('value="2025-02-30"');
    });
  });
});
