// Rounds of the workspace on a reference framework (or one the test imported),
// open by default, over agencies of the workspace.
import type { Kysely } from 'kysely';
import { findFramework } from '../../src/assessment/frameworks/framework-store.ts';
import type { Schema } from '../../src/platform/db/schema.ts';
import { buildAgency } from './agencies.ts';
import { workspaceOf } from './workspace.ts';

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
  /** The agencies in scope; without them, the workspace's first `agencyCount` by name. */
  agencyIds?: string[];
  agencyCount?: number;
}

export interface BuiltRound {
  id: string;
  agencyIds: string[];
}

/**
 * A round open from yesterday to a month from now, over the agencies given or
 * the first two of the workspace by name (built when it has fewer).
 */
export async function buildRound(
  db: Kysely<Schema>,
  overrides: RoundOverrides = {},
): Promise<BuiltRound> {
  const workspace = await workspaceOf(db);
  const framework = await findFramework(db, overrides.frameworkKey ?? 'dgca');
  if (!framework) throw new Error('The reference frameworks are not installed');
  const agencyIds = overrides.agencyIds ?? (await firstAgencies(db, overrides.agencyCount ?? 2));
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
  if (agencyIds.length > 0)
    await db
      .insertInto('round_agencies')
      .values(agencyIds.map((agencyId) => ({ round_id: round.id, agency_id: agencyId })))
      .execute();
  return { id: round.id, agencyIds };
}

/** The workspace's first `count` agencies by name, building as many as it lacks. */
async function firstAgencies(db: Kysely<Schema>, count: number): Promise<string[]> {
  const workspace = await workspaceOf(db);
  const existing = await db
    .selectFrom('agencies')
    .select('id')
    .where('workspace_id', '=', workspace.id)
    .orderBy('name')
    .limit(count)
    .execute();
  const ids = existing.map((agency) => agency.id);
  while (ids.length < count) ids.push((await buildAgency(db)).id);
  return ids;
}
