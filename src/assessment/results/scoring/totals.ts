// Totals over agencies — the whole of government (each agency once) and the
// pooled respondents (each answer once) — from running sums kept node by
// node: for each node, how many agencies have a score there, the sum and the
// sum of squares of their scores, their answers and "not applicable"s; for
// each item, every agency's answers per value added up. Adding or taking
// away one agency's tree updates the sums without visiting the others, so a
// round of 1,000 agencies is brought up to date after one submission in a
// fraction of a millisecond, and a filtered total costs one pass over its
// agencies. Pure; the rules are those of docs/scoring.md.
import type { Framework, MaturityLevel } from '../../frameworks/index.ts';
import {
  itemScore,
  levelOf,
  type RoundScores,
  type Score,
  type ScoreTree,
  treeAbove,
  unscored,
  type ValueCount,
} from './scoring.ts';

interface NodeSums {
  /** Agencies with a score here, and the sum and sum of squares of their scores. */
  agencies: number;
  sum: number;
  squares: number;
  /** Agencies with an answer with a value under the node (a score or not). */
  answering: number;
  /** Of the agencies with a score, those with a standard error, and the sum of their squares. */
  withError: number;
  variances: number;
  n: number;
  notApplicable: number;
}

/**
 * Answers per value of one item, one slot per value between the least and
 * the greatest seen: a round of 1,000 agencies adds up some 470,000 counts
 * when a process first reads it, and a slot costs less than a map entry.
 */
class ValueCounts {
  private least = 0;
  private slots = new Float64Array(0);

  add(value: number, answers: number): void {
    let slot = value - this.least;
    if (slot < 0 || slot >= this.slots.length) {
      const empty = this.slots.length === 0;
      const least = empty ? value : Math.min(this.least, value);
      const greatest = empty ? value : Math.max(this.least + this.slots.length - 1, value);
      const slots = new Float64Array(greatest - least + 1);
      if (!empty) slots.set(this.slots, this.least - least);
      this.least = least;
      this.slots = slots;
      slot = value - least;
    }
    this.slots[slot] = (this.slots[slot] ?? 0) + answers;
  }

  /** The values with answers, ascending. */
  counts(): ValueCount[] {
    const counts: ValueCount[] = [];
    this.slots.forEach((count, slot) => {
      if (count !== 0) counts.push({ value: this.least + slot, count });
    });
    return counts;
  }
}

// A variance from sums of squares carries rounding noise where every agency
// has the same score (4·4 − 4² comes out a hair from 0): below this share of
// the squared mean it is that noise, and the spread is 0.
const VARIANCE_NOISE = 1e-12;

export class AgencySums {
  readonly framework: Framework;
  /** Overall, then each dimension followed by its sub-dimensions, each followed by its items. */
  private readonly nodes: NodeSums[];
  /** Per item (in framework order), answers per value. */
  private readonly counts: ValueCounts[];
  private respondents = 0;

  constructor(framework: Framework, trees: Iterable<ScoreTree> = []) {
    this.framework = framework;
    let nodes = 1;
    let items = 0;
    for (const dimension of framework.dimensions) {
      nodes += 1;
      for (const subdimension of dimension.subdimensions) {
        nodes += 1 + subdimension.items.length;
        items += subdimension.items.length;
      }
    }
    this.nodes = Array.from({ length: nodes }, () => ({
      agencies: 0,
      sum: 0,
      squares: 0,
      answering: 0,
      withError: 0,
      variances: 0,
      n: 0,
      notApplicable: 0,
    }));
    this.counts = Array.from({ length: items }, () => new ValueCounts());
    for (const tree of trees) this.add(tree);
  }

  /** Counts an agency's tree in the totals. */
  add(tree: ScoreTree): void {
    this.apply(tree, 1);
  }

  /** Takes back an agency's tree counted before (the same tree, or an equal one). */
  remove(tree: ScoreTree): void {
    this.apply(tree, -1);
  }

  private apply(tree: ScoreTree, sign: 1 | -1) {
    this.respondents += sign * tree.respondents;
    let node = 0;
    let item = 0;
    const count = (score: Score) => {
      const sums = this.nodes[node++] as NodeSums;
      sums.n += sign * score.n;
      sums.notApplicable += sign * score.notApplicable;
      if (score.n > 0) sums.answering += sign;
      if (score.value === undefined) return;
      sums.agencies += sign;
      sums.sum += sign * score.value;
      sums.squares += sign * score.value * score.value;
      if (score.standardError === undefined) return;
      sums.withError += sign;
      sums.variances += sign * score.standardError * score.standardError;
    };
    count(tree);
    for (const dimension of tree.dimensions) {
      count(dimension);
      for (const subdimension of dimension.subdimensions) {
        count(subdimension);
        for (const itemScore of subdimension.items) {
          count(itemScore);
          const counts = this.counts[item++] as ValueCounts;
          for (const { value, count: answers } of itemScore.counts)
            counts.add(value, sign * answers);
        }
      }
    }
  }

