// Invitation pages: a round's agencies and their respondents, inviting from a
// typed or pasted list, revoking links, and reminders on demand. Forms post
// and redirect (or re-render with errors beside the field); no JavaScript needed.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { memberCoversAgency } from '../../platform/accounts/access.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { App, FeatureDeps, RouteRequest } from '../../platform/http/feature.ts';
import { sendPage } from '../../platform/http/page.tsx';
import { isSupportedLanguage } from '../../platform/i18n/messages.ts';
import { roundProgress } from '../rounds/index.ts';
import { invitationLinksCsv, tokenOfLink } from './invitation-links-csv.ts';
import { invitationLink } from './invitation-mail.ts';
import {
  requireAgencyScope,
  requireInvitationScope,
  requireRoundScope,
} from './invitation-scope.ts';
import { hashInvitationToken, looksLikeInvitationToken } from './invitation-token.ts';
import {
  AgencyInvitationsView,
  InvitationResultView,
  type InviteForm,
  RoundInvitationsView,
} from './invitation-views.tsx';
import { inviteRespondents } from './invite-respondents.ts';
import { invitationsSeenBy } from './progress-visibility.ts';
import { requireRemindable } from './reminders.ts';
import {
  describeRespondentProblem,
  MAX_RESPONDENTS,
  readRespondentList,
} from './respondent-list.ts';
import { revokeRespondentLink } from './revoke-invitation.ts';
import { invitationsByTokenHash, listInvitations } from './round-invitations-store.ts';
import { sendReminders } from './send-reminders.ts';

const idParams = z.object({ id: z.uuid() });
const agencyParams = z.object({ id: z.uuid(), agencyId: z.uuid() });
const noticeQuery = z.object({ reminded: z.coerce.number().int().min(0).optional() });
const linksForm = z.object({
  link: z.union([z.string().max(1000), z.array(z.string().max(1000)).min(1).max(MAX_RESPONDENTS)]),
});
const inviteForm = z.object({
  list: z.string().max(500_000).default(''),
  language: z.string().max(10).default(''),
});

const roundPageSchema = { hide: true, params: idParams, querystring: noticeQuery } as const;
const agencyPageSchema = { hide: true, params: agencyParams, querystring: noticeQuery } as const;
const inviteSchema = { hide: true, params: agencyParams, body: inviteForm } as const;
const linksSchema = { hide: true, params: agencyParams, body: linksForm } as const;
const agencyActionSchema = { hide: true, params: agencyParams } as const;
// A round's id, or an invitation's.
const idSchema = { hide: true, params: idParams } as const;

export async function invitationRoutes(app: App, deps: FeatureDeps) {
  const manage = { access: 'invitations.manage' as const };
  app.get(
    '/rounds/:id/invitations',
    { schema: roundPageSchema, config: manage },
    (request, reply) => showRound(deps, request, reply),
  );
  app.get(
    '/rounds/:id/invitations/:agencyId',
    { schema: agencyPageSchema, config: manage },
    (request, reply) => showAgency(deps, request, reply),
  );
  app.post(
    '/rounds/:id/invitations/:agencyId',
    { schema: inviteSchema, config: manage },
    (request, reply) => invite(deps, request, reply),
  );
  app.post(
    '/rounds/:id/invitations/:agencyId/links.csv',
    { schema: linksSchema, config: manage },
    (request, reply) => downloadLinks(deps, request, reply),
  );
  app.post(
    '/rounds/:id/invitations/:agencyId/reminders',
    { schema: agencyActionSchema, config: manage },
    (request, reply) => remindAgency(deps, request, reply),
  );
  app.post('/rounds/:id/reminders', { schema: idSchema, config: manage }, (request, reply) =>
    remindRound(deps, request, reply),
  );
  app.post('/invitations/:id/revoke', { schema: idSchema, config: manage }, (request, reply) =>
    revoke(deps, request, reply),
  );
}

