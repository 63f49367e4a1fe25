// What the star profile's pages and API both load: every point as it stands,
// and the scores a point may cite — each dimension and sub-dimension of the
// frameworks of the plan's baseline rounds, named in the reader's language.
import type { Kysely } from 'kysely';
import { loadFramework, localized } from '../../assessment/frameworks/index.ts';
import { publishedWholeOfGovernmentScores } from '../../assessment/results/index.ts';
import type { Schema } from '../../platform/db/schema.ts';
import type { Plan } from '../plans/index.ts';
import { starPoints } from './star-model.ts';
import { notAssessed, type StarPointState, scoreKey } from './star-rules.ts';
import { listStarPoints } from './star-store.ts';

/** Every point of the model for the plan, in the model's order, assessed or not. */
export async function starPointStates(
  db: Kysely<Schema>,
  planId: string,
): Promise<StarPointState[]> {
  const stored = await listStarPoints(db, planId);
  return starPoints.map((point) => stored.get(point.key) ?? notAssessed(point.key));
}

export interface ScoreChoice {
  key: string;
  roundId: string;
  roundName: string;
  code: string;
  /** The dimension's or sub-dimension's name. */
  name: string;
  /** A sub-dimension sits under a dimension. */
  depth: 0 | 1;
  /** The whole of government's score as the results pages publish it; none when withheld or unscored. */
  score: number | undefined;
}

export async function baselineScoreChoices(
  db: Kysely<Schema>,
  plan: Plan,
  options: { language: string; threshold: number },
): Promise<ScoreChoice[]> {
  const { language, threshold } = options;
  if (plan.baselineRounds.length === 0) return [];
  const rounds = await db
    .selectFrom('rounds')
    .select(['id', 'name', 'framework_id', 'status'])
    .where(
      'id',
      'in',
      plan.baselineRounds.map((round) => round.id),
    )
    .orderBy('opens_on', 'desc')
    .execute();
  const choices: ScoreChoice[] = [];
  for (const round of rounds) {
    const framework = await loadFramework(db, round.framework_id);
    // A draft has no answers yet, so no results to quote.
    const published =
      round.status === 'draft'
        ? new Map<string, number>()
        : await publishedWholeOfGovernmentScores(db, { roundId: round.id, threshold });
    const name = (text: Parameters<typeof localized>[0]) =>
      localized(text, language, framework.defaultLanguage);
    const choice = (code: string, text: string, depth: 0 | 1): ScoreChoice => ({
      key: scoreKey(round.id, code),
      roundId: round.id,
      roundName: round.name,
      code,
      name: text,
      depth,
      score: published.get(code),
    });
    for (const dimension of framework.dimensions) {
      choices.push(choice(dimension.code, name(dimension.name), 0));
      for (const subdimension of dimension.subdimensions)
        choices.push(choice(subdimension.code, name(subdimension.name), 1));
    }
  }
  return choices;
}
