import { describe, expect, it } from 'vitest';
import { readReferenceFramework } from '../../../test/frameworks.ts';
import { frameworkSchema } from '../frameworks/framework-schema.ts';
import { findSubdimension, nextPlace, workshopItems, workshopOverview } from './workshop.ts';

const dgca = frameworkSchema.parse(readReferenceFramework('dgca'));

describe('the workshop over a framework', () => {
  it('goes item by item, then on to the next sub-dimension, and stops after the last item', () => {
    expect(nextPlace(dgca, 'LEA01')).toEqual({ subdimensionCode: 'LEA-VIS', itemCode: 'LEA02' });
    const lastOfVision = findSubdimension(dgca, 'LEA-VIS')!.subdimension.items.at(-1)!.code;
    expect(nextPlace(dgca, lastOfVision)?.subdimensionCode).toBe('LEA-POL');
    const lastItem = dgca.dimensions.at(-1)!.subdimensions.at(-1)!.items.at(-1)!.code;
    expect(nextPlace(dgca, lastItem)).toBeUndefined();
    expect(nextPlace(dgca, 'NOPE')).toBeUndefined();
  });

  it('counts per sub-dimension the items with a consensus and the items that diverge', () => {
    const split = [
      { value: 1, notApplicable: false, count: 5 },
      { value: 5, notApplicable: false, count: 5 },
    ];
    const overview = workshopOverview(
      dgca,
      new Map([
        ['LEA01', split],
        ['LEA02', [{ value: 3, notApplicable: false, count: 9 }]],
      ]),
      new Map([['LEA02', { value: 3 }]]),
    );
    expect(overview[0]!.subdimensions[0]).toMatchObject({
      items: 4,
      withConsensus: 1,
      divergent: 1,
    });
    expect(overview[0]!.subdimensions[1]).toMatchObject({ withConsensus: 0, divergent: 0 });
  });

  it('gives an item nobody answered empty statistics and no consensus', () => {
    const [first] = workshopItems(
      dgca,
      [dgca.dimensions[0]!.subdimensions[0]!.items[0]!],
      new Map(),
      new Map(),
    );
    expect(first).toMatchObject({ statistics: { answers: 0, mean: null }, consensus: undefined });
  });
});
