// Requests from the command line on the server's own machine: a consistent
// backup of the embedded database while the server keeps running.
import { timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { App } from '../http/app.ts';

export const OPERATOR_HEADER = 'x-transforma-operator';

function sameSecret(sent: unknown, secret: string): boolean {
  if (typeof sent !== 'string' || sent.length !== secret.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(secret));
}

export async function operatorRoutes(
  app: App,
  database: Database,
  operatorSecret: string | undefined,
) {
  app.post(
    '/internal/backup',
    { schema: { hide: true }, config: { access: 'operator' } },
    async (request, reply) => {
      // Without the secret the route does not exist, as far as anyone can tell.
      if (
        !operatorSecret ||
        !sameSecret(request.headers[OPERATOR_HEADER], operatorSecret) ||
        !database.snapshot
      ) {
        throw new AppError('not_found', 'Not found');
      }
      const snapshot = Buffer.from(await (await database.snapshot()).arrayBuffer());
      return reply.header('content-type', 'application/gzip').send(snapshot);
    },
  );
}
