// Members and their roles as JSON: listing the workspace's members, adding a
// person, changing a role, removing a member, through member-changes.ts as the
// admins' pages do.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { changedBy } from '../audit/changed-by.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { errorBodySchema } from '../http/errors.ts';
import type { App, FeatureDeps, RouteReply, RouteRequest } from '../http/feature.ts';
import { workspaceOf } from '../http/request-workspace.ts';
import { messagesFor } from '../i18n/messages.ts';
import { roles } from './access.ts';
import { addMember, changeMember, type MemberOutcome, removeMember } from './member-changes.ts';
import { isConflict, type MemberProblem } from './member-rules.ts';
import { listMembers } from './member-store.ts';
import { memberProblemText } from './member-views.tsx';

const english = messagesFor('en');
const userParams = z.object({ userId: z.uuid() });

const memberSchema = z
  .object({
    userId: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(roles),
    agencies: z
      .array(z.object({ id: z.uuid(), name: z.string() }))
      .describe('For focal points: the agencies they answer for'),
    hasPassword: z
      .boolean()
      .describe('False until the person sets a password through a reset link'),
  })
  .meta({ id: 'Member' });

const roleInputSchema = z.object({
  role: z.enum(roles),
  agencyIds: z.array(z.uuid()).max(10_000).optional().describe('Required for a focal point'),
});
const memberInputSchema = roleInputSchema.extend({
  email: z.string().max(10_000),
  name: z.string().max(10_000),
});

function refuse(problems: MemberProblem[]): never {
  const fields = problems.map((problem) => ({
    path: problem.field === 'member' ? 'userId' : `body.${problem.field}`,
    message: memberProblemText(english, problem),
  }));
  const message = fields.map((field) => field.message).join('; ');
  throw new AppError(isConflict(problems) ? 'conflict' : 'invalid_request', message, fields);
}

const membersOf = (database: Database, request: FastifyRequest) =>
  listMembers(database.db, workspaceOf(request).id);

/** The member as a change left them, or the change's refusal as an API error. */
async function presentMember(database: Database, request: FastifyRequest, outcome: MemberOutcome) {
  if (!outcome.ok) refuse(outcome.problems);
  const members = await membersOf(database, request);
  const member = members.find((candidate) => candidate.userId === outcome.userId);
  if (!member)
    throw new AppError('not_found', `There is no member ${outcome.userId} in this workspace`);
  return member;
}

const getMembersSchema = {
  tags: ['members'],
  summary: 'List the members of the workspace with their roles',
  response: { 200: z.object({ members: z.array(memberSchema) }) },
};

function getMembers({ database }: FeatureDeps) {
  return async (request: FastifyRequest) => ({ members: await membersOf(database, request) });
}

const postMemberSchema = {
  tags: ['members'],
  summary: 'Add a person to the workspace with a role',
  description:
    'A person without an account gets one without a password; they set it through a password reset link. 409 if they are already a member.',
  body: memberInputSchema,
  response: { 201: memberSchema, 400: errorBodySchema, 409: errorBodySchema },
};

function postMember({ database }: FeatureDeps) {
  return async (
    request: RouteRequest<typeof postMemberSchema>,
    reply: RouteReply<typeof postMemberSchema>,
  ) => {
    const outcome = await addMember(database.db, request.body, changedBy(request));
    return reply.status(201).send(await presentMember(database, request, outcome));
  };
}

const putMemberSchema = {
  tags: ['members'],
  summary: 'Change the role of a member (and the agencies of a focal point)',
  description: 'The last admin keeps the admin role (409).',
  params: userParams,
  body: roleInputSchema,
  response: {
    200: memberSchema,
    400: errorBodySchema,
    404: errorBodySchema,
    409: errorBodySchema,
  },
};

function putMember({ database }: FeatureDeps) {
  return async (request: RouteRequest<typeof putMemberSchema>) => {
    const { userId } = request.params;
    const outcome = await changeMember(database.db, userId, request.body, changedBy(request));
    return presentMember(database, request, outcome);
  };
}

const deleteMemberSchema = {
  tags: ['members'],
  summary: 'Remove a member from the workspace',
  description: 'Their account stays; the last admin cannot be removed (409).',
  params: userParams,
  response: { 204: z.null(), 404: errorBodySchema, 409: errorBodySchema },
};

function deleteMember({ database }: FeatureDeps) {
  return async (
    request: RouteRequest<typeof deleteMemberSchema>,
    reply: RouteReply<typeof deleteMemberSchema>,
  ) => {
    const outcome = await removeMember(database.db, request.params.userId, changedBy(request));
    if (!outcome.ok) refuse(outcome.problems);
    return reply.status(204).send(null);
  };
}

export async function memberApi(app: App, deps: FeatureDeps) {
  app.get(
    '/api/members',
    { schema: getMembersSchema, config: { access: 'members.manage' } },
    getMembers(deps),
  );
  app.post(
    '/api/members',
    { schema: postMemberSchema, config: { access: 'members.manage' } },
    postMember(deps),
  );
  app.put(
    '/api/members/:userId',
    { schema: putMemberSchema, config: { access: 'members.manage' } },
    putMember(deps),
  );
  app.delete(
    '/api/members/:userId',
    { schema: deleteMemberSchema, config: { access: 'members.manage' } },
    deleteMember(deps),
  );
}
