// A plan's roadmap as two tables for CSV and XLSX — initiatives, and the steps
// of their action plans — whose columns have stable, language-independent
// names, so that the files an export writes are the files an import reads.
// Every row carries an external id (the stored id when it has none), so
// re-importing an export updates the same rows instead of adding new ones. Pure.
import type { Table, TableCell } from '../../../platform/exports/table-file.ts';
import type { Step } from '../action-plan/index.ts';
import type { Initiative } from '../initiative-store.ts';
import { addTo } from '../multimap.ts';
import { agencyName } from '../roadmap-labels.ts';
import { treeRows } from '../roadmap-summary.ts';

export const initiativeColumns = [
  'external_id',
  'parent_external_id',
  'level',
  'title',
  'description',
  'horizon',
  'starts_on',
  'ends_on',
  'lead_agency',
  'partner_agencies',
  'owner_email',
  'budget_amount',
  'budget_currency',
  'budget_source',
  'status',
  'progress',
  'weight',
  'public',
  'depends_on',
  'goals',
  'dimensions',
  'subdimensions',
  'recommendations',
] as const;
export type InitiativeColumn = (typeof initiativeColumns)[number];

export const stepColumns = [
  'initiative_external_id',
  'external_id',
  'what',
  'responsible',
  'supporting',
  'due_on',
  'status',
] as const;
export type StepColumn = (typeof stepColumns)[number];

/** The sheets of the XLSX file, named in English whatever the language, as the columns are. */
export const sheetNames = { initiatives: 'Initiatives', steps: 'Steps' } as const;
export type SheetKind = keyof typeof sheetNames;

/** What separates the items of a list in one cell. */
export const LIST_SEPARATOR = ';';
const list = (items: readonly string[]) => items.join(`${LIST_SEPARATOR} `);

/** The names the table writes instead of ids. */
export interface RoadmapNames {
  agencies: ReadonlyMap<string, { name: string; acronym: string | null }>;
  memberEmails: ReadonlyMap<string, string>;
  goalTitles: ReadonlyMap<string, string>;
}

/** The id a file knows an initiative or a step by. */
export const externalIdOf = (row: { id: string; externalId: string | null }) =>
  row.externalId ?? row.id;

const treeOrder = (initiatives: readonly Initiative[]) =>
  treeRows(initiatives).map(({ initiative }) => initiative);

export function initiativeTable(initiatives: readonly Initiative[], names: RoadmapNames): Table {
  const byId = new Map(initiatives.map((initiative) => [initiative.id, initiative]));
  const externalOf = (id: string) => {
    const initiative = byId.get(id);
    return initiative ? externalIdOf(initiative) : id;
  };
  const agencyOf = (id: string) => {
    const agency = names.agencies.get(id);
    return agency ? agencyName(agency) : '';
  };
  const codes = (initiative: Initiative, kind: string) =>
    list(initiative.codes.filter((code) => code.kind === kind).map((code) => code.code));
  return {
    title: sheetNames.initiatives,
    headers: [...initiativeColumns],
    rows: treeOrder(initiatives).map((initiative): TableCell[] => [
      externalIdOf(initiative),
      initiative.parentId ? externalOf(initiative.parentId) : '',
      initiative.level,
      initiative.title,
      initiative.description,
      initiative.horizon,
      initiative.startsOn ?? '',
      initiative.endsOn ?? '',
      initiative.leadAgencyId ? agencyOf(initiative.leadAgencyId) : '',
      list(initiative.partnerAgencyIds.map(agencyOf)),
      initiative.ownerId ? (names.memberEmails.get(initiative.ownerId) ?? '') : '',
      initiative.budgetAmount,
      initiative.budgetCurrency ?? '',
      initiative.budgetSource ?? '',
      initiative.status,
      initiative.progress,
      initiative.weight,
      initiative.isPublic ? 'yes' : 'no',
      list(initiative.dependsOnIds.map(externalOf)),
      list(initiative.goalIds.map((id) => names.goalTitles.get(id) ?? '')),
      codes(initiative, 'dimension'),
      codes(initiative, 'subdimension'),
      codes(initiative, 'recommendation'),
    ]),
  };
}

/** The steps, grouped by initiative in the order of the initiatives' table. */
export function stepTable(initiatives: readonly Initiative[], steps: readonly Step[]): Table {
  const stepsOf = new Map<string, Step[]>();
  for (const step of steps) addTo(stepsOf, step.initiativeId, step);
  return {
    title: sheetNames.steps,
    headers: [...stepColumns],
    rows: treeOrder(initiatives).flatMap((initiative) =>
      (stepsOf.get(initiative.id) ?? []).map((step): TableCell[] => [
        externalIdOf(initiative),
        externalIdOf(step),
        step.what,
        step.responsible,
        step.supporting,
        step.dueOn ?? '',
        step.status,
      ]),
    ),
  };
}
