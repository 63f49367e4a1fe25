// The errors a request can meet, each with a code. Domain and store code throw
// them; the HTTP layer maps each code to a status and a message (http/errors.ts).

export type ErrorCode =
  | 'invalid_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'form_expired'
  | 'not_found'
  | 'gone'
  | 'conflict'
  | 'invalid_framework'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'too_many_requests'
  | 'invitation_unknown'
  | 'invitation_revoked'
  | 'round_not_open'
  | 'round_closed'
  | 'plan_closed'
  | 'internal';

export interface FieldProblem {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldProblem[] | undefined;

  constructor(code: ErrorCode, message: string, fields?: FieldProblem[]) {
    super(message);
    this.code = code;
    this.fields = fields;
  }
}
