// The rules an initiative meets, for the form, the API and the import alike:
// a title, a level below its parent's, dates that run forward, a weight above
// zero, a status of the workspace's list, progress from 0 to 100, an owner
// who is a member, agencies of the workspace, and neither the tree nor the
// dependencies going round in a circle. Pure.
import type { InitiativeStatus } from './roadmap-statuses.ts';

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 4000;
export const EXTERNAL_ID_MAX = 100;
export const BUDGET_SOURCE_MAX = 200;

export const levels = ['programme', 'project', 'activity'] as const;
export type Level = (typeof levels)[number];
export const horizons = ['short', 'medium', 'long'] as const;
export type Horizon = (typeof horizons)[number];
export const codeKinds = ['dimension', 'subdimension', 'recommendation'] as const;
export type CodeKind = (typeof codeKinds)[number];

export interface InitiativeFields {
  externalId: string | null;
  parentId: string | null;
  level: Level;
  title: string;
  description: string;
  horizon: Horizon;
  startsOn: string | null;
  endsOn: string | null;
  leadAgencyId: string | null;
  partnerAgencyIds: string[];
  ownerId: string | null;
  budgetAmount: number | null;
  budgetCurrency: string | null;
  budgetSource: string | null;
  status: string;
  progress: number | null;
  weight: number;
  isPublic: boolean;
  dependsOnIds: string[];
  goalIds: string[];
  swotEntryIds: string[];
  codes: { kind: CodeKind; code: string }[];
}

/** An initiative's fields with nothing set but what is given: no dates, links or budget, weight 1, public. */
export const initiativeFields = (
  values: Partial<InitiativeFields> &
    Pick<InitiativeFields, 'title' | 'level' | 'horizon' | 'status'>,
): InitiativeFields => ({
  externalId: null,
  parentId: null,
  description: '',
  startsOn: null,
  endsOn: null,
  leadAgencyId: null,
  partnerAgencyIds: [],
  ownerId: null,
  budgetAmount: null,
  budgetCurrency: null,
  budgetSource: null,
  progress: null,
  weight: 1,
  isPublic: true,
  dependsOnIds: [],
  goalIds: [],
  swotEntryIds: [],
  codes: [],
  ...values,
});

type Text = string | undefined | null;
type Numberish = string | number | undefined | null;

/** The fields as typed in a form, sent to the API or read from a spreadsheet row, before checking. */
export interface RawInitiativeFields {
  externalId?: Text;
  parentId?: Text;
  level?: Text;
  title?: Text;
  description?: Text;
  horizon?: Text;
  startsOn?: Text;
  endsOn?: Text;
  leadAgencyId?: Text;
  partnerAgencyIds?: readonly string[] | undefined;
  ownerId?: Text;
  budgetAmount?: Numberish;
  budgetCurrency?: Text;
  budgetSource?: Text;
  status?: Text;
  progress?: Numberish;
  weight?: Numberish;
  isPublic?: boolean | string | undefined;
  dependsOnIds?: readonly string[] | undefined;
  goalIds?: readonly string[] | undefined;
  swotEntryIds?: readonly string[] | undefined;
  codes?: readonly { kind: string; code: string }[] | undefined;
}

export type InitiativeField = Exclude<keyof InitiativeFields, 'codes'> | 'codes';

/** One thing wrong with one field; `rule` names a message `roadmap.error.<rule>`. */
export interface InitiativeProblem {
  field: InitiativeField;
  rule: string;
  values?: Record<string, string | number>;
}

/** The plan's other initiatives, as far as the tree and the dependencies need them. */
export interface PlacedInitiative {
  parentId: string | null;
  level: Level;
  dependsOnIds: readonly string[];
}

export interface InitiativeContext {
  statuses: readonly InitiativeStatus[];
  memberIds: ReadonlySet<string>;
  agencyIds: ReadonlySet<string>;
  goalIds: ReadonlySet<string>;
  swotEntryIds: ReadonlySet<string>;
  /** Every initiative of the plan by id, this one included when it exists. */
  initiatives: ReadonlyMap<string, PlacedInitiative>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day as 'YYYY-MM-DD'; undefined for anything else. */
export function dayOf(text: string): string | undefined {
  if (!ISO_DATE.test(text)) return undefined;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text) ? text : undefined;
}

