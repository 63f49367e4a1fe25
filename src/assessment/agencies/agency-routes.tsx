// The agencies page, filtered by level and sector; adding, editing and
// importing live beside it, the API in agency-api.ts.
import { z } from 'zod';
import { decideAccess } from '../../platform/accounts/access.ts';
import type { App, FeatureDeps } from '../../platform/http/feature.ts';
import { sendPage } from '../../platform/http/page.tsx';
import { workspaceOf } from '../../platform/http/request-workspace.ts';
import { agencyFilterSchema } from './agency-schema.ts';
import { listAgencies, listSectors } from './agency-store.ts';
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
}
