// The framework library's pages: the frameworks, and one framework with its
// versions. The API that lists, exports and imports framework files is in
// framework-api.ts.
import { z } from 'zod';
import { decideAccess } from '../../platform/accounts/access.ts';
import type { App, FeatureDeps } from '../../platform/http/feature.ts';
import { sendPage } from '../../platform/http/page.tsx';
import { workspaceOf } from '../../platform/http/request-workspace.ts';
import { localized } from './framework.ts';
import { frameworkKey, frameworkVersion, requireFramework } from './framework-lookup.ts';
import { listFrameworks, listFrameworkVersions } from './framework-store.ts';
import { FrameworkListView, FrameworkView } from './framework-views.tsx';

export async function frameworkRoutes(app: App, { database }: FeatureDeps) {
  app.get(
    '/frameworks',
    { schema: { hide: true }, config: { access: 'public' } },
    async (request, reply) => {
      const _workspace = workspaceOf(request);
      const all = await listFrameworks(database.db);
      const latest = all.filter(
        (stored, index) => all.findIndex((other) => other.key === stored.key) === index,
      );
      return sendPage(request, reply, {
        title: request.messages.t('frameworks.title'),
        body: (
          <FrameworkListView
            messages={request.messages}
            frameworks={latest}
            canImport={decideAccess('rounds.manage', request.signedIn) === 'allow'}
          />
        ),
      });
    },
  );

  app.get(
    '/frameworks/:key',
    {
      schema: {
        hide: true,
        params: z.object({ key: frameworkKey }),
        querystring: z.object({ version: frameworkVersion.optional() }),
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const _workspace = workspaceOf(request);
      const stored = await requireFramework(database, request.params.key, request.query.version);
      const versions = await listFrameworkVersions(database.db, stored.key);
      const { framework } = stored;
      return sendPage(request, reply, {
        title: localized(framework.name, request.messages.language, framework.defaultLanguage),
        body: <FrameworkView messages={request.messages} stored={stored} versions={versions} />,
      });
    },
  );
}
