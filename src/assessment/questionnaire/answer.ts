// An answer to one item and the rules it must meet: a value on the item's
// scale or "not applicable" where the scale allows it, an optional comment and
// an optional evidence link. Pure: the pages and the API both check with this.

import type { Framework, Item } from '../frameworks/index.ts';
import { itemScale, scaleValues } from '../frameworks/index.ts';

export const COMMENT_MAX = 2000;
export const EVIDENCE_URL_MAX = 2000;

export interface AnswerContent {
  /** A Likert value or a stage value; null when not (yet) chosen. */
  value: number | null;
  notApplicable: boolean;
  comment: string | null;
  evidenceUrl: string | null;
}

/** One item's answer as the respondent left it at `changedAt`. */
export interface AnswerChange extends AnswerContent {
  itemCode: string;
  changedAt: Date;
}

export type AnswerField = 'itemCode' | 'value' | 'comment' | 'evidenceUrl';

export type AnswerRule =
  | 'unknown_item'
  | 'duplicate_item'
  | 'value_outside_scale'
  | 'not_applicable_not_allowed'
  | 'value_and_not_applicable'
  | 'comment_too_long'
  | 'evidence_not_url'
  | 'evidence_too_long';

export interface AnswerProblem {
  /** Position of the answer in the batch. */
  index: number;
  itemCode: string;
  field: AnswerField;
  rule: AnswerRule;
}

/** Whether the respondent has given the item an answer that counts: a value or "not applicable". */
export function isAnswered(answer: AnswerContent | undefined): boolean {
  return answer !== undefined && (answer.value !== null || answer.notApplicable);
}

/** Trims free text and stores an empty comment or link as none. */
export function normalizeAnswer<T extends AnswerContent>(answer: T): T {
  const text = (value: string | null) => {
    const trimmed = value?.trim() ?? '';
    return trimmed === '' ? null : trimmed;
  };
  return { ...answer, comment: text(answer.comment), evidenceUrl: text(answer.evidenceUrl) };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

// A parsed framework never changes, so each is indexed once: autosave checks
// every save against it.
const indexedFrameworks = new WeakMap<Framework, Map<string, Item>>();

function itemsByCode(framework: Framework): Map<string, Item> {
  let items = indexedFrameworks.get(framework);
  if (!items) {
    items = new Map();
    for (const dimension of framework.dimensions)
      for (const subdimension of dimension.subdimensions)
        for (const item of subdimension.items) items.set(item.code, item);
    indexedFrameworks.set(framework, items);
  }
  return items;
}

/**
 * Every problem of a batch of (normalized) answers. A batch with any problem is
 * refused whole, so a respondent never has half a page saved without knowing.
 */
export function checkAnswers(
  framework: Framework,
  answers: readonly (AnswerContent & { itemCode: string })[],
): AnswerProblem[] {
  const items = itemsByCode(framework);
  const seen = new Set<string>();
  const problems: AnswerProblem[] = [];
  answers.forEach((answer, index) => {
    const problem = (field: AnswerField, rule: AnswerRule) => {
      problems.push({ index, itemCode: answer.itemCode, field, rule });
    };
    const item = items.get(answer.itemCode);
    if (!item) {
      problem('itemCode', 'unknown_item');
      return;
    }
    if (seen.has(answer.itemCode)) {
      problem('itemCode', 'duplicate_item');
      return;
    }
    seen.add(answer.itemCode);
    const scale = itemScale(framework, item);
    if (answer.value !== null && !scaleValues(scale).includes(answer.value))
      problem('value', 'value_outside_scale');
    else if (answer.notApplicable && answer.value !== null)
      problem('value', 'value_and_not_applicable');
    else if (answer.notApplicable && !scale.notApplicable)
      problem('value', 'not_applicable_not_allowed');
    if (answer.comment !== null && answer.comment.length > COMMENT_MAX)
      problem('comment', 'comment_too_long');
    if (answer.evidenceUrl !== null) {
      if (answer.evidenceUrl.length > EVIDENCE_URL_MAX) problem('evidenceUrl', 'evidence_too_long');
      else if (!isHttpUrl(answer.evidenceUrl)) problem('evidenceUrl', 'evidence_not_url');
    }
  });
  return problems;
}

const ruleMessages: Record<AnswerRule, string> = {
  unknown_item: 'is not an item of this questionnaire',
  duplicate_item: 'appears more than once in the same save',
  value_outside_scale: 'is not a value of the item’s scale',
  not_applicable_not_allowed: 'this item cannot be answered “not applicable”',
  value_and_not_applicable: 'give a value or “not applicable”, not both',
  comment_too_long: `must be at most ${COMMENT_MAX} characters`,
  evidence_not_url: 'must be a web address starting with http:// or https://',
  evidence_too_long: `must be at most ${EVIDENCE_URL_MAX} characters`,
};

/** The API's wording of a problem; pages word it from the message catalogue instead. */
export function describeAnswerProblem(problem: AnswerProblem): string {
  return `${problem.itemCode}: ${ruleMessages[problem.rule]}`;
}
