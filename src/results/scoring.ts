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
  /** Set when small-number protection withholds the numbers of a total here (they are then empty). */
  withheld?: true;
}

/** What is left of a total's score where small-number protection withholds it. */
export const withheldScore = {
  value: undefined,
  spread: undefined,
  level: undefined,
  n: 0,
  notApplicable: 0,
  agencies: 0,
  withheld: true,
} as const satisfies Partial<Score>;

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

/** Weighted mean and population standard deviation; both undefined without weight. */
function meanAndSpread(
  values: readonly number[],
  weights: readonly number[],
): { value: number | undefined; spread: number | undefined } {
  let totalWeight = 0;
  let weightedSum = 0;
  for (let i = 0; i < values.length; i++) {
    const weight = weights[i] ?? 1;
    totalWeight += weight;
    weightedSum += weight * (values[i] ?? 0);
  }
  if (totalWeight === 0) return { value: undefined, spread: undefined };
  const value = weightedSum / totalWeight;
  let squares = 0;
  for (let i = 0; i < values.length; i++)
    squares += (weights[i] ?? 1) * ((values[i] ?? 0) - value) ** 2;
  return { value, spread: Math.sqrt(squares / totalWeight) };
}

function score(
  values: readonly number[],
  weights: readonly number[],
  counts: { n: number; notApplicable: number; agencies: number },
  levels: readonly MaturityLevel[],
): Score {
  const { value, spread } = meanAndSpread(values, weights);
  return {
    value,
    spread,
    level: levelOf(value, levels),
    n: counts.n,
    notApplicable: counts.notApplicable,
    agencies: counts.agencies,
  };
}

/** A score over child scores (those without a value left out), weighted by `weights` if given. */
function scoreOver(
  children: readonly Score[],
  agencies: number,
  levels: readonly MaturityLevel[],
  weights?: readonly number[],
): Score {
  const values: number[] = [];
  const childWeights: number[] = [];
  let n = 0;
  let notApplicable = 0;
  children.forEach((child, index) => {
    n += child.n;
    notApplicable += child.notApplicable;
    if (child.value === undefined) return;
    values.push(child.value);
    childWeights.push(weights?.[index] ?? 1);
  });
  return score(values, childWeights, { n, notApplicable, agencies }, levels);
}

function hasValue(tally: ItemTally): boolean {
  const { counts } = tally;
  for (let k = 0; k < counts.length; k++) if ((counts[k]?.count ?? 0) > 0) return true;
  return false;
}

