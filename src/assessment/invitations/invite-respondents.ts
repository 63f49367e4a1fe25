// Inviting respondents of one agency to a round: their invitations, the audit
// entries and the outbox records in one transaction, then delivery. A link is
// handed back only when its message was not delivered, for the lead to pass on.
import type { AuditEntry } from '../../platform/audit/audit.ts';
import { recordAudit } from '../../platform/audit/audit-store.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Language } from '../../platform/i18n/messages.ts';
import { deliverRecorded, type Mailer, recordForDelivery } from '../../platform/mail/mailer.ts';
import { type InvitationContext, invitationLink, invitationMessage } from './invitation-mail.ts';
import { insertInvitations, invitedEmails } from './round-invitations-store.ts';

export interface InvitedRespondent {
  invitationId: string;
  email: string;
  /** Delivered by email; otherwise why not, and the link to pass on by hand, shown this once. */
  delivery: { sent: true } | { sent: false; reason: 'held' | 'failed'; link: string };
}

export interface InvitationOutcome {
  invited: InvitedRespondent[];
  /** Addresses that already hold a working link for this agency and round. */
  skipped: string[];
}

export async function inviteRespondents(options: {
  database: Database;
  mailer: Mailer;
  publicUrl: string;
  actor: AuditEntry['actor'];
  workspaceId: string;
  round: { id: string; name: string; closesOn: string };
  agency: { id: string; name: string };
  workspaceName: string;
  respondents: readonly { email: string; language: Language }[];
}): Promise<InvitationOutcome> {
  const { database, mailer, publicUrl, round, agency } = options;
  const context: InvitationContext = {
    workspaceName: options.workspaceName,
    roundName: round.name,
    agencyName: agency.name,
    closesOn: round.closesOn,
  };
  const { created, skipped, recorded } = await database.db.transaction().execute(async (tx) => {
    const already = await invitedEmails(tx, round.id, agency.id);
    const fresh = options.respondents.filter(({ email }) => !already.has(email.toLowerCase()));
    const created = await insertInvitations(tx, round.id, agency.id, fresh);
    const recorded = [];
    for (const invitation of created) {
      await recordAudit(tx, {
        workspaceId: options.workspaceId,
        actor: options.actor,
        action: 'invitation.created',
        entityType: 'invitation',
        entityId: invitation.id,
        details: { email: invitation.email, roundId: round.id, agencyId: agency.id },
      });
      recorded.push(
        await recordForDelivery(tx, mailer, invitationMessage(context, invitation, publicUrl), {
          workspaceId: options.workspaceId,
          invitationId: invitation.id,
        }),
      );
    }
    const skipped = options.respondents
      .filter(({ email }) => already.has(email.toLowerCase()))
      .map(({ email }) => email);
    return { created, skipped, recorded };
  });
  const delivered = await deliverRecorded(database.db, mailer, recorded);
  return {
    skipped,
    invited: created.map((invitation, index) => {
      const sent = delivered.has(recorded[index]?.id ?? '');
      return {
        invitationId: invitation.id,
        email: invitation.email,
        delivery: sent
          ? { sent: true }
          : {
              sent: false,
              reason: mailer.delivers ? 'failed' : 'held',
              link: invitationLink(publicUrl, invitation.token),
            },
      };
    }),
  };
}
