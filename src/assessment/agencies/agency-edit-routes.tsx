// The pages that add and edit an agency. They save through saveAgency, as the
// API does (agency-api.ts), so a rule is stated once and answered the same way.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { changedBy } from '../../platform/audit/changed-by.ts';
import { AppError } from '../../platform/errors.ts';
import type { App, FeatureDeps } from '../../platform/http/feature.ts';
import type { FieldErrors } from '../../platform/http/forms.tsx';
import { sendPage } from '../../platform/http/page.tsx';
import { workspaceOf } from '../../platform/http/request-workspace.ts';
import { listAgencyRefs } from '../../platform/workspaces/agency-directory.ts';
import { saveAgency } from './agency-changes.ts';
import { type AgencyFormValues, AgencyFormView, formErrors } from './agency-form-views.tsx';
import { possibleParents } from './agency-rules.ts';
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
}