const trimmed = (value: Text) => (value ?? '').trim();
const oneLine = (value: Text) => trimmed(value).replace(/\s+/g, ' ');
const optional = (value: Text) => trimmed(value) || null;

function numberOf(value: Numberish): number | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const text = value.trim().replace(/[\s,](?=\d{3}\b)/g, '');
  if (text === '') return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : undefined;
}

function booleanOf(value: boolean | string | undefined): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const text = (value ?? '').trim().toLowerCase();
  if (text === '') return true;
  if (['true', 'yes', 'on', '1'].includes(text)) return true;
  if (['false', 'no', 'off', '0'].includes(text)) return false;
  return undefined;
}

/**
 * Checks an initiative's fields against its plan; `selfId` is the initiative
 * being edited (none for a new one). Every problem is reported at once.
 */
export function checkInitiativeFields(
  raw: RawInitiativeFields,
  context: InitiativeContext,
  selfId?: string,
): { fields?: InitiativeFields; problems: InitiativeProblem[] } {
  const problems: InitiativeProblem[] = [];
  const problem = (field: InitiativeField, rule: string, values?: InitiativeProblem['values']) =>
    problems.push({ field, rule, ...(values ? { values } : {}) });

  const title = oneLine(raw.title);
  if (!title) problem('title', 'missing');
  else if (title.length > TITLE_MAX) problem('title', 'tooLong', { max: TITLE_MAX });
  const description = trimmed(raw.description);
  if (description.length > DESCRIPTION_MAX)
    problem('description', 'tooLong', { max: DESCRIPTION_MAX });
  const externalId = optional(raw.externalId);
  if (externalId && externalId.length > EXTERNAL_ID_MAX)
    problem('externalId', 'tooLong', { max: EXTERNAL_ID_MAX });

  const level = trimmed(raw.level) || 'project';
  if (!levels.includes(level as Level)) problem('level', 'unknown');
  const horizon = trimmed(raw.horizon);
  if (!horizons.includes(horizon as Horizon)) problem('horizon', horizon ? 'unknown' : 'missing');

  const parentId = optional(raw.parentId);
  if (parentId) checkParent(parentId, level as Level, context, selfId, problem);

  const startsOn = optional(raw.startsOn);
  const endsOn = optional(raw.endsOn);
  if (startsOn && !dayOf(startsOn)) problem('startsOn', 'dateInvalid');
  if (endsOn && !dayOf(endsOn)) problem('endsOn', 'dateInvalid');
  if (startsOn && endsOn && dayOf(startsOn) && dayOf(endsOn) && endsOn < startsOn)
    problem('endsOn', 'endsBeforeStart');

  const leadAgencyId = optional(raw.leadAgencyId);
  if (leadAgencyId && !context.agencyIds.has(leadAgencyId)) problem('leadAgencyId', 'unknown');
  const partnerAgencyIds = [...new Set(raw.partnerAgencyIds ?? [])].filter(
    (id) => id !== leadAgencyId,
  );
  if (partnerAgencyIds.some((id) => !context.agencyIds.has(id)))
    problem('partnerAgencyIds', 'unknown');
  const ownerId = optional(raw.ownerId);
  if (ownerId && !context.memberIds.has(ownerId)) problem('ownerId', 'notMember');

  const budgetAmount = numberOf(raw.budgetAmount);
  const budgetCurrency = optional(raw.budgetCurrency)?.toUpperCase() ?? null;
  if (budgetAmount === undefined || (budgetAmount !== null && budgetAmount < 0))
    problem('budgetAmount', 'amountInvalid');
  if (budgetCurrency && !/^[A-Z]{3}$/.test(budgetCurrency))
    problem('budgetCurrency', 'currencyInvalid');
  if (typeof budgetAmount === 'number' && !budgetCurrency)
    problem('budgetCurrency', 'currencyMissing');
  if (budgetAmount === null && budgetCurrency) problem('budgetAmount', 'amountMissing');
  const budgetSource = optional(raw.budgetSource);
  if (budgetSource && budgetSource.length > BUDGET_SOURCE_MAX)
    problem('budgetSource', 'tooLong', { max: BUDGET_SOURCE_MAX });

  const status = trimmed(raw.status) || context.statuses[0]?.key || '';
  if (!context.statuses.some((candidate) => candidate.key === status)) problem('status', 'unknown');
  const progress = numberOf(raw.progress);
  if (progress === undefined || (progress !== null && (progress < 0 || progress > 100)))
    problem('progress', 'progressInvalid');
  const weight = numberOf(raw.weight) ?? 1;
  if (weight === undefined || weight <= 0 || weight > 1000) problem('weight', 'weightInvalid');
  const isPublic = booleanOf(raw.isPublic);
  if (isPublic === undefined) problem('isPublic', 'yesNo');

  const dependsOnIds = [...new Set(raw.dependsOnIds ?? [])];
  checkDependencies(dependsOnIds, context, selfId, problem);
  const goalIds = [...new Set(raw.goalIds ?? [])];
  if (goalIds.some((id) => !context.goalIds.has(id))) problem('goalIds', 'unknown');
  const swotEntryIds = [...new Set(raw.swotEntryIds ?? [])];
  if (swotEntryIds.some((id) => !context.swotEntryIds.has(id))) problem('swotEntryIds', 'unknown');
  const codes = uniqueCodes(raw.codes ?? []);
  if (codes.some((code) => !codeKinds.includes(code.kind as CodeKind) || !code.code))
    problem('codes', 'unknown');

  if (problems.length > 0) return { problems };
  return {
    problems,
    fields: {
      externalId,
      parentId,
      level: level as Level,
      title,
      description,
      horizon: horizon as Horizon,
      startsOn,
      endsOn,
      leadAgencyId,
      partnerAgencyIds,
      ownerId,
      budgetAmount: budgetAmount ?? null,
      budgetCurrency,
      budgetSource,
      status,
      progress: progress ?? null,
      weight,
      isPublic: isPublic ?? true,
      dependsOnIds,
      goalIds,
      swotEntryIds,
      codes: codes as InitiativeFields['codes'],
    },
  };
}

