// The invitations API: list a round's respondents of one agency, invite
// respondents, revoke a link, send reminders. The same scope rules and domain
// actions as the pages.
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { errorBodySchema } from '../../platform/http/errors.ts';
import type { App, FeatureDeps } from '../../platform/http/feature.ts';
import { supportedLanguages } from '../../platform/i18n/messages.ts';
import {
  requireAgencyScope,
  requireInvitationScope,
  requireRoundScope,
} from './invitation-scope.ts';
import { inviteRespondents } from './invite-respondents.ts';
import { invitationsSeenBy } from './progress-visibility.ts';
import { requireRemindable } from './reminders.ts';
import {
  checkRespondents,
  describeRespondentProblem,
  MAX_RESPONDENTS,
  type RespondentList,
  readRespondentList,
} from './respondent-list.ts';
import { revokeRespondentLink } from './revoke-invitation.ts';
import { listInvitations } from './round-invitations-store.ts';
import { sendReminders } from './send-reminders.ts';

const language = z.enum(supportedLanguages);

const invitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    language: z.string(),
    invitedAt: z.date(),
    revokedAt: z.date().nullable(),
    remindersSent: z
      .number()
      .int()
      .nullable()
      .describe('null for a focal point, who sees how many have submitted, not who'),
    lastRemindedAt: z.date().nullable(),
    progress: z
      .enum(['not_started', 'draft', 'submitted'])
      .nullable()
      .describe('null for a focal point, who sees how many have submitted, not who'),
  })
  .meta({ id: 'Invitation' });

const newInvitationsSchema = z
  .object({
    agencyId: z.uuid(),
    language: language.optional().describe('For respondents who do not name theirs; default en'),
    respondents: z
      .array(
        z.object({
          email: z.string().max(320),
          language: z.string().max(10).optional(),
        }),
      )
      .max(MAX_RESPONDENTS)
      .optional(),
    csv: z
      .string()
      .max(500_000)
      .optional()
      .describe('Instead of respondents: a list as typed, or CSV with an email column'),
  })
  .meta({ id: 'NewInvitations' });

const invitationOutcomeSchema = z
  .object({
    invited: z.array(
      z.object({
        invitationId: z.uuid(),
        email: z.string(),
        sent: z.boolean(),
        reason: z.enum(['held', 'failed']).optional(),
        link: z
          .string()
          .optional()
          .describe('Only when the message was not delivered: shown this once, never stored'),
      }),
    ),
    skipped: z.array(z.string()).describe('Addresses that already hold a working link'),
  })
  .meta({ id: 'InvitationOutcome' });

export async function invitationApi(app: App, { database, mail }: FeatureDeps) {
  const { db } = database;

  app.get(
    '/api/rounds/:id/invitations',
    {
      schema: {
        tags: ['invitations'],
        summary: 'The respondents of one agency in a round, with their progress',
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ agencyId: z.uuid() }),
        response: {
          200: z.object({
            invitations: z.array(invitationSchema),
            whoSubmitted: z
              .boolean()
              .describe('false for a focal point: progress and reminders per invitation are null'),
            invited: z.number().int().describe('Invitations not revoked'),
            submitted: z.number().int().describe('Respondents who have submitted'),
          }),
        },
      },
      config: { access: 'invitations.manage' },
    },
    async (request) => {
      const { id } = request.params;
      const { agencyId } = request.query;
      await requireAgencyScope(db, request.signedIn, id, agencyId, 'query.agencyId');
      return invitationsSeenBy(request.signedIn?.member, await listInvitations(db, id, agencyId));
    },
  );

  app.post(
    '/api/rounds/:id/invitations',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Invite respondents of one agency; each gets a secret link by email',
        params: z.object({ id: z.uuid() }),
        body: newInvitationsSchema,
        response: {
          201: invitationOutcomeSchema,
          400: errorBodySchema,
          403: errorBodySchema,
          409: errorBodySchema,
        },
      },
      config: { access: 'invitations.manage' },
    },
    async (request, reply) => {
      const { body } = request;
      const scope = await requireAgencyScope(
        db,
        request.signedIn,
        request.params.id,
        body.agencyId,
        'body.agencyId',
      );
      if (scope.round.status === 'closed')
        throw new AppError('conflict', 'The round has closed: nobody more can be invited');
      const fallback = body.language ?? 'en';
      let list: RespondentList;
      let pathOf: (row: number) => string;
      if (body.respondents) {
        list = checkRespondents(
          body.respondents.map((respondent, index) => ({ row: index + 1, ...respondent })),
          fallback,
        );
        pathOf = (row) => (row === 0 ? 'body.respondents' : `body.respondents.${row - 1}`);
      } else if (body.csv !== undefined) {
        list = readRespondentList(body.csv, fallback);
        pathOf = (row) => (row === 0 ? 'body.csv' : `body.csv.row${row}`);
      } else {
        throw new AppError('invalid_request', 'Send respondents or csv', [
          { path: 'body.respondents', message: 'give respondents, or a csv list' },
        ]);
      }
      if (!list.ok) {
        const t = request.messages.t;
        throw new AppError(
          'invalid_request',
          'The respondent list has problems; nobody was invited',
          list.problems.map((problem) => ({
            path: pathOf(problem.row),
            message: describeRespondentProblem(t, problem),
          })),
        );
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
      reply.header('cache-control', 'no-store');
      return reply.status(201).send({
        skipped: outcome.skipped,
        invited: outcome.invited.map(({ invitationId, email, delivery }) => ({
          invitationId,
          email,
          ...delivery,
        })),
      });
    },
  );

  app.post(
    '/api/invitations/:id/revoke',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Revoke a respondent’s link; answers already saved are kept',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ revoked: z.literal(true) }), 404: errorBodySchema },
      },
      config: { access: 'invitations.manage' },
    },
    async (request) => {
      const { workspace, invitation, actor } = await requireInvitationScope(
        db,
        request.signedIn,
        request.params.id,
      );
      // Revoking twice is harmless: the link stays revoked and one audit entry records it.
      await revokeRespondentLink({ database, actor, workspaceId: workspace.id, invitation });
      return { revoked: true as const };
    },
  );

  app.post(
    '/api/rounds/:id/reminders',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Remind respondents who have not submitted (one agency, or all you manage)',
        params: z.object({ id: z.uuid() }),
        body: z.object({ agencyId: z.uuid().optional() }).default({}),
        response: {
          200: z.object({ reminded: z.number().int() }),
          409: errorBodySchema.describe('The round is not open'),
        },
      },
      config: { access: 'invitations.manage' },
    },
    async (request) => {
      const { id } = request.params;
      const { agencyId } = request.body;
      const scope = agencyId
        ? await requireAgencyScope(db, request.signedIn, id, agencyId, 'body.agencyId')
        : await requireRoundScope(db, request.signedIn, id);
      requireRemindable(scope.round.status);
      const agencyIds = agencyId ? [agencyId] : scope.agencyIds;
      return sendReminders({
        database,
        mailer: mail.mailer,
        occasion: 'on_demand',
        actor: scope.actor,
        roundId: scope.round.id,
        ...(agencyIds ? { agencyIds } : {}),
      });
    },
  );
}
