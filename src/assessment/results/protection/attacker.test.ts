// Small-number protection against an attacker (test/attacker.ts) who reads
// every total published for every filter of level and sector and combines
// them to solve for hidden agencies: subtraction, a total's mean and spread,
// agency means against the pooled counts of answers. Over generated rounds
// with many small agencies, some of which answer whole items "not applicable".
import { describe, expect, it } from 'vitest';
import { attack } from '../../../../test/attacker.ts';
import { generatedRound } from '../../../../test/generated-rounds.ts';

describe('small-number protection against an attacker', () => {
  for (const threshold of [3, 8])
    it(`gives no hidden agency away on any item, sub-dimension or dimension (threshold ${threshold}, 40 generated rounds)`, () => {
      const recovered = [];
      for (let seed = 1; seed <= 40; seed++)
        for (const recovery of attack(generatedRound(seed), threshold))
          recovered.push({ seed, ...recovery });
      expect(recovered.slice(0, 5)).toEqual([]);
    });
});
