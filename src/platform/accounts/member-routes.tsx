// The admins' members pages: the members with the form that adds a person,
// and one member's page to change their role or remove them. The API
// (member-api.ts) makes the same changes, both through member-changes.ts.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { changedBy } from '../audit/changed-by.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { App, FeatureDeps, RouteRequest } from '../http/feature.ts';
import type { FieldErrors } from '../http/forms.tsx';
import { sendPage } from '../http/page.tsx';
import { workspaceOf } from '../http/request-workspace.ts';
import { listAgencyRefs } from '../workspaces/agency-directory.ts';
import { addMember, changeMember, type MemberOutcome, removeMember } from './member-changes.ts';
import { isConflict } from './member-rules.ts';
import { listMembers } from './member-store.ts';
import type { HandedLink } from './member-views.tsx';
import {
  type MemberFormValues,
  MemberListView,
  MemberView,
  memberFormErrors,
} from './member-views.tsx';
import { createHandedPasswordLink, HANDED_LINK_DAYS } from './password-reset.ts';

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

/** What the members pages use: the database, and whether mail can carry a password link. */
type MemberDeps = Pick<FeatureDeps, 'database' | 'mail'>;

async function loadPage(database: Database, request: FastifyRequest) {
  const workspace = workspaceOf(request);
  const [members, agencies] = await Promise.all([
    listMembers(database.db, workspace.id),
    listAgencyRefs(database.db, workspace.id),
  ]);
  return { members, agencies };
}

async function renderList(
  database: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  values: MemberFormValues,
  errors: FieldErrors,
  handedLink?: HandedLink,
) {
  const { members, agencies } = await loadPage(database, request);
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
  { database, mail }: MemberDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  values?: MemberFormValues,
  errors: FieldErrors = {},
  handedLink?: HandedLink,
) {
  const { members, agencies } = await loadPage(database, request);
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
async function handLink(
  { database, mail }: MemberDeps,
  userId: string,
  email: string,
): Promise<HandedLink> {
  const url = await createHandedPasswordLink(database.db, {
    userId,
    publicUrl: mail.publicUrl,
  });
  return { email, url, days: HANDED_LINK_DAYS };
}

const statusOf = (outcome: MemberOutcome) =>
  !outcome.ok && isConflict(outcome.problems) ? 409 : 400;

/** Back to the members once a member is changed, or their page again with why not. */
function afterChange(
  deps: MemberDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  outcome: MemberOutcome,
  values?: MemberFormValues,
) {
  if (outcome.ok) return reply.redirect('/members', 303);
  const errors = memberFormErrors(request.messages, outcome.problems);
  return renderMember(deps, request, reply.status(statusOf(outcome)), userId, values, errors);
}

/** The members, with the form that adds a person. */
function showMembers({ database }: MemberDeps) {
  return (request: FastifyRequest, reply: FastifyReply) =>
    renderList(database, request, reply, { role: 'viewer' }, {});
}

/** Adds the person the form names, or shows the form again with its problems. */
function addFromForm(deps: MemberDeps) {
  const { database, mail } = deps;
  return async (request: RouteRequest<{ body: typeof memberForm }>, reply: FastifyReply) => {
    const values = formValues(request.body);
    const outcome = await addMember(database.db, values, changedBy(request));
    if (outcome.ok) {
      const added = (await loadPage(database, request)).members.find(
        (m) => m.userId === outcome.userId,
      );
      // Without a mail server nobody can send the new member a link: the
      // admin gets it, once, to hand on (as invitation links are shown).
      if (added && !added.hasPassword && !mail.mailer.delivers) {
        return renderList(
          database,
          request,
          reply.header('cache-control', 'no-store'),
          { role: 'viewer' },
          {},
          await handLink(deps, added.userId, added.email),
        );
      }
      return reply.redirect('/members', 303);
    }
    return renderList(
      database,
      request,
      reply.status(statusOf(outcome)),
      values,
      memberFormErrors(request.messages, outcome.problems),
    );
  };
}

/** One member's page: the form that changes their role, and the one that removes them. */
function showMember(deps: MemberDeps) {
  return (request: RouteRequest<{ params: typeof userParams }>, reply: FastifyReply) =>
    renderMember(deps, request, reply, request.params.userId);
}

/** Changes the member's role as the form says, or shows their page again with its problems. */
function changeFromForm(deps: MemberDeps) {
  return async (
    request: RouteRequest<{ params: typeof userParams; body: typeof roleForm }>,
    reply: FastifyReply,
  ) => {
    const { userId } = request.params;
    const values = formValues(request.body);
    const outcome = await changeMember(deps.database.db, userId, values, changedBy(request));
    return afterChange(deps, request, reply, userId, outcome, values);
  };
}

/** The member's page with a password link for the admin to hand on. */
function showPasswordLink(deps: MemberDeps) {
  return async (request: RouteRequest<{ params: typeof userParams }>, reply: FastifyReply) => {
    // With a mail server, a member asks for their own link ("Forgot your password?").
    if (deps.mail.mailer.delivers)
      throw new AppError('conflict', 'Mail is set up: the member can ask for a link themselves');
    const { members } = await loadPage(deps.database, request);
    const member = members.find((candidate) => candidate.userId === request.params.userId);
    if (!member)
      throw new AppError(
        'not_found',
        `There is no member ${request.params.userId} in this workspace`,
      );
    return renderMember(
      deps,
      request,
      reply.header('cache-control', 'no-store'),
      member.userId,
      undefined,
      {},
      await handLink(deps, member.userId, member.email),
    );
  };
}

/** Removes the member, or shows their page again with why not. */
function removeFromForm(deps: MemberDeps) {
  return async (request: RouteRequest<{ params: typeof userParams }>, reply: FastifyReply) => {
    const { userId } = request.params;
    const outcome = await removeMember(deps.database.db, userId, changedBy(request));
    return afterChange(deps, request, reply, userId, outcome);
  };
}

export async function memberRoutes(app: App, deps: FeatureDeps) {
  app.get(
    '/members',
    { schema: { hide: true }, config: { access: 'members.manage' } },
    showMembers(deps),
  );
  app.post(
    '/members',
    { schema: { hide: true, body: memberForm }, config: { access: 'members.manage' } },
    addFromForm(deps),
  );
  app.get(
    '/members/:userId',
    { schema: { hide: true, params: userParams }, config: { access: 'members.manage' } },
    showMember(deps),
  );
  app.post(
    '/members/:userId',
    {
      schema: { hide: true, params: userParams, body: roleForm },
      config: { access: 'members.manage' },
    },
    changeFromForm(deps),
  );
  app.post(
    '/members/:userId/password-link',
    { schema: { hide: true, params: userParams }, config: { access: 'members.manage' } },
    showPasswordLink(deps),
  );
  app.post(
    '/members/:userId/remove',
    { schema: { hide: true, params: userParams }, config: { access: 'members.manage' } },
    removeFromForm(deps),
  );
}
