// What a results page points to first: the strongest and weakest
// sub-dimensions, the items respondents disagree on most, and how scores moved
// since an earlier round. Pure, over score trees (scoring.ts).
import type { Score, ScoreTree } from '../scoring/scoring.ts';
import { clearDifference } from '../scoring/uncertainty.ts';

export interface RankedSubdimension {
  dimensionCode: string;
  subdimensionCode: string;
  value: number;
  n: number;
  standardError: number | undefined;
}

/** Sub-dimensions with a score, highest first; ties in the framework's order. */
export function rankSubdimensions(tree: ScoreTree): RankedSubdimension[] {
  const ranked = tree.dimensions.flatMap((dimension) =>
    dimension.subdimensions.flatMap((subdimension) =>
      subdimension.value === undefined
        ? []
        : [
            {
              dimensionCode: dimension.dimensionCode,
              subdimensionCode: subdimension.subdimensionCode,
              value: subdimension.value,
              n: subdimension.n,
              standardError: subdimension.standardError,
            },
          ],
    ),
  );
  // Array.prototype.sort is stable, so equal scores keep the framework's order.
  return ranked.sort((a, b) => b.value - a.value);
}

/**
 * The `count` strongest and weakest sub-dimensions; a short list is not split
 * in two overlapping halves. One whose distance from the overall score is
 * within its uncertainty is not called strong or weak.
 */
export function strongestAndWeakest(
  tree: ScoreTree,
  count: number,
): { strongest: RankedSubdimension[]; weakest: RankedSubdimension[] } {
  const ranked = rankSubdimensions(tree);
  const take = Math.min(count, Math.floor(ranked.length / 2));
  const standsOut = (subdimension: RankedSubdimension) =>
    tree.value === undefined ||
    clearDifference(subdimension.value - tree.value, subdimension.standardError) !== false;
  return {
    strongest: ranked
      .slice(0, take)
      .filter((s) => standsOut(s) && s.value > (tree.value ?? Number.NEGATIVE_INFINITY)),
    weakest: ranked
      .slice(ranked.length - take)
      .reverse()
      .filter((s) => standsOut(s) && s.value < (tree.value ?? Number.POSITIVE_INFINITY)),
  };
}

export interface Divergence {
  /** The agency whose respondents disagree; undefined: respondents of all agencies pooled. */
  agencyId: string | undefined;
  itemCode: string;
  /** Population standard deviation of the answers. */
  spread: number;
  value: number;
  n: number;
}

/**
 * The items whose answers are furthest apart: within each agency shown (its
 * own respondents disagreeing, what a workshop should talk through), largest
 * spread first. Items with fewer than two answers have nothing to disagree on.
 */
export function largestDivergences(
  agencies: ReadonlyMap<string, ScoreTree>,
  count: number,
): Divergence[] {
  const found: Divergence[] = [];
  for (const [agencyId, tree] of agencies) found.push(...itemSpreads(tree, agencyId));
  return found.sort((a, b) => b.spread - a.spread).slice(0, count);
}

export function itemSpreads(tree: ScoreTree, agencyId?: string): Divergence[] {
  return tree.dimensions.flatMap((dimension) =>
    dimension.subdimensions.flatMap((subdimension) =>
      subdimension.items.flatMap((item) =>
        item.n < 2 || item.value === undefined || item.spread === undefined
          ? []
          : [
              {
                agencyId,
                itemCode: item.itemCode,
                spread: item.spread,
                value: item.value,
                n: item.n,
              },
            ],
      ),
    ),
  );
}

export interface Change {
  code: string;
  before: number | undefined;
  after: number | undefined;
  /** after − before; undefined unless both rounds have a score. */
  change: number | undefined;
  /** Whether the change is larger than the uncertainty of both scores; undefined when unknown. */
  clear: boolean | undefined;
}

function change(code: string, earlier?: Score, later?: Score): Change {
  const before = earlier?.value;
  const after = later?.value;
  const difference = before === undefined || after === undefined ? undefined : after - before;
  return {
    code,
    before,
    after,
    change: difference,
    clear:
      difference === undefined
        ? undefined
        : clearDifference(difference, earlier?.standardError, later?.standardError),
  };
}

/**
 * How each dimension and the overall score moved from an earlier round to a
 * later one. Dimensions are matched by code, so a later version of the same
 * framework compares where its dimensions are the same; a dimension found in
 * one round only is listed with the other side empty.
 */
export function changeSince(
  earlier: ScoreTree,
  later: ScoreTree,
): { overall: Change; dimensions: Change[] } {
  const before = new Map(earlier.dimensions.map((d) => [d.dimensionCode, d]));
  const codes = [
    ...later.dimensions.map((d) => d.dimensionCode),
    ...earlier.dimensions
      .map((d) => d.dimensionCode)
      .filter((code) => !later.dimensions.some((d) => d.dimensionCode === code)),
  ];
  const after = new Map(later.dimensions.map((d) => [d.dimensionCode, d]));
  return {
    overall: change('overall', earlier, later),
    dimensions: codes.map((code) => change(code, before.get(code), after.get(code))),
  };
}
