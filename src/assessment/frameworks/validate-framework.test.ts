import { describe, expect, it } from 'vitest';
import { buildFramework } from '../../../test/frameworks.ts';
import { describeProblem, validateFramework } from './validate-framework.ts';

function problemsOf(input: unknown): string[] {
  const result = validateFramework(input);
  return result.ok ? [] : result.problems.map(describeProblem);
}

describe('validating a framework file', () => {
  it('accepts a well-formed framework and fills in defaults', () => {
    const result = validateFramework(buildFramework());
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.framework.dimensions[0]?.subdimensions[0]?.items[0]?.weight).toBe(1);
  });

  it('names a duplicate item code with its path and where it was first used', () => {
    const framework = buildFramework();
    framework.dimensions[1]!.subdimensions[0]!.items.push({
      code: 'AAA02',
      statement: { en: 'Again' },
      scale: 'agreement',
    });
    expect(problemsOf(framework)).toEqual([
      'dimensions[1].subdimensions[0].items[1].code: duplicate code "AAA02", first used at dimensions[0].subdimensions[0].items[1].code',
    ]);
  });

  it('reports a missing required field and a value of the wrong type', () => {
    const framework = buildFramework();
    delete (framework.dimensions[0]!.subdimensions[0]!.items[0] as { statement?: unknown })
      .statement;
    (framework as Record<string, unknown>).version = 2;
    const problems = problemsOf(framework);
    expect(problems).toContain('dimensions[0].subdimensions[0].items[0].statement: is required');
    expect(problems).toContain('version: must be text');
  });

  it('rejects codes and keys that do not follow the format, saying what the format is', () => {
    const framework = buildFramework({ key: 'Tiny Framework' });
    framework.dimensions[0]!.code = 'aaa';
    const problems = problemsOf(framework);
    expect(problems).toContainEqual(
      expect.stringMatching(/^key: must be lower-case letters, digits and hyphens/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/^dimensions\[0\]\.code: must be upper-case letters/),
    );
  });

  it('reports an item on a scale that does not exist, listing the scales there are', () => {
    const framework = buildFramework();
    framework.dimensions[0]!.subdimensions[0]!.items[0]!.scale = 'frequency';
    expect(problemsOf(framework)).toEqual([
      'dimensions[0].subdimensions[0].items[0].scale: unknown scale "frequency"; the scales are "agreement"',
    ]);
  });

  it('reports labels outside the scale range and a range that runs backwards', () => {
    const framework = buildFramework();
    const scale = framework.scales[0]!;
    scale.labels[4]!.value = 7;
    scale.max = 1;
    const problems = problemsOf(framework);
    expect(problems).toContain('scales[0].max: must be greater than min (1)');
    expect(problems).toContain('scales[0].labels[4].value: 7 is outside the scale (1 to 1)');
  });

  it('requires a descriptor for every stage of a stage scale and no unknown stage', () => {
    const framework = buildFramework({
      scales: [
        {
          key: 'stage',
          type: 'stages',
          stages: [
            { value: 1, key: 'early', label: { en: 'Early' } },
            { value: 2, key: 'late', label: { en: 'Late' } },
          ],
        },
      ],
      maturityLevels: [{ key: 'any', name: { en: 'Any' }, minScore: 1 }],
      dimensions: [
        {
          code: 'AAA',
          name: { en: 'First' },
          subdimensions: [
            {
              code: 'AAA-G',
              name: { en: 'General' },
              items: [
                {
                  code: 'AAA01',
                  statement: { en: 'Where are we?' },
                  scale: 'stage',
                  descriptors: { early: { en: 'A' }, middle: { en: 'B' } },
                },
              ],
            },
          ],
        },
      ],
    });
    expect(problemsOf(framework)).toEqual([
      'dimensions[0].subdimensions[0].items[0].descriptors: missing descriptor for stage "late"',
      'dimensions[0].subdimensions[0].items[0].descriptors.middle: unknown stage "middle" for scale "stage"',
    ]);
  });

  it('refuses descriptors on a Likert item', () => {
    const framework = buildFramework();
    Object.assign(framework.dimensions[0]!.subdimensions[0]!.items[0]!, {
      descriptors: { early: { en: 'A' } },
    });
    expect(problemsOf(framework)).toEqual([
      'dimensions[0].subdimensions[0].items[0].descriptors: only items on a stage scale have descriptors; "agreement" is a Likert scale',
    ]);
  });

  it('requires maturity levels to start at the bottom of the scale and rise', () => {
    const framework = buildFramework({
      maturityLevels: [
        { key: 'low', name: { en: 'Low' }, minScore: 2 },
        { key: 'mid', name: { en: 'Mid' }, minScore: 1.5 },
        { key: 'top', name: { en: 'Top' }, minScore: 9 },
      ],
    });
    expect(problemsOf(framework)).toEqual([
      'maturityLevels[0].minScore: the first level must start at the lowest scale value, 1',
      "maturityLevels[1].minScore: must be greater than the previous level's minScore (2)",
      'maturityLevels[2].minScore: 9 is above the highest scale value, 5',
    ]);
  });

  it('requires text in the default language', () => {
    const framework = buildFramework({ defaultLanguage: 'es' });
    framework.dimensions = framework.dimensions.slice(0, 1);
    const problems = problemsOf(framework);
    expect(problems).toContain('name: missing text in the default language "es"');
    expect(problems).toContain(
      'dimensions[0].subdimensions[0].items[1].statement: missing text in the default language "es"',
    );
  });

  it('reports an unknown field, which is usually a misspelling', () => {
    const framework = buildFramework({ dimension: [] });
    expect(problemsOf(framework)).toEqual(['unknown field "dimension"']);
  });

  it('reports every problem of a file at once, structural and cross-referencing alike', () => {
    const framework = buildFramework({ version: 'latest' });
    framework.dimensions[1]!.code = 'AAA';
    framework.dimensions[1]!.subdimensions[0]!.items[0]!.scale = 'nope';
    framework.dimensions[0]!.subdimensions[0]!.items = [];
    const problems = problemsOf(framework);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^version: must be a version number/),
        'dimensions[0].subdimensions[0].items: must have at least one item',
        'dimensions[1].code: duplicate code "AAA", first used at dimensions[0].code',
        'dimensions[1].subdimensions[0].items[0].scale: unknown scale "nope"; the scales are "agreement"',
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  it('accepts guidance by level and recommendations on a sub-dimension and an item', () => {
    const framework = buildFramework();
    const subdimension = framework.dimensions[0]!.subdimensions[0]!;
    Object.assign(subdimension, {
      guidance: {
        low: { looksLike: { en: 'Ad hoc' }, toReachNext: { en: 'Write it down' } },
        high: { looksLike: { en: 'Routine' } },
      },
      recommendations: [
        {
          code: 'AAA-R1',
          title: { en: 'Appoint an owner' },
          text: { en: 'Name one person accountable.' },
          horizon: 'short',
          effort: 'low',
          levels: ['low'],
          references: [{ title: { en: 'Seed 001' }, url: 'https://example.org/dgca' }],
        },
      ],
    });
    Object.assign(subdimension.items[0]!, { guidance: { low: { toReachNext: { en: 'Start' } } } });
    const result = validateFramework(framework);
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(
        result.framework.dimensions[0]?.subdimensions[0]?.recommendations?.[0]?.levels,
      ).toEqual(['low']);
  });

  it('reports guidance and recommendations that name unknown levels, reuse codes or go past the top', () => {
    const framework = buildFramework();
    Object.assign(framework.dimensions[0]!.subdimensions[0]!, {
      guidance: {
        middle: { looksLike: { en: 'Between' } },
        high: { toReachNext: { en: 'Beyond the top' } },
        low: {},
      },
      recommendations: [
        {
          code: 'AAA01',
          title: { es: 'Sólo en español' },
          text: { en: 'Text' },
          horizon: 'soon',
          effort: 'low',
          levels: ['low', 'low', 'extreme'],
          references: [{ title: { en: 'A site' }, url: 'ftp://example.org' }],
        },
      ],
    });
    const problems = problemsOf(framework);
    expect(problems).toEqual(
      expect.arrayContaining([
        'dimensions[0].subdimensions[0].guidance.middle: unknown maturity level "middle"; the levels are "low", "high"',
        'dimensions[0].subdimensions[0].guidance.high.toReachNext: "high" is the highest level: there is no next one',
        'dimensions[0].subdimensions[0].guidance.low: must have looksLike, toReachNext or both',
        'dimensions[0].subdimensions[0].recommendations[0].code: duplicate code "AAA01", first used at dimensions[0].subdimensions[0].items[0].code',
        'dimensions[0].subdimensions[0].recommendations[0].title: missing text in the default language "en"',
        'dimensions[0].subdimensions[0].recommendations[0].levels[1]: duplicate level "low"',
        'dimensions[0].subdimensions[0].recommendations[0].levels[2]: unknown maturity level "extreme"; the levels are "low", "high"',
        'dimensions[0].subdimensions[0].recommendations[0].references[0].url: must be an http or https address',
      ]),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^dimensions\[0\]\.subdimensions\[0\]\.recommendations\[0\]\.horizon: /,
      ),
    );
  });

  it('says so when the file is not an object at all', () => {
    expect(problemsOf([1, 2])).toEqual(['must be a set of named values (an object)']);
  });
});
