// Scores of a round from its answers, tallied per agency and item (how many
// answers gave each value): item, sub-dimension, dimension and overall, for
// each agency and for the whole of government, with the number of answers,
// the spread and the maturity level of each. Pure; the method is written down
// in docs/scoring.md.
import {
  countItems,
  DEFAULT_MINIMUM_ANSWERED_SHARE,
  type Framework,
  type MaturityLevel,
  maturityLevelOf,
} from '../../frameworks/index.ts';

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

/** A consensus with why the workshop agreed it, as the exports give it. */
export interface ConsensusRecord extends ConsensusValue {
  rationale: string;
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
  /** Items under the node with at least one answer, a value or "not applicable": its coverage. */
  answeredItems: number;
  /**
   * How far the score could be from what all the agency's officers would have
   * answered, from the spread of its answers (docs/scoring.md, Uncertainty);
   * undefined where it cannot be estimated (one answer somewhere below it).
   */
  standardError: number | undefined;
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
  answeredItems: 0,
  standardError: undefined,
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

/** A node with answers counted but no score: never NaN, never 0. */
export function unscored(counts: Pick<Score, 'n' | 'notApplicable' | 'answeredItems'>): Score {
  // Every score is built with its fields in one order, so that the code
  // reading a hundred thousand of them sees one shape.
  return {
    value: undefined,
    spread: undefined,
    level: undefined,
    n: counts.n,
    notApplicable: counts.notApplicable,
    agencies: 0,
    answeredItems: counts.answeredItems,
    standardError: undefined,
  };
}

/**
 * A score over child scores (those without a value left out), weighted by
 * `weights` if given. Without a value when fewer than `minimumShare` of the
 * `items` under the node are answered (a value or "not applicable"), and
 * then no agency counts behind it either.
 */
export function scoreOver(
  children: readonly Score[],
  agencies: number,
  levels: readonly MaturityLevel[],
  coverage: { items: number; minimumShare: number },
  weights?: readonly (number | undefined)[],
): Score {
  let n = 0;
  let notApplicable = 0;
  let answeredItems = 0;
  let totalWeight = 0;
  let weightedSum = 0;
  // The weighted mean of the children's standard errors: the most a mean of
  // them can be off, whatever the correlation between them (docs/scoring.md).
  let weightedError: number | undefined = 0;
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as Score;
    n += child.n;
    notApplicable += child.notApplicable;
    answeredItems += child.answeredItems;
    if (child.value === undefined) continue;
    const weight = weights?.[i] ?? 1;
    totalWeight += weight;
    weightedSum += weight * child.value;
    weightedError =
      weightedError === undefined || child.standardError === undefined
        ? undefined
        : weightedError + weight * child.standardError;
  }
  if (totalWeight === 0 || answeredItems < coverage.minimumShare * coverage.items)
    return unscored({ n, notApplicable, answeredItems });
  const value = weightedSum / totalWeight;
  let squares = 0;
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as Score;
    if (child.value !== undefined) squares += (weights?.[i] ?? 1) * (child.value - value) ** 2;
  }
  return {
    value,
    spread: Math.sqrt(squares / totalWeight),
    level: levelOf(value, levels),
    n,
    notApplicable,
    agencies,
    answeredItems,
    standardError: weightedError === undefined ? undefined : weightedError / totalWeight,
  };
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
export function itemScore(
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
  const answeredItems = n + notApplicable > 0 ? 1 : 0;
  // The sample's standard deviation over √n: the population spread over √(n − 1).
  const standardError = spread !== undefined && n >= 2 ? spread / Math.sqrt(n - 1) : undefined;
  return {
    value,
    spread,
    level,
    n,
    notApplicable,
    agencies,
    answeredItems,
    standardError,
    itemCode,
    counts,
  };
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
  rule: CompletenessRule,
): ScoreTree {
  const levels = framework.maturityLevels;
  // Which sources have a value under a node cannot be added up from the
  // counts of its children (a source may be under several), so each source
  // remembers the last sub-dimension and dimension it was counted in.
  const lastSubdimension = new Int32Array(sources).fill(-1);
  const lastDimension = new Int32Array(sources).fill(-1);
  const inTree = new Uint8Array(sources);
  const agencies = { subdimensions: [] as number[][], dimensions: [] as number[], overall: 0 };
  let subdimensionNumber = 0;
  const tallies: (ItemTally | undefined)[] = new Array(sources);
  const items = framework.dimensions.map((dimension, d) => {
    agencies.dimensions[d] = 0;
    agencies.subdimensions[d] = [];
    return dimension.subdimensions.map((subdimension, s) => {
      const number = subdimensionNumber++;
      let subdimensionSources = 0;
      const scores = subdimension.items.map((item, i): ItemScore => {
        let withValue = 0;
        let notApplicable = 0;
        for (let source = 0; source < sources; source++) {
          const tally = tallyOf(source, item.code, d, s, i);
          tallies[source] = tally;
          if (!tally) continue;
          notApplicable += tally.notApplicable;
          if (!hasValue(tally)) continue;
          withValue += 1;
          if (lastSubdimension[source] === number) continue;
          lastSubdimension[source] = number;
          subdimensionSources += 1;
          if (lastDimension[source] === d) continue;
          lastDimension[source] = d;
          agencies.dimensions[d] = (agencies.dimensions[d] ?? 0) + 1;
          if (inTree[source]) continue;
          inTree[source] = 1;
          agencies.overall += 1;
        }
        return itemScore(item.code, mergedCounts(tallies), notApplicable, withValue, levels);
      });
      (agencies.subdimensions[d] as number[])[s] = subdimensionSources;
      return scores;
    });
  });
  return treeAbove(framework, {
    items: (d, s) => items[d]?.[s] ?? [],
    agencies: {
      subdimension: (d, s) => agencies.subdimensions[d]?.[s] ?? 0,
      dimension: (d) => agencies.dimensions[d] ?? 0,
      overall: agencies.overall,
    },
    respondents,
    rule,
  });
}

