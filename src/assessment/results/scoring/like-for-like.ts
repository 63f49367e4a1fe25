// Change between two rounds over the same agencies: the totals of both rounds
// over the agencies that answered in both, beside the totals over everyone
// who answered in each. When agencies join or leave between rounds, the
// all-agency change mixes improvement with a different set of agencies; the
// like-for-like change does not. Pure.
//
// Protection: a like-for-like total is the filter's total less the agencies
// that answered in one round only. It is given only when each of those is
// shown on its own in its round, so that it can be worked out from what is
// already published and tells a reader nothing new; the nodes withheld from
// the filter's total are withheld from it too.
import { type AgencyFilter, type Disclosure, matchesFilter } from '../protection/disclosure.ts';
import { protectedTotal, type RoundAgencies } from '../store/results-selection.ts';
import type { ScoreTree } from './scoring.ts';
import { wholeOfGovernmentTree } from './totals.ts';

export interface RoundWithDisclosure extends RoundAgencies {
  disclosure: Disclosure;
}

export type LikeForLike =
  | {
      kind: 'same_agencies';
      /** Agencies that answered in both rounds. */
      agencies: number;
    }
  | {
      kind: 'compared';
      agencies: number;
      /** Agencies that answered only in the earlier round, and only in the later one. */
      onlyEarlier: number;
      onlyLater: number;
      earlier: ScoreTree;
      later: ScoreTree;
    }
  | {
      /** An agency that answered in one round only is hidden there: the totals would give it away. */
      kind: 'withheld';
      onlyEarlier: number;
      onlyLater: number;
    };

function answering(round: RoundAgencies, filter: AgencyFilter): Set<string> {
  return new Set(
    round.agencies
      .filter(
        (agency) =>
          matchesFilter(agency, filter) && (round.trees.get(agency.id)?.respondents ?? 0) > 0,
      )
      .map((agency) => agency.id),
  );
}

export function likeForLike(
  earlier: RoundWithDisclosure,
  later: RoundWithDisclosure,
  filter: AgencyFilter,
): LikeForLike | undefined {
  const before = answering(earlier, filter);
  const after = answering(later, filter);
  const both = [...after].filter((id) => before.has(id));
  const onlyEarlier = [...before].filter((id) => !after.has(id));
  const onlyLater = [...after].filter((id) => !before.has(id));
  if (both.length === 0) return undefined;
  if (onlyEarlier.length === 0 && onlyLater.length === 0)
    return { kind: 'same_agencies', agencies: both.length };
  if (
    onlyEarlier.some((id) => earlier.disclosure.hidden.has(id)) ||
    onlyLater.some((id) => later.disclosure.hidden.has(id)) ||
    !earlier.disclosure.totalShown(filter) ||
    !later.disclosure.totalShown(filter)
  )
    return { kind: 'withheld', onlyEarlier: onlyEarlier.length, onlyLater: onlyLater.length };
  const totalOf = (round: RoundWithDisclosure) =>
    protectedTotal(
      wholeOfGovernmentTree(
        round.framework,
        both.flatMap((id) => round.trees.get(id) ?? []),
      ),
      round.disclosure,
      filter,
    );
  return {
    kind: 'compared',
    agencies: both.length,
    onlyEarlier: onlyEarlier.length,
    onlyLater: onlyLater.length,
    earlier: totalOf(earlier),
    later: totalOf(later),
  };
}
