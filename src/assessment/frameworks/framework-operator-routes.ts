// The framework import and export of the command line (`transforma import
// framework`, `export framework`), which go through the running server since
// only it may open its data folder.
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { App, FeatureDeps } from '../../platform/http/feature.ts';
import { operatorCheck } from '../../platform/operator/operator-routes.ts';
import { findFramework } from './framework-store.ts';
import { importFramework } from './import-framework.ts';

export async function frameworkOperatorRoutes(app: App, { database, operatorSecret }: FeatureDeps) {
  const requireOperator = operatorCheck(operatorSecret);

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
      const workspace = request.workspace;
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
