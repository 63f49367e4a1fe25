// Framework versions as stored: the file exactly as imported, keyed by key and
// version. A stored version is never changed; a new version is a new row.
import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { compareVersions } from './framework.ts';
import { type Framework, frameworkSchema } from './framework-schema.ts';

export interface StoredFramework {
  id: string;
  key: string;
  version: string;
  importedAt: Date;
  /** The file as it was imported, for export. */
  document: unknown;
  /** The same file read through the schema, defaults filled in. */
  framework: Framework;
}

export type ImportOutcome = 'created' | 'unchanged';

/**
 * Stores a validated framework version. Importing the same version again is
 * harmless when the file is the same, and refused when it differs: rounds may
 * already have been answered against the stored one.
 */
export async function storeFramework(
  db: Kysely<Schema>,
  framework: Framework,
  document: unknown,
): Promise<{ stored: StoredFramework; outcome: ImportOutcome }> {
  const existing = await findFramework(db, framework.key, framework.version);
  if (existing) {
    if (isDeepStrictEqual(existing.document, document))
      return { stored: existing, outcome: 'unchanged' };
    throw new AppError(
      'conflict',
      `Version ${framework.version} of framework "${framework.key}" already exists with different content; give the changed file a new version`,
      [{ path: 'version', message: `version ${framework.version} already exists` }],
    );
  }
  const row = await db
    .insertInto('frameworks')
    .values({
      key: framework.key,
      version: framework.version,
      name: framework.name[framework.defaultLanguage] ?? framework.key,
      definition: JSON.stringify(document),
    })
    .returning(['id', 'imported_at'])
    .executeTakeFirstOrThrow();
  return {
    stored: {
      id: row.id,
      key: framework.key,
      version: framework.version,
      importedAt: row.imported_at,
      document,
      framework,
    },
    outcome: 'created',
  };
}

const frameworkColumns = ['id', 'key', 'version', 'imported_at', 'definition'] as const;

function toStoredFramework(row: {
  id: string;
  key: string;
  version: string;
  imported_at: Date;
  definition: unknown;
}) {
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    importedAt: row.imported_at,
    document: row.definition,
    framework: frameworkSchema.parse(row.definition),
  };
}

/** One version of a framework, or its latest version when none is named. */
export async function findFramework(
  db: Kysely<Schema>,
  key: string,
  version?: string,
): Promise<StoredFramework | undefined> {
  let query = db.selectFrom('frameworks').select(frameworkColumns).where('key', '=', key);
  if (version) query = query.where('version', '=', version);
  const rows = await query.execute();
  const latest = rows.sort((a, b) => compareVersions(b.version, a.version))[0];
  return latest && toStoredFramework(latest);
}

export async function findFrameworkById(
  db: Kysely<Schema>,
  id: string,
): Promise<StoredFramework | undefined> {
  const row = await db
    .selectFrom('frameworks')
    .select(frameworkColumns)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toStoredFramework(row);
}

/** Every stored version, by key, the newest version of each first. */
export async function listFrameworks(db: Kysely<Schema>): Promise<StoredFramework[]> {
  const rows = await db.selectFrom('frameworks').select(frameworkColumns).execute();
  return rows
    .sort((a, b) => a.key.localeCompare(b.key) || compareVersions(b.version, a.version))
    .map(toStoredFramework);
}

export async function listFrameworkVersions(db: Kysely<Schema>, key: string): Promise<string[]> {
  const rows = await db.selectFrom('frameworks').select('version').where('key', '=', key).execute();
  return rows.map((row) => row.version).sort((a, b) => compareVersions(b, a));
}

// A stored framework version never changes, so one parsed copy per id serves
// every request of every process for as long as it runs. The promise is kept,
// so respondents who arrive together (a server just started) read it once.
const frameworks = new Map<string, Promise<Framework>>();

export function loadFramework(db: Kysely<Schema>, frameworkId: string): Promise<Framework> {
  let framework = frameworks.get(frameworkId);
  if (!framework) {
    framework = readFramework(db, frameworkId);
    frameworks.set(frameworkId, framework);
    // A read that failed is tried again by the next request.
    framework.catch(() => frameworks.delete(frameworkId));
  }
  return framework;
}

async function readFramework(db: Kysely<Schema>, frameworkId: string) {
  const stored = await findFrameworkById(db, frameworkId);
  if (!stored) throw new AppError('not_found', `There is no framework ${frameworkId}`);
  return stored.framework;
}