function uniqueCodes(codes: readonly { kind: string; code: string }[]) {
  const seen = new Map<string, { kind: string; code: string }>();
  for (const { kind, code } of codes)
    seen.set(`${kind}\u0000${code.trim()}`, { kind, code: code.trim() });
  return [...seen.values()];
}

function checkParent(
  parentId: string,
  level: Level,
  context: InitiativeContext,
  selfId: string | undefined,
  problem: (field: InitiativeField, rule: string) => void,
) {
  const parent = context.initiatives.get(parentId);
  if (!parent) return problem('parentId', 'unknown');
  if (selfId !== undefined && isUnder(parentId, selfId, context.initiatives))
    return problem('parentId', 'cycle');
  if (levels.includes(level) && levels.indexOf(parent.level) >= levels.indexOf(level))
    problem('parentId', 'levelNotBelow');
}

/** Whether `id` is `ancestorId` or lies anywhere under it. */
export function isUnder(
  id: string,
  ancestorId: string,
  initiatives: ReadonlyMap<string, Pick<PlacedInitiative, 'parentId'>>,
): boolean {
  const seen = new Set<string>();
  for (let current: string | null = id; current !== null && !seen.has(current); ) {
    if (current === ancestorId) return true;
    seen.add(current);
    current = initiatives.get(current)?.parentId ?? null;
  }
  return false;
}

function checkDependencies(
  dependsOnIds: readonly string[],
  context: InitiativeContext,
  selfId: string | undefined,
  problem: (field: InitiativeField, rule: string) => void,
) {
  if (dependsOnIds.some((id) => !context.initiatives.has(id)))
    return problem('dependsOnIds', 'unknown');
  if (selfId === undefined) return;
  if (dependsOnIds.includes(selfId) || dependsOnIds.some((id) => reaches(id, selfId, context)))
    problem('dependsOnIds', 'cycle');
}

/** Whether following dependencies from `fromId` ever arrives at `targetId`. */
function reaches(fromId: string, targetId: string, context: InitiativeContext): boolean {
  const seen = new Set<string>();
  const stack = [fromId];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (id === targetId) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(context.initiatives.get(id)?.dependsOnIds ?? []));
  }
  return false;
}
