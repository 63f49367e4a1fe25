import { describe, expect, it } from 'vitest';
import { stepMoves } from './action-plan-parts.ts';
import {
  checkCommunication,
  checkKpi,
  checkMilestone,
  checkResource,
  checkUpdate,
  isLatestEntry,
  totalsByUnit,
} from './action-plan-rules.ts';

const today = '2026-06-15';

describe('milestones', () => {
  it('keeps a milestone with a title and a due date, reached or not', () => {
    expect(checkMilestone({ title: ' Law  adopted ', dueOn: '2026-09-30' }, today)).toEqual({
      fields: { title: 'Law adopted', dueOn: '2026-09-30', reachedOn: null },
      problems: [],
    });
    expect(
      checkMilestone({ title: 'Pilot', dueOn: '2026-03-01', reachedOn: today }, today).fields
        ?.reachedOn,
    ).toBe(today);
  });

  it('refuses a missing title and due date, a day that does not exist and a day still to come', () => {
    expect(checkMilestone({ title: '', dueOn: '' }, today).problems).toEqual([
      { field: 'title', rule: 'missing' },
      { field: 'dueOn', rule: 'missing' },
    ]);
    expect(
      checkMilestone({ title: 'Pilot', dueOn: '2026-02-30', reachedOn: '2026-06-16' }, today)
        .problems,
    ).toEqual([
      { field: 'dueOn', rule: 'dateInvalid' },
      { field: 'reachedOn', rule: 'afterToday' },
    ]);
  });

  it('refuses a title longer than 200 characters', () => {
    expect(checkMilestone({ title: 'x'.repeat(201), dueOn: today }, today).problems).toEqual([
      { field: 'title', rule: 'tooLong', values: { max: 200 } },
    ]);
  });
});

describe('resources', () => {
  it('reads an amount as typed, thousands grouped, with its unit', () => {
    expect(
      checkResource({
        kind: 'financial',
        description: 'Cloud hosting',
        amount: '250,000',
        unit: 'USD',
      }).fields,
    ).toEqual({ kind: 'financial', description: 'Cloud hosting', amount: 250000, unit: 'USD' });
    expect(checkResource({ kind: 'people', description: 'Two analysts' }).fields).toEqual({
      kind: 'people',
      description: 'Two analysts',
      amount: null,
      unit: null,
    });
  });

  it('refuses a negative amount, an amount without its unit, and an unknown kind', () => {
    expect(
      checkResource({ kind: 'gold', description: 'Servers', amount: -5, unit: 'USD' }).problems,
    ).toEqual([
      { field: 'kind', rule: 'unknown' },
      { field: 'amount', rule: 'amountInvalid' },
    ]);
    expect(
      checkResource({ kind: 'technology', description: 'Servers', amount: '12' }).problems,
    ).toEqual([{ field: 'unit', rule: 'unitMissing' }]);
    expect(checkResource({ description: '', amount: 'lots' }).problems).toEqual([
      { field: 'kind', rule: 'missing' },
      { field: 'description', rule: 'missing' },
      { field: 'amount', rule: 'amountInvalid' },
    ]);
  });

  it('adds amounts up per unit, never across units', () => {
    expect(
      totalsByUnit([
        { amount: 100, unit: 'USD' },
        { amount: 3, unit: 'person-months' },
        { amount: null, unit: null },
        { amount: 50.5, unit: 'USD' },
      ]),
    ).toEqual([
      { unit: 'USD', total: 150.5 },
      { unit: 'person-months', total: 3 },
    ]);
  });
});

describe('KPIs and the communication plan', () => {
  it('keeps a KPI with a baseline, a target and its date', () => {
    expect(
      checkKpi({
        name: 'Services online',
        unit: '%',
        baseline: '12',
        target: 60,
        targetOn: '2030-12-31',
      }).fields,
    ).toEqual({
      name: 'Services online',
      unit: '%',
      baseline: 12,
      target: 60,
      targetOn: '2030-12-31',
    });
  });

  it('refuses a KPI without a name, with a baseline that is not a number or a bad date', () => {
    expect(checkKpi({ name: ' ', baseline: 'twelve', targetOn: '31/12/2030' }).problems).toEqual([
      { field: 'name', rule: 'missing' },
      { field: 'baseline', rule: 'numberInvalid' },
      { field: 'targetOn', rule: 'dateInvalid' },
    ]);
  });

  it('needs an audience, a message, a channel and a frequency; the owner may wait', () => {
    expect(checkCommunication({ audience: 'Mayors' }).problems).toEqual([
      { field: 'message', rule: 'missing' },
      { field: 'channel', rule: 'missing' },
      { field: 'frequency', rule: 'missing' },
    ]);
    expect(
      checkCommunication({
        audience: 'Mayors',
        message: 'What changes\nfor municipalities',
        channel: 'Workshop',
        frequency: 'Quarterly',
      }).fields,
    ).toEqual({
      audience: 'Mayors',
      message: 'What changes\nfor municipalities',
      channel: 'Workshop',
      frequency: 'Quarterly',
      owner: '',
    });
  });
});

describe('the timeline', () => {
  it('keeps an entry of what happened, with the progress then', () => {
    expect(
      checkUpdate({ happenedOn: today, text: 'Pilot live', progress: '40' }, today).fields,
    ).toEqual({ happenedOn: today, text: 'Pilot live', progress: 40 });
  });

  it('refuses a progress outside 0–100 or not whole, a future date and an empty text', () => {
    expect(
      checkUpdate({ happenedOn: '2026-06-16', text: '', progress: 101 }, today).problems,
    ).toEqual([
      { field: 'happenedOn', rule: 'afterToday' },
      { field: 'text', rule: 'missing' },
      { field: 'progress', rule: 'progressInvalid' },
    ]);
    expect(checkUpdate({ happenedOn: today, text: 'x', progress: '12.5' }, today).problems).toEqual(
      [{ field: 'progress', rule: 'progressInvalid' }],
    );
    expect(
      checkUpdate({ happenedOn: today, text: 'x', progress: -1 }, today).problems,
    ).toHaveLength(1);
  });

  it('takes an entry as the latest when no other is dated after it, ties included', () => {
    expect(isLatestEntry('2026-05-01', [])).toBe(true);
    expect(isLatestEntry('2026-05-01', ['2026-04-01', '2026-05-01'])).toBe(true);
    expect(isLatestEntry('2026-03-01', ['2026-04-01'])).toBe(false);
  });
});

describe('a step’s one-click moves', () => {
  it('offers done from every open status, and reopening a step done', () => {
    expect(stepMoves('not_started')).toEqual(['in_progress', 'done']);
    expect(stepMoves('in_progress')).toEqual(['done']);
    expect(stepMoves('blocked')).toEqual(['in_progress', 'done']);
    expect(stepMoves('done')).toEqual(['in_progress']);
  });
});
