// Members and roles over HTTP: the admins' members pages and the API, both
// through member-changes.ts.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { changedBy } from '../audit/changed-by.ts';
import { AppError } from '../errors.ts';
import { errorBodySchema } from '../http/errors.ts';
import type { App, FeatureDeps } from '../http/feature.ts';
import type { FieldErrors } from '../http/forms.tsx';
import { sendPage } from '../http/page.tsx';
import { workspaceOf } from '../http/request-workspace.ts';
import { messagesFor } from '../i18n/messages.ts';
import { listAgencyRefs } from '../workspaces/agency-directory.ts';
import { roles } from './access.ts';
import { addMember, changeMember, type MemberOutcome, removeMember } from './member-changes.ts';
import type { MemberProblem } from './member-rules.ts';
import { listMembers } from './member-store.ts';
import type { HandedLink } from './member-views.tsx';
import {
  type MemberFormValues,
  MemberListView,
  MemberView,
  memberFormErrors,
  memberProblemText,
} from './member-views.tsx';
import { createHandedPasswordLink, HANDED_LINK_DAYS } from './password-reset.ts';

const english = messagesFor('en');
const userParams = z.object({ userId: z.uuid() });

// The rules judge a form's text, a value too long included, so each problem shows
// beside its field with what was typed (the body limit bounds a form's size).
const formText = z.string().optional();
const agencyIdsField = z
  .union([z.string().max(100), z.array(z.string().max(100)).max(10_000)])
  .optional();
const memberForm = z.object({
  email: formText,
  name: formText,
  role: formText,
  agencyIds: agencyIdsField,
});
const roleForm = z.object({ role: formText, agencyIds: agencyIdsField });

const formValues = ({ agencyIds, ...rest }: z.infer<typeof memberForm>): MemberFormValues => ({
  ...rest,
  agencyIds: agencyIds === undefined ? [] : [agencyIds].flat(),
});

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
  const conflict = problems.every(
    (problem) => problem.rule === 'lastAdmin' || problem.rule === 'alreadyMember',
  );
  throw new AppError(conflict ? 'conflict' : 'invalid_request', message, fields);
}

