// The pages that add and edit an agency. They save through saveAgency, as the
// API does (agency-api.ts), so a rule is stated once and answered the same way.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { changedBy } from '../../platform/audit/changed-by.ts';
import type { Database } from '../../platform/db/database.ts';
import type { App, FeatureDeps, RouteRequest } from '../../platform/http/feature.ts';
import type { FieldErrors } from '../../platform/http/forms.tsx';
import { sendPage } from '../../platform/http/page.tsx';
import { workspaceOf } from '../../platform/http/request-workspace.ts';
import { listAgencyRefs } from '../../platform/workspaces/agency-directory.ts';
import { saveAgency } from './agency-changes.ts';
import { type AgencyFormValues, AgencyFormView, formErrors } from './agency-form-views.tsx';
import { requireAgency } from './agency-lookup.ts';
import { possibleParents } from './agency-rules.ts';

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

async function renderForm(
  database: Database,
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
  database: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  values: AgencyFormValues,
  agencyId?: string,
) {
  const outcome = await saveAgency(database.db, values, changedBy(request), agencyId);
  if (outcome.ok) return reply.redirect('/agencies', 303);
  const errors = formErrors(request.messages, outcome.problems);
  return renderForm(database, request, reply.status(400), {
    ...(agencyId ? { agencyId } : {}),
    values,
    errors,
  });
}

/** The empty form of a new agency. */
function showNewForm({ database }: FeatureDeps) {
  return (request: FastifyRequest, reply: FastifyReply) =>
    renderForm(database, request, reply, { values: {}, errors: {} });
}

/** Adds the agency the form describes, or shows the form again with its problems. */
function addFromForm({ database }: FeatureDeps) {
  return (request: RouteRequest<{ body: typeof agencyForm }>, reply: FastifyReply) =>
    submitForm(database, request, reply, request.body);
}

/** The form of an agency as it stands. */
function showEditForm({ database }: FeatureDeps) {
  return async (request: RouteRequest<{ params: typeof idParams }>, reply: FastifyReply) => {
    const agency = await requireAgency(request, database, request.params.id);
    const values: AgencyFormValues = {
      name: agency.name,
      acronym: agency.acronym ?? '',
      level: agency.level,
      sector: agency.sector,
      parentId: agency.parentId ?? '',
      focalPointEmail: agency.focalPointEmail ?? '',
    };
    return renderForm(database, request, reply, { agencyId: agency.id, values, errors: {} });
  };
}

/** Saves the agency as the form says, or shows the form again with its problems. */
function editFromForm({ database }: FeatureDeps) {
  return (
    request: RouteRequest<{ params: typeof idParams; body: typeof agencyForm }>,
    reply: FastifyReply,
  ) => submitForm(database, request, reply, request.body, request.params.id);
}

export async function agencyEditRoutes(app: App, deps: FeatureDeps) {
  app.get(
    '/agencies/new',
    { schema: { hide: true }, config: { access: 'agencies.manage' } },
    showNewForm(deps),
  );
  app.post(
    '/agencies/new',
    { schema: { hide: true, body: agencyForm }, config: { access: 'agencies.manage' } },
    addFromForm(deps),
  );
  app.get(
    '/agencies/:id/edit',
    { schema: { hide: true, params: idParams }, config: { access: 'agencies.manage' } },
    showEditForm(deps),
  );
  app.post(
    '/agencies/:id/edit',
    {
      schema: { hide: true, params: idParams, body: agencyForm },
      config: { access: 'agencies.manage' },
    },
    editFromForm(deps),
  );
}
