// Scores read through a crosswalk: each target dimension's score is the
// weighted mean of the scores of the items and sub-dimensions mapped onto it,
// moved from the source framework's score range onto the target's, with the
// target's levels. Computed only from scores the results already publish —
// a shown agency's tree, a total as small-number protection leaves it — so a
// reading adds no equation about a hidden agency; a target with any input
// withheld is withheld. Pure; the rule is written down in docs/scoring.md.
import type { Framework, LocalizedText, MaturityLevel } from '../frameworks/index.ts';
import {
  type AgencyProfile,
  levelOf,
  type ResultsSelection,
  type Score,
  type ScoreTree,
} from '../results/index.ts';
import type { Crosswalk } from './crosswalk-schema.ts';

/** A score range, e.g. 1 to 5 for the DGCA's agreement scale. */
export interface ScoreRange {
  min: number;
  max: number;
}

/** What a crosswalk reads through, as scoring and pages need it: a framework's or a lens's. */
export interface ReadTarget {
  kind: 'framework' | 'lens';
  key: string;
  version: string;
  name: LocalizedText;
  defaultLanguage: string;
  dimensions: readonly { code: string; name: LocalizedText; description?: LocalizedText }[];
  levels: readonly MaturityLevel[];
  range: ScoreRange;
}

/** One crosswalk ready to read rounds of its source framework with. */
export interface CrosswalkReading {
  crosswalk: Crosswalk;
  source: Framework;
  sourceRange: ScoreRange;
  target: ReadTarget;
}

export interface TargetScore {
  targetCode: string;
  /** On the target's range; undefined when too little under it has a score. */
  value: number | undefined;
  /** On the target's range, an upper bound as for sub-dimensions (docs/scoring.md). */
  standardError: number | undefined;
  level: MaturityLevel | undefined;
  /** Sources mapped onto the target with a score, of all mapped onto it. */
  scoredSources: number;
  sources: number;
  /** On a total, when small-number protection withholds any of the scores it is made of. */
  withheld: boolean;
}

export interface CrosswalkScores {
  /** The mean of the target dimensions' scores, each counting once. */
  overall: TargetScore;
  targets: TargetScore[];
}

export interface AgencyReading {
  agency: AgencyProfile;
  respondents: number;
  scores: CrosswalkScores;
}

export interface CrosswalkSelection {
  /** The total over the agencies chosen, read through; undefined when the total is withheld. */
  total: CrosswalkScores | undefined;
  /** The agencies the results show on their own, read through, in the selection's order. */
  agencies: AgencyReading[];
}

/** A target dimension needs scores on sources carrying this share of its mapped weight. */
export const MINIMUM_SCORED_WEIGHT = 0.5;

/** `value` moved linearly from one range onto another: the bottoms and the tops meet. */
export function rescale(value: number, from: ScoreRange, to: ScoreRange): number {
  return to.min + ((value - from.min) * (to.max - to.min)) / (from.max - from.min);
}

interface SourcePlan {
  of: (tree: ScoreTree) => Score | undefined;
  weight: number;
}

interface TargetPlan {
  code: string;
  sources: SourcePlan[];
  weight: number;
}

// A crosswalk is planned once: which node of a tree each mapping reads and
// with what weight; a page reads a thousand agencies' trees with one plan.
const plans = new WeakMap<CrosswalkReading, TargetPlan[]>();

function planOf(reading: CrosswalkReading): TargetPlan[] {
  const known = plans.get(reading);
  if (known) return known;
  const locate = new Map<string, SourcePlan>();
  reading.source.dimensions.forEach((dimension, d) => {
    dimension.subdimensions.forEach((subdimension, s) => {
      locate.set(subdimension.code, {
        of: (tree) => tree.dimensions[d]?.subdimensions[s],
        weight: 1,
      });
      subdimension.items.forEach((item, i) => {
        // An item's own weight among its sub-dimension's items carries over.
        locate.set(item.code, {
          of: (tree) => tree.dimensions[d]?.subdimensions[s]?.items[i],
          weight: item.weight,
        });
      });
    });
  });
  const plan = reading.target.dimensions.map((dimension): TargetPlan => {
    const sources = reading.crosswalk.mappings
      .filter((mapping) => mapping.target === dimension.code)
      .flatMap((mapping) => {
        const source = locate.get(mapping.source);
        return source ? [{ of: source.of, weight: mapping.weight * source.weight }] : [];
      });
    return {
      code: dimension.code,
      sources,
      weight: sources.reduce((sum, source) => sum + source.weight, 0),
    };
  });
  plans.set(reading, plan);
  return plan;
}

