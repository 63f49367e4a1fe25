// The agencies as JSON: listing and reading them; adding and changing one
// through saveAgency, as the form pages do, so a rule is stated once and
// answered the same way; importing a CSV file, all of it or nothing.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { changedBy } from '../../platform/audit/changed-by.ts';
import { AppError } from '../../platform/errors.ts';
import { errorBodySchema } from '../../platform/http/errors.ts';
import type { App, FeatureDeps } from '../../platform/http/feature.ts';
import { workspaceOf } from '../../platform/http/request-workspace.ts';
import { messagesFor } from '../../platform/i18n/messages.ts';
import { type AgencyInput, importAgencies, saveAgency } from './agency-changes.ts';
import { apiFields } from './agency-form-views.tsx';
import { importProblemText } from './agency-import-views.tsx';
import type { AgencyProblem } from './agency-rules.ts';
import { agencyFilterSchema, agencyLevels, agencySchema } from './agency-schema.ts';
import { findAgency, listAgencies } from './agency-store.ts';

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

export async function agencyApi(app: App, { database }: FeatureDeps) {
  // The import takes the file itself as the body.
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );

  app.get(
    '/api/agencies',
    {
      schema: {
        tags: ['agencies'],
        summary: 'List the agencies of the workspace',
        querystring: agencyFilterSchema,
        response: { 200: z.object({ agencies: z.array(agencySchema) }) },
      },
      config: { access: 'workspace.read' },
    },
    async (request) => {
      const workspace = workspaceOf(request);
      return { agencies: await listAgencies(database.db, workspace.id, request.query) };
    },
  );

  app.get(
    '/api/agencies/:id',
    {
      schema: {
        tags: ['agencies'],
        summary: 'One agency',
        params: idParams,
        response: { 200: agencySchema, 404: errorBodySchema },
      },
      config: { access: 'workspace.read' },
    },
    async (request) => {
      const workspace = workspaceOf(request);
      const agency = await findAgency(database.db, workspace.id, request.params.id);
      if (!agency) throw new AppError('not_found', `There is no agency ${request.params.id}`);
      return agency;
    },
  );

  async function saveFromApi(request: FastifyRequest, input: AgencyInput, agencyId?: string) {
    const by = changedBy(request);
    const outcome = await saveAgency(database.db, input, by, agencyId);
    if (!outcome.ok) refuse(outcome.problems);
    const agency = await findAgency(database.db, by.workspaceId, outcome.id);
    if (!agency) throw new AppError('not_found', `There is no agency ${outcome.id}`);
    return agency;
  }

  app.post(
    '/api/agencies',
    {
      schema: {
        tags: ['agencies'],
        summary: 'Add an agency',
        body: agencyInputSchema,
        response: { 201: agencySchema, 400: errorBodySchema, 409: errorBodySchema },
      },
      config: { access: 'agencies.manage' },
    },
    async (request, reply) => reply.status(201).send(await saveFromApi(request, request.body)),
  );

  app.put(
    '/api/agencies/:id',
    {
      schema: {
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
      },
      config: { access: 'agencies.manage' },
    },
    async (request) => saveFromApi(request, request.body, request.params.id),
  );

  app.post(
    '/api/agencies/import',
    {
      schema: {
        tags: ['agencies'],
        summary: 'Import agencies from a CSV file',
        description:
          'The body is the CSV file (content type text/csv, UTF-8) with the header `name,acronym,level,sector,parent,focal point email`; `parent` names an agency by name or acronym, in the file or already stored. Every problem is reported with its row (the header is row 1), and nothing is imported unless every row is right.',
        body: z.string().describe('The CSV file'),
        response: { 201: importedSchema, 400: errorBodySchema },
      },
      config: { access: 'agencies.manage' },
    },
    async (request, reply) => {
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
    },
  );
}
