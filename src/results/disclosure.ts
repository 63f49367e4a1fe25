// Small-number protection: which agencies the results may show on their own,
// and which totals they may show at all, so that no officer's answers can be
// singled out. Pure.
//
// Hiding the agencies with fewer respondents than the threshold is not enough
// on its own. A total is a mean over agencies (or a sum of answer counts), so
// a reader who sees a total and all but one of the agencies inside it can work
// out the missing one; with filters by level and sector there are many totals
// to combine. So the rule is checked against every total a reader can display:
// an agency stays hidden only if no combination of the shown totals, minus the
// shown agencies, isolates it, and the hidden part of every total holds at
// least `threshold` respondents. Where that fails, the shown agency with the
// fewest respondents in the total is hidden as well (complementary suppression,
// as statistics offices do); where nothing is left to hide, or where two
// filtered totals differ by one small agency, a filtered total is withheld.
// The whole-of-government total is withheld only when it is itself too small.
import type { AgencyLevel } from '../agencies/agency-schema.ts';

export const DEFAULT_MIN_RESPONDENTS = 3;

export interface AgencyInResults {
  id: string;
  level: AgencyLevel;
  sector: string;
  /** Submitted responses with at least one answer. */
  respondents: number;
}

/** The agencies a total is over: all of them, or those of one level and/or sector. */
export interface AgencyFilter {
  level?: AgencyLevel;
  sector?: string;
}

export type HiddenBecause = 'few_respondents' | 'protects_another';

export interface Disclosure {
  threshold: number;
  /** Agencies not shown on their own, and why; they still count in the totals that are shown. */
  hidden: ReadonlyMap<string, HiddenBecause>;
  /** Whether the total over the agencies a filter selects may be shown. */
  totalShown(filter: AgencyFilter): boolean;
}

/** The filter a query asks for, an empty or missing level or sector meaning "all". */
export function filterOf(query: AgencyFilter): AgencyFilter {
  return {
    ...(query.level ? { level: query.level } : {}),
    ...(query.sector ? { sector: query.sector } : {}),
  };
}

export function matchesFilter(agency: Omit<AgencyInResults, 'respondents'>, filter: AgencyFilter) {
  return (
    (filter.level === undefined || agency.level === filter.level) &&
    (filter.sector === undefined || agency.sector === filter.sector)
  );
}

/** Every filter a reader can choose: none, each level, each sector, each level with each sector. */
export function displayableFilters(agencies: readonly AgencyInResults[]): AgencyFilter[] {
  const levels = [...new Set(agencies.map((agency) => agency.level))].sort();
  const sectors = [...new Set(agencies.map((agency) => agency.sector))].sort();
  return [
    {},
    ...levels.map((level) => ({ level })),
    ...sectors.map((sector) => ({ sector })),
    ...levels.flatMap((level) => sectors.map((sector) => ({ level, sector }))),
  ];
}

const filterKey = (filter: AgencyFilter) => `${filter.level ?? '*'}|${filter.sector ?? '*'}`;

export function decideDisclosure(
  agencies: readonly AgencyInResults[],
  threshold: number = DEFAULT_MIN_RESPONDENTS,
): Disclosure {
  // Agencies without respondents have nothing to reveal and no score in any total.
  const answering = agencies.filter((agency) => agency.respondents > 0);
  const hidden = new Map<string, HiddenBecause>();
  for (const agency of answering)
    if (agency.respondents < threshold) hidden.set(agency.id, 'few_respondents');

  const groups: Group[] = [];
  for (const filter of displayableFilters(answering)) {
    const members = answering.filter((agency) => matchesFilter(agency, filter));
    if (members.length > 0) groups.push({ key: filterKey(filter), filter, members });
  }
  // Smallest first: the agency hidden to protect another is then a near neighbour.
  groups.sort((a, b) => a.members.length - b.members.length || a.key.localeCompare(b.key));
  const withheld = new Set<string>();
  const shownGroups = () => groups.filter((group) => !withheld.has(group.key));

  for (;;) {
    const exposed = shownGroups().find((group) => hiddenPartExposes(group, hidden, threshold));
    if (exposed) {
      const nextToHide = exposed.members
        .filter((agency) => !hidden.has(agency.id))
        .sort((a, b) => a.respondents - b.respondents || a.id.localeCompare(b.id))[0];
      if (nextToHide) hidden.set(nextToHide.id, 'protects_another');
      else withheld.add(exposed.key);
      continue;
    }
    const combination = isolatingCombination(shownGroups(), hidden);
    if (!combination) break;
    withheld.add(combination.key);
  }

  return {
    threshold,
    hidden,
    totalShown: (filter) => !withheld.has(filterKey(filter)),
  };
}

