// The workspace's targets and its decisions on recommendations, read and
// written with their audit entries.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit-store.ts';
import type { ChangedBy } from '../../../platform/audit/changed-by.ts';
import type { Schema } from '../../../platform/db/schema.ts';
import type { SetTarget } from './targets.ts';

export async function listTargets(
  db: Kysely<Schema>,
  workspaceId: string,
  frameworkKey: string,
): Promise<SetTarget[]> {
  const rows = await db
    .selectFrom('targets')
    .select(['node_code', 'level_key', 'due_on'])
    .where('workspace_id', '=', workspaceId)
    .where('framework_key', '=', frameworkKey)
    .execute();
  return rows.map((row) => ({
    nodeCode: row.node_code,
    levelKey: row.level_key,
    dueOn: row.due_on,
  }));
}

/**
 * Sets targets, or takes them away (`levelKey` null) so the default applies
 * again: all in one transaction, each change audited, an unchanged one skipped.
 */
export async function saveTargets(
  db: Kysely<Schema>,
  frameworkKey: string,
  targets: readonly { nodeCode: string; levelKey: string | null; dueOn: string | null }[],
  by: ChangedBy,
): Promise<number> {
  const userId = 'userId' in by.actor ? by.actor.userId : null;
  return db.transaction().execute(async (tx) => {
    const rows = await tx
      .selectFrom('targets')
      .select(['node_code', 'level_key', 'due_on'])
      .where('workspace_id', '=', by.workspaceId)
      .where('framework_key', '=', frameworkKey)
      .execute();
    const before = new Map(rows.map((row) => [row.node_code, row]));
    let changed = 0;
    for (const target of targets) {
      const was = before.get(target.nodeCode);
      if ((was?.level_key ?? null) === target.levelKey && (was?.due_on ?? null) === target.dueOn)
        continue;
      const key = {
        workspace_id: by.workspaceId,
        framework_key: frameworkKey,
        node_code: target.nodeCode,
      };
      if (target.levelKey === null) {
        await tx
          .deleteFrom('targets')
          .where('workspace_id', '=', key.workspace_id)
          .where('framework_key', '=', key.framework_key)
          .where('node_code', '=', key.node_code)
          .execute();
      } else {
        const values = { level_key: target.levelKey, due_on: target.dueOn, updated_by: userId };
        await tx
          .insertInto('targets')
          .values({ ...key, ...values })
          .onConflict((conflict) =>
            conflict
              .columns(['workspace_id', 'framework_key', 'node_code'])
              .doUpdateSet({ ...values, updated_at: new Date() }),
          )
          .execute();
      }
      await recordAudit(tx, {
        workspaceId: by.workspaceId,
        actor: by.actor,
        action: target.levelKey === null ? 'target.cleared' : 'target.set',
        entityType: 'target',
        entityId: `${frameworkKey}/${target.nodeCode}`,
        details: {
          framework: frameworkKey,
          code: target.nodeCode,
          level: target.levelKey,
          dueOn: target.dueOn,
          was: was?.level_key ?? null,
        },
      });
      changed++;
    }
    return changed;
  });
}

export type DecisionStatus = 'accepted' | 'set_aside';
export const DECISION_STATUSES = ['accepted', 'set_aside'] as const satisfies DecisionStatus[];
/** The longest note a decision keeps (migration 014 holds it to the same). */
export const DECISION_NOTE_MAX = 2000;

export interface RecommendationDecision {
  recommendationCode: string;
  subdimensionCode: string;
  status: DecisionStatus;
  note: string;
  decidedAt: Date;
}

/** The decisions on a round's recommendations for the whole of government (agency null) or one agency. */
export async function listDecisions(
  db: Kysely<Schema>,
  roundId: string,
  agencyId: string | null,
): Promise<Map<string, RecommendationDecision>> {
  let query = db
    .selectFrom('recommendation_decisions')
    .select(['recommendation_code', 'subdimension_code', 'status', 'note', 'decided_at'])
    .where('round_id', '=', roundId);
  query =
    agencyId === null
      ? query.where('agency_id', 'is', null)
      : query.where('agency_id', '=', agencyId);
  const rows = await query.execute();
  return new Map(
    rows.map((row) => [
      row.recommendation_code,
      {
        recommendationCode: row.recommendation_code,
        subdimensionCode: row.subdimension_code,
        status: row.status,
        note: row.note,
        decidedAt: row.decided_at,
      },
    ]),
  );
}

/** Accepts or sets aside a recommendation, or reopens it (`status` null). */
export async function decideRecommendation(
  db: Kysely<Schema>,
  decision: {
    roundId: string;
    agencyId: string | null;
    recommendationCode: string;
    subdimensionCode: string;
    status: DecisionStatus | null;
    note: string;
  },
  by: ChangedBy,
): Promise<void> {
  const userId = 'userId' in by.actor ? by.actor.userId : null;
  await db.transaction().execute(async (tx) => {
    // Replacing the row keeps one decision per recommendation and scope, and its time the latest.
    const removed = tx
      .deleteFrom('recommendation_decisions')
      .where('round_id', '=', decision.roundId)
      .where('recommendation_code', '=', decision.recommendationCode);
    await (decision.agencyId === null
      ? removed.where('agency_id', 'is', null)
      : removed.where('agency_id', '=', decision.agencyId)
    ).execute();
    if (decision.status !== null) {
      await tx
        .insertInto('recommendation_decisions')
        .values({
          round_id: decision.roundId,
          agency_id: decision.agencyId,
          recommendation_code: decision.recommendationCode,
          subdimension_code: decision.subdimensionCode,
          status: decision.status,
          note: decision.note,
          decided_by: userId,
        })
        .execute();
    }
    await recordAudit(tx, {
      workspaceId: by.workspaceId,
      actor: by.actor,
      action: `recommendation.${decision.status ?? 'reopened'}`,
      entityType: 'recommendation',
      entityId: decision.recommendationCode,
      details: {
        code: decision.recommendationCode,
        round: decision.roundId,
        agency: decision.agencyId,
        note: decision.note || undefined,
      },
    });
  });
}
