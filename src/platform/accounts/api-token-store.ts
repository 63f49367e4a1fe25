// Queries for API tokens: storing a new one (its hash only), listing them for
// admins, finding the one a request presents, recording its use, revoking it.
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import type { Role, TokenRole } from './access.ts';
import type { PresentedToken } from './api-tokens.ts';

export async function insertApiToken(
  db: Kysely<Schema>,
  token: {
    workspaceId: string;
    name: string;
    role: TokenRole;
    hash: string;
    createdBy: string;
    expiresAt: Date;
  },
): Promise<string> {
  const row = await db
    .insertInto('api_tokens')
    .values({
      workspace_id: token.workspaceId,
      name: token.name,
      role: token.role,
      token_hash: token.hash,
      created_by: token.createdBy,
      expires_at: token.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface ApiTokenListing {
  id: string;
  name: string;
  role: TokenRole;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

const listingColumns = [
  'api_tokens.id',
  'api_tokens.name',
  'api_tokens.role',
  'users.name as createdBy',
  'api_tokens.created_at as createdAt',
  'api_tokens.expires_at as expiresAt',
  'api_tokens.revoked_at as revokedAt',
  'api_tokens.last_used_at as lastUsedAt',
] as const;

/** Every token of the workspace, the newest first; never the hash. */
export async function listApiTokens(
  db: Kysely<Schema>,
  workspaceId: string,
): Promise<ApiTokenListing[]> {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.created_by')
    .where('api_tokens.workspace_id', '=', workspaceId)
    .select(listingColumns)
    .orderBy('api_tokens.created_at', 'desc')
    .orderBy('api_tokens.id')
    .execute();
}

export interface FoundApiToken extends PresentedToken {
  id: string;
  name: string;
  lastUsedAt: Date | null;
  maker: { userId: string; email: string; name: string };
}

/** The token with this hash in the workspace, with its maker and the maker's role today. */
export async function findApiTokenByHash(
  db: Kysely<Schema>,
  hash: string,
  workspaceId: string,
): Promise<FoundApiToken | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.created_by')
    .leftJoin('memberships', (join) =>
      join
        .onRef('memberships.user_id', '=', 'api_tokens.created_by')
        .onRef('memberships.workspace_id', '=', 'api_tokens.workspace_id'),
    )
    .where('api_tokens.token_hash', '=', hash)
    .where('api_tokens.workspace_id', '=', workspaceId)
    .select([
      'api_tokens.id',
      'api_tokens.name',
      'api_tokens.role',
      'api_tokens.expires_at as expiresAt',
      'api_tokens.revoked_at as revokedAt',
      'api_tokens.last_used_at as lastUsedAt',
      'users.id as userId',
      'users.email',
      'users.name as makerName',
      'memberships.role as makerRole',
    ])
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    lastUsedAt: row.lastUsedAt,
    makerRole: (row.makerRole ?? undefined) as Role | undefined,
    maker: { userId: row.userId, email: row.email, name: row.makerName },
  };
}

export async function recordApiTokenUse(db: Kysely<Schema>, id: string, at: Date): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** Revokes a token that still works; the token as it was, or undefined if none was revoked. */
export async function markApiTokenRevoked(
  db: Kysely<Schema>,
  change: { id: string; workspaceId: string; by: string; at: Date },
): Promise<{ name: string; role: TokenRole } | undefined> {
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: change.at, revoked_by: change.by })
    .where('id', '=', change.id)
    .where('workspace_id', '=', change.workspaceId)
    .where('revoked_at', 'is', null)
    .returning(['name', 'role'])
    .executeTakeFirst();
}

/** One token of the workspace, as the admins' pages list it. */
export async function findApiToken(
  db: Kysely<Schema>,
  id: string,
  workspaceId: string,
): Promise<ApiTokenListing | undefined> {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.created_by')
    .where('api_tokens.id', '=', id)
    .where('api_tokens.workspace_id', '=', workspaceId)
    .select(listingColumns)
    .executeTakeFirst();
}
