// Agencies over HTTP: the agencies page and the API that lists them; adding,
// editing and importing live beside it.
import { z } from 'zod';
import { decideAccess } from '../../platform/accounts/access.ts';
import { AppError } from '../../platform/errors.ts';
import { errorBodySchema } from '../../platform/http/errors.ts';
import type { App, FeatureDeps } from '../../platform/http/feature.ts';
import { sendPage } from '../../platform/http/page.tsx';
import { workspaceOf } from '../../platform/http/request-workspace.ts';
import { agencyFilterSchema, agencySchema } from './agency-schema.ts';
import { findAgency, listAgencies, listSectors } from './agency-store.ts';
import { AgencyListView } from './agency-views.tsx';

// A filter form sends empty values for "all"; they mean no filter.
const emptyAsAbsent = (value: unknown) => (value === '' ? undefined : value);
const agencyFilterFormSchema = z.object({
  level: z.preprocess(emptyAsAbsent, agencyFilterSchema.shape.level),
  sector: z.preprocess(emptyAsAbsent, agencyFilterSchema.shape.sector),
});

export async function agencyRoutes(app: App, { database }: FeatureDeps) {
  app.get(
    '/agencies',
    {
      schema: { hide: true, querystring: agencyFilterFormSchema },
      config: { access: 'workspace.read' },
    },
    async (request, reply) => {
      const workspace = workspaceOf(request);
      const [agencies, sectors] = await Promise.all([
        listAgencies(database.db, workspace.id, request.query),
        listSectors(database.db, workspace.id),
      ]);
      return sendPage(request, reply, {
        title: request.messages.t('agencies.title'),
        body: (
          <AgencyListView
            messages={request.messages}
            agencies={agencies}
            sectors={sectors}
            filter={request.query}
            canManage={decideAccess('agencies.manage', request.signedIn) === 'allow'}
          />
        ),
      });
    },
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
        params: z.object({ id: z.uuid() }),
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
}