/** The counts of several tallies of one item added up, by ascending value. */
function mergedCounts(tallies: readonly (ItemTally | undefined)[]): readonly ValueCount[] {
  let only: ItemTally | undefined;
  let present = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < tallies.length; t++) {
    const tally = tallies[t];
    if (!tally) continue;
    only = tally;
    present += 1;
    const { counts } = tally;
    for (let k = 0; k < counts.length; k++) {
      const value = counts[k]?.value ?? 0;
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  if (present <= 1) return only?.counts ?? [];
  // Values are integers of a small scale (a smallint in the database at
  // most), so one slot per value between the least and the greatest adds
  // thousands of tallies up fastest.
  const sums = new Float64Array(max >= min ? max - min + 1 : 0);
  for (const tally of tallies)
    if (tally)
      for (const { value, count } of tally.counts)
        sums[value - min] = (sums[value - min] ?? 0) + count;
  const merged: ValueCount[] = [];
  sums.forEach((count, offset) => {
    if (count > 0) merged.push({ value: min + offset, count });
  });
  return merged;
}

/**
 * An item's score from its answers' counts. Built as one object literal:
 * there are a hundred thousand of them in a large round's trees.
 */
function itemScore(
  itemCode: string,
  counts: readonly ValueCount[],
  notApplicable: number,
  agencies: number,
  levels: readonly MaturityLevel[],
): ItemScore {
  let n = 0;
  let sum = 0;
  for (let k = 0; k < counts.length; k++) {
    const { value, count } = counts[k] as ValueCount;
    n += count;
    sum += value * count;
  }
  let value: number | undefined;
  let spread: number | undefined;
  if (n > 0) {
    value = sum / n;
    let squares = 0;
    for (let k = 0; k < counts.length; k++) {
      const { value: answer, count } = counts[k] as ValueCount;
      squares += count * (answer - value) ** 2;
    }
    spread = Math.sqrt(squares / n);
  }
  const level = levelOf(value, levels);
  return { value, spread, level, n, notApplicable, agencies, itemCode, counts };
}

/**
 * The hierarchy over `sources` sets of answers (agencies), every answer
 * counting once; `tallyOf` gives a source's tally of the item at indices
 * (dimension, sub-dimension, item) with code `code`.
 */
function treeOver(
  framework: Framework,
  sources: number,
  tallyOf: (source: number, code: string, d: number, s: number, i: number) => ItemTally | undefined,
  respondents: number,
): ScoreTree {
  const levels = framework.maturityLevels;
  // Which sources have a value under a node cannot be added up from the
  // counts of its children (a source may be under several), so each source
  // remembers the last sub-dimension and dimension it was counted in.
  const lastSubdimension = new Int32Array(sources).fill(-1);
  const lastDimension = new Int32Array(sources).fill(-1);
  const inTree = new Uint8Array(sources);
  let treeSources = 0;
  let subdimensionNumber = 0;
  const tallies: (ItemTally | undefined)[] = new Array(sources);
  const dimensions = framework.dimensions.map((dimension, d): DimensionScore => {
    let dimensionSources = 0;
    const subdimensions = dimension.subdimensions.map((subdimension, s): SubdimensionScore => {
      const number = subdimensionNumber++;
      let subdimensionSources = 0;
      const items = subdimension.items.map((item, i): ItemScore => {
        let agencies = 0;
        let notApplicable = 0;
        for (let source = 0; source < sources; source++) {
          const tally = tallyOf(source, item.code, d, s, i);
          tallies[source] = tally;
          if (!tally) continue;
          notApplicable += tally.notApplicable;
          if (!hasValue(tally)) continue;
          agencies += 1;
          if (lastSubdimension[source] === number) continue;
          lastSubdimension[source] = number;
          subdimensionSources += 1;
          if (lastDimension[source] === d) continue;
          lastDimension[source] = d;
          dimensionSources += 1;
          if (inTree[source]) continue;
          inTree[source] = 1;
          treeSources += 1;
        }
        return itemScore(item.code, mergedCounts(tallies), notApplicable, agencies, levels);
      });
      const weights = subdimension.items.map((item) => item.weight);
      return {
        ...scoreOver(items, subdimensionSources, levels, weights),
        subdimensionCode: subdimension.code,
        items,
      };
    });
    return {
      ...scoreOver(subdimensions, dimensionSources, levels),
      dimensionCode: dimension.code,
      subdimensions,
    };
  });
  return { ...scoreOver(dimensions, treeSources, levels), dimensions, respondents };
}

const respondentsOf = (sets: readonly { respondents: number }[]) =>
  sets.reduce((total, set) => total + set.respondents, 0);

/**
 * The hierarchy from tallies, every answer counting once: one agency's
 * tallies give its scores, several agencies' give their pooled scores.
 * Tallies of items the framework does not have are ignored.
 */
export function scoreTree(framework: Framework, tallies: readonly Tallies[]): ScoreTree {
  return treeOver(
    framework,
    tallies.length,
    (source, code) => tallies[source]?.items.get(code),
    respondentsOf(tallies),
  );
}

/** At one node: the mean of the agencies' scores there, each agency that has one counting once. */
function acrossAgencies(scores: readonly Score[], levels: readonly MaturityLevel[]): Score {
  let withValue = 0;
  for (const child of scores) if (child.value !== undefined) withValue += 1;
  return scoreOver(scores, withValue, levels);
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
    respondents: respondentsOf(agencyTrees),
    dimensions: framework.dimensions.map((dimension, d) => {
      const dimensionScores = agencyTrees.map((tree) => dimensionAt(tree, d));
      return {
        ...acrossAgencies(dimensionScores, levels),
        dimensionCode: dimension.code,
        subdimensions: dimension.subdimensions.map((subdimension, s) => {
          const subdimensionScores = dimensionScores.map((scores) => subdimensionAt(scores, s));
          return {
            ...acrossAgencies(subdimensionScores, levels),
            subdimensionCode: subdimension.code,
            items: subdimension.items.map((item, i) => {
              const itemScores = subdimensionScores.map((scores) => itemAt(scores, i));
              return {
                ...acrossAgencies(itemScores, levels),
                itemCode: item.code,
                counts: mergedCounts(itemScores),
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
  return treeOver(
    framework,
    agencyTrees.length,
    (source, _code, d, s, i) => {
      const tree = agencyTrees[source];
      return tree && itemAt(subdimensionAt(dimensionAt(tree, d), s), i);
    },
    respondentsOf(agencyTrees),
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

/**
 * A tree per agency, each from its own tallies: those listed first (without
 * tallies, a tree with no values and n = 0), then any other with tallies.
 */
export function agencyTrees(
  framework: Framework,
  tallies: readonly AgencyTallies[],
  agencyIds: readonly string[] = [],
): Map<string, ScoreTree> {
  const trees = new Map<string, ScoreTree>();
  if (agencyIds.length > 0) {
    // Read-only like every tree, so the agencies without answers share one.
    const empty = scoreTree(framework, []);
    for (const agencyId of agencyIds) trees.set(agencyId, empty);
  }
  for (const agency of tallies) trees.set(agency.agencyId, scoreTree(framework, [agency]));
  return trees;
}

/** Every score of a round, from its agencies' trees. */
export function roundScores(framework: Framework, agencies: Map<string, ScoreTree>): RoundScores {
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
    agencies: agencyTrees(
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
