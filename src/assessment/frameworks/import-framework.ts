// Importing a framework file, the one path used by the API, the command line
// and the reference frameworks: validate everything, then write or write nothing.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { AuditEntry } from '../../platform/audit/audit.ts';
import { recordAudit } from '../../platform/audit/audit-store.ts';
import type { Schema } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { type ImportOutcome, type StoredFramework, storeFramework } from './framework-store.ts';
import { validateFramework } from './validate-framework.ts';

export const referenceFrameworksDir = path.join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'frameworks',
);

export async function importFramework(
  db: Kysely<Schema>,
  document: unknown,
  by: { workspaceId: string | null; actor: AuditEntry['actor'] },
): Promise<{ stored: StoredFramework; outcome: ImportOutcome }> {
  const validation = validateFramework(document);
  if (!validation.ok) {
    const count = validation.problems.length;
    throw new AppError(
      'invalid_framework',
      `The framework file has ${count} ${count === 1 ? 'problem' : 'problems'}; nothing was imported`,
      validation.problems,
    );
  }
  const { framework } = validation;
  return db.transaction().execute(async (tx) => {
    const result = await storeFramework(tx, framework, document);
    if (result.outcome === 'created') {
      await recordAudit(tx, {
        workspaceId: by.workspaceId,
        actor: by.actor,
        action: 'framework.imported',
        entityType: 'framework',
        entityId: result.stored.id,
        details: { key: framework.key, version: framework.version },
      });
    }
    return result;
  });
}

/** Reads a framework file; a file that is not JSON is reported like any other problem. */
export function readFrameworkFile(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError('invalid_framework', `${file} is not valid JSON; nothing was imported`, [
      { path: '', message: (error as Error).message },
    ]);
  }
}

/** Imports each reference framework under frameworks/ whose version is not stored yet. */
export async function installReferenceFrameworks(db: Kysely<Schema>): Promise<StoredFramework[]> {
  const files = readdirSync(referenceFrameworksDir)
    .filter((file) => file.endsWith('.json'))
    .sort();
  const installed: StoredFramework[] = [];
  for (const file of files) {
    const document = readFrameworkFile(path.join(referenceFrameworksDir, file));
    const { stored, outcome } = await importFramework(db, document, {
      workspaceId: null,
      actor: { system: 'reference frameworks' },
    });
    if (outcome === 'created') installed.push(stored);
  }
  return installed;
}
