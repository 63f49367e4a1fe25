import { describe, expect, it } from 'vitest';
import { buildFramework } from '../../../../test/frameworks.ts';
import { treeOf } from '../../../../test/score-trees.ts';
import { frameworkSchema } from '../../frameworks/framework-schema.ts';
import { agreementOver, itemsOfDimension } from './agreement.ts';

const framework = frameworkSchema.parse(buildFramework());

describe('the share agreeing', () => {
  it('counts the answers in the upper half of a 1–5 scale: agree and strongly agree', () => {
    const tree = treeOf(framework, { AAA01: [1, 3, 4, 5], AAA02: [2, 4] });
    expect(agreementOver(framework, itemsOfDimension(tree, 0))).toEqual({
      agreeing: 3,
      answers: 6,
      share: 0.5,
    });
  });

  it('has no share without answers, rather than 0', () => {
    const tree = treeOf(framework, { AAA01: [4] });
    expect(agreementOver(framework, itemsOfDimension(tree, 1)).share).toBeUndefined();
  });

  it('tells two sets of answers with the same mean apart', () => {
    // Both average 3: one split between the ends, one all neutral.
    const split = treeOf(framework, { AAA01: [1, 5, 1, 5] });
    const neutral = treeOf(framework, { AAA01: [3, 3, 3, 3] });
    expect(agreementOver(framework, itemsOfDimension(split, 0)).share).toBe(0.5);
    expect(agreementOver(framework, itemsOfDimension(neutral, 0)).share).toBe(0);
  });
});
