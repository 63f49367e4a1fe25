// Deciding what a roadmap file does to a plan, without touching the database:
// each row is matched to a stored initiative or step by its external id (then
// by id, which is what an export writes for a row that has none), its names
// are resolved — agencies by acronym or name, owners by email, goals by title,
// statuses by key or label, parents and dependencies to other rows of the file
// in any order or to stored initiatives — and it is checked by the same rules
// as the form, against the plan as it would be after the import, so a cycle
// across rows is caught. Every problem is reported at once, with its place;
// a column the file leaves out keeps what is stored. Pure.

import type { Step } from '../action-plan/index.ts';
import { checkStepFields, type RawStepFields, type StepFields } from '../action-plan/index.ts';
import {
  checkInitiativeFields,
  type InitiativeContext,
  type InitiativeField,
  type InitiativeFields,
  type Level,
  type PlacedInitiative,
  type RawInitiativeFields,
} from '../initiative-rules.ts';
import type { Initiative } from '../initiative-store.ts';
import { addTo } from '../multimap.ts';
import type { ImportProblem, ImportRow, ImportSheet } from './roadmap-import-rows.ts';
import { type InitiativeColumn, LIST_SEPARATOR, type SheetKind } from './roadmap-table.ts';

/** What names in a file stand for. */
export interface ImportNames {
  agencies: readonly { id: string; name: string; acronym: string | null }[];
  members: readonly { id: string; email: string }[];
  goals: readonly { id: string; title: string }[];
  /** By status key, the words it may be written as besides its key: its labels in every language. */
  statusLabels: ReadonlyMap<string, readonly string[]>;
  stepStatusLabels: ReadonlyMap<string, readonly string[]>;
}

export type Change = 'added' | 'changed' | 'unchanged';

export interface PlannedInitiative {
  row: number;
  /** The stored id, or `row:<n>` for an initiative the import adds; parents and dependencies name these keys. */
  key: string;
  stored?: { id: string; version: number };
  fields: InitiativeFields;
  change: Change;
}

export interface PlannedStep {
  row: number;
  initiativeKey: string;
  stored?: { id: string; version: number };
  fields: StepFields;
  change: Change;
}

export type ImportCounts = Record<SheetKind, Record<Change, number>>;

export type RoadmapImportPlan =
  | { ok: true; initiatives: PlannedInitiative[]; steps: PlannedStep[]; counts: ImportCounts }
  | { ok: false; problems: ImportProblem[] };

const fold = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
const listOf = (cell: string) =>
  cell
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item !== '');

const columnOfField: Record<InitiativeField, InitiativeColumn> = {
  externalId: 'external_id',
  parentId: 'parent_external_id',
  level: 'level',
  title: 'title',
  description: 'description',
  horizon: 'horizon',
  startsOn: 'starts_on',
  endsOn: 'ends_on',
  leadAgencyId: 'lead_agency',
  partnerAgencyIds: 'partner_agencies',
  ownerId: 'owner_email',
  budgetAmount: 'budget_amount',
  budgetCurrency: 'budget_currency',
  budgetSource: 'budget_source',
  status: 'status',
  progress: 'progress',
  weight: 'weight',
  isPublic: 'public',
  dependsOnIds: 'depends_on',
  goalIds: 'goals',
  // SWOT entries are kept as stored; a problem with them belongs to the row.
  swotEntryIds: 'external_id',
  codes: 'subdimensions',
};
const columnOfStepField: Record<keyof StepFields, string> = {
  externalId: 'external_id',
  what: 'what',
  responsible: 'responsible',
  supporting: 'supporting',
  dueOn: 'due_on',
  status: 'status',
};
const codeColumns = [
  ['dimension', 'dimensions'],
  ['subdimension', 'subdimensions'],
  ['recommendation', 'recommendations'],
] as const;

/** The key a status (of an initiative or a step) is written as, by its key or one of its labels. */
function statusKeyOf(text: string, labels: ReadonlyMap<string, readonly string[]>): string {
  const wanted = fold(text);
  for (const [key, words] of labels)
    if (fold(key) === wanted || words.some((word) => fold(word) === wanted)) return key;
  return text;
}

