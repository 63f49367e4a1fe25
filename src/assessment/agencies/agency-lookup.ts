// An agency named in a path, as the edit page and the API read it: the agency
// of the request's workspace, or a 404.
import type { FastifyRequest } from 'fastify';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { workspaceOf } from '../../platform/http/request-workspace.ts';
import { findAgency } from './agency-store.ts';

export async function requireAgency(request: FastifyRequest, database: Database, agencyId: string) {
  const agency = await findAgency(database.db, workspaceOf(request).id, agencyId);
  if (!agency) throw new AppError('not_found', `There is no agency ${agencyId}`);
  return agency;
}