/**
 * One target's score, built as one object literal of one shape: a page of a
 * thousand agencies reads ten thousand of them.
 */
function targetScore(
  targetCode: string,
  value: number | undefined,
  standardError: number | undefined,
  level: MaturityLevel | undefined,
  counts: { scoredSources: number; sources: number },
  withheld: boolean,
): TargetScore {
  return {
    targetCode,
    value,
    standardError,
    level,
    scoredSources: counts.scoredSources,
    sources: counts.sources,
    withheld,
  };
}

/** The scores of one tree (an agency's, or a protected total) read through the crosswalk. */
export function readTree(reading: CrosswalkReading, tree: ScoreTree): CrosswalkScores {
  const { sourceRange, target } = reading;
  const scale = (target.range.max - target.range.min) / (sourceRange.max - sourceRange.min);
  const plan = planOf(reading);
  const targets: TargetScore[] = new Array(plan.length);
  for (let t = 0; t < plan.length; t++) {
    const { code, sources, weight } = plan[t] as TargetPlan;
    let weighted = 0;
    let scoredWeight = 0;
    let error: number | undefined = 0;
    let scoredSources = 0;
    let withheld = false;
    for (let k = 0; k < sources.length; k++) {
      const source = sources[k] as SourcePlan;
      const score = source.of(tree);
      if (score === undefined) continue;
      if (score.withheld) withheld = true;
      if (score.value === undefined) continue;
      scoredSources += 1;
      scoredWeight += source.weight;
      weighted += source.weight * score.value;
      error =
        error === undefined || score.standardError === undefined
          ? undefined
          : error + source.weight * score.standardError;
    }
    const counts = { scoredSources, sources: sources.length };
    if (withheld || scoredWeight === 0 || scoredWeight < MINIMUM_SCORED_WEIGHT * weight) {
      targets[t] = targetScore(code, undefined, undefined, undefined, counts, withheld);
      continue;
    }
    const value = rescale(weighted / scoredWeight, sourceRange, target.range);
    targets[t] = targetScore(
      code,
      value,
      error === undefined ? undefined : (error / scoredWeight) * scale,
      levelOf(value, target.levels),
      counts,
      false,
    );
  }
  return { overall: overallOf(targets, target.levels), targets };
}

function overallOf(targets: readonly TargetScore[], levels: readonly MaturityLevel[]): TargetScore {
  let scored = 0;
  let sum = 0;
  let errors: number | undefined = 0;
  let withheld = false;
  for (const target of targets) {
    if (target.withheld) withheld = true;
    if (target.value === undefined) continue;
    scored += 1;
    sum += target.value;
    errors =
      errors === undefined || target.standardError === undefined
        ? undefined
        : errors + target.standardError;
  }
  const counts = { scoredSources: scored, sources: targets.length };
  if (withheld || scored === 0)
    return targetScore('overall', undefined, undefined, undefined, counts, withheld);
  const value = sum / scored;
  return targetScore(
    'overall',
    value,
    errors === undefined ? undefined : errors / scored,
    levelOf(value, levels),
    counts,
    false,
  );
}

/** What a results selection shows, read through the crosswalk: its total and its shown agencies. */
export function readSelection(
  reading: CrosswalkReading,
  selection: ResultsSelection,
): CrosswalkSelection {
  return {
    total: selection.total && readTree(reading, selection.total),
    agencies: selection.shown.map(({ agency, tree }) => ({
      agency,
      respondents: tree.respondents,
      scores: readTree(reading, tree),
    })),
  };
}
