// What a member may see of each respondent's progress. A focal point works
// beside the officers they invite: seeing who has submitted, and when, while
// the agency's results change with each submission, would let them read one
// officer's answers off the difference. So a focal point sees how many of
// their agency's respondents have submitted, not who, nor who was reminded
// (reminders go only to those who have not). Pure.
import type { Member } from '../../platform/accounts/access.ts';
import type { ManagedInvitation } from './round-invitations-store.ts';

/** An invitation as a member sees it: progress and reminders null when they may not see them. */
export interface SeenInvitation extends Omit<ManagedInvitation, 'progress' | 'remindersSent'> {
  progress: ManagedInvitation['progress'] | null;
  remindersSent: number | null;
}

export interface SeenInvitations {
  invitations: SeenInvitation[];
  /** Whether each invitation's progress and reminders are shown. */
  whoSubmitted: boolean;
  /** Invitations not revoked. */
  invited: number;
  submitted: number;
}

export function seesWhoSubmitted(member: Member | undefined): boolean {
  return member?.role !== 'focal_point';
}

export function invitationsSeenBy(
  member: Member | undefined,
  invitations: readonly ManagedInvitation[],
): SeenInvitations {
  const working = invitations.filter((invitation) => !invitation.revokedAt);
  const submitted = invitations.filter((invitation) => invitation.progress === 'submitted').length;
  const whoSubmitted = seesWhoSubmitted(member);
  return {
    invitations: whoSubmitted
      ? [...invitations]
      : invitations.map((invitation) => ({
          ...invitation,
          progress: null,
          remindersSent: null,
          lastRemindedAt: null,
        })),
    whoSubmitted,
    invited: working.length,
    submitted,
  };
}
