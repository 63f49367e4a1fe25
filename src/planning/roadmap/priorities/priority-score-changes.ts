// A member scoring an initiative: their sheet checked against the workspace's
// criteria and written, replacing their own earlier sheet only, with its
// audit entry in one transaction, for pages and API alike.
import type { Kysely } from 'kysely';
import type { ChangedBy } from '../../../platform/audit/changed-by.ts';
import type { Schema } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { audit } from '../initiative-changes.ts';
import type { Initiative } from '../initiative-store.ts';
import { checkScoreSheet, type RawScores, type ScoreProblem } from './priority-score-rules.ts';
import { lockInitiative, replaceScoreSheet } from './priority-score-store.ts';
import { listCriteria } from './priority-settings-store.ts';

export type ScoreOutcome = { ok: true } | { ok: false; problems: ScoreProblem[] };

export function saveScoreSheet(
  db: Kysely<Schema>,
  initiative: Pick<Initiative, 'id' | 'planId' | 'title'>,
  scores: RawScores,
  by: ChangedBy,
): Promise<ScoreOutcome> {
  if (!('userId' in by.actor))
    throw new AppError('forbidden', 'Only a member scores an initiative: the scores are theirs');
  const userId = by.actor.userId;
  return db.transaction().execute(async (tx) => {
    if (!(await lockInitiative(tx, initiative.id)))
      throw new AppError('not_found', 'There is no such initiative in this plan');
    const { sheet, problems } = checkScoreSheet(scores, await listCriteria(tx, by.workspaceId));
    if (!sheet) return { ok: false, problems };
    await replaceScoreSheet(tx, initiative.id, userId, sheet);
    await audit(tx, by, 'initiative.scored', initiative.id, {
      planId: initiative.planId,
      title: initiative.title,
      criteria: sheet.size,
    });
    return { ok: true };
  });
}
