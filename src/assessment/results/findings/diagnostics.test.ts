import { describe, expect, it } from 'vitest';
import { buildFramework } from '../../../../test/frameworks.ts';
import { treeOf } from '../../../../test/score-trees.ts';
import { frameworkSchema } from '../../frameworks/framework-schema.ts';
import { agenciesApartFromPeers, consensusDisagreements, itemsPullingDown } from './diagnostics.ts';

// AAA: AAA-G (AAA01, AAA02 with weight 3), AAA-X (AAA03); BBB: BBB-G (BBB01)
const item = (code: string, weight = 1) => ({
  code,
  statement: { en: code },
  scale: 'agreement',
  weight,
});
const framework = frameworkSchema.parse(
  buildFramework({
    dimensions: [
      {
        code: 'AAA',
        name: { en: 'First' },
        subdimensions: [
          { code: 'AAA-G', name: { en: 'General' }, items: [item('AAA01'), item('AAA02', 3)] },
          { code: 'AAA-X', name: { en: 'Extra' }, items: [item('AAA03')] },
        ],
      },
      {
        code: 'BBB',
        name: { en: 'Second' },
        subdimensions: [{ code: 'BBB-G', name: { en: 'General' }, items: [item('BBB01')] }],
      },
    ],
  }),
);

describe('items pulling a dimension down', () => {
  it('weighs each low item by its share of the dimension', () => {
    // AAA-G = (5·1 + 1·3) / 4 = 2; AAA-X = 4; AAA = 3.
    // AAA02 is 2 below, its share 3/4 of AAA-G, which is half of AAA: effect 2 · 3/8 = 0.75.
    // AAA01 and AAA03 score above AAA: they pull it up, not down.
    const tree = treeOf(framework, { AAA01: [5], AAA02: [1], AAA03: [4], BBB01: [2] });
    expect(itemsPullingDown(framework, tree, { perDimension: 3, minGap: 0.5 })).toEqual([
      {
        dimensionCode: 'AAA',
        subdimensionCode: 'AAA-G',
        itemCode: 'AAA02',
        itemValue: 1,
        dimensionValue: 3,
        effect: 0.75,
      },
    ]);
  });

  it('leaves out items too close to their dimension to matter', () => {
    // AAA-G 3, AAA-X 3.5, AAA 3.25: both AAA-G items are a quarter point below.
    const tree = treeOf(framework, { AAA01: [3], AAA02: [3], AAA03: [3.5] });
    expect(itemsPullingDown(framework, tree, { perDimension: 3, minGap: 0.5 })).toEqual([]);
    expect(
      itemsPullingDown(framework, tree, { perDimension: 3, minGap: 0.25 }).map((f) => f.itemCode),
    ).toEqual(['AAA02', 'AAA01']);
  });
});

describe('agencies apart from their peers', () => {
  const agency = (id: string, peerKey: string, value: number) => ({
    id,
    peerKey,
    tree: treeOf(framework, { AAA01: [value], BBB01: [value] }, id),
  });

  it('finds the agency furthest from the other agencies of its level, with its widest dimension', () => {
    const found = agenciesApartFromPeers(
      [
        agency('a', 'national', 2),
        agency('b', 'national', 3),
        agency('c', 'national', 4),
        agency('d', 'national', 1),
        agency('e', 'local', 5),
      ],
      { count: 5, minGap: 1 },
    );
    // d: 1 against (2 + 3 + 4) / 3 = 3; c: 4 against (2 + 3 + 1) / 3 = 2; a and b
    // are 2/3 of a point from theirs, under the minimum gap; e has no peers.
    expect(found.map((f) => [f.agencyId, f.gap, f.peers])).toEqual([
      ['c', 2, 3],
      ['d', -2, 3],
    ]);
    expect(found.find((f) => f.agencyId === 'd')?.widestDimension?.gap).toBe(-2);
  });

  it('compares nobody with fewer than two peers', () => {
    const found = agenciesApartFromPeers([agency('a', 'local', 1), agency('b', 'local', 5)], {
      count: 5,
      minGap: 0,
    });
    expect(found).toEqual([]);
  });
});

describe('self-assessment against consensus', () => {
  it('lists the items where the workshop judged a point or more away, widest first', () => {
    const self = treeOf(framework, { AAA01: [4, 5], AAA02: [3], AAA03: [2], BBB01: [3] });
    const consensus = treeOf(framework, { AAA01: [2], AAA02: [4], AAA03: [2.5] });
    expect(consensusDisagreements(self, consensus)).toEqual([
      { itemCode: 'AAA01', selfAssessment: 4.5, consensus: 2, gap: -2.5 },
      { itemCode: 'AAA02', selfAssessment: 3, consensus: 4, gap: 1 },
    ]);
  });
});
