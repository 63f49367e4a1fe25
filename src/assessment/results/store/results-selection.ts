// What a results page may show for a choice of agencies (all, or a level
// and/or sector): the total over them, each counting once, and which of them
// can be shown on their own. Small-number protection (disclosure.ts) decides
// both; every page and export goes through here. Pure.
import type { AgencyLevel } from '../../agencies/index.ts';
import type { Framework } from '../../frameworks/index.ts';
import {
  type AgencyFilter,
  type Disclosure,
  decideDisclosure,
  matchesFilter,
  type NodeKey,
  type NodePresence,
  nodeKeys,
} from '../protection/disclosure.ts';
import { type Score, type ScoreTree, withheldScore } from '../scoring/scoring.ts';
import { AgencySums, wholeOfGovernmentTree } from '../scoring/totals.ts';

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

// The decision is kept while the agencies' trees (which the store keeps until
// answers change) and their levels and sectors stay the same: pages, exports,
// the API and the workshop all apply the one decision.
const decisions = new WeakMap<ReadonlyMap<string, ScoreTree>, Map<string, Disclosure>>();

/** Small-number protection over the whole round: the same for every page, whatever the filter. */
export function disclosureOf(round: RoundAgencies, threshold: number): Disclosure {
  const key = `${threshold}|${round.agencies.map((a) => `${a.id}:${a.level}:${a.sector}`).join()}`;
  const known = decisions.get(round.trees) ?? new Map<string, Disclosure>();
  decisions.set(round.trees, known);
  const decided = known.get(key);
  if (decided) return decided;
  const disclosure = decideDisclosure(
    round.agencies.map((agency) => {
      const tree = round.trees.get(agency.id);
      return {
        id: agency.id,
        level: agency.level,
        sector: agency.sector,
        respondents: tree?.respondents ?? 0,
        nodes: () => (tree ? presenceOf(tree) : { scored: new Set(), answered: new Set() }),
      };
    }),
    threshold,
  );
  known.clear();
  known.set(key, disclosure);
  return disclosure;
}

/** Every node of a tree with its key, the tree itself first. */
function* nodesOf(tree: ScoreTree): Generator<[NodeKey, Score]> {
  yield [nodeKeys.overall, tree];
  for (const dimension of tree.dimensions) {
    yield [nodeKeys.dimension(dimension.dimensionCode), dimension];
    for (const subdimension of dimension.subdimensions) {
      yield [nodeKeys.subdimension(subdimension.subdimensionCode), subdimension];
      for (const item of subdimension.items) yield [nodeKeys.item(item.itemCode), item];
    }
  }
}

function presenceOf(tree: ScoreTree): NodePresence {
  const scored = new Set<NodeKey>();
  const answered = new Set<NodeKey>();
  for (const [key, node] of nodesOf(tree)) {
    if (node.value !== undefined) scored.add(key);
    if (node.n + node.notApplicable > 0) answered.add(key);
  }
  return { scored, answered };
}

/**
 * A total as it may be shown: the nodes the protection withholds for its
 * filter carry no numbers (`withheld`), the rest as computed. The same tree
 * when nothing is withheld.
 */
export function protectedTotal(
  tree: ScoreTree,
  disclosure: Disclosure,
  filter: AgencyFilter,
): ScoreTree {
  const withheld = disclosure.withheldNodes(filter);
  if (withheld.size === 0) return tree;
  const guard = <T extends Score>(key: NodeKey, node: T): T =>
    withheld.has(key) ? { ...node, ...withheldScore } : node;
  return {
    ...guard(nodeKeys.overall, tree),
    respondents: tree.respondents,
    dimensions: tree.dimensions.map((dimension) => ({
      ...guard(nodeKeys.dimension(dimension.dimensionCode), dimension),
      subdimensions: dimension.subdimensions.map((subdimension) => ({
        ...guard(nodeKeys.subdimension(subdimension.subdimensionCode), subdimension),
        items: subdimension.items.map((item) => ({
          ...guard(nodeKeys.item(item.itemCode), item),
          ...(withheld.has(nodeKeys.item(item.itemCode)) ? { counts: [] } : {}),
        })),
      })),
    })),
  };
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
  const shownTotal = (tree: ScoreTree) => protectedTotal(tree, disclosure, filter);
  // The totals over every agency are kept by the store; others are summed here, once for both.
  let sums: AgencySums | undefined;
  const summed = () => {
    sums ??= new AgencySums(round.framework, trees);
    return sums;
  };
  return {
    filter,
    total: totalShown
      ? shownTotal((unfiltered && round.wholeOfGovernment) || summed().wholeOfGovernment())
      : undefined,
    pooled: totalShown ? shownTotal((unfiltered && round.pooled) || summed().pooled()) : undefined,
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
    return trees.length === 0
      ? undefined
      : protectedTotal(wholeOfGovernmentTree(round.framework, trees), disclosure, filter);
  };
  return { level: peersBy({ level: agency.level }), sector: peersBy({ sector: agency.sector }) };
}
