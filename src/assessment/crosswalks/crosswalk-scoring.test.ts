// A small case worked by hand (docs/scoring.md, Reading through a crosswalk).
import { describe, expect, it } from 'vitest';
import { buildFramework } from '../../../test/frameworks.ts';
import { treeOf } from '../../../test/score-trees.ts';
import { type Framework, frameworkSchema } from '../frameworks/framework-schema.ts';
import type { ScoreTree } from '../results/index.ts';
import { crosswalkSchema, type Mapping } from './crosswalk-schema.ts';
import { type CrosswalkReading, readTree, rescale } from './crosswalk-scoring.ts';

const item = (code: string, weight?: number) => ({
  code,
  statement: { en: code },
  scale: 'agreement',
  ...(weight ? { weight } : {}),
});
const source: Framework = frameworkSchema.parse(
  buildFramework({
    dimensions: [
      {
        code: 'AAA',
        name: { en: 'A' },
        subdimensions: [
          { code: 'AAA-A', name: { en: 'A-A' }, items: [item('AAA01'), item('AAA02', 2)] },
          { code: 'AAA-B', name: { en: 'A-B' }, items: [item('AAA03')] },
        ],
      },
      {
        code: 'BBB',
        name: { en: 'B' },
        subdimensions: [
          { code: 'BBB-A', name: { en: 'B-A' }, items: [item('BBB01'), item('BBB02')] },
        ],
      },
    ],
  }),
);

const mapping = (source: string, target: string, weight = 1): Mapping => ({
  source,
  target,
  weight,
  rationale: { en: 'why' },
});

/** A lens on 0–1 with levels at 0 and 0.5, read through by `mappings`. */
function readingOf(mappings: Mapping[]): CrosswalkReading {
  const crosswalk = crosswalkSchema.parse({
    key: 'tiny-to-lens',
    version: '1.0.0',
    defaultLanguage: 'en',
    name: { en: 'Tiny through a lens' },
    from: { framework: 'tiny', version: '1.0.0' },
    to: { lens: 'lens', version: '1.0.0' },
    mappings,
  });
  const codes = [...new Set(mappings.map((m) => m.target))];
  return {
    crosswalk,
    source,
    sourceRange: { min: 1, max: 5 },
    target: {
      kind: 'lens',
      key: 'lens',
      version: '1.0.0',
      name: { en: 'Lens' },
      defaultLanguage: 'en',
      dimensions: codes.map((code) => ({ code, name: { en: code } })),
      levels: [
        { key: 'low', name: { en: 'Low' }, minScore: 0 },
        { key: 'mid', name: { en: 'Mid' }, minScore: 0.5 },
      ],
      range: { min: 0, max: 1 },
    },
  };
}

// Two respondents: AAA01 3 and 5 (4, standard error 1), AAA02 1 and 1, AAA03
// 5 and 5, BBB01 2 and 4 (3, standard error 1), BBB02 unanswered. So AAA-A =
// (4 + 2·1)/3 = 2 with error (1 + 2·0)/3 = 1/3, and BBB-A = 3 with error 1.
const tree = treeOf(source, { AAA01: [3, 5], AAA02: [1, 1], AAA03: [5, 5], BBB01: [2, 4] });

describe('reading scores through a crosswalk', () => {
  const reading = readingOf([
    mapping('AAA-A', 'X'),
    mapping('BBB01', 'X', 2),
    mapping('AAA03', 'Y'),
    mapping('BBB-A', 'Y'),
    mapping('BBB02', 'Z'),
    mapping('AAA03', 'Z', 0.5),
  ]);
  const scores = readTree(reading, tree);
  const target = (code: string) => scores.targets.find((t) => t.targetCode === code);

  it('gives a target the weighted mean of its sources, moved from 1–5 onto 0–1, with its level', () => {
    // X = (1·2 + 2·3)/3 = 8/3 on 1–5; on 0–1, (8/3 − 1)/4 = 5/12.
    expect(target('X')?.value).toBeCloseTo(5 / 12, 12);
    expect(target('X')?.level?.key).toBe('low');
    // Y = (5 + 3)/2 = 4; (4 − 1)/4 = 3/4.
    expect(target('Y')?.value).toBeCloseTo(3 / 4, 12);
    expect(target('Y')?.level?.key).toBe('mid');
  });

  it('gives each target the weighted mean of its sources’ standard errors, on the target’s range', () => {
    // X: (1·1/3 + 2·1)/3 = 7/9 on 1–5, a quarter of it on 0–1.
    expect(target('X')?.standardError).toBeCloseTo(7 / 36, 12);
    // Y: (0 + 1)/2 on 1–5.
    expect(target('Y')?.standardError).toBeCloseTo(1 / 8, 12);
  });

  it('gives no score where the sources with a score carry less than half the mapped weight', () => {
    // Z: BBB02 (weight 1) has no answer; AAA03 carries 0.5 of 1.5.
    expect(target('Z')).toMatchObject({
      value: undefined,
      level: undefined,
      scoredSources: 1,
      sources: 2,
    });
  });

  it('gives an overall score as the mean of the targets’ scores, each once', () => {
    // (5/12 + 3/4)/2 = 7/12; Z, without a score, is left out.
    expect(scores.overall.value).toBeCloseTo(7 / 12, 12);
    expect(scores.overall.level?.key).toBe('mid');
  });

  it('multiplies a mapped item’s own weight by the mapping’s', () => {
    // AAA02 weighs 2 in its sub-dimension and 1.5 here: 3 against AAA01's 1.
    // (1·4 + 3·1)/4 = 7/4; on 0–1, (7/4 − 1)/4 = 3/16.
    const weighted = readTree(readingOf([mapping('AAA01', 'W'), mapping('AAA02', 'W', 1.5)]), tree);
    expect(weighted.targets[0]?.value).toBeCloseTo(3 / 16, 12);
  });

  it('withholds a target of a total when any score it is made of is withheld, and the overall with it', () => {
    const protectedTree = structuredClone(tree) as ScoreTree;
    const withheldItem = protectedTree.dimensions[1]?.subdimensions[0]?.items[0];
    if (!withheldItem) throw new Error('BBB01 is in the tree');
    Object.assign(withheldItem, { value: undefined, withheld: true });
    const read = readTree(reading, protectedTree);
    expect(read.targets.find((t) => t.targetCode === 'X')).toMatchObject({
      value: undefined,
      withheld: true,
    });
    expect(read.targets.find((t) => t.targetCode === 'Y')?.value).toBeCloseTo(3 / 4, 12);
    expect(read.overall).toMatchObject({ value: undefined, withheld: true });
  });

  it('moves the bottom and the top of one range onto the other’s', () => {
    expect(rescale(1, { min: 1, max: 5 }, { min: 1, max: 4 })).toBe(1);
    expect(rescale(5, { min: 1, max: 5 }, { min: 1, max: 4 })).toBe(4);
    expect(rescale(3, { min: 1, max: 5 }, { min: 1, max: 4 })).toBe(2.5);
  });
});
