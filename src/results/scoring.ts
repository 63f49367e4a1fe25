// Scores of a round from its answers, tallied per agency and item (how many
// answers gave each value): item, sub-dimension, dimension and overall, for
// each agency and for the whole of government, with the number of answers,
// the spread and the maturity level of each. Pure; the method is written down
// in docs/scoring.md.
import { maturityLevelOf } from '../frameworks/framework.ts';
import type { Framework, MaturityLevel } from '../frameworks/framework-schema.ts';

/** How many answers gave one value. */
export interface ValueCount {
  value: number;
  count: number;
}

/** How one agency's submitted responses answered one item. */
export interface ItemTally {
  /** Answers per value given, by ascending value. */
  counts: readonly ValueCount[];
  notApplicable: number;
}

/** What submitted responses answered, item by item: scoreTree's input. */
export interface Tallies {
  /** Submitted responses with at least one answer (a value or "not applicable"). */
  respondents: number;
  /** Per item code; an item nobody answered may be missing. */
  items: ReadonlyMap<string, ItemTally>;
}

/** One agency's tallies, as results-store.ts keeps them up to date. */
export interface AgencyTallies extends Tallies {
  agencyId: string;
}

/** One consensus a workshop recorded; agencyId null for the whole of government's workshop. */
export interface ConsensusValue {
  itemCode: string;
  agencyId: string | null;
  value: number | null;
  notApplicable: boolean;
}

export interface Score {
  /** The mean; undefined when nothing below it has a value: never NaN, never 0. */
  value: number | undefined;
  /** Answers with a value behind the score ("not applicable" and unanswered left out). */
  n: number;
  /** "Not applicable" answers behind the score. */
  notApplicable: number;
  /**
   * Population standard deviation of the parts the mean is taken over (answers
   * of an item, item scores of a sub-dimension, ...); undefined without a value.
   * Population, dividing by n, because the parts are all there are — every
   * answer given, every item of the sub-dimension, every agency — not a sample
   * standing for others; and it is 0 for a single part, where the sample
   * deviation is undefined. The workshop's item statistics use the same.
   */
  spread: number | undefined;
  level: MaturityLevel | undefined;
  /** Agencies with a value behind the score. */
  agencies: number;
}

export interface ItemScore extends Score {
  itemCode: string;
  /** The answers with a value behind the score, per value by ascending value: their distribution. */
  counts: readonly ValueCount[];
}

export interface SubdimensionScore extends Score {
  subdimensionCode: string;
  items: ItemScore[];
}

export interface DimensionScore extends Score {
  dimensionCode: string;
  subdimensions: SubdimensionScore[];
}

/** The whole hierarchy, in the framework's order; its own score is the overall score. */
export interface ScoreTree extends Score {
  dimensions: DimensionScore[];
  /** Responses with at least one answer (a value or "not applicable") behind the tree. */
  respondents: number;
}

export interface RoundScores {
  /** Every agency asked for or answering, each from its own answers. */
  agencies: Map<string, ScoreTree>;
  /** Each agency counts once: at every node, the mean of the agencies' scores. */
  wholeOfGovernment: ScoreTree;
  /** Every respondent counts once, whatever their agency; for comparison. */
  pooled: ScoreTree;
}

export interface ConsensusScores {
  agencies: Map<string, ScoreTree>;
  /** From the whole of government's own consensus (agencyId null), not from the agencies'. */
  wholeOfGovernment: ScoreTree;
}

// A mean that is exactly a level's minScore on paper can come out of floating
// point a hair below it (sums of thirds and tenths); the level is decided as
// a reviewer working with fractions would decide it.
const ROUNDING_TOLERANCE = 1e-9;

export function levelOf(
  value: number | undefined,
  levels: readonly MaturityLevel[],
): MaturityLevel | undefined {
  return value === undefined ? undefined : maturityLevelOf(value + ROUNDING_TOLERANCE, levels);
}

interface Part {
  value: number;
  weight: number;
}

/** Weighted mean and population standard deviation of the parts; both undefined without parts. */
function meanAndSpread(parts: readonly Part[]): { value?: number; spread?: number } {
  const totalWeight = parts.reduce((sum, part) => sum + part.weight, 0);
  if (parts.length === 0 || totalWeight === 0) return {};
  const value = parts.reduce((sum, part) => sum + part.weight * part.value, 0) / totalWeight;
  const variance =
    parts.reduce((sum, part) => sum + part.weight * (part.value - value) ** 2, 0) / totalWeight;
  return { value, spread: Math.sqrt(variance) };
}

