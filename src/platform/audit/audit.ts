// What the audit log records: an actor, an action on an entity, and details.
// Actions are named `<entity>.<verb>` in the past tense, e.g. `agency.created`.

export type AuditEntity =
  | 'agency'
  | 'round'
  | 'framework'
  | 'lens'
  | 'crosswalk'
  | 'invitation'
  | 'consensus'
  | 'target'
  | 'recommendation'
  | 'plan'
  | 'swot_entry'
  | 'pestle_factor'
  | 'star_profile_point'
  | 'stakeholder'
  | 'vision'
  | 'vision_principle'
  | 'vision_goal'
  | 'vision_priority'
  | 'initiative'
  | 'roadmap'
  | 'membership'
  | 'api_token'
  | 'workspace';

export interface AuditEntry {
  workspaceId: string | null;
  /**
   * Who acted: a member (through an API token of theirs, when `apiTokenId` is
   * set), or the system (the command line, a scheduled job).
   */
  actor: { userId: string; label: string; apiTokenId?: string } | { system: string };
  action: `${AuditEntity}.${string}`;
  entityType: AuditEntity;
  entityId: string | null;
  /** What changed, shaped on purpose: never a password, a token or a whole row. */
  details?: Record<string, unknown>;
}

/** The actor of a request: the signed-in member (naming the API token they sent, if any), or the command line. */
export function actorOf(
  signedIn:
    | {
        userId: string;
        member?: { name: string; email: string } | undefined;
        apiToken?: { id: string; name: string } | undefined;
      }
    | undefined,
): AuditEntry['actor'] {
  if (!signedIn) return { system: 'command line' };
  const member = signedIn.member
    ? `${signedIn.member.name} <${signedIn.member.email}>`
    : signedIn.userId;
  const { apiToken } = signedIn;
  if (!apiToken) return { userId: signedIn.userId, label: member };
  return {
    userId: signedIn.userId,
    label: `API token “${apiToken.name}” of ${member}`,
    apiTokenId: apiToken.id,
  };
}