/** A round's agencies with their progress, as far as the member answers for them. */
async function showRound(
  { database }: FeatureDeps,
  request: RouteRequest<typeof roundPageSchema>,
  reply: FastifyReply,
) {
  const { db } = database;
  const scope = await requireRoundScope(db, request.signedIn, request.params.id);
  const agencies = (await roundProgress(db, scope.round.id)).filter((agency) =>
    memberCoversAgency(scope.member, agency.agencyId),
  );
  const notice = remindedNotice(request, request.query.reminded);
  return sendPage(request, reply, {
    title: request.messages.t('invitations.title'),
    body: (
      <RoundInvitationsView
        messages={request.messages}
        round={scope.round}
        agencies={agencies}
        csrfToken={request.signedIn?.csrfToken}
        {...(notice ? { notice } : {})}
      />
    ),
  });
}

/** One agency's respondents and the form to invite more. */
async function showAgency(
  { database }: FeatureDeps,
  request: RouteRequest<typeof agencyPageSchema>,
  reply: FastifyReply,
) {
  const notice = remindedNotice(request, request.query.reminded);
  return agencyPage(database, request, reply, request.params.id, request.params.agencyId, {
    ...(notice ? { notice } : {}),
  });
}

/** Invites the respondents of a typed or pasted list, or shows the list's problems beside it. */
async function invite(
  { database, mail }: FeatureDeps,
  request: RouteRequest<typeof inviteSchema>,
  reply: FastifyReply,
) {
  const { db } = database;
  const { id, agencyId } = request.params;
  const { t } = request.messages;
  const scope = await requireAgencyScope(db, request.signedIn, id, agencyId);
  const language = isSupportedLanguage(request.body.language)
    ? request.body.language
    : request.messages.language;
  const form = { list: request.body.list, language };
  if (scope.round.status === 'closed') {
    return agencyPage(database, request, reply.status(409), id, agencyId, { form });
  }
  const list = readRespondentList(request.body.list, language);
  if (!list.ok) {
    return agencyPage(database, request, reply.status(400), id, agencyId, {
      form,
      errors: { list: t('invitations.error.summary', { count: list.problems.length }) },
      listProblems: list.problems.map((problem) => describeRespondentProblem(t, problem)),
    });
  }
  const outcome = await inviteRespondents({
    database,
    ...mail,
    actor: scope.actor,
    workspaceId: scope.workspace.id,
    workspaceName: scope.workspace.name,
    round: { id: scope.round.id, name: scope.round.name, closesOn: scope.round.closesOn },
    agency: scope.agency,
    respondents: list.respondents,
  });
  // The result page may show links that exist nowhere else: never cache it.
  reply.header('cache-control', 'no-store');
  return sendPage(request, reply, {
    title: t('invitations.result.title'),
    body: (
      <InvitationResultView
        messages={request.messages}
        round={scope.round}
        agency={scope.agency}
        outcome={outcome}
        csrfToken={request.signedIn?.csrfToken}
      />
    ),
  });
}

/** The links a page showed once, as one CSV rebuilt from their secrets. */
async function downloadLinks(
  { mail, database }: FeatureDeps,
  request: RouteRequest<typeof linksSchema>,
  reply: FastifyReply,
) {
  const { db } = database;
  const { id, agencyId } = request.params;
  const scope = await requireAgencyScope(db, request.signedIn, id, agencyId);
  const tokens = [request.body.link].flat().map(tokenOfLink);
  const hashes = tokens.map((token) =>
    token && looksLikeInvitationToken(token) ? hashInvitationToken(token) : '',
  );
  const found = new Map(
    (await invitationsByTokenHash(db, id, agencyId, hashes)).map((row) => [row.tokenHash, row]),
  );
  // Only links of this agency's working invitations are written out, rebuilt
  // from their secret: the file never carries text it was merely sent.
  const rows = tokens.flatMap((token, index) => {
    const invitation = found.get(hashes[index] ?? '');
    return token && invitation
      ? [
          {
            agency: scope.agency.name,
            email: invitation.email,
            language: invitation.language,
            link: invitationLink(mail.publicUrl, token),
          },
        ]
      : [];
  });
  if (rows.length !== tokens.length)
    throw new AppError(
      'invalid_request',
      'Some links are not working invitations of this agency in this round',
      [{ path: 'body.link', message: 'is not a working invitation link of this agency' }],
    );
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', 'attachment; filename="invitation-links.csv"')
    .header('cache-control', 'no-store')
    .send(invitationLinksCsv(rows));
}