function score(
  parts: readonly Part[],
  counts: { n: number; notApplicable: number; agencies: number },
  levels: readonly MaturityLevel[],
): Score {
  const { value, spread } = meanAndSpread(parts);
  return { value, spread, level: levelOf(value, levels), ...counts };
}

function partsOf(scores: readonly Score[], weights?: readonly number[]): Part[] {
  return scores.flatMap((child, index) =>
    child.value === undefined ? [] : [{ value: child.value, weight: weights?.[index] ?? 1 }],
  );
}

function sum(scores: readonly Score[], key: 'n' | 'notApplicable'): number {
  return scores.reduce((total, child) => total + child[key], 0);
}

function countsOf(children: readonly Score[], agencies: number) {
  return { n: sum(children, 'n'), notApplicable: sum(children, 'notApplicable'), agencies };
}

const hasValue = (tally: ItemTally) => tally.counts.some((count) => count.count > 0);

/** The counts of several tallies of one item added up, by ascending value. */
function mergedCounts(tallies: readonly (ItemTally | undefined)[]): readonly ValueCount[] {
  const present = tallies.filter((tally) => tally !== undefined);
  if (present.length === 1) return present[0]?.counts ?? [];
  const byValue = new Map<number, number>();
  for (const tally of present)
    for (const { value, count } of tally.counts)
      byValue.set(value, (byValue.get(value) ?? 0) + count);
  return [...byValue].sort(([a], [b]) => a - b).map(([value, count]) => ({ value, count }));
}

/**
 * The hierarchy from tallies, every answer counting once: one agency's
 * tallies give its scores, several agencies' give their pooled scores.
 * Tallies of items the framework does not have are ignored.
 */
export function scoreTree(framework: Framework, tallies: readonly Tallies[]): ScoreTree {
  const levels = framework.maturityLevels;
  // Which agencies have a value under a node cannot be added up from the
  // counts of its children (an agency may be under several), so each node
  // collects the tallies (by index) with a value under it.
  const underTree = new Set<number>();
  const dimensions = framework.dimensions.map((dimension): DimensionScore => {
    const underDimension = new Set<number>();
    const subdimensions = dimension.subdimensions.map((subdimension): SubdimensionScore => {
      const underSubdimension = new Set<number>();
      const items = subdimension.items.map((item): ItemScore => {
        const ofItem = tallies.map((agency) => agency.items.get(item.code));
        let agencies = 0;
        let notApplicable = 0;
        ofItem.forEach((tally, index) => {
          if (!tally) return;
          notApplicable += tally.notApplicable;
          if (hasValue(tally)) {
            agencies += 1;
            underSubdimension.add(index);
          }
        });
        const counts = mergedCounts(ofItem);
        const parts = counts.map(({ value, count }) => ({ value, weight: count }));
        const n = counts.reduce((total, { count }) => total + count, 0);
        return {
          itemCode: item.code,
          counts,
          ...score(parts, { n, notApplicable, agencies }, levels),
        };
      });
      for (const index of underSubdimension) underDimension.add(index);
      const weights = subdimension.items.map((item) => item.weight);
      return {
        subdimensionCode: subdimension.code,
        ...score(partsOf(items, weights), countsOf(items, underSubdimension.size), levels),
        items,
      };
    });
    for (const index of underDimension) underTree.add(index);
    return {
      dimensionCode: dimension.code,
      ...score(partsOf(subdimensions), countsOf(subdimensions, underDimension.size), levels),
      subdimensions,
    };
  });
  return {
    ...score(partsOf(dimensions), countsOf(dimensions, underTree.size), levels),
    dimensions,
    respondents: tallies.reduce((total, agency) => total + agency.respondents, 0),
  };
}

/** At one node: the mean of the agencies' scores there, each agency that has one counting once. */
function acrossAgencies(scores: readonly Score[], levels: readonly MaturityLevel[]): Score {
  const parts = partsOf(scores);
  return score(parts, countsOf(scores, parts.length), levels);
}

/**
 * The whole of government with each agency counting once, from the agencies'
 * trees (all of the same framework): a ministry of 40 respondents weighs what
 * a council of 3 weighs. Its items' counts are all the agencies' answers.
 */
