import { describe, expect, it } from 'vitest';
import type { Step } from '../action-plan/step-store.ts';
import type { InitiativeContext } from '../initiative-rules.ts';
import type { Initiative } from '../initiative-store.ts';
import { defaultStatuses } from '../roadmap-statuses.ts';
import { type ImportNames, planRoadmapImport } from './roadmap-import-plan.ts';
import type { ImportSheet } from './roadmap-import-rows.ts';

const names: ImportNames = {
  agencies: [
    { id: 'agency-ict', name: 'Ministry of ICT', acronym: 'MICT' },
    { id: 'agency-csa', name: 'Civil Service Agency', acronym: null },
  ],
  members: [{ id: 'user-olga', email: 'Olga@gov.example' }],
  goals: [
    { id: 'goal-online', title: 'Services online' },
    { id: 'goal-a', title: 'Trust' },
    { id: 'goal-b', title: 'Trust' },
  ],
  statusLabels: new Map(defaultStatuses.map(({ key }) => [key, [`${key} label`]])),
  stepStatusLabels: new Map([
    ['not_started', ['Not started']],
    ['done', ['Done', 'Hecho']],
  ]),
};

function contextWith(stored: readonly Initiative[] = []): InitiativeContext {
  return {
    statuses: defaultStatuses,
    memberIds: new Set(['user-olga']),
    agencyIds: new Set(['agency-ict', 'agency-csa']),
    goalIds: new Set(['goal-online', 'goal-a', 'goal-b']),
    swotEntryIds: new Set(['swot-1']),
    initiatives: new Map(
      stored.map((initiative) => [
        initiative.id,
        {
          parentId: initiative.parentId,
          level: initiative.level,
          dependsOnIds: initiative.dependsOnIds,
        },
      ]),
    ),
  };
}

function storedInitiative(overrides: Partial<Initiative>): Initiative {
  return {
    id: 'stored-1',
    planId: 'plan',
    externalId: null,
    parentId: null,
    level: 'project',
    title: 'Single portal',
    description: '',
    horizon: 'short',
    startsOn: null,
    endsOn: null,
    leadAgencyId: null,
    leadAgency: null,
    partnerAgencyIds: [],
    ownerId: null,
    ownerName: null,
    budgetAmount: null,
    budgetCurrency: null,
    budgetSource: null,
    status: 'proposed',
    progress: null,
    weight: 1,
    isPublic: true,
    dependsOnIds: [],
    goalIds: [],
    swotEntryIds: [],
    codes: [],
    origin: null,
    steps: { done: 0, total: 0 },
    version: 3,
    updatedAt: new Date(0),
    ...overrides,
  };
}

const initiatives = (...rows: Record<string, string>[]): ImportSheet => ({
  kind: 'initiatives',
  rows: rows.map((values, index) => ({ row: index + 2, values })),
});
const steps = (...rows: Record<string, string>[]): ImportSheet => ({
  kind: 'steps',
  rows: rows.map((values, index) => ({ row: index + 2, values })),
});

function plan(sheets: ImportSheet[], stored: { initiatives?: Initiative[]; steps?: Step[] } = {}) {
  return planRoadmapImport(
    sheets,
    { initiatives: stored.initiatives ?? [], steps: stored.steps ?? [] },
    contextWith(stored.initiatives),
    names,
  );
}

const problemsOf = (result: ReturnType<typeof plan>) =>
  result.ok
    ? []
    : result.problems.map(({ sheet, row, column, rule }) => ({ sheet, row, column, rule }));