export function planRoadmapImport(
  sheets: readonly ImportSheet[],
  stored: { initiatives: readonly Initiative[]; steps: readonly Step[] },
  context: InitiativeContext,
  names: ImportNames,
): RoadmapImportPlan {
  const problems: ImportProblem[] = [];
  const rowsOf = (kind: SheetKind) => sheets.find((sheet) => sheet.kind === kind)?.rows ?? [];
  const storedKeyOf = storedKeys(stored.initiatives);
  const initiatives = matchInitiatives(
    rowsOf('initiatives'),
    stored.initiatives,
    storedKeyOf,
    problems,
  );

  /** A stored initiative or a row of the file, by the external id (or id) a cell names. */
  const resolve = (reference: string): string | undefined =>
    initiatives.keyOfExternalId.get(reference) ?? storedKeyOf(reference);

  const resolved = initiatives.rows.map((matched) => ({
    ...matched,
    ...rawInitiative(matched.values, matched.row, matched.stored, resolve, names, problems),
  }));

  // The plan's tree and dependencies as they would stand after the import.
  const placed = new Map<string, PlacedInitiative>(context.initiatives);
  for (const { key, raw } of resolved)
    placed.set(key, {
      parentId: raw.parentId ?? null,
      level: (raw.level || 'project') as Level,
      dependsOnIds: raw.dependsOnIds ?? [],
    });
  const after: InitiativeContext = { ...context, initiatives: placed };

  const planned: PlannedInitiative[] = [];
  for (const { row, key, stored: before, raw, resolvedWell } of resolved) {
    const checked = checkInitiativeFields(raw, after, key);
    for (const problem of checked.problems)
      problems.push({
        sheet: 'initiatives',
        row,
        column: columnOfField[problem.field],
        rule: problem.rule,
        fromRules: true,
        ...(problem.values ? { values: problem.values } : {}),
      });
    if (!checked.fields || !resolvedWell) continue;
    planned.push({
      row,
      key,
      ...(before ? { stored: { id: before.id, version: before.version } } : {}),
      fields: checked.fields,
      change: !before ? 'added' : sameInitiative(checked.fields, before) ? 'unchanged' : 'changed',
    });
  }

  const steps = planSteps(rowsOf('steps'), stored.steps, resolve, names, problems);

  if (problems.length > 0) return { ok: false, problems: inFileOrder(problems) };
  const counts: ImportCounts = {
    initiatives: { added: 0, changed: 0, unchanged: 0 },
    steps: { added: 0, changed: 0, unchanged: 0 },
  };
  for (const { change } of planned) counts.initiatives[change] += 1;
  for (const { change } of steps) counts.steps[change] += 1;
  return { ok: true, initiatives: parentsFirst(planned), steps, counts };
}

/** Finds a stored initiative's id by its external id first, then by its id. */
function storedKeys(stored: readonly Initiative[]) {
  const byExternalId = new Map<string, string>();
  for (const { id, externalId } of stored) if (externalId) byExternalId.set(externalId, id);
  const ids = new Set(stored.map(({ id }) => id));
  return (reference: string): string | undefined =>
    byExternalId.get(reference) ?? (ids.has(reference) ? reference : undefined);
}

/** Each row with its external id, matched to the stored initiative it updates or a new key. */
function matchInitiatives(
  rows: readonly ImportRow[],
  stored: readonly Initiative[],
  storedKeyOf: (reference: string) => string | undefined,
  problems: ImportProblem[],
) {
  const keyOfExternalId = new Map<string, string>();
  const rowOfKey = new Map<string, number>();
  const matched: (ImportRow & { key: string; stored?: Initiative })[] = [];
  const byId = new Map(stored.map((initiative) => [initiative.id, initiative]));
  for (const { row, values } of rows) {
    const externalId = (values.external_id ?? '').trim();
    if (!externalId) {
      problems.push({
        sheet: 'initiatives',
        row,
        column: 'external_id',
        rule: 'externalIdMissing',
      });
      continue;
    }
    const storedKey = storedKeyOf(externalId);
    const key = storedKey ?? `row:${row}`;
    const earlier = rowOfKey.get(key) ?? rowOfKey.get(`external:${externalId}`);
    if (earlier !== undefined) {
      problems.push({
        sheet: 'initiatives',
        row,
        column: 'external_id',
        rule: 'externalIdRepeated',
        values: { other: earlier },
      });
      continue;
    }
    rowOfKey.set(key, row);
    rowOfKey.set(`external:${externalId}`, row);
    keyOfExternalId.set(externalId, key);
    const before = storedKey ? byId.get(storedKey) : undefined;
    matched.push({ row, values, key, ...(before ? { stored: before } : {}) });
  }
  return { rows: matched, keyOfExternalId };
}

/**
 * A row's fields as the rules take them, with names resolved to ids; a
 * column the file does not have keeps the stored value (or the default).
 */
