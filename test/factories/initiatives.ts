// Initiatives for tests, saved through the roadmap's own change (rules and
// audit included) as the pages and API would save them.
import type { Kysely } from 'kysely';
import { saveInitiative } from '../../src/planning/roadmap/initiative-changes.ts';
import type { RawInitiativeFields } from '../../src/planning/roadmap/initiative-rules.ts';
import type { Schema } from '../../src/platform/db/schema.ts';

/** A short-term project at the first status of the workspace's list; a test overrides what it looks at. */
export async function buildInitiative(
  db: Kysely<Schema>,
  planId: string,
  overrides: RawInitiativeFields = {},
  workspaceId = 'test',
): Promise<string> {
  const outcome = await saveInitiative(
    db,
    planId,
    { title: 'Digital identity for every resident', horizon: 'short', ...overrides },
    { workspaceId, actor: { system: 'test' } },
  );
  if (!outcome.ok) throw new Error(`The test initiative was refused: ${JSON.stringify(outcome)}`);
  return outcome.id;
}
