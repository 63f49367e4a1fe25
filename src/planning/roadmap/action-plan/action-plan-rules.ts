// The rules the parts of an initiative's action plan meet, for the form and
// the API alike (seed 002 chapter 7's key components): milestones with a due
// date and the day they were reached, resources with an amount in a unit,
// KPIs with a baseline and a target, and the communication plan. Every
// problem names its field; `rule` names a message `actionPlan.error.<rule>`. Pure.
import { dayOf } from '../initiative-rules.ts';

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 500;
export const UNIT_MAX = 40;
export const PERSON_MAX = 200;
export const MESSAGE_MAX = 1000;
export const CHANNEL_MAX = 120;
/** numeric(18, 2) holds less than 10^16; an amount this large is a typing slip. */
export const AMOUNT_MAX = 1e15;

export const resourceKinds = ['financial', 'people', 'technology', 'other'] as const;
export type ResourceKind = (typeof resourceKinds)[number];

export type Text = string | undefined | null;
export type Numberish = string | number | undefined | null;
/** A part's fields as typed in a form or sent to the API, before checking. */
export type RawFields = Readonly<Record<string, Text | number>>;

export interface ActionPlanProblem {
  field: string;
  rule: string;
  values?: Record<string, string | number>;
}

export interface MilestoneFields {
  title: string;
  dueOn: string;
  reachedOn: string | null;
}

export interface ResourceFields {
  kind: ResourceKind;
  description: string;
  amount: number | null;
  unit: string | null;
}

export interface KpiFields {
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  targetOn: string | null;
}

export interface CommunicationFields {
  audience: string;
  message: string;
  channel: string;
  frequency: string;
  owner: string;
}

export type Checked<F> = { fields?: F; problems: ActionPlanProblem[] };

const asText = (value: Text | number) => (value === undefined || value === null ? '' : `${value}`);
const oneLine = (value: Text | number) => asText(value).trim().replace(/\s+/g, ' ');

/**
 * A number as typed: thousands may be grouped ("250,000" or "250 000"); empty
 * is none; undefined when it is not a number at all.
 */
export function numberOf(value: Numberish): number | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const text = value.trim().replace(/[\s,](?=\d{3}\b)/g, '');
  if (text === '') return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : undefined;
}

/** Collects one part's problems while its fields are read. */
class FieldReader {
  readonly problems: ActionPlanProblem[] = [];

  constructor(private readonly raw: RawFields) {}

  problem(field: string, rule: string, values?: Record<string, string | number>) {
    this.problems.push({ field, rule, ...(values ? { values } : {}) });
  }

  /** One line of text; `required` ones must not be empty. */
  text(field: string, max: number, required: boolean, multiline = false): string {
    const raw = this.raw[field];
    const text = multiline ? asText(raw).trim() : oneLine(raw);
    if (required && !text) this.problem(field, 'missing');
    else if (text.length > max) this.problem(field, 'tooLong', { max });
    return text;
  }

  /** A day as 'YYYY-MM-DD'; none when empty (a problem when required); not after `latest` when given. */
  day(field: string, required: boolean, latest?: string): string | null {
    const text = oneLine(this.raw[field]);
    if (!text) {
      if (required) this.problem(field, 'missing');
      return null;
    }
    const day = dayOf(text);
    if (!day) this.problem(field, 'dateInvalid');
    else if (latest !== undefined && day > latest) this.problem(field, 'afterToday');
    return day ?? null;
  }

  number(field: string, rule: string, accepts: (value: number) => boolean): number | null {
    const raw = this.raw[field];
    const value = numberOf(typeof raw === 'number' ? raw : asText(raw));
    if (value === undefined || (value !== null && !accepts(value))) this.problem(field, rule);
    return value ?? null;
  }

  choice<T extends string>(field: string, choices: readonly T[]): T {
    const value = oneLine(this.raw[field]);
    if (!choices.includes(value as T)) this.problem(field, value ? 'unknown' : 'missing');
    return value as T;
  }

  result<F>(fields: F): Checked<F> {
    return this.problems.length > 0 ? { problems: this.problems } : { fields, problems: [] };
  }
}

/** A milestone cannot be reached on a day still to come. */
export function checkMilestone(raw: RawFields, today: string): Checked<MilestoneFields> {
  const read = new FieldReader(raw);
  const title = read.text('title', TITLE_MAX, true);
  const dueOn = read.day('dueOn', true);
  const reachedOn = read.day('reachedOn', false, today);
  return read.result({ title, dueOn: dueOn ?? '', reachedOn });
}

/** An amount needs the unit or currency it counts in, so totals add like with like. */
export function checkResource(raw: RawFields): Checked<ResourceFields> {
  const read = new FieldReader(raw);
  const kind = read.choice('kind', resourceKinds);
  const description = read.text('description', DESCRIPTION_MAX, true);
  const amount = read.number(
    'amount',
    'amountInvalid',
    (value) => value >= 0 && value < AMOUNT_MAX,
  );
  const unit = read.text('unit', UNIT_MAX, false) || null;
  if (amount !== null && unit === null) read.problem('unit', 'unitMissing');
  return read.result({ kind, description, amount, unit });
}

export function checkKpi(raw: RawFields): Checked<KpiFields> {
  const read = new FieldReader(raw);
  const name = read.text('name', TITLE_MAX, true);
  const unit = read.text('unit', UNIT_MAX, false);
  const baseline = read.number('baseline', 'numberInvalid', () => true);
  const target = read.number('target', 'numberInvalid', () => true);
  const targetOn = read.day('targetOn', false);
  return read.result({ name, unit, baseline, target, targetOn });
}

export function checkCommunication(raw: RawFields): Checked<CommunicationFields> {
  const read = new FieldReader(raw);
  return read.result({
    audience: read.text('audience', PERSON_MAX, true),
    message: read.text('message', MESSAGE_MAX, true, true),
    channel: read.text('channel', CHANNEL_MAX, true),
    frequency: read.text('frequency', CHANNEL_MAX, true),
    owner: read.text('owner', PERSON_MAX, false),
  });
}

export const UPDATE_TEXT_MAX = 2000;

/** A dated entry of an initiative's timeline: what happened, and how far it had got then. */
export interface UpdateFields {
  happenedOn: string;
  text: string;
  progress: number | null;
}

/** What happened cannot have happened after today; progress is a whole percentage. */
export function checkUpdate(raw: RawFields, today: string): Checked<UpdateFields> {
  const read = new FieldReader(raw);
  const happenedOn = read.day('happenedOn', true, today);
  const text = read.text('text', UPDATE_TEXT_MAX, true, true);
  const progress = read.number(
    'progress',
    'progressInvalid',
    (value) => Number.isInteger(value) && value >= 0 && value <= 100,
  );
  return read.result({ happenedOn: happenedOn ?? '', text, progress });
}

/**
 * Whether an entry dated `happenedOn` is the latest of the timeline, whose
 * other entries are dated `others`: on a tie the entry written last is the
 * latest, since it is the newer word on that day.
 */
export const isLatestEntry = (happenedOn: string, others: readonly string[]) =>
  others.every((other) => other <= happenedOn);

/**
 * The resources' amounts added up per unit or currency, units in the order
 * first met: amounts in different units never add together.
 */
export function totalsByUnit(
  resources: readonly Pick<ResourceFields, 'amount' | 'unit'>[],
): { unit: string; total: number }[] {
  const totals = new Map<string, number>();
  for (const { amount, unit } of resources)
    if (amount !== null && unit !== null) totals.set(unit, (totals.get(unit) ?? 0) + amount);
  return [...totals].map(([unit, total]) => ({ unit, total }));
}
