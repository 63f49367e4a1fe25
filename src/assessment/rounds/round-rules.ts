// The rules of a round's life: what a round needs before it is stored, that
// only a draft changes, and the one way its status moves: draft → open → closed.

export const roundStatuses = ['draft', 'open', 'closed'] as const;
export type RoundStatus = (typeof roundStatuses)[number];
export type RoundAction = 'open' | 'close';

export const ROUND_NAME_MAX = 200;

// While a round is open, who has not submitted is reminded: a week between
// reminders, three at most on the schedule — enough to be seen in a busy
// inbox, few enough not to be ignored as noise.
export const SCHEDULED_EVERY_DAYS = 7;
export const MAX_SCHEDULED_REMINDERS = 3;

/** One thing wrong with a round; `rule` names `rounds.error.<rule>` in the catalogue. */
export interface RoundProblem {
  field: 'name' | 'frameworkId' | 'agencies' | 'opensOn' | 'closesOn' | 'status';
  rule: string;
  values?: Record<string, string | number>;
}

/**
 * Where a status may go. A closed round stays closed: its answers feed the
 * results and the workshop, so reopening would change what was agreed on.
 * A round whose closing date has passed cannot be opened: every link would
 * open on a questionnaire that no longer takes answers.
 */
export function nextStatus(
  current: RoundStatus,
  action: RoundAction,
  dates: { closesOn: string; today: string },
): { ok: true; status: RoundStatus } | { ok: false; problem: RoundProblem } {
  const refuse = (rule: string) => ({
    ok: false as const,
    problem: { field: 'status' as const, rule },
  });
  if (action === 'open') {
    if (current === 'draft' && dates.closesOn < dates.today) return refuse('closingDatePassed');
    if (current === 'draft') return { ok: true, status: 'open' };
    return refuse(current === 'open' ? 'alreadyOpen' : 'closedForGood');
  }
  if (current === 'open') return { ok: true, status: 'closed' };
  return refuse(current === 'draft' ? 'closeDraft' : 'alreadyClosed');
}

/** Only a draft round is edited; once open, respondents may already be answering it. */
export function editProblem(status: RoundStatus): RoundProblem | undefined {
  return status === 'draft' ? undefined : { field: 'status', rule: 'notDraft' };
}

export interface RawRound {
  name?: string | undefined;
  frameworkId?: string | undefined;
  /** Every agency of the workspace, or the ones chosen. */
  agencies?: 'all' | readonly string[] | undefined;
  opensOn?: string | undefined;
  closesOn?: string | undefined;
}

export interface RoundFields {
  name: string;
  frameworkId: string;
  agencyIds: string[];
  opensOn: string;
  closesOn: string;
}

/** A calendar date written YYYY-MM-DD that exists (no 31 April). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * Checks a round against what the workspace holds: its framework versions and
 * agencies. "All agencies" means every agency the workspace has now.
 */
export function checkRound(
  raw: RawRound,
  workspace: { frameworkIds: ReadonlySet<string>; agencyIds: readonly string[] },
): { fields?: RoundFields; problems: RoundProblem[] } {
  const problems: RoundProblem[] = [];
  const name = (raw.name ?? '').trim().replace(/\s+/g, ' ');
  if (!name) problems.push({ field: 'name', rule: 'nameMissing' });
  else if (name.length > ROUND_NAME_MAX)
    problems.push({ field: 'name', rule: 'tooLong', values: { max: ROUND_NAME_MAX } });

  const frameworkId = (raw.frameworkId ?? '').trim();
  if (!frameworkId) problems.push({ field: 'frameworkId', rule: 'frameworkMissing' });
  else if (!workspace.frameworkIds.has(frameworkId))
    problems.push({ field: 'frameworkId', rule: 'frameworkUnknown' });

  const known = new Set(workspace.agencyIds);
  const agencyIds =
    raw.agencies === 'all' ? [...workspace.agencyIds] : [...new Set(raw.agencies ?? [])];
  if (agencyIds.length === 0) problems.push({ field: 'agencies', rule: 'agenciesMissing' });
  else if (agencyIds.some((id) => !known.has(id)))
    problems.push({ field: 'agencies', rule: 'agencyUnknown' });

  const opensOn = (raw.opensOn ?? '').trim();
  const closesOn = (raw.closesOn ?? '').trim();
  for (const [field, value] of [
    ['opensOn', opensOn],
    ['closesOn', closesOn],
  ] as const) {
    if (!value) problems.push({ field, rule: 'dateMissing' });
    else if (!isIsoDate(value)) problems.push({ field, rule: 'dateInvalid' });
  }
  if (isIsoDate(opensOn) && isIsoDate(closesOn) && closesOn < opensOn)
    problems.push({ field: 'closesOn', rule: 'closesBeforeOpens' });

  if (problems.length > 0) return { problems };
  return { problems, fields: { name, frameworkId, agencyIds, opensOn, closesOn } };
}