/**
 * The upper levels of the hierarchy — sub-dimensions, dimensions, the
 * overall score — over item scores already made, each node with the number
 * of agencies (sources of answers) with a value under it.
 */
export function treeAbove(
  framework: Framework,
  parts: {
    items: (d: number, s: number) => ItemScore[];
    agencies: {
      subdimension: (d: number, s: number) => number;
      dimension: (d: number) => number;
      overall: number;
    };
    respondents: number;
    rule: CompletenessRule;
  },
): ScoreTree {
  const levels = framework.maturityLevels;
  const shape = shapeOf(framework);
  const { subdimensionShare, aboveShare } = shares(framework, parts.rule);
  const dimensions = framework.dimensions.map((dimension, d): DimensionScore => {
    const subdimensions = dimension.subdimensions.map((subdimension, s): SubdimensionScore => {
      const items = parts.items(d, s);
      const score = scoreOver(
        items,
        parts.agencies.subdimension(d, s),
        levels,
        { items: items.length, minimumShare: subdimensionShare },
        shape.weights[d]?.[s],
      );
      return withParts(score, { subdimensionCode: subdimension.code, items });
    });
    const score = scoreOver(subdimensions, parts.agencies.dimension(d), levels, {
      items: shape.itemsUnder[d] ?? 0,
      minimumShare: aboveShare,
    });
    return withParts(score, { dimensionCode: dimension.code, subdimensions });
  });
  const score = scoreOver(dimensions, parts.agencies.overall, levels, {
    items: shape.items,
    minimumShare: aboveShare,
  });
  return withParts(score, { dimensions, respondents: parts.respondents });
}

/**
 * A node from its score and its parts, as one object literal: copying a
 * score by spreading it costs several times more, and a large round has
 * tens of thousands of nodes.
 */
function withParts<P extends object>(score: Score, parts: P): Score & P {
  return Object.assign(
    {
      value: score.value,
      spread: score.spread,
      level: score.level,
      n: score.n,
      notApplicable: score.notApplicable,
      agencies: score.agencies,
      answeredItems: score.answeredItems,
      standardError: score.standardError,
    },
    parts,
  );
}

/** What every tree of a framework needs of its shape, worked out once per framework. */
interface FrameworkShape {
  /** Item weights per dimension and sub-dimension. */
  weights: (number | undefined)[][][];
  /** Items under each dimension. */
  itemsUnder: number[];
  items: number;
}
const shapes = new WeakMap<Framework, FrameworkShape>();

function shapeOf(framework: Framework): FrameworkShape {
  let shape = shapes.get(framework);
  if (!shape) {
    shape = {
      weights: framework.dimensions.map((dimension) =>
        dimension.subdimensions.map((subdimension) =>
          subdimension.items.map((item) => item.weight),
        ),
      ),
      itemsUnder: framework.dimensions.map(itemsUnder),
      items: countItems(framework),
    };
    shapes.set(framework, shape);
  }
  return shape;
}

export function itemsUnder(dimension: Framework['dimensions'][number]): number {
  return dimension.subdimensions.reduce((sum, subdimension) => sum + subdimension.items.length, 0);
}

/**
 * When a node has enough answered items under it to be scored. `answers`: a
 * sub-dimension needs the framework's minimum share of its items answered
 * (half by default), dimensions and the overall score any scored part.
 * `consensus`: every item under the node, so that a workshop that agreed on
 * one dimension does not give an overall score as if it had agreed on all.
 */
export type CompletenessRule = 'answers' | 'consensus';

function shares(
  framework: Framework,
  rule: CompletenessRule,
): { subdimensionShare: number; aboveShare: number } {
  return rule === 'consensus'
    ? { subdimensionShare: 1, aboveShare: 1 }
    : {
        subdimensionShare: framework.minimumAnsweredShare ?? DEFAULT_MINIMUM_ANSWERED_SHARE,
        aboveShare: 0,
      };
}

const respondentsOf = (sets: readonly { respondents: number }[]) =>
  sets.reduce((total, set) => total + set.respondents, 0);

/**
 * The hierarchy from tallies, every answer counting once: one agency's
 * tallies give its scores, several agencies' give their pooled scores.
 * Tallies of items the framework does not have are ignored.
 */
export function scoreTree(
  framework: Framework,
  tallies: readonly Tallies[],
  rule: CompletenessRule = 'answers',
): ScoreTree {
  return treeOver(
    framework,
    tallies.length,
    (source, code) => tallies[source]?.items.get(code),
    respondentsOf(tallies),
    rule,
  );
}

/**
 * A tree per agency, each from its own tallies: those listed first (without
 * tallies, a tree with no values and n = 0), then any other with tallies.
 */
export function agencyTrees(
  framework: Framework,
  tallies: readonly AgencyTallies[],
  agencyIds: readonly string[] = [],
  rule: CompletenessRule = 'answers',
): Map<string, ScoreTree> {
  const trees = new Map<string, ScoreTree>();
  if (agencyIds.length > 0) {
    // Read-only like every tree, so the agencies without answers share one.
    const empty = scoreTree(framework, [], rule);
    for (const agencyId of agencyIds) trees.set(agencyId, empty);
  }
  for (const agency of tallies) trees.set(agency.agencyId, scoreTree(framework, [agency], rule));
  return trees;
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
      'consensus',
    ),
    wholeOfGovernment: scoreTree(
      framework,
      ofGovernment.size === 0 ? [] : [{ respondents: 1, items: ofGovernment }],
      'consensus',
    ),
  };
}
