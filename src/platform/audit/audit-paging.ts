// The audit log a page at a time, newest first, as the log page and the API
// read it: the query that asks for a page, and the page with where the next
// one starts.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { workspaceOf } from '../http/request-workspace.ts';
import { listAudit } from './audit-store.ts';

export const PAGE_SIZE = 50;

export const pageQuery = z.object({
  before: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('Only entries older than this id (from `next`)'),
  limit: z.coerce.number().int().min(1).max(500).default(PAGE_SIZE),
});

/** One page of entries, and the id to ask `before` for the next one, if there is more. */
export async function auditPage(
  request: FastifyRequest,
  database: Database,
  before: number | undefined,
  limit: number,
) {
  const workspace = workspaceOf(request);
  // One extra entry says whether an older page exists.
  const entries = await listAudit(database.db, workspace.id, {
    limit: limit + 1,
    ...(before !== undefined ? { before } : {}),
  });
  const page = entries.slice(0, limit);
  const next = entries.length > limit ? page.at(-1)?.id : undefined;
  return { page, next };
}
