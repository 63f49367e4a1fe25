// Opens the workshop of a round for a request: the round and its framework,
// the agencies of its scope, and the scope asked for (an agency of the round,
// or the whole of government) with whose answers its statistics are drawn from.
import type { Kysely } from 'kysely';
import { type Member, memberCoversAgency } from '../../platform/accounts/access.ts';
import type { Schema } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { requireWorkspace, type Workspace } from '../../platform/workspaces/workspace-store.ts';
import type { Framework } from '../frameworks/index.ts';
import { loadFramework } from '../frameworks/index.ts';
import { roundDisclosure } from '../results/index.ts';
import { findRound, type RoundSummary } from '../rounds/index.ts';
import type { AnswerCount } from './item-statistics.ts';
import { workshopStatistics } from './workshop-scope.ts';
import { answerCountsByItem, type WorkshopAgency, workshopAgencies } from './workshop-store.ts';

export interface OpenWorkshop {
  workspace: Workspace;
  round: RoundSummary;
  framework: Framework;
  agencies: WorkshopAgency[];
  /** The agency chosen; undefined: the whole of government. */
  agency: WorkshopAgency | undefined;
  /** Whose answers the statistics show: the agency's, or the whole of government's when it is hidden. */
  statisticsFrom: 'agency' | 'whole_of_government';
  /** The agency whose answers are counted; null: every agency. */
  statisticsAgencyId: string | null;
  /** Items whose statistics small-number protection withholds. */
  withheldItems: ReadonlySet<string>;
  /** The results' small-number threshold. */
  threshold: number;
}

/** `agencyField` names the request field that chose the agency, for the error when it is not in scope. */
export async function openWorkshop(
  db: Kysely<Schema>,
  options: {
    roundId: string;
    agencyId: string | undefined;
    agencyField: string;
    member: Member | undefined;
    /** The results' small-number threshold: the workshop shows what results may show. */
    threshold: number;
  },
): Promise<OpenWorkshop> {
  const workspace = await requireWorkspace(db);
  const round = await findRound(db, workspace.id, options.roundId);
  if (!round) throw new AppError('not_found', `There is no round ${options.roundId}`);
  const framework = await loadFramework(db, round.frameworkId);
  // Focal points see only their own agencies, here as everywhere.
  const agencies = (await workshopAgencies(db, round.id)).filter(
    (candidate) => !options.member || memberCoversAgency(options.member, candidate.agencyId),
  );
  let agency: WorkshopAgency | undefined;
  if (options.agencyId !== undefined) {
    agency = agencies.find((candidate) => candidate.agencyId === options.agencyId);
    if (!agency)
      throw new AppError('invalid_request', 'The agency is not in the scope of this round', [
        { path: options.agencyField, message: 'is not an agency of this round' },
      ]);
  }
  const statistics = workshopStatistics({
    agencyId: agency?.agencyId ?? null,
    disclosure: await roundDisclosure(db, {
      workspace,
      roundId: round.id,
      threshold: options.threshold,
    }),
    itemCodes: framework.dimensions.flatMap((dimension) =>
      dimension.subdimensions.flatMap((subdimension) =>
        subdimension.items.map((item) => item.code),
      ),
    ),
  });
  const statisticsFrom = statistics.from;
  return {
    workspace,
    round,
    framework,
    agencies,
    agency,
    statisticsFrom,
    statisticsAgencyId: statisticsFrom === 'agency' ? (agency?.agencyId ?? null) : null,
    withheldItems: statistics.withheldItems,
    threshold: options.threshold,
  };
}

/** The answer counts the workshop's statistics are drawn from, without the items protection withholds. */
export async function workshopAnswerCounts(
  db: Kysely<Schema>,
  workshop: OpenWorkshop,
  itemCodes?: readonly string[],
): Promise<Map<string, AnswerCount[]>> {
  const counts = await answerCountsByItem(db, {
    roundId: workshop.round.id,
    agencyId: workshop.statisticsAgencyId,
    ...(itemCodes ? { itemCodes } : {}),
  });
  for (const itemCode of workshop.withheldItems) counts.delete(itemCode);
  return counts;
}
