// The stakeholder map through HTTP: adding from the page and the API, the
// grid with its table and suggested engagement, two people editing one
// stakeholder at once, deleting, exports, and what is refused.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/accounts.ts';
import { useTestApp } from '../../../test/app.ts';
import { buildWorkspace } from '../../../test/factories/workspace.ts';
import { requestsAs } from '../../../test/http.ts';
import { copyStakeholders } from './index.ts';

describe('stakeholder map', () => {
  const context = useTestApp();
  let coordinator: { cookie: string; csrfToken: string; userId: string };

  beforeAll(async () => {
    await buildWorkspace(context.database.db);
    coordinator = await signInAs(context.database, 'coordinator', { name: 'Carla Coordinator' });
  });

  const { get, post, api } = requestsAs(context, () => coordinator);

  async function startPlan(title: string): Promise<string> {
    const response = await api('POST', '/api/plans', {
      title,
      startsYear: 2026,
      endsYear: 2030,
    });
    expect(response.statusCode).toBe(201);
    return response.json().id;
  }

  const ministry = {
    name: 'Ministry of Finance',
    group: 'government_agencies',
    interest: '4',
    influence: '5',
    engagement: 'consult',
    needs: 'A business case for every investment',
  };

  it('adds a stakeholder from the form, placed on the grid with its suggested engagement', async () => {
    const planId = await startPlan('Stakeholder plan');
    const form = await get(`/plans/${planId}/stakeholders/new`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Carla Coordinator');
    const saved = await post(`/plans/${planId}/stakeholders/new`, {
      ...ministry,
      ownerId: coordinator.userId,
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/plans/${planId}/stakeholders`);
    await post(`/plans/${planId}/stakeholders/new`, {
      name: 'Association of the Blind',
      group: 'vulnerable_groups',
      vulnerableGroup: 'persons_with_disabilities',
      interest: '5',
      influence: '2',
      engagement: 'involve',
    });
    const page = await get(`/plans/${planId}/stakeholders`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<svg');
    expect(page.body).toContain('Stakeholders by interest and influence');
    // Numbered by name, as on the grid: the association first.
    expect(page.body).toMatch(
      /<td>1<\/td><th scope="row"><a [^>]+>Association of the Blind<\/a><\/th><td>Vulnerable groups: Persons with disabilities<\/td>/,
    );
    expect(page.body).toContain('<td>Keep informed</td><td>Involve</td><td>As chosen</td>');
    // The ministry's place suggests working with it; the team chose to consult it.
    expect(page.body).toContain('<td>Manage closely</td><td>Consult</td><td>Collaborate</td>');
    expect(page.body).toContain('<td>Carla Coordinator</td>');
    const listed = (await api('GET', `/api/plans/${planId}/stakeholders`)).json().stakeholders;
    expect(listed[1]).toMatchObject({
      name: 'Ministry of Finance',
      quadrant: 'manageClosely',
      engagement: 'consult',
      suggestedEngagement: 'collaborate',
      owner: { id: coordinator.userId, name: 'Carla Coordinator' },
      version: 1,
    });
  });

  it('refuses a bad form with every problem beside its field, saving nothing', async () => {
    const planId = await startPlan('Stakeholder plan refused');
    const response = await post(`/plans/${planId}/stakeholders/new`, {
      name: '',
      group: 'vulnerable_groups',
      interest: '7',
      influence: '',
      engagement: 'ignore',
      ownerId: '00000000-0000-4000-8000-000000000009',
    });
    expect(response.statusCode).toBe(400);
    for (const text of [
      'Name: enter a name',
      'Vulnerable group: choose which vulnerable group',
      'Interest: choose a number from 1 to 5',
      'Influence: choose a number from 1 to 5',
      'Engagement: choose one of the engagement levels',
      'Owner: choose a member of this workspace',
    ])
      expect(response.body).toContain(text);
    expect((await api('GET', `/api/plans/${planId}/stakeholders`)).json().stakeholders).toEqual([]);
    const refused = await api('POST', `/api/plans/${planId}/stakeholders`, {
      name: 'Nobody',
      group: 'aliens',
      interest: 0,
      influence: 3,
      engagement: 'inform',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([
      { path: 'body.group', message: 'choose one of the groups' },
      { path: 'body.interest', message: 'choose a number from 1 to 5' },
    ]);
  });

  it('tells the second of two people editing one stakeholder at once, shows the first one’s change, and loses nothing', async () => {
    const planId = await startPlan('Stakeholder plan edited twice');
    const created = await api('POST', `/api/plans/${planId}/stakeholders`, {
      ...ministry,
      interest: 4,
      influence: 5,
    });
    const id = created.json().id;
    const facilitator = await signInAs(context.database, 'facilitator');
    const form = await get(`/plans/${planId}/stakeholders/${id}/edit`);
    expect(form.body).toContain('name="version" value="1"');
    const first = await post(
      `/plans/${planId}/stakeholders/${id}/edit`,
      { ...ministry, needs: 'Savings measured each year', version: '1' },
      facilitator,
    );
    expect(first.statusCode).toBe(303);
    const second = await post(`/plans/${planId}/stakeholders/${id}/edit`, {
      ...ministry,
      needs: 'A seat on the steering committee',
      version: '1',
    });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain(
      'Someone else changed this stakeholder while you were editing it',
    );
    expect(second.body).toContain('<dd>Savings measured each year</dd>');
    expect(second.body).toContain('A seat on the steering committee</textarea>');
    expect(second.body).toContain('name="version" value="2"');
    const late = await api('PUT', `/api/plans/${planId}/stakeholders/${id}`, {
      ...ministry,
      interest: 4,
      influence: 5,
      version: 1,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      error: { code: 'conflict', fields: [{ path: 'version', message: 'is 2 now' }] },
      current: { needs: 'Savings measured each year', version: 2 },
    });
    const again = await post(`/plans/${planId}/stakeholders/${id}/edit`, {
      ...ministry,
      needs: 'A seat on the steering committee',
      version: '2',
    });
    expect(again.statusCode).toBe(303);
  });

  it('deletes a stakeholder only at the version seen, audited', async () => {
    const planId = await startPlan('Stakeholder plan deleted');
    const id = (
      await api('POST', `/api/plans/${planId}/stakeholders`, {
        ...ministry,
        interest: 4,
        influence: 5,
      })
    ).json().id;
    await api('PUT', `/api/plans/${planId}/stakeholders/${id}`, {
      ...ministry,
      name: 'Ministry of Finance and Planning',
      interest: 4,
      influence: 5,
      version: 1,
    });
    const stale = await post(`/plans/${planId}/stakeholders/${id}/delete`, { version: '1' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('<dd>Ministry of Finance and Planning</dd>');
    expect(
      (await api('DELETE', `/api/plans/${planId}/stakeholders/${id}?version=2`)).statusCode,
    ).toBe(204);
    expect((await api('GET', `/api/plans/${planId}/stakeholders/${id}`)).statusCode).toBe(404);
    const audit = await context.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id)
      .orderBy('at')
      .execute();
    expect(audit.map((row) => row.action)).toEqual([
      'stakeholder.created',
      'stakeholder.updated',
      'stakeholder.deleted',
    ]);
  });

  it('exports the stakeholders as CSV and XLSX, spreadsheet-safe', async () => {
    const planId = await startPlan('Stakeholder plan exported');
    await api('POST', `/api/plans/${planId}/stakeholders`, {
      name: '=Developers guild',
      group: 'developers',
      interest: 2,
      influence: 1,
      engagement: 'inform',
    });
    const csv = await get(`/plans/${planId}/stakeholders/export.csv?lang=es`);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('Nombre,Grupo');
    expect(lines[1]).toBe("1,'=Developers guild,Desarrolladores,,2,1,Seguir,Informar,Informar,,");
    const xlsx = await get(`/plans/${planId}/stakeholders/export.xlsx`);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.getRow(2).getCell(2).value).toBe("'=Developers guild");
  });

  it('lets a viewer read but not change, hides another plan’s stakeholder, and copies a map', async () => {
    const planId = await startPlan('Stakeholder plan read');
    const otherPlanId = await startPlan('Another plan');
    const id = (
      await api('POST', `/api/plans/${planId}/stakeholders`, {
        ...ministry,
        interest: 4,
        influence: 5,
      })
    ).json().id;
    const viewer = await signInAs(context.database, 'viewer');
    const page = await get(`/plans/${planId}/stakeholders`, viewer);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Add a stakeholder');
    expect((await post(`/plans/${planId}/stakeholders/new`, ministry, viewer)).statusCode).toBe(
      403,
    );
    // A stakeholder is reached only through its own plan.
    expect((await get(`/plans/${otherPlanId}/stakeholders/${id}/edit`)).statusCode).toBe(404);
    expect(
      (
        await api('PUT', `/api/plans/${otherPlanId}/stakeholders/${id}`, {
          ...ministry,
          interest: 1,
          influence: 1,
          version: 1,
        })
      ).statusCode,
    ).toBe(404);
    await copyStakeholders(context.database.db, planId, otherPlanId);
    const copied = (await api('GET', `/api/plans/${otherPlanId}/stakeholders`)).json().stakeholders;
    expect(copied).toHaveLength(1);
    expect(copied[0]).toMatchObject({ name: 'Ministry of Finance', version: 1 });
    expect(copied[0].id).not.toBe(id);
    // A plan started as a copy of another brings its stakeholders along.
    const copy = await api('POST', `/api/plans/${planId}/copy`);
    expect(copy.statusCode).toBe(201);
    expect(
      (await api('GET', `/api/plans/${copy.json().id}/stakeholders`)).json().stakeholders,
    ).toMatchObject([{ name: 'Ministry of Finance', engagement: 'consult' }]);
  });
});
