// The agencies as JSON: listing and reading them; adding and changing one
// through saveAgency, as the form pages do, so a rule is stated once and
// answered the same way; importing a CSV file, all of it or nothing.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { changedBy } from '../../platform/audit/changed-by.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { errorBodySchema } from '../../platform/http/errors.ts';
import type { App, FeatureDeps, RouteReply, RouteRequest } from '../../platform/http/feature.ts';
import { workspaceOf } from '../../platform/http/request-workspace.ts';
import { messagesFor } from '../../platform/i18n/messages.ts';
import { type AgencyInput, importAgencies, saveAgency } from './agency-changes.ts';
import { apiFields } from './agency-form-views.tsx';
import { importProblemText } from './agency-import-views.tsx';
import { requireAgency } from './agency-lookup.ts';
import type { AgencyProblem } from './agency-rules.ts';
import { agencyFilterSchema, agencyLevels, agencySchema } from './agency-schema.ts';
import { listAgencies } from './agency-store.ts';

const idParams = z.object({ id: z.uuid() });

const agencyInputSchema = z.object({
  name: z.string().max(10_000).describe('Unique in the workspace, whatever its case'),
  acronym: z.string().max(10_000).nullable().optional(),
  level: z.enum(agencyLevels),
  sector: z
    .string()
    .max(10_000)
    .describe('A sector key such as "health"; "Social protection" becomes "social-protection"'),
  parentId: z
    .uuid()
    .nullable()
    .optional()
    .describe('Neither the agency itself nor one of its sub-agencies'),
  focalPointEmail: z.string().max(10_000).nullable().optional(),
});

const importedSchema = z
  .object({
    imported: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        row: z.number().int().describe('The row of the file'),
      }),
    ),
  })
  .meta({ id: 'AgencyImport' });

const english = messagesFor('en');

function refuse(problems: AgencyProblem[]): never {
  const fields = apiFields(english, problems);
  if (problems.every((problem) => problem.rule === 'nameTaken' || problem.rule === 'acronymTaken'))
    throw new AppError('conflict', fields[0]?.message ?? 'The name is taken', fields);
  throw new AppError(
    'invalid_request',
    english.t('agencies.error.notSaved', { count: problems.length }),
    fields,
  );
}

/** Adds or changes an agency as saveAgency does for the form, answering with it or the API's error. */
async function saveFromApi(
  database: Database,
  request: FastifyRequest,
  input: AgencyInput,
  agencyId?: string,
) {
  const outcome = await saveAgency(database.db, input, changedBy(request), agencyId);
  if (!outcome.ok) refuse(outcome.problems);
  return requireAgency(request, database, outcome.id);
}

const getAgenciesSchema = {
  tags: ['agencies'],
  summary: 'List the agencies of the workspace',
  querystring: agencyFilterSchema,
  response: { 200: z.object({ agencies: z.array(agencySchema) }) },
};

function getAgencies({ database }: FeatureDeps) {
  return async (request: RouteRequest<typeof getAgenciesSchema>) => {
    const workspace = workspaceOf(request);
    return { agencies: await listAgencies(database.db, workspace.id, request.query) };
  };
}

const getAgencySchema = {
  tags: ['agencies'],
  summary: 'One agency',
  params: idParams,
  response: { 200: agencySchema, 404: errorBodySchema },
};

function getAgency({ database }: FeatureDeps) {
  return (request: RouteRequest<typeof getAgencySchema>) =>
    requireAgency(request, database, request.params.id);
}

const postAgencySchema = {
  tags: ['agencies'],
  summary: 'Add an agency',
  body: agencyInputSchema,
  response: { 201: agencySchema, 400: errorBodySchema, 409: errorBodySchema },
};

function postAgency({ database }: FeatureDeps) {
  return async (
    request: RouteRequest<typeof postAgencySchema>,
    reply: RouteReply<typeof postAgencySchema>,
  ) => reply.status(201).send(await saveFromApi(database, request, request.body));
}

const putAgencySchema = {
  tags: ['agencies'],
  summary: 'Change an agency (every field is replaced)',
  params: idParams,
  body: agencyInputSchema,
  response: {
    200: agencySchema,
    400: errorBodySchema,
    404: errorBodySchema,
    409: errorBodySchema,
  },
};

function putAgency({ database }: FeatureDeps) {
  return (request: RouteRequest<typeof putAgencySchema>) =>
    saveFromApi(database, request, request.body, request.params.id);
}

const postAgencyImportSchema = {
  tags: ['agencies'],
  summary: 'Import agencies from a CSV file',
  description:
    'The body is the CSV file (content type text/csv, UTF-8) with the header `name,acronym,level,sector,parent,focal point email`; `parent` names an agency by name or acronym, in the file or already stored. Every problem is reported with its row (the header is row 1), and nothing is imported unless every row is right.',
  body: z.string().describe('The CSV file'),
  response: { 201: importedSchema, 400: errorBodySchema },
};

function postAgencyImport({ database }: FeatureDeps) {
  return async (
    request: RouteRequest<typeof postAgencyImportSchema>,
    reply: RouteReply<typeof postAgencyImportSchema>,
  ) => {
    const outcome = await importAgencies(database.db, request.body, changedBy(request));
    if (outcome.ok) return reply.status(201).send({ imported: outcome.imported });
    const count = outcome.problems.length;
    throw new AppError(
      'invalid_request',
      `The CSV has ${count} ${count === 1 ? 'problem' : 'problems'}; nothing was imported`,
      outcome.problems.map((problem) => ({
        path: `row ${problem.row}${problem.column ? `.${problem.column}` : ''}`,
        message: importProblemText(english, problem),
      })),
    );
  };
}

export async function agencyApi(app: App, deps: FeatureDeps) {
  // The import takes the file itself as the body.
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );
  app.get(
    '/api/agencies',
    { schema: getAgenciesSchema, config: { access: 'workspace.read' } },
    getAgencies(deps),
  );
  app.get(
    '/api/agencies/:id',
    { schema: getAgencySchema, config: { access: 'workspace.read' } },
    getAgency(deps),
  );
  app.post(
    '/api/agencies',
    { schema: postAgencySchema, config: { access: 'agencies.manage' } },
    postAgency(deps),
  );
  app.put(
    '/api/agencies/:id',
    { schema: putAgencySchema, config: { access: 'agencies.manage' } },
    putAgency(deps),
  );
  app.post(
    '/api/agencies/import',
    { schema: postAgencyImportSchema, config: { access: 'agencies.manage' } },
    postAgencyImport(deps),
  );
}
