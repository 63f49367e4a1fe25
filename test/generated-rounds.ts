// Rounds generated for the attacker of small-number protection: 12 to 30
// agencies of a small framework, a third or more of them with one to three
// respondents, some answering whole items "not applicable". Deterministic by
// seed, so a round that gives an agency away can be found again.
import type { AgencyLevel } from '../src/assessment/agencies/agency-schema.ts';
import { agencyTrees } from '../src/assessment/results/scoring/scoring.ts';
import type {
  AgencyProfile,
  RoundAgencies,
} from '../src/assessment/results/store/results-selection.ts';
import { frameworkOf } from './frameworks.ts';
import { type RawAnswer, tallyAnswers } from './tallies.ts';

export const generatedFramework = frameworkOf({
  AAA: { 'AAA-A': ['AAA01', 'AAA02'], 'AAA-B': ['AAA03'] },
  BBB: { 'BBB-A': ['BBB01', 'BBB02', 'BBB03'] },
});
const framework = generatedFramework;
const itemCodes = framework.dimensions.flatMap((d) =>
  d.subdimensions.flatMap((s) => s.items.map((i) => i.code)),
);

/** A small deterministic generator (mulberry32), so a failing round can be found again. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const levels: AgencyLevel[] = ['national', 'subnational', 'local'];
const sectors = ['health', 'education', 'justice', 'finance'];

/** A round of 12 to 30 agencies, a third or more of them with one to three respondents. */
export function generatedRound(seed: number): RoundAgencies {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const count = 12 + Math.floor(next() * 19);
  const agencies: AgencyProfile[] = [];
  const answers: RawAnswer[] = [];
  for (let a = 0; a < count; a++) {
    const id = `agency-${String(a).padStart(2, '0')}`;
    agencies.push({ id, name: id, acronym: null, level: pick(levels), sector: pick(sectors) });
    const respondents = next() < 0.45 ? 1 + Math.floor(next() * 3) : 3 + Math.floor(next() * 10);
    const bias = 1 + next() * 4;
    for (const itemCode of itemCodes) {
      // Some agencies find a whole item not applicable: fewer unknowns there.
      const notApplicable = next() < 0.15;
      for (let r = 0; r < respondents; r++) {
        const value = Math.min(5, Math.max(1, Math.round(bias + (next() - 0.5) * 2)));
        answers.push({
          agencyId: id,
          responseId: `${id}-${r}`,
          itemCode,
          value: notApplicable ? null : value,
          notApplicable,
        });
      }
    }
  }
  return {
    framework,
    agencies,
    trees: agencyTrees(
      framework,
      tallyAnswers(answers),
      agencies.map((agency) => agency.id),
    ),
  };
}
