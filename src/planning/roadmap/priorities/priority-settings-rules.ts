// The rules a workspace's lists meet when an admin rewrites them, for the
// settings pages and the API alike: the criteria initiatives are scored on,
// and the statuses initiatives move through. A list is judged whole, so it is
// saved whole or not at all. Keys never change once given; a new entry gets
// one from its label. An entry with a default key may keep the catalogue's
// wording (no label of its own), so it reads in every language. Pure.
import { createHash } from 'node:crypto';
import {
  defaultStatuses,
  type InitiativeStatus,
  type StatusKind,
  statusKinds,
} from '../roadmap-statuses.ts';
import { type Axis, axes, type Criterion, defaultCriteria } from './prioritisation.ts';

export const CRITERION_LABEL_MAX = 120;
export const STATUS_LABEL_MAX = 80;
export const WEIGHT_MAX = 1000;
export const LIST_MAX = 30;
const KEY = /^[a-z][a-z0-9_]{0,39}$/;

/** One row of a list as typed in the form or sent to the API, before checking. */
interface RawRow {
  key?: string | null | undefined;
  label?: string | null | undefined;
  /** Where the row goes; rows without one keep the order they came in. */
  position?: string | number | null | undefined;
  remove?: boolean | undefined;
}
export interface RawCriterion extends RawRow {
  axis?: string | null | undefined;
  weight?: string | number | null | undefined;
}
export interface RawStatus extends RawRow {
  kind?: string | null | undefined;
  defaultProgress?: string | number | null | undefined;
}

/**
 * One thing wrong: with a field of the row at `index` of what was sent, or
 * with the list as a whole (`index` null). `rule` names a message
 * `priorities.error.<rule>`; `key` names the entry a problem is about when
 * its row was not sent (a status in use left out of the list).
 */
export interface SettingsProblem {
  index: number | null;
  field: 'key' | 'label' | 'axis' | 'weight' | 'kind' | 'defaultProgress' | 'position' | 'list';
  rule: string;
  values?: Record<string, string | number>;
}

const text = (value: string | number | null | undefined) => String(value ?? '').trim();
const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** A row the form offers for a new entry and the person left empty. */
const isBlank = (row: RawRow, fields: readonly (string | number | null | undefined)[]) =>
  !text(row.key) && fields.every((field) => !text(field));

/** A key made from a label: lower-case letters, digits and underscores, not yet taken. */
export function keyFromLabel(label: string, taken: ReadonlySet<string>, fallback: string): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^[^a-z]+/, '')
      .replace(/_+$/, '')
      .slice(0, 32) || fallback;
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  return key;
}

function numberOf(value: string | number | null | undefined): number | undefined {
  const raw = text(value);
  if (!/^-?\d+(\.\d+)?$/.test(raw)) return undefined;
  return Number(raw);
}

interface Checked<T> {
  index: number;
  entry: T;
  position: number | undefined;
}

/** The keys and labels common to both lists: what a row's key and label say, problems beside them. */
function keyAndLabel(
  row: RawRow,
  index: number,
  defaults: ReadonlySet<string>,
  seen: Set<string>,
  labelMax: number,
  problems: SettingsProblem[],
): { key: string | undefined; label: string | null } {
  const label = text(row.label).replace(/\s+/g, ' ') || null;
  const givenKey = text(row.key);
  if (label !== null && label.length > labelMax)
    problems.push({ index, field: 'label', rule: 'tooLong', values: { max: labelMax } });
  if (givenKey && !KEY.test(givenKey)) {
    problems.push({ index, field: 'key', rule: 'keyInvalid' });
    return { key: undefined, label };
  }
  // A default entry may go without a label of its own; any other needs one.
  if (label === null && !defaults.has(givenKey))
    problems.push({ index, field: 'label', rule: 'labelMissing' });
  if (givenKey && seen.has(givenKey)) {
    problems.push({ index, field: 'key', rule: 'keyRepeated', values: { key: givenKey } });
    return { key: undefined, label };
  }
  if (givenKey) seen.add(givenKey);
  return { key: givenKey || undefined, label };
}

function positionOf(row: RawRow, index: number, problems: SettingsProblem[]) {
  if (text(row.position) === '') return undefined;
  const position = numberOf(row.position);
  if (position === undefined || !Number.isInteger(position) || position < 0 || position > 999) {
    problems.push({ index, field: 'position', rule: 'positionInvalid' });
    return undefined;
  }
  return position;
}

/** Rows by the position typed, rows without one where they stood; new rows get their keys. */
function ordered<T extends { key: string; label: string | null }>(
  rows: Checked<Omit<T, 'key'> & { key: string | undefined }>[],
  fallback: string,
): T[] {
  const taken = new Set(rows.flatMap((row) => (row.entry.key ? [row.entry.key] : [])));
  return rows
    .map((row, order) => ({ ...row, sortBy: row.position ?? order + 1, order }))
    .sort((a, b) => a.sortBy - b.sortBy || a.order - b.order)
    .map(({ entry }) => {
      if (entry.key) return entry as unknown as T;
      const key = keyFromLabel(entry.label ?? '', taken, `${fallback}_${taken.size + 1}`);
      taken.add(key);
      return { ...entry, key } as unknown as T;
    });
}

