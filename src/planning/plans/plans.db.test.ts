// Plans through HTTP: starting one from the page and the API, editing it, two
// people editing at once, adopting and closing, and what is refused.
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/accounts.ts';
import { useTestApp } from '../../../test/app.ts';
import { buildRound } from '../../../test/factories/rounds.ts';
import { buildWorkspace } from '../../../test/factories/workspace.ts';
import { type Member, requestsAs } from '../../../test/http.ts';

describe('plans', () => {
  const context = useTestApp();
  let coordinator: Member;
  let roundId: string;

  beforeAll(async () => {
    await buildWorkspace(context.database.db);
    roundId = (await buildRound(context.database.db, { name: 'Assessment 2025', status: 'closed' }))
      .id;
    coordinator = await signInAs(context.database, 'coordinator');
  });

  const { get, post, api } = requestsAs(context, () => coordinator);

  async function startPlan(title: string): Promise<string> {
    const response = await post('/plans/new', {
      title,
      startsYear: '2026',
      endsYear: '2030',
      baselineRoundIds: [roundId],
    });
    expect(response.statusCode).toBe(303);
    return (response.headers.location as string).split('/').pop() as string;
  }

  it('starts a plan from the form, resting on a round, and lists it', async () => {
    const planId = await startPlan('Digital Testland 2026–2030');
    const page = await get(`/plans/${planId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Digital Testland 2026–2030</h1>');
    expect(page.body).toContain('2026–2030');
    expect(page.body).toContain(`<a href="/rounds/${roundId}/results">Assessment 2025</a>`);
    const list = await get('/plans');
    expect(list.body).toContain(`<a href="/plans/${planId}">Digital Testland 2026–2030</a>`);
    expect(list.body).toContain('Draft');
  });

  it('refuses a bad form with every problem beside its field, saving nothing', async () => {
    const before = await context.database.db.selectFrom('plans').select('id').execute();
    const response = await post('/plans/new', {
      title: '',
      startsYear: '2030',
      endsYear: '2026',
      baselineRoundIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Title: enter a title');
    expect(response.body).toContain('Last year: must not be before the first year');
    expect(response.body).toContain('Baseline rounds: choose rounds of this workspace');
    expect(await context.database.db.selectFrom('plans').select('id').execute()).toHaveLength(
      before.length,
    );
  });

  it('tells the second of two people editing at once, shows the first one’s change, and loses nothing', async () => {
    const planId = await startPlan('Plan edited twice');
    const colleague = await signInAs(context.database, 'admin');
    // Both open the form at version 1.
    const form = await get(`/plans/${planId}/edit`);
    expect(form.body).toContain('name="version" value="1"');
    const first = await post(
      `/plans/${planId}/edit`,
      { title: 'Plan as the admin saw it', startsYear: '2026', endsYear: '2031', version: '1' },
      colleague,
    );
    expect(first.statusCode).toBe(303);
    const second = await post(`/plans/${planId}/edit`, {
      title: 'Plan as the coordinator saw it',
      startsYear: '2026',
      endsYear: '2030',
      version: '1',
    });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('Someone else changed this plan while you were editing it');
    // The other person's change is shown, and what this person typed is still in the form.
    expect(second.body).toContain('<dd>Plan as the admin saw it</dd>');
    expect(second.body).toContain('<dd>2026–2031</dd>');
    expect(second.body).toContain('value="Plan as the coordinator saw it"');
    expect(second.body).toContain('name="version" value="2"');
    const stored = await api('GET', `/api/plans/${planId}`);
    expect(stored.json()).toMatchObject({
      title: 'Plan as the admin saw it',
      endsYear: 2031,
      version: 2,
    });
    // Saving again from the form as shown now works.
    const again = await post(`/plans/${planId}/edit`, {
      title: 'Plan as the coordinator saw it',
      startsYear: '2026',
      endsYear: '2030',
      version: '2',
    });
    expect(again.statusCode).toBe(303);
  });

  it('adopts a draft and closes it, one step at a time, audited', async () => {
    const planId = await startPlan('Plan to adopt');
    const skipped = await post(`/plans/${planId}/status`, { status: 'closed', version: '1' });
    expect(skipped.statusCode).toBe(400);
    expect(skipped.body).toContain(
      'a plan goes from draft to adopted to closed, one step at a time',
    );
    expect(
      (await post(`/plans/${planId}/status`, { status: 'adopted', version: '1' })).statusCode,
    ).toBe(303);
    const stale = await post(`/plans/${planId}/status`, { status: 'closed', version: '1' });
    expect(stale.statusCode).toBe(409);
    expect(
      (await post(`/plans/${planId}/status`, { status: 'closed', version: '2' })).statusCode,
    ).toBe(303);
    const audit = await context.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', planId)
      .orderBy('at')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['plan.created', 'plan.adopted', 'plan.closed']);
  });

  it('keeps a closed plan as it was closed: read and copied, never changed, by page or API', async () => {
    const planId = await startPlan('Plan of the last cycle');
    await post(`/plans/${planId}/status`, { status: 'adopted', version: '1' });
    await post(`/plans/${planId}/status`, { status: 'closed', version: '2' });
    const stakeholdersBefore = await context.database.db
      .selectFrom('stakeholders')
      .select('id')
      .where('plan_id', '=', planId)
      .execute();

    const edited = await post(`/plans/${planId}/edit`, {
      title: 'Rewritten afterwards',
      startsYear: '2026',
      endsYear: '2030',
      baselineRoundIds: [roundId],
      version: '3',
    });
    expect(edited.statusCode).toBe(409);
    expect(edited.body).toContain('This plan is closed');
    const renamed = await api('PUT', `/api/plans/${planId}`, {
      title: 'Rewritten afterwards',
      startsYear: 2026,
      endsYear: 2030,
      baselineRoundIds: [roundId],
      version: 3,
    });
    expect(renamed.statusCode).toBe(409);
    expect(renamed.json().error.code).toBe('plan_closed');
    // What the plan holds is closed with it.
    const stakeholder = await api('POST', `/api/plans/${planId}/stakeholders`, {
      name: 'Ministry of Finance',
      group: 'government_agencies',
      interest: 4,
      influence: 5,
      engagement: 'consult',
    });
    expect(stakeholder.statusCode).toBe(409);
    expect(
      await context.database.db
        .selectFrom('stakeholders')
        .select('id')
        .where('plan_id', '=', planId)
        .execute(),
    ).toHaveLength(stakeholdersBefore.length);

    const page = await get(`/plans/${planId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Plan of the last cycle</h1>');
    expect(page.body).toContain('A closed plan can be read, and copied into a new plan');
    const copied = await post(`/plans/${planId}/copy`, {});
    expect(copied.statusCode).toBe(303);
    const copyId = (copied.headers.location as string).split('/')[2] as string;
    const copy = (await api('GET', `/api/plans/${copyId}`)).json();
    expect(copy).toMatchObject({ title: 'Copy of Plan of the last cycle', status: 'draft' });
  });

  it('creates and changes plans through the API, answering 409 with the plan as it stands', async () => {
    const created = await api('POST', '/api/plans', {
      title: 'API plan',
      startsYear: 2027,
      endsYear: 2029,
      baselineRoundIds: [roundId],
    });
    expect(created.statusCode).toBe(201);
    const plan = created.json();
    expect(plan).toMatchObject({ status: 'draft', version: 1, baselineRounds: [{ id: roundId }] });
    const changed = await api('PUT', `/api/plans/${plan.id}`, {
      ...plan,
      title: 'API plan, renamed',
      version: 1,
    });
    expect(changed.statusCode).toBe(200);
    const late = await api('PUT', `/api/plans/${plan.id}`, {
      title: 'Too late',
      startsYear: 2027,
      endsYear: 2029,
      version: 1,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      error: { code: 'conflict', fields: [{ path: 'version', message: 'is 2 now' }] },
      current: { title: 'API plan, renamed', version: 2 },
    });
    const refused = await api('POST', '/api/plans', {
      title: '',
      startsYear: 2029,
      endsYear: 2027,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([
      { path: 'body.title', message: 'enter a title' },
      { path: 'body.endsYear', message: 'must not be before the first year' },
    ]);
  });

  it('lets a viewer read plans but not change them, and hides another workspace’s', async () => {
    const planId = await startPlan('Plan to read');
    const viewer = await signInAs(context.database, 'viewer');
    expect((await get(`/plans/${planId}`, viewer)).statusCode).toBe(200);
    expect((await get(`/plans/${planId}`, viewer)).body).not.toContain('Edit the plan');
    expect(
      (await post(`/plans/${planId}/status`, { status: 'adopted', version: '1' }, viewer))
        .statusCode,
    ).toBe(403);
    expect((await get('/plans/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('starts a new plan from a copy of another, over the same period and baseline, to rename', async () => {
    const planId = await startPlan('Plan to copy');
    const copied = await post(`/plans/${planId}/copy`, {});
    expect(copied.statusCode).toBe(303);
    const copyId = (copied.headers.location as string).split('/')[2] as string;
    expect(copied.headers.location).toBe(`/plans/${copyId}/edit`);
    const copy = (await api('GET', `/api/plans/${copyId}`)).json();
    expect(copy).toMatchObject({
      title: 'Copy of Plan to copy',
      startsYear: 2026,
      endsYear: 2030,
      status: 'draft',
      copiedFrom: planId,
      baselineRounds: [{ id: roundId }],
    });
    const throughApi = await api('POST', `/api/plans/${planId}/copy`);
    expect(throughApi.statusCode).toBe(201);
    expect(throughApi.json()).toMatchObject({ title: 'Copy of Plan to copy', copiedFrom: planId });
  });
});
