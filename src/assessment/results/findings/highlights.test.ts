import { describe, expect, it } from 'vitest';
import { frameworkOf } from '../../../../test/frameworks.ts';
import { treeOf } from '../../../../test/score-trees.ts';
import {
  changeSince,
  largestDivergences,
  rankSubdimensions,
  strongestAndWeakest,
} from './highlights.ts';

// AAA: AAA-G (AAA01, AAA02), AAA-X (AAA03); BBB: BBB-G (BBB01)
const framework = frameworkOf({
  AAA: { 'AAA-G': ['AAA01', 'AAA02'], 'AAA-X': ['AAA03'] },
  BBB: { 'BBB-G': ['BBB01'] },
});

describe('strongest and weakest sub-dimensions', () => {
  it('ranks sub-dimensions by score and leaves out those without one', () => {
    const tree = treeOf(framework, { AAA01: [4], AAA02: [2], AAA03: [5] });
    expect(rankSubdimensions(tree).map((s) => [s.subdimensionCode, s.value])).toEqual([
      ['AAA-X', 5],
      ['AAA-G', 3],
    ]);
  });

  it('never lists a sub-dimension as both strongest and weakest', () => {
    const tree = treeOf(framework, { AAA01: [4], AAA03: [5], BBB01: [1] });
    const { strongest, weakest } = strongestAndWeakest(tree, 3);
    expect(strongest.map((s) => s.subdimensionCode)).toEqual(['AAA-X']);
    expect(weakest.map((s) => s.subdimensionCode)).toEqual(['BBB-G']);
  });
});

describe('largest divergences', () => {
  it('lists items whose respondents disagree most, within each agency', () => {
    const agencies = new Map([
      ['ministry', treeOf(framework, { AAA01: [1, 5], AAA02: [3, 3], AAA03: [2, 4] }, 'ministry')],
      ['council', treeOf(framework, { AAA01: [4, 4], BBB01: [1, 4] }, 'council')],
    ]);
    const found = largestDivergences(agencies, 2);
    expect(found.map((d) => [d.agencyId, d.itemCode, d.spread])).toEqual([
      ['ministry', 'AAA01', 2],
      ['council', 'BBB01', 1.5],
    ]);
  });

  it('ignores items with a single answer: there is nobody to disagree with', () => {
    const agencies = new Map([['solo', treeOf(framework, { AAA01: [1], AAA02: [5] }, 'solo')]]);
    expect(largestDivergences(agencies, 5)).toEqual([]);
  });
});

describe('change since an earlier round', () => {
  it('gives the change per dimension and overall, and none where a round lacks a score', () => {
    const earlier = treeOf(framework, { AAA01: [2], AAA02: [2], AAA03: [2] });
    const later = treeOf(framework, { AAA01: [3], AAA02: [4], AAA03: [3], BBB01: [4] });
    const { overall, dimensions } = changeSince(earlier, later);
    // Earlier: AAA 2, overall 2. Later: AAA = mean(3.5, 3) = 3.25, BBB 4, overall 3.625.
    expect(dimensions).toEqual([
      { code: 'AAA', before: 2, after: 3.25, change: 1.25 },
      { code: 'BBB', before: undefined, after: 4, change: undefined },
    ]);
    expect(overall).toEqual({ code: 'overall', before: 2, after: 3.625, change: 1.625 });
  });
});

describe('what stands out beyond its uncertainty', () => {
  it('does not call a sub-dimension strong or weak when it is within its uncertainty of the overall score', () => {
    // AAA-X and BBB-G differ by 0.5, but their four respondents disagree widely.
    const noisy = treeOf(framework, {
      AAA01: [1, 5, 1, 5],
      AAA02: [1, 5, 1, 5],
      AAA03: [1, 5, 2, 5],
      BBB01: [1, 5, 1, 4],
    });
    expect(strongestAndWeakest(noisy, 1)).toEqual({ strongest: [], weakest: [] });
    // With agreement, the same kind of gap is clear.
    const clear = treeOf(framework, {
      AAA01: [3, 3, 3, 3],
      AAA02: [3, 3, 3, 3],
      AAA03: [4, 4, 4, 4],
      BBB01: [2, 2, 2, 2],
    });
    const { strongest, weakest } = strongestAndWeakest(clear, 1);
    expect(strongest.map((s) => s.subdimensionCode)).toEqual(['AAA-X']);
    expect(weakest.map((s) => s.subdimensionCode)).toEqual(['BBB-G']);
  });

  it('says whether a change between rounds is larger than the uncertainty of both', () => {
    const before = treeOf(framework, { BBB01: [2, 2, 3, 3] });
    const after = treeOf(framework, { BBB01: [4, 4, 5, 5] });
    const barely = treeOf(framework, { BBB01: [2, 3, 3, 3] });
    const bbb = (earlier: typeof before, later: typeof before) =>
      changeSince(earlier, later).dimensions.find((d) => d.code === 'BBB');
    expect(bbb(before, after)).toMatchObject({ change: 2, clear: true });
    expect(bbb(before, barely)).toMatchObject({ change: 0.25, clear: false });
  });
});
