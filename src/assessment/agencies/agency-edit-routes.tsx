// Adding and editing agencies over HTTP: the form pages and the API, both
// through saveAgency, so a rule is stated once and answered the same way.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { changedBy } from '../../platform/audit/changed-by.ts';
import { AppError } from '../../platform/errors.ts';
import { errorBodySchema } from '../../platform/http/errors.ts';
import type { App, FeatureDeps } from '../../platform/http/feature.ts';
import type { FieldErrors } from '../../platform/http/forms.tsx';
import { sendPage } from '../../platform/http/page.tsx';
import { workspaceOf } from '../../platform/http/request-workspace.ts';
import { messagesFor } from '../../platform/i18n/messages.ts';
import { listAgencyRefs } from '../../platform/workspaces/agency-directory.ts';
import { type AgencyInput, saveAgency } from './agency-changes.ts';
import {
  type AgencyFormValues,
  AgencyFormView,
  apiFields,
  formErrors,
} from './agency-form-views.tsx';
import type { AgencyProblem } from './agency-rules.ts';
import { possibleParents } from './agency-rules.ts';
import { agencyLevels, agencySchema } from './agency-schema.ts';
import { findAgency } from './agency-store.ts';

const idParams = z.object({ id: z.uuid() });

// A form posts strings; the rules, not the schema, judge them, so every
// problem, a value too long included, is shown beside its field in the reader's
// language with what was typed (the body limit bounds a form's size).
const formText = z.string().optional();
const agencyForm = z.object({
  name: formText,
  acronym: formText,
  level: formText,
  sector: formText,
  parentId: formText,
  focalPointEmail: formText,
});

export const agencyInputSchema = z.object({
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

export async function agencyEditRoutes(app: App, { database }: FeatureDeps) {
  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { agencyId?: string; values: AgencyFormValues; errors: FieldErrors },
  ) {
    const workspace = workspaceOf(request);
    const agencies = await listAgencyRefs(database.db, workspace.id);
    const parentOf = new Map(agencies.map((agency) => [agency.id, agency.parentId]));
    const { t } = request.messages;
    const heading = options.agencyId ? t('agencies.editTitle') : t('agencies.addTitle');
    return sendPage(request, reply, {
      title: heading,
      body: (
        <AgencyFormView
          messages={request.messages}
          action={options.agencyId ? `/agencies/${options.agencyId}/edit` : '/agencies/new'}
          heading={heading}
          values={options.values}
          errors={options.errors}
          parents={possibleParents(agencies, parentOf, options.agencyId)}
          csrfToken={request.signedIn?.csrfToken}
        />
      ),
    });
  }

  async function submitForm(
    request: FastifyRequest,
    reply: FastifyReply,
    values: AgencyFormValues,
    agencyId?: string,
  ) {
    const outcome = await saveAgency(database.db, values, changedBy(request), agencyId);
    if (outcome.ok) return reply.redirect('/agencies', 303);
    const errors = formErrors(request.messages, outcome.problems);
    return renderForm(request, reply.status(400), {
      ...(agencyId ? { agencyId } : {}),
      values,
      errors,
    });
  }

  app.get(
    '/agencies/new',
    { schema: { hide: true }, config: { access: 'agencies.manage' } },
    (request, reply) => renderForm(request, reply, { values: {}, errors: {} }),
  );

  app.post(
    '/agencies/new',
    { schema: { hide: true, body: agencyForm }, config: { access: 'agencies.manage' } },
    (request, reply) => submitForm(request, reply, request.body),
  );

  app.get(
    '/agencies/:id/edit',
    { schema: { hide: true, params: idParams }, config: { access: 'agencies.manage' } },
    async (request, reply) => {
      const workspace = workspaceOf(request);
      const agency = await findAgency(database.db, workspace.id, request.params.id);
      if (!agency) throw new AppError('not_found', `There is no agency ${request.params.id}`);
      const values: AgencyFormValues = {
        name: agency.name,
        acronym: agency.acronym ?? '',
        level: agency.level,
        sector: agency.sector,
        parentId: agency.parentId ?? '',
        focalPointEmail: agency.focalPointEmail ?? '',
      };
      return renderForm(request, reply, { agencyId: agency.id, values, errors: {} });
    },
  );

  app.post(
    '/agencies/:id/edit',
    {
      schema: { hide: true, params: idParams, body: agencyForm },
      config: { access: 'agencies.manage' },
    },
    (request, reply) => submitForm(request, reply, request.body, request.params.id),
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
}