  private countsOf(item: number): ValueCount[] {
    return this.counts[item]?.counts() ?? [];
  }

  /** Each agency counting once: at every node, the mean of the agencies' scores there. */
  wholeOfGovernment(): ScoreTree {
    const levels = this.framework.maturityLevels;
    let node = 0;
    let item = 0;
    // Nodes are kept parent first; a parent's coverage is its children's, added once they are built.
    const across = (answeredItems: () => number) => {
      const sums = this.nodes[node++] as NodeSums;
      return () => acrossAgencies(sums, answeredItems(), levels);
    };
    const covered = (scores: readonly Score[]) =>
      scores.reduce((sum, score) => sum + score.answeredItems, 0);
    let dimensions: ScoreTree['dimensions'] = [];
    const overall = across(() => covered(dimensions));
    dimensions = this.framework.dimensions.map((dimension) => {
      let subdimensions: ScoreTree['dimensions'][number]['subdimensions'] = [];
      const dimensionScore = across(() => covered(subdimensions));
      subdimensions = dimension.subdimensions.map((subdimension) => {
        let items: ScoreTree['dimensions'][number]['subdimensions'][number]['items'] = [];
        const subdimensionScore = across(() => covered(items));
        items = subdimension.items.map((frameworkItem) => {
          const sums = this.nodes[node] as NodeSums;
          const answered = sums.n + sums.notApplicable > 0 ? 1 : 0;
          return {
            ...across(() => answered)(),
            itemCode: frameworkItem.code,
            counts: this.countsOf(item++),
          };
        });
        return { ...subdimensionScore(), subdimensionCode: subdimension.code, items };
      });
      return { ...dimensionScore(), dimensionCode: dimension.code, subdimensions };
    });
    return { ...overall(), respondents: this.respondents, dimensions };
  }

  /** Every respondent counting once, whatever their agency: the rules applied to all answers together. */
  pooled(): ScoreTree {
    const levels = this.framework.maturityLevels;
    // The nodes' places in `nodes`, in the order they are kept.
    let node = 1;
    let item = 0;
    const dimensionNodes: number[] = [];
    const subdimensionNodes: number[][] = [];
    const items = this.framework.dimensions.map((dimension, d) => {
      dimensionNodes[d] = node++;
      subdimensionNodes[d] = [];
      return dimension.subdimensions.map((subdimension, s) => {
        (subdimensionNodes[d] as number[])[s] = node++;
        return subdimension.items.map((frameworkItem) => {
          const sums = this.nodes[node++] as NodeSums;
          return itemScore(
            frameworkItem.code,
            this.countsOf(item++),
            sums.notApplicable,
            sums.answering,
            levels,
          );
        });
      });
    });
    const answering = (index: number | undefined) =>
      index === undefined ? 0 : (this.nodes[index]?.answering ?? 0);
    return treeAbove(this.framework, {
      items: (d, s) => items[d]?.[s] ?? [],
      agencies: {
        subdimension: (d, s) => answering(subdimensionNodes[d]?.[s]),
        dimension: (d) => answering(dimensionNodes[d]),
        overall: answering(0),
      },
      respondents: this.respondents,
      rule: 'answers',
    });
  }
}

function acrossAgencies(
  sums: NodeSums,
  answeredItems: number,
  levels: readonly MaturityLevel[],
): Score {
  const { agencies, n, notApplicable } = sums;
  if (agencies === 0) return unscored({ n, notApplicable, answeredItems });
  const value = sums.sum / agencies;
  const variance = sums.squares / agencies - value * value;
  const spread = variance <= VARIANCE_NOISE * Math.max(1, value * value) ? 0 : Math.sqrt(variance);
  // Agencies' respondents are independent of each other, so their errors add
  // in squares: the whole of government is known better than any one agency.
  const standardError =
    sums.withError === agencies ? Math.sqrt(Math.max(0, sums.variances)) / agencies : undefined;
  return {
    value,
    spread,
    level: levelOf(value, levels),
    n,
    notApplicable,
    agencies,
    answeredItems,
    standardError,
  };
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
  return new AgencySums(framework, agencyTrees).wholeOfGovernment();
}

/** Every respondent counting once, whatever their agency, from the agencies' trees. */
export function pooledTree(framework: Framework, agencyTrees: readonly ScoreTree[]): ScoreTree {
  return new AgencySums(framework, agencyTrees).pooled();
}

/** Every score of a round, from its agencies' trees. */
export function roundScores(framework: Framework, agencies: Map<string, ScoreTree>): RoundScores {
  return scoresFrom(agencies, new AgencySums(framework, agencies.values()));
}

/** The round's scores from its agencies' trees and the sums already kept over them. */
export function scoresFrom(agencies: Map<string, ScoreTree>, sums: AgencySums): RoundScores {
  return { agencies, wholeOfGovernment: sums.wholeOfGovernment(), pooled: sums.pooled() };
}
