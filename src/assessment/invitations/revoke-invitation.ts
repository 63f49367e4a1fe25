// Revoking a respondent's link: it stops opening the questionnaire at once
// (invitation-link.ts says why to whoever opens it); the answers already
// saved stay with the round. Recorded in the audit log with the change.
import type { AuditEntry } from '../../platform/audit/audit.ts';
import { recordAudit } from '../../platform/audit/audit-store.ts';
import type { Database } from '../../platform/db/database.ts';
import { revokeInvitation } from './round-invitations-store.ts';

/** Revokes the link; false when it had been revoked already (nothing changes). */
export async function revokeRespondentLink(options: {
  database: Database;
  actor: AuditEntry['actor'];
  workspaceId: string;
  invitation: { id: string; email: string; roundId: string; agencyId: string };
}): Promise<boolean> {
  const { invitation } = options;
  return options.database.db.transaction().execute(async (tx) => {
    if (!(await revokeInvitation(tx, invitation.id))) return false;
    await recordAudit(tx, {
      workspaceId: options.workspaceId,
      actor: options.actor,
      action: 'invitation.revoked',
      entityType: 'invitation',
      entityId: invitation.id,
      details: {
        email: invitation.email,
        roundId: invitation.roundId,
        agencyId: invitation.agencyId,
      },
    });
    return true;
  });
}
