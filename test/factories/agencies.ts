// Agencies of the workspace, each with a name and acronym of its own unless
// the test names it.
import type { Kysely } from 'kysely';
import { insertAgency } from '../../src/assessment/agencies/agency-store.ts';
import type { Schema } from '../../src/platform/db/schema.ts';
import { workspaceOf } from './workspace.ts';

export interface BuiltAgency {
  id: string;
  name: string;
  acronym: string | null;
  level: 'national' | 'subnational' | 'local';
  sector: string;
  parentId: string | null;
  focalPointEmail: string | null;
}

// Numbered in the order built, so the defaults sort as they were built.
let built = 0;

/** A national health agency, "Agency 001" (A001), the next "Agency 002" (A002)... */
export async function buildAgency(
  db: Kysely<Schema>,
  overrides: Partial<Omit<BuiltAgency, 'id'>> = {},
): Promise<BuiltAgency> {
  const workspace = await workspaceOf(db);
  const number = String(++built).padStart(3, '0');
  const values = {
    name: `Agency ${number}`,
    acronym: `A${number}`,
    level: 'national' as const,
    sector: 'health',
    parentId: null,
    focalPointEmail: null,
    ...overrides,
  };
  const id = await insertAgency(db, workspace.id, values);
  return { id, ...values };
}