function rawInitiative(
  values: Readonly<Record<string, string>>,
  row: number,
  before: Initiative | undefined,
  resolve: (reference: string) => string | undefined,
  names: ImportNames,
  problems: ImportProblem[],
): { raw: RawInitiativeFields; resolvedWell: boolean } {
  let resolvedWell = true;
  const unknown = (column: InitiativeColumn, rule: string, name: string) => {
    resolvedWell = false;
    problems.push({ sheet: 'initiatives', row, column, rule, values: { name } });
  };
  const cell = <T>(column: InitiativeColumn, read: (text: string) => T, kept: T): T =>
    column in values ? read(values[column] ?? '') : kept;
  const text = (column: InitiativeColumn, kept: string | number | null | undefined) =>
    cell(column, (value) => value, kept === null || kept === undefined ? '' : String(kept));

  const agencyOf = (column: InitiativeColumn) => (name: string) => {
    const wanted = fold(name);
    const agency =
      names.agencies.find((candidate) => candidate.acronym && fold(candidate.acronym) === wanted) ??
      names.agencies.find((candidate) => fold(candidate.name) === wanted);
    if (!agency) unknown(column, 'agencyUnknown', name);
    return agency?.id;
  };
  const initiativeOf = (column: InitiativeColumn, rule: string) => (reference: string) => {
    const key = resolve(reference);
    if (!key) unknown(column, rule, reference);
    return key;
  };
  const present = (ids: (string | undefined)[]) => ids.filter((id) => id !== undefined);

  const externalId = (values.external_id ?? '').trim();
  const raw: RawInitiativeFields = {
    // A stored initiative without an external id is exported under its id; it keeps having none.
    externalId:
      before && before.externalId === null && before.id === externalId ? null : externalId,
    parentId: cell(
      'parent_external_id',
      (value) =>
        value ? (initiativeOf('parent_external_id', 'parentUnknown')(value) ?? null) : null,
      before?.parentId ?? null,
    ),
    level: cell('level', (value) => value.toLowerCase(), before?.level ?? ''),
    title: text('title', before?.title),
    description: text('description', before?.description),
    horizon: cell('horizon', (value) => value.toLowerCase(), before?.horizon ?? ''),
    startsOn: text('starts_on', before?.startsOn),
    endsOn: text('ends_on', before?.endsOn),
    leadAgencyId: cell(
      'lead_agency',
      (value) => (value ? (agencyOf('lead_agency')(value) ?? null) : null),
      before?.leadAgencyId ?? null,
    ),
    partnerAgencyIds: cell(
      'partner_agencies',
      (value) => present(listOf(value).map(agencyOf('partner_agencies'))),
      before?.partnerAgencyIds ?? [],
    ),
    ownerId: cell(
      'owner_email',
      (value) => {
        if (!value) return null;
        const member = names.members.find((candidate) => fold(candidate.email) === fold(value));
        if (!member) unknown('owner_email', 'ownerUnknown', value);
        return member?.id ?? null;
      },
      before?.ownerId ?? null,
    ),
    budgetAmount: text('budget_amount', before?.budgetAmount),
    budgetCurrency: text('budget_currency', before?.budgetCurrency),
    budgetSource: text('budget_source', before?.budgetSource),
    status: cell(
      'status',
      (value) => (value ? statusKeyOf(value, names.statusLabels) : ''),
      before?.status ?? '',
    ),
    progress: text('progress', before?.progress),
    weight: text('weight', before?.weight),
    isPublic: cell<boolean | string>('public', (value) => value, before?.isPublic ?? true),
    dependsOnIds: cell(
      'depends_on',
      (value) => present(listOf(value).map(initiativeOf('depends_on', 'dependencyUnknown'))),
      before?.dependsOnIds ?? [],
    ),
    goalIds: cell(
      'goals',
      (value) =>
        present(
          listOf(value).map((title) => {
            const found = names.goals.filter((goal) => fold(goal.title) === fold(title));
            if (found.length !== 1)
              unknown('goals', found.length === 0 ? 'goalUnknown' : 'goalAmbiguous', title);
            return found.length === 1 ? found[0]?.id : undefined;
          }),
        ),
      before?.goalIds ?? [],
    ),
    swotEntryIds: before?.swotEntryIds ?? [],
    codes: codeColumns.flatMap(([kind, column]) =>
      cell(
        column,
        (value) => listOf(value).map((code) => ({ kind, code })),
        (before?.codes ?? []).filter((code) => code.kind === kind),
      ),
    ),
  };
  return { raw, resolvedWell };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

function sameInitiative(fields: InitiativeFields, before: Initiative): boolean {
  const scalars = [
    'externalId',
    'parentId',
    'level',
    'title',
    'description',
    'horizon',
    'startsOn',
    'endsOn',
    'leadAgencyId',
    'ownerId',
    'budgetAmount',
    'budgetCurrency',
    'budgetSource',
    'status',
    'progress',
    'weight',
    'isPublic',
  ] as const;
  const codes = (list: InitiativeFields['codes']) =>
    list.map(({ kind, code }) => `${kind}:${code}`);
  return (
    scalars.every((name) => fields[name] === before[name]) &&
    sameSet(fields.partnerAgencyIds, before.partnerAgencyIds) &&
    sameSet(fields.dependsOnIds, before.dependsOnIds) &&
    sameSet(fields.goalIds, before.goalIds) &&
    sameSet(fields.swotEntryIds, before.swotEntryIds) &&
    sameSet(codes(fields.codes), codes(before.codes))
  );
}

function planSteps(
  rows: readonly ImportRow[],
  stored: readonly Step[],
  resolve: (reference: string) => string | undefined,
  names: ImportNames,
  problems: ImportProblem[],
): PlannedStep[] {
  const planned: PlannedStep[] = [];
  const rowOfStep = new Map<string, number>();
  const storedOf = new Map<string, Step[]>();
  for (const step of stored) addTo(storedOf, step.initiativeId, step);
  for (const { row, values } of rows) {
    const problem = (column: string, rule: string, extra?: Record<string, string | number>) =>
      problems.push({ sheet: 'steps', row, column, rule, ...(extra ? { values: extra } : {}) });
    const reference = (values.initiative_external_id ?? '').trim();
    const initiativeKey = reference ? resolve(reference) : undefined;
    if (!reference) problem('initiative_external_id', 'initiativeMissing');
    else if (!initiativeKey)
      problem('initiative_external_id', 'initiativeUnknown', { name: reference });
    const externalId = (values.external_id ?? '').trim();
    if (!externalId) problem('external_id', 'externalIdMissing');

    const mine = (initiativeKey && storedOf.get(initiativeKey)) || [];
    const before =
      mine.find((step) => step.externalId === externalId) ??
      mine.find((step) => step.id === externalId);
    const place = `${initiativeKey}\u0000${before?.id ?? externalId}`;
    const earlier = rowOfStep.get(place);
    if (externalId && earlier !== undefined)
      problem('external_id', 'externalIdRepeated', { other: earlier });
    rowOfStep.set(place, row);

    const cell = (column: string, kept: string | null | undefined) =>
      column in values ? (values[column] ?? '') : (kept ?? '');
    const raw: RawStepFields = {
      externalId:
        before && before.externalId === null && before.id === externalId ? null : externalId,
      what: cell('what', before?.what),
      responsible: cell('responsible', before?.responsible),
      supporting: cell('supporting', before?.supporting),
      dueOn: cell('due_on', before?.dueOn),
      status:
        'status' in values
          ? statusKeyOf(values.status ?? '', names.stepStatusLabels)
          : (before?.status ?? ''),
    };
    const checked = checkStepFields(raw);
    for (const { field, rule, values: extra } of checked.problems)
      problems.push({
        sheet: 'steps',
        row,
        column: columnOfStepField[field],
        rule,
        fromRules: true,
        ...(extra ? { values: extra } : {}),
      });
    if (!checked.fields || !initiativeKey || !externalId) continue;
    const fields = checked.fields;
    const unchanged =
      before &&
      (Object.keys(columnOfStepField) as (keyof StepFields)[]).every(
        (name) => fields[name] === before[name],
      );
    planned.push({
      row,
      initiativeKey,
      ...(before ? { stored: { id: before.id, version: before.version } } : {}),
      fields,
      change: !before ? 'added' : unchanged ? 'unchanged' : 'changed',
    });
  }
  return planned;
}

/** Initiatives first, then steps, each by row, columns as they come. */
function inFileOrder(problems: ImportProblem[]): ImportProblem[] {
  const sheetOrder = (problem: ImportProblem) => (problem.sheet === 'steps' ? 1 : 0);
  return [...problems].sort((a, b) => sheetOrder(a) - sheetOrder(b) || (a.row ?? 0) - (b.row ?? 0));
}

/** Orders the initiatives so each parent of the file is written before what is under it. */
function parentsFirst(planned: readonly PlannedInitiative[]): PlannedInitiative[] {
  const byKey = new Map(planned.map((initiative) => [initiative.key, initiative]));
  const ordered: PlannedInitiative[] = [];
  const placed = new Set<string>();
  const place = (initiative: PlannedInitiative) => {
    if (placed.has(initiative.key)) return;
    placed.add(initiative.key);
    const parent = initiative.fields.parentId ? byKey.get(initiative.fields.parentId) : undefined;
    if (parent) place(parent);
    ordered.push(initiative);
  };
  for (const initiative of planned) place(initiative);
  return ordered;
}
