// A plan's vision through HTTP: written with JavaScript off (statement, a CEPA
// principle and its strategies, a goal linked to SDG 16 and its targets, to a
// weak sub-dimension and an accepted recommendation, a priority), through the
// API, two people editing one goal at once, what is refused, who may edit,
// the goals' export, and copying a vision into another plan.
import ExcelJS from 'exceljs';
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
import { listSwotEntries } from '../analysis/index.ts';
import { readVision } from './vision-store.ts';

const item = (code: string) => ({ code, statement: { en: code }, scale: 'agreement' });
const visionFramework = buildFramework({
  key: 'vision-test',
  maturityLevels: ['one', 'two', 'three', 'four'].map((key, index) => ({
    key,
    name: { en: key },
    minScore: index + 1,
  })),
  dimensions: [
    {
      code: 'AAA',
      name: { en: 'Alpha' },
      subdimensions: [
        {
          code: 'AAA-X',
          name: { en: 'Xenon' },
          items: [item('X1')],
          recommendations: [
            {
              code: 'AAA-X-R1',
              title: { en: 'Write Xenon down' },
              text: { en: 'Write it down.' },
              horizon: 'short',
              effort: 'low',
              levels: ['one', 'two'],
            },
          ],
        },
        { code: 'AAA-Y', name: { en: 'Yttrium' }, items: [item('Y1')] },
      ],
    },
  ],
});

