// The framework library as JSON: the stored framework versions, the export of
// one as the file that was imported or as an XLSForm workbook, and the import
// of a file or of an XLSForm workbook.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { changedBy } from '../../platform/audit/changed-by.ts';
import { AppError } from '../../platform/errors.ts';
import { errorBodySchema } from '../../platform/http/errors.ts';
import type { App, FeatureDeps, RouteReply, RouteRequest } from '../../platform/http/feature.ts';
import { messagesFor } from '../../platform/i18n/messages.ts';
import { countItems, countSubdimensions, localized } from './framework.ts';
import { frameworkKey, frameworkVersion, requireFramework } from './framework-lookup.ts';
import { type Framework, frameworkSchema } from './framework-schema.ts';
import { listFrameworks, type StoredFramework } from './framework-store.ts';
import { importFramework } from './import-framework.ts';
import { xlsformFieldProblem } from './xlsform/problems.ts';
import { readUploadedXlsform, XLSX_CONTENT_TYPE, xlsxOfFramework } from './xlsform/xlsx-file.ts';

// Problems are read by the workbook's author with their places, in English like the format's names.
const english = messagesFor('en');

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

const xlsformExport =
  'An XLSForm workbook (survey, choices and settings sheets) that KoboToolbox and ODK can field, with maturity levels and stage descriptors on sheets of its own; guidance and recommendations are not in it. Importing it back gives the same framework.';

const getLatestXlsformSchema = {
  tags: ['frameworks'],
  summary: 'Export the latest version of a framework as an XLSForm workbook',
  description: xlsformExport,
  produces: [XLSX_CONTENT_TYPE],
  params: z.object({ key: frameworkKey }),
  response: { 404: errorBodySchema },
};

const getXlsformVersionSchema = {
  tags: ['frameworks'],
  summary: 'Export one version of a framework as an XLSForm workbook',
  description: xlsformExport,
  produces: [XLSX_CONTENT_TYPE],
  params: z.object({ key: frameworkKey, version: frameworkVersion }),
  response: { 404: errorBodySchema },
};

async function sendXlsform(reply: FastifyReply, stored: StoredFramework) {
  return reply
    .header('content-type', XLSX_CONTENT_TYPE)
    .header('content-disposition', `attachment; filename="${stored.key}-${stored.version}.xlsx"`)
    .send(await xlsxOfFramework(stored.framework));
}

function getXlsform({ database }: FeatureDeps) {
  return async (
    request: RouteRequest<typeof getXlsformVersionSchema | typeof getLatestXlsformSchema>,
    reply: FastifyReply,
  ) => {
    const { key } = request.params;
    const version = 'version' in request.params ? request.params.version : undefined;
    return sendXlsform(reply, await requireFramework(database, key, version));
  };
}

const postXlsformSchema = {
  tags: ['frameworks'],
  summary: 'Import a framework from an XLSForm workbook',
  description: `The body is the workbook itself (content type ${XLSX_CONTENT_TYPE}): survey, choices and settings sheets as KoboToolbox and ODK use them, and optionally Transforma's maturity_levels, stage_descriptors and framework sheets. Every problem is reported at once (422), each with its place as "Sheet survey, row 7, column C (label::English (en))" (the header is row 1); a file that is not an .xlsx workbook answers 400. Nothing is stored unless the whole workbook is right; as for a framework file, the same version again answers 200 and a different one under a stored version 409.`,
  consumes: [XLSX_CONTENT_TYPE],
  body: z.string().meta({ format: 'binary' }).describe('The .xlsx workbook'),
  response: {
    200: frameworkSummarySchema,
    201: frameworkSummarySchema,
    400: errorBodySchema,
    409: errorBodySchema,
    422: errorBodySchema,
  },
};

function postXlsform({ database }: FeatureDeps) {
  return async (request: RouteRequest<typeof postXlsformSchema>, reply: FastifyReply) => {
    const body: unknown = request.body;
    const converted = await readUploadedXlsform(Buffer.isBuffer(body) ? body : Buffer.alloc(0));
    if (!converted.ok) {
      const count = converted.problems.length;
      const unreadable = converted.problems.every((problem) => !problem.place);
      throw new AppError(
        unreadable ? 'invalid_request' : 'invalid_framework',
        unreadable
          ? 'The body is not an .xlsx workbook; nothing was imported'
          : `The workbook has ${count} ${count === 1 ? 'problem' : 'problems'}; nothing was imported`,
        converted.problems.map((problem) => xlsformFieldProblem(english, problem)),
      );
    }
    const { stored, outcome } = await importFramework(
      database.db,
      converted.document,
      changedBy(request),
    );
    return reply.status(outcome === 'created' ? 201 : 200).send(summarise(stored));
  };
}

export async function frameworkApi(app: App, deps: FeatureDeps) {
  // The XLSForm import takes the workbook itself as the body.
  app.addContentTypeParser(XLSX_CONTENT_TYPE, { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );
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
  app.post(
    '/api/frameworks/xlsform',
    {
      schema: postXlsformSchema,
      // The body is the workbook's bytes, read by readUploadedXlsform.
      validatorCompiler: () => (body) => ({ value: body }),
      config: { access: 'rounds.manage' },
    },
    postXlsform(deps),
  );
  app.get(
    '/api/frameworks/:key/xlsform',
    { schema: getLatestXlsformSchema, config: { access: 'public' } },
    getXlsform(deps),
  );
  app.get(
    '/api/frameworks/:key/versions/:version/xlsform',
    { schema: getXlsformVersionSchema, config: { access: 'public' } },
    getXlsform(deps),
  );
}