interface Group {
  key: string;
  filter: AgencyFilter;
  members: AgencyInResults[];
}

const isWholeOfGovernment = (group: Group) =>
  group.filter.level === undefined && group.filter.sector === undefined;

/**
 * A total whose hidden part gives a small agency away: the small agency is
 * hidden alone in it (the total minus the shown agencies is that agency), or
 * with too few respondents beside it.
 */
function hiddenPartExposes(
  group: Group,
  hidden: ReadonlyMap<string, HiddenBecause>,
  threshold: number,
): boolean {
  const hiddenMembers = group.members.filter((agency) => hidden.has(agency.id));
  if (!hiddenMembers.some((agency) => hidden.get(agency.id) === 'few_respondents')) return false;
  const respondents = hiddenMembers.reduce((sum, agency) => sum + agency.respondents, 0);
  return hiddenMembers.length < 2 || respondents < threshold;
}

/**
 * When shown totals can be added and subtracted down to one small agency,
 * the filtered total to withhold: one whose absence breaks every such
 * combination if there is one, else the smallest total holding the agency,
 * else the smallest filtered total. The whole-of-government total is never
 * withheld here: on its own, its hidden part already passed the check above.
 */
function isolatingCombination(
  groups: readonly Group[],
  hidden: ReadonlyMap<string, HiddenBecause>,
): Group | undefined {
  const hiddenIds = [...hidden.keys()].sort();
  const rowOf = (group: Group) =>
    hiddenIds.map((id) => (group.members.some((agency) => agency.id === id) ? 1 : 0));
  const isolates = (candidates: readonly Group[], column: number) =>
    rowSpace(candidates.map(rowOf)).contains(unitVector(hiddenIds.length, column));
  const column = hiddenIds.findIndex(
    (id, index) => hidden.get(id) === 'few_respondents' && isolates(groups, index),
  );
  if (column === -1) return undefined;
  const id = hiddenIds[column];
  const filtered = groups.filter((group) => !isWholeOfGovernment(group));
  return (
    filtered.find(
      (group) =>
        !isolates(
          groups.filter((other) => other !== group),
          column,
        ),
    ) ??
    filtered.find((group) => group.members.some((agency) => agency.id === id)) ??
    filtered[0]
  );
}

function unitVector(length: number, index: number): number[] {
  return Array.from({ length }, (_, i) => (i === index ? 1 : 0));
}

const EPSILON = 1e-9;

/**
 * The combinations of `rows`: which vectors the totals (each row marks the
 * hidden agencies inside one total) can be combined into. Gaussian
 * elimination; the entries are 0 and 1 and the matrices small, so floating
 * point with a tolerance is exact enough.
 */
export function rowSpace(rows: readonly number[][]): {
  contains(target: readonly number[]): boolean;
} {
  const basis: { pivot: number; row: number[] }[] = [];
  const reduce = (vector: number[]) => {
    for (const { pivot, row } of basis) {
      const factor = vector[pivot] ?? 0;
      if (Math.abs(factor) > EPSILON)
        for (let i = 0; i < vector.length; i++)
          vector[i] = (vector[i] ?? 0) - factor * (row[i] ?? 0);
    }
    return vector;
  };
  for (const original of rows) {
    const row = reduce([...original]);
    const pivot = row.findIndex((value) => Math.abs(value) > EPSILON);
    if (pivot === -1) continue;
    const scale = row[pivot] ?? 1;
    const normalized = row.map((value) => value / scale);
    // Keep the basis fully reduced, so one pass of `reduce` clears every pivot.
    for (const entry of basis) {
      const factor = entry.row[pivot] ?? 0;
      if (Math.abs(factor) > EPSILON)
        entry.row = entry.row.map((value, i) => value - factor * (normalized[i] ?? 0));
    }
    basis.push({ pivot, row: normalized });
  }
  return {
    contains: (target) => reduce([...target]).every((value) => Math.abs(value) <= EPSILON),
  };
}
