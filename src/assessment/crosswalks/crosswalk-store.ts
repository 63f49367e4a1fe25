// Lenses and crosswalks as stored: each file exactly as imported, keyed by key
// and version; a crosswalk row also names the framework version it reads and
// the framework or lens it reads through. A stored version never changes.
import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { type Crosswalk, crosswalkSchema } from './crosswalk-schema.ts';
import { type Lens, lensSchema } from './lens-schema.ts';

export type ImportOutcome = 'created' | 'unchanged';

export interface StoredLens {
  id: string;
  key: string;
  version: string;
  importedAt: Date;
  document: unknown;
  lens: Lens;
}

export interface StoredCrosswalk {
  id: string;
  key: string;
  version: string;
  importedAt: Date;
  document: unknown;
  crosswalk: Crosswalk;
  sourceFrameworkId: string;
  target: { framework: string } | { lens: string };
}

/** Refuses another file under a stored version: rounds may have been read through the stored one. */
function sameOrConflict(
  existing: { document: unknown },
  document: unknown,
  what: string,
  version: string,
) {
  if (isDeepStrictEqual(existing.document, document)) return;
  throw new AppError(
    'conflict',
    `Version ${version} of ${what} already exists with different content; give the changed file a new version`,
    [{ path: 'version', message: `version ${version} already exists` }],
  );
}

const lensColumns = ['id', 'key', 'version', 'imported_at', 'definition'] as const;

function toStoredLens(row: {
  id: string;
  key: string;
  version: string;
  imported_at: Date;
  definition: unknown;
}): StoredLens {
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    importedAt: row.imported_at,
    document: row.definition,
    lens: lensSchema.parse(row.definition),
  };
}

export async function storeLens(
  db: Kysely<Schema>,
  lens: Lens,
  document: unknown,
): Promise<{ stored: StoredLens; outcome: ImportOutcome }> {
  const existing = await findLens(db, lens.key, lens.version);
  if (existing) {
    sameOrConflict(existing, document, `lens "${lens.key}"`, lens.version);
    return { stored: existing, outcome: 'unchanged' };
  }
  const row = await db
    .insertInto('lenses')
    .values({
      key: lens.key,
      version: lens.version,
      name: lens.name[lens.defaultLanguage] ?? lens.key,
      definition: JSON.stringify(document),
    })
    .returning(lensColumns)
    .executeTakeFirstOrThrow();
  return { stored: toStoredLens(row), outcome: 'created' };
}

export async function findLens(
  db: Kysely<Schema>,
  key: string,
  version: string,
): Promise<StoredLens | undefined> {
  const row = await db
    .selectFrom('lenses')
    .select(lensColumns)
    .where('key', '=', key)
    .where('version', '=', version)
    .executeTakeFirst();
  return row && toStoredLens(row);
}

export async function findLensById(
  db: Kysely<Schema>,
  id: string,
): Promise<StoredLens | undefined> {
  const row = await db
    .selectFrom('lenses')
    .select(lensColumns)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toStoredLens(row);
}

/** Every stored lens version, by key and version. */
export async function listLenses(db: Kysely<Schema>): Promise<StoredLens[]> {
  const rows = await db
    .selectFrom('lenses')
    .select(lensColumns)
    .orderBy('key')
    .orderBy('version')
    .execute();
  return rows.map(toStoredLens);
}

const crosswalkColumns = [
  'crosswalks.id',
  'crosswalks.key',
  'crosswalks.version',
  'crosswalks.imported_at',
  'crosswalks.definition',
  'crosswalks.source_framework_id',
] as const;

function toStoredCrosswalk(row: {
  id: string;
  key: string;
  version: string;
  imported_at: Date;
  definition: unknown;
  source_framework_id: string;
}): StoredCrosswalk {
  const crosswalk = crosswalkSchema.parse(row.definition);
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    importedAt: row.imported_at,
    document: row.definition,
    crosswalk,
    sourceFrameworkId: row.source_framework_id,
    target: crosswalk.to.lens
      ? { lens: crosswalk.to.lens }
      : { framework: crosswalk.to.framework ?? '' },
  };
}

export async function storeCrosswalk(
  db: Kysely<Schema>,
  crosswalk: Crosswalk,
  document: unknown,
  ends: {
    sourceFrameworkId: string;
    targetFrameworkId: string | null;
    targetLensId: string | null;
  },
): Promise<{ stored: StoredCrosswalk; outcome: ImportOutcome }> {
  const existing = await findCrosswalk(db, crosswalk.key, crosswalk.version);
  if (existing) {
    sameOrConflict(existing, document, `crosswalk "${crosswalk.key}"`, crosswalk.version);
    return { stored: existing, outcome: 'unchanged' };
  }
  const row = await db
    .insertInto('crosswalks')
    .values({
      key: crosswalk.key,
      version: crosswalk.version,
      name: crosswalk.name[crosswalk.defaultLanguage] ?? crosswalk.key,
      source_framework_id: ends.sourceFrameworkId,
      target_framework_id: ends.targetFrameworkId,
      target_lens_id: ends.targetLensId,
      definition: JSON.stringify(document),
    })
    .returning(['id', 'key', 'version', 'imported_at', 'definition', 'source_framework_id'])
    .executeTakeFirstOrThrow();
  return { stored: toStoredCrosswalk(row), outcome: 'created' };
}

export async function findCrosswalk(
  db: Kysely<Schema>,
  key: string,
  version: string,
): Promise<StoredCrosswalk | undefined> {
  const row = await db
    .selectFrom('crosswalks')
    .select(crosswalkColumns)
    .where('key', '=', key)
    .where('version', '=', version)
    .executeTakeFirst();
  return row && toStoredCrosswalk(row);
}

/** Every stored crosswalk version, by key and version. */
export async function listCrosswalks(db: Kysely<Schema>): Promise<StoredCrosswalk[]> {
  const rows = await db
    .selectFrom('crosswalks')
    .select(crosswalkColumns)
    .orderBy('key')
    .orderBy('version')
    .execute();
  return rows.map(toStoredCrosswalk);
}

/** The crosswalks that read rounds of one framework version, each with the id of what it reads through. */
export async function crosswalksFrom(
  db: Kysely<Schema>,
  sourceFrameworkId: string,
): Promise<
  (StoredCrosswalk & { targetFrameworkId: string | null; targetLensId: string | null })[]
> {
  const rows = await db
    .selectFrom('crosswalks')
    .select([...crosswalkColumns, 'target_framework_id', 'target_lens_id'])
    .where('source_framework_id', '=', sourceFrameworkId)
    .orderBy('key')
    .orderBy('version')
    .execute();
  return rows.map((row) => ({
    ...toStoredCrosswalk(row),
    targetFrameworkId: row.target_framework_id,
    targetLensId: row.target_lens_id,
  }));
}
