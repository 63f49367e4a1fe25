// An initiative's action plan through HTTP: adding to each list from its form
// and the API, what is refused (naming the field, nothing saved), two people
// editing one step at once, a step marked done in one click moving the
// initiative's progress, the timeline setting the reported progress, and the
// sections the initiative's page shows.
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../test/accounts.ts';
import { useTestApp } from '../../../../test/app.ts';
import { buildInitiative } from '../../../../test/factories/initiatives.ts';
import { buildWorkspace } from '../../../../test/factories/workspace.ts';
import { requestsAs } from '../../../../test/http.ts';
import { messagesFor } from '../../../platform/i18n/messages.ts';
import { findPlan } from '../../plans/index.ts';
import { findInitiative } from '../initiative-store.ts';
import { openRoadmap } from '../open-roadmap.ts';
import { loadActionPlan } from './action-plan-lookup.ts';
import { ActionPlanSections } from './action-plan-views.tsx';

describe('action plan', () => {
  const context = useTestApp();
  let coordinator: { cookie: string; csrfToken: string; userId: string };

  beforeAll(async () => {
    await buildWorkspace(context.database.db);
    coordinator = await signInAs(context.database, 'coordinator', { name: 'Carla Coordinator' });
  });

  // Requests as the coordinator, once signed in.
  const http = () => requestsAs(context, coordinator);
  const post: ReturnType<typeof requestsAs>['post'] = (...args) => http().post(...args);
  const get: ReturnType<typeof requestsAs>['get'] = (...args) => http().get(...args);
  const api: ReturnType<typeof requestsAs>['api'] = (...args) => http().api(...args);

  /** A plan with one initiative; the paths of its page and its API. */
  async function startInitiative(title = 'Digital identity for every resident') {
    const response = await api('POST', '/api/plans', {
      title: `Plan for ${title}`,
      startsYear: 2026,
      endsYear: 2030,
    });
    expect(response.statusCode).toBe(201);
    const planId: string = response.json().id;
    const initiativeId = await buildInitiative(context.database.db, planId, { title });
    return {
      planId,
      initiativeId,
      page: `/plans/${planId}/roadmap/${initiativeId}`,
      api: `/api/plans/${planId}/initiatives/${initiativeId}`,
    };
  }

  async function progressOf(planId: string, initiativeId: string) {
    const plan = await findPlan(context.database.db, 'test', planId);
    if (!plan) throw new Error('no plan');
    const roadmap = await openRoadmap(context.database.db, 'test', plan);
    return roadmap.progress.get(initiativeId);
  }

  it('adds a step from its form, under the plan heading and the initiative’s title, audited with that title', async () => {
    const { page, api: base, initiativeId } = await startInitiative();
    const form = await get(`${page}/steps/new`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('New step');
    expect(form.body).toContain('Digital identity for every resident');
    const saved = await post(`${page}/steps/new`, {
      what: 'Draft the identity law',
      responsible: 'Ministry of Justice',
      dueOn: '2026-09-30',
      status: 'not_started',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${page}#steps`);
    const listed = (await api('GET', `${base}/steps`)).json().steps;
    expect(listed).toMatchObject([
      {
        what: 'Draft the identity law',
        responsible: 'Ministry of Justice',
        supporting: '',
        dueOn: '2026-09-30',
        status: 'not_started',
        version: 1,
      },
    ]);
    const audit = await context.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('entity_id', '=', initiativeId)
      .where('action', '=', 'initiative.step_added')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({
      title: 'Digital identity for every resident',
      name: 'Draft the identity law',
    });
  });

  it('adds a milestone, a resource, a KPI and a communication through the API', async () => {
    const { api: base } = await startInitiative();
    const added = await Promise.all([
      api('POST', `${base}/milestones`, { title: 'Law adopted', dueOn: '2027-03-31' }),
      api('POST', `${base}/resources`, {
        kind: 'financial',
        description: 'Card printers',
        amount: 120000,
        unit: 'USD',
      }),
      api('POST', `${base}/kpis`, {
        name: 'Residents with a digital identity',
        unit: '%',
        baseline: 8,
        target: 75,
        targetOn: '2030-12-31',
      }),
      api('POST', `${base}/communications`, {
        audience: 'Residents',
        message: 'How to get your digital identity',
        channel: 'Radio',
        frequency: 'Monthly',
      }),
    ]);
    expect(added.map((response) => response.statusCode)).toEqual([201, 201, 201, 201]);
    expect(added[1]?.json()).toMatchObject({ amount: 120000, unit: 'USD', version: 1 });
    expect((await api('GET', `${base}/kpis`)).json().kpis).toMatchObject([
      { name: 'Residents with a digital identity', baseline: 8, target: 75 },
    ]);
  });

  it('refuses bad input with every problem beside its field, keeping what was typed, saving nothing', async () => {
    const { page, api: base } = await startInitiative();
    const refused = await post(`${page}/resources/new`, {
      kind: 'financial',
      description: 'Cloud hosting',
      amount: '-5',
      unit: 'USD',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Amount: enter an amount of 0 or more, for example 250000');
    expect(refused.body).toContain('value="Cloud hosting"');
    const future = await post(`${page}/milestones/new`, {
      title: 'Law adopted',
      dueOn: '2026-02-30',
      reachedOn: '2999-01-01',
    });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('Due date: enter a date as YYYY-MM-DD');
    expect(future.body).toContain('Reached on: must not be after today');
    const spanish = await post(`${page}/steps/new?lang=es`, { what: '' });
    expect(spanish.body).toContain('Paso: complete este campo');
    const api400 = await api('POST', `${base}/kpis`, { name: '', baseline: 3, targetOn: 'soon' });
    expect(api400.statusCode).toBe(400);
    expect(api400.json().error.fields).toEqual([
      { path: 'body.name', message: 'enter this' },
      { path: 'body.targetOn', message: 'enter a date as YYYY-MM-DD, for example 2027-03-31' },
    ]);
    const timeline = await api('POST', `${base}/updates`, {
      happenedOn: '2026-01-10',
      text: 'Pilot',
      progress: 140,
    });
    expect(timeline.json().error.fields).toEqual([
      { path: 'body.progress', message: 'enter a whole number from 0 to 100' },
    ]);
    for (const part of ['resources', 'milestones', 'steps', 'kpis', 'updates'])
      expect(Object.values((await api('GET', `${base}/${part}`)).json())).toEqual([[]]);
  });

  it('tells the second of two people editing one step at once, shows the first one’s change, and loses nothing', async () => {
    const { page, api: base } = await startInitiative();
    const step = (await api('POST', `${base}/steps`, { what: 'Procure card printers' })).json();
    const facilitator = await signInAs(context.database, 'facilitator');
    const form = await get(`${page}/steps/${step.id}/edit`);
    expect(form.body).toContain('name="version" value="1"');
    const first = await post(
      `${page}/steps/${step.id}/edit`,
      { what: 'Procure card printers', responsible: 'Procurement office', version: '1' },
      facilitator,
    );
    expect(first.statusCode).toBe(303);
    const second = await post(`${page}/steps/${step.id}/edit`, {
      what: 'Procure card printers',
      responsible: 'Identity agency',
      version: '1',
    });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('Someone else changed this while you were editing it');
    expect(second.body).toContain('<dd>Procurement office</dd>');
    expect(second.body).toContain('value="Identity agency"');
    expect(second.body).toContain('name="version" value="2"');
    const late = await api('PUT', `${base}/steps/${step.id}`, { what: 'Buy printers', version: 1 });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      error: { code: 'conflict', fields: [{ path: 'version', message: 'is 2 now' }] },
      current: { responsible: 'Procurement office', version: 2 },
    });
    expect((await post(`${page}/steps/${step.id}/delete`, { version: '1' })).statusCode).toBe(409);
    expect((await api('DELETE', `${base}/steps/${step.id}?version=2`)).statusCode).toBe(204);
    expect((await api('GET', `${base}/steps`)).json().steps).toEqual([]);
    expect((await get(`${page}/steps/${step.id}/edit`)).statusCode).toBe(404);
  });

  it('marks a step done in one click, and the initiative’s progress rolls up from its steps', async () => {
    const { planId, initiativeId, page, api: base } = await startInitiative();
    const first = (await api('POST', `${base}/steps`, { what: 'Draft the law' })).json();
    await api('POST', `${base}/steps`, { what: 'Adopt the law' });
    expect(await progressOf(planId, initiativeId)).toEqual({ value: 0, source: 'steps' });
    const done = await post(`${page}/steps/${first.id}/status`, { status: 'done', version: '1' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`${page}#steps`);
    expect(await progressOf(planId, initiativeId)).toEqual({ value: 50, source: 'steps' });
    // The same click again comes too late: the step has moved on since.
    const again = await post(`${page}/steps/${first.id}/status`, { status: 'done', version: '1' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('<dd>Done</dd>');
    const action = await context.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('entity_id', '=', initiativeId)
      .where('action', '=', 'initiative.step_status_changed')
      .executeTakeFirstOrThrow();
    expect(action.details).toMatchObject({ name: 'Draft the law', status: 'done' });
  });

  it('records the timeline newest first; the latest entry’s progress becomes the initiative’s', async () => {
    const { planId, initiativeId, page, api: base } = await startInitiative();
    const before = await findInitiative(context.database.db, planId, initiativeId);
    const form = await get(`${page}/updates/new`);
    expect(form.statusCode).toBe(200);
    const added = await post(`${page}/updates/new`, {
      happenedOn: '2026-03-01',
      text: 'Pilot in two districts',
      progress: '30',
    });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(`${page}#timeline`);
    const after = await findInitiative(context.database.db, planId, initiativeId);
    expect(after?.progress).toBe(30);
    expect(after?.version).toBe((before?.version ?? 0) + 1);
    expect(await progressOf(planId, initiativeId)).toEqual({ value: 30, source: 'reported' });
    // An entry about the past records it, but does not undo what was reported since.
    const earlier = await api('POST', `${base}/updates`, {
      happenedOn: '2026-01-15',
      text: 'Design approved',
      progress: 10,
    });
    expect(earlier.json()).toMatchObject({ progress: 10, reported: false });
    expect((await findInitiative(context.database.db, planId, initiativeId))?.progress).toBe(30);
    await api('POST', `${base}/updates`, { happenedOn: '2026-02-01', text: 'Budget agreed' });
    const listed = (await api('GET', `${base}/updates`)).json().updates;
    expect(listed.map((entry: { happenedOn: string }) => entry.happenedOn)).toEqual([
      '2026-03-01',
      '2026-02-01',
      '2026-01-15',
    ]);
    const refused = await post(`${page}/updates/new`, { happenedOn: '2999-01-01', text: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Date: must not be after today');
    expect(refused.body).toContain('What happened: enter this');
  });

  it('shows the sections of the initiative’s page: overdue work flagged, totals per unit, the timeline', async () => {
    const { planId, initiativeId, api: base } = await startInitiative();
    await api('POST', `${base}/steps`, { what: 'Draft the law', dueOn: '2026-01-31' });
    await api('POST', `${base}/steps`, {
      what: 'Train clerks',
      dueOn: '2026-01-31',
      status: 'done',
    });
    await api('POST', `${base}/milestones`, { title: 'Law adopted', dueOn: '2026-02-28' });
    await api('POST', `${base}/resources`, {
      kind: 'financial',
      description: 'Printers',
      amount: 1000,
      unit: 'USD',
    });
    await api('POST', `${base}/resources`, {
      kind: 'financial',
      description: 'Cards',
      amount: 500.5,
      unit: 'USD',
    });
    await api('POST', `${base}/resources`, {
      kind: 'people',
      description: 'Clerks',
      amount: 6,
      unit: 'person-months',
    });
    await api('POST', `${base}/updates`, { happenedOn: '2026-02-01', text: 'Drafting started' });
    const plan = await findPlan(context.database.db, 'test', planId);
    const initiative = await findInitiative(context.database.db, planId, initiativeId);
    if (!plan || !initiative) throw new Error('not found');
    const render = (mayEdit: boolean, language: 'en' | 'es' = 'en') =>
      renderToString(
        h(ActionPlanSections, {
          messages: messagesFor(language),
          plan,
          initiative,
          actionPlan: actionPlan,
          mayEdit,
          csrfToken: 'token',
          today: '2026-03-01',
        }),
      );
    const actionPlan = await loadActionPlan(context.database.db, initiativeId);
    const html = render(true);
    expect(html.match(/>Overdue</g)).toHaveLength(2); // the open step and the milestone, not the step done
    expect(html).toContain('1 of 2 steps done');
    expect(html).toContain('Mark done<span class="visually-hidden">: Draft the law</span>');
    expect(html).toContain('Total in USD</th><td>1,500.5 USD</td>');
    expect(html).toContain('Total in person-months</th><td>6 person-months</td>');
    expect(html).toContain('Each KPI becomes an indicator');
    expect(html).toContain('Drafting started');
    expect(html).toContain(`href="/plans/${planId}/roadmap/${initiativeId}/kpis/new"`);
    const reader = render(false, 'es');
    expect(reader).not.toContain('<form');
    expect(reader).toContain('Pasos de acción');
  });

  it('lets a viewer read but not change, and hides another plan’s initiative', async () => {
    const { page, api: base } = await startInitiative();
    const other = await startInitiative('Open data portal');
    const viewer = await signInAs(context.database, 'viewer');
    expect((await get(`${page}/steps/new`, viewer)).statusCode).toBe(403);
    expect((await post(`${page}/steps/new`, { what: 'x' }, viewer)).statusCode).toBe(403);
    const listed = await context.app.inject({
      method: 'GET',
      url: `${base}/steps`,
      headers: { cookie: viewer.cookie },
    });
    expect(listed.statusCode).toBe(200);
    // An initiative is reached only through its own plan.
    const crossed = `/plans/${other.planId}/roadmap/${(await startInitiative()).initiativeId}`;
    expect((await get(`${crossed}/steps/new`)).statusCode).toBe(404);
    const step = (await api('POST', `${base}/steps`, { what: 'Draft the law' })).json();
    expect(
      (await api('PUT', `${other.api}/steps/${step.id}`, { what: 'Moved', version: 1 })).statusCode,
    ).toBe(404);
  });
});
