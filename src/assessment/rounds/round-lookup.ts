// A round named in a path, as the overview page and the API read it: the
// round of the request's workspace with its progress per agency, or a 404.
import type { FastifyRequest } from 'fastify';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { workspaceOf } from '../../platform/http/request-workspace.ts';
import { totalProgress } from './round-progress.ts';
import { findRound, roundProgress } from './round-store.ts';

/** Loads a round with its progress per agency, or answers 404. */
export async function loadOverview(request: FastifyRequest, database: Database, roundId: string) {
  const workspace = workspaceOf(request);
  const round = await findRound(database.db, workspace.id, roundId);
  if (!round) throw new AppError('not_found', `There is no round ${roundId}`);
  const agencies = await roundProgress(database.db, round.id);
  return { round, agencies, totals: totalProgress(agencies) };
}
