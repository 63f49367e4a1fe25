// The rules a plan meets, for the form and the API alike: a title, a period of
// whole years that runs forward, baseline rounds of the workspace, and the
// path of its status, draft → adopted → closed.
export const TITLE_MAX = 200;
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;
/** A transformation plan spans a few years; twenty is already a generation. */
export const LONGEST_PERIOD = 20;

export const planStatuses = ['draft', 'adopted', 'closed'] as const;
export type PlanStatus = (typeof planStatuses)[number];

export interface PlanFields {
  title: string;
  startsYear: number;
  endsYear: number;
  baselineRoundIds: string[];
}

/** The fields as typed in a form or sent to the API, before checking. */
export interface RawPlanFields {
  title?: string | undefined;
  startsYear?: string | number | undefined;
  endsYear?: string | number | undefined;
  baselineRoundIds?: readonly string[] | undefined;
}

/** One thing wrong with one field; `rule` names a message `plans.error.<rule>`. */
export interface PlanProblem {
  field: 'title' | 'startsYear' | 'endsYear' | 'baselineRoundIds' | 'status';
  rule: string;
  values?: Record<string, string | number>;
}

function yearOf(value: string | number | undefined): number | undefined {
  const text = String(value ?? '').trim();
  return /^\d{4}$/.test(text) ? Number(text) : undefined;
}

/**
 * Checks a plan's fields; `roundIds` are the workspace's rounds, which alone
 * may be a baseline.
 */
export function checkPlanFields(
  raw: RawPlanFields,
  roundIds: ReadonlySet<string>,
): { fields?: PlanFields; problems: PlanProblem[] } {
  const problems: PlanProblem[] = [];
  const title = (raw.title ?? '').trim().replace(/\s+/g, ' ');
  if (!title) problems.push({ field: 'title', rule: 'titleMissing' });
  else if (title.length > TITLE_MAX)
    problems.push({ field: 'title', rule: 'tooLong', values: { max: TITLE_MAX } });
  const startsYear = yearOf(raw.startsYear);
  const endsYear = yearOf(raw.endsYear);
  for (const [field, year] of [
    ['startsYear', startsYear],
    ['endsYear', endsYear],
  ] as const)
    if (year === undefined || year < FIRST_YEAR || year > LAST_YEAR)
      problems.push({ field, rule: 'yearInvalid', values: { first: FIRST_YEAR, last: LAST_YEAR } });
  const yearsValid = !problems.some((p) => p.field === 'startsYear' || p.field === 'endsYear');
  if (startsYear !== undefined && endsYear !== undefined && yearsValid) {
    if (endsYear < startsYear) problems.push({ field: 'endsYear', rule: 'endsBeforeStart' });
    else if (endsYear - startsYear > LONGEST_PERIOD)
      problems.push({ field: 'endsYear', rule: 'periodTooLong', values: { max: LONGEST_PERIOD } });
  }
  const baselineRoundIds = [...new Set(raw.baselineRoundIds ?? [])];
  if (baselineRoundIds.some((id) => !roundIds.has(id)))
    problems.push({ field: 'baselineRoundIds', rule: 'roundUnknown' });
  if (problems.length > 0 || startsYear === undefined || endsYear === undefined)
    return { problems };
  return { fields: { title, startsYear, endsYear, baselineRoundIds }, problems };
}

/** A plan moves forward only: a draft is adopted, an adopted plan closed. */
export function mayMoveTo(from: PlanStatus, to: PlanStatus): boolean {
  return planStatuses.indexOf(to) === planStatuses.indexOf(from) + 1;
}
