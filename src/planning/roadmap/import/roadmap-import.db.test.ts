// The roadmap's files through HTTP: exporting initiatives and steps as CSV and
// XLSX, importing them back (unchanged), importing an edited file (updates and
// additions, no duplicates), and a bad file refused whole with every problem.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../test/accounts.ts';
import { useTestApp } from '../../../../test/app.ts';
import { buildAgency } from '../../../../test/factories/agencies.ts';
import { buildMember } from '../../../../test/factories/members.ts';
import { buildWorkspace } from '../../../../test/factories/workspace.ts';
import { multipart } from '../../../../test/multipart.ts';
import { insertStep } from '../action-plan/step-store.ts';
import { saveInitiative } from '../initiative-changes.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('roadmap import and export', () => {
  const context = useTestApp();
  let coordinator: { cookie: string; csrfToken: string; userId: string };
  let ownerEmail: string;
  let viewer: { cookie: string };

  beforeAll(async () => {
    await buildWorkspace(context.database.db);
    coordinator = await signInAs(context.database, 'coordinator');
    viewer = await signInAs(context.database, 'viewer');
    ownerEmail = (
      await buildMember(context.database.db, 'facilitator', { email: 'olga@gov.example' })
    ).email;
    await buildAgency(context.database.db, { name: 'Ministry of ICT', acronym: 'MICT' });
    await buildAgency(context.database.db, { name: 'Civil Service Agency', acronym: 'CSA' });
  });

  const by = () => ({
    workspaceId: 'test',
    actor: { userId: coordinator.userId, label: 'Test coordinator' },
  });
  const get = (url: string, as: { cookie: string } = coordinator) =>
    context.app.inject({ method: 'GET', url, headers: { cookie: as.cookie } });
  const upload = (planId: string, name: string, content: Buffer | string, type = 'text/csv') => {
    const form = multipart({ _csrf: coordinator.csrfToken }, { name, content, type });
    return context.app.inject({
      method: 'POST',
      url: `/plans/${planId}/roadmap/import`,
      headers: { cookie: coordinator.cookie, 'content-type': form.contentType },
      payload: form.payload,
    });
  };
  const api = (planId: string, payload: Record<string, unknown>) =>
    context.app.inject({
      method: 'POST',
      url: `/api/plans/${planId}/roadmap/import`,
      headers: { cookie: coordinator.cookie, 'x-csrf-token': coordinator.csrfToken },
      payload,
    });

  async function startPlan(title: string) {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/plans',
      headers: { cookie: coordinator.cookie, 'x-csrf-token': coordinator.csrfToken },
      payload: { title, startsYear: 2026, endsYear: 2030 },
    });
    expect(response.statusCode).toBe(201);
    const planId: string = response.json().id;
    const [goal] = await context.database.db
      .insertInto('vision_goals')
      .values({ plan_id: planId, title: 'Services online by 2030' })
      .returning('id')
      .execute();
    return { planId, goalId: goal?.id ?? '' };
  }

  /** A programme with one project (three steps) and a second project waiting for the first. */
  async function buildRoadmap() {
    const { planId, goalId } = await startPlan(`Roadmap ${Math.random()}`);
    const save = async (fields: Record<string, unknown>) => {
      const outcome = await saveInitiative(context.database.db, planId, fields, by());
      if (!outcome.ok) throw new Error(JSON.stringify(outcome));
      return outcome.id;
    };
    const programme = await save({
      level: 'programme',
      title: 'Digital services',
      horizon: 'long',
    });
    const portal = await save({
      externalId: 'P-1',
      parentId: programme,
      level: 'project',
      title: '=Single portal',
      description: '- one address\n- one sign-in',
      horizon: 'short',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      budgetAmount: '250000',
      budgetCurrency: 'USD',
      status: 'in_progress',
      progress: '40',
      weight: '2',
      goalIds: [goalId],
      codes: [{ kind: 'subdimension', code: '2.1' }],
    });
    await save({
      externalId: 'P-2',
      parentId: programme,
      title: 'Digital ID',
      horizon: 'medium',
      dependsOnIds: [portal],
      isPublic: false,
    });
    await context.database.db.transaction().execute(async (tx) => {
      for (const what of ['Map the services', 'Choose the platform', 'Launch'])
        await insertStep(
          tx,
          portal,
          {
            externalId: null,
            what,
            responsible: 'CIO',
            supporting: '',
            dueOn: '2026-06-30',
            status: 'not_started',
          },
          null,
        );
    });
    return { planId, programme, portal };
  }

  const countOf = async (planId: string) =>
    Number(
      (
        await context.database.db
          .selectFrom('initiatives')
          .select((eb) => eb.fn.countAll().as('count'))
          .where('plan_id', '=', planId)
          .executeTakeFirstOrThrow()
      ).count,
    );

  it('exports initiatives with stable external ids, names instead of ids, and formula-safe cells', async () => {
    const { planId, programme } = await buildRoadmap();
    const csv = await get(`/plans/${planId}/roadmap/initiatives.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'external_id,parent_external_id,level,title,description,horizon,starts_on,ends_on,lead_agency,partner_agencies,owner_email,budget_amount,budget_currency,budget_source,status,progress,weight,public,depends_on,goals,dimensions,subdimensions,recommendations',
    );
    // The programme, which has no external id, is known by its id; its projects follow it.
    expect(lines[1]).toMatch(new RegExp(`^${programme},,programme,Digital services,`));
    expect(lines[2]).toContain(`P-1,${programme},project,'=Single portal,`);
    expect(lines[2]).toContain('250000,USD,,in_progress,40,2,yes,,Services online by 2030,,2.1,');
    expect(lines[3]).toContain(',no,P-1,');
    const steps = await get(`/plans/${planId}/roadmap/steps.csv`);
    const stepLines = steps.body.split('\r\n').filter((line) => line !== '');
    expect(stepLines).toHaveLength(4);
    expect(stepLines).toContainEqual(
      expect.stringMatching(/^P-1,[0-9a-f-]{36},Map the services,CIO,,2026-06-30,not_started$/),
    );
    expect((await get(`/plans/${planId}/roadmap/export.xlsx`, viewer)).statusCode).toBe(200);
  });

  it('re-imports its own export, CSV or XLSX, as 0 added, 0 changed and every row unchanged', async () => {
    const { planId } = await buildRoadmap();
    const initiatives = await get(`/plans/${planId}/roadmap/initiatives.csv`);
    const again = await upload(planId, 'initiatives.csv', initiatives.rawPayload);
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('Initiatives: 0 added, 0 changed, 3 unchanged.');
    const workbook = await get(`/plans/${planId}/roadmap/export.xlsx`);
    expect(workbook.headers['content-type']).toBe(XLSX);
    const both = await upload(planId, 'roadmap.xlsx', workbook.rawPayload, XLSX);
    expect(both.statusCode).toBe(200);
    expect(both.body).toContain('Initiatives: 0 added, 0 changed, 3 unchanged.');
    expect(both.body).toContain('Action-plan steps: 0 added, 0 changed, 3 unchanged.');
    expect(await countOf(planId)).toBe(3);
    const audit = await context.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'roadmap.imported')
      .where('entity_id', '=', planId)
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('an edited workbook updates matching rows and adds new ones without duplicating', async () => {
    const { planId } = await buildRoadmap();
    const exported = await get(`/plans/${planId}/roadmap/export.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('Initiatives');
    if (!sheet) throw new Error('no Initiatives sheet');
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const column = (name: string) => header.indexOf(name) + 1;
    sheet.getRow(4).getCell(column('status')).value = 'Completed';
    sheet.getRow(4).getCell(column('lead_agency')).value = 'civil service agency';
    sheet.getRow(4).getCell(column('owner_email')).value = ownerEmail;
    // A new activity under a project written later in the file, by external id.
    sheet.addRow(
      header.map(
        (name) =>
          ({
            external_id: 'A-1',
            parent_external_id: 'P-2',
            level: 'activity',
            title: 'Pilot',
            horizon: 'short',
          })[name] ?? null,
      ),
    );
    const steps = book.getWorksheet('Steps');
    if (!steps) throw new Error('no Steps sheet');
    steps.getRow(2).getCell(7).value = 'done';
    steps.addRow(['A-1', 'S-NEW', 'Run the pilot', 'CSA', '', '2027-01-31', 'in_progress']);
    const edited = Buffer.from(await book.xlsx.writeBuffer());
    const response = await upload(planId, 'roadmap.xlsx', edited, XLSX);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Initiatives: 1 added, 1 changed, 2 unchanged.');
    expect(response.body).toContain('Action-plan steps: 1 added, 1 changed, 2 unchanged.');
    expect(await countOf(planId)).toBe(4);
    const again = await upload(planId, 'roadmap.xlsx', edited, XLSX);
    expect(again.body).toContain('Initiatives: 0 added, 0 changed, 4 unchanged.');
    const digitalId = await context.database.db
      .selectFrom('initiatives')
      .innerJoin('agencies', 'agencies.id', 'initiatives.lead_agency_id')
      .select(['status', 'acronym'])
      .where('external_id', '=', 'P-2')
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow();
    expect(digitalId).toEqual({ status: 'completed', acronym: 'CSA' });
  });

  it('refuses a bad file whole, listing every problem with its sheet, row and column', async () => {
    const { planId } = await buildRoadmap();
    const csv = [
      'external_id,parent_external_id,level,title,horizon,starts_on,ends_on,lead_agency,owner_email,status,progress,weight',
      'N-1,N-2,project,Loop one,short,,,,,,,',
      'N-2,N-1,project,Loop two,short,,,,,,,',
      'N-3,,project,Backwards,short,2027-01-01,2026-01-01,Ministry of Nowhere,ghost@gov.example,dreaming,120,0',
    ].join('\n');
    const response = await upload(planId, 'initiatives.csv', csv);
    expect(response.statusCode).toBe(400);
    const problems = [...response.body.matchAll(/<li><a href="#file">([^<]*)<\/a><\/li>/g)].map(
      ([, text]) => text?.replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"'),
    );
    expect(response.body).toContain('The file has 8 problems, so nothing was imported');
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Initiatives, row 2, column parent_external_id: would go round in a circle/,
        ),
        expect.stringMatching(
          /^Initiatives, row 3, column parent_external_id: would go round in a circle/,
        ),
        'Initiatives, row 4, column ends_on: must not be before the start date',
        'Initiatives, row 4, column lead_agency: no agency of the workspace has the acronym or name “Ministry of Nowhere”',
        'Initiatives, row 4, column owner_email: no member of the workspace has the email “ghost@gov.example”',
        'Initiatives, row 4, column status: choose one of the choices offered',
        'Initiatives, row 4, column progress: enter a number from 0 to 100',
        'Initiatives, row 4, column weight: enter a number above 0 and at most 1000, for example 1',
      ]),
    );
    expect(await countOf(planId)).toBe(3);
  });

  it('imports JSON rows through the API, naming the row and column of each problem', async () => {
    const { planId } = await buildRoadmap();
    const refused = await api(planId, {
      initiatives: [{ external_id: 'J-1', title: 'Open data', horizon: 'someday' }],
      steps: [{ initiative_external_id: 'J-9', external_id: 'S-1', what: 'Publish' }],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([
      { path: 'initiatives[0].horizon', message: 'choose one of the choices offered' },
      {
        path: 'steps[0].initiative_external_id',
        message: 'no initiative has the external id “J-9”, in the file or in the plan',
      },
    ]);
    const imported = await api(planId, {
      initiatives: [
        { external_id: 'J-1', title: 'Open data', horizon: 'short', lead_agency: 'mict' },
      ],
      steps: [
        { initiative_external_id: 'J-1', external_id: 'S-1', what: 'Publish', status: 'En curso' },
      ],
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toEqual({
      initiatives: { added: 1, changed: 0, unchanged: 0 },
      steps: { added: 1, changed: 0, unchanged: 0 },
    });
    const step = await context.database.db
      .selectFrom('initiative_steps')
      .select('status')
      .where('external_id', '=', 'S-1')
      .executeTakeFirstOrThrow();
    expect(step.status).toBe('in_progress');
  });

  it('takes the exported workbook through the API as a multipart file, and refuses a body with no rows', async () => {
    const { planId } = await buildRoadmap();
    const workbook = await get(`/plans/${planId}/roadmap/export.xlsx`);
    const form = multipart({}, { name: 'roadmap.xlsx', content: workbook.rawPayload, type: XLSX });
    const response = await context.app.inject({
      method: 'POST',
      url: `/api/plans/${planId}/roadmap/import`,
      headers: {
        cookie: coordinator.cookie,
        'x-csrf-token': coordinator.csrfToken,
        'content-type': form.contentType,
      },
      payload: form.payload,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      initiatives: { added: 0, changed: 0, unchanged: 3 },
      steps: { added: 0, changed: 0, unchanged: 3 },
    });
    const empty = await api(planId, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields).toEqual([
      { path: 'file', message: 'there are no rows to import' },
    ]);
  });

  it('shows the import page to editors only, saying that an import never deletes', async () => {
    const { planId } = await buildRoadmap();
    const page = await get(`/plans/${planId}/roadmap/import`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('An import never deletes');
    expect(page.body).toContain(`href="/plans/${planId}/roadmap/export.xlsx"`);
    expect((await get(`/plans/${planId}/roadmap/import`, viewer)).statusCode).toBe(403);
    const empty = await upload(planId, 'empty.csv', '');
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('choose a file to import');
  });
});
