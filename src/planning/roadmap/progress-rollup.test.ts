import { describe, expect, it } from 'vitest';
import { groupProgress, type ProgressNode, rollUpProgress } from './progress-rollup.ts';

// A hand-made tree: only what a test changes is spelled out.
const node = (
  id: string,
  parentId: string | null,
  more: Partial<ProgressNode> = {},
): ProgressNode => ({
  id,
  parentId,
  weight: 1,
  statusKind: 'active',
  defaultProgress: 25,
  reported: null,
  steps: { done: 0, total: 0 },
  ...more,
});

const valuesOf = (nodes: ProgressNode[]) =>
  Object.fromEntries([...rollUpProgress(nodes)].map(([id, progress]) => [id, progress.value]));

describe('progress roll-up', () => {
  it('weights children: a child of weight 3 at 100% and one of weight 1 at 0% give 75%', () => {
    const nodes = [
      node('programme', null),
      node('big', 'programme', { weight: 3, statusKind: 'completed' }),
      node('small', 'programme', { weight: 1, statusKind: 'proposed', defaultProgress: 0 }),
    ];
    expect(rollUpProgress(nodes).get('programme')).toEqual({ value: 75, source: 'children' });
  });

  it('rolls up through every level: activities to project to programme', () => {
    const nodes = [
      node('programme', null),
      node('project a', 'programme'),
      node('project b', 'programme', { reported: 40 }),
      node('activity 1', 'project a', { steps: { done: 1, total: 4 } }),
      node('activity 2', 'project a', { statusKind: 'completed' }),
    ];
    expect(valuesOf(nodes)).toEqual({
      'activity 1': 25,
      'activity 2': 100,
      'project a': 62.5,
      'project b': 40,
      programme: 51.25,
    });
  });

  it('leaves cancelled children out of their parent, whatever their own progress', () => {
    const nodes = [
      node('programme', null),
      node('done', 'programme', { statusKind: 'completed' }),
      node('dropped', 'programme', { statusKind: 'cancelled', reported: 10, weight: 50 }),
    ];
    const progress = rollUpProgress(nodes);
    expect(progress.get('programme')?.value).toBe(100);
    expect(progress.get('dropped')).toEqual({ value: 10, source: 'reported' });
  });

  it('gives an empty programme, or one whose children were all cancelled, its own progress', () => {
    const nodes = [
      node('empty', null, { defaultProgress: 5, statusKind: 'proposed' }),
      node('all cancelled', null, { reported: 30 }),
      node('cancelled child', 'all cancelled', { statusKind: 'cancelled' }),
    ];
    const progress = rollUpProgress(nodes);
    expect(progress.get('empty')).toEqual({ value: 5, source: 'status' });
    expect(progress.get('all cancelled')).toEqual({ value: 30, source: 'reported' });
  });

  it('counts steps done before reported progress, and completion before everything', () => {
    const progress = rollUpProgress([
      node('with steps', null, { reported: 90, steps: { done: 1, total: 2 } }),
      node('completed', null, {
        statusKind: 'completed',
        reported: 20,
        steps: { done: 0, total: 3 },
      }),
    ]);
    expect(progress.get('with steps')).toEqual({ value: 50, source: 'steps' });
    expect(progress.get('completed')).toEqual({ value: 100, source: 'completed' });
  });

  it('survives a chain of 10,000 levels without overflowing the stack', () => {
    const nodes = Array.from({ length: 10_000 }, (_, index) =>
      node(`n${index}`, index === 0 ? null : `n${index - 1}`),
    );
    nodes[9_999] = node('n9999', 'n9998', { reported: 42 });
    expect(rollUpProgress(nodes).get('n0')?.value).toBe(42);
  });
});

describe('progress of a group (a goal, a pillar, an agency)', () => {
  const nodes = [
    node('programme', null, { weight: 2 }),
    node('project', 'programme', { reported: 80 }),
    node('other', null, { reported: 20 }),
    node('dropped', null, { statusKind: 'cancelled', reported: 0 }),
  ];
  const progress = rollUpProgress(nodes);

  it('counts an initiative once even when its programme serves the same goal', () => {
    const group = groupProgress(nodes, progress, new Set(['programme', 'project', 'other']));
    // programme (80, weight 2) and other (20, weight 1); project is inside programme.
    expect(group).toEqual({ counted: 2, progress: 60 });
  });

  it('ignores cancelled initiatives and has no progress when nothing is left', () => {
    expect(groupProgress(nodes, progress, new Set(['dropped']))).toEqual({
      counted: 0,
      progress: undefined,
    });
  });
});
