// Requests from the command line on the server's own machine, since only the
// server may open its data folder: a consistent backup of the embedded
// database while the server keeps running (here), the framework import and
// export (src/assessment/frameworks/framework-operator-routes.ts).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { App, FeatureDeps } from '../http/feature.ts';

export const OPERATOR_HEADER = 'x-transforma-operator';

function sameSecret(sent: unknown, secret: string): boolean {
  if (typeof sent !== 'string' || sent.length !== secret.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(secret));
}

/** Refuses a request that does not carry the operator's secret. */
export function operatorCheck(operatorSecret: string | undefined) {
  // Without the secret these routes do not exist, as far as anyone can tell.
  return (request: FastifyRequest) => {
    if (!operatorSecret || !sameSecret(request.headers[OPERATOR_HEADER], operatorSecret))
      throw new AppError('not_found', 'Not found');
  };
}

export async function operatorRoutes(app: App, { database, operatorSecret }: FeatureDeps) {
  const requireOperator = operatorCheck(operatorSecret);

  app.post(
    '/internal/backup',
    { schema: { hide: true }, config: { access: 'operator' } },
    async (request, reply) => {
      requireOperator(request);
      if (!database.snapshot) throw new AppError('not_found', 'Not found');
      const snapshot = Buffer.from(await (await database.snapshot()).arrayBuffer());
      return reply.header('content-type', 'application/gzip').send(snapshot);
    },
  );
}
