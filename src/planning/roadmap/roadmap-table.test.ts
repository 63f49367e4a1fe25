import { describe, expect, it } from 'vitest';
import { treeOrder } from './roadmap-table.ts';

describe('the roadmap as a table', () => {
  it('lists each parent before what is under it, siblings in the order given', () => {
    const rows = [
      { id: 'activity', parentId: 'project-b' },
      { id: 'project-a', parentId: 'programme' },
      { id: 'programme', parentId: null },
      { id: 'project-b', parentId: 'programme' },
      { id: 'loose', parentId: null },
    ];
    expect(treeOrder(rows).map(({ id }) => id)).toEqual([
      'programme',
      'project-a',
      'project-b',
      'activity',
      'loose',
    ]);
  });
});
