// A plan's roadmap through HTTP: an accepted recommendation turned into an
// initiative whose page shows the scores that prompted it, progress rolling
// up a programme's tree and to a goal, the roadmap at a glance and its views,
// what is refused (naming the field, saving nothing), two people editing one
// initiative at once, and deleting a programme with what is under it.
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/accounts.ts';
import { useTestApp } from '../../../test/app.ts';
import { buildAgency } from '../../../test/factories/agencies.ts';
import { buildResponse } from '../../../test/factories/responses.ts';
import { buildRound } from '../../../test/factories/rounds.ts';
import { buildWorkspace } from '../../../test/factories/workspace.ts';
import { buildFramework } from '../../../test/frameworks.ts';
import { type Member, requestsAs } from '../../../test/http.ts';
import { importFramework } from '../../assessment/frameworks/index.ts';

const item = (code: string) => ({ code, statement: { en: code }, scale: 'agreement' });
const framework = buildFramework({
  key: 'roadmap-test',
  maturityLevels: ['one', 'two', 'three', 'four'].map((key, index) => ({
    key,
    name: { en: key },
    minScore: index + 1,
  })),
  dimensions: [
    {
      code: 'SVC',
      name: { en: 'Services' },
      subdimensions: [
        {
          code: 'SVC-ON',
          name: { en: 'Online services' },
          items: [item('ON1')],
          recommendations: [
            {
              code: 'SVC-ON-R1',
              title: { en: 'Open one front door for services' },
              text: { en: 'Put every service behind one portal.' },
              horizon: 'medium',
              effort: 'high',
              levels: ['one', 'two'],
            },
          ],
        },
        { code: 'SVC-DATA', name: { en: 'Data' }, items: [item('DA1')] },
      ],
    },
  ],
});