describe('planning a roadmap import', () => {
  it('resolves parents and dependencies to rows later in the file, and writes parents first', () => {
    const result = plan([
      initiatives(
        {
          external_id: 'A-1',
          parent_external_id: 'P-1',
          level: 'activity',
          title: 'Pilot',
          horizon: 'short',
          depends_on: 'P-2',
        },
        {
          external_id: 'P-1',
          parent_external_id: 'G-1',
          level: 'project',
          title: 'Portal',
          horizon: 'short',
        },
        { external_id: 'G-1', level: 'programme', title: 'Digital services', horizon: 'long' },
        { external_id: 'P-2', title: 'Digital ID', horizon: 'medium' },
      ),
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.initiatives.map(({ fields }) => fields.externalId)).toEqual([
      'G-1',
      'P-1',
      'A-1',
      'P-2',
    ]);
    const pilot = result.initiatives.find(({ fields }) => fields.externalId === 'A-1');
    expect(pilot?.fields.parentId).toBe('row:3');
    expect(pilot?.fields.dependsOnIds).toEqual(['row:5']);
    expect(result.counts.initiatives).toEqual({ added: 4, changed: 0, unchanged: 0 });
  });

  it('catches a cycle across rows in the tree and in the dependencies, on every row of it', () => {
    const result = plan([
      initiatives(
        { external_id: 'A', parent_external_id: 'B', title: 'A', horizon: 'short' },
        { external_id: 'B', parent_external_id: 'A', title: 'B', horizon: 'short' },
        { external_id: 'C', depends_on: 'D', title: 'C', horizon: 'short' },
        { external_id: 'D', depends_on: 'C', title: 'D', horizon: 'short' },
      ),
    ]);
    expect(problemsOf(result)).toEqual([
      { sheet: 'initiatives', row: 2, column: 'parent_external_id', rule: 'cycle' },
      { sheet: 'initiatives', row: 3, column: 'parent_external_id', rule: 'cycle' },
      { sheet: 'initiatives', row: 4, column: 'depends_on', rule: 'cycle' },
      { sheet: 'initiatives', row: 5, column: 'depends_on', rule: 'cycle' },
    ]);
  });

  it('catches a cycle a row makes with an initiative already stored', () => {
    const portal = storedInitiative({
      id: 'stored-portal',
      externalId: 'P-1',
      dependsOnIds: ['stored-id'],
    });
    const id = storedInitiative({ id: 'stored-id', externalId: 'P-2', title: 'Digital ID' });
    const result = plan(
      [
        initiatives({
          external_id: 'P-2',
          title: 'Digital ID',
          horizon: 'short',
          depends_on: 'P-1',
        }),
      ],
      { initiatives: [portal, id] },
    );
    expect(problemsOf(result)).toEqual([
      { sheet: 'initiatives', row: 2, column: 'depends_on', rule: 'cycle' },
    ]);
  });

  it('reports every problem of every row at once, each with its column', () => {
    const result = plan([
      initiatives(
        {
          external_id: 'X-1',
          title: 'Backwards',
          horizon: 'short',
          starts_on: '2027-01-01',
          ends_on: '2026-01-01',
          lead_agency: 'Ministry of Nowhere',
          owner_email: 'ghost@gov.example',
          status: 'dreaming',
          progress: '120',
          weight: '0',
        },
        { external_id: '', title: 'No id', horizon: 'short' },
        { external_id: 'X-1', title: 'Twice', horizon: 'short', goals: 'Trust; Nothing' },
      ),
    ]);
    expect(problemsOf(result)).toEqual([
      { sheet: 'initiatives', row: 2, column: 'lead_agency', rule: 'agencyUnknown' },
      { sheet: 'initiatives', row: 2, column: 'owner_email', rule: 'ownerUnknown' },
      { sheet: 'initiatives', row: 2, column: 'ends_on', rule: 'endsBeforeStart' },
      { sheet: 'initiatives', row: 2, column: 'status', rule: 'unknown' },
      { sheet: 'initiatives', row: 2, column: 'progress', rule: 'progressInvalid' },
      { sheet: 'initiatives', row: 2, column: 'weight', rule: 'weightInvalid' },
      { sheet: 'initiatives', row: 3, column: 'external_id', rule: 'externalIdMissing' },
      { sheet: 'initiatives', row: 4, column: 'external_id', rule: 'externalIdRepeated' },
    ]);
  });

  it('names an ambiguous or unknown goal and an unknown parent or dependency', () => {
    const result = plan([
      initiatives({
        external_id: 'X-1',
        title: 'Trusted',
        horizon: 'short',
        goals: 'Trust; Nothing',
        parent_external_id: 'NOPE',
        depends_on: 'ALSO-NOPE',
      }),
    ]);
    expect(problemsOf(result)).toEqual([
      { sheet: 'initiatives', row: 2, column: 'parent_external_id', rule: 'parentUnknown' },
      { sheet: 'initiatives', row: 2, column: 'depends_on', rule: 'dependencyUnknown' },
      { sheet: 'initiatives', row: 2, column: 'goals', rule: 'goalAmbiguous' },
      { sheet: 'initiatives', row: 2, column: 'goals', rule: 'goalUnknown' },
    ]);
  });

  it('resolves agencies by acronym or name, owners by email and statuses by label, whatever their case', () => {
    const result = plan([
      initiatives({
        external_id: 'X-1',
        title: 'Portal',
        horizon: 'SHORT',
        lead_agency: 'mict',
        partner_agencies: 'civil service agency; MICT',
        owner_email: 'olga@GOV.example',
        status: 'Completed label',
        goals: 'services online',
        subdimensions: '2.1; 2.2',
      }),
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.initiatives[0]?.fields).toMatchObject({
      horizon: 'short',
      leadAgencyId: 'agency-ict',
      // The lead is not also a partner.
      partnerAgencyIds: ['agency-csa'],
      ownerId: 'user-olga',
      status: 'completed',
      goalIds: ['goal-online'],
      codes: [
        { kind: 'subdimension', code: '2.1' },
        { kind: 'subdimension', code: '2.2' },
      ],
    });
  });

  it('matches a stored initiative by external id, then by id, and finds it unchanged', () => {
    const byExternal = storedInitiative({
      id: 'stored-1',
      externalId: 'P-1',
      goalIds: ['goal-online'],
    });
    const byId = storedInitiative({
      id: 'stored-2',
      title: 'Digital ID',
      swotEntryIds: ['swot-1'],
    });
    const result = plan(
      [
        initiatives(
          {
            external_id: 'P-1',
            title: 'Single portal',
            horizon: 'short',
            goals: 'Services online',
          },
          { external_id: 'stored-2', title: 'Digital ID', horizon: 'short', weight: '1' },
        ),
      ],
      { initiatives: [byExternal, byId] },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.counts.initiatives).toEqual({ added: 0, changed: 0, unchanged: 2 });
    // Matched by its id, it keeps having no external id, and its SWOT link stays.
    expect(result.initiatives[1]?.fields).toMatchObject({
      externalId: null,
      swotEntryIds: ['swot-1'],
    });
    expect(result.initiatives[1]?.stored).toEqual({ id: 'stored-2', version: 3 });
  });

  it('keeps what is stored for a column the file leaves out, and counts a change', () => {
    const stored = storedInitiative({
      externalId: 'P-1',
      description: 'Kept',
      budgetAmount: 100,
      budgetCurrency: 'USD',
    });
    const result = plan([initiatives({ external_id: 'P-1', title: 'Single portal, renamed' })], {
      initiatives: [stored],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.initiatives[0]?.fields).toMatchObject({
      title: 'Single portal, renamed',
      description: 'Kept',
      horizon: 'short',
      budgetAmount: 100,
      budgetCurrency: 'USD',
    });
    expect(result.counts.initiatives).toEqual({ added: 0, changed: 1, unchanged: 0 });
  });

  it('plans steps of file rows and stored initiatives, refusing an unknown initiative or status', () => {
    const stored = storedInitiative({ externalId: 'P-1' });
    const step: Step = {
      id: 'step-1',
      initiativeId: 'stored-1',
      externalId: null,
      what: 'Map the services',
      responsible: 'CIO',
      supporting: '',
      dueOn: '2026-06-30',
      status: 'not_started',
      version: 1,
      updatedAt: new Date(0),
    };
    const result = plan(
      [
        initiatives({ external_id: 'N-1', title: 'New', horizon: 'short' }),
        steps(
          {
            initiative_external_id: 'P-1',
            external_id: 'step-1',
            what: 'Map the services',
            responsible: 'CIO',
            due_on: '2026-06-30',
            status: 'hecho',
          },
          { initiative_external_id: 'N-1', external_id: 'S-2', what: 'Start' },
        ),
      ],
      { initiatives: [stored], steps: [step] },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(
      result.steps.map(({ initiativeKey, change, fields }) => [
        initiativeKey,
        change,
        fields.status,
      ]),
    ).toEqual([
      ['stored-1', 'changed', 'done'],
      ['row:2', 'added', 'not_started'],
    ]);
    const refused = plan(
      [
        steps(
          {
            initiative_external_id: 'GONE',
            external_id: 'S-1',
            what: 'Lost',
            status: 'someday',
            due_on: '2026-02-30',
          },
          { initiative_external_id: 'P-1', external_id: 'S-2', what: '' },
          { initiative_external_id: 'P-1', external_id: 'S-2', what: 'Twice' },
        ),
      ],
      { initiatives: [stored] },
    );
    expect(problemsOf(refused)).toEqual([
      { sheet: 'steps', row: 2, column: 'initiative_external_id', rule: 'initiativeUnknown' },
      { sheet: 'steps', row: 2, column: 'due_on', rule: 'dateInvalid' },
      { sheet: 'steps', row: 2, column: 'status', rule: 'unknown' },
      { sheet: 'steps', row: 3, column: 'what', rule: 'missing' },
      { sheet: 'steps', row: 4, column: 'external_id', rule: 'externalIdRepeated' },
    ]);
  });
});
