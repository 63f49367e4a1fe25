// The rules an action-plan step meets, for the form, the API and the import
// alike: what is to happen, who does it and who supports, a due date that is
// a real day, and one of four statuses. Pure.
import { dayOf } from '../initiative-rules.ts';

export const STEP_WHAT_MAX = 500;
export const STEP_PERSON_MAX = 200;
export const EXTERNAL_ID_MAX = 100;

export const stepStatuses = ['not_started', 'in_progress', 'done', 'blocked'] as const;
export type StepStatus = (typeof stepStatuses)[number];

export interface StepFields {
  externalId: string | null;
  what: string;
  responsible: string;
  supporting: string;
  dueOn: string | null;
  status: StepStatus;
}

type Text = string | undefined | null;

export interface RawStepFields {
  externalId?: Text;
  what?: Text;
  responsible?: Text;
  supporting?: Text;
  dueOn?: Text;
  status?: Text;
}

/** One thing wrong with one field; `rule` names a message `roadmap.error.<rule>`. */
export interface StepProblem {
  field: keyof StepFields;
  rule: string;
  values?: Record<string, string | number>;
}

const oneLine = (value: Text) => (value ?? '').trim().replace(/\s+/g, ' ');

export function checkStepFields(raw: RawStepFields): {
  fields?: StepFields;
  problems: StepProblem[];
} {
  const problems: StepProblem[] = [];
  const what = oneLine(raw.what);
  if (!what) problems.push({ field: 'what', rule: 'missing' });
  else if (what.length > STEP_WHAT_MAX)
    problems.push({ field: 'what', rule: 'tooLong', values: { max: STEP_WHAT_MAX } });
  const responsible = oneLine(raw.responsible);
  const supporting = oneLine(raw.supporting);
  for (const [field, text] of [
    ['responsible', responsible],
    ['supporting', supporting],
  ] as const)
    if (text.length > STEP_PERSON_MAX)
      problems.push({ field, rule: 'tooLong', values: { max: STEP_PERSON_MAX } });
  const externalId = oneLine(raw.externalId) || null;
  if (externalId && externalId.length > EXTERNAL_ID_MAX)
    problems.push({ field: 'externalId', rule: 'tooLong', values: { max: EXTERNAL_ID_MAX } });
  const due = oneLine(raw.dueOn);
  const dueOn = due ? dayOf(due) : null;
  if (dueOn === undefined) problems.push({ field: 'dueOn', rule: 'dateInvalid' });
  const status = oneLine(raw.status) || 'not_started';
  if (!stepStatuses.includes(status as StepStatus))
    problems.push({ field: 'status', rule: 'unknown' });
  if (problems.length > 0 || dueOn === undefined) return { problems };
  return {
    problems,
    fields: { externalId, what, responsible, supporting, dueOn, status: status as StepStatus },
  };
}
