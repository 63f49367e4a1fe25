// Small-number protection: which agencies the results may show on their own,
// which totals they may show at all, and at which nodes of a shown total the
// numbers are withheld, so that no officer's answers can be singled out. Pure;
// the model is written down in docs/scoring.md.
//
// Every number published about a total (its mean, spread, counts of answers
// and of agencies, distribution of answers) is an equation about the hidden
// agencies inside it, once the shown agencies are subtracted. A mean gives
// their sum; a spread, their sum of squares; so one hidden agency is found by
// subtraction and two by solving both (x = (s1 ± √(2·s2 − s1²)) / 2), and
// totals can be added and subtracted first (a level's total minus a sector's).
// So the rule: no combination of the totals shown at a node may come down to
// one or two hidden agencies. Agencies are hidden below the threshold; where a
// total's hidden part would hold one or two agencies, or too few respondents,
// a further agency is hidden (complementary suppression, as statistics
// offices do); where totals still combine down to one or two hidden agencies,
// a filtered total is withheld. Then the same rule is checked node by node
// (item, sub-dimension, dimension, overall), because a hidden agency with no
// value at an item (all "not applicable") leaves fewer unknowns there: a total
// that would give one away at a node is withheld at that node.
import type { AgencyLevel } from '../../agencies/index.ts';

export const DEFAULT_MIN_RESPONDENTS = 3;

export interface AgencyInResults {
  id: string;
  level: AgencyLevel;
  sector: string;
  /** Submitted responses with at least one answer. */
  respondents: number;
  /** Where the agency has a score and where it answered; absent: everywhere. Asked only of hidden agencies. */
  nodes?: () => NodePresence;
}

export interface NodePresence {
  /** The nodes where the agency's answers give it a score. */
  scored: ReadonlySet<NodeKey>;
  /** The nodes where it gave any answer, a value or "not applicable". */
  answered: ReadonlySet<NodeKey>;
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
  /** The nodes at which that total's numbers are withheld, even though the total is shown. */
  withheldNodes(filter: AgencyFilter): ReadonlySet<NodeKey>;
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

/** Where a score sits in the framework: `overall`, `dimension:LEA`, `subdimension:LEA-A`, `item:LEA01`. */
export type NodeKey = string;

export const nodeKeys = {
  overall: 'overall',
  dimension: (code: string): NodeKey => `dimension:${code}`,
  subdimension: (code: string): NodeKey => `subdimension:${code}`,
  item: (code: string): NodeKey => `item:${code}`,
};

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
    const hiddenIds = [...hidden.keys()].sort();
    const toWithhold = groupToWithhold(shownGroups(), hiddenIds, (group) =>
      group.members.filter((agency) => hidden.has(agency.id)).map((agency) => agency.id),
    );
    if (!toWithhold) break;
    // The whole of government's hidden part holds three agencies or none, so
    // a combination always involves a filtered total.
    withheld.add(toWithhold.key);
  }

  const hiddenAgencies = answering
    .filter((agency) => hidden.has(agency.id))
    .sort((a, b) => a.id.localeCompare(b.id));
  const withheldAtNodes = nodesToWithhold(shownGroups(), hiddenAgencies);
  return {
    threshold,
    hidden,
    totalShown: (filter) => !withheld.has(filterKey(filter)),
    withheldNodes: (filter) => withheldAtNodes.get(filterKey(filter)) ?? NO_NODES,
  };
}

const NO_NODES: ReadonlySet<NodeKey> = new Set();

interface Group {
  key: string;
  filter: AgencyFilter;
  members: AgencyInResults[];
}

const isWholeOfGovernment = (group: Group) =>
  group.filter.level === undefined && group.filter.sector === undefined;

/** Fewer unknowns than this in a total's hidden part, and its mean and spread solve them. */
const MIN_HIDDEN_TOGETHER = 3;

/**
 * A total whose hidden part gives an agency away: it holds one or two hidden
 * agencies, or a small agency with too few respondents beside it.
 */
function hiddenPartExposes(
  group: Group,
  hidden: ReadonlyMap<string, HiddenBecause>,
  threshold: number,
): boolean {
  const hiddenMembers = group.members.filter((agency) => hidden.has(agency.id));
  if (hiddenMembers.length === 0) return false;
  if (hiddenMembers.length < MIN_HIDDEN_TOGETHER) return true;
  if (!hiddenMembers.some((agency) => hidden.get(agency.id) === 'few_respondents')) return false;
  const respondents = hiddenMembers.reduce((sum, agency) => sum + agency.respondents, 0);
  return respondents < threshold;
}

/**
 * When the totals shown can be combined down to one or two hidden agencies,
 * the total to withhold: the smallest filtered total whose absence breaks the
 * combination found, else the filtered total whose absence leaves the fewest
 * such combinations, else (when only it is left) the whole of government.
 * `hiddenOf` gives a total's hidden agencies (those among `columns` it counts).
 */