export function wholeOfGovernmentTree(
  framework: Framework,
  agencyTrees: readonly ScoreTree[],
): ScoreTree {
  const levels = framework.maturityLevels;
  return {
    ...acrossAgencies(agencyTrees, levels),
    respondents: agencyTrees.reduce((total, tree) => total + tree.respondents, 0),
    dimensions: framework.dimensions.map((dimension, d) => {
      const dimensionScores = agencyTrees.map((tree) => dimensionAt(tree, d));
      return {
        dimensionCode: dimension.code,
        ...acrossAgencies(dimensionScores, levels),
        subdimensions: dimension.subdimensions.map((subdimension, s) => {
          const subdimensionScores = dimensionScores.map((scores) => subdimensionAt(scores, s));
          return {
            subdimensionCode: subdimension.code,
            ...acrossAgencies(subdimensionScores, levels),
            items: subdimension.items.map((item, i) => {
              const itemScores = subdimensionScores.map((scores) => itemAt(scores, i));
              return {
                itemCode: item.code,
                counts: mergedCounts(itemScores),
                ...acrossAgencies(itemScores, levels),
              };
            }),
          };
        }),
      };
    }),
  };
}

/**
 * Every respondent counting once, whatever their agency, from the agencies'
 * trees: an item score holds the counts of its answers, which is all the
 * pooled tree needs.
 */
export function pooledTree(framework: Framework, agencyTrees: readonly ScoreTree[]): ScoreTree {
  return scoreTree(
    framework,
    agencyTrees.map((tree) => ({
      respondents: tree.respondents,
      items: new Map(
        tree.dimensions.flatMap((dimension) =>
          dimension.subdimensions.flatMap((subdimension) =>
            subdimension.items.map((item): [string, ItemTally] => [item.itemCode, item]),
          ),
        ),
      ),
    })),
  );
}

function dimensionAt(tree: ScoreTree, index: number): DimensionScore {
  const found = tree.dimensions[index];
  if (!found) throw new Error('agency scores of another framework');
  return found;
}

function subdimensionAt(dimension: DimensionScore, index: number): SubdimensionScore {
  const found = dimension.subdimensions[index];
  if (!found) throw new Error('agency scores of another framework');
  return found;
}

function itemAt(subdimension: SubdimensionScore, index: number): ItemScore {
  const found = subdimension.items[index];
  if (!found) throw new Error('agency scores of another framework');
  return found;
}

/** A tree per agency: those listed (without answers, a tree with no values), then any other. */
function treesByAgency(
  framework: Framework,
  tallies: readonly AgencyTallies[],
  agencyIds: readonly string[],
): Map<string, ScoreTree> {
  const trees = new Map<string, ScoreTree>();
  for (const agencyId of agencyIds) trees.set(agencyId, scoreTree(framework, []));
  for (const agency of tallies) trees.set(agency.agencyId, scoreTree(framework, [agency]));
  return trees;
}

/**
 * Every score of a round. `agencyIds` lists the agencies to show even without
 * answers (they get a tree with no values and n = 0); agencies that answered
 * are included whether listed or not.
 */
export function roundScores(options: {
  framework: Framework;
  tallies: readonly AgencyTallies[];
  agencyIds?: readonly string[];
}): RoundScores {
  const { framework, tallies, agencyIds = [] } = options;
  const agencies = treesByAgency(framework, tallies, agencyIds);
  const trees = [...agencies.values()];
  return {
    agencies,
    wholeOfGovernment: wholeOfGovernmentTree(framework, trees),
    pooled: pooledTree(framework, trees),
  };
}

/**
 * The same hierarchy from the workshops' consensus, to set beside the
 * self-assessment: each agency's from its workshop, the whole of government's
 * from its own workshop. A consensus counts as one answer (n = 1, spread 0)
 * of one respondent.
 */
export function consensusScores(options: {
  framework: Framework;
  consensus: readonly ConsensusValue[];
  agencyIds?: readonly string[];
}): ConsensusScores {
  const { framework, consensus, agencyIds = [] } = options;
  const ofAgencies = new Map<string, Map<string, ItemTally>>();
  const ofGovernment = new Map<string, ItemTally>();
  for (const row of consensus) {
    let items = ofGovernment;
    if (row.agencyId !== null) {
      items = ofAgencies.get(row.agencyId) ?? new Map();
      ofAgencies.set(row.agencyId, items);
    }
    items.set(row.itemCode, {
      counts: row.value === null ? [] : [{ value: row.value, count: 1 }],
      notApplicable: row.notApplicable ? 1 : 0,
    });
  }
  return {
    agencies: treesByAgency(
      framework,
      [...ofAgencies].map(([agencyId, items]) => ({ agencyId, respondents: 1, items })),
      agencyIds,
    ),
    wholeOfGovernment: scoreTree(
      framework,
      ofGovernment.size === 0 ? [] : [{ respondents: 1, items: ofGovernment }],
    ),
  };
}
