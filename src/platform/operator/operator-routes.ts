// Requests from the command line on the server's own machine: a consistent
// backup of the embedded database while the server keeps running, and the
// framework import and export, since only the server may open its data folder.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { findFramework } from '../../assessment/frameworks/framework-store.ts';
import { importFramework } from '../../assessment/frameworks/import-framework.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { App } from '../http/app.ts';
import { currentWorkspace } from '../workspaces/workspace-store.ts';

export const OPERATOR_HEADER = 'x-transforma-operator';

function sameSecret(sent: unknown, secret: string): boolean {
  if (typeof sent !== 'string' || sent.length !== secret.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(secret));
}

export async function operatorRoutes(
  app: App,
  database: Database,
  operatorSecret: string | undefined,
) {
  // Without the secret these routes do not exist, as far as anyone can tell.
  const requireOperator = (request: FastifyRequest) => {
    if (!operatorSecret || !sameSecret(request.headers[OPERATOR_HEADER], operatorSecret))
      throw new AppError('not_found', 'Not found');
  };

  app.post(
    '/internal/backup',
    { schema: { hide: true }, config: { access: 'operator' } },
    async (request, reply) => {
      requireOperator(request);
      if (!database.snapshot) throw new AppError('not_found', 'Not found');
      const snapshot = Buffer.from(await (await database.snapshot()).arrayBuffer());
      return reply.header('content-type', 'application/gzip').send(snapshot);
    },
  );

  app.post(
    '/internal/frameworks',
    {
      schema: { hide: true, body: z.unknown() },
      config: { access: 'operator' },
      // A framework file as `transforma import framework` reads it: the reference ones are under 100 KB.
      bodyLimit: 10 * 1024 * 1024,
    },
    async (request) => {
      requireOperator(request);
      const workspace = await currentWorkspace(database.db);
      const { stored, outcome } = await importFramework(database.db, request.body, {
        workspaceId: workspace?.id ?? null,
        actor: { system: 'command line' },
      });
      return { key: stored.key, version: stored.version, outcome };
    },
  );

  app.get(
    '/internal/frameworks/:key',
    {
      schema: {
        hide: true,
        params: z.object({ key: z.string().max(200) }),
        querystring: z.object({ version: z.string().max(100).optional() }),
      },
      config: { access: 'operator' },
    },
    async (request) => {
      requireOperator(request);
      const { key } = request.params;
      const { version } = request.query;
      const stored = await findFramework(database.db, key, version);
      if (!stored)
        throw new AppError(
          'not_found',
          `There is no framework "${key}"${version ? ` version ${version}` : ''}`,
        );
      return stored.document;
    },
  );
}
