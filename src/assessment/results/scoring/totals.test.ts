import { describe, expect, it } from 'vitest';
import { buildFramework } from '../../../../test/frameworks.ts';
import { treeOf } from '../../../../test/score-trees.ts';
import { frameworkSchema } from '../../frameworks/framework-schema.ts';
import { AgencySums } from './totals.ts';

const framework = frameworkSchema.parse(buildFramework());
const ministry = treeOf(framework, { AAA01: [4, 5, 3], AAA02: [2, 2], BBB01: [5] }, 'ministry');
const council = treeOf(framework, { AAA01: [1, 2], BBB01: [3, 3, 4] }, 'council');
const town = treeOf(framework, { AAA01: [5, 5, 5], AAA02: [4, 4, 4] }, 'town');
const townLater = treeOf(framework, { AAA01: [2, 2, 3], AAA02: [4, 1, 4] }, 'town');

const to12Digits = (tree: unknown) =>
  JSON.parse(
    JSON.stringify(tree, (_key, value) =>
      typeof value === 'number' ? Number(value.toPrecision(12)) : value,
    ),
  );

describe('totals kept as running sums', () => {
  it('give the same totals after an agency changes as summing everything afresh', () => {
    const kept = new AgencySums(framework, [ministry, council, town]);
    kept.remove(town);
    kept.add(townLater);
    const fresh = new AgencySums(framework, [ministry, council, townLater]);
    // Taking a tree out leaves floating-point noise far below any digit shown.
    expect(to12Digits(kept.wholeOfGovernment())).toEqual(to12Digits(fresh.wholeOfGovernment()));
    expect(to12Digits(kept.pooled())).toEqual(to12Digits(fresh.pooled()));
  });

  it('count each agency once at every node, with the spread of the agencies apart', () => {
    const total = new AgencySums(framework, [ministry, council]).wholeOfGovernment();
    // AAA01: ministry 4, council 1.5 → mean 2.75, spread 1.25
    const aaa01 = total.dimensions[0]?.subdimensions[0]?.items[0];
    expect(aaa01?.value).toBeCloseTo(2.75, 12);
    expect(aaa01?.spread).toBeCloseTo(1.25, 12);
    expect(aaa01?.agencies).toBe(2);
    // Its answers are all five respondents'.
    expect(aaa01?.counts).toEqual([
      { value: 1, count: 1 },
      { value: 2, count: 1 },
      { value: 3, count: 1 },
      { value: 4, count: 1 },
      { value: 5, count: 1 },
    ]);
  });

  it('give a spread of exactly 0 when every agency has the same score', () => {
    const same = treeOf(framework, { BBB01: [3, 3] }, 'a');
    const total = new AgencySums(framework, [same, same, same]).wholeOfGovernment();
    expect(total.dimensions[1]?.spread).toBe(0);
  });

  it('leave nothing behind when every agency is taken out again', () => {
    const kept = new AgencySums(framework, [ministry, council]);
    kept.remove(ministry);
    kept.remove(council);
    expect(kept.wholeOfGovernment()).toEqual(new AgencySums(framework).wholeOfGovernment());
  });
});