describe('a plan’s roadmap', () => {
  const context = useTestApp();
  let coordinator: Member & { userId: string };
  let viewer: Member;
  let http: ReturnType<typeof requestsAs>;
  let roundId: string;
  let agencyId: string;

  beforeAll(async () => {
    const { db } = context.database;
    await buildWorkspace(db);
    await importFramework(db, framework, { workspaceId: null, actor: { system: 'test' } });
    const agencyIds = [
      (await buildAgency(db, { name: 'Ministry of Health', acronym: 'MOH' })).id,
      (await buildAgency(db, { name: 'Ministry of Finance', acronym: 'MOF' })).id,
    ];
    agencyId = agencyIds[0] ?? '';
    const round = await buildRound(db, {
      name: 'Assessment 2025',
      frameworkKey: 'roadmap-test',
      status: 'closed',
      agencyIds,
    });
    roundId = round.id;
    // Online services 2 (level two, aims at three: gap 1); data 4.
    for (const id of agencyIds)
      for (let respondent = 0; respondent < 3; respondent++)
        await buildResponse(db, { round, agencyId: id, answers: { ON1: 2, DA1: 4 } });
    coordinator = await signInAs(context.database, 'coordinator', { name: 'Carla Coordinator' });
    viewer = await signInAs(context.database, 'viewer');
    http = requestsAs(context, coordinator);
    const decided = await http.post(`/rounds/${roundId}/results/recommendations`, {
      code: 'SVC-ON-R1',
      status: 'accepted',
      note: '',
    });
    expect(decided.statusCode).toBe(303);
  });

  async function startPlan(title: string): Promise<string> {
    const response = await http.api('POST', '/api/plans', {
      title,
      startsYear: 2026,
      endsYear: 2030,
      baselineRoundIds: [roundId],
    });
    expect(response.statusCode).toBe(201);
    return response.json().id;
  }

  async function addInitiative(planId: string, fields: Record<string, unknown>) {
    const response = await http.api('POST', `/api/plans/${planId}/initiatives`, {
      horizon: 'short',
      ...fields,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  const initiativesOf = async (planId: string) =>
    (await http.api('GET', `/api/plans/${planId}/initiatives`)).json().initiatives as {
      id: string;
      title: string;
      progress: { value: number; source: string };
    }[];

  it('turns an accepted recommendation into an initiative that shows the scores behind it', async () => {
    const planId = await startPlan('Digital 2026–2030');
    const roadmap = await http.get(`/plans/${planId}/roadmap`);
    expect(roadmap.statusCode).toBe(200);
    expect(roadmap.body).toContain('1 decision waiting for an initiative');
    const href = `/plans/${planId}/roadmap/new?from=recommendation&amp;ref=SVC-ON-R1`;
    expect(roadmap.body).toContain(href);

    const form = await http.get(`/plans/${planId}/roadmap/new?from=recommendation&ref=SVC-ON-R1`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Open one front door for services"');
    expect(form.body).toContain(
      'Accepted recommendation: Open one front door for services (SVC-ON-R1)',
    );

    const saved = await http.post(`/plans/${planId}/roadmap/new`, {
      from: 'recommendation',
      ref: 'SVC-ON-R1',
      title: 'Open one front door for services',
      level: 'project',
      horizon: 'medium',
      status: 'approved',
      recommendationCodes: 'SVC-ON-R1',
      subdimensionCodes: 'SVC-ON',
      isPublic: ['yes', 'no'],
    });
    expect(saved.statusCode, saved.body).toBe(303);
    const page = await http.get(String(saved.headers.location));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Started from a recommendation the coordinators accepted.');
    expect(page.body).toContain('Online services (SVC-ON): score 2.00, target 3.00, gap 1.00');
    expect(page.body).toContain('Open one front door for services (SVC-ON-R1): accepted');

    const [initiative] = (await http.api('GET', `/api/plans/${planId}/initiatives`)).json()
      .initiatives;
    expect(initiative.origin).toEqual({ kind: 'recommendation', ref: 'SVC-ON-R1', roundId });
    expect(initiative.progress).toEqual({ value: 5, source: 'status' });
    // Answered: no longer waiting.
    expect((await http.get(`/plans/${planId}/roadmap`)).body).not.toContain(
      'waiting for an initiative',
    );
  });

  it('refuses to start from a recommendation nobody accepted', async () => {
    const planId = await startPlan('Digital 2027');
    const response = await http.api('POST', `/api/plans/${planId}/initiatives`, {
      title: 'Write it down',
      horizon: 'short',
      origin: { kind: 'recommendation', ref: 'SVC-DATA-R9' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].path).toBe('body.origin.ref');
    expect(await initiativesOf(planId)).toEqual([]);
  });

  it('rolls progress up the tree by weight, leaving cancelled work out, and to the goal served', async () => {
    const planId = await startPlan('Roll-up 2026–2030');
    const goal = await http.api('POST', `/api/plans/${planId}/vision/goals`, {
      title: 'Every service online',
    });
    expect(goal.statusCode).toBe(201);
    const goalId = goal.json().id;
    const programme = await addInitiative(planId, { title: 'G2C services', level: 'programme' });
    const portal = await addInitiative(planId, {
      title: 'Portal',
      parentId: programme.id,
      weight: 3,
      status: 'completed',
      goalIds: [goalId],
    });
    await addInitiative(planId, {
      title: 'Payments',
      parentId: programme.id,
      status: 'in_progress',
      progress: 20,
      goalIds: [goalId],
    });
    await addInitiative(planId, {
      title: 'Kiosks',
      parentId: programme.id,
      status: 'cancelled',
      weight: 50,
    });
    const byTitle = Object.fromEntries(
      (await initiativesOf(planId)).map((each) => [each.title, each.progress]),
    );
    // (3 × 100 + 1 × 20) / 4: the cancelled kiosks count nowhere.
    expect(byTitle['G2C services']).toEqual({ value: 80, source: 'children' });
    expect(byTitle.Payments).toEqual({ value: 20, source: 'reported' });

    const page = await http.get(`/plans/${planId}/roadmap/${portal.id}`);
    expect(page.body).toContain('Every service online');
    expect(page.body).toContain('80%, from 2 initiatives');
    expect(page.body).toContain('G2C services');
  });

  it('shows the roadmap at a glance: projects by status, progress and what is overdue', async () => {
    const planId = await startPlan('Glance 2026–2030');
    await addInitiative(planId, { title: 'Done', status: 'completed', leadAgencyId: agencyId });
    await addInitiative(planId, {
      title: 'Late',
      status: 'in_progress',
      startsOn: '2020-01-01',
      endsOn: '2020-12-31',
    });
    await addInitiative(planId, { title: 'Waiting', status: 'proposed', horizon: 'long' });
    const page = await http.get(`/plans/${planId}/roadmap`);
    expect(page.body).toContain('3 projects');
    expect(page.body).toContain('1 completed · 1 under way · 1 not started');
    expect(page.body).toContain('1 overdue');

    const byHorizon = await http.get(`/plans/${planId}/roadmap?by=horizon`);
    expect(byHorizon.body).toContain('<h3>Short term</h3>');
    expect(byHorizon.body).toContain('<h3>Long term</h3>');
    const byAgency = await http.get(`/plans/${planId}/roadmap?by=agency`);
    expect(byAgency.body).toContain('<h3>Ministry of Health</h3>');
    expect(byAgency.body).toContain('<h3>No lead agency yet</h3>');
    expect((await http.get(`/plans/${planId}/roadmap?by=colour`)).statusCode).toBe(400);
  });

  it('refuses bad input naming the field, and saves nothing', async () => {
    const planId = await startPlan('Refusals 2026');
    const programme = await addInitiative(planId, { title: 'Programme', level: 'programme' });
    const project = await addInitiative(planId, { title: 'Project', parentId: programme.id });
    const later = await addInitiative(planId, { title: 'Later', dependsOnIds: [project.id] });
    const stranger = await signInAs(context.database, 'viewer');
    await context.database.db
      .deleteFrom('memberships')
      .where('user_id', '=', stranger.userId)
      .execute();
    const cases: [Record<string, unknown>, string][] = [
      [{ startsOn: '2027-05-01', endsOn: '2027-04-30' }, 'body.endsOn'],
      [{ weight: 0 }, 'body.weight'],
      [{ weight: -1 }, 'body.weight'],
      [{ progress: 101 }, 'body.progress'],
      [{ progress: -5 }, 'body.progress'],
      [{ status: 'stalled' }, 'body.status'],
      [{ ownerId: stranger.userId }, 'body.ownerId'],
      [{ parentId: project.id }, 'body.parentId'],
    ];
    for (const [fields, path] of cases) {
      const response = await http.api('POST', `/api/plans/${planId}/initiatives`, {
        title: 'Refused',
        horizon: 'short',
        ...fields,
      });
      expect(response.statusCode, JSON.stringify(fields)).toBe(400);
      expect(response.json().error.fields.map((field: { path: string }) => field.path)).toEqual([
        path,
      ]);
    }
    // A cycle in the tree: the programme under its own project.
    const underItself = await http.api('PUT', `/api/plans/${planId}/initiatives/${programme.id}`, {
      title: 'Programme',
      horizon: 'short',
      level: 'programme',
      parentId: project.id,
      version: programme.version,
    });
    expect(underItself.statusCode).toBe(400);
    expect(underItself.json().error.fields[0].path).toBe('body.parentId');
    // A cycle in the dependencies: the project waiting for what waits for it.
    const waitingForItself = await http.api(
      'PUT',
      `/api/plans/${planId}/initiatives/${project.id}`,
      {
        title: 'Project',
        horizon: 'short',
        parentId: programme.id,
        dependsOnIds: [later.id],
        version: project.version,
      },
    );
    expect(waitingForItself.statusCode).toBe(400);
    expect(waitingForItself.json().error.fields[0].message).toContain('circle');
    expect((await initiativesOf(planId)).map((each) => each.title).sort()).toEqual([
      'Later',
      'Programme',
      'Project',
    ]);
  });

  it('shows each problem beside its field on the page, keeping what was typed', async () => {
    const planId = await startPlan('Form 2026');
    const response = await http.post(`/plans/${planId}/roadmap/new`, {
      title: 'Shared data platform',
      horizon: 'medium',
      startsOn: '2027-06-01',
      endsOn: '2027-01-01',
      weight: '0',
      budgetAmount: '250000',
      isPublic: 'no',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('End date: must not be before the start date');
    expect(response.body).toContain('Weight: enter a number above 0');
    expect(response.body).toContain('Currency: enter the currency of the budget');
    expect(response.body).toContain('value="Shared data platform"');
    expect(response.body).toContain('value="250000"');
    expect(response.body).not.toContain('id="isPublic" name="isPublic" value="yes" checked');
    expect(await initiativesOf(planId)).toEqual([]);
  });

  it('keeps a late edit from overwriting another, on the page and in the API', async () => {
    const planId = await startPlan('Conflicts 2026');
    const initiative = await addInitiative(planId, { title: 'Digital identity' });
    const edit = (title: string) =>
      http.post(`/plans/${planId}/roadmap/${initiative.id}/edit`, {
        title,
        horizon: 'short',
        status: 'proposed',
        version: String(initiative.version),
      });
    expect((await edit('Digital identity for everyone')).statusCode).toBe(303);
    const late = await edit('Digital ID');
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('Someone else changed this initiative');
    expect(late.body).toContain('Digital identity for everyone');
    expect(late.body).toContain('value="Digital ID"');
    const api = await http.api('PUT', `/api/plans/${planId}/initiatives/${initiative.id}`, {
      title: 'Digital ID',
      horizon: 'short',
      version: initiative.version,
    });
    expect(api.statusCode).toBe(409);
    expect(api.json().current.title).toBe('Digital identity for everyone');
  });

  it('deletes a programme with everything under it, and lets a viewer only read', async () => {
    const planId = await startPlan('Deletion 2026');
    const programme = await addInitiative(planId, { title: 'Programme', level: 'programme' });
    await addInitiative(planId, { title: 'Project', parentId: programme.id });
    const asViewer = await http.get(`/plans/${planId}/roadmap/${programme.id}`, viewer);
    expect(asViewer.statusCode).toBe(200);
    expect(asViewer.body).not.toContain('Edit the initiative');
    expect((await http.get(`/plans/${planId}/roadmap/new`, viewer)).statusCode).toBe(403);
    const page = await http.get(`/plans/${planId}/roadmap/${programme.id}`);
    expect(page.body).toContain('Delete the initiative and the initiative under it');
    const deleted = await http.post(`/plans/${planId}/roadmap/${programme.id}/delete`, {
      version: String(programme.version),
    });
    expect(deleted.statusCode).toBe(303);
    expect(await initiativesOf(planId)).toEqual([]);
    const audit = await context.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', programme.id)
      .orderBy('id')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual([
      'initiative.created',
      'initiative.deleted',
    ]);
  });
});
