// Invitations: respondents of a round, their links, the mail that carries
// them, reminders on a schedule or on demand, and the guard against guessed links.
import type { Feature } from '../../platform/http/feature.ts';
import { invitationApi } from './invitation-api.ts';
import { invitationRoutes } from './invitation-routes.tsx';
import { guardRespondentLinks } from './link-guard.ts';
import { startReminderSchedule } from './reminder-schedule.ts';

export const invitations: Feature = {
  name: 'invitations',
  async register(app, deps) {
    guardRespondentLinks(app, deps.database);
    await invitationRoutes(app, deps);
    await invitationApi(app, deps);
  },
  startJobs: ({ database, mail }, log) => [
    startReminderSchedule({ database, mailer: mail.mailer, log }),
  ],
};

export { decideLink, type LinkState } from './invitation-link.ts';
export { linkOpensOn } from './invitation-link-sql.ts';
export {
  findInvitationByToken,
  type Invitation,
  type InvitationRow,
  invitationOf,
} from './invitation-store.ts';
export { hashInvitationToken, looksLikeInvitationToken } from './invitation-token.ts';
