// Scores of a round from its answers: item, sub-dimension, dimension and
// overall, for each agency and for the whole of government, with the number of
// answers, the spread and the maturity level of each. Pure; the method is
// written down in docs/scoring.md.
import { maturityLevelOf } from '../frameworks/framework.ts';
import type { Framework, MaturityLevel, Subdimension } from '../frameworks/framework-schema.ts';

/** One answer of a submitted response (the caller leaves drafts out). */
export interface ScoredAnswer {
  agencyId: string;
  responseId: string;
  itemCode: string;
  /** null when "not applicable" or unanswered. */
  value: number | null;
  notApplicable: boolean;
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

/**
 * The hierarchy from a set of answers, every answer counting once: one
 * agency's answers give its scores, everyone's give the pooled scores.
 * Answers to items the framework does not have are ignored.
 */
export function scoreTree(framework: Framework, answers: readonly ScoredAnswer[]): ScoreTree {
  const levels = framework.maturityLevels;
  const tallies = new Map<
    string,
    { values: Part[]; notApplicable: number; agencies: Set<string> }
  >();
  const respondents = new Set<string>();
  const codesOf = (subdimension: Subdimension) => subdimension.items.map((item) => item.code);
  const itemCodes = new Set(framework.dimensions.flatMap((d) => d.subdimensions.flatMap(codesOf)));
  for (const answer of answers) {
    if (!itemCodes.has(answer.itemCode)) continue;
    if (!answer.notApplicable && answer.value === null) continue;
    let tally = tallies.get(answer.itemCode);
    if (!tally) {
      tally = { values: [], notApplicable: 0, agencies: new Set() };
      tallies.set(answer.itemCode, tally);
    }
    if (answer.notApplicable) tally.notApplicable += 1;
    else if (answer.value !== null) {
      tally.values.push({ value: answer.value, weight: 1 });
      tally.agencies.add(answer.agencyId);
    }
    respondents.add(answer.responseId);
  }
  // Which agencies have a value under a node cannot be added up from the
  // counts of its children (an agency may be under several), so it is counted
  // again over the node's items.
  const agenciesUnder = (codes: readonly string[]): number =>
    new Set(codes.flatMap((code) => [...(tallies.get(code)?.agencies ?? [])])).size;

  const dimensions = framework.dimensions.map((dimension): DimensionScore => {
    const subdimensions = dimension.subdimensions.map((subdimension): SubdimensionScore => {
      const items = subdimension.items.map((item): ItemScore => {
        const tally = tallies.get(item.code);
        const values = tally?.values ?? [];
        const counts = {
          n: values.length,
          notApplicable: tally?.notApplicable ?? 0,
          agencies: tally?.agencies.size ?? 0,
        };
        return { itemCode: item.code, ...score(values, counts, levels) };
      });
      const weights = subdimension.items.map((item) => item.weight);
      return {
        subdimensionCode: subdimension.code,
        ...score(
          partsOf(items, weights),
          countsOf(items, agenciesUnder(codesOf(subdimension))),
          levels,
        ),
        items,
      };
    });
    const agencies = agenciesUnder(dimension.subdimensions.flatMap(codesOf));
    return {
      dimensionCode: dimension.code,
      ...score(partsOf(subdimensions), countsOf(subdimensions, agencies), levels),
      subdimensions,
    };
  });
  const agencies = agenciesUnder([...tallies.keys()]);
  return {
    ...score(partsOf(dimensions), countsOf(dimensions, agencies), levels),
    dimensions,
    respondents: respondents.size,
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
 * a council of 3 weighs.
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
            items: subdimension.items.map((item, i) => ({
              itemCode: item.code,
              ...acrossAgencies(
                subdimensionScores.map((scores) => itemAt(scores, i)),
                levels,
              ),
            })),
          };
        }),
      };
    }),
  };
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

function treesByAgency<A extends { agencyId: string }>(
  framework: Framework,
  rows: readonly A[],
  agencyIds: readonly string[],
  toAnswer: (row: A) => ScoredAnswer,
): Map<string, ScoreTree> {
  const rowsByAgency = new Map<string, ScoredAnswer[]>(agencyIds.map((id) => [id, []]));
  for (const row of rows) {
    const list = rowsByAgency.get(row.agencyId);
    if (list) list.push(toAnswer(row));
    else rowsByAgency.set(row.agencyId, [toAnswer(row)]);
  }
  return new Map(
    [...rowsByAgency].map(([agencyId, answers]) => [agencyId, scoreTree(framework, answers)]),
  );
}

/**
 * Every score of a round. `agencyIds` lists the agencies to show even without
 * answers (they get a tree with no values and n = 0); agencies that answered
 * are included whether listed or not.
 */
export function roundScores(options: {
  framework: Framework;
  answers: readonly ScoredAnswer[];
  agencyIds?: readonly string[];
}): RoundScores {
  const { framework, answers, agencyIds = [] } = options;
  const agencies = treesByAgency(framework, answers, agencyIds, (answer) => answer);
  return {
    agencies,
    wholeOfGovernment: wholeOfGovernmentTree(framework, [...agencies.values()]),
    pooled: scoreTree(framework, answers),
  };
}

// Stands for the whole of government where an agency id is expected; the
// whole of government's consensus tree counts it as its one "agency".
const WHOLE_OF_GOVERNMENT = 'whole-of-government';

/**
 * The same hierarchy from the workshops' consensus, to set beside the
 * self-assessment: each agency's from its workshop, the whole of government's
 * from its own workshop. A consensus counts as one answer (n = 1, spread 0).
 */
export function consensusScores(options: {
  framework: Framework;
  consensus: readonly ConsensusValue[];
  agencyIds?: readonly string[];
}): ConsensusScores {
  const { framework, consensus, agencyIds = [] } = options;
  const asAnswer = (row: ConsensusValue, agencyId: string): ScoredAnswer => ({
    agencyId,
    responseId: `consensus:${agencyId}`,
    itemCode: row.itemCode,
    value: row.value,
    notApplicable: row.notApplicable,
  });
  const ofAgencies: (ConsensusValue & { agencyId: string })[] = [];
  const ofGovernment: ScoredAnswer[] = [];
  for (const row of consensus) {
    if (row.agencyId === null) ofGovernment.push(asAnswer(row, WHOLE_OF_GOVERNMENT));
    else ofAgencies.push({ ...row, agencyId: row.agencyId });
  }
  return {
    agencies: treesByAgency(framework, ofAgencies, agencyIds, (row) => asAnswer(row, row.agencyId)),
    wholeOfGovernment: scoreTree(framework, ofGovernment),
  };
}
