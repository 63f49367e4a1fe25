// The framework library as JSON: the stored framework versions, the export of
// one as the file that was imported, and the import of a file.
import { z } from 'zod';
import { changedBy } from '../../platform/audit/changed-by.ts';
import { errorBodySchema } from '../../platform/http/errors.ts';
import type { App, FeatureDeps, RouteReply, RouteRequest } from '../../platform/http/feature.ts';
import { countItems, countSubdimensions, localized } from './framework.ts';
import { frameworkKey, frameworkVersion, requireFramework } from './framework-lookup.ts';
import { type Framework, frameworkSchema } from './framework-schema.ts';
import { listFrameworks, type StoredFramework } from './framework-store.ts';
import { importFramework } from './import-framework.ts';

const frameworkSummarySchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    version: z.string(),
    name: z.string(),
    dimensions: z.number().int(),
    subdimensions: z.number().int(),
    items: z.number().int(),
    importedAt: z.iso.datetime(),
  })
  .meta({ id: 'FrameworkSummary' });

function summarise(stored: StoredFramework): z.infer<typeof frameworkSummarySchema> {
  const { framework } = stored;
  return {
    id: stored.id,
    key: stored.key,
    version: stored.version,
    name: localized(framework.name, framework.defaultLanguage, framework.defaultLanguage),
    dimensions: framework.dimensions.length,
    subdimensions: countSubdimensions(framework),
    items: countItems(framework),
    importedAt: stored.importedAt.toISOString(),
  };
}

// The file as imported is returned unchanged; the schema documents its shape.
const frameworkDocumentSchema = frameworkSchema.meta({ id: 'Framework' });

const getFrameworksSchema = {
  tags: ['frameworks'],
  summary: 'List every stored framework version',
  response: { 200: z.object({ frameworks: z.array(frameworkSummarySchema) }) },
};

function getFrameworks({ database }: FeatureDeps) {
  return async () => ({ frameworks: (await listFrameworks(database.db)).map(summarise) });
}

const getLatestFrameworkSchema = {
  tags: ['frameworks'],
  summary: 'Export the latest version of a framework, as the file that was imported',
  params: z.object({ key: frameworkKey }),
  response: { 200: frameworkDocumentSchema, 404: errorBodySchema },
};

function getLatestFramework({ database }: FeatureDeps) {
  return async (
    request: RouteRequest<typeof getLatestFrameworkSchema>,
    reply: RouteReply<typeof getLatestFrameworkSchema>,
  ) => {
    const stored = await requireFramework(database, request.params.key);
    return reply.serializer(JSON.stringify).send(stored.document as Framework);
  };
}

const getFrameworkVersionSchema = {
  tags: ['frameworks'],
  summary: 'Export one version of a framework, as the file that was imported',
  params: z.object({ key: frameworkKey, version: frameworkVersion }),
  response: { 200: frameworkDocumentSchema, 404: errorBodySchema },
};

function getFrameworkVersion({ database }: FeatureDeps) {
  return async (
    request: RouteRequest<typeof getFrameworkVersionSchema>,
    reply: RouteReply<typeof getFrameworkVersionSchema>,
  ) => {
    const stored = await requireFramework(database, request.params.key, request.params.version);
    return reply.serializer(JSON.stringify).send(stored.document as Framework);
  };
}

const postFrameworkSchema = {
  tags: ['frameworks'],
  summary: 'Import a framework file',
  description:
    'Validates the whole file and reports every problem with its path (422); stores nothing unless the file is valid. Importing an identical version again answers 200; a different file under an existing version answers 409.',
  body: frameworkDocumentSchema,
  response: {
    200: frameworkSummarySchema,
    201: frameworkSummarySchema,
    409: errorBodySchema,
    422: errorBodySchema,
  },
};

function postFramework({ database }: FeatureDeps) {
  return async (
    request: RouteRequest<typeof postFrameworkSchema>,
    reply: RouteReply<typeof postFrameworkSchema>,
  ) => {
    const { stored, outcome } = await importFramework(
      database.db,
      request.body,
      changedBy(request),
    );
    return reply.status(outcome === 'created' ? 201 : 200).send(summarise(stored));
  };
}

export async function frameworkApi(app: App, deps: FeatureDeps) {
  app.get(
    '/api/frameworks',
    { schema: getFrameworksSchema, config: { access: 'public' } },
    getFrameworks(deps),
  );
  app.get(
    '/api/frameworks/:key',
    { schema: getLatestFrameworkSchema, config: { access: 'public' } },
    getLatestFramework(deps),
  );
  app.get(
    '/api/frameworks/:key/versions/:version',
    { schema: getFrameworkVersionSchema, config: { access: 'public' } },
    getFrameworkVersion(deps),
  );
  app.post(
    '/api/frameworks',
    {
      schema: postFrameworkSchema,
      // The body is validated by importFramework, which reports every problem
      // at once (including cross-references the schema alone cannot see) and
      // stores the file exactly as sent.
      validatorCompiler: () => (body) => ({ value: body }),
      config: { access: 'rounds.manage' },
    },
    postFramework(deps),
  );
}
