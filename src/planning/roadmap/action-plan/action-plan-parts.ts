// The five lists an action plan holds — steps, milestones, resources, KPIs and
// the communication plan — each described once: its fields and how a form
// asks for them, its rules, what names an entry in the audit log, and the
// audit action of each change. Pages, API and changes are written once over
// these descriptions. Pure.
import {
  type ActionPlanProblem,
  CHANNEL_MAX,
  type Checked,
  type CommunicationFields,
  checkCommunication,
  checkKpi,
  checkMilestone,
  checkResource,
  DESCRIPTION_MAX,
  type KpiFields,
  MESSAGE_MAX,
  type MilestoneFields,
  PERSON_MAX,
  type RawFields,
  type ResourceFields,
  resourceKinds,
  TITLE_MAX,
  UNIT_MAX,
} from './action-plan-rules.ts';
import {
  checkStepFields,
  EXTERNAL_ID_MAX,
  STEP_PERSON_MAX,
  STEP_WHAT_MAX,
  type StepFields,
  stepStatuses,
} from './step-rules.ts';

export const partKeys = ['steps', 'milestones', 'resources', 'kpis', 'communications'] as const;
export type PartKey = (typeof partKeys)[number];

/** The path parameter naming an entry of each list. */
export const entryParams = {
  steps: 'stepId',
  milestones: 'milestoneId',
  resources: 'resourceId',
  kpis: 'kpiId',
  communications: 'communicationId',
} as const satisfies Record<PartKey, string>;

/** How a form asks for a field; labels are `actionPlan.<part>.field.<name>`. */
export interface FieldSpec {
  name: string;
  input: 'text' | 'textarea' | 'date' | 'number' | 'select';
  max?: number;
  /** A select's values; their labels are `actionPlan.<part>.<name>.<value>`. */
  choices?: readonly string[];
  /** Whether a hint `actionPlan.<part>.hint.<name>` explains the field. */
  hint?: boolean;
}

export interface PartFieldsOf {
  steps: StepFields;
  milestones: MilestoneFields;
  resources: ResourceFields;
  kpis: KpiFields;
  communications: CommunicationFields;
}

type AuditAction = `initiative.${string}`;

export interface PartSpec<K extends PartKey = PartKey> {
  key: K;
  fields: readonly FieldSpec[];
  check(raw: RawFields, today: string): Checked<PartFieldsOf[K]>;
  /** What an entry is called in the audit log and on its delete button. */
  nameOf(fields: PartFieldsOf[K]): string;
  action: { added: AuditAction; updated: AuditAction; deleted: AuditAction };
}

const steps: PartSpec<'steps'> = {
  key: 'steps',
  fields: [
    { name: 'what', input: 'textarea', max: STEP_WHAT_MAX },
    { name: 'responsible', input: 'text', max: STEP_PERSON_MAX, hint: true },
    { name: 'supporting', input: 'text', max: STEP_PERSON_MAX },
    { name: 'dueOn', input: 'date' },
    { name: 'status', input: 'select', choices: stepStatuses },
    { name: 'externalId', input: 'text', max: EXTERNAL_ID_MAX, hint: true },
  ],
  check: (raw) => {
    const { fields, problems } = checkStepFields(raw);
    return { ...(fields ? { fields } : {}), problems: problems as ActionPlanProblem[] };
  },
  nameOf: (fields) => fields.what,
  action: {
    added: 'initiative.step_added',
    updated: 'initiative.step_updated',
    deleted: 'initiative.step_deleted',
  },
};

const milestones: PartSpec<'milestones'> = {
  key: 'milestones',
  fields: [
    { name: 'title', input: 'text', max: TITLE_MAX },
    { name: 'dueOn', input: 'date' },
    { name: 'reachedOn', input: 'date', hint: true },
  ],
  check: checkMilestone,
  nameOf: (fields) => fields.title,
  action: {
    added: 'initiative.milestone_added',
    updated: 'initiative.milestone_updated',
    deleted: 'initiative.milestone_deleted',
  },
};

const resources: PartSpec<'resources'> = {
  key: 'resources',
  fields: [
    { name: 'kind', input: 'select', choices: resourceKinds },
    { name: 'description', input: 'text', max: DESCRIPTION_MAX },
    { name: 'amount', input: 'number', hint: true },
    { name: 'unit', input: 'text', max: UNIT_MAX, hint: true },
  ],
  check: (raw) => checkResource(raw),
  nameOf: (fields) => fields.description,
  action: {
    added: 'initiative.resource_added',
    updated: 'initiative.resource_updated',
    deleted: 'initiative.resource_deleted',
  },
};

const kpis: PartSpec<'kpis'> = {
  key: 'kpis',
  fields: [
    { name: 'name', input: 'text', max: TITLE_MAX },
    { name: 'unit', input: 'text', max: UNIT_MAX, hint: true },
    { name: 'baseline', input: 'number' },
    { name: 'target', input: 'number' },
    { name: 'targetOn', input: 'date' },
  ],
  check: (raw) => checkKpi(raw),
  nameOf: (fields) => fields.name,
  action: {
    added: 'initiative.kpi_added',
    updated: 'initiative.kpi_updated',
    deleted: 'initiative.kpi_deleted',
  },
};

const communications: PartSpec<'communications'> = {
  key: 'communications',
  fields: [
    { name: 'audience', input: 'text', max: PERSON_MAX },
    { name: 'message', input: 'textarea', max: MESSAGE_MAX },
    { name: 'channel', input: 'text', max: CHANNEL_MAX, hint: true },
    { name: 'frequency', input: 'text', max: CHANNEL_MAX, hint: true },
    { name: 'owner', input: 'text', max: PERSON_MAX },
  ],
  check: (raw) => checkCommunication(raw),
  nameOf: (fields) => fields.audience,
  action: {
    added: 'initiative.communication_added',
    updated: 'initiative.communication_updated',
    deleted: 'initiative.communication_deleted',
  },
};

export const partSpecs: { [K in PartKey]: PartSpec<K> } = {
  steps,
  milestones,
  resources,
  kpis,
  communications,
};

/**
 * The statuses a step's one-click buttons offer from where it stands: done
 * from anywhere, since steps done are what moves progress; started from not
 * started or blocked; and a step done by mistake reopened.
 */
export function stepMoves(status: StepFields['status']): StepFields['status'][] {
  switch (status) {
    case 'not_started':
    case 'blocked':
      return ['in_progress', 'done'];
    case 'in_progress':
      return ['done'];
    case 'done':
      return ['in_progress'];
  }
}