/** Reminds the agency's respondents who have not submitted, then shows how many. */
async function remindAgency(
  { database, mail }: FeatureDeps,
  request: RouteRequest<typeof agencyActionSchema>,
  reply: FastifyReply,
) {
  const { db } = database;
  const { id, agencyId } = request.params;
  const scope = await requireAgencyScope(db, request.signedIn, id, agencyId);
  requireRemindable(scope.round.status);
  const { reminded } = await sendReminders({
    database,
    mailer: mail.mailer,
    occasion: 'on_demand',
    actor: scope.actor,
    roundId: id,
    agencyIds: [agencyId],
  });
  return reply.redirect(`/rounds/${id}/invitations/${agencyId}?reminded=${reminded}`, 303);
}

/** Reminds every respondent the member answers for who has not submitted. */
async function remindRound(
  { database, mail }: FeatureDeps,
  request: RouteRequest<typeof idSchema>,
  reply: FastifyReply,
) {
  const { db } = database;
  const scope = await requireRoundScope(db, request.signedIn, request.params.id);
  requireRemindable(scope.round.status);
  const { reminded } = await sendReminders({
    database,
    mailer: mail.mailer,
    occasion: 'on_demand',
    actor: scope.actor,
    roundId: scope.round.id,
    ...(scope.agencyIds ? { agencyIds: scope.agencyIds } : {}),
  });
  return reply.redirect(`/rounds/${scope.round.id}/invitations?reminded=${reminded}`, 303);
}

/** Revokes one respondent's link. */
async function revoke(
  { database }: FeatureDeps,
  request: RouteRequest<typeof idSchema>,
  reply: FastifyReply,
) {
  const { db } = database;
  const { workspace, invitation, actor } = await requireInvitationScope(
    db,
    request.signedIn,
    request.params.id,
  );
  await revokeRespondentLink({ database, actor, workspaceId: workspace.id, invitation });
  return reply.redirect(`/rounds/${invitation.roundId}/invitations/${invitation.agencyId}`, 303);
}

function remindedNotice(request: FastifyRequest, reminded: number | undefined) {
  return reminded === undefined
    ? undefined
    : request.messages.t('invitations.reminded', { count: reminded });
}

async function agencyPage(
  { db }: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  roundId: string,
  agencyId: string,
  extra: {
    form?: InviteForm;
    errors?: Record<string, string>;
    listProblems?: string[];
    notice?: string;
  } = {},
) {
  const scope = await requireAgencyScope(db, request.signedIn, roundId, agencyId);
  const seen = invitationsSeenBy(
    request.signedIn?.member,
    await listInvitations(db, roundId, agencyId),
  );
  return sendPage(request, reply, {
    title: `${scope.agency.name} – ${request.messages.t('invitations.title')}`,
    body: (
      <AgencyInvitationsView
        messages={request.messages}
        round={scope.round}
        agency={scope.agency}
        seen={seen}
        csrfToken={request.signedIn?.csrfToken}
        form={extra.form ?? { list: '', language: request.messages.language }}
        errors={extra.errors ?? {}}
        {...(extra.listProblems ? { listProblems: extra.listProblems } : {})}
        {...(extra.notice ? { notice: extra.notice } : {})}
      />
    ),
  });
}
