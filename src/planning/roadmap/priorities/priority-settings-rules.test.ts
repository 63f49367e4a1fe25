import { describe, expect, it } from 'vitest';
import { defaultStatuses } from '../roadmap-statuses.ts';
import { defaultCriteria } from './prioritisation.ts';
import {
  checkCriteria,
  checkStatuses,
  keyFromLabel,
  type RawCriterion,
  revisionOf,
} from './priority-settings-rules.ts';

const asRows = (criteria = defaultCriteria): RawCriterion[] =>
  criteria.map((criterion) => ({ ...criterion, weight: String(criterion.weight) }));

describe('criteria settings', () => {
  it('keeps the defaults as they are, each keeping the catalogue’s wording', () => {
    const { criteria, problems } = checkCriteria(asRows());
    expect(problems).toEqual([]);
    expect(criteria).toEqual(defaultCriteria);
  });

  it('gives a new criterion a key from its label, orders by the numbers typed, and skips empty rows', () => {
    const { criteria } = checkCriteria([
      { key: 'public_value', label: '', axis: 'value', weight: '3', position: '2' },
      { key: 'cost', label: 'Cost to the treasury', axis: 'feasibility', weight: '1.256' },
      { label: 'Économie d’échelle', axis: 'value', weight: '2', position: '1' },
      { label: '', weight: '', axis: '' },
    ]);
    expect(criteria).toEqual([
      { key: 'economie_d_echelle', label: 'Économie d’échelle', axis: 'value', weight: 2 },
      { key: 'public_value', label: null, axis: 'value', weight: 3 },
      { key: 'cost', label: 'Cost to the treasury', axis: 'feasibility', weight: 1.26 },
    ]);
  });

  it('names each wrong field by its row, and saves nothing', () => {
    const { criteria, problems } = checkCriteria([
      { key: 'public_value', axis: 'value', weight: '0' },
      { key: 'own', label: '', axis: 'sideways', weight: 'heavy' },
      { key: 'Bad Key', label: 'x', axis: 'value', weight: '1' },
      { key: 'cost', axis: 'feasibility', weight: '2', position: '1.5' },
      { key: 'cost', axis: 'feasibility', weight: '2' },
    ]);
    expect(criteria).toBeUndefined();
    expect(problems).toEqual([
      { index: 0, field: 'weight', rule: 'weightInvalid', values: { max: 1000 } },
      { index: 1, field: 'label', rule: 'labelMissing' },
      { index: 1, field: 'axis', rule: 'axisInvalid' },
      { index: 1, field: 'weight', rule: 'weightInvalid', values: { max: 1000 } },
      { index: 2, field: 'key', rule: 'keyInvalid' },
      { index: 3, field: 'position', rule: 'positionInvalid' },
      { index: 4, field: 'key', rule: 'keyRepeated', values: { key: 'cost' } },
    ]);
  });

  it('refuses a list without a criterion on either axis, since initiatives are placed by both', () => {
    const onlyValue = asRows().map((row) =>
      row.axis === 'feasibility' ? { ...row, remove: true } : row,
    );
    expect(checkCriteria(onlyValue).problems).toEqual([
      { index: null, field: 'list', rule: 'axisEmpty.feasibility' },
    ]);
  });
});

describe('status settings', () => {
  const rows = () =>
    defaultStatuses.map((status) => ({
      ...status,
      defaultProgress: String(status.defaultProgress),
    }));

  it('renames, adds and removes statuses, keeping keys', () => {
    const { statuses, problems } = checkStatuses(
      [
        ...rows().map((row) =>
          row.key === 'approved'
            ? { ...row, remove: true }
            : row.key === 'in_progress'
              ? { ...row, label: 'Under way', defaultProgress: '30' }
              : row,
        ),
        { label: 'On hold', kind: 'active', defaultProgress: '10', position: '2' },
      ],
      new Map([['in_progress', 4]]),
    );
    expect(problems).toEqual([]);
    expect(statuses?.map((status) => [status.key, status.label, status.defaultProgress])).toEqual([
      ['proposed', null, 0],
      ['in_progress', 'Under way', 30],
      ['on_hold', 'On hold', 10],
      ['completed', null, 100],
      ['cancelled', null, 0],
    ]);
  });

  it('refuses to remove or leave out a status in use, saying how many initiatives use it', () => {
    const removed = checkStatuses(
      rows().map((row) => (row.key === 'in_progress' ? { ...row, remove: true } : row)),
      new Map([['in_progress', 3]]),
    );
    expect(removed.problems).toEqual([
      { index: 2, field: 'key', rule: 'statusInUse', values: { count: 3 } },
    ]);
    const leftOut = checkStatuses(
      rows().filter((row) => row.key !== 'completed'),
      new Map([['completed', 1]]),
    );
    expect(leftOut.problems).toEqual([
      { index: null, field: 'list', rule: 'statusLeftOut', values: { key: 'completed', count: 1 } },
    ]);
  });

  it('refuses a kind it does not know, progress outside 0–100 and an empty list', () => {
    expect(
      checkStatuses([{ label: 'Paused', kind: 'sleeping', defaultProgress: '101' }], new Map())
        .problems,
    ).toEqual([
      { index: 0, field: 'kind', rule: 'kindInvalid' },
      { index: 0, field: 'defaultProgress', rule: 'progressInvalid' },
    ]);
    expect(checkStatuses([], new Map()).problems).toEqual([
      { index: null, field: 'list', rule: 'statusesEmpty' },
    ]);
  });
});

describe('keys and revisions', () => {
  it('makes a key from any label, never one already taken', () => {
    expect(keyFromLabel('Impact on people', new Set(), 'c')).toBe('impact_on_people');
    expect(keyFromLabel('2030 agenda', new Set(), 'c')).toBe('agenda');
    expect(keyFromLabel('الثقة', new Set(['c']), 'c')).toBe('c_2');
  });

  it('tells a list changed since it was read', () => {
    expect(revisionOf(defaultCriteria)).toBe(revisionOf([...defaultCriteria]));
    expect(revisionOf(defaultCriteria)).not.toBe(revisionOf(defaultCriteria.slice(1)));
  });
});