const criterionDefaults = new Set(defaultCriteria.map((criterion) => criterion.key));

/**
 * Checks a criteria list: a label (a default criterion may keep the
 * catalogue's), an axis, a weight above 0; and at least one criterion on each
 * axis, since an initiative is placed by both.
 */
export function checkCriteria(rows: readonly RawCriterion[]): {
  criteria?: Criterion[];
  problems: SettingsProblem[];
} {
  const problems: SettingsProblem[] = [];
  const seen = new Set<string>();
  const kept: Checked<Omit<Criterion, 'key'> & { key: string | undefined }>[] = [];
  rows.forEach((row, index) => {
    if (row.remove || isBlank(row, [row.label, row.weight])) return;
    const { key, label } = keyAndLabel(
      row,
      index,
      criterionDefaults,
      seen,
      CRITERION_LABEL_MAX,
      problems,
    );
    const axis = text(row.axis);
    if (!isOneOf(axes, axis)) problems.push({ index, field: 'axis', rule: 'axisInvalid' });
    const weight = numberOf(row.weight);
    if (weight === undefined || weight <= 0 || weight > WEIGHT_MAX)
      problems.push({ index, field: 'weight', rule: 'weightInvalid', values: { max: WEIGHT_MAX } });
    const position = positionOf(row, index, problems);
    kept.push({
      index,
      position,
      entry: {
        key,
        label,
        axis: axis as Axis,
        // Stored to the hundredth.
        weight: Math.round((weight ?? 0) * 100) / 100,
      },
    });
  });
  if (kept.length > LIST_MAX)
    problems.push({ index: null, field: 'list', rule: 'tooMany', values: { max: LIST_MAX } });
  for (const axis of axes)
    if (!kept.some((row) => row.entry.axis === axis))
      problems.push({ index: null, field: 'list', rule: `axisEmpty.${axis}` });
  if (problems.length > 0) return { problems };
  return { criteria: ordered<Criterion>(kept, 'criterion'), problems };
}

const statusDefaults = new Set(defaultStatuses.map((status) => status.key));

/**
 * Checks a status list: a label (a default status may keep the catalogue's),
 * a kind, a default progress from 0 to 100; and no status that initiatives
 * use may go (`inUse`: initiatives by status key), whether removed or left out.
 */
export function checkStatuses(
  rows: readonly RawStatus[],
  inUse: ReadonlyMap<string, number>,
): { statuses?: InitiativeStatus[]; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const seen = new Set<string>();
  const kept: Checked<Omit<InitiativeStatus, 'key'> & { key: string | undefined }>[] = [];
  rows.forEach((row, index) => {
    const key = text(row.key);
    if (row.remove) {
      const count = inUse.get(key) ?? 0;
      if (count > 0) problems.push({ index, field: 'key', rule: 'statusInUse', values: { count } });
      return;
    }
    if (isBlank(row, [row.label, row.defaultProgress])) return;
    const checked = keyAndLabel(row, index, statusDefaults, seen, STATUS_LABEL_MAX, problems);
    const kind = text(row.kind);
    if (!isOneOf(statusKinds, kind)) problems.push({ index, field: 'kind', rule: 'kindInvalid' });
    const progress = numberOf(row.defaultProgress);
    if (progress === undefined || !Number.isInteger(progress) || progress < 0 || progress > 100)
      problems.push({ index, field: 'defaultProgress', rule: 'progressInvalid' });
    kept.push({
      index,
      position: positionOf(row, index, problems),
      entry: {
        key: checked.key,
        label: checked.label,
        kind: kind as StatusKind,
        defaultProgress: progress ?? 0,
      },
    });
  });
  const removed = rows.flatMap((row, index) => (row.remove ? [index] : []));
  for (const [key, count] of inUse)
    if (count > 0 && !seen.has(key) && !removed.some((index) => text(rows[index]?.key) === key))
      problems.push({ index: null, field: 'list', rule: 'statusLeftOut', values: { key, count } });
  if (kept.length === 0) problems.push({ index: null, field: 'list', rule: 'statusesEmpty' });
  if (kept.length > LIST_MAX)
    problems.push({ index: null, field: 'list', rule: 'tooMany', values: { max: LIST_MAX } });
  if (problems.length > 0) return { problems };
  return { statuses: ordered<InitiativeStatus>(kept, 'status'), problems };
}

/**
 * What a list was when a person opened it: a save names it, and a list
 * changed by someone else meanwhile is told rather than overwritten.
 */
export function revisionOf(list: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(list)).digest('base64url').slice(0, 16);
}
