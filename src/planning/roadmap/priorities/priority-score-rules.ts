// One member's score sheet of one initiative: a whole number from 1 to 5 for
// each criterion they choose to score, none for the rest; and what the team's
// sheets say per criterion, for the initiative's page. Pure.
import { type Criterion, SCORE_MAX, SCORE_MIN, type ScoreSheet } from './prioritisation.ts';

/** A score as typed or sent, by criterion key; empty or null: not scored. */
export type RawScores = Readonly<Record<string, string | number | null | undefined>>;

/** `rule` names a message `priorities.error.<rule>`; `field` is the criterion's key. */
export interface ScoreProblem {
  field: string;
  rule: 'scoreInvalid' | 'criterionUnknown';
}

export function checkScoreSheet(
  raw: RawScores,
  criteria: readonly Criterion[],
): { sheet?: ScoreSheet; problems: ScoreProblem[] } {
  const problems: ScoreProblem[] = [];
  const known = new Set(criteria.map((criterion) => criterion.key));
  const sheet = new Map<string, number>();
  for (const [field, value] of Object.entries(raw)) {
    if (!known.has(field)) {
      problems.push({ field, rule: 'criterionUnknown' });
      continue;
    }
    const text = String(value ?? '').trim();
    if (text === '') continue;
    const score = Number(text);
    if (!/^\d+$/.test(text) || score < SCORE_MIN || score > SCORE_MAX)
      problems.push({ field, rule: 'scoreInvalid' });
    else sheet.set(field, score);
  }
  return problems.length > 0 ? { problems } : { sheet, problems };
}

export interface CriterionMean {
  key: string;
  /** Mean of the members' scores on this criterion; undefined when nobody scored it. */
  mean: number | undefined;
  scorers: number;
}

/** Each criterion's mean score across the members who scored it, in the criteria's order. */
export function criterionMeans(
  criteria: readonly Criterion[],
  sheets: readonly ScoreSheet[],
): CriterionMean[] {
  return criteria.map(({ key }) => {
    const scores = sheets.flatMap((sheet) => {
      const score = sheet.get(key);
      return score === undefined ? [] : [score];
    });
    return {
      key,
      mean: scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : undefined,
      scorers: scores.length,
    };
  });
}
