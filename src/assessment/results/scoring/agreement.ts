// The share of answers agreeing, beside every mean: agreement answers are
// ordinal (the step from "agree" to "strongly agree" need not equal the step
// from "disagree" to "neutral"), so a mean alone can mislead; the share in
// the upper half of the scale does not. On a 1–5 agreement scale that is
// "agree" and "strongly agree"; on four maturity stages, the upper two.
// Counted over every answer under a node (every respondent once), from the
// item counts of a tree as it is shown, so it tells nothing the item
// distributions on the page do not. Pure.

import type { Framework } from '../../frameworks/index.ts';
import { itemScale, scaleValues } from '../../frameworks/index.ts';
import type { ItemScore, ScoreTree } from './scoring.ts';

export interface Agreement {
  agreeing: number;
  answers: number;
  /** agreeing / answers; undefined without answers. */
  share: number | undefined;
}

/** Per item code, the lowest value in the upper half of its scale. */
function upperHalves(framework: Framework): Map<string, number> {
  const thresholds = new Map<string, number>();
  for (const dimension of framework.dimensions)
    for (const subdimension of dimension.subdimensions)
      for (const item of subdimension.items) {
        const values = scaleValues(itemScale(framework, item));
        const middle = ((values[0] ?? 0) + (values[values.length - 1] ?? 0)) / 2;
        thresholds.set(item.code, middle);
      }
  return thresholds;
}

const thresholdsOf = new WeakMap<Framework, Map<string, number>>();

/** The share of answers above the middle of their scale, over the items given. */
export function agreementOver(framework: Framework, items: readonly ItemScore[]): Agreement {
  let middles = thresholdsOf.get(framework);
  if (!middles) {
    middles = upperHalves(framework);
    thresholdsOf.set(framework, middles);
  }
  let agreeing = 0;
  let answers = 0;
  for (const item of items) {
    const middle = middles.get(item.itemCode);
    if (middle === undefined) continue;
    for (const { value, count } of item.counts) {
      answers += count;
      if (value > middle) agreeing += count;
    }
  }
  return { agreeing, answers, share: answers === 0 ? undefined : agreeing / answers };
}

/** The items under a dimension of a tree. */
export function itemsOfDimension(tree: ScoreTree, dimensionIndex: number): ItemScore[] {
  return (
    tree.dimensions[dimensionIndex]?.subdimensions.flatMap((subdimension) => subdimension.items) ??
    []
  );
}
