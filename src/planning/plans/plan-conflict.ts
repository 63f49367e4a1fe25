// The body of a 409 from the planning API, for every part of a plan: another
// change came first (`current`: the thing as that change left it), or the plan
// is closed (`plan_closed`, without `current`).
import type { z } from 'zod';
import { errorBodySchema } from '../../platform/http/errors.ts';

/** `current` is `what` as another change left it; `id` names the schema in the API's description. */
export function planConflictSchema(current: z.ZodType, what: string, id?: string) {
  const schema = errorBodySchema.extend({
    current: current
      .optional()
      .describe(`${what} as another change left it; none when the plan is closed`),
  });
  return id ? schema.meta({ id }) : schema;
}