describe('a plan’s vision', () => {
  const context = useTestApp();
  let coordinator: Member;
  let roundId: string;

  beforeAll(async () => {
    const { db } = context.database;
    await buildWorkspace(db);
    await importFramework(db, visionFramework, { workspaceId: null, actor: { system: 'test' } });
    const agencyIds = [
      (await buildAgency(db, { name: 'Agency A', acronym: 'A' })).id,
      (await buildAgency(db, { name: 'Agency B', acronym: 'B' })).id,
    ];
    const round = await buildRound(db, {
      name: 'Assessment 2025',
      frameworkKey: 'vision-test',
      status: 'closed',
      agencyIds,
    });
    roundId = round.id;
    // Xenon 2 (level two, aims at three: gap 1), Yttrium 4.
    for (const agencyId of agencyIds)
      for (let respondent = 0; respondent < 3; respondent++)
        await buildResponse(db, { round, agencyId, answers: { X1: 2, Y1: 4 } });
    coordinator = await signInAs(context.database, 'coordinator');
    const decided = await post(`/rounds/${roundId}/results/recommendations`, {
      code: 'AAA-X-R1',
      status: 'accepted',
      note: '',
    });
    expect(decided.statusCode).toBe(303);
  });

  const { get, post, api } = requestsAs(context, () => coordinator);

  async function startPlan(title: string): Promise<string> {
    const response = await api('POST', '/api/plans', {
      title,
      startsYear: 2026,
      endsYear: 2030,
      baselineRoundIds: [roundId],
    });
    expect(response.statusCode).toBe(201);
    return response.json().id;
  }
  /** The id a save redirects to: the entry's page, or its anchor on the vision page. */
  const idAfter = (location: unknown) => {
    const [path = '', anchor = ''] = String(location).split('#');
    return anchor.startsWith('goal-')
      ? anchor.slice('goal-'.length)
      : (path.split('/').pop() as string);
  };

  it('is written with plain forms: statement, a CEPA principle, a goal serving SDG 16 and answering a gap, a priority', async () => {
    const planId = await startPlan('Digital Testland 2026–2030');
    const base = `/plans/${planId}/vision`;
    expect((await get(base)).body).toContain('No vision statement yet.');

    expect(
      (
        await post(`${base}/statement`, {
          statement: 'Services that work for everyone',
          version: '0',
        })
      ).statusCode,
    ).toBe(303);

    const added = await post(`${base}/principles`, { cepaKey: 'sound-policymaking' });
    expect(added.statusCode).toBe(303);
    const principleId = idAfter(added.headers.location);
    const principleForm = await get(`${base}/principles/${principleId}`);
    expect(principleForm.body).toContain('9. Strategic planning and foresight');
    expect(principleForm.body).not.toContain('1. A professional public sector workforce');
    expect(
      (
        await post(`${base}/principles/${principleId}`, {
          description: 'Decisions rest on evidence',
          strategyNumbers: ['13', '16'],
          version: '1',
        })
      ).statusCode,
    ).toBe(303);

    // Targets are offered only for the SDG goals ticked: first the goal, then its targets.
    const newGoal = await get(`${base}/goals/new`);
    expect(newGoal.body).toContain('SDG 16: Peace, justice and strong institutions');
    expect(newGoal.body).not.toContain('value="16.6"');
    expect(newGoal.body).toContain('Xenon (AAA-X): score 2.00, target 3.00, gap 1.00');
    expect(newGoal.body).toContain('Write Xenon down (AAA-X-R1): accepted');
    const created = await post(`${base}/goals/new`, {
      title: 'Trusted institutions',
      description: 'People trust what the state does online',
      sdgGoals: ['16'],
      next: 'targets',
    });
    expect(created.statusCode).toBe(303);
    const goalId = idAfter(created.headers.location);
    expect(created.headers.location).toBe(`${base}/goals/${goalId}#sdgGoals`);
    const withTargets = await get(`${base}/goals/${goalId}`);
    expect(withTargets.body).toContain('value="16.6"');
    expect(withTargets.body).not.toContain('value="9.c"');
    expect(
      (
        await post(`${base}/goals/${goalId}`, {
          title: 'Trusted institutions',
          description: 'People trust what the state does online',
          sdgGoals: ['16'],
          'sdgTargets-16': ['16.6', '16.10'],
          subdimensionCodes: 'AAA-X',
          recommendationCodes: 'AAA-X-R1',
          version: '1',
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await post(`${base}/goals/${goalId}/priorities`, {
          text: 'Publish every decision',
          term: 'short',
        })
      ).statusCode,
    ).toBe(303);

    const page = await get(base);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Services that work for everyone');
    expect(page.body).toContain('Sound policymaking');
    expect(page.body).toContain('13. Monitoring and evaluation systems');
    expect(page.body).toContain('<h3>Trusted institutions</h3>');
    expect(page.body).toContain('16.6 Effective, accountable and transparent institutions');
    expect(page.body).toContain('16.10 Public access to information');
    expect(page.body).toContain('Xenon (AAA-X): score 2.00, target 3.00, gap 1.00');
    expect(page.body).toContain('Write Xenon down (AAA-X-R1): accepted');
    expect(page.body).toContain('Short term</span> Publish every decision');
    const spanish = await context.app.inject({
      method: 'GET',
      url: `${base}?lang=es`,
      headers: { cookie: coordinator.cookie },
    });
    expect(spanish.body).toContain('Formulación de políticas racional');
    expect(spanish.body).toContain('ODS 16: Paz, justicia e instituciones sólidas');

    const audit = await context.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'vision%')
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual([
      'vision.updated',
      'vision_principle.created',
      'vision_principle.updated',
      'vision_goal.created',
      'vision_goal.updated',
      'vision_priority.created',
    ]);

    const api = (await get(`/api/plans/${planId}/vision`)).json();
    expect(api.goals[0]).toMatchObject({
      sdgGoals: [16],
      sdgTargets: ['16.6', '16.10'],
      subdimensions: [{ code: 'AAA-X', weak: { score: 2, target: 3, gap: 1 } }],
      recommendations: [{ code: 'AAA-X-R1', decision: 'accepted' }],
      priorities: [{ text: 'Publish every decision', term: 'short' }],
    });
  });

  it('refuses bad goals and principles, naming each field, and saves nothing', async () => {
    const planId = await startPlan('Plan refused');
    const base = `/plans/${planId}/vision`;
    const refused = await post(`${base}/goals/new`, {
      title: '',
      sdgGoals: ['9'],
      'sdgTargets-16': '16.6',
      subdimensionCodes: 'NOPE',
      recommendationCodes: 'NOPE-R1',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Title: must not be empty');
    expect(refused.body).toContain(
      'SDG targets: target 16.6 belongs to SDG 16, which is not ticked',
    );
    expect(refused.body).toContain(
      'Weak sub-dimensions it answers: choose sub-dimensions of the baseline round’s framework',
    );
    expect(refused.body).toContain('Recommendations it takes up: choose recommendations');
    const twice = await post(`${base}/principles`, { cepaKey: 'sound-policymaking' });
    expect(twice.statusCode).toBe(303);
    const again = await post(`${base}/principles`, { cepaKey: 'sound-policymaking' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('this principle is already in the vision');
    const strategy = await post(`${base}/principles/${idAfter(twice.headers.location)}`, {
      strategyNumbers: '1',
      version: '1',
    });
    expect(strategy.statusCode).toBe(400);
    expect(strategy.body).toContain('Strategies: choose strategies of this principle');

    const viaApi = await api('POST', `/api/plans/${planId}/vision/goals`, {
      title: 'x'.repeat(201),
      sdgGoals: [18],
      sdgTargets: ['16.z'],
    });
    expect(viaApi.statusCode).toBe(400);
    expect(viaApi.json().error.fields).toEqual([
      { path: 'body.title', message: 'must be at most 200 characters' },
      { path: 'body.sdgGoals', message: 'choose goals between 1 and 17' },
      { path: 'body.sdgTargets', message: '16.z is not an SDG target' },
    ]);
    const priority = await api(
      'POST',
      `/api/plans/${planId}/vision/goals/00000000-0000-4000-8000-000000000000/priorities`,
      {
        text: 'Orphan',
        term: 'short',
      },
    );
    expect(priority.statusCode).toBe(404);
    const goalId = (
      await api('POST', `/api/plans/${planId}/vision/goals`, { title: 'Kept' })
    ).json().id;
    const badPriority = await post(`${base}/goals/${goalId}/priorities`, {
      text: 'Typed and kept',
      term: 'medium',
    });
    expect(badPriority.statusCode).toBe(400);
    expect(badPriority.body).toContain('Term: choose short or long term');
    expect(badPriority.body).toContain('value="Typed and kept"');
    // Another plan's goal named under this plan is unknown here, and stays as it was.
    const elsewhere = await startPlan('Plan next door');
    const theirs = (
      await api('POST', `/api/plans/${elsewhere}/vision/goals`, { title: 'Theirs' })
    ).json();
    const across = await api('PUT', `/api/plans/${planId}/vision/goals/${theirs.id}`, {
      title: 'Taken over',
      version: 1,
    });
    expect(across.statusCode).toBe(404);
    expect((await post(`${base}/goals/${theirs.id}/delete`, { version: '1' })).statusCode).toBe(
      404,
    );
    expect((await readVision(context.database.db, elsewhere)).goals[0]?.title).toBe('Theirs');
    const vision = await readVision(context.database.db, planId);
    expect(vision.goals.map((goal) => goal.priorities)).toEqual([[]]);
    expect(vision.principles).toHaveLength(1);
    expect((await get('/plans/00000000-0000-4000-8000-000000000000/vision')).statusCode).toBe(404);
  });

  it('tells the second of two people editing one goal at once, shows the first one’s change, and loses nothing', async () => {
    const planId = await startPlan('Plan edited twice');
    const base = `/plans/${planId}/vision`;
    const colleague = await signInAs(context.database, 'facilitator');
    const goalId = idAfter(
      (await post(`${base}/goals/new`, { title: 'Open data', sdgGoals: '16' })).headers.location,
    );
    // Both open the form at version 1.
    expect((await get(`${base}/goals/${goalId}`)).body).toContain('name="version" value="1"');
    const first = await post(
      `${base}/goals/${goalId}`,
      { title: 'Open data by default', sdgGoals: ['16', '17'], version: '1' },
      colleague,
    );
    expect(first.statusCode).toBe(303);
    const second = await post(`${base}/goals/${goalId}`, {
      title: 'Open data for everyone',
      sdgGoals: '16',
      version: '1',
    });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('Someone else changed this while you were editing it');
    expect(second.body).toContain('<dd>Open data by default</dd>');
    expect(second.body).toContain('SDG 17: Partnerships for the goals</dd>');
    expect(second.body).toContain('value="Open data for everyone"');
    expect(second.body).toContain('name="version" value="2"');
    expect((await readVision(context.database.db, planId)).goals[0]).toMatchObject({
      title: 'Open data by default',
      sdgGoals: [16, 17],
      version: 2,
    });
    // The API says the same, with the goal as it stands.
    const late = await api('PUT', `/api/plans/${planId}/vision/goals/${goalId}`, {
      title: 'Too late',
      version: 1,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      error: { code: 'conflict' },
      current: { title: 'Open data by default', version: 2 },
    });
    // Deleted meanwhile: the late save is told so, and nothing comes back to life.
    expect(
      (await post(`${base}/goals/${goalId}/delete`, { version: '2' }, colleague)).statusCode,
    ).toBe(303);
    const afterDelete = await post(`${base}/goals/${goalId}`, {
      title: 'Still here?',
      version: '2',
    });
    expect(afterDelete.statusCode).toBe(409);
    expect(afterDelete.body).toContain('Someone else deleted this entry while you were editing it');
    expect((await readVision(context.database.db, planId)).goals).toHaveLength(0);
  });

  it('lets a viewer read the vision and its export but not change it', async () => {
    const planId = await startPlan('Plan to read');
    await api('POST', `/api/plans/${planId}/vision/goals`, {
      title: '=HYPERLINK("x")',
      sdgGoals: [16, 9],
      sdgTargets: ['9.c'],
    });
    const viewer = await signInAs(context.database, 'viewer');
    const page = await get(`/plans/${planId}/vision`, viewer);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Add a goal');
    expect(
      (await post(`/plans/${planId}/vision/goals/new`, { title: 'No' }, viewer)).statusCode,
    ).toBe(403);
    const csv = await get(`/plans/${planId}/vision/goals.csv`, viewer);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(`'=HYPERLINK(""x"")`);
    expect(csv.body).toContain('9; 16,9.c');
    const xlsx = await get(`/plans/${planId}/vision/goals.xlsx`, viewer);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.getRow(2).getCell(4).value).toBe('9; 16');
  });

  it('links a goal to SWOT entries of its own plan only, and shows them', async () => {
    const planId = await startPlan('Plan with a SWOT');
    const otherPlanId = await startPlan('Another plan');
    const swot = async (plan: string, text: string) =>
      (
        await api('POST', `/api/plans/${plan}/swot`, {
          quadrant: 'weakness',
          text,
          importance: 'high',
        })
      ).json().id as string;
    const ownEntry = await swot(planId, 'Few services online');
    const foreignEntry = await swot(otherPlanId, 'Not this plan’s');
    const base = `/plans/${planId}/vision`;
    const form = await get(`${base}/goals/new`);
    expect(form.body).toContain('SWOT entries it answers: Weakness');
    expect(form.body).toContain(`value="${ownEntry}"`);
    expect(form.body).not.toContain(foreignEntry);
    const refused = await post(`${base}/goals/new`, {
      title: 'Online by default',
      'swotEntryIds-weakness': foreignEntry,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('choose SWOT entries of this plan');
    const saved = await post(`${base}/goals/new`, {
      title: 'Online by default',
      'swotEntryIds-weakness': ownEntry,
    });
    expect(saved.statusCode).toBe(303);
    expect((await get(base)).body).toContain('<li>Weakness: Few services online</li>');
    const vision = (await get(`/api/plans/${planId}/vision`)).json();
    expect(vision.goals[0].swotEntries).toEqual([
      { id: ownEntry, quadrant: 'weakness', text: 'Few services online' },
    ]);
    const csv = await get(`${base}/goals.csv`);
    expect(csv.body).toContain('Weakness: Few services online');
  });

  it('comes along when a plan is copied, under new ids, its SWOT links pointing at the copied entries', async () => {
    const from = await startPlan('Plan copied');
    await api('PUT', `/api/plans/${from}/vision/statement`, {
      statement: 'A vision to keep',
      version: 0,
    });
    await api('POST', `/api/plans/${from}/vision/principles`, {
      cepaKey: 'transparency',
      strategyNumbers: [31],
    });
    const goal = (
      await api('POST', `/api/plans/${from}/vision/goals`, {
        title: 'Kept goal',
        sdgGoals: [16],
        sdgTargets: ['16.10'],
      })
    ).json();
    await api('POST', `/api/plans/${from}/vision/goals/${goal.id}/priorities`, {
      text: 'Kept priority',
      term: 'long',
    });
    const weakness = (
      await api('POST', `/api/plans/${from}/swot`, {
        quadrant: 'weakness',
        text: 'Paper forms',
        importance: 'medium',
      })
    ).json().id;
    await api('PUT', `/api/plans/${from}/vision/goals/${goal.id}`, {
      title: 'Kept goal',
      sdgGoals: [16],
      sdgTargets: ['16.10'],
      swotEntryIds: [weakness],
      version: 1,
    });
    // A new plan started as a copy of this one, as a coordinator does it.
    const copiedPlan = await api('POST', `/api/plans/${from}/copy`);
    expect(copiedPlan.statusCode).toBe(201);
    const to = copiedPlan.json().id as string;
    const copied = await readVision(context.database.db, to);
    expect(copied).toMatchObject({
      statement: 'A vision to keep',
      principles: [{ cepaKey: 'transparency', strategyNumbers: [31] }],
      goals: [
        {
          title: 'Kept goal',
          sdgTargets: ['16.10'],
          priorities: [{ text: 'Kept priority', term: 'long' }],
        },
      ],
    });
    expect(copied.goals[0]?.id).not.toBe(goal.id);
    // The SWOT link points at the entry's copy in the new plan.
    const [entryCopy] = await listSwotEntries(context.database.db, to);
    expect(copied.goals[0]?.swotEntryIds).toEqual([entryCopy?.id]);
    expect(entryCopy?.id).not.toBe(weakness);
  });
});
