// Test data built by small factories with defaults: an open round of the demo's
// agencies on a reference framework, and invitations to it with their link
// secret. Each returns what a test needs to act as the respondent.
import type { Kysely } from 'kysely';
import { findFramework } from '../src/assessment/frameworks/framework-store.ts';
import { newInvitationToken } from '../src/assessment/invitations/invitation-token.ts';
import type { Schema } from '../src/platform/db/schema.ts';
import { requireWorkspace } from '../src/platform/workspaces/workspace-store.ts';

const DAY = 24 * 3600 * 1000;

/** An ISO day `days` from today (UTC), e.g. isoDay(-1) for yesterday. */
export function isoDay(days: number, now = new Date()): string {
  return new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);
}

export interface RoundOverrides {
  name?: string;
  /** A reference framework, or one the test imported. */
  frameworkKey?: string;
  status?: 'draft' | 'open' | 'closed';
  opensOn?: string;
  closesOn?: string;
  /** How many of the workspace's agencies (by name) are in scope. */
  agencyCount?: number;
}

export interface BuiltRound {
  id: string;
  agencyIds: string[];
}

/** A round open from yesterday to a month from now, over the first agencies of the workspace. */
export async function buildRound(
  db: Kysely<Schema>,
  overrides: RoundOverrides = {},
): Promise<BuiltRound> {
  const workspace = await requireWorkspace(db);
  const framework = await findFramework(db, overrides.frameworkKey ?? 'dgca');
  if (!framework) throw new Error('The reference frameworks are not installed');
  const agencies = await db
    .selectFrom('agencies')
    .select('id')
    .where('workspace_id', '=', workspace.id)
    .orderBy('name')
    .limit(overrides.agencyCount ?? 2)
    .execute();
  const round = await db
    .insertInto('rounds')
    .values({
      workspace_id: workspace.id,
      framework_id: framework.id,
      name: overrides.name ?? `Self-assessment ${Math.random().toString(36).slice(2, 8)}`,
      opens_on: overrides.opensOn ?? isoDay(-1),
      closes_on: overrides.closesOn ?? isoDay(30),
      status: overrides.status ?? 'open',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (agencies.length > 0)
    await db
      .insertInto('round_agencies')
      .values(agencies.map((agency) => ({ round_id: round.id, agency_id: agency.id })))
      .execute();
  return { id: round.id, agencyIds: agencies.map((agency) => agency.id) };
}

export interface BuiltInvitation {
  id: string;
  token: string;
  roundId: string;
  agencyId: string;
}

/** An invitation to a round (a new open dgca round unless one is given), with its link secret. */
export async function buildInvitation(
  db: Kysely<Schema>,
  overrides: {
    round?: BuiltRound;
    roundOverrides?: RoundOverrides;
    email?: string;
    revoked?: boolean;
    language?: string;
  } = {},
): Promise<BuiltInvitation> {
  const round = overrides.round ?? (await buildRound(db, overrides.roundOverrides));
  const agencyId = round.agencyIds[0];
  if (!agencyId) throw new Error('The round has no agency to invite');
  const { token, tokenHash } = newInvitationToken();
  const invitation = await db
    .insertInto('invitations')
    .values({
      round_id: round.id,
      agency_id: agencyId,
      email: overrides.email ?? `respondent-${tokenHash.slice(0, 8)}@example.org`,
      token_hash: tokenHash,
      revoked_at: overrides.revoked ? new Date() : null,
      ...(overrides.language ? { language: overrides.language } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: invitation.id, token, roundId: round.id, agencyId };
}
