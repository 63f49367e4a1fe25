// What the priorities page, the scoring page, the initiative's page and the
// API load: the workspace's criteria with the members' sheets, turned into
// each initiative's value, feasibility and quadrant, and the plan's ranking.
import type { Kysely } from 'kysely';
import type { Schema } from '../../../platform/db/schema.ts';
import { type Criterion, type Priority, priorityOf, rankByPriority } from './prioritisation.ts';
import { type CriterionMean, criterionMeans } from './priority-score-rules.ts';
import { listInitiativeTitles, listScoreSheets } from './priority-score-store.ts';
import { listCriteria } from './priority-settings-store.ts';

export interface InitiativePriority extends Priority {
  /** Members who scored at least one criterion. */
  scorers: number;
  byCriterion: CriterionMean[];
}

/** One initiative's priority, with the criteria it was scored on, for its page. */
export async function loadPriority(
  db: Kysely<Schema>,
  workspaceId: string,
  initiativeId: string,
): Promise<{ priority: InitiativePriority; criteria: readonly Criterion[] }> {
  const [criteria, sheets] = await Promise.all([
    listCriteria(db, workspaceId),
    listScoreSheets(db, { initiativeId }),
  ]);
  const memberSheets = [...(sheets.get(initiativeId)?.values() ?? [])];
  return {
    priority: {
      ...priorityOf(criteria, memberSheets),
      scorers: memberSheets.length,
      byCriterion: criterionMeans(criteria, memberSheets),
    },
    criteria,
  };
}

export interface RankedInitiative {
  id: string;
  title: string;
  priority: Priority;
  /** Members who scored at least one criterion. */
  scorers: number;
}

/** The plan's initiatives ranked by priority, those not scored on both axes last. */
export async function loadPriorities(
  db: Kysely<Schema>,
  workspaceId: string,
  planId: string,
): Promise<{ ranked: RankedInitiative[]; criteria: readonly Criterion[] }> {
  const [criteria, initiatives, sheets] = await Promise.all([
    listCriteria(db, workspaceId),
    listInitiativeTitles(db, planId),
    listScoreSheets(db, { planId }),
  ]);
  const ranked = rankByPriority(
    initiatives.map((initiative) => {
      const memberSheets = [...(sheets.get(initiative.id)?.values() ?? [])];
      return {
        id: initiative.id,
        title: initiative.title,
        priority: priorityOf(criteria, memberSheets),
        scorers: memberSheets.length,
      };
    }),
  );
  return { ranked, criteria };
}

/** The member's own sheet of one initiative: what the scoring form starts from. */
export async function loadOwnSheet(
  db: Kysely<Schema>,
  initiativeId: string,
  userId: string,
): Promise<ReadonlyMap<string, number>> {
  const sheets = await listScoreSheets(db, { initiativeId });
  return sheets.get(initiativeId)?.get(userId) ?? new Map();
}
