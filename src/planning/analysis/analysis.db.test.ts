// A plan's SWOT and PESTLE through HTTP, on the demo: the draft from the 2025
// results accepted (once) and edited, entries and factors added, edited by two
// people at once and deleted, links that point nowhere refused, exports, and
// who may change what.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/accounts.ts';
import { openTestDatabase, type TestDatabase } from '../../../test/databases.ts';
import { buildApp } from '../../app.ts';
import { roundDisclosure } from '../../assessment/results/index.ts';
import { sumwherePlan } from '../../demo/sumwhere-plan.ts';
import type { App } from '../../platform/http/feature.ts';
import { requireWorkspace } from '../../platform/workspaces/workspace-store.ts';
import { copyAnalysis, listPestleFactors, listSwotEntries } from './index.ts';

const PLAN = sumwherePlan.id;
const NOWHERE = '00000000-0000-4000-8000-000000000000';
// Above the respondents of several demo agencies the default threshold shows.
const STRICT_THRESHOLD = 15;

describe('a plan’s SWOT and PESTLE', () => {
  let database: TestDatabase;
  let app: App;
  let coordinator: { cookie: string; csrfToken: string };
  let facilitator: { cookie: string; csrfToken: string };
  let viewer: { cookie: string; csrfToken: string };

  beforeAll(async () => {
    database = await openTestDatabase('demo');
    app = await buildApp({ database });
    await app.ready();
    coordinator = await signInAs(database, 'coordinator');
    facilitator = await signInAs(database, 'facilitator');
    viewer = await signInAs(database, 'viewer');
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const post = (url: string, payload: Record<string, string | string[]>, as = coordinator) =>
    app.inject({
      method: 'POST',
      url,
      headers: { cookie: as.cookie },
      payload: { _csrf: as.csrfToken, ...payload },
    });
  const get = (url: string, as: { cookie: string } = coordinator) =>
    app.inject({ method: 'GET', url, headers: { cookie: as.cookie } });
  const api = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: Record<string, unknown>,
    as = coordinator,
  ) =>
    app.inject({
      method,
      url,
      headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken },
      ...(payload ? { payload } : {}),
    });
  const entries = async () =>
    (await api('GET', `/api/plans/${PLAN}/swot`)).json().entries as {
      id: string;
      text: string;
      quadrant: string;
      version: number;
      proposalKey: string | null;
      evidence: unknown;
    }[];

  it('shows the demo SWOT in its four quadrants, with the evidence each entry rests on', async () => {
    const page = await get(`/plans/${PLAN}/swot`, viewer);
    expect(page.statusCode).toBe(200);
    for (const heading of ['Strengths', 'Weaknesses', 'Opportunities', 'Threats'])
      expect(page.body).toContain(`>${heading}</h2>`);
    expect(page.body).toContain('Political backing at the highest level');
    expect(page.body).toContain('PESTLE factor: The new government has named digital');
    // A viewer reads but is offered no change.
    expect(page.body).not.toContain('Draft from results');
    expect(page.body).not.toContain('/swot/new');
  });

  it('drafts from the baseline results with numbers, adds a proposal only when accepted, and only once', async () => {
    const before = await entries();
    const draft = await get(`/plans/${PLAN}/swot/draft`);
    expect(draft.statusCode).toBe(200);
    // Proposals already accepted in the demo are not offered again.
    for (const accepted of before.filter((entry) => entry.proposalKey))
      expect(draft.body).not.toContain(`value="${accepted.proposalKey}"`);
    const { proposals } = (await api('GET', `/api/plans/${PLAN}/swot/proposals`)).json() as {
      proposals: { key: string; text: string; quadrant: string; numbers: Record<string, number> }[];
    };
    expect(proposals.length).toBeGreaterThan(0);
    const [proposal] = proposals;
    if (!proposal) throw new Error('no proposal');
    expect(proposal.text).toMatch(/\d\.\d/);
    // Showing proposals stored nothing.
    expect(await entries()).toHaveLength(before.length);

    const edited = 'Our own words for what the results show';
    const accept = () =>
      post(`/plans/${PLAN}/swot/draft`, {
        proposalKey: proposal.key,
        text: edited,
        importance: 'high',
      });
    expect((await accept()).statusCode).toBe(303);
    expect((await accept()).statusCode).toBe(303);
    const again = await api('POST', `/api/plans/${PLAN}/swot/proposals`, { key: proposal.key });
    expect(again.statusCode).toBe(200);
    const after = await entries();
    expect(after).toHaveLength(before.length + 1);
    expect(after.filter((entry) => entry.proposalKey === proposal.key)).toEqual([
      expect.objectContaining({ text: edited, quadrant: proposal.quadrant }),
    ]);
    expect((await get(`/plans/${PLAN}/swot/draft`)).body).not.toContain(`value="${proposal.key}"`);
  });

  it('never names an agency whose results are hidden by small-number protection', async () => {
    const agenciesNamed = async (on: App) => {
      const response = await on.inject({
        method: 'GET',
        url: `/api/plans/${PLAN}/swot/proposals`,
        headers: { cookie: coordinator.cookie },
      });
      const { proposals } = response.json() as {
        proposals: { evidence: { agencyId?: string; roundId?: string } }[];
      };
      return {
        roundId: proposals.find((p) => p.evidence.roundId)?.evidence.roundId ?? '',
        named: proposals.flatMap((p) => (p.evidence.agencyId ? [p.evidence.agencyId] : [])),
      };
    };
    // A stricter threshold hides agencies the default shows.
    const threshold = STRICT_THRESHOLD;
    const strict = await buildApp({ database, resultsMinRespondents: threshold });
    try {
      const before = await agenciesNamed(app);
      const disclosure = await roundDisclosure(database.db, {
        workspace: await requireWorkspace(database.db),
        roundId: before.roundId,
        threshold,
      });
      expect(before.named.filter((id) => disclosure.hidden.has(id)).length).toBeGreaterThan(0);
      const after = await agenciesNamed(strict);
      expect(after.named.filter((id) => disclosure.hidden.has(id))).toEqual([]);
    } finally {
      await strict.close();
    }
  });

  it('drops a proposal from the draft without storing anything', async () => {
    const { proposals } = (await api('GET', `/api/plans/${PLAN}/swot/proposals`)).json() as {
      proposals: { key: string }[];
    };
    const key = proposals[0]?.key ?? '';
    const before = await entries();
    const page = await get(`/plans/${PLAN}/swot/draft?dropped=${encodeURIComponent(key)}`);
    expect(page.body).not.toContain(`name="proposalKey" value="${key}"`);
    expect(await entries()).toHaveLength(before.length);
  });

  it('refuses a proposal the results do not make, and an accepted text left empty', async () => {
    const unknown = await api('POST', `/api/plans/${PLAN}/swot/proposals`, { key: 'made-up' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].path).toBe('body.key');
    const { proposals } = (await api('GET', `/api/plans/${PLAN}/swot/proposals`)).json() as {
      proposals: { key: string }[];
    };
    const empty = await post(`/plans/${PLAN}/swot/draft`, {
      proposalKey: proposals[0]?.key ?? '',
      text: '  ',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Text: fill this in');
  });

  it('adds an entry linked to a PESTLE factor from the form; a facilitator may, a viewer may not', async () => {
    const factors = (await api('GET', `/api/plans/${PLAN}/pestle`)).json().factors as {
      id: string;
    }[];
    const added = await post(
      `/plans/${PLAN}/swot/new`,
      {
        quadrant: 'opportunity',
        text: 'Regional peers share their platforms',
        importance: 'medium',
        evidence: `pestle:${factors[0]?.id}`,
      },
      facilitator,
    );
    expect(added.statusCode).toBe(303);
    const entry = (await entries()).find((e) => e.text === 'Regional peers share their platforms');
    expect(entry?.evidence).toEqual({ kind: 'pestle', factorId: factors[0]?.id });
    const refused = await post(
      `/plans/${PLAN}/swot/new`,
      { quadrant: 'threat', text: 'Not mine to add', importance: 'low', evidence: '' },
      viewer,
    );
    expect(refused.statusCode).toBe(403);
  });

  it('refuses links that point at nothing of this workspace or plan, naming the field and saving nothing', async () => {
    const other = await api('POST', '/api/plans', {
      title: 'Another plan',
      startsYear: 2031,
      endsYear: 2035,
    });
    const otherFactor = await api('POST', `/api/plans/${other.json().id}/pestle`, {
      heading: 'legal',
      description: 'A factor of another plan',
      impact: 'low',
      likelihood: 'low',
      trend: 'stable',
      horizon: 'long',
    });
    expect(otherFactor.statusCode).toBe(201);
    const roundId = (await entries()).flatMap((e) =>
      e.evidence && typeof e.evidence === 'object' && 'roundId' in e.evidence
        ? [(e.evidence as { roundId: string }).roundId]
        : [],
    )[0];
    const before = await entries();
    for (const evidence of [
      { kind: 'agency', agencyId: NOWHERE },
      { kind: 'pestle', factorId: otherFactor.json().id },
      { kind: 'item', roundId: NOWHERE, code: 'X' },
      { kind: 'subdimension', roundId, code: 'NOT-A-CODE' },
    ]) {
      const response = await api('POST', `/api/plans/${PLAN}/swot`, {
        quadrant: 'strength',
        text: 'Linked to nothing',
        importance: 'low',
        evidence,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([
        { path: 'body.evidence', message: expect.stringContaining('points at nothing') },
      ]);
    }
    const form = await post(`/plans/${PLAN}/swot/new`, {
      quadrant: 'weakness',
      text: '',
      importance: 'extreme',
      evidence: 'agency:nope',
    });
    expect(form.statusCode).toBe(400);
    expect(form.body).toContain('Text: fill this in');
    expect(form.body).toContain('Importance: choose one of the options offered');
    expect(form.body).toContain('Evidence: choose a link from the list, or none');
    expect(await entries()).toHaveLength(before.length);
    const unknownPlan = await api('GET', `/api/plans/${NOWHERE}/swot`);
    expect(unknownPlan.statusCode).toBe(404);
  });

  it('tells the second of two people editing one entry at once, shows the other change, and loses nothing', async () => {
    const entry = (await entries()).find((e) => e.quadrant === 'threat');
    if (!entry) throw new Error('no threat');
    const form = await get(`/plans/${PLAN}/swot/${entry.id}/edit`);
    expect(form.body).toContain(`name="version" value="${entry.version}"`);
    const first = await post(
      `/plans/${PLAN}/swot/${entry.id}/edit`,
      {
        quadrant: 'threat',
        text: 'As the facilitator put it',
        importance: 'high',
        evidence: '',
        version: String(entry.version),
      },
      facilitator,
    );
    expect(first.statusCode).toBe(303);
    const second = await post(`/plans/${PLAN}/swot/${entry.id}/edit`, {
      quadrant: 'threat',
      text: 'As the coordinator put it',
      importance: 'low',
      evidence: '',
      version: String(entry.version),
    });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('Someone else saved a change meanwhile');
    expect(second.body).toContain('<dd>As the facilitator put it</dd>');
    expect(second.body).toContain('As the coordinator put it</textarea>');
    expect(second.body).toContain(`name="version" value="${entry.version + 1}"`);
    // The API answers the same, with the entry as it stands.
    const late = await api('PUT', `/api/plans/${PLAN}/swot/${entry.id}`, {
      quadrant: 'threat',
      text: 'Late',
      importance: 'low',
      version: entry.version,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().current).toMatchObject({
      text: 'As the facilitator put it',
      version: entry.version + 1,
    });
    // A late delete is refused too; one from the current version deletes.
    expect(
      (await api('DELETE', `/api/plans/${PLAN}/swot/${entry.id}?version=${entry.version}`))
        .statusCode,
    ).toBe(409);
    expect(
      (await post(`/plans/${PLAN}/swot/${entry.id}/delete`, { version: String(entry.version + 1) }))
        .statusCode,
    ).toBe(303);
    expect((await entries()).some((e) => e.id === entry.id)).toBe(false);
  });

  it('adds, edits and deletes PESTLE factors, shows them in the matrix, and audits each change', async () => {
    const added = await post(`/plans/${PLAN}/pestle/new`, {
      heading: 'technological',
      description: 'Open-source identity stacks mature',
      impact: 'high',
      likelihood: 'medium',
      trend: 'rising',
      horizon: 'medium',
    });
    expect(added.statusCode).toBe(303);
    const page = await get(`/plans/${PLAN}/pestle`);
    expect(page.body).toContain('<caption>Factors by heading and impact on the plan</caption>');
    expect(page.body).toContain('<li>Open-source identity stacks mature</li>');
    const factor = (
      (await api('GET', `/api/plans/${PLAN}/pestle`)).json().factors as {
        id: string;
        description: string;
        version: number;
      }[]
    ).find((f) => f.description === 'Open-source identity stacks mature');
    if (!factor) throw new Error('no factor');
    const bad = await post(`/plans/${PLAN}/pestle/${factor.id}/edit`, {
      heading: 'cultural',
      description: 'Changed',
      impact: 'high',
      likelihood: 'medium',
      trend: 'sideways',
      horizon: 'medium',
      version: String(factor.version),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Heading: choose one of the options offered');
    expect(bad.body).toContain('Trend: choose one of the options offered');
    const edited = await api('PUT', `/api/plans/${PLAN}/pestle/${factor.id}`, {
      heading: 'technological',
      description: 'Open-source identity stacks are mature',
      impact: 'medium',
      likelihood: 'high',
      trend: 'rising',
      horizon: 'short',
      version: factor.version,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ impact: 'medium', version: factor.version + 1 });
    expect(
      (await api('DELETE', `/api/plans/${PLAN}/pestle/${factor.id}?version=${factor.version + 1}`))
        .statusCode,
    ).toBe(204);
    const audit = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', factor.id)
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual([
      'pestle_factor.created',
      'pestle_factor.updated',
      'pestle_factor.deleted',
    ]);
  });

  it('exports both lists as CSV and XLSX', async () => {
    const csv = await get(`/plans/${PLAN}/swot.csv`, viewer);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows = parse(csv.body.replace(/^\uFEFF/, '')) as string[][];
    expect(rows[0]).toEqual(['Quadrant', 'Text', 'Importance', 'Evidence', 'Version']);
    expect(rows.some((row) => row[0] === 'Opportunities')).toBe(true);
    const xlsx = await get(`/plans/${PLAN}/pestle.xlsx`, viewer);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('Heading');
    expect(sheet?.rowCount).toBeGreaterThanOrEqual(13);
    const spanish = await app.inject({
      method: 'GET',
      url: `/plans/${PLAN}/pestle.csv`,
      headers: { cookie: viewer.cookie, 'accept-language': 'es' },
    });
    expect(spanish.body).toContain('Categoría');
  });

  it('copies the analysis to a new plan, a link to a factor pointing at the factor’s copy', async () => {
    const created = await api('POST', '/api/plans', {
      title: 'Digital Sumwhere 2031–2035',
      startsYear: 2031,
      endsYear: 2035,
    });
    const copyId = created.json().id as string;
    await copyAnalysis(database.db, PLAN, copyId);
    const [fromEntries, toEntries, toFactors] = await Promise.all([
      listSwotEntries(database.db, PLAN),
      listSwotEntries(database.db, copyId),
      listPestleFactors(database.db, copyId),
    ]);
    expect(toEntries.map((e) => [e.quadrant, e.text])).toEqual(
      fromEntries.map((e) => [e.quadrant, e.text]),
    );
    expect(toEntries.some((e) => fromEntries.some((f) => f.id === e.id))).toBe(false);
    const copiedFactorIds = new Set(toFactors.map((f) => f.id));
    const factorLinks = toEntries.flatMap((e) =>
      e.evidence?.kind === 'pestle' ? [e.evidence.factorId] : [],
    );
    expect(factorLinks.length).toBeGreaterThan(0);
    expect(factorLinks.every((id) => copiedFactorIds.has(id))).toBe(true);
    // The copy is a plan of its own: editing it leaves the original as it was.
    const first = toEntries[0];
    if (!first) throw new Error('nothing copied');
    const edited = await api('PUT', `/api/plans/${copyId}/swot/${first.id}`, {
      quadrant: first.quadrant,
      text: 'Changed in the new plan',
      importance: first.importance,
      evidence: first.evidence,
      version: first.version,
    });
    expect(edited.statusCode).toBe(200);
    expect((await listSwotEntries(database.db, PLAN)).map((e) => e.text)).not.toContain(
      'Changed in the new plan',
    );
  });
});
