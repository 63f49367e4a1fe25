// A round named in a path, as the pages and the API read it: the round of the
// request's workspace, alone or with its progress per agency, or a 404.
import type { FastifyRequest } from 'fastify';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { workspaceOf } from '../../platform/http/request-workspace.ts';
import { totalProgress } from './round-progress.ts';
import { findRound, roundProgress } from './round-store.ts';

/** Loads a round of the request's workspace, or answers 404. */
export async function requireRound(request: FastifyRequest, database: Database, roundId: string) {
  const round = await findRound(database.db, workspaceOf(request).id, roundId);
  if (!round) throw new AppError('not_found', `There is no round ${roundId}`);
  return round;
}

/** Loads a round with its progress per agency, or answers 404. */
export async function loadOverview(request: FastifyRequest, database: Database, roundId: string) {
  const round = await requireRound(request, database, roundId);
  const agencies = await roundProgress(database.db, round.id);
  return { round, agencies, totals: totalProgress(agencies) };
}
