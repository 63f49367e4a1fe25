// What a results page may show for a choice of agencies (all, or a level
// and/or sector): the total over them, each counting once, and which of them
// can be shown on their own. Small-number protection (disclosure.ts) decides
// both; every page and export goes through here. Pure.
import type { AgencyLevel } from '../agencies/agency-schema.ts';
import type { Framework } from '../frameworks/framework-schema.ts';
import {
  type AgencyFilter,
  type Disclosure,
  decideDisclosure,
  matchesFilter,
} from './disclosure.ts';
import { pooledTree, type ScoreTree, wholeOfGovernmentTree } from './scoring.ts';

export interface AgencyProfile {
  id: string;
  name: string;
  acronym: string | null;
  level: AgencyLevel;
  sector: string;
}

export interface AgencyResult {
  agency: AgencyProfile;
  tree: ScoreTree;
}

export interface ResultsSelection {
  filter: AgencyFilter;
  /** The total over the chosen agencies; undefined when withheld to protect a small agency. */
  total: ScoreTree | undefined;
  /** The same agencies' answers pooled, every respondent counting once: the distributions of answers. */
  pooled: ScoreTree | undefined;
  /** Chosen agencies that answered and may be shown on their own, by name. */
  shown: AgencyResult[];
  /** Chosen agencies that answered but are shown only inside the total. */
  hiddenCount: number;
  /** Chosen agencies without any respondent. */
  withoutAnswers: AgencyProfile[];
  disclosure: Disclosure;
}

export interface RoundAgencies {
  framework: Framework;
  agencies: readonly AgencyProfile[];
  /** Each agency's scores, from its own respondents. */
  trees: ReadonlyMap<string, ScoreTree>;
  /** The totals over every agency, when already computed (the store keeps them): no filter reuses them. */
  wholeOfGovernment?: ScoreTree;
  pooled?: ScoreTree;
}

/** Small-number protection over the whole round: the same for every page, whatever the filter. */
export function disclosureOf(round: RoundAgencies, threshold: number): Disclosure {
  return decideDisclosure(
    round.agencies.map((agency) => ({
      id: agency.id,
      level: agency.level,
      sector: agency.sector,
      respondents: round.trees.get(agency.id)?.respondents ?? 0,
    })),
    threshold,
  );
}

export function selectResults(
  round: RoundAgencies,
  disclosure: Disclosure,
  filter: AgencyFilter,
): ResultsSelection {
  const chosen = round.agencies.filter((agency) => matchesFilter(agency, filter));
  const answered: AgencyResult[] = [];
  const withoutAnswers: AgencyProfile[] = [];
  for (const agency of chosen) {
    const tree = round.trees.get(agency.id);
    if (tree && tree.respondents > 0) answered.push({ agency, tree });
    else withoutAnswers.push(agency);
  }
  const byName = (a: AgencyResult, b: AgencyResult) => a.agency.name.localeCompare(b.agency.name);
  const shown = answered.filter(({ agency }) => !disclosure.hidden.has(agency.id)).sort(byName);
  const totalShown = answered.length > 0 && disclosure.totalShown(filter);
  const trees = answered.map(({ tree }) => tree);
  const unfiltered = filter.level === undefined && filter.sector === undefined;
  return {
    filter,
    total: totalShown
      ? (unfiltered && round.wholeOfGovernment) || wholeOfGovernmentTree(round.framework, trees)
      : undefined,
    pooled: totalShown
      ? (unfiltered && round.pooled) || pooledTree(round.framework, trees)
      : undefined,
    shown,
    hiddenCount: answered.length - shown.length,
    withoutAnswers,
    disclosure,
  };
}

/**
 * The agencies to compare one agency with: the others of its level, and the
 * others of its sector, each as a total counting every agency once. A peer
 * total is given only where the total of that level or sector may be shown,
 * since with the agency itself shown it adds nothing a reader could not work
 * out from that total.
 */
export function peerTotals(
  round: RoundAgencies,
  disclosure: Disclosure,
  agency: AgencyProfile,
): { level: ScoreTree | undefined; sector: ScoreTree | undefined } {
  const peersBy = (filter: AgencyFilter) => {
    if (!disclosure.totalShown(filter)) return undefined;
    const trees = round.agencies
      .filter((other) => other.id !== agency.id && matchesFilter(other, filter))
      .flatMap((other) => {
        const tree = round.trees.get(other.id);
        return tree && tree.respondents > 0 ? [tree] : [];
      });
    return trees.length === 0 ? undefined : wholeOfGovernmentTree(round.framework, trees);
  };
  return { level: peersBy({ level: agency.level }), sector: peersBy({ sector: agency.sector }) };
}
