import { describe, expect, it } from 'vitest';
import { buildFramework } from '../../../../test/frameworks.ts';
import { treeOf } from '../../../../test/score-trees.ts';
import { frameworkSchema } from '../../frameworks/framework-schema.ts';
import { type AgencyProfile, disclosureOf } from '../store/results-selection.ts';
import { likeForLike, type RoundWithDisclosure } from './like-for-like.ts';

const framework = frameworkSchema.parse(buildFramework());
const profile = (id: string): AgencyProfile => ({
  id,
  name: id,
  acronym: null,
  level: 'national',
  sector: 'health',
});

/** A round where each agency's respondents all answered AAA01 with its value. */
function round(answers: Record<string, number[]>, threshold = 3): RoundWithDisclosure {
  const scored = {
    framework,
    agencies: Object.keys(answers).map(profile),
    trees: new Map(
      Object.entries(answers).map(([id, values]) => [id, treeOf(framework, { AAA01: values }, id)]),
    ),
  };
  return { ...scored, disclosure: disclosureOf(scored, threshold) };
}

describe('change over the same agencies', () => {
  it('compares the agencies that answered in both rounds, apart from those that joined', () => {
    const earlier = round({ a: [2, 2, 2], b: [3, 3, 3], c: [4, 4, 4] });
    const later = round({ a: [3, 3, 3], b: [3, 3, 3], c: [4, 4, 4], d: [1, 1, 1] });
    const change = likeForLike(earlier, later, {});
    if (change?.kind !== 'compared') throw new Error('expected a like-for-like comparison');
    expect(change).toMatchObject({ agencies: 3, onlyEarlier: 0, onlyLater: 1 });
    // a went up by one: (2 + 3 + 4) / 3 = 3 → (3 + 3 + 4) / 3; d, new and low, is left out.
    expect(change.earlier.value).toBeCloseTo(3, 10);
    expect(change.later.value).toBeCloseTo(10 / 3, 10);
  });

  it('says so when the same agencies answered both rounds', () => {
    const earlier = round({ a: [2, 2, 2], b: [3, 3, 3], c: [4, 4, 4] });
    expect(likeForLike(earlier, earlier, {})).toEqual({ kind: 'same_agencies', agencies: 3 });
  });

  it('is withheld when an agency that answered in one round only is hidden there', () => {
    // d has one respondent: the like-for-like total subtracted from the all-agency one would be d.
    const earlier = round({ a: [2, 2, 2], b: [3, 3, 3], c: [4, 4, 4], e: [2, 2, 2] });
    const later = round({ a: [3, 3, 3], b: [3, 3, 3], c: [4, 4, 4], e: [1, 1, 1], d: [5] });
    expect(later.disclosure.hidden.has('d')).toBe(true);
    expect(likeForLike(earlier, later, {})).toEqual({
      kind: 'withheld',
      onlyEarlier: 0,
      onlyLater: 1,
    });
  });
});