function groupToWithhold(
  groups: readonly Group[],
  columns: readonly string[],
  hiddenOf: (group: Group) => readonly string[],
): Group | undefined {
  if (columns.length === 0) return undefined;
  const index = new Map(columns.map((id, i) => [id, i]));
  const rowOf = (group: Group) => {
    const row = new Array<number>(columns.length).fill(0);
    for (const id of hiddenOf(group)) {
      const column = index.get(id);
      if (column !== undefined) row[column] = 1;
    }
    return row;
  };
  const rows = new Map(groups.map((group) => [group, rowOf(group)]));
  const found = isolatedSets([...rows.values()])[0];
  if (!found) return undefined;
  const isolatedWithout = (without: Group) =>
    isolatedSets(groups.filter((group) => group !== without).map((group) => rows.get(group) ?? []));
  const sameSet = (set: number[]) =>
    set.length === found.length && set.every((column, i) => column === found[i]);
  const filtered = groups.filter((group) => !isWholeOfGovernment(group));
  let fewest: { group: Group; count: number } | undefined;
  for (const group of filtered) {
    const left = isolatedWithout(group);
    if (!left.some(sameSet)) return group;
    if (!fewest || left.length < fewest.count) fewest = { group, count: left.length };
  }
  // No single total breaks it: the one whose absence leaves the fewest
  // combinations, and so on until only the whole of government is left.
  return (
    fewest?.group ?? groups.find((group) => found.some((column) => rows.get(group)?.[column] === 1))
  );
}

/**
 * Per total, the nodes where its numbers are withheld: where the hidden
 * agencies with a value (or with any answer, for the counts of answers) are
 * fewer than at the level of the whole agency, the totals at that node are
 * checked again and withheld until no combination comes down to one or two.
 */
function nodesToWithhold(
  groups: readonly Group[],
  hiddenAgencies: readonly AgencyInResults[],
): Map<string, Set<NodeKey>> {
  const withheld = new Map<string, Set<NodeKey>>();
  const hidden = new Set(hiddenAgencies.map((agency) => agency.id));
  const presence = new Map(hiddenAgencies.map((agency) => [agency.id, agency.nodes?.()]));
  const nodes = new Set<NodeKey>();
  for (const sets of presence.values()) for (const node of sets?.answered ?? []) nodes.add(node);
  for (const node of nodes)
    for (const has of [
      (agency: AgencyInResults) => presence.get(agency.id)?.scored.has(node) ?? true,
      (agency: AgencyInResults) => presence.get(agency.id)?.answered.has(node) ?? true,
    ]) {
      const present = hiddenAgencies.filter(has);
      // Every hidden agency counts here: the agencies' own check covered it.
      if (present.length === hiddenAgencies.length) continue;
      const columns = present.map((agency) => agency.id);
      const hiddenOf = (group: Group) =>
        group.members.filter((agency) => hidden.has(agency.id) && has(agency)).map((a) => a.id);
      for (;;) {
        const shown = groups.filter((group) => !withheld.get(group.key)?.has(node));
        const toWithhold =
          shown.find((group) => {
            const count = hiddenOf(group).length;
            return count > 0 && count < MIN_HIDDEN_TOGETHER;
          }) ?? groupToWithhold(shown, columns, hiddenOf);
        if (!toWithhold) break;
        const nodesOfGroup = withheld.get(toWithhold.key) ?? new Set<NodeKey>();
        nodesOfGroup.add(node);
        withheld.set(toWithhold.key, nodesOfGroup);
      }
    }
  return withheld;
}

const EPSILON = 1e-9;

/**
 * The sets of one or two columns (hidden agencies) that some combination of
 * `rows` (each marks the hidden agencies inside one total) comes down to:
 * the agencies a reader can solve for from the totals' means and spreads.
 * Gaussian elimination to reduced row echelon form: a combination with at
 * most two agencies is a reduced row with at most one agency outside the
 * pivots, or two reduced rows whose parts outside the pivots are parallel.
 * The entries are 0 and 1 and the matrices small, so floating point with a
 * tolerance is exact enough. Each set is sorted; the list may repeat one.
 */
export function isolatedSets(rows: readonly (readonly number[])[]): number[][] {
  const width = rows[0]?.length ?? 0;
  const reduced: number[][] = [];
  const pivots: number[] = [];
  for (const original of rows) {
    const row = [...original];
    reduced.forEach((basis, k) => {
      const pivot = pivots[k] ?? 0;
      const factor = row[pivot] ?? 0;
      if (Math.abs(factor) > EPSILON)
        for (let i = 0; i < width; i++) row[i] = (row[i] ?? 0) - factor * (basis[i] ?? 0);
    });
    const pivot = row.findIndex((value) => Math.abs(value) > EPSILON);
    if (pivot === -1) continue;
    const scale = row[pivot] ?? 1;
    const normalized = row.map((value) => value / scale);
    // Keep the basis fully reduced, so that each pivot column is a unit column.
    for (const basis of reduced) {
      const factor = basis[pivot] ?? 0;
      if (Math.abs(factor) > EPSILON)
        for (let i = 0; i < width; i++) basis[i] = (basis[i] ?? 0) - factor * (normalized[i] ?? 0);
    }
    reduced.push(normalized);
    pivots.push(pivot);
  }
  const isPivot = new Set(pivots);
  const sets: number[][] = [];
  const byDirection = new Map<string, number>();
  reduced.forEach((row, k) => {
    const pivot = pivots[k] ?? 0;
    const outside: number[] = [];
    for (let i = 0; i < width; i++)
      if (!isPivot.has(i) && Math.abs(row[i] ?? 0) > EPSILON) outside.push(i);
    if (outside.length === 0) sets.push([pivot]);
    else if (outside.length === 1) sets.push([pivot, outside[0] ?? 0].sort((a, b) => a - b));
    const first = row[outside[0] ?? 0] ?? 1;
    const direction = outside.map((i) => `${i}:${((row[i] ?? 0) / first).toFixed(6)}`).join(',');
    const other = byDirection.get(direction);
    if (outside.length > 0 && other !== undefined) sets.push([other, pivot].sort((a, b) => a - b));
    else byDirection.set(direction, pivot);
  });
  return sets;
}
