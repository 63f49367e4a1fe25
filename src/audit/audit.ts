// What the audit log records: an actor, an action on an entity, and details.
// Actions are named `<entity>.<verb>` in the past tense, e.g. `agency.created`.

export type AuditEntity =
  | 'agency'
  | 'round'
  | 'framework'
  | 'invitation'
  | 'consensus'
  | 'membership'
  | 'workspace';

export interface AuditEntry {
  workspaceId: string | null;
  /** Who acted: a member, or the system (the command line, a scheduled job). */
  actor: { userId: string; label: string } | { system: string };
  action: `${AuditEntity}.${string}`;
  entityType: AuditEntity;
  entityId: string | null;
  /** What changed, shaped on purpose: never a password, a token or a whole row. */
  details?: Record<string, unknown>;
}

/** The actor of a request: the signed-in member, or the command line. */
export function actorOf(
  signedIn: { userId: string; member?: { name: string; email: string } | undefined } | undefined,
) {
  if (!signedIn) return { system: 'command line' } as const;
  return {
    userId: signedIn.userId,
    label: signedIn.member ? `${signedIn.member.name} <${signedIn.member.email}>` : signedIn.userId,
  };
}
