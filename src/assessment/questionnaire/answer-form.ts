// Reading a sub-dimension page posted as a form (JavaScript off): each item's
// radio group, comment and evidence link, named `<code>.value`, `<code>.comment`
// and `<code>.evidence`. Pure, so what a form means is tested without a server.
import type { Item } from '../frameworks/index.ts';
import { type AnswerChange, normalizeAnswer } from './answer.ts';

export type FormBody = Record<string, string | string[] | undefined>;

/** The radio value that stands for "not applicable". */
export const NOT_APPLICABLE = 'na';

export const fieldNames = (code: string) => ({
  value: `${code}.value`,
  comment: `${code}.comment`,
  evidence: `${code}.evidence`,
});

function single(body: FormBody, name: string): string {
  const value = body[name];
  return (Array.isArray(value) ? value[value.length - 1] : value) ?? '';
}

/**
 * Every item of the page as posted. A value that is not a whole number reads
 * as NaN, which no scale holds, so it is reported as outside the scale.
 */
export function answersFromForm(
  items: readonly Item[],
  body: FormBody,
  changedAt: Date,
): AnswerChange[] {
  return items.map((item) => {
    const names = fieldNames(item.code);
    const chosen = single(body, names.value).trim();
    const notApplicable = chosen === NOT_APPLICABLE;
    const value =
      chosen === '' || notApplicable ? null : /^-?\d+$/.test(chosen) ? Number(chosen) : Number.NaN;
    return normalizeAnswer({
      itemCode: item.code,
      value,
      notApplicable,
      comment: single(body, names.comment),
      evidenceUrl: single(body, names.evidence),
      changedAt,
    });
  });
}
