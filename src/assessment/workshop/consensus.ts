// The consensus a workshop records for one item: a value of the item's scale
// or "not applicable", and the rationale for it. Pure: the pages and the API
// both check a consensus with these rules before it is stored.

import type { Framework, Item } from '../frameworks/index.ts';
import { itemScale, scaleValues } from '../frameworks/index.ts';

export const RATIONALE_MAX = 2000;

export interface ConsensusContent {
  /** A value of the item's scale; null when "not applicable" (or not chosen). */
  value: number | null;
  notApplicable: boolean;
  rationale: string;
}

export type ConsensusField = 'itemCode' | 'value' | 'rationale';

export type ConsensusRule =
  | 'unknown_item'
  | 'value_missing'
  | 'value_outside_scale'
  | 'value_and_not_applicable'
  | 'not_applicable_not_allowed'
  | 'rationale_missing'
  | 'rationale_too_long';

export interface ConsensusProblem {
  field: ConsensusField;
  rule: ConsensusRule;
}

/** Trims the rationale, so one of only spaces counts as missing. */
export function normalizeConsensus(content: ConsensusContent): ConsensusContent {
  return { ...content, rationale: content.rationale.trim() };
}

export function findItem(framework: Framework, itemCode: string): Item | undefined {
  for (const dimension of framework.dimensions)
    for (const subdimension of dimension.subdimensions)
      for (const item of subdimension.items) if (item.code === itemCode) return item;
  return undefined;
}

/** Every problem of a (normalized) consensus for `itemCode`; none means it may be stored. */
export function checkConsensus(
  framework: Framework,
  itemCode: string,
  consensus: ConsensusContent,
): ConsensusProblem[] {
  const item = findItem(framework, itemCode);
  if (!item) return [{ field: 'itemCode', rule: 'unknown_item' }];
  const scale = itemScale(framework, item);
  const problems: ConsensusProblem[] = [];
  const problem = (field: ConsensusField, rule: ConsensusRule) => problems.push({ field, rule });
  if (consensus.notApplicable && consensus.value !== null)
    problem('value', 'value_and_not_applicable');
  else if (consensus.notApplicable && !scale.notApplicable)
    problem('value', 'not_applicable_not_allowed');
  else if (!consensus.notApplicable && consensus.value === null) problem('value', 'value_missing');
  else if (consensus.value !== null && !scaleValues(scale).includes(consensus.value))
    problem('value', 'value_outside_scale');
  if (consensus.rationale === '') problem('rationale', 'rationale_missing');
  else if (consensus.rationale.length > RATIONALE_MAX) problem('rationale', 'rationale_too_long');
  return problems;
}

const ruleMessages: Record<ConsensusRule, string> = {
  unknown_item: 'is not an item of this round’s framework',
  value_missing: 'choose a value of the scale or “not applicable”',
  value_outside_scale: 'is not a value of the item’s scale',
  value_and_not_applicable: 'give a value or “not applicable”, not both',
  not_applicable_not_allowed: 'this item cannot be agreed “not applicable”',
  rationale_missing: 'say why the workshop agreed this value',
  rationale_too_long: `must be at most ${RATIONALE_MAX} characters`,
};

/** The API's wording of a problem; pages word it from the message catalogue instead. */
export function describeConsensusProblem(problem: ConsensusProblem): string {
  return ruleMessages[problem.rule];
}