export async function memberRoutes(app: App, { database, mail }: FeatureDeps) {
  async function loadPage(request: FastifyRequest) {
    const workspace = workspaceOf(request);
    const [members, agencies] = await Promise.all([
      listMembers(database.db, workspace.id),
      listAgencyRefs(database.db, workspace.id),
    ]);
    return { workspace, members, agencies };
  }

  async function renderList(
    request: FastifyRequest,
    reply: FastifyReply,
    values: MemberFormValues,
    errors: FieldErrors,
    handedLink?: HandedLink,
  ) {
    const { workspace, members, agencies } = await loadPage(request);
    return sendPage(request, reply, {
      title: request.messages.t('members.title'),
      body: (
        <MemberListView
          messages={request.messages}
          members={members}
          agencies={agencies}
          values={values}
          errors={errors}
          csrfToken={request.signedIn?.csrfToken}
          {...(handedLink ? { handedLink } : {})}
        />
      ),
    });
  }

  async function renderMember(
    request: FastifyRequest,
    reply: FastifyReply,
    userId: string,
    values?: MemberFormValues,
    errors: FieldErrors = {},
    handedLink?: HandedLink,
  ) {
    const { workspace, members, agencies } = await loadPage(request);
    const member = members.find((candidate) => candidate.userId === userId);
    if (!member) throw new AppError('not_found', `There is no member ${userId} in this workspace`);
    return sendPage(request, reply, {
      title: member.name,
      body: (
        <MemberView
          messages={request.messages}
          member={member}
          agencies={agencies}
          values={
            values ?? { role: member.role, agencyIds: member.agencies.map((agency) => agency.id) }
          }
          errors={errors}
          csrfToken={request.signedIn?.csrfToken}
          offerLink={!mail.mailer.delivers}
          {...(handedLink ? { handedLink } : {})}
        />
      ),
    });
  }

  /** A link for a member to choose a password, made where no mail server can send one. */
  async function handLink(userId: string, email: string): Promise<HandedLink> {
    const url = await createHandedPasswordLink(database.db, {
      userId,
      publicUrl: mail.publicUrl,
    });
    return { email, url, days: HANDED_LINK_DAYS };
  }

  const statusOf = (outcome: MemberOutcome) =>
    !outcome.ok &&
    outcome.problems.every((p) => p.rule === 'lastAdmin' || p.rule === 'alreadyMember')
      ? 409
      : 400;

  app.get(
    '/members',
    { schema: { hide: true }, config: { access: 'members.manage' } },
    (request, reply) => renderList(request, reply, { role: 'viewer' }, {}),
  );

  app.post(
    '/members',
    { schema: { hide: true, body: memberForm }, config: { access: 'members.manage' } },
    async (request, reply) => {
      const values = formValues(request.body);
      const outcome = await addMember(database.db, values, changedBy(request));
      if (outcome.ok) {
        const added = (await loadPage(request)).members.find((m) => m.userId === outcome.userId);
        // Without a mail server nobody can send the new member a link: the
        // admin gets it, once, to hand on (as invitation links are shown).
        if (added && !added.hasPassword && !mail.mailer.delivers) {
          return renderList(
            request,
            reply.header('cache-control', 'no-store'),
            { role: 'viewer' },
            {},
            await handLink(added.userId, added.email),
          );
        }
        return reply.redirect('/members', 303);
      }
      return renderList(
        request,
        reply.status(statusOf(outcome)),
        values,
        memberFormErrors(request.messages, outcome.problems),
      );
    },
  );

  app.get(
    '/members/:userId',
    { schema: { hide: true, params: userParams }, config: { access: 'members.manage' } },
    (request, reply) => renderMember(request, reply, request.params.userId),
  );

  app.post(
    '/members/:userId',
    {
      schema: { hide: true, params: userParams, body: roleForm },
      config: { access: 'members.manage' },
    },
    async (request, reply) => {
      const values = formValues(request.body);
      const outcome = await changeMember(
        database.db,
        request.params.userId,
        values,
        changedBy(request),
      );
      if (outcome.ok) return reply.redirect('/members', 303);
      const errors = memberFormErrors(request.messages, outcome.problems);
      return renderMember(
        request,
        reply.status(statusOf(outcome)),
        request.params.userId,
        values,
        errors,
      );
    },
  );

  app.post(
    '/members/:userId/password-link',
    { schema: { hide: true, params: userParams }, config: { access: 'members.manage' } },
    async (request, reply) => {
      // With a mail server, a member asks for their own link ("Forgot your password?").
      if (mail.mailer.delivers)
        throw new AppError('conflict', 'Mail is set up: the member can ask for a link themselves');
      const { members } = await loadPage(request);
      const member = members.find((candidate) => candidate.userId === request.params.userId);
      if (!member)
        throw new AppError(
          'not_found',
          `There is no member ${request.params.userId} in this workspace`,
        );
      return renderMember(
        request,
        reply.header('cache-control', 'no-store'),
        member.userId,
        undefined,
        {},
        await handLink(member.userId, member.email),
      );
    },
  );

  app.post(
    '/members/:userId/remove',
    { schema: { hide: true, params: userParams }, config: { access: 'members.manage' } },
    async (request, reply) => {
      const outcome = await removeMember(database.db, request.params.userId, changedBy(request));
      if (outcome.ok) return reply.redirect('/members', 303);
      const errors = memberFormErrors(request.messages, outcome.problems);
      return renderMember(
        request,
        reply.status(statusOf(outcome)),
        request.params.userId,
        undefined,
        errors,
      );
    },
  );

  async function presentMember(request: FastifyRequest, outcome: MemberOutcome) {
    if (!outcome.ok) refuse(outcome.problems);
    const { members } = await loadPage(request);
    const member = members.find((candidate) => candidate.userId === outcome.userId);
    if (!member)
      throw new AppError('not_found', `There is no member ${outcome.userId} in this workspace`);
    return member;
  }

  app.get(
    '/api/members',
    {
      schema: {
        tags: ['members'],
        summary: 'List the members of the workspace with their roles',
        response: { 200: z.object({ members: z.array(memberSchema) }) },
      },
      config: { access: 'members.manage' },
    },
    async (request) => ({ members: (await loadPage(request)).members }),
  );

  app.post(
    '/api/members',
    {
      schema: {
        tags: ['members'],
        summary: 'Add a person to the workspace with a role',
        description:
          'A person without an account gets one without a password; they set it through a password reset link. 409 if they are already a member.',
        body: memberInputSchema,
        response: { 201: memberSchema, 400: errorBodySchema, 409: errorBodySchema },
      },
      config: { access: 'members.manage' },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await presentMember(
            request,
            await addMember(database.db, request.body, changedBy(request)),
          ),
        ),
  );

  app.put(
    '/api/members/:userId',
    {
      schema: {
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
      },
      config: { access: 'members.manage' },
    },
    async (request) =>
      presentMember(
        request,
        await changeMember(database.db, request.params.userId, request.body, changedBy(request)),
      ),
  );

  app.delete(
    '/api/members/:userId',
    {
      schema: {
        tags: ['members'],
        summary: 'Remove a member from the workspace',
        description: 'Their account stays; the last admin cannot be removed (409).',
        params: userParams,
        response: { 204: z.null(), 404: errorBodySchema, 409: errorBodySchema },
      },
      config: { access: 'members.manage' },
    },
    async (request, reply) => {
      const outcome = await removeMember(database.db, request.params.userId, changedBy(request));
      if (!outcome.ok) refuse(outcome.problems);
      return reply.status(204).send(null);
    },
  );
}
