// The workspace a request is about, found once before any hook or handler
// runs: routes and the page frame read it from the request.
import type { FastifyRequest } from 'fastify';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { currentWorkspace, type Workspace } from '../workspaces/workspace-store.ts';
import type { App } from './feature.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The installation's workspace; none before set-up. */
    workspace: Workspace | undefined;
  }
}

export function resolveWorkspace(app: App, database: Database) {
  app.decorateRequest('workspace', undefined);
  app.addHook('onRequest', async (request) => {
    request.workspace = await currentWorkspace(database.db);
  });
}

/** The request's workspace, for a route that needs one: 404 before set-up. */
export function workspaceOf(request: FastifyRequest): Workspace {
  if (!request.workspace) throw new AppError('not_found', 'This installation has no workspace yet');
  return request.workspace;
}
