// Prioritisation through HTTP: members scoring an initiative on the page and
// through the API, the priorities page with its matrix, means and spread, the
// workspace's criteria and statuses rewritten whole or not at all, and what
// is refused.
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../test/accounts.ts';
import { useTestApp } from '../../../../test/app.ts';
import { buildWorkspace } from '../../../../test/factories/workspace.ts';
import { saveInitiative } from '../initiative-changes.ts';
import { loadPriority } from './priority-lookup.ts';

type Member = { cookie: string; csrfToken: string; userId: string };

describe('prioritisation', () => {
  const context = useTestApp();
  let coordinator: Member;
  let facilitator: Member;
  let viewer: Member;

  beforeAll(async () => {
    await buildWorkspace(context.database.db);
    coordinator = await signInAs(context.database, 'coordinator', { name: 'Carla Coordinator' });
    facilitator = await signInAs(context.database, 'facilitator', { name: 'Fede Facilitator' });
    viewer = await signInAs(context.database, 'viewer');
  });

  const post = (url: string, payload: Record<string, string>, as: Member = coordinator) =>
    context.app.inject({
      method: 'POST',
      url,
      headers: { cookie: as.cookie },
      payload: { _csrf: as.csrfToken, ...payload },
    });
  const get = (url: string, as: Member = coordinator) =>
    context.app.inject({ method: 'GET', url, headers: { cookie: as.cookie } });
  const api = (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: Record<string, unknown>,
    as: Member = coordinator,
  ) =>
    context.app.inject({
      method,
      url,
      headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken },
      ...(payload ? { payload } : {}),
    });

  async function startPlan(title: string): Promise<string> {
    const response = await api('POST', '/api/plans', { title, startsYear: 2026, endsYear: 2030 });
    expect(response.statusCode).toBe(201);
    return response.json().id;
  }

  async function addInitiative(planId: string, title: string, status = 'proposed') {
    const outcome = await saveInitiative(
      context.database.db,
      planId,
      { title, level: 'project', horizon: 'short', status, weight: 1 },
      { workspaceId: 'test', actor: { system: 'test' } },
    );
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    return outcome.id;
  }

  const allValue = (score: string) => ({
    'score.public_value': score,
    'score.left_behind': score,
    'score.trust': score,
    'score.learning': score,
    'score.culture': score,
  });
  const allFeasibility = (score: string) => ({
    'score.cost': score,
    'score.capacity': score,
    'score.readiness': score,
    'score.timeframe': score,
  });

  it('shows the mean and spread of two members’ scores, each keeping their own sheet', async () => {
    const planId = await startPlan('Scored plan');
    const id = await addInitiative(planId, 'Digital identity');
    const other = await addInitiative(planId, 'Open data portal');
    const form = await get(`/plans/${planId}/roadmap/${id}/score`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Impact on people left behind');
    const saved = await post(`/plans/${planId}/roadmap/${id}/score`, {
      ...allValue('4'),
      ...allFeasibility('2'),
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/plans/${planId}/roadmap/${id}`);
    const second = await api(
      'PUT',
      `/api/plans/${planId}/initiatives/${id}/scores`,
      { scores: { public_value: 2, cost: 4, capacity: 4, readiness: null } },
      facilitator,
    );
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({
      scores: { public_value: 2, cost: 4, capacity: 4 },
      aggregate: {
        value: { mean: 3, min: 2, max: 4, deviation: 1, scorers: 2 },
        feasibility: { mean: 3, min: 2, max: 4, deviation: 1, scorers: 2 },
        quadrant: 'do_first',
        scorers: 2,
      },
    });
    // The coordinator's sheet is untouched by the facilitator's, and comes back filled in.
    const again = await get(`/plans/${planId}/roadmap/${id}/score`);
    expect(again.body).toMatch(/name="score\.culture" value="4" checked/);
    expect(again.body).not.toMatch(/name="score\.public_value" value="2" checked/);
    const mine = await api('GET', `/api/plans/${planId}/initiatives/${id}/scores`);
    expect(mine.json().scores).toEqual({
      public_value: 4,
      left_behind: 4,
      trust: 4,
      learning: 4,
      culture: 4,
      cost: 2,
      capacity: 2,
      readiness: 2,
      timeframe: 2,
    });

    const page = await get(`/plans/${planId}/roadmap/priorities`, viewer);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<svg');
    expect(page.body).toContain('Initiatives by value and feasibility');
    expect(page.body).toContain(
      `<td>1</td><th scope="row"><a href="${id}">Digital identity</a></th><td>3.0</td><td>2.0–4.0, SD 1.0</td><td>3.0</td><td>2.0–4.0, SD 1.0</td><td>Do first</td><td>2</td>`,
    );
    // Not scored: listed last, without a link to score for a viewer.
    expect(page.body).toContain('Not scored yet');
    expect(page.body).toContain(`<a href="${other}">Open data portal</a>`);
    expect(page.body).not.toContain('Score “Open data portal”');
    const editorPage = await get(`/plans/${planId}/roadmap/priorities?lang=es`);
    expect(editorPage.body).toContain(
      `href="${other}/score?from=priorities">Puntuar «Open data portal»</a>`,
    );
    expect(editorPage.body).toContain('<td>3,0</td>');

    const ranking = (await api('GET', `/api/plans/${planId}/roadmap/priorities`)).json();
    expect(ranking.initiatives).toMatchObject([
      { id, rank: 1, quadrant: 'do_first', scorers: 2 },
      { id: other, rank: null, value: null, quadrant: null, scorers: 0 },
    ]);
    const { priority } = await loadPriority(context.database.db, 'test', id);
    expect(priority.byCriterion.find((entry) => entry.key === 'public_value')).toEqual({
      key: 'public_value',
      mean: 3,
      scorers: 2,
    });
    const audit = await context.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('entity_id', '=', id)
      .where('action', '=', 'initiative.scored')
      .orderBy('at')
      .execute();
    expect(audit.map((row) => row.actor_user_id)).toEqual([coordinator.userId, facilitator.userId]);
  });

  it('refuses bad scores beside their criterion and saves nothing', async () => {
    const planId = await startPlan('Refused scores');
    const id = await addInitiative(planId, 'Interoperability layer');
    const page = await post(`/plans/${planId}/roadmap/${id}/score`, {
      'score.public_value': '9',
      'score.cost': '3',
    });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Public value: choose a score from 1 to 5');
    expect(page.body).toMatch(/name="score\.cost" value="3" checked/);
    const refused = await api('PUT', `/api/plans/${planId}/initiatives/${id}/scores`, {
      scores: { cost: 3, trust: 0, elegance: 5 },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([
      { path: 'body.scores.trust', message: 'choose a score from 1 to 5' },
      { path: 'body.scores.elegance', message: 'is not one of the workspace’s criteria' },
    ]);
    const stored = await api('GET', `/api/plans/${planId}/initiatives/${id}/scores`);
    expect(stored.json()).toMatchObject({ scores: {}, aggregate: { scorers: 0 } });
    // Opened from the priorities page, the form goes back there once the scores are right.
    const form = await get(`/plans/${planId}/roadmap/${id}/score?from=priorities`);
    expect(form.body).toContain('name="from" value="priorities"');
    const fixed = await post(`/plans/${planId}/roadmap/${id}/score`, {
      'score.public_value': '3',
      from: 'priorities',
    });
    expect(fixed.headers.location).toBe(`/plans/${planId}/roadmap/priorities`);
  });

  it('lets a viewer read the priorities but not score, and hides another plan’s initiative', async () => {
    const planId = await startPlan('Viewed plan');
    const otherPlanId = await startPlan('Other plan');
    const id = await addInitiative(planId, 'Cloud first');
    expect((await get(`/plans/${planId}/roadmap/${id}/score`, viewer)).statusCode).toBe(403);
    expect(
      (await post(`/plans/${planId}/roadmap/${id}/score`, allValue('5'), viewer)).statusCode,
    ).toBe(403);
    expect(
      (
        await api(
          'PUT',
          `/api/plans/${planId}/initiatives/${id}/scores`,
          { scores: { cost: 5 } },
          viewer,
        )
      ).statusCode,
    ).toBe(403);
    expect((await get(`/plans/${otherPlanId}/roadmap/${id}/score`)).statusCode).toBe(404);
    const page = await get(`/plans/${planId}/roadmap/priorities`, viewer);
    expect(page.body).not.toContain('Change the criteria');
  });

  it('rewrites the criteria whole or not at all, and drops the scores of a criterion removed', async () => {
    const planId = await startPlan('Criteria plan');
    const id = await addInitiative(planId, 'Digital skills');
    await api('PUT', `/api/plans/${planId}/initiatives/${id}/scores`, {
      scores: { culture: 5, public_value: 3, cost: 3 },
    });
    const form = await get('/roadmap-settings/criteria');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Criterion 1: Public value');
    const revision = /name="revision" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    // The defaults as the form shows them, with two empty entries at the end.
    const { criteria } = (await api('GET', '/api/roadmap-settings/criteria')).json();
    const rows: Record<string, string> = { revision };
    criteria.forEach((criterion: { key: string; axis: string; weight: number }, index: number) => {
      rows[`key.${index}`] = criterion.key;
      rows[`label.${index}`] = '';
      rows[`axis.${index}`] = criterion.axis;
      rows[`weight.${index}`] = String(criterion.weight);
      rows[`position.${index}`] = String(index + 1);
    });
    const refused = await post('/roadmap-settings/criteria', {
      ...rows,
      'weight.1': '0',
      'label.9': 'Environmental footprint',
      'axis.9': '',
      'weight.9': '1',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('2. Weight: enter a number above 0 and at most 1000');
    expect(refused.body).toContain('10. Axis: choose value or feasibility');
    expect(refused.body).toContain('value="Environmental footprint"');
    const stored = await context.database.db.selectFrom('priority_criteria').selectAll().execute();
    expect(stored).toEqual([]);

    const saved = await post('/roadmap-settings/criteria', {
      ...rows,
      'label.0': 'Value to citizens',
      'remove.4': '1',
      'label.9': 'Environmental footprint',
      'axis.9': 'value',
      'weight.9': '1',
    });
    expect(saved.statusCode).toBe(303);
    expect((await get(saved.headers.location as string)).body).toContain('Saved.');
    const after = (await api('GET', '/api/roadmap-settings/criteria')).json().criteria;
    expect(after.map((criterion: { key: string; name: string }) => criterion.key)).toEqual([
      'public_value',
      'left_behind',
      'trust',
      'learning',
      'cost',
      'capacity',
      'readiness',
      'timeframe',
      'environmental_footprint',
    ]);
    expect(after[0]).toMatchObject({ label: 'Value to citizens', name: 'Value to citizens' });
    expect(after[1]).toMatchObject({ label: null, name: 'Impact on people left behind' });
    // The culture score went with its criterion.
    const scores = (await api('GET', `/api/plans/${planId}/initiatives/${id}/scores`)).json();
    expect(scores.scores).toEqual({ public_value: 3, cost: 3 });

    // A form opened before that save is told, and shows the list as it now stands.
    const late = await post('/roadmap-settings/criteria', { ...rows });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('Someone else changed this list while you were editing it');
    expect(late.body).toContain('Environmental footprint');

    const noFeasibility = await api('PUT', '/api/roadmap-settings/criteria', {
      criteria: [{ key: 'public_value', axis: 'value', weight: 1 }],
    });
    expect(noFeasibility.statusCode).toBe(400);
    expect(noFeasibility.json().error.fields).toEqual([
      { path: 'body.criteria', message: 'keep at least one feasibility criterion' },
    ]);
    const audit = await context.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'roadmap.criteria_changed')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('keeps a status in use, naming how many initiatives use it, and saves a renamed list', async () => {
    const planId = await startPlan('Status plan');
    await addInitiative(planId, 'Payments platform', 'in_progress');
    await addInitiative(planId, 'Base registers', 'in_progress');
    const form = await get('/roadmap-settings/statuses');
    expect(form.body).toContain('Used by 2 initiatives');
    const revision = /name="revision" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const rows: Record<string, string> = { revision };
    const { statuses } = (await api('GET', '/api/roadmap-settings/statuses')).json();
    expect(statuses[2]).toMatchObject({ key: 'in_progress', name: 'In progress', initiatives: 2 });
    statuses.forEach(
      (status: { key: string; kind: string; defaultProgress: number }, index: number) => {
        rows[`key.${index}`] = status.key;
        rows[`kind.${index}`] = status.kind;
        rows[`defaultProgress.${index}`] = String(status.defaultProgress);
        rows[`position.${index}`] = String(index + 1);
      },
    );
    const refused = await post('/roadmap-settings/statuses', {
      ...rows,
      'remove.2': '1',
      'defaultProgress.3': '120',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(
      '3. Remove this status: 2 initiatives are at this status: move them to another status before removing it',
    );
    expect(refused.body).toContain('4. Default progress (%): enter a whole number from 0 to 100');
    expect(
      await context.database.db.selectFrom('initiative_statuses').selectAll().execute(),
    ).toEqual([]);
    const leftOut = await api('PUT', '/api/roadmap-settings/statuses', {
      statuses: [{ key: 'proposed', kind: 'proposed', defaultProgress: 0 }],
    });
    expect(leftOut.statusCode).toBe(400);
    expect(leftOut.json().error.fields).toEqual([
      {
        path: 'body.statuses',
        message:
          '“In progress” is the status of 2 initiatives: keep it in the list, or move them to another status first',
      },
    ]);

    const saved = await post('/roadmap-settings/statuses', {
      ...rows,
      'remove.1': '1',
      'label.2': 'Under way',
      'defaultProgress.2': '30',
      'label.5': 'On hold',
      'kind.5': 'active',
      'defaultProgress.5': '10',
    });
    expect(saved.statusCode).toBe(303);
    const after = (await api('GET', '/api/roadmap-settings/statuses')).json().statuses;
    expect(
      after.map((status: { key: string; name: string; defaultProgress: number }) => [
        status.key,
        status.name,
        status.defaultProgress,
      ]),
    ).toEqual([
      ['proposed', 'Proposed', 0],
      ['in_progress', 'Under way', 30],
      ['completed', 'Completed', 100],
      ['cancelled', 'Cancelled', 0],
      ['on_hold', 'On hold', 10],
    ]);
    // An initiative may now be put on hold; the removed status is refused.
    expect((await addInitiative(planId, 'Paused pilot', 'on_hold')).length).toBeGreaterThan(0);
    await expect(addInitiative(planId, 'Approved pilot', 'approved')).rejects.toThrow(/status/);
  });

  it('keeps the settings pages and their API to admins and coordinators', async () => {
    expect((await get('/roadmap-settings/criteria', facilitator)).statusCode).toBe(403);
    expect(
      (
        await api(
          'PUT',
          '/api/roadmap-settings/statuses',
          { statuses: [{ key: 'proposed', kind: 'proposed', defaultProgress: 0 }] },
          facilitator,
        )
      ).statusCode,
    ).toBe(403);
    expect((await api('GET', '/api/roadmap-settings/criteria', undefined, viewer)).statusCode).toBe(
      200,
    );
  });
});
