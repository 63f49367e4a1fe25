// The outbox page, for programme leads: it lists messages to respondents of
// every agency, so it needs more than a focal point's invitation rights.
import type { Database } from '../db/database.ts';
import type { App } from '../http/app.ts';
import { sendPage } from '../http/page.tsx';
import { requireWorkspace } from '../workspaces/workspace-store.ts';
import type { Mailer } from './mailer.ts';
import { listOutbox } from './outbox-store.ts';
import { OutboxView } from './outbox-views.tsx';

export async function outboxRoutes(app: App, database: Database, mailer: Mailer) {
  app.get(
    '/outbox',
    { schema: { hide: true }, config: { access: 'rounds.manage' } },
    async (request, reply) => {
      const workspace = await requireWorkspace(database.db);
      const entries = await listOutbox(database.db, workspace.id);
      return sendPage(request, reply.header('cache-control', 'no-store'), {
        title: request.messages.t('outbox.title'),
        workspaceName: workspace.name,
        body: (
          <OutboxView messages={request.messages} entries={entries} delivers={mailer.delivers} />
        ),
      });
    },
  );
}
