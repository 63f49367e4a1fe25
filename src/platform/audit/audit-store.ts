// Writing to and reading the audit log. Write an entry in the same transaction
// as the change it records, so there is never a change without its entry.
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import type { AuditEntry } from './audit.ts';

export async function recordAudit(db: Kysely<Schema>, entry: AuditEntry): Promise<void> {
  const actor =
    'system' in entry.actor
      ? { id: null, label: entry.actor.system, apiTokenId: null }
      : {
          id: entry.actor.userId,
          label: entry.actor.label,
          apiTokenId: entry.actor.apiTokenId ?? null,
        };
  await db
    .insertInto('audit_log')
    .values({
      workspace_id: entry.workspaceId,
      actor_user_id: actor.id,
      actor_label: actor.label,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      details: JSON.stringify(entry.details ?? {}),
      api_token_id: actor.apiTokenId,
    })
    .execute();
}

export interface AuditRecord {
  id: number;
  at: Date;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown>;
}

/** The newest entries first, a page at a time. */
export async function listAudit(
  db: Kysely<Schema>,
  workspaceId: string,
  { limit = 100, before }: { limit?: number; before?: number } = {},
): Promise<AuditRecord[]> {
  let query = db
    .selectFrom('audit_log')
    .where((eb) => eb.or([eb('workspace_id', '=', workspaceId), eb('workspace_id', 'is', null)]))
    .select([
      'id',
      'at',
      'actor_label as actor',
      'action',
      'entity_type as entityType',
      'entity_id as entityId',
      'details',
    ])
    .orderBy('id', 'desc')
    .limit(limit);
  if (before !== undefined) query = query.where('id', '<', before);
  return query.execute();
}
