// Score trees for tests of what is read from scores: built by the real scoring
// from answers given per item, one respondent per position in each list.
import type { Framework } from '../src/assessment/frameworks/framework-schema.ts';
import { type ScoreTree, scoreTree } from '../src/assessment/results/scoring/scoring.ts';
import { type RawAnswer, tallyAnswers } from './tallies.ts';

export function treeOf(
  framework: Framework,
  answersByItem: Record<string, readonly number[]>,
  agencyId = 'agency',
): ScoreTree {
  const answers: RawAnswer[] = Object.entries(answersByItem).flatMap(([itemCode, values]) =>
    values.map((value, respondent) => ({
      agencyId,
      responseId: `${agencyId}-${respondent}`,
      itemCode,
      value,
      notApplicable: false,
    })),
  );
  return scoreTree(framework, tallyAnswers(answers));
}
