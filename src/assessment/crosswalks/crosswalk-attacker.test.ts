// A crosswalk's reading adds its numbers to what an attacker of small-number
// protection reads (test/attacker.ts): every filter's total read through the
// crosswalk and every shown agency's reading, beside the framework's own
// totals. Read from the protected totals, they give no hidden agency away;
// read from the totals before protection, they would.
import { describe, expect, it } from 'vitest';
import { attack, type PublishedView } from '../../../test/attacker.ts';
import { crosswalkView, numbersOf } from '../../../test/crosswalk-view.ts';
import { generatedFramework, generatedRound } from '../../../test/generated-rounds.ts';
import type { ResultsSelection } from '../results/index.ts';
import { matchesFilter } from '../results/protection/disclosure.ts';
import { wholeOfGovernmentTree } from '../results/scoring/totals.ts';
import type { RoundAgencies } from '../results/store/results-selection.ts';
import { crosswalkSchema } from './crosswalk-schema.ts';
import { type CrosswalkReading, readTree } from './crosswalk-scoring.ts';

const reading: CrosswalkReading = {
  crosswalk: crosswalkSchema.parse({
    key: 'generated-to-lens',
    version: '1.0.0',
    defaultLanguage: 'en',
    name: { en: 'Generated through a lens' },
    from: { framework: 'tiny', version: '1.0.0' },
    to: { lens: 'lens', version: '1.0.0' },
    mappings: [
      { source: 'AAA-A', target: 'XXX', rationale: { en: 'a sub-dimension' } },
      { source: 'BBB01', target: 'XXX', weight: 2, rationale: { en: 'an item, weighted' } },
      { source: 'AAA03', target: 'YYY', rationale: { en: 'across dimensions' } },
      { source: 'BBB-A', target: 'YYY', rationale: { en: 'across dimensions' } },
      { source: 'AAA02', target: 'ZZZ', rationale: { en: 'one item alone' } },
    ],
  }),
  source: generatedFramework,
  sourceRange: { min: 1, max: 5 },
  target: {
    kind: 'lens',
    key: 'lens',
    version: '1.0.0',
    name: { en: 'Lens' },
    defaultLanguage: 'en',
    dimensions: ['XXX', 'YYY', 'ZZZ'].map((code) => ({ code, name: { en: code } })),
    levels: [{ key: 'one', name: { en: 'One' }, minScore: 0 }],
    range: { min: 0, max: 1 },
  },
};

const view = crosswalkView(reading);

/** A reading that ignored small-number protection of totals: every filter's total, as computed. */
function unprotectedView(round: RoundAgencies): PublishedView {
  return {
    name: 'unprotected',
    publish(selection: ResultsSelection) {
      const trees = round.agencies
        .filter((agency) => matchesFilter(agency, selection.filter))
        .flatMap((agency) => {
          const tree = round.trees.get(agency.id);
          return tree && tree.respondents > 0 ? [tree] : [];
        });
      return {
        total: numbersOf(readTree(reading, wholeOfGovernmentTree(round.framework, trees))),
        agencies: view.publish(selection).agencies,
      };
    },
    truth: view.truth,
  };
}

describe('a crosswalk’s reading against the attacker of small-number protection', () => {
  for (const threshold of [3, 8])
    it(`gives no hidden agency away, with the framework's own totals (threshold ${threshold}, 40 generated rounds)`, () => {
      const recovered = [];
      for (let seed = 1; seed <= 40; seed++)
        for (const recovery of attack(generatedRound(seed), threshold, [view]))
          recovered.push({ seed, ...recovery });
      expect(recovered.slice(0, 5)).toEqual([]);
    });

  it('would give hidden agencies away if read from the totals before protection', () => {
    const recovered = [];
    for (let seed = 1; seed <= 40; seed++) {
      const round = generatedRound(seed);
      recovered.push(...attack(round, 8, [unprotectedView(round)]));
    }
    expect(recovered.length).toBeGreaterThan(0);
    expect(recovered.every((recovery) => recovery.node.startsWith('unprotected:'))).toBe(true);
  });
});
