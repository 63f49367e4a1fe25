import { describe, expect, it } from 'vitest';
import { buildFramework } from '../../../../test/frameworks.ts';
import { treeOf } from '../../../../test/score-trees.ts';
import { frameworkSchema } from '../../frameworks/framework-schema.ts';
import { weakSubdimensions } from './recommendations.ts';
import { gapTo, resolveTargets } from './targets.ts';

const recommendation = (code: string, levels: string[]) => ({
  code,
  title: { en: `Do ${code}` },
  text: { en: `Text of ${code}` },
  horizon: 'short',
  effort: 'low',
  levels,
});
const item = (code: string) => ({ code, statement: { en: code }, scale: 'agreement' });

// Levels 1 / 2 / 3 / 4 on a 1–5 scale. Dimension AAA has two sub-dimensions
// (each a quarter of the overall score), BBB one (half of it).
const framework = frameworkSchema.parse(
  buildFramework({
    maturityLevels: [
      { key: 'one', name: { en: 'One' }, minScore: 1 },
      { key: 'two', name: { en: 'Two' }, minScore: 2 },
      { key: 'three', name: { en: 'Three' }, minScore: 3 },
      { key: 'four', name: { en: 'Four' }, minScore: 4 },
    ],
    dimensions: [
      {
        code: 'AAA',
        name: { en: 'First' },
        subdimensions: [
          {
            code: 'AAA-X',
            name: { en: 'X' },
            items: [item('X1')],
            recommendations: [
              recommendation('AAA-X-R1', ['one', 'two']),
              recommendation('AAA-X-R2', ['three']),
            ],
          },
          { code: 'AAA-Y', name: { en: 'Y' }, items: [item('Y1')] },
        ],
      },
      {
        code: 'BBB',
        name: { en: 'Second' },
        subdimensions: [
          {
            code: 'BBB-Z',
            name: { en: 'Z' },
            items: [item('Z1')],
            recommendations: [recommendation('BBB-Z-R1', ['two', 'three'])],
          },
        ],
      },
    ],
  }),
);

describe('targets', () => {
  // X 2.5 (two), Y 4.5 (four, the top), Z 3 (three); AAA (2.5 + 4.5) / 2 = 3.5.
  const today = treeOf(framework, { X1: [2, 3], Y1: [4, 5], Z1: [3] });

  it('aim one level above where the whole of government stands, and the top level stays the top', () => {
    const targets = resolveTargets(framework, [], today);
    expect(targets.get('AAA-X')).toMatchObject({ level: { key: 'three' }, source: 'default' });
    expect(targets.get('AAA-Y')).toMatchObject({ level: { key: 'four' }, source: 'default' });
    expect(targets.get('AAA')).toMatchObject({ level: { key: 'four' }, source: 'default' });
    expect(targets.get('BBB-Z')?.level.key).toBe('four');
  });

  it('take a dimension’s target for its sub-dimensions unless one is set of their own', () => {
    const targets = resolveTargets(
      framework,
      [
        { nodeCode: 'AAA', levelKey: 'two', dueOn: '2028-12-31' },
        { nodeCode: 'AAA-Y', levelKey: 'three', dueOn: null },
        { nodeCode: 'BBB-Z', levelKey: 'gone', dueOn: null },
      ],
      today,
    );
    expect(targets.get('AAA')).toEqual({
      level: expect.objectContaining({ key: 'two' }),
      dueOn: '2028-12-31',
      source: 'set',
    });
    expect(targets.get('AAA-X')).toMatchObject({ level: { key: 'two' }, source: 'dimension' });
    expect(targets.get('AAA-Y')).toMatchObject({ level: { key: 'three' }, source: 'set' });
    // A level the framework no longer has is ignored: the default applies.
    expect(targets.get('BBB-Z')).toMatchObject({ level: { key: 'four' }, source: 'default' });
  });

  it('have no default where today’s score is missing or withheld', () => {
    const targets = resolveTargets(framework, [], treeOf(framework, { X1: [2] }));
    expect(targets.has('AAA-X')).toBe(true);
    expect(targets.has('AAA-Y')).toBe(false);
    expect(targets.has('BBB')).toBe(false);
    expect(resolveTargets(framework, [], undefined).size).toBe(0);
  });

  it('measure the gap to the target level’s lowest score, 0 once reached', () => {
    const target = resolveTargets(framework, [], today).get('AAA-X');
    expect(gapTo(2.5, target)).toBe(0.5);
    expect(gapTo(3, target)).toBe(0);
    expect(gapTo(2.9999999999999996, target)).toBe(0);
    expect(gapTo(undefined, target)).toBeUndefined();
    expect(gapTo(2, undefined)).toBeUndefined();
  });
});

describe('recommendations for weak sub-dimensions', () => {
  const setTargets = [
    { nodeCode: 'AAA', levelKey: 'four', dueOn: null },
    { nodeCode: 'BBB', levelKey: 'four', dueOn: null },
  ];

  it('rank sub-dimensions below target by gap × weight and offer what applies at their level', () => {
    // X 1.5 (one): gap 2.5 × 1/4 = 0.625; Y 4 (at target): nothing;
    // Z 2.5 (two): gap 1.5 × 1/2 = 0.75, first though its gap is smaller.
    const tree = treeOf(framework, { X1: [1, 2], Y1: [4], Z1: [2, 3] });
    const weak = weakSubdimensions(
      framework,
      tree,
      undefined,
      resolveTargets(framework, setTargets, tree),
    );
    expect(
      weak.map(({ subdimensionCode, gap, weight, priority, level, recommendations }) => ({
        subdimensionCode,
        gap,
        weight,
        priority,
        level: level.key,
        codes: recommendations.map((r) => r.code),
      })),
    ).toEqual([
      {
        subdimensionCode: 'BBB-Z',
        gap: 1.5,
        weight: 0.5,
        priority: 0.75,
        level: 'two',
        codes: ['BBB-Z-R1'],
      },
      {
        subdimensionCode: 'AAA-X',
        gap: 2.5,
        weight: 0.25,
        priority: 0.625,
        level: 'one',
        codes: ['AAA-X-R1'],
      },
    ]);
  });

  it('count the workshop’s consensus where it agreed, showing the self-assessment beside it', () => {
    const tree = treeOf(framework, { X1: [1, 2], Y1: [4], Z1: [2, 3] });
    const consensus = treeOf(framework, { X1: [3] }, 'workshop');
    const [x] = weakSubdimensions(
      framework,
      tree,
      consensus,
      resolveTargets(framework, setTargets, tree),
    ).filter((weak) => weak.subdimensionCode === 'AAA-X');
    expect(x).toMatchObject({
      score: 3,
      basis: 'consensus',
      selfAssessed: 1.5,
      level: { key: 'three' },
      gap: 1,
      priority: 0.25,
    });
    expect(x?.recommendations.map((r) => r.code)).toEqual(['AAA-X-R2']);
  });

  it('prompt nothing for a sub-dimension without a score', () => {
    const tree = treeOf(framework, { Y1: [1] });
    const weak = weakSubdimensions(
      framework,
      tree,
      undefined,
      resolveTargets(framework, setTargets, tree),
    );
    expect(weak.map((w) => w.subdimensionCode)).toEqual(['AAA-Y']);
  });
});
