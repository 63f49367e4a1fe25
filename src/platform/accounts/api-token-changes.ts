// Making and revoking API tokens, each written with its audit entry in one
// transaction; and finding who a request's token acts for, recording its use.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit-store.ts';
import { hashSecret } from '../config/secrets.ts';
import type { Schema } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import type { SignedIn } from './account-store.ts';
import {
  findApiTokenByHash,
  insertApiToken,
  markApiTokenRevoked,
  recordApiTokenUse,
} from './api-token-store.ts';
import {
  checkTokenRequest,
  isNewUse,
  newApiToken,
  type RawTokenRequest,
  refusalMessages,
  type TokenProblem,
  tokenStanding,
} from './api-tokens.ts';

/** The admin making the change, as the audit log names them. */
export interface TokenAdmin {
  workspaceId: string;
  actor: { userId: string; label: string };
}

export type CreatedToken =
  | { ok: true; id: string; name: string; token: string; expiresAt: Date }
  | { ok: false; problems: TokenProblem[] };

export async function createApiToken(
  db: Kysely<Schema>,
  raw: RawTokenRequest,
  by: TokenAdmin,
  now = new Date(),
): Promise<CreatedToken> {
  const checked = checkTokenRequest(raw, now);
  if (!checked.ok) return checked;
  const { name, role, expiresAt } = checked.request;
  const { token, hash } = newApiToken();
  return db.transaction().execute(async (tx) => {
    const id = await insertApiToken(tx, {
      workspaceId: by.workspaceId,
      name,
      role,
      hash,
      createdBy: by.actor.userId,
      expiresAt,
    });
    await recordAudit(tx, {
      workspaceId: by.workspaceId,
      actor: by.actor,
      action: 'api_token.created',
      entityType: 'api_token',
      entityId: id,
      details: { name, role, expiresAt: expiresAt.toISOString() },
    });
    return { ok: true as const, id, name, token, expiresAt };
  });
}

/** Revokes a token that still works; false if it was already revoked. */
export async function revokeApiToken(
  db: Kysely<Schema>,
  id: string,
  by: TokenAdmin,
  now = new Date(),
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const revoked = await markApiTokenRevoked(tx, {
      id,
      workspaceId: by.workspaceId,
      by: by.actor.userId,
      at: now,
    });
    if (!revoked) return false;
    await recordAudit(tx, {
      workspaceId: by.workspaceId,
      actor: by.actor,
      action: 'api_token.revoked',
      entityType: 'api_token',
      entityId: id,
      details: { name: revoked.name, role: revoked.role },
    });
    return true;
  });
}

/**
 * Who a request's API token acts for: the member who made it, with the
 * token's role. A token that is unknown, revoked, expired or outranks its
 * maker is refused (401), saying which.
 */
export async function signedInWithToken(
  db: Kysely<Schema>,
  token: string,
  workspaceId: string | undefined,
  now = new Date(),
): Promise<SignedIn> {
  const found =
    token && workspaceId ? await findApiTokenByHash(db, hashSecret(token), workspaceId) : undefined;
  const standing = tokenStanding(found, now);
  if (!standing.ok || !found) {
    const reason = standing.ok ? 'unknown' : standing.reason;
    throw new AppError('unauthenticated', refusalMessages[reason], [
      { path: 'headers.authorization', message: refusalMessages[reason] },
    ]);
  }
  if (isNewUse(found.lastUsedAt, now)) await recordApiTokenUse(db, found.id, now);
  const { maker } = found;
  return {
    member: { ...maker, role: standing.role, agencyIds: [] },
    userId: maker.userId,
    csrfToken: '',
    apiToken: { id: found.id, name: found.name },
  };
}
