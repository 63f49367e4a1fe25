// The star profile through HTTP: assessing a point from the page and the API,
// evidence of both kinds, the star and its table, two people editing one
// point at once, clearing, exports, and what is refused.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/accounts.ts';
import { useTestApp } from '../../../test/app.ts';
import { buildRound } from '../../../test/factories/rounds.ts';
import { buildWorkspace } from '../../../test/factories/workspace.ts';
import { type Member, requestsAs } from '../../../test/http.ts';
import { copyStarProfile } from './index.ts';

describe('star profile', () => {
  const context = useTestApp();
  let coordinator: Member;
  let roundId: string;
  let otherRoundId: string;

  beforeAll(async () => {
    await buildWorkspace(context.database.db);
    roundId = (await buildRound(context.database.db, { name: 'Assessment 2025', status: 'closed' }))
      .id;
    otherRoundId = (
      await buildRound(context.database.db, { name: 'Not a baseline', status: 'closed' })
    ).id;
    coordinator = await signInAs(context.database, 'coordinator');
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

  it('assesses a point from the form with a link and a baseline score, shown on the star and its table', async () => {
    const planId = await startPlan('Star plan');
    const form = await get(`/plans/${planId}/star/leadership-commitment/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="version" value="0"');
    expect(form.body).toContain(`value="${roundId}|LEA-VIS"`);
    const saved = await post(`/plans/${planId}/star/leadership-commitment/edit`, {
      version: '0',
      level: '4',
      narrative: 'The president chairs the digital council.',
      evidenceTitle: ['Council decree', '', ''],
      evidenceUrl: ['https://gov.example/decree', '', ''],
      evidenceScore: ['', `${roundId}|LEA-VIS`, ''],
    });
    expect(saved.statusCode).toBe(303);
    const page = await get(`/plans/${planId}/star`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<svg');
    expect(page.body).toContain('4 — Established');
    expect(page.body).toContain('The president chairs the digital council.');
    expect(page.body).toContain(
      '<a href="https://gov.example/decree" rel="noopener noreferrer">Council decree</a>',
    );
    expect(page.body).toContain(`<a href="/rounds/${roundId}/results">Assessment 2025: LEA-VIS`);
    // Every other point is there, not assessed yet.
    expect(page.body.match(/Not assessed yet/g)?.length).toBeGreaterThanOrEqual(6);
    const read = await api('GET', `/api/plans/${planId}/star-profile`);
    expect(read.json().points[0]).toEqual({
      key: 'leadership-commitment',
      group: 'commitment',
      name: 'Commitment at the highest level',
      level: 4,
      narrative: 'The president chairs the digital council.',
      evidence: [
        { type: 'link', title: 'Council decree', url: 'https://gov.example/decree' },
        { type: 'score', roundId, code: 'LEA-VIS', wholeOfGovernmentScore: null },
      ],
      version: 1,
    });
    const spanish = await get(`/plans/${planId}/star?lang=es`);
    expect(spanish.body).toContain('Compromiso al más alto nivel');
    expect(spanish.body).toContain('4 — Consolidado');
  });

  it('refuses bad evidence with every problem beside its field, saving nothing', async () => {
    const planId = await startPlan('Star plan refused');
    const response = await post(`/plans/${planId}/star/envisioning/edit`, {
      version: '0',
      level: '9',
      evidenceTitle: ['', 'Mixed'],
      evidenceUrl: ['javascript:alert(1)', 'https://gov.example'],
      evidenceScore: ['', `${roundId}|LEA`],
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Level: choose a level from 1 to 5, or not assessed yet');
    expect(response.body).toContain('Title of evidence 1: enter the title of the page');
    expect(response.body).toContain(
      'Web address of evidence 1: enter a web address starting with http:// or https://',
    );
    expect(response.body).toContain(
      'Score for evidence 2: give either a web page or a score, not both',
    );
    expect(response.body).toContain('href="#evidence-0-url"');
    expect(response.body).toContain('id="evidence-0-url"');
    const stored = await api('GET', `/api/plans/${planId}/star-profile`);
    expect(stored.json().points.every((point: { version: number }) => point.version === 0)).toBe(
      true,
    );
    // A score of a round the plan does not rest on is refused by the API too, naming the path.
    const other = await api('PUT', `/api/plans/${planId}/star-profile/envisioning`, {
      level: 2,
      evidence: [{ type: 'score', roundId: otherRoundId, code: 'LEA' }],
      version: 0,
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.fields).toEqual([
      {
        path: 'body.evidence.0.score',
        message: "choose a score of one of the plan's baseline rounds",
      },
    ]);
    expect(
      (await api('PUT', `/api/plans/${planId}/star-profile/nowhere`, { level: 1, version: 0 }))
        .statusCode,
    ).toBe(404);
  });

  it('tells the second of two people editing one point at once, shows the first one’s change, and loses nothing', async () => {
    const planId = await startPlan('Star plan edited twice');
    const facilitator = await signInAs(context.database, 'facilitator');
    // Both open the form of a point not assessed yet (version 0).
    const first = await post(
      `/plans/${planId}/star/stakeholder-engagement/edit`,
      { version: '0', level: '2', narrative: 'Seen by the facilitator' },
      facilitator,
    );
    expect(first.statusCode).toBe(303);
    const second = await post(`/plans/${planId}/star/stakeholder-engagement/edit`, {
      version: '0',
      level: '3',
      narrative: 'Seen by the coordinator',
    });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('Someone else changed this point while you were editing it');
    expect(second.body).toContain('<dd>Seen by the facilitator</dd>');
    expect(second.body).toContain('<dd>2 — Emerging</dd>');
    expect(second.body).toContain('Seen by the coordinator</textarea>');
    expect(second.body).toContain('name="version" value="1"');
    const stored = (await api('GET', `/api/plans/${planId}/star-profile`)).json().points[1];
    expect(stored).toMatchObject({ level: 2, narrative: 'Seen by the facilitator', version: 1 });
    // Through the API, a late change answers 409 with the point as it stands.
    const late = await api('PUT', `/api/plans/${planId}/star-profile/stakeholder-engagement`, {
      level: 5,
      version: 0,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      error: { code: 'conflict', fields: [{ path: 'version', message: 'is 1 now' }] },
      current: { level: 2, version: 1 },
    });
    const again = await post(`/plans/${planId}/star/stakeholder-engagement/edit`, {
      version: '1',
      level: '3',
      narrative: 'Seen by the coordinator',
    });
    expect(again.statusCode).toBe(303);
  });

  it('clears a point, audited, and refuses a stale clear', async () => {
    const planId = await startPlan('Star plan cleared');
    await api('PUT', `/api/plans/${planId}/star-profile/history-diagnosis`, {
      level: 3,
      version: 0,
    });
    expect(
      (await post(`/plans/${planId}/star/history-diagnosis/clear`, { version: '0' })).statusCode,
    ).toBe(409);
    expect(
      (await post(`/plans/${planId}/star/history-diagnosis/clear`, { version: '1' })).statusCode,
    ).toBe(303);
    const point = (await api('GET', `/api/plans/${planId}/star-profile`))
      .json()
      .points.find((candidate: { key: string }) => candidate.key === 'history-diagnosis');
    expect(point).toMatchObject({ level: null, version: 0 });
    const audit = await context.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'star_profile_point')
      .where(({ eb, ref }) => eb(ref('details', '->>').key('planId'), '=', planId))
      .orderBy('at')
      .execute();
    expect(audit.map((row) => row.action)).toEqual([
      'star_profile_point.updated',
      'star_profile_point.cleared',
    ]);
  });

  it('exports the profile as CSV and XLSX, one row per point', async () => {
    const planId = await startPlan('Star plan exported');
    await api('PUT', `/api/plans/${planId}/star-profile/envisioning`, {
      level: 1,
      narrative: '=no formula',
      version: 0,
    });
    const csv = await get(`/plans/${planId}/star/export.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(8);
    expect(lines.at(-1)).toContain("Envisioning the future,1,Absent,'=no formula");
    const xlsx = await context.app.inject({
      method: 'GET',
      url: `/plans/${planId}/star/export.xlsx`,
      headers: { cookie: coordinator.cookie },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBe(8);
    expect(sheet?.getRow(8).getCell(3).value).toBe(1);
  });

  it('lets a viewer read but not assess, and copies a profile to another plan', async () => {
    const planId = await startPlan('Star plan read');
    await api('PUT', `/api/plans/${planId}/star-profile/envisioning`, {
      level: 3,
      evidence: [{ type: 'link', title: 'Vision 2030', url: 'https://gov.example/vision' }],
      version: 0,
    });
    const viewer = await signInAs(context.database, 'viewer');
    const page = await get(`/plans/${planId}/star`, viewer);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('/edit"');
    expect(
      (await post(`/plans/${planId}/star/envisioning/edit`, { version: '1', level: '1' }, viewer))
        .statusCode,
    ).toBe(403);
    const copyId = await startPlan('Star plan copied');
    await copyStarProfile(context.database.db, planId, copyId);
    const copied = (await api('GET', `/api/plans/${copyId}/star-profile`))
      .json()
      .points.find((point: { key: string }) => point.key === 'envisioning');
    expect(copied).toMatchObject({
      level: 3,
      version: 1,
      evidence: [{ type: 'link', title: 'Vision 2030' }],
    });
    // A plan started as a copy of another brings its star profile along.
    const copy = await api('POST', `/api/plans/${planId}/copy`);
    expect(copy.statusCode).toBe(201);
    const points = (await api('GET', `/api/plans/${copy.json().id}/star-profile`)).json().points;
    expect(points.find((point: { key: string }) => point.key === 'envisioning')).toMatchObject({
      level: 3,
    });
  });

  it('keeps in sight a cited score whose round is no longer a baseline, refusing it by name rather than dropping it', async () => {
    const planId = await startPlan('Star plan before');
    await api('PUT', `/api/plans/${planId}/star-profile/governance-diagnosis`, {
      level: 3,
      evidence: [{ type: 'score', roundId, code: 'GOV' }],
      version: 0,
    });
    const next = await api('POST', '/api/plans', {
      title: 'Star plan after',
      startsYear: 2031,
      endsYear: 2035,
      baselineRoundIds: [otherRoundId],
    });
    const nextId = next.json().id;
    await copyStarProfile(context.database.db, planId, nextId);
    const form = await get(`/plans/${nextId}/star/governance-diagnosis/edit`);
    expect(form.body).toContain(
      `<option value="${roundId}|GOV" selected>GOV of a round that is no longer a baseline</option>`,
    );
    const saved = await post(`/plans/${nextId}/star/governance-diagnosis/edit`, {
      version: '1',
      level: '3',
      evidenceTitle: ['', ''],
      evidenceUrl: ['', ''],
      evidenceScore: [`${roundId}|GOV`, ''],
    });
    expect(saved.statusCode).toBe(400);
    expect(saved.body).toContain(
      "Score for evidence 1: choose a score of one of the plan's baseline rounds",
    );
  });
});
