// Respondent links: an address that keeps asking for links that do not exist
// is refused for a while (see link-guessing.ts). A link that exists still
// opens from that address: many respondents may share one (an office's
// network), and one guesser among them must not lock them out.
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/feature.ts';
import { findInvitationByToken } from './invitation-store.ts';
import { LinkGuessing } from './link-guessing.ts';

export function guardRespondentLinks(app: App, database: Database) {
  const guessing = new LinkGuessing();
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config?.access !== 'respondent' || !guessing.isBlocked(request.ip))
      return;
    const { token } = request.params as { token?: string };
    if (token === undefined || !(await findInvitationByToken(database.db, token))) {
      throw new AppError(
        'too_many_requests',
        'Too many links that do not exist were tried from this address; wait and try again',
      );
    }
  });
  app.addHook('onResponse', async (request, reply) => {
    if (request.routeOptions.config?.access === 'respondent' && reply.statusCode === 404) {
      guessing.recordUnknownLink(request.ip);
    }
  });
}
