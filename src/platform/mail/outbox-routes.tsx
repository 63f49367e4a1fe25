import type { App, FeatureDeps } from '../http/feature.ts';
import { sendPage } from '../http/page.tsx';
import { workspaceOf } from '../http/request-workspace.ts';
import { listOutbox } from './outbox-store.ts';
import { OutboxView } from './outbox-views.tsx';

export async function outboxRoutes(app: App, { database, mail: { mailer } }: FeatureDeps) {
  app.get(
    '/outbox',
    { schema: { hide: true }, config: { access: 'rounds.manage' } },
    async (request, reply) => {
      const workspace = workspaceOf(request);
      const entries = await listOutbox(database.db, workspace.id);
      return sendPage(request, reply.header('cache-control', 'no-store'), {
        title: request.messages.t('outbox.title'),
        body: (
          <OutboxView messages={request.messages} entries={entries} delivers={mailer.delivers} />
        ),
      });
    },
  );
}
