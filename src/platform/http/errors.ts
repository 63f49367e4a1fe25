// One table from error codes to HTTP statuses and message-catalogue keys, and
// the shape every API error takes: { error: { code, message, fields? } }.
import { z } from 'zod';
import type { ErrorCode } from '../errors.ts';

export const errorCodes: Record<ErrorCode, { status: number; messageKey: string }> = {
  invalid_request: { status: 400, messageKey: 'error.invalidRequest' },
  unauthenticated: { status: 401, messageKey: 'error.unauthenticated' },
  forbidden: { status: 403, messageKey: 'error.forbidden' },
  // A page's form sent without its session's CSRF token: most often a form left open
  // past its session, or from before signing in again; not a question of role.
  form_expired: { status: 403, messageKey: 'error.formExpired' },
  not_found: { status: 404, messageKey: 'error.notFound' },
  gone: { status: 410, messageKey: 'error.gone' },
  conflict: { status: 409, messageKey: 'error.conflict' },
  invalid_framework: { status: 422, messageKey: 'error.invalidFramework' },
  payload_too_large: { status: 413, messageKey: 'error.payloadTooLarge' },
  unsupported_media_type: { status: 415, messageKey: 'error.unsupportedMediaType' },
  too_many_requests: { status: 429, messageKey: 'error.tooManyRequests' },
  // An invitation link that does not open its questionnaire, and why.
  invitation_unknown: { status: 404, messageKey: 'questionnaire.link.unknown' },
  invitation_revoked: { status: 410, messageKey: 'questionnaire.link.revoked' },
  round_not_open: { status: 403, messageKey: 'questionnaire.link.notYetOpen' },
  round_closed: { status: 410, messageKey: 'questionnaire.link.closed' },
  // A change asked of a plan that has been closed: it is kept as it was.
  plan_closed: { status: 409, messageKey: 'plans.closedPlan' },
  internal: { status: 500, messageKey: 'error.internal' },
};

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional()
        .describe('Each problem with the path of the field it concerns'),
    }),
  })
  .meta({ id: 'Error' });
